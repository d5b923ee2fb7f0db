"""Co-occurrence over the token dataset with DuckDB: n-gram and collocate counts, KWIC hits, article lengths.

The counting half of the collocation and concordance functions when they
are given a :class:`~corpus_tools.tokens.dataset.TokenDataset`:

* :func:`query_ngram_counts` gives the :class:`~corpus_tools.stats.counts.NgramCounts`
  of :func:`~corpus_tools.stats.counts.count_ngrams` (NLTK's finders per
  boundary unit, filtered tokens kept as gaps), with rare n-grams pruned by
  ``min_count`` / ``min_word_count`` *inside* the query; the word counts, N
  and the marginals of every kept n-gram stay complete, so scores are exact;
* :func:`query_collocate_counts` gives the
  :class:`~corpus_tools.stats.counts.CollocateCounts` of a node: its
  occurrences found by a join on consecutive positions, its span by a join
  of each occurrence's window positions (occurrences x span rows, never a
  scan per occurrence);
* :func:`query_kwic_hits` finds a query's occurrences and fetches only the
  tokens of the context rows around them;
* :func:`article_token_counts` counts each article's kept tokens.

Scoring and table making stay where the in-memory path does them
(:mod:`corpus_tools.stats.collocations`, :mod:`corpus_tools.stats.concordance`),
so both paths give equal tables.  Python receives only aggregates and the
rows near hits: memory grows with the vocabulary and the hits, not the corpus.
Token options are applied once per distinct raw token
(:func:`corpus_tools.stats.queries.kept_token_forms`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

from corpus_tools.stats.counts import BOUNDARIES, CollocateCounts, NgramCounts
from corpus_tools.stats.queries import connect_duckdb, kept_token_forms
from corpus_tools.tokens.dataset import TokenDataset

__all__ = [
    "KwicHit",
    "TokenQuery",
    "article_token_counts",
    "query_collocate_counts",
    "query_kwic_hits",
    "query_ngram_counts",
]

_EMPTY_RAW = ("CREATE VIEW raw AS SELECT ''::VARCHAR AS article, 0::BIGINT AS section, 0::BIGINT AS block, "
              "''::VARCHAR AS block_kind, 0::BIGINT AS sentence, 0::BIGINT AS position, 0::BIGINT AS start, "
              "0::BIGINT AS \"end\", ''::VARCHAR AS token, ''::VARCHAR AS norm WHERE false")


class TokenQuery:
    """One DuckDB connection over a dataset's kept tokens, shared by several queries.

    Table ``k`` holds the kept tokens (under ``dataset.options``): ``article``,
    ``unit`` (the boundary unit: sentence, block or 0), ``position`` and
    ``term`` (the ``column`` counted).  It lives in the database (spilling
    past the memory limit), never in Python.  With ``rows=True`` (KWIC) no
    table ``k`` is made: :func:`query_kwic_hits` reads, per query, the rows
    of the units that hold a token able to start a hit, and nothing else
    (a whole-corpus table with offsets and tokens was most of a report's
    concordance time).  The view ``raw`` (kept block roles) and ``forms``
    (the kept raw tokens) are there in both modes.  Use as a context
    manager, or call :meth:`close`.
    """

    def __init__(self, dataset: TokenDataset, boundary: str = "paragraph", column: str = "norm",
                 threads: int | None = None, *, rows: bool = False) -> None:
        if not isinstance(dataset, TokenDataset):
            raise TypeError(f"expected a TokenDataset, not {type(dataset).__name__}")
        if boundary not in BOUNDARIES:
            raise ValueError(f"boundary must be one of {sorted(BOUNDARIES)}, not {boundary!r}")
        if column not in ("norm", "token"):
            raise ValueError(f"column must be 'norm' or 'token' for a token dataset, not {column!r}")
        self.dataset, self.boundary, self.column, self.rows = dataset, boundary, column, rows
        self.con = connect_duckdb(threads)
        try:
            if dataset.parts:
                self.con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
            else:
                self.con.sql(_EMPTY_RAW)
            self.con.register("forms", kept_token_forms(self.con, dataset, column))
            if not rows:
                self.con.sql(f"CREATE TEMP TABLE k AS SELECT r.article, {self.unit_sql} AS unit, "
                             "r.position, f.term FROM raw r JOIN forms f ON r.token = f.token")
        except BaseException:
            self.con.close()
            raise

    @property
    def unit_sql(self) -> str:
        """The boundary unit of a row of view ``raw`` (alias ``r``) as SQL: its sentence, its block, or 0."""
        unit = BOUNDARIES[self.boundary]
        return f"r.{unit}" if unit else "0::BIGINT"

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> TokenQuery:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def word_counts(self, by_article: bool = False) -> dict:
        """term -> count (or article -> term -> count) of the kept tokens."""
        if self.rows:
            # rows mode builds no table k (KWIC reads units per query): say so, not DuckDB's "table k does not exist"
            raise ValueError("word_counts needs the kept-token table: open TokenQuery with rows=False")
        if not by_article:
            return dict(self.con.sql("SELECT term, count(*) FROM k GROUP BY term").fetchall())
        out: dict = defaultdict(dict)
        for art, term, c in self.con.sql("SELECT article, term, count(*) FROM k GROUP BY article, term").fetchall():
            out[art][term] = c
        return out


def _group(by_article: bool) -> str:
    return "article, " if by_article else ""


def query_ngram_counts(dataset: TokenDataset, n: int = 2, window_size: int | None = None,
                       boundary: str = "paragraph", column: str = "norm", *, min_count: int = 1,
                       min_word_count: int = 1, by_article: bool = False,
                       threads: int | None = None) -> NgramCounts | dict[str, NgramCounts]:
    """:func:`~corpus_tools.stats.counts.count_ngrams` of the dataset's kept tokens, pruned in DuckDB.

    Pairs within the window (n = 2) are the ``lead`` rows 1 ... ``window_size
    - 1`` of each kept token in its boundary unit (ordered by position) that
    are at most ``window_size - 1`` positions on; trigrams are kept tokens
    at positions i, i + 1, i + 2 of one unit.  N-grams counted fewer than
    ``min_count`` times, or with a word counted fewer than
    ``min_word_count`` times, are dropped in the query (``NgramCounts.min_count``
    says so); ``words``, ``n_words`` and, for trigrams, the ``pairs`` and
    ``gapped`` marginals of the kept ones are complete.  With ``min_count =
    min_word_count = 1`` the result equals ``count_ngrams`` of the token table.

    ``by_article``: a dict article -> counts (each pruned within its article),
    articles with kept tokens, in corpus order (:func:`~corpus_tools.stats.counts.counts_by_article`).
    """
    window_size = n if window_size is None else window_size
    NgramCounts(n, window_size, boundary, column, min_count=min_count, min_word_count=min_word_count)  # validates
    g = _group(by_article)
    pruned = min_count > 1 or min_word_count > 1
    # Each occurrence of a trigram or an adjacent pair is an occurrence of each of its words at its own
    # position, so a kept n-gram (counted >= min_count) has words counted at least min_count times (in its
    # article, by article); a word of a pair in a window of S positions takes part in at most S - 1
    # occurrences of that pair at each of its positions, so there the bound is min_count / (S - 1).  Rarer
    # words can never be in a kept n-gram and are blanked (NULL, their positions kept) before the n-grams
    # are formed: DuckDB then groups the n-grams of the frequent words only, not every distinct one of
    # the corpus (which grows with the corpus: at 300 MB they were most of the collocation queries'
    # memory).  The marginals of the kept trigrams (their adjacent and gapped pairs) are counted for those
    # pairs only, by a semi join.  Exact: the same counts as grouping everything, then dropping (tested).
    # The threshold is at least min_word_count, so the blanking is also the min_word_count filter.
    per_word = -(-min_count // (window_size - 1)) if n == 2 else min_count
    threshold = max(per_word, min_word_count)
    with TokenQuery(dataset, boundary, column, threads) as q:
        con = q.con
        con.sql(f"CREATE TEMP TABLE wc AS SELECT {g}term, count(*)::BIGINT AS c FROM k GROUP BY ALL")
        same = "wc.article = k.article AND " if by_article else ""
        source = (f"(SELECT k.article, k.unit, k.position, CASE WHEN wc.c >= {threshold} THEN k.term END AS term "
                  f"FROM k JOIN wc ON {same}wc.term = k.term)" if threshold > 1 else "k")
        window = "WINDOW w AS (PARTITION BY article, unit ORDER BY position)"
        if n == 2:
            span = window_size - 1
            leads = ", ".join(f"lead(term, {j}) OVER w AS t{j}, lead(position, {j}) OVER w - position AS d{j}"
                              for j in range(1, span + 1))
            pairs = " UNION ALL ".join(f"SELECT article, term AS w1, t{j} AS w2 FROM l WHERE d{j} <= {span}"
                                       + (f" AND term IS NOT NULL AND t{j} IS NOT NULL" if threshold > 1 else "")
                                       for j in range(1, span + 1))
            con.sql(f"CREATE TEMP TABLE kept AS WITH l AS (SELECT article, term, {leads} FROM {source} {window}), "
                    f"p AS ({pairs}) SELECT {g}w1, w2, count(*)::BIGINT AS c FROM p GROUP BY ALL "
                    f"HAVING count(*) >= {min_count}")
            grams = con.sql(f"SELECT {g}w1, w2, c FROM kept").fetchall()
            adjacent, gapped = [], []
        else:
            # trigrams, and the marginals of the kept ones: their adjacent pairs (w1 w2, w2 w3) and their
            # gapped pair (w1 _ w3, any kept token between)
            con.sql(f"CREATE TEMP TABLE l AS SELECT article, term, lead(term, 1) OVER w AS t1, "
                    f"lead(term, 2) OVER w AS t2, lead(position, 1) OVER w - position AS d1, "
                    f"lead(position, 2) OVER w - position AS d2 FROM {source} {window}")
            known = " AND term IS NOT NULL AND t1 IS NOT NULL AND t2 IS NOT NULL" if threshold > 1 else ""
            con.sql(f"CREATE TEMP TABLE kept AS SELECT {g}term AS w1, t1 AS w2, t2 AS w3, count(*)::BIGINT AS c "
                    f"FROM l WHERE d2 = 2{known} GROUP BY ALL HAVING count(*) >= {min_count}")
            if not pruned:
                con.sql(f"CREATE TEMP TABLE adj AS SELECT {g}term AS w1, t1 AS w2, count(*)::BIGINT AS c "
                        "FROM l WHERE d1 = 1 GROUP BY ALL")
            grams = con.sql(f"SELECT {g}w1, w2, w3, c FROM kept").fetchall()
            if pruned:  # only the marginals of the kept trigrams are counted: a semi join, then a small aggregate
                on = "l.article = x.article AND " if by_article else ""
                adjacent = con.sql(
                    f"WITH x AS (SELECT {g}w1, w2 FROM kept UNION SELECT {g}w2 AS w1, w3 AS w2 FROM kept) "
                    f"SELECT {g}term, t1, count(*)::BIGINT FROM l SEMI JOIN x ON {on}l.term = x.w1 AND l.t1 = x.w2 "
                    "WHERE d1 = 1 GROUP BY ALL").fetchall()
                gapped = con.sql(
                    f"WITH x AS (SELECT DISTINCT {g}w1, w3 FROM kept) "
                    f"SELECT {g}term, t2, count(*)::BIGINT FROM l SEMI JOIN x ON {on}l.term = x.w1 AND l.t2 = x.w3 "
                    "WHERE d2 = 2 GROUP BY ALL").fetchall()
            else:
                adjacent = con.sql(f"SELECT {g}w1, w2, c FROM adj").fetchall()
                gapped = []
        words = q.word_counts(by_article)
    settings = dict(min_count=min_count, min_word_count=min_word_count)
    if not by_article:
        return NgramCounts(n, window_size, boundary, column, ngrams={r[:-1]: r[-1] for r in grams}, words=words,
                           n_words=sum(words.values()), pairs={r[:-1]: r[-1] for r in adjacent},
                           gapped={r[:-1]: r[-1] for r in gapped}, **settings)
    split = {name: defaultdict(dict) for name in ("grams", "pairs", "gapped")}
    for name, rows in (("grams", grams), ("pairs", adjacent), ("gapped", gapped)):
        for r in rows:
            split[name][r[0]][r[1:-1]] = r[-1]
    return {art: NgramCounts(n, window_size, boundary, column, ngrams=split["grams"].get(art, {}), words=words[art],
                             n_words=sum(words[art].values()), pairs=split["pairs"].get(art, {}),
                             gapped=split["gapped"].get(art, {}), **settings)
            for art in dataset.articles if art in words}


def _hits_sql(k: int, conditions: Sequence[str], rows: bool, table: str = "k") -> str:
    """Rows of ``table`` starting ``k`` consecutive kept tokens of one unit; ``conditions[m]`` tests alias ``k{m}``."""
    joins = " ".join(f"JOIN {table} k{m} ON k{m}.article = k0.article AND k{m}.unit = k0.unit "
                     f"AND k{m}.position = k0.position + {m}" for m in range(1, k))
    return (f"SELECT k0.article, k0.unit, {'k0.block, ' if rows else ''}k0.position{', k0.rn' if rows else ''} "
            f"FROM {table} k0 {joins} "
            f"WHERE {' AND '.join(conditions)}")


def query_collocate_counts(dataset: TokenDataset, phrase: Sequence[str], left: int, right: int,
                           boundary: str = "paragraph", column: str = "norm", *, min_count: int = 1,
                           min_word_count: int = 1, threads: int | None = None) -> CollocateCounts:
    """The span counts of a node (already normalised: ``phrase`` is its terms) over the dataset.

    Semantics of :func:`corpus_tools.stats.collocations.collocate_table`:
    an occurrence is ``phrase`` at consecutive positions of one unit; its
    window is every kept token of that unit at most ``left`` positions
    before its first token or ``right`` after its last; the span is the
    union of the windows without the node's own tokens.  Collocates with
    ``O11 < min_count`` or ``C1 < min_word_count`` are dropped in the query;
    ``span_tokens``, ``tokens`` and ``f_node`` are complete.
    """
    k = len(phrase)
    if not k:
        raise ValueError("phrase must hold at least one term")
    with TokenQuery(dataset, boundary, column, threads) as q:
        con = q.con
        hits_sql = _hits_sql(k, [f"k{m}.term = ?" for m in range(k)], False)
        con.execute(f"CREATE TEMP TABLE hits AS {hits_sql}", list(phrase))
        f_node = con.sql("SELECT count(*) FROM hits").fetchall()[0][0]
        n_all = con.sql("SELECT count(*) FROM k").fetchall()[0][0]
        con.sql(f"CREATE TEMP TABLE node AS SELECT DISTINCT article, "
                f"unnest(range(position, position + {k})) AS position FROM hits")
        con.sql(f"CREATE TEMP TABLE cand AS "
                f"SELECT article, unit, unnest(range(position - {left}, position)) AS position, 0 AS side FROM hits "
                f"UNION ALL SELECT article, unit, unnest(range(position + {k}, position + {k + right})) AS position, "
                "1 AS side FROM hits")
        con.sql("CREATE TEMP TABLE win AS SELECT c.article, c.position, k.term, max(c.side = 0)::INT AS l, "
                "max(c.side = 1)::INT AS r FROM cand c JOIN k ON k.article = c.article AND k.position = c.position "
                "AND k.unit = c.unit ANTI JOIN node ON node.article = c.article AND node.position = c.position "
                "GROUP BY c.article, c.position, k.term")
        r1 = con.sql("SELECT count(*) FROM win").fetchall()[0][0]
        rows = con.sql(
            "WITH wc AS (SELECT term, count(*) AS c FROM k GROUP BY term) "
            "SELECT w.term, count(*)::BIGINT, sum(w.l)::BIGINT, sum(w.r)::BIGINT, any_value(wc.c)::BIGINT "
            "FROM win w JOIN wc ON wc.term = w.term GROUP BY w.term "
            f"HAVING count(*) >= {int(min_count)} AND any_value(wc.c) >= {int(min_word_count)}").fetchall()
    return CollocateCounts({r[0]: r[1:] for r in rows}, span_tokens=r1, tokens=n_all, f_node=f_node)


@dataclass(frozen=True)
class KwicHit:
    """One occurrence of a KWIC query and its context rows, as the in-memory table has them.

    ``tokens``, ``starts``, ``ends`` run over the rows ``lo ... hi - 1`` of
    the hit's unit: ``match_at`` rows of left context, the ``k`` matched
    rows, then the right context.
    """

    article: str
    block: int
    position: int
    match_at: int
    tokens: list[str]
    starts: list[int]
    ends: list[int]


def query_kwic_hits(q: TokenQuery, matchers: Sequence[Callable[[str], bool]], context: int) -> list[KwicHit]:
    """Occurrences of ``matchers`` (token ``m`` of the phrase must satisfy ``matchers[m]``), in text order.

    ``q`` is a ``TokenQuery(..., rows=True)``.
    The matchers run once per distinct kept token, in Python.  Only the
    boundary units holding a token that ``matchers[0]`` accepts are read
    (table ``kq``: their kept rows with offsets, numbered in position order
    within the unit); the hits are found there by a join on consecutive
    positions (as :func:`corpus_tools.stats.concordance.phrase_hits`), and
    only the rows at most ``context`` rows before or after each hit, in its
    unit, are read back.  Context never leaves the unit, so numbering the
    rows per unit instead of per article gives the same lines.
    """
    if not q.rows:
        raise ValueError("query_kwic_hits needs a TokenQuery made with rows=True")
    k = len(matchers)
    distinct = q.con.sql("SELECT token FROM forms").fetchall()  # every kept raw token, once
    rows = [(m, t) for m, fn in enumerate(matchers) for (t,) in distinct if fn(t)]
    q.con.register("mt", pa.table({"m": pa.array([r[0] for r in rows], pa.int64()),
                                   "token": pa.array([r[1] for r in rows], pa.string())}))
    unit = q.unit_sql
    try:  # the tables of one query: dropped when it ends, so the next query of the connection makes its own
        q.con.sql(f"CREATE TEMP TABLE ku AS SELECT DISTINCT r.article, {unit} AS unit FROM raw r "
                  "WHERE r.token IN (SELECT token FROM mt WHERE m = 0)")
        q.con.sql(f"CREATE TEMP TABLE kq AS SELECT r.article, {unit} AS unit, r.position, r.block, "
                  f"row_number() OVER (PARTITION BY r.article, {unit} ORDER BY r.position) AS rn, r.start, "
                  "r.\"end\", r.token FROM raw r JOIN forms f ON r.token = f.token "
                  f"SEMI JOIN ku ON ku.article = r.article AND ku.unit = {unit}")
        conditions = [f"k{m}.token IN (SELECT token FROM mt WHERE m = {m})" for m in range(k)]
        hits_sql = _hits_sql(k, conditions, True, "kq")
        q.con.sql(f"CREATE TEMP TABLE kh AS SELECT row_number() OVER () AS id, * FROM ({hits_sql})")
        hits = q.con.sql("SELECT id, article, unit, block, position, rn FROM kh").fetchall()
        near = q.con.sql(
            f"WITH c AS (SELECT id, article, unit, unnest(range(rn - {context}, rn + {k + context})) AS rn FROM kh) "
            "SELECT c.id, kq.rn, kq.token, kq.start, kq.\"end\" FROM c JOIN kq ON kq.article = c.article "
            "AND kq.rn = c.rn AND kq.unit = c.unit ORDER BY c.id, kq.rn").fetchall()
    finally:
        q.con.unregister("mt")
        q.con.sql("DROP TABLE IF EXISTS kh; DROP TABLE IF EXISTS kq; DROP TABLE IF EXISTS ku")
    by_hit: dict[int, list] = defaultdict(list)
    for row in near:
        by_hit[row[0]].append(row[1:])
    order = {a: i for i, a in enumerate(q.dataset.articles)}
    out = []
    for hid, art, _, block, pos, rn in sorted(hits, key=lambda h: (order[h[1]], h[4])):
        ctx = by_hit[hid]
        out.append(KwicHit(art, block, pos, sum(r[0] < rn for r in ctx), [r[1] for r in ctx], [r[2] for r in ctx],
                           [r[3] for r in ctx]))
    return out


def article_token_counts(dataset: TokenDataset, threads: int | None = None) -> pd.Series:
    """Article id -> number of kept tokens (under ``dataset.options``), articles with any, in corpus order.

    Equal to ``dataset.token_table().groupby("article", sort=False).size()``
    (the lengths :func:`corpus_tools.plots.plot_concordance` scales by),
    counted in the database.
    """
    if not isinstance(dataset, TokenDataset):
        raise TypeError(f"expected a TokenDataset, not {type(dataset).__name__}")
    con: duckdb.DuckDBPyConnection = connect_duckdb(threads)
    try:
        if dataset.parts:
            con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
        else:
            con.sql(_EMPTY_RAW)
        con.register("forms", kept_token_forms(con, dataset, "token"))
        counts = dict(con.sql("SELECT r.article, count(*)::BIGINT FROM raw r SEMI JOIN forms f ON r.token = f.token "
                              "GROUP BY r.article").fetchall())
    finally:
        con.close()
    ids = [a for a in dataset.articles if a in counts]
    return pd.Series([counts[a] for a in ids], index=pd.Index(ids, dtype=object, name="article"), dtype="int64")
