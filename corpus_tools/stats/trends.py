"""Trends: the relative frequency of terms per day, week, month or year (Voyant's Trends).

For every period between the first and the last dated article (empty periods
included, so the time axis is true), each term's count, the period's kept
tokens and articles, and ``per_10k = count / tokens * 10,000`` (NaN in a
period without tokens).  A term may be a phrase: its count is then the number
of its occurrences (consecutive tokens of one paragraph), still per 10,000
tokens.  Undated articles are left out (counted in ``attrs``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from corpus_tools.model.corpus import PERIODS, as_articles, period_label
from corpus_tools.model.dates import parse_date
from corpus_tools.stats.concordance import phrase_hits, query_tokens
from corpus_tools.stats.frequency import PER
from corpus_tools.stats.word_queries import query_group_counts, query_phrase_counts
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions, is_word

__all__ = ["TREND_COLUMNS", "period_labels", "trend_table"]

TREND_COLUMNS = ["period", "term", "count", "tokens", "articles", "per_10k"]


def period_labels(first: dt.date, last: dt.date, period: str) -> list[str]:
    """Every period label from ``first``'s to ``last``'s, in time order (gaps included).

    >>> period_labels(dt.date(2023, 11, 30), dt.date(2024, 2, 1), "month")
    ['2023-11', '2023-12', '2024-01', '2024-02']
    >>> period_labels(dt.date(2023, 12, 31), dt.date(2024, 1, 8), "week")
    ['2023-W52', '2024-W01', '2024-W02']
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {list(PERIODS)}, not {period!r}")
    if period == "year":
        return [str(y) for y in range(first.year, last.year + 1)]
    if period == "month":
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        return [f"{m // 12}-{m % 12 + 1:02d}" for m in months]
    step = dt.timedelta(days=1 if period == "day" else 7)
    day = first if period == "day" else first - dt.timedelta(days=first.weekday())  # the Monday of its week
    out = []
    while day <= last:
        out.append(period_label(day, period))
        day += step
    return out


def _term_tokens(term: str, opts: TokenOptions) -> tuple[str, ...]:
    raw = query_tokens(term)
    if opts.words_only:
        raw = [t for t in raw if is_word(t)] or raw
    out = tuple(opts.normalize(t) for t in raw)
    if not out or None in out:
        raise ValueError(f"term {term!r} holds a token removed by the token options {opts}; it can never be counted")
    return out


def trend_table(
    data,
    terms: Sequence[str] | None = None,
    *,
    period: str = "month",
    top: int = 5,
    dates: Mapping[str, dt.date | None] | None = None,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Relative frequency of terms per period, with each period's tokens and articles.

    Parameters
    ----------
    data : Corpus, Article(s), token table or TokenDataset
        A token table needs ``dates`` (article id -> date), as it carries
        none; a :class:`~corpus_tools.tokens.dataset.TokenDataset` reads them
        from its article table (``dates`` overrides them).  A dataset
        is counted by DuckDB (tokens and top terms of the dated articles, and
        the terms' occurrences per article, joined with a small article ->
        period table); the table is the same as from its token table.
    terms : list of str, optional
        Words or phrases (the ``term`` column shows them as given), tokenised
        as running text and normalised by the
        token options (``"U.S."``, ``"crude oil"``).  Default: the ``top``
        most frequent terms of the dated articles (count descending, then
        term by code point).
    period : {"day", "week", "month", "year"}
        Labels as :func:`~corpus_tools.model.corpus.period_label` (ISO weeks).
    top : int
        How many top terms when ``terms`` is None.
    dates : mapping, optional
        Article id -> date, for a token table (or to override the articles').
    column, options
        Token-table column and token options (a corpus is tokenised with them,
        a dataset queried with them; None keeps the dataset's own).

    Returns
    -------
    pandas.DataFrame
        ``period``, ``term``, ``count``, ``tokens`` (kept tokens of the
        period), ``articles`` (dated articles in the period), ``per_10k``;
        periods in time order, terms in the given (or rank) order within each.
        ``attrs``: ``period``, ``undated_articles``.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["Oil rose.", "Oil and gas.", "Gas fell."], dates=["2023-01-05", "2023-03-02", None])
    >>> trend_table(c, ["oil"])[["period", "count", "tokens", "articles", "per_10k"]].values.tolist()
    [['2023-01', 1, 2, 1, 5000.0], ['2023-02', 0, 0, 0, nan], ['2023-03', 1, 3, 1, 3333.333333333333]]
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {list(PERIODS)}, not {period!r}")
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top must be an integer >= 1, not {top!r}")
    if isinstance(data, TokenDataset):
        data = data.with_options(options) if options is not None else data
        opts = data.options
    else:
        opts = TokenOptions.coerce(options)
    if isinstance(data, TokenDataset) and dates is None:
        dates = dict(zip(data.articles, data.article_column("date"), strict=True))  # its article table's
    if isinstance(data, (pd.DataFrame, TokenDataset)):
        if dates is None:
            kind = "token table" if isinstance(data, pd.DataFrame) else "token dataset"
            raise TypeError(f"a {kind} carries no dates: give dates={{article id: date}}")
        toks = data
        ids = data.articles if isinstance(data, TokenDataset) else list(dict.fromkeys(toks["article"].tolist()))
    else:
        articles = as_articles(data)
        toks = as_token_table(articles, opts)
        ids = [a.id for a in articles]
        dates = {a.id: a.date for a in articles} | dict(dates or {})
    dates = {i: parse_date(d) if isinstance(d, str) else d for i, d in dates.items()}
    label = {i: period_label(dates.get(i), period) for i in ids}
    dated = {i: p for i, p in label.items() if p is not None}
    if terms is not None and isinstance(terms, str):
        raise TypeError("terms must be a list of strings (a single string would be read as characters)")
    if isinstance(toks, TokenDataset):
        counts_by, tokens, chosen = _dataset_counts(toks, terms, top, dated, column, opts)
    else:
        counts_by, tokens, chosen = _table_counts(toks, terms, top, dated, column, opts)
    n_articles = Counter(dated.values())
    days = [dates[i] for i in dated]
    periods = period_labels(min(days), max(days), period) if days else []
    rows = [(p, term, counts_by[term][p], tokens[p], n_articles[p],
             counts_by[term][p] / tokens[p] * PER if tokens[p] else float("nan"))
            for p in periods for term, _ in chosen]
    df = pd.DataFrame(rows, columns=TREND_COLUMNS).astype(
        {"period": object, "term": object, "count": "int64", "tokens": "int64", "articles": "int64",
         "per_10k": "float64"})
    df.attrs.update(period=period, undated_articles=len(ids) - len(dated))
    return df


def _chosen(terms, counts: Mapping[str, int], top: int, opts: TokenOptions) -> list[tuple[str, tuple[str, ...]]]:
    """The terms followed: the given ones (tokenised), else the ``top`` most frequent (count desc, term)."""
    if terms is None:
        return [(t, (t,)) for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return [(t, _term_tokens(t, opts)) for t in dict.fromkeys(terms)]


def _table_counts(toks: pd.DataFrame, terms, top: int, dated: Mapping[str, str], column: str, opts: TokenOptions):
    """Per-term counts by period, kept tokens by period, and the chosen terms, from a token table."""
    toks = toks[toks["article"].isin(set(dated))]
    words = toks[column].tolist()
    chosen = _chosen(terms, Counter(words) if terms is None else {}, top, opts)
    article_of = toks["article"].tolist()
    units = list(zip(article_of, toks["block"].tolist(), strict=True))
    positions = toks["position"].tolist()
    counts_by: dict[str, Counter] = {}
    for term, parts in chosen:
        found = Counter()
        for i in phrase_hits(words, units, positions, [p.__eq__ for p in parts]):
            found[dated[article_of[i]]] += 1
        counts_by[term] = found
    return counts_by, Counter(dated[a] for a in article_of), chosen


def _dataset_counts(ds: TokenDataset, terms, top: int, dated: Mapping[str, str], column: str, opts: TokenOptions):
    """:func:`_table_counts` from a token dataset's aggregates (DuckDB), never its token table."""
    counts, totals = query_group_counts(ds, dict.fromkeys(dated, "dated"), column=column)
    vocabulary = dict(zip(counts["term"], counts["count"].tolist(), strict=True)) if terms is None else {}
    chosen = _chosen(terms, vocabulary, top, opts)
    hits = query_phrase_counts(ds, [parts for _, parts in chosen], column=column, articles=list(dated))
    counts_by: dict[str, Counter] = {term: Counter() for term, _ in chosen}
    for i, art, n in zip(hits["phrase"].tolist(), hits["article"].tolist(), hits["count"].tolist(), strict=True):
        counts_by[chosen[i][0]][dated[art]] += n
    tokens: Counter = Counter()
    for art, n in totals.items():
        tokens[dated[art]] += n
    return counts_by, tokens, chosen
