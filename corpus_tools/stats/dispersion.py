"""Dispersion of terms across the parts of an article or a corpus.

How evenly is a term spread?  The parts are an article's sections or
paragraphs, or the articles of a corpus.  For a term with frequency ``v_i``
in part ``i`` (``i = 1..n``), part sizes ``l_i`` (counted tokens),
``f = sum(v_i)`` and ``L = sum(l_i)``:

* **Range**: the number of parts with ``v_i > 0``.
* **Juilland's D** (Juilland & Chang-Rodríguez 1964, *Frequency Dictionary
  of Spanish Words*; in the form of Gries 2008 for parts of unequal size):
  with the relative frequencies ``p_i = v_i / l_i``, their mean ``m`` and
  population standard deviation ``sd``, ``CV = sd / m`` and
  ``D = 1 - CV / sqrt(n - 1)``.  1 = perfectly even, 0 = all in one part
  (for equal parts).  Undefined (NaN) for one part or ``f = 0``.
* **Gries' DP** (Gries 2008, "Dispersions and adjusted frequencies in
  corpora", *International Journal of Corpus Linguistics* 13(4): 403-437):
  with the expected shares ``s_i = l_i / L``,
  ``DP = 0.5 * sum_i |v_i / f - s_i|``.  0 = spread exactly as the part
  sizes predict, ``1 - min(s_i)`` = all in the smallest part.
* **DP_norm** (Lijffijt & Gries 2012, "Correction to Stefan Th. Gries'
  'Dispersions and adjusted frequencies in corpora'", *IJCL* 17(1): 147-149):
  ``DP / (1 - min(s_i))``, so that the maximum is 1 whatever the part sizes.

NLTK has no dispersion measures (only a dispersion *plot*), so they are
computed here with NumPy.

**The parts** (``by`` of :func:`dispersion_table`):

* ``"section"``: an article's sections as numbered in the token table's
  ``section`` column.  The plain token table numbers them by headings, so
  a wire headline opens section 1 and a closing "Reuter" opens a section of
  one word; pass :func:`corpus_tools.structure.body_token_table` instead to
  measure over body sections (page furniture and sign-offs left out).
* ``"paragraph"``: an article's paragraph blocks (heading tokens left out).
* ``"article"``: the articles of the corpus.
* ``"equal"``: each article cut into ``parts`` runs of consecutive counted
  tokens of (nearly) equal size, the setting Juilland's D was made for.

**Empty parts** (no counted token: an empty lead, a section holding only
its heading when the heading is left out, more equal parts than tokens) are
dropped before measuring, so ``parts`` counts the non-empty parts: a part
of size 0 has no relative frequency and no expected share.

**D and DP on unequal parts.**  D compares relative frequencies and gives a
tiny part the same weight as a large one, while DP weights parts by size.
Over a large body section and a one-word sign-off section, every term of
the body has ``p = (v/l, 0)``: ``CV = 1`` and ``D = 0`` ("all in one
part"), while DP is ``1/L`` ("perfectly even"); both are right by their
definitions, which disagree.  With parts of comparable size the two move
in opposite directions, as they should (even spread: D near 1, DP near 0;
clumped: D near 0, DP near its maximum), which the tests check: use
body sections or ``by="equal"`` for D.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from corpus_tools.model.checks import check_counts
from corpus_tools.stats.frequency import frequency_table
from corpus_tools.stats.queries import connect_duckdb, kept_token_forms
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = [
    "DISPERSION_COLUMNS",
    "dispersion_measures",
    "dispersion_table",
    "term_position_table",
    "trace_terms",
]

DISPERSION_COLUMNS = ["frequency", "parts", "range", "juilland_d", "dp", "dp_norm"]

_PART_COLUMNS = {"section": "section", "paragraph": "block", "block": "block", "article": "article",
                 "equal": "_part"}


def dispersion_measures(frequencies: Sequence[float], sizes: Sequence[float] | None = None) -> dict:
    """Range, Juilland's D, Gries' DP and DP_norm of one term.

    Parameters
    ----------
    frequencies : sequence of numbers
        The term's frequency ``v_i`` in each part.
    sizes : sequence of numbers, optional
        Size ``l_i`` of each part (e.g. its number of tokens); equal sizes
        when omitted.  Every size must be positive.

    Returns
    -------
    dict
        ``frequency`` (f), ``parts`` (n), ``range``, ``juilland_d``, ``dp``,
        ``dp_norm`` (see the module docstring for the formulas).  D, DP and
        DP_norm are NaN when ``f == 0``; D is also NaN for one part, and
        DP_norm when there is a single part (its maximum ``1 - min(s)`` is 0).

    Examples
    --------
    Gries (2008)'s worked example: sizes 9, 10, 10, 10, 11, frequencies 1-5.

    >>> m = dispersion_measures([1, 2, 3, 4, 5], [9, 10, 10, 10, 11])
    >>> round(m["dp"], 2), m["range"]
    (0.18, 5)
    >>> dispersion_measures([4, 0, 0, 0])["juilland_d"]
    0.0
    """
    v = np.asarray(frequencies, dtype="float64")
    n = len(v)
    if v.ndim != 1 or n == 0:
        raise ValueError("frequencies must be a non-empty one-dimensional sequence")
    if (v < 0).any():
        raise ValueError("frequencies must not be negative")
    sz = np.ones(n) if sizes is None else np.asarray(sizes, dtype="float64")
    if sz.shape != v.shape:
        raise ValueError(f"sizes must have one entry per part: {len(sz)} sizes for {n} frequencies")
    if (sz <= 0).any():
        raise ValueError("sizes must all be positive (drop empty parts first)")
    f = float(v.sum())
    out = {"frequency": f, "parts": n, "range": int((v > 0).sum()),
           "juilland_d": math.nan, "dp": math.nan, "dp_norm": math.nan}
    if f == 0:
        return out
    if n > 1:
        p = v / sz
        cv = p.std() / p.mean()  # population SD, as in Juilland and in Gries (2008)
        out["juilland_d"] = float(1 - cv / math.sqrt(n - 1))
    s = sz / sz.sum()
    dp = float(0.5 * np.abs(v / f - s).sum())
    out["dp"] = dp
    max_dp = 1 - float(s.min())
    if max_dp > 0:
        out["dp_norm"] = dp / max_dp
    return out


def dispersion_table(
    data,
    terms: Iterable[str] | None = None,
    *,
    by: str = "section",
    column: str = "norm",
    min_count: int = 1,
    options: TokenOptions | Mapping[str, object] | None = None,
    parts: int = 10,
) -> pd.DataFrame:
    """Dispersion of terms over sections, paragraphs, or articles.

    Parameters
    ----------
    data : token table, TokenDataset, Corpus or Article
        See :func:`corpus_tools.token_table`.  A
        :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB under its options (part sizes and term counts per part; no
        token table in memory, nothing tokenised), giving the table of its
        token table.
    terms : iterable of str, optional
        Terms (values of ``column``) to measure; default: every term seen
        ``min_count`` times or more in the unit (article, or corpus for
        ``by="article"``).  A listed term that never occurs gets a row with
        frequency 0 and NaN measures.
    by : {"section", "paragraph", "article", "equal"}
        The parts (see the module docstring).  ``"section"``: an article's
        sections (token-table ``section``, headings included in the section
        they open).  ``"paragraph"``: an article's paragraph blocks (heading
        tokens are left out).  ``"article"``: the articles of the corpus.
        ``"equal"``: ``parts`` equal runs of each article's counted tokens.
    column : str
        Token-table column holding the terms.
    min_count : int
        Smallest frequency for a term to get a row when ``terms`` is None.
    options
        Token options when ``data`` is not yet a token table.
    parts : int
        Number of equal parts per article for ``by="equal"`` (fewer when the
        article has fewer counted tokens: empty parts are dropped).

    Returns
    -------
    pandas.DataFrame
        ``article`` (absent for ``by="article"``), ``term``, then
        :data:`DISPERSION_COLUMNS`.  Part sizes are the counted tokens of
        each part; parts without counted tokens (an empty lead, say) are
        left out, so ``parts`` is the number of non-empty parts.  Rows:
        articles in table order, then frequency descending, then term
        ascending (code point order).

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["Tanks roll.\\n\\nMore tanks\\n\\nTanks again."])
    >>> dispersion_table(c, ["tanks"])[["term", "frequency", "parts", "range", "dp"]].values.tolist()
    [['tanks', 3, 2, 2, 0.0]]
    """
    check_counts(min_count=min_count)
    if by not in _PART_COLUMNS:
        raise ValueError(f"by must be 'section', 'paragraph', 'article' or 'equal', not {by!r}")
    if not isinstance(parts, int) or parts < 1:
        raise ValueError(f"parts must be a positive integer, not {parts!r}")
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    wanted = None if terms is None else list(dict.fromkeys(terms))
    if isinstance(data, TokenDataset):
        if options is not None:
            raise TypeError("a token dataset carries its options: use dataset.with_options(...)")
        return _dataset_dispersion(data, wanted, by, column, min_count, parts)
    toks = as_token_table(data, options)
    if column not in toks.columns:
        raise KeyError(f"column {column!r} not in the token table")
    if by == "paragraph":
        toks = toks[toks["block_kind"] == "paragraph"]
    if by == "equal":
        # token i of an article of n counted tokens goes to part floor(i * parts / n)
        rank = toks.groupby("article", sort=False).cumcount().to_numpy()
        size = toks.groupby("article", sort=False)["article"].transform("size").to_numpy()
        toks = toks.assign(_part=(rank * parts) // size if len(toks) else rank)
    part = _PART_COLUMNS[by]
    if by == "article":
        rows = _unit_rows(toks, part, column, wanted, min_count)
        return _frame(rows, with_article=False)
    rows = []
    for art, unit in toks.groupby("article", sort=False):
        rows.extend((art, *r) for r in _unit_rows(unit, part, column, wanted, min_count))
    return _frame(rows, with_article=True)


def _unit_rows(toks: pd.DataFrame, part: str, column: str, wanted, min_count: int) -> list[tuple]:
    """Dispersion rows for one unit (an article, or the whole corpus).

    The formulas of :func:`dispersion_measures`, vectorised over terms
    (a terms x parts matrix); the tests check both agree.
    """
    sizes = toks.groupby(part, sort=False).size()
    if len(sizes) == 0:
        return []
    counts = toks.groupby([column, part], sort=False).size().unstack(fill_value=0)
    return _count_rows(sizes, counts, wanted, min_count)


def _count_rows(sizes: pd.Series, counts: pd.DataFrame, wanted, min_count: int) -> list[tuple]:
    """Dispersion rows from part sizes (index: the parts, in order) and counts (terms x parts)."""
    counts = counts.reindex(columns=sizes.index, fill_value=0)
    if wanted is None:
        totals = counts.sum(axis=1)
        terms = totals.index[totals >= min_count].tolist()
    else:
        terms = wanted
    # C order whatever pandas' block layout: numpy's pairwise sums along a row then add in the same
    # order for a table from a token table and one from the dataset's counts (byte-equal floats)
    v = np.ascontiguousarray(counts.reindex(terms, fill_value=0).to_numpy(dtype="float64"))
    return _measure_rows(terms, v, sizes.to_numpy(dtype="float64"))


def _measure_rows(terms: list, v: np.ndarray, size: np.ndarray) -> list[tuple]:
    """Rows ``(term, frequency, parts, range, D, DP, DP_norm)`` of a C-ordered terms x parts count matrix."""
    n = len(size)
    f = v.sum(axis=1)
    ranges = (v > 0).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = v / size
        cv = p.std(axis=1) / p.mean(axis=1)
        d = 1 - cv / math.sqrt(n - 1) if n > 1 else np.full(len(f), math.nan)
        s = size / size.sum()
        dp = 0.5 * np.abs(v / f[:, None] - s).sum(axis=1)
        max_dp = 1 - s.min()
        dp_norm = dp / max_dp if max_dp > 0 else np.full(len(f), math.nan)
    absent = f == 0
    d, dp, dp_norm = (np.where(absent, math.nan, x) for x in (d, dp, dp_norm))
    return list(zip(terms, f.astype("int64").tolist(), [n] * len(terms), ranges.tolist(), d.tolist(), dp.tolist(),
                    dp_norm.tolist(), strict=True))


def _dataset_dispersion(dataset: TokenDataset, wanted, by: str, column: str, min_count: int,
                        parts: int) -> pd.DataFrame:
    """:func:`dispersion_table` of a dataset: sizes and counts per part by DuckDB, measures by :func:`_count_rows`.

    Parts are taken in token order (sections, blocks and equal parts
    ascending, articles in corpus order), the order the in-memory path
    meets them in, so the floats are summed in the same order.
    """
    if column not in ("norm", "token"):
        raise KeyError(f"column {column!r} not in the token table")
    part_sql = {"section": "section", "paragraph": "block", "block": "block", "article": "article",
                "equal": f"(row_number() OVER (PARTITION BY article ORDER BY position) - 1) * {parts} "
                         "// count(*) OVER (PARTITION BY article)"}[by]
    if not dataset.parts:
        return _frame([], with_article=by != "article")
    con = connect_duckdb()
    try:
        con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
        con.register("forms", kept_token_forms(con, dataset, column))
        where = "WHERE r.block_kind = 'paragraph'" if by == "paragraph" else ""
        con.sql(f"CREATE TEMP TABLE kept AS SELECT r.article, {part_sql.replace('article', 'r.article')} AS part, "
                f"f.term FROM raw r JOIN forms f ON r.token = f.token {where}" if by != "equal" else
                f"CREATE TEMP TABLE kept AS SELECT article, {part_sql} AS part, term FROM "
                f"(SELECT r.article, r.position, f.term FROM raw r JOIN forms f ON r.token = f.token)")
        sizes = con.sql("SELECT article, part, count(*)::BIGINT AS n FROM kept GROUP BY article, part").df()
        if wanted is not None:
            con.register("wanted", pa.table({"term": pa.array(wanted, pa.string())}))
            counts = con.sql("SELECT article, part, term, count(*)::BIGINT AS n FROM kept "
                             "WHERE term IN (SELECT term FROM wanted) GROUP BY article, part, term").df()
        else:
            counts = con.sql("SELECT article, part, term, count(*)::BIGINT AS n FROM kept "
                             "GROUP BY article, part, term").df()
    finally:
        con.close()
    order = {a: i for i, a in enumerate(dataset.articles)}
    if by == "article":
        sizes = sizes.assign(_order=sizes["article"].map(order)).sort_values("_order")
        size = pd.Series(sizes["n"].to_numpy(), index=pd.Index(sizes["article"].to_numpy()))
        grid = counts.assign(part=counts["article"]).pivot_table(index="term", columns="part", values="n",
                                                                 aggfunc="sum", fill_value=0)
        return _frame(_count_rows(size, grid, wanted, min_count) if len(size) else [], with_article=False)
    rows = []
    sizes = sizes.assign(_order=sizes["article"].map(order)).sort_values(["_order", "part"], kind="mergesort")
    if wanted is not None:
        return _frame(_wanted_rows(sizes, counts, wanted), with_article=True)
    by_article = dict(tuple(counts.groupby("article", sort=False)))
    for _, unit in sizes.groupby("_order", sort=True):
        name = unit["article"].iloc[0]
        size = pd.Series(unit["n"].to_numpy(), index=pd.Index(unit["part"].to_numpy()))
        c = by_article.get(name, counts.iloc[:0])
        # one row per (term, part) from the GROUP BY: a plain unstack (pivot_table's aggregation
        # machinery cost 10 ms an article, 18 s of 23 at 1,794 articles)
        grid = c.set_index(["term", "part"])["n"].unstack("part", fill_value=0) if len(c) \
            else pd.DataFrame(index=pd.Index([], dtype=object))
        rows.extend((name, *r) for r in _count_rows(size, grid, wanted, min_count))
    return _frame(rows, with_article=True)


def _wanted_rows(sizes: pd.DataFrame, counts: pd.DataFrame, wanted: list[str]) -> list[tuple]:
    """Per-article rows for the listed terms, the count matrices filled with numpy.

    ``sizes`` (article, part, n) sorted by article order then part;
    ``counts`` (article, part, term, n) of the listed terms only.  Equal to
    building each article's terms x parts table with pandas, as the other
    paths do (the same matrix reaches :func:`_measure_rows`), without a
    pandas reshape per article (10 ms each: 18 s at 1,800 articles).
    """
    size_article = sizes["article"].to_numpy()
    starts = np.flatnonzero(np.r_[True, size_article[1:] != size_article[:-1]]) if len(sizes) else np.array([], int)
    bounds = dict(zip(size_article[starts].tolist(), zip(starts.tolist(), [*starts[1:].tolist(), len(sizes)],
                                                         strict=True), strict=True))
    column = pd.Series(np.arange(len(sizes)), index=pd.MultiIndex.from_arrays([sizes["article"], sizes["part"]]))
    term_row = {t: i for i, t in enumerate(wanted)}
    if len(counts):
        cells = column.reindex(pd.MultiIndex.from_arrays([counts["article"], counts["part"]])).to_numpy()
        rows_of = counts["term"].map(term_row).to_numpy()
        values = counts["n"].to_numpy(dtype="float64")
        order = np.argsort(cells, kind="stable")
        cells, rows_of, values = cells[order], rows_of[order], values[order]
    else:
        cells = rows_of = values = np.array([], dtype="int64")
    size_all = sizes["n"].to_numpy(dtype="float64")
    out = []
    for name, (a, b) in bounds.items():
        lo, hi = np.searchsorted(cells, a), np.searchsorted(cells, b)
        v = np.zeros((len(wanted), b - a), dtype="float64")
        v[rows_of[lo:hi], cells[lo:hi] - a] = values[lo:hi]
        out.extend((name, *r) for r in _measure_rows(wanted, v, size_all[a:b]))
    return out


def _frame(rows: list[tuple], with_article: bool) -> pd.DataFrame:
    cols = (["article"] if with_article else []) + ["term", *DISPERSION_COLUMNS]
    df = pd.DataFrame(rows, columns=cols)
    df = df.astype({"term": object, "frequency": "int64", "parts": "int64", "range": "int64",
                    "juilland_d": "float64", "dp": "float64", "dp_norm": "float64"})
    keys, asc = ["frequency", "term"], [False, True]
    if with_article:
        df["article"] = df["article"].astype(object)
        order = {a: i for i, a in enumerate(pd.unique(df["article"]))}
        df["_order"] = df["article"].map(order)
        keys, asc = ["_order", *keys], [True, *asc]
    df = df.sort_values(keys, ascending=asc, kind="mergesort").reset_index(drop=True)
    return df.drop(columns="_order", errors="ignore")


def term_position_table(toks: pd.DataFrame, terms: Sequence[str], column: str = "norm") -> pd.DataFrame:
    """Rows of a token table whose ``column`` is one of ``terms``.

    Columns: article, term, position, section, block; in token order.
    """
    hits = toks[toks[column].isin(list(terms))]
    return pd.DataFrame({"article": hits["article"].to_numpy(), "term": hits[column].to_numpy(),
                         "position": hits["position"].to_numpy(), "section": hits["section"].to_numpy(),
                         "block": hits["block"].to_numpy()})


def trace_terms(toks: pd.DataFrame, terms: str | Sequence[str] | None = None, top: int = 5,
                lowercase: bool = True, column: str = "norm") -> list[str]:
    """The terms to trace through a text: ``terms`` as given, or the ``top`` most frequent.

    ``terms`` may be a list or one comma-separated string (handy on a command
    line); they are lower-cased when the token table was (``lowercase``).
    With ``terms`` None, the ``top`` most frequent terms of ``toks`` (count
    descending, then alphabetical) are taken.

    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> t = token_table(Corpus.from_texts(["b a b c"]))
    >>> trace_terms(t, top=2), trace_terms(t, "B, c")
    (['b', 'a'], ['b', 'c'])
    """
    check_counts(top=top)
    if terms is None:
        return frequency_table(toks, column=column)["term"].head(top).tolist()
    if isinstance(terms, str):
        terms = terms.split(",")
    cleaned = [str(t).strip() for t in terms if str(t).strip()]
    return list(dict.fromkeys(t.lower() if lowercase else t for t in cleaned))
