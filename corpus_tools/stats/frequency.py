"""Term frequencies, n-grams and tf-idf as stable, sorted DataFrames.

Every table is sorted by count (descending), then term (ascending, by
Unicode code point), so that two runs give byte-identical tables; ``rank``
is the 1-based row number in that order (ties get consecutive ranks, broken
alphabetically).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from corpus_tools.model.checks import check_counts
from corpus_tools.stats.grouping import grouped_table
from corpus_tools.stats.queries import (
    TermCounts,
    iter_article_term_counts,
    query_term_counts,
    query_top_tfidf_terms,
)
from corpus_tools.stats.word_queries import query_group_counts
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = [
    "distinctive_term_table",
    "iter_frequency_table",
    "frequency_table",
    "ngram_table",
    "ngrams",
    "ranked_count_table",
    "smooth_idf",
    "term_article_table",
]

PER = 10_000  # relative frequencies are per 10,000 tokens


def smooth_idf(doc_freq: pd.Series | int, n_docs: int):
    """Smoothed inverse document frequency, ``ln((1 + N) / (1 + df)) + 1``.

    scikit-learn's ``TfidfVectorizer(smooth_idf=True)`` variant: never zero,
    so a one-article corpus still ranks its terms by count.

    >>> round(smooth_idf(1, 3), 6)
    1.693147
    """
    if isinstance(doc_freq, pd.Series):
        # one math.log per distinct document frequency, not per row (millions of rows of a by-article
        # table share a few thousand values): the same double divided, the same floats
        logs = {d: math.log((1 + n_docs) / (1 + d)) + 1 for d in doc_freq.unique().tolist()}
        return doc_freq.map(logs).astype("float64")
    return math.log((1 + n_docs) / (1 + doc_freq)) + 1


def _sorted(df: pd.DataFrame, group: str | None = None) -> pd.DataFrame:
    keys, asc = ["count", "term"], [False, True]
    if group:
        keys, asc = [group, *keys], [True, *asc]
    df = df.sort_values(keys, ascending=asc, kind="mergesort").reset_index(drop=True)
    df["rank"] = df.groupby(group).cumcount() + 1 if group else range(1, len(df) + 1)
    return df


def ngrams(toks: pd.DataFrame, n: int, column: str = "norm") -> Iterator[tuple[str, tuple[str, ...]]]:
    """Yield ``(article, ngram)`` for every run of ``n`` tokens.

    An n-gram is ``n`` tokens at consecutive positions of one sentence: it
    never crosses a sentence (hence block) boundary, nor a token removed by
    filtering (so with stopwords removed, "end of war" gives no bigram
    "end war").
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive integer, not {n!r}")
    arts, sents, pos, terms = (toks[c].tolist() for c in ("article", "sentence", "position", column))
    for i in range(len(terms) - n + 1):
        j = i + n - 1
        if arts[i] == arts[j] and sents[i] == sents[j] and pos[j] - pos[i] == n - 1:
            yield arts[i], tuple(terms[i : j + 1])


def ngram_table(
    data,
    n: int = 2,
    *,
    by_article: bool = False,
    groups=None,
    min_count: int = 1,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Frequencies of n-grams (see :func:`ngrams`), n >= 1.

    Parameters
    ----------
    data : token table, Corpus, Article or TokenDataset
        A :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB (:func:`~corpus_tools.stats.queries.query_term_counts`), with
        ``min_count`` applied in the query; the table is the same.
    n : int
    by_article : bool
        One block of rows per article instead of corpus totals.
    groups : str, callable or mapping, optional
        One block of rows per group of articles instead, as
        :func:`frequency_table` takes it.  Not with ``by_article``.
    min_count : int
        Drop n-grams seen fewer times (in the corpus, the article or the group).
    column : str
        Token-table column to count (``"norm"`` or ``"token"``).
    options : TokenOptions or mapping, optional
        Token options when ``data`` is a corpus or a dataset (:meth:`TokenOptions.coerce`;
        for a dataset, None keeps the dataset's own options).

    Returns
    -------
    pandas.DataFrame
        ``term`` (the words joined by spaces), ``count``, ``per_10k`` (per
        10,000 n-grams of the same n), ``rank``, ``doc_freq`` (articles
        containing it), plus ``article`` first when ``by_article``.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> t = ngram_table(Corpus.from_texts(["New York is big. New York grows."]), n=2)
    >>> t[["term", "count"]].values.tolist()
    [['new york', 2], ['is big', 1], ['york grows', 1], ['york is', 1]]
    """
    check_counts(min_count=min_count)
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer, not {n!r}")
    if groups is not None:
        if by_article:
            raise ValueError("give by_article or groups, not both")
        return grouped_table(data, groups, options,
                             lambda sub: ngram_table(sub, n, min_count=min_count, column=column),
                             _count_tables(n, min_count, column))
    if isinstance(data, TokenDataset):
        return _dataset_table(data, n, by_article, min_count, column, options)
    toks = as_token_table(data, options)
    grams = list(ngrams(toks, n, column))
    return _count_table([(a, " ".join(g)) for a, g in grams], by_article, min_count)


def frequency_table(
    data,
    *,
    by_article: bool = False,
    groups=None,
    min_count: int = 1,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Word frequencies for the corpus, or per article with tf-idf.

    Parameters
    ----------
    data : token table, Corpus, Article or TokenDataset
        A :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB (:func:`~corpus_tools.stats.queries.query_term_counts`), with
        ``min_count`` applied in the query; the table is the same.
    by_article : bool
        Per-article rows, with ``idf`` and ``tfidf``.
    groups : str, callable or mapping, optional
        Frequencies within each group of articles instead (quanteda's
        ``textstat_frequency(groups=)``): a document variable or date period
        (``"source"``, ``"date:month"``) or a function of an Article when
        ``data`` is a Corpus, else a mapping article id -> group (build it
        with :func:`~corpus_tools.stats.groups.group_labels` of the corpus).
        One frequency table per group, on that group's tokens
        (:func:`~corpus_tools.stats.grouping.grouped_table`; for a dataset
        one DuckDB aggregate with the labels joined on ``article``):
        ``group`` and ``articles`` (articles in the group) first, then
        ``per_10k``, ``rank`` and ``doc_freq`` within the group; groups in
        sorted order of their label.  Not with ``by_article``.
    min_count : int
        Drop terms seen fewer times (in the corpus, the article or the group).
    column : str
        Token-table column to count.
    options : TokenOptions or mapping, optional
        Token options when ``data`` is a corpus or a dataset (:meth:`TokenOptions.coerce`;
        for a dataset, None keeps the dataset's own options).

    Returns
    -------
    pandas.DataFrame
        ``term``, ``count``, ``per_10k`` (per 10,000 counted tokens of the
        corpus or article), ``rank``, ``doc_freq`` (number of articles
        containing the term).  With ``by_article``: ``article`` first, and
        ``idf`` (:func:`smooth_idf`) and ``tfidf = count * idf`` (raw count
        times smoothed idf, no length normalisation: scikit-learn's
        ``TfidfVectorizer(norm=None)``).

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> t = frequency_table(Corpus.from_texts(["the cat and the hat"]))
    >>> t[["term", "count", "rank"]].values.tolist()[:2]
    [['the', 2, 1], ['and', 1, 2]]
    >>> c = Corpus.from_texts(["oil oil", "gas"], ids=["a", "b"])
    >>> frequency_table(c, groups={"a": "x", "b": "y"})[["group", "term", "count"]].values.tolist()
    [['x', 'oil', 2], ['y', 'gas', 1]]
    """
    check_counts(min_count=min_count)
    if groups is not None:
        if by_article:
            raise ValueError("give by_article or groups, not both")
        return grouped_table(data, groups, options,
                             lambda sub: frequency_table(sub, min_count=min_count, column=column),
                             _count_tables(1, min_count, column))
    if isinstance(data, TokenDataset):
        return _dataset_table(data, 1, by_article, min_count, column, options)
    toks = as_token_table(data, options)
    return _count_table(list(zip(toks["article"].tolist(), toks[column].tolist(), strict=True)),
                        by_article, min_count)


def ranked_count_table(counts: Mapping[str, int], min_count: int = 1, *, total: int | None = None) -> pd.DataFrame:
    """``term``, ``count``, ``per_10k`` (of all counted tokens) and ``rank``, in the documented order.

    The one place the corpus-level ordering and rank are made, for
    in-memory tables, streamed counts and the token dataset alike.
    ``total`` is the number of counted tokens when ``counts`` is already
    pruned (default: their sum).

    >>> ranked_count_table({"b": 2, "a": 2, "c": 1}, min_count=2).values.tolist()
    [['a', 2, 4000.0, 1], ['b', 2, 4000.0, 2]]
    """
    check_counts(min_count=min_count)
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    n = sum(counts.values()) if total is None else total
    rows = [(t, c, c / n * PER) for t, c in counts.items() if c >= min_count]
    df = pd.DataFrame(rows, columns=["term", "count", "per_10k"])
    return _sorted(df.astype({"term": object, "count": "int64", "per_10k": "float64"}))


def _count_table(pairs: list[tuple[str, str]], by_article: bool, min_count: int) -> pd.DataFrame:
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    per_article: dict[str, Counter] = {}
    for art, term in pairs:
        per_article.setdefault(art, Counter())[term] += 1
    doc_freq: Counter = Counter()
    for counts in per_article.values():
        doc_freq.update(counts.keys())
    totals = {art: sum(counts.values()) for art, counts in per_article.items()}  # articles in corpus order
    if by_article:
        rows = [(art, t, c, doc_freq[t]) for art, counts in per_article.items()
                for t, c in counts.items() if c >= min_count]
        columns = ["article", "term", "count", "doc_freq"]
    else:
        total: Counter = Counter()
        for counts in per_article.values():
            total.update(counts)
        rows = [(t, c, doc_freq[t]) for t, c in total.items() if c >= min_count]
        columns = ["term", "count", "doc_freq"]
    types = {"article": object, "term": object, "count": "int64", "doc_freq": "int64"}
    counts_df = pd.DataFrame(rows, columns=columns).astype({c: types[c] for c in columns})
    return _table_from_counts(TermCounts(counts_df, totals), by_article, min_count)


def _dataset_table(data: TokenDataset, n: int, by_article: bool, min_count: int, column: str,
                   options) -> pd.DataFrame:
    if options is not None:
        data = data.with_options(options)
    counts = query_term_counts(data, n, column=column, by_article=by_article, min_count=min_count)
    return _table_from_counts(counts, by_article, min_count)


def _table_from_counts(counts: TermCounts, by_article: bool, min_count: int) -> pd.DataFrame:
    """The frequency table from integer aggregates: the one place its floats, order and rank are made.

    ``counts.counts`` is already pruned by ``min_count``; totals are not.
    """
    df = counts.counts
    if not by_article:
        table = ranked_count_table(dict(zip(df["term"], df["count"].tolist(), strict=True)), min_count,
                                   total=counts.total)
        table["doc_freq"] = table["term"].map(dict(zip(df["term"], df["doc_freq"].tolist(), strict=True)))
        return table.astype({"doc_freq": "int64"})
    n_docs = len(counts.totals)
    order = {a: i for i, a in enumerate(counts.totals)}  # articles in corpus order
    # each distinct article looked up once (factorize), not once per row
    codes, uniques = pd.factorize(df["article"])
    totals = np.array([counts.totals[a] for a in uniques], dtype=np.int64)[codes]
    df = df.assign(per_10k=df["count"].to_numpy() / totals * PER,
                   _order=np.array([order[a] for a in uniques], dtype=np.int64)[codes])
    df = df[["article", "term", "count", "per_10k", "doc_freq", "_order"]].astype({"per_10k": "float64"})
    df = _sorted(df, "_order").drop(columns="_order")
    df["idf"] = smooth_idf(df["doc_freq"], n_docs) if len(df) else pd.Series(dtype="float64")
    df["tfidf"] = df["count"] * df["idf"]
    return df[["article", "term", "count", "per_10k", "rank", "doc_freq", "idf", "tfidf"]]


def iter_frequency_table(data: TokenDataset, *, min_count: int = 1, column: str = "norm",
                                options: TokenOptions | Mapping[str, object] | None = None,
                                rows: int = 250_000, articles: Iterable[str] | None = None,
                                ) -> Iterator[pd.DataFrame]:
    """``frequency_table(data, by_article=True)`` in pieces of whole articles, in corpus order.

    Concatenated, the pieces are that table, row for row (the idf and
    tf-idf use the whole corpus' document frequencies); each holds about
    ``rows`` rows, so per-article work over a large corpus never holds the
    articles x terms table (see
    :func:`~corpus_tools.stats.queries.iter_article_term_counts`).
    ``articles``: the rows of these articles only (the same rows as in the
    whole table: idf over the whole corpus).
    """
    check_counts(min_count=min_count)
    ds = data.with_options(options) if options is not None else data
    for counts in iter_article_term_counts(ds, 1, column=column, min_count=min_count, rows=rows,
                                           articles=articles):
        yield _table_from_counts(counts, True, min_count)


def distinctive_term_table(freq_by_article: pd.DataFrame | TokenDataset, top: int = 10) -> pd.DataFrame:
    """The ``top`` terms with the highest tf-idf in each article.

    ``freq_by_article`` is ``frequency_table(..., by_article=True)``, or a
    token dataset, whose top terms are ranked in the database
    (:func:`~corpus_tools.stats.queries.query_top_tfidf_terms`): the same
    table, without the articles x terms table in memory.  Rows are in article order (as in the
    input), then tf-idf descending, then term ascending; ``rank`` restarts
    at 1 for every article.

    Examples
    --------
    >>> from corpus_tools import Corpus, frequency_table
    >>> f = frequency_table(Corpus.from_texts(["cat cat dog", "dog eel"]), by_article=True)
    >>> distinctive_term_table(f, top=1)[["article", "term"]].values.tolist()
    [['0', 'cat'], ['1', 'eel']]
    """
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top must be an integer >= 1, not {top!r}")
    if isinstance(freq_by_article, TokenDataset):
        # ranked in DuckDB with the idf floats made here (smooth_idf per distinct document frequency):
        # the rows of the in-memory path (tested equal) without the articles x terms table in pandas,
        # whose pieces' sorting and string conversion were most of the time
        return query_top_tfidf_terms(freq_by_article, top, smooth_idf)
    order = {a: i for i, a in enumerate(dict.fromkeys(freq_by_article["article"]))}
    df = freq_by_article.assign(_order=freq_by_article["article"].map(order))
    df = df.sort_values(["_order", "tfidf", "term"], ascending=[True, False, True], kind="mergesort")
    df = df.groupby("_order", sort=False).head(top).drop(columns=["_order", "rank"]).reset_index(drop=True)
    df["rank"] = df.groupby("article", sort=False).cumcount() + 1
    return df[["article", "rank", "term", "count", "tfidf"]]


def term_article_table(freq_by_article: pd.DataFrame, terms: Sequence[str] | None = None,
                        value: str = "tfidf") -> pd.DataFrame:
    """Terms (rows) by articles (columns) of ``value``; 0 where a term is absent.

    ``terms`` default: every term of ``freq_by_article``, in first-seen
    order.  Columns keep the article order of the input.

    >>> from corpus_tools import Corpus, frequency_table
    >>> f = frequency_table(Corpus.from_texts(["cat cat dog", "dog"]), by_article=True)
    >>> term_article_table(f, ["cat", "dog"], value="count").values.tolist()
    [[2, 0], [1, 1]]
    """
    articles = list(dict.fromkeys(freq_by_article["article"]))
    rows = freq_by_article
    if terms is None:
        terms = list(dict.fromkeys(freq_by_article["term"]))
    else:  # only the chosen terms' rows are pivoted: not a dense table of every term x article
        terms = list(terms)
        rows = freq_by_article[freq_by_article["term"].isin(set(terms))]
    wide = rows.pivot(index="term", columns="article", values=value)
    return wide.reindex(index=terms, columns=articles).fillna(0).astype(freq_by_article[value].dtype)


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
