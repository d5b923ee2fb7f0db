"""Groups of articles by a document variable or a date period, for grouped tables and keyness.

A grouping (the ``groups=`` parameter, after quanteda's ``textstat_frequency(groups=)``) is one of:

* a document variable name (:meth:`corpus_tools.model.corpus.Article.variable`): ``"source"``,
  a ``meta`` key such as ``"topic"``, or a date period ``"date:day"``, ``"date:week"``,
  ``"date:month"``, ``"date:year"``;
* a function of an :class:`~corpus_tools.model.corpus.Article` returning its group;
* a mapping article id -> group (the only form a bare token table or a
  :class:`~corpus_tools.tokens.dataset.TokenDataset` can take, as they carry no
  document variables: build it once with :func:`group_labels` from the corpus).

Given a token dataset, the grouped tables are computed from aggregates: the
labels are registered as a small DuckDB table joined on ``article``
(:func:`corpus_tools.stats.word_queries.query_group_counts`), or, for
lexical diversity, the parts are streamed once forward and once backward
with one accumulator per group; the tables equal those of the token table.

Group labels are text (``str(value)``); an article whose value is None is in no group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from corpus_tools.model.corpus import ARTICLE_FIELDS, Article, as_articles
from corpus_tools.stats.diversity import _stream_rows, diversity_table
from corpus_tools.stats.frequency import _table_from_counts, frequency_table, ngram_table
from corpus_tools.stats.queries import TermCounts
from corpus_tools.stats.word_queries import query_group_counts
from corpus_tools.tokens.dataset import TOKEN_SCHEMA, TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = ["group_diversity_table", "group_frequency_table", "group_labels", "group_ngram_table"]


def group_labels(data, groups: str | Callable[[Article], object] | Mapping[str, object]) -> dict[str, str]:
    """Article id -> group label, for the articles that have a group (in corpus order).

    ``data`` is a Corpus or Article(s); with a mapping ``groups`` it may also
    be a token table (the ids are then its ``article`` values) or a token
    dataset (its articles).

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
    if isinstance(data, (pd.DataFrame, TokenDataset)):
        kind = "token table" if isinstance(data, pd.DataFrame) else "token dataset"
        raise TypeError(f"a {kind} carries no document variables: give groups as a mapping article id -> "
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


def _grouped(data, groups, options, one_table, dataset_tables=None) -> pd.DataFrame:
    """One table per group (sorted labels), with ``group`` and ``articles`` first.

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


def _count_tables(n: int, min_count: int, column: str):
    """``dataset_tables`` of the frequency (n = 1) and n-gram tables: one DuckDB aggregate over the groups."""
    def tables(ds: TokenDataset, labels: Mapping[str, str]) -> dict[str, pd.DataFrame]:
        counts, totals = query_group_counts(ds, labels, n, column=column, min_count=min_count)
        by_group = dict(tuple(counts.groupby("group", sort=False)))
        out = {}
        for label in set(labels.values()):
            sub = by_group.get(label, counts.iloc[:0]).drop(columns="group").reset_index(drop=True)
            sizes = {a: t for a, t in totals.items() if labels[a] == label}
            if sizes:  # a group without tokens gets the in-memory empty table
                out[label] = _table_from_counts(TermCounts(sub, sizes), False, min_count)
        return out
    return tables


def group_frequency_table(
    data,
    groups: str | Callable[[Article], object] | Mapping[str, object],
    *,
    min_count: int = 1,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Word frequencies within each group of articles (quanteda's ``textstat_frequency(groups=)``).

    One :func:`~corpus_tools.frequency_table` per group, on that group's
    tokens: ``per_10k`` is per 10,000 tokens of the group, ``rank`` restarts
    at 1 in every group, ``doc_freq`` counts the group's articles.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``articles`` (articles in the group), then the
        frequency table's columns; groups in sorted order of their label,
        each sorted as :func:`~corpus_tools.frequency_table` is (count
        descending, then term by code point).

    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["oil oil gas", "oil", "shares"], dates=["2023-01-03", "2023-01-09", "2023-02-01"])
    >>> group_frequency_table(c, "date:month")[["group", "articles", "term", "count", "rank"]].values.tolist()
    [['2023-01', 2, 'oil', 3, 1], ['2023-01', 2, 'gas', 1, 2], ['2023-02', 1, 'shares', 1, 1]]
    """
    return _grouped(data, groups, options, lambda sub: frequency_table(sub, min_count=min_count, column=column),
                    _count_tables(1, min_count, column))


def group_ngram_table(
    data,
    groups: str | Callable[[Article], object] | Mapping[str, object],
    n: int = 2,
    *,
    min_count: int = 1,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """N-gram frequencies within each group: :func:`~corpus_tools.ngram_table` per group (see group_frequency_table).

    >>> from corpus_tools import Corpus
    >>> c = Corpus([Article.from_text("Crude oil fell. Crude oil rose.", id="a", meta={"topic": "crude"}),
    ...             Article.from_text("Shares rose.", id="b", meta={"topic": "acq"})])
    >>> group_ngram_table(c, "topic")[["group", "term", "count"]].values.tolist()
    [['acq', 'shares rose', 1], ['crude', 'crude oil', 2], ['crude', 'oil fell', 1], ['crude', 'oil rose', 1]]
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer, not {n!r}")
    return _grouped(data, groups, options, lambda sub: ngram_table(sub, n, min_count=min_count, column=column),
                    _count_tables(n, min_count, column))


def group_diversity_table(
    data,
    groups: str | Callable[[Article], object] | Mapping[str, object],
    *,
    mattr_window: int = 50,
    threshold: float = 0.72,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Lexical diversity of each group: one :func:`~corpus_tools.diversity_table` row per group.

    A group's word sequence is its articles' tokens one after the other (as
    for the corpus row of :func:`~corpus_tools.diversity_table`); groups in
    sorted order of their label.

    >>> from corpus_tools import Corpus
    >>> c = Corpus([Article.from_text("a rose is a rose", id="a", meta={"desk": "x"}),
    ...             Article.from_text("one two three", id="b", meta={"desk": "y"})])
    >>> group_diversity_table(c, "desk")[["group", "articles", "tokens", "types"]].values.tolist()
    [['x', 1, 5, 3], ['y', 1, 3, 3]]
    """
    def streamed(ds: TokenDataset, labels: Mapping[str, str]) -> dict[str, pd.DataFrame]:
        names = sorted(set(labels.values()))
        rows = _stream_rows(ds, labels, column, mattr_window, threshold, names)
        return {g: pd.DataFrame([row]) for g, row in rows.items()}

    return _grouped(data, groups, options, lambda sub: diversity_table(sub, mattr_window=mattr_window,
                                                                        threshold=threshold, column=column),
                    streamed)
