"""DuckDB and Parquet queries behind the word-level tables of a token dataset: aggregates only.

The keyword, group, keyness and trend tables of a
:class:`~corpus_tools.tokens.dataset.TokenDataset` are made from integer
aggregates computed here (by DuckDB over the part files, or by streaming the
parts with pyarrow for the statistics that need the token sequence), then
scored, ordered and laid out by the same code that makes them from an
in-memory token table.  No function here returns or holds a per-token table
of the corpus: results grow with the vocabulary (times the articles for the
per-article keyword counts, which are streamed in chunks of whole articles).

Token options are applied as :mod:`corpus_tools.stats.queries` applies them:
:meth:`TokenOptions.normalize` once per distinct raw token, in Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from corpus_tools.stats.queries import connect_duckdb, create_article_term_table, kept_token_forms, ngram_items_sql
from corpus_tools.tokens.dataset import TokenDataset

__all__ = [
    "KEYWORD_CHUNK_ROWS",
    "STREAM_BATCH_ROWS",
    "iter_article_words",
    "iter_keyword_counts",
    "query_group_counts",
    "query_phrase_counts",
]

#: Rows of article x term counts scored at once by the keyword table (whole articles per chunk).
KEYWORD_CHUNK_ROWS = 500_000
#: Token rows converted to Python at once when streaming the parts.
STREAM_BATCH_ROWS = 65_536


def _check(dataset, column: str) -> None:
    if not isinstance(dataset, TokenDataset):
        raise TypeError(f"expected a TokenDataset, not {type(dataset).__name__}")
    if column not in ("norm", "token"):
        raise ValueError(f"column must be 'norm' or 'token' for a token dataset, not {column!r}")


def _open(dataset: TokenDataset, column: str, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """A connection with views ``raw`` (the parts) and ``kept`` (article, block, sentence, position, term)."""
    _check(dataset, column)
    con = connect_duckdb(threads)
    if dataset.parts:
        con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
    else:
        con.sql("CREATE VIEW raw AS SELECT ''::VARCHAR AS article, 0::BIGINT AS block, 0::BIGINT AS sentence, "
                "0::BIGINT AS position, ''::VARCHAR AS token WHERE false")
    con.register("forms", kept_token_forms(con, dataset, column))
    con.sql("CREATE VIEW kept AS SELECT r.article, r.block, r.sentence, r.position, f.term "
            "FROM raw r JOIN forms f ON r.token = f.token")
    return con


def _register_labels(con, labels: Mapping[str, str]) -> None:
    con.register("labels", pa.table({"article": pa.array(list(labels), pa.string()),
                                     "grp": pa.array([str(v) for v in labels.values()], pa.string())}))


def _in_order(totals: dict, dataset: TokenDataset) -> dict[str, int]:
    order = {a: i for i, a in enumerate(dataset.articles)}
    return {a: int(totals[a]) for a in sorted(totals, key=order.__getitem__)}


def query_group_counts(dataset: TokenDataset, labels: Mapping[str, str], n: int = 1, *, column: str = "norm",
                       min_count: int = 1) -> tuple[pd.DataFrame, dict[str, int]]:
    """Counts of terms (or n-grams) within groups of articles, in one DuckDB aggregate.

    ``labels`` maps article id -> group (a small table joined on ``article``);
    articles without a label are left out.

    Returns
    -------
    counts : pandas.DataFrame
        ``group``, ``term``, ``count``, ``doc_freq`` (articles of the group
        containing it); rows with ``count >= min_count`` within their group,
        in no particular order.
    totals : dict
        Article id -> counted items (before pruning) for every labelled
        article with at least one, in corpus order.
    """
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    _check(dataset, column)
    con = connect_duckdb() if n == 1 else _open(dataset, column)
    try:
        if n == 1:  # the article x term counts every word query shares (saved with the dataset)
            create_article_term_table(con, dataset, 1, column)
            con.sql("ALTER TABLE per RENAME TO article_terms")
            items = "SELECT article, term, c FROM article_terms"
        else:
            items = f"SELECT article, term, count(*) AS c FROM ({ngram_items_sql(n)}) GROUP BY ALL"
        _register_labels(con, labels)
        con.sql(f"CREATE TEMP TABLE per AS SELECT i.article, l.grp, i.term, i.c "
                f"FROM ({items}) i JOIN labels l USING (article)")
        totals = dict(con.sql("SELECT article, sum(c)::BIGINT FROM per GROUP BY article").fetchall())
        counts = con.execute("SELECT grp AS \"group\", term, sum(c)::BIGINT AS count, count(*)::BIGINT AS doc_freq "
                             "FROM per GROUP BY grp, term HAVING sum(c) >= ?", [min_count]).df()
    finally:
        con.close()
    return (counts.astype({"group": object, "term": object, "count": "int64", "doc_freq": "int64"}),
            _in_order(totals, dataset))


def iter_keyword_counts(dataset: TokenDataset, *, column: str = "norm", min_count: int = 1,
                        chunk_rows: int = KEYWORD_CHUNK_ROWS) -> Iterator:
    """Per-article term counts with corpus totals, for keywords of each article against the rest.

    One aggregate: article x term counts ``a`` and each term's corpus count
    ``total``; only the rows that can be keywords leave the database: the
    term seen ``min_count`` times in the corpus, and over-used in the
    article in exact integers (``a * (N - c) > (total - a) * c``, with ``c``
    the article's tokens and ``N`` the corpus'; the caller applies the
    floating-point test of :func:`~corpus_tools.stats.keyness.keyness_arrays`,
    which implies this one).

    Yields first the dict article id -> counted tokens (articles with one or
    more, corpus order), then DataFrames ``article`` (its index in that
    dict), ``term``, ``count``, ``total`` of about ``chunk_rows`` rows, each
    holding whole articles, in article order.
    """
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    _check(dataset, column)
    con = connect_duckdb()
    try:
        sizes = create_article_term_table(con, dataset, 1, column)  # per (article, term, c), saved with the dataset
        yield sizes
        n_all = sum(sizes.values())
        con.register("sizes", pa.table({"article": pa.array(list(sizes), pa.string()),
                                        "idx": pa.array(range(len(sizes)), pa.int64()),
                                        "c": pa.array(list(sizes.values()), pa.int64())}))
        # integers only (checked above), so they are written into the query
        reader = con.sql(
            "WITH t AS (SELECT term, sum(c)::BIGINT AS total FROM per GROUP BY term) "
            "SELECT s.idx AS article, p.term, p.c AS count, t.total FROM per p JOIN t USING (term) "
            f"JOIN sizes s USING (article) WHERE t.total >= {int(min_count)} "
            f"AND p.c::HUGEINT * ({int(n_all)} - s.c) > (t.total - p.c)::HUGEINT * s.c ORDER BY s.idx"
        ).to_arrow_reader(chunk_rows)
        pending: list[pd.DataFrame] = []
        for batch in reader:
            frame = batch.to_pandas()
            if not len(frame):
                continue
            last = frame["article"].iat[-1]
            done = frame["article"] != last
            if done.any():  # every article before the batch's last one is complete
                yield pd.concat([*pending, frame[done]], ignore_index=True)
                pending = [frame[~done]]
            else:
                pending.append(frame)
        if pending:
            yield pd.concat(pending, ignore_index=True)
    finally:
        con.close()


def query_phrase_counts(dataset: TokenDataset, phrases: Sequence[tuple[str, ...]], *, column: str = "norm",
                        articles: Sequence[str] | None = None) -> pd.DataFrame:
    """Occurrences of each phrase per article: its terms at consecutive positions of one paragraph (block).

    As :func:`corpus_tools.stats.concordance.phrase_hits` counts them on a
    token table with units ``(article, block)`` (overlapping occurrences
    count).  ``articles`` limits the count to those ids.

    Returns
    -------
    pandas.DataFrame
        ``phrase`` (its index in ``phrases``), ``article``, ``count`` (> 0).
    """
    con = _open(dataset, column)
    try:
        where = ""
        if articles is not None:
            con.register("wanted", pa.table({"article": pa.array(list(articles), pa.string())}))
            where = " WHERE article IN (SELECT article FROM wanted)"
        parts = []
        for k in sorted({len(p) for p in phrases}):
            idx = [i for i, p in enumerate(phrases) if len(p) == k]
            cols = {"phrase": pa.array(idx, pa.int64())}
            cols |= {f"t{m}": pa.array([phrases[i][m] for i in idx], pa.string()) for m in range(k)}
            con.register(f"phrases{k}", pa.table(cols))
            leads = "".join(f", lead(term, {m}) OVER w AS t{m}" for m in range(1, k))
            gap = f"lead(position, {k - 1}) OVER w - position" if k > 1 else "0"
            match = " AND ".join(f"g.t{m} = p.t{m}" for m in range(k))
            parts.append(con.sql(
                f"SELECT p.phrase, g.article, count(*)::BIGINT AS count FROM "
                f"(SELECT article, term AS t0{leads}, {gap} AS gap FROM kept{where} "
                f"WINDOW w AS (PARTITION BY article, block ORDER BY position)) g "
                f"JOIN phrases{k} p ON {match} WHERE g.gap = {k - 1} GROUP BY ALL").df())
    finally:
        con.close()
    empty = pd.DataFrame({"phrase": pd.Series(dtype="int64"), "article": pd.Series(dtype=object),
                          "count": pd.Series(dtype="int64")})
    out = pd.concat([empty, *parts], ignore_index=True) if parts else empty
    return out.astype({"phrase": "int64", "article": object, "count": "int64"})


def _row_groups(dataset: TokenDataset, reverse: bool) -> Iterator[pa.Table]:
    """The parts' row groups (about ROW_GROUP_CHARS of text each), in order or last first.

    Read dictionary-encoded, as Parquet stores them: each column comes with
    its row group's distinct values once and an index per row, so the
    caller decides each distinct token once per row group, not per row.
    """
    # role: the options' block-role filter (boilerplate left out) is a property of the row, not the token
    columns = ["article", "token", "role"] if dataset.options.excluded_roles else ["article", "token"]
    parts = reversed(dataset.parts) if reverse else dataset.parts
    for path in parts:
        pf = pq.ParquetFile(path, read_dictionary=columns)
        groups = range(pf.num_row_groups)
        for rg in reversed(groups) if reverse else groups:
            yield pf.read_row_group(rg, columns=columns)


def _encoded(column: pa.ChunkedArray) -> tuple[list, np.ndarray]:
    """A dictionary-read column as (its distinct values, one index per row)."""
    array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if not pa.types.is_dictionary(array.type):  # not read dictionary-encoded: encoded here, the same result
        array = pc.dictionary_encode(array)
    return array.dictionary.to_pylist(), array.indices.to_numpy(zero_copy_only=False)


def iter_article_words(dataset: TokenDataset, column: str = "norm", *, reverse: bool = False,
                       whole: bool = True, vocabulary: dict[str, int] | None = None,
                       ) -> Iterator[tuple[str, list[str] | np.ndarray]]:
    """``(article, terms)`` for every article with a kept token, streamed from the parts with pyarrow.

    Articles in corpus order with their terms in text order (``reverse``:
    last article first, each one's terms last first), under the dataset's
    options (each distinct raw token normalised once; rows of excluded
    block roles dropped).  Only the part files' ``article`` and ``token``
    columns (and ``role``) are read, one row group at a time (dictionary-encoded:
    its distinct values and an index per row), and turned into terms one
    batch of :data:`STREAM_BATCH_ROWS` rows at a time: memory is one row
    group's encoded columns, one batch and one article, not the corpus.
    ``whole=False`` yields the pieces of an article as they come (one batch at
    most each, the same article possibly several times in a row).
    With a ``vocabulary`` (a dict, usually empty at first), the terms come
    as an int64 array of their ids in it, new terms numbered in the order
    the row groups' dictionaries list them: no Python object per token.
    """
    _check(dataset, column)
    forms: dict[str, str | None] = {}
    ids: dict[str, int] = {}  # raw token -> its term's id in ``vocabulary``, -1 when removed
    normalize = dataset.options.normalize
    excluded_roles = set(dataset.options.excluded_roles)
    current, words = None, []
    for table in _row_groups(dataset, reverse):
        if not table.num_rows:
            continue
        # vectorised: each distinct token of the row group is looked up (normalised once per dataset),
        # the row group's terms are taken by index and the runs of one article cut by index
        distinct, token_idx = _encoded(table.column("token"))
        if vocabulary is None:
            for tok in distinct:
                if tok not in forms:
                    norm = normalize(tok)
                    forms[tok] = None if norm is None else norm if column == "norm" else tok
            lookup = np.array([forms[t] for t in distinct], dtype=object)
        else:  # -1: a removed token
            # each raw token's id is decided once per dataset (the first time a row group has it, new
            # terms numbered in that order); after that a row group costs one C-level dict lookup per
            # distinct token
            for tok in [t for t in distinct if t not in ids]:
                norm = normalize(tok)
                form = None if norm is None else norm if column == "norm" else tok
                ids[tok] = -1 if form is None else vocabulary.setdefault(form, len(vocabulary))
            lookup = np.fromiter(map(ids.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        excluded = None
        if excluded_roles:
            roles, role_idx = _encoded(table.column("role"))
            excluded = np.array([r in excluded_roles for r in roles], dtype=bool)
        names, art_all = _encoded(table.column("article"))
        # the row group in batches of STREAM_BATCH_ROWS rows (last first when reverse): a batch's
        # arrays are all that is made per row, the dictionaries' lookups serve every batch
        starts = range(0, table.num_rows, STREAM_BATCH_ROWS)
        for start in reversed(starts) if reverse else starts:
            rows = slice(start, start + STREAM_BATCH_ROWS)
            terms, art_idx = lookup[token_idx[rows]], art_all[rows]
            if excluded is not None:
                terms[excluded[role_idx[rows]]] = None if vocabulary is None else -1  # removed
            if reverse:
                terms, art_idx = terms[::-1], art_idx[::-1]
            cuts = [0, *(np.flatnonzero(art_idx[1:] != art_idx[:-1]) + 1).tolist(), len(art_idx)]
            for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
                art = names[art_idx[lo]]
                if art != current:
                    if _any(words, vocabulary):
                        yield current, _joined(words, vocabulary)
                    current, words = art, []
                run = terms[lo:hi]
                if vocabulary is None:
                    words.extend(run[run != None].tolist())  # noqa: E711 (element-wise: the removed tokens)
                else:
                    words.append(run[run >= 0])
            if not whole and _any(words, vocabulary):
                yield current, _joined(words, vocabulary)
                words = []
    if _any(words, vocabulary):
        yield current, _joined(words, vocabulary)


def _any(words: list, vocabulary: dict | None) -> bool:
    """Whether the pending pieces hold a term (id arrays may be empty: every token removed)."""
    return bool(words) if vocabulary is None else any(len(piece) for piece in words)


def _joined(words: list, vocabulary: dict | None):
    """An article's pieces as one: the list of terms, or (with a vocabulary) one id array."""
    if vocabulary is None:
        return words
    return np.concatenate(words) if len(words) != 1 else words[0]
