"""Groups of articles: the one resolution of a ``groups=`` argument, and the layout of grouped tables.

See :mod:`corpus_tools.stats.groups` for the forms a grouping takes.  Its own
module so that :func:`corpus_tools.frequency_table`, ``ngram_table`` and
``diversity_table`` (``groups=``) and :mod:`corpus_tools.stats.groups` share
it without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from corpus_tools.model.corpus import ARTICLE_FIELDS, Article, as_articles, period_label
from corpus_tools.tokens.dataset import ARTICLE_COLUMNS, TOKEN_SCHEMA, TokenDataset, variable_column
from corpus_tools.tokens.table import as_token_table

__all__ = ["dataset_group_labels", "group_labels", "grouped_table"]


def group_labels(data, groups: str | Callable[[Article], object] | Mapping[str, object]) -> dict[str, str]:
    """Article id -> group label, for the articles that have a group (in corpus order).

    ``data`` is a Corpus or Article(s), or a token dataset: a variable name
    or date period is then read from its article table (only that column),
    with the labels the corpus would give.  With a mapping ``groups`` it may
    also be a token table (the ids are then its ``article`` values).

    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["a.", "b.", "c."], ids=["x", "y", "z"], dates=["2023-01-02", None, "2024-05-01"])
    >>> group_labels(c, "date:year")
    {'x': '2023', 'z': '2024'}
    """
    if isinstance(groups, Mapping):
        if isinstance(data, TokenDataset):
            ids = data.articles
        else:
            ids = (list(dict.fromkeys(data["article"].tolist())) if isinstance(data, pd.DataFrame)
                   else [a.id for a in as_articles(data)])
        return {i: str(groups[i]) for i in ids if groups.get(i) is not None}
    if isinstance(data, TokenDataset) and isinstance(groups, str):
        return dataset_group_labels(data, groups)
    if isinstance(data, (pd.DataFrame, TokenDataset)):
        kind = "token table" if isinstance(data, pd.DataFrame) else "token dataset"
        what = "no document variables" if kind == "token table" else "its variables by name, not functions"
        raise TypeError(f"a {kind} carries {what}: give groups as a mapping article id -> "
                        "group, e.g. group_labels(corpus, 'source')")
    articles = as_articles(data)
    if isinstance(groups, str):
        known = {*ARTICLE_FIELDS, *(k for a in articles for k in a.meta)}
        if articles and not groups.startswith("date:") and groups not in known:
            raise KeyError(f"no document variable {groups!r}; known: {sorted(known)}")
        values = {a.id: a.variable(groups) for a in articles}
    elif callable(groups):
        values = {a.id: groups(a) for a in articles}
    else:
        raise TypeError(f"groups must be a variable name, a function of an Article or a mapping, "
                        f"not {type(groups).__name__}")
    return {i: str(v) for i, v in values.items() if v is not None}


def dataset_group_labels(dataset: TokenDataset, name: str) -> dict[str, str]:
    """:func:`group_labels` of a document variable or ``"date:<period>"``, from the dataset's article table.

    Equal to ``group_labels(corpus, name)`` of the corpus the dataset was
    built from: a stored value is the article's value (or, in a column of
    mixed types, its ``str``), and the label is ``str`` of it.
    """
    columns = dataset.article_columns
    if name.startswith("date:"):
        period = name.removeprefix("date:")
        period_label(None, period)  # an unknown period is the in-memory ValueError
        column = "date"
    elif name in ARTICLE_FIELDS:
        column = "article" if name == "id" else name
    else:
        column = variable_column(name)
        if column not in columns:
            variables = [c.removeprefix("meta:") for c in columns[len(ARTICLE_COLUMNS):]]
            if dataset.articles:
                raise KeyError(f"no document variable {name!r}; known: {sorted({*ARTICLE_FIELDS, *variables})}")
            return {}
    ids = dataset.articles  # the article table's order: corpus order
    values = dataset.article_column(column)
    if name.startswith("date:"):
        values = [period_label(v, period) for v in values]
    return {i: str(v) for i, v in zip(ids, values, strict=True) if v is not None}


def grouped_table(data, groups, options, one_table: Callable[[pd.DataFrame], pd.DataFrame],
                  dataset_tables: Callable[[TokenDataset, dict[str, str]], dict[str, pd.DataFrame]]) -> pd.DataFrame:
    """One table per group (sorted labels), with ``group`` and ``articles`` first: every grouped table's layout.

    ``data`` is a token table, Corpus or TokenDataset; ``groups`` as
    :func:`group_labels` takes it; ``options`` the token options (a corpus
    is tokenised, a dataset queried with them).

    ``one_table`` makes a group's table from its token table;
    ``dataset_tables(dataset, labels)`` makes every group's table at once
    from a dataset's aggregates (a group it leaves out gets ``one_table`` of
    no tokens, as a group without tokens does in memory).
    """
    labels = group_labels(data, groups)
    if isinstance(data, TokenDataset):
        ds = data.with_options(options) if options is not None else data
        tables = dataset_tables(ds, labels)
        empty_toks = TOKEN_SCHEMA.empty_table().to_pandas()

        def table_of(label, ids):
            return tables[label] if label in tables else one_table(empty_toks)
    else:
        toks = as_token_table(data, options)
        empty_toks = toks.iloc[:0]

        def table_of(label, ids):
            return one_table(toks[toks["article"].isin(ids)])
    parts = []
    for label in sorted(set(labels.values())):
        ids = {i for i, g in labels.items() if g == label}
        table = table_of(label, ids)
        table.insert(0, "articles", len(ids))
        table.insert(0, "group", label)
        parts.append(table)
    if not parts:
        empty = one_table(empty_toks)
        return pd.concat([pd.DataFrame({"group": pd.Series(dtype=object), "articles": pd.Series(dtype="int64")}),
                          empty], axis=1)
    return pd.concat(parts, ignore_index=True)
