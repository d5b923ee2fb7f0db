"""Counting over the token dataset with DuckDB: the integer aggregates behind the frequency tables.

:func:`query_term_counts` counts terms or n-grams of a
:class:`~corpus_tools.tokens.dataset.TokenDataset` in an in-process DuckDB
database reading its Parquet parts (multi-threaded, spilling to disk past
:data:`MEMORY_LIMIT`), and returns only aggregates (:class:`TermCounts`),
pruned by ``min_count`` inside the query, so memory grows with the
vocabulary, not the corpus.  It computes integers only; the tables
(ordering, rank, ``per_10k``, tf-idf) are made from them by the same code
that makes them from an in-memory token table
(:func:`corpus_tools.stats.frequency.frequency_table` and
:func:`~corpus_tools.stats.frequency.ngram_table` dispatch here when given a
dataset), so both paths give equal tables.

Token options are applied the way :func:`corpus_tools.tokens.renormalized_table`
applies them: :meth:`TokenOptions.normalize` once per distinct raw token,
in Python (the one definition of normalisation), and the resulting
``token -> term`` map is joined with the tokens in the database.  The
block-role filter (:attr:`TokenOptions.boilerplate`: by default the tokens
of sign-off, boilerplate, by-line, dateline and link blocks are not
counted) is a property of a row, not of a token: :func:`kept_token_forms`
narrows the view ``raw`` itself to the rows of kept roles, so every query
that joins ``raw`` with the forms, or counts ``raw``'s rows, sees the rows
the in-memory token table holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from corpus_tools._version import __version__
from corpus_tools.tokens.dataset import TokenDataset

__all__ = ["DERIVED_FOLDER", "MEMORY_LIMIT", "TermCounts", "article_terms_path", "connect_duckdb",
           "create_article_term_table", "duckdb_memory_limit", "iter_article_term_counts", "kept_token_forms",
           "ngram_items_sql", "part_view", "query_term_counts", "query_top_tfidf_terms", "register_article_order",
           "whole_article_pieces"]

#: DuckDB's memory limit for one query (it spills to a temporary folder beyond it);
#: the environment variable ``CORPUS_TOOLS_DUCKDB_MEMORY`` overrides it ("4GB"...).
MEMORY_LIMIT = "1GB"
#: The limit :func:`duckdb_memory_limit` set for the code it runs (None: the variable, else MEMORY_LIMIT).
_CONTEXT_MEMORY_LIMIT: ContextVar[str | None] = ContextVar("corpus_tools_duckdb_memory_limit", default=None)
#: Subfolder of a dataset's folder for the tables derived from it on first use (:func:`article_terms_path`).
DERIVED_FOLDER = "derived"


@dataclass(frozen=True)
class TermCounts:
    """Integer aggregates of terms (or n-grams) counted per article.

    Attributes
    ----------
    counts : pandas.DataFrame
        ``term``, ``count``, ``doc_freq`` (articles containing the term), and
        ``article`` first when counted by article; rows with ``count >=
        min_count`` only, in no particular order.
    totals : dict
        Article id -> number of counted items in it (before pruning), for
        every article with at least one, in corpus order.
    """

    counts: pd.DataFrame
    totals: dict[str, int]

    @property
    def total(self) -> int:
        """Counted items in the corpus (before pruning)."""
        return sum(self.totals.values())


@contextlib.contextmanager
def duckdb_memory_limit(limit: str) -> Iterator[None]:
    """DuckDB's memory limit (``"500MB"``) for the connections opened by the code run inside, in this thread.

    A context variable, not the environment: the report's runner counts its overview with the kernels'
    limit while they run beside it, and no other thread, nor a process started meanwhile, sees it.
    The tables are the same under any limit (DuckDB spills beyond it).

    >>> with duckdb_memory_limit("300MB"):
    ...     connect_duckdb().sql("SELECT current_setting('memory_limit')").fetchall()[0][0]
    '286.1 MiB'
    """
    token = _CONTEXT_MEMORY_LIMIT.set(limit)
    try:
        yield
    finally:
        _CONTEXT_MEMORY_LIMIT.reset(token)


def connect_duckdb(threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the package's limits.

    ``threads``: None uses DuckDB's default (every core).  Insertion order
    is not preserved (less memory); every result is ordered by the caller.
    The memory limit: :func:`duckdb_memory_limit`'s when inside one, else
    ``CORPUS_TOOLS_DUCKDB_MEMORY``, else :data:`MEMORY_LIMIT`.
    """
    spill = Path(tempfile.gettempdir()) / "corpus-tools-duckdb"
    limit = _CONTEXT_MEMORY_LIMIT.get() or os.environ.get("CORPUS_TOOLS_DUCKDB_MEMORY", MEMORY_LIMIT)
    config = {"memory_limit": limit,
              "preserve_insertion_order": False, "temp_directory": str(spill)}
    if threads is not None:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    # DuckDB's bar for a query of over 2 s goes to the terminal of whoever runs it: at 1 GB the report
    # printed one into its log lines (a per-connection setting, not a global option).  In a Jupyter kernel
    # without ipywidgets the bar is off already and DuckDB refuses any change to it.
    with contextlib.suppress(duckdb.InvalidInputException):
        con.sql("SET enable_progress_bar = false")
    return con


def _keep_roles(con: duckdb.DuckDBPyConnection, dataset: TokenDataset) -> None:
    """Narrow view ``raw`` to the rows whose block role ``dataset.options`` keep (once per connection)."""
    excluded = dataset.options.excluded_roles
    if not excluded or "role" not in con.sql("SELECT * FROM raw LIMIT 0").columns:
        return  # boilerplate kept; or an empty stand-in view without rows (no parts)
    if con.sql("SELECT count(*) FROM duckdb_views() WHERE view_name = 'raw_all_roles'").fetchall()[0][0]:
        return  # already narrowed on this connection
    con.sql("ALTER VIEW raw RENAME TO raw_all_roles")
    con.sql(f"CREATE TEMP VIEW raw AS SELECT * FROM raw_all_roles{_role_filter_sql(dataset)}")


def _role_filter_sql(dataset: TokenDataset) -> str:
    """The ``WHERE`` clause keeping the rows of the block roles ``dataset.options`` keep ("" when all are kept)."""
    excluded = dataset.options.excluded_roles
    if not excluded:
        return ""
    return " WHERE role NOT IN (" + ", ".join("'" + r.replace("'", "''") + "'" for r in excluded) + ")"


def part_view(con: duckdb.DuckDBPyConnection, dataset: TokenDataset, part: Path, name: str = "part_raw") -> None:
    """(Re)create view ``name``: the rows of one part file of ``dataset`` whose block roles its options keep.

    Every article's rows are in one part file, so a per-article aggregate
    made part by part, each part's rows appended in part order, is the
    aggregate of the whole dataset in corpus order; and DuckDB then holds one
    part's groups at a time.  (Over all parts at once, the article x term
    aggregate of a 1 GB corpus, 65 million groups, ran out of the kernels'
    memory limit: DuckDB's hash aggregate does not always spill.)
    """
    con.sql(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet({_sql_string(part)})"
            f"{_role_filter_sql(dataset)}")


#: The last few ``token -> term`` tables made (:func:`kept_token_forms`), by dataset content, options and column.
_FORMS: OrderedDict[tuple, pa.Table] = OrderedDict()
_FORMS_KEPT = 8


def _forms_key(dataset: TokenDataset, column: str) -> tuple | None:
    """What a forms table depends on: the parts' contents (their hashes), the options, the column; None: unhashable."""
    key = (str(dataset.folder), tuple(p.get("sha256") for p in dataset.manifest["parts"]), dataset.options, column)
    try:
        hash(key)
    except TypeError:  # options holding an unhashable value: computed every time
        return None
    return key


def _forms(con: duckdb.DuckDBPyConnection, dataset: TokenDataset, column: str) -> pa.Table:
    _keep_roles(con, dataset)
    # every query of a notebook needs the same table: the distinct raw tokens of the whole dataset,
    # each normalised in Python (0.7 CPU-s at 100 MB, about ten times per notebook); a dataset's
    # parts never change under the same hashes, so the table is kept for the next query
    key = _forms_key(dataset, column)
    if key is not None and key in _FORMS:
        _FORMS.move_to_end(key)
        return _FORMS[key]
    table = _distinct_forms(con, dataset, column)
    if key is not None:
        _FORMS[key] = table
        while len(_FORMS) > _FORMS_KEPT:
            _FORMS.popitem(last=False)
    return table


def _distinct_forms(con: duckdb.DuckDBPyConnection, dataset: TokenDataset, column: str) -> pa.Table:
    tokens = con.sql("SELECT DISTINCT token FROM raw").arrow()
    tokens = tokens.read_all() if hasattr(tokens, "read_all") else tokens  # DuckDB 1.4+ returns a reader
    kept, terms = [], []
    for token in tokens.column("token").to_pylist():
        norm = dataset.options.normalize(token)
        if norm is not None:
            kept.append(token)
            terms.append(norm if column == "norm" else token)
    return pa.table({"token": pa.array(kept, pa.string()), "term": pa.array(terms, pa.string())})


def ngram_items_sql(n: int, unit: str = "sentence") -> str:
    """SQL of the kept terms (``n = 1``) or n-grams of view ``kept`` at consecutive positions of one ``unit``.

    As :func:`corpus_tools.stats.frequency.ngrams`: within a unit, positions
    grow, so the (n-1)-th next kept token is n-1 positions on exactly when no
    token in between was filtered out.  Shared by every query module.
    """
    if n == 1:
        return "SELECT article, term FROM kept"
    leads = ", ".join(f"lead(term, {k}) OVER w" for k in range(1, n))
    return (f"SELECT article, term FROM (SELECT article, concat_ws(' ', term, {leads}) AS term, "
            f"lead(position, {n - 1}) OVER w - position AS gap FROM kept "
            f"WINDOW w AS (PARTITION BY article, {unit} ORDER BY position)) WHERE gap = {n - 1}")


def query_term_counts(dataset: TokenDataset, n: int = 1, *, column: str = "norm", by_article: bool = False,
                      min_count: int = 1, threads: int | None = None) -> TermCounts:
    """Count terms (``n=1``) or n-grams of ``dataset`` under its options, in DuckDB.

    Parameters
    ----------
    dataset : TokenDataset
    n : int
        N-gram size: ``n`` kept tokens at consecutive positions of one
        sentence (:func:`corpus_tools.stats.frequency.ngrams`).
    column : {"norm", "token"}
        Count the normalised form, or the token as written (of kept tokens).
    by_article : bool
        Counts per article (else corpus totals).
    min_count : int
        Keep rows counted at least this often (in the corpus, or the article).
    threads : int, optional
        DuckDB threads (default: every core).

    Returns
    -------
    TermCounts
    """
    if not isinstance(dataset, TokenDataset):
        raise TypeError(f"expected a TokenDataset, not {type(dataset).__name__}")
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer, not {n!r}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    if column not in ("norm", "token"):
        raise ValueError(f"column must be 'norm' or 'token' for a token dataset, not {column!r}")
    con = connect_duckdb(threads)
    try:
        totals = create_article_term_table(con, dataset, n, column)
        if by_article:
            counts = con.execute(
                "WITH d AS (SELECT term, count(*)::BIGINT AS doc_freq FROM per GROUP BY term) "
                "SELECT p.article, p.term, p.c::BIGINT AS count, d.doc_freq FROM per p JOIN d USING (term) "
                "WHERE p.c >= ?", [min_count]).df()
        else:
            counts = con.execute(
                "SELECT term, sum(c)::BIGINT AS count, count(*)::BIGINT AS doc_freq FROM per GROUP BY term "
                "HAVING sum(c) >= ?", [min_count]).df()
    finally:
        con.close()
    return TermCounts(counts.astype(_count_types(by_article)), totals)


def _count_types(by_article: bool) -> dict:
    types = {"term": object, "count": "int64", "doc_freq": "int64"}
    if by_article:
        types["article"] = object
    return types


def article_terms_path(dataset: TokenDataset, column: str = "norm") -> Path:
    """Where the article x term counts of ``dataset`` under its options are kept once made.

    The file (``article``, ``term``, ``c``: the count of each kept term in
    each article) is written by the first query that needs them and read by
    the next ones, in this process or another (a report's notebooks ask for
    them five or more times: frequencies, tf-idf, the heatmap, keywords,
    trends, keyness).  Its name is a hash of everything the counts depend
    on: the parts' contents, the package version, the options (stop words
    as the resolved set) and the column; the parts never change under their
    hashes, so a file of that name never needs checking against them.
    """
    options = dataset.options
    key = {
        "format": 1,
        "version": __version__,
        "dataset": dataset.manifest.get("key"),
        "parts": [p.get("sha256") for p in dataset.manifest["parts"]],
        "column": column,
        "options": {"lowercase": options.lowercase, "words_only": options.words_only,
                    "min_length": options.min_length, "stopwords": sorted(options._stopset),
                    "stem": options.stem, "excluded_roles": sorted(options.excluded_roles)},
    }
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]
    return dataset.folder / DERIVED_FOLDER / f"article_terms-{digest}.parquet"


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _save_article_terms(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Write table ``per`` to ``path`` atomically; a folder that cannot be written only means no reuse."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        con.sql(f"COPY per TO {_sql_string(tmp)} (FORMAT parquet, COMPRESSION zstd)")
        os.replace(tmp, path)  # another process writing the same counts at once: the same rows, either wins
    except (OSError, duckdb.Error):
        with contextlib.suppress(OSError):  # (no folder to hold it: nothing was written)
            tmp.unlink(missing_ok=True)


def create_article_term_table(con: duckdb.DuckDBPyConnection, dataset: TokenDataset, n: int,
                              column: str) -> dict[str, int]:
    """Create table ``per`` (article, term, c) of ``dataset`` in ``con``; return the article totals in corpus order.

    Single terms (``n = 1``) are read from the file of
    :func:`article_terms_path` when an earlier query wrote it, and written
    there when not: the same rows either way.
    """
    saved = article_terms_path(dataset, column) if n == 1 and dataset.parts else None
    loaded = False
    if saved is not None and saved.is_file():
        try:
            con.sql(f"CREATE TEMP TABLE per AS SELECT article, term, c FROM read_parquet({_sql_string(saved)})")
            loaded = True
        except duckdb.Error:  # unreadable (damaged, or removed meanwhile): counted again below
            con.sql("DROP TABLE IF EXISTS per")
    if not loaded:
        if dataset.parts:
            con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
        else:
            con.sql("CREATE VIEW raw AS SELECT ''::VARCHAR AS article, 0::BIGINT AS sentence, "
                    "0::BIGINT AS position, ''::VARCHAR AS token WHERE false")
        forms = _forms(con, dataset, column)
        con.register("forms", forms)
        con.sql("CREATE TEMP TABLE per (article VARCHAR, term VARCHAR, c BIGINT)")
        for part in dataset.parts:  # one part's articles at a time (part_view)
            part_view(con, dataset, part)
            con.sql("CREATE OR REPLACE TEMP VIEW kept AS SELECT r.article, r.sentence, r.position, f.term "
                    "FROM part_raw r JOIN forms f ON r.token = f.token")
            con.sql(f"INSERT INTO per SELECT article, term, count(*)::BIGINT AS c FROM ({ngram_items_sql(n)}) "
                    "GROUP BY article, term")
        if saved is not None:
            _save_article_terms(con, saved)
    totals = dict(con.sql("SELECT article, sum(c)::BIGINT FROM per GROUP BY article").fetchall())
    order = {a: i for i, a in enumerate(dataset.articles)}
    return {a: int(totals[a]) for a in sorted(totals, key=order.__getitem__)}


def iter_article_term_counts(dataset: TokenDataset, n: int = 1, *, column: str = "norm", min_count: int = 1,
                             rows: int = 250_000, threads: int | None = None,
                             articles: Iterable[str] | None = None) -> Iterator[TermCounts]:
    """:func:`query_term_counts` with ``by_article=True``, in pieces of whole articles, in corpus order.

    Each piece holds about ``rows`` rows (whole articles: an article is
    never split) and the corpus' ``totals``; together the pieces hold the
    rows of the one table, so what is computed per article (tf-idf, ranks,
    the top terms of each) is the same, while Python holds one piece at a
    time, not the articles x terms table (millions of rows for a corpus of
    news articles).  DuckDB sorts the rows by article (spilling to disk
    past its memory limit).  ``articles``: only these articles' rows are
    returned (their document frequencies and the totals are still the
    whole corpus'), so a few articles' rows cost no sort of every row.
    """
    if not isinstance(rows, int) or isinstance(rows, bool) or rows < 1:
        raise ValueError(f"rows must be a positive integer, not {rows!r}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be >= 1, not {min_count}")
    con = connect_duckdb(threads)
    try:
        totals = create_article_term_table(con, dataset, n, column)
        order = list(dataset.articles)
        if articles is not None:
            wanted = set(articles)
            order = [a for a in order if a in wanted]
        register_article_order(con, order)
        reader = con.sql(
            "WITH d AS (SELECT term, count(*)::BIGINT AS doc_freq FROM per GROUP BY term) "
            "SELECT p.article, p.term, p.c::BIGINT AS count, d.doc_freq FROM per p JOIN d USING (term) "
            "JOIN article_order o USING (article) WHERE p.c >= $min_count ORDER BY o.i",
            params={"min_count": min_count},
        ).to_arrow_reader(rows)
        for piece in whole_article_pieces(reader, _count_types(True)):
            yield TermCounts(piece, totals)
    finally:
        con.close()


def register_article_order(con: duckdb.DuckDBPyConnection, order: list[str]) -> None:
    """Table ``article_order`` (article, i): the articles' rank in ``order``, to sort rows in corpus order."""
    con.register("article_order", pa.table({"article": pa.array(order, pa.string()),
                                            "i": pa.array(range(len(order)), pa.int64())}))


def query_top_tfidf_terms(dataset: TokenDataset, top: int, idf: Callable[[int, int], float], *,
                          column: str = "norm", threads: int | None = None) -> pd.DataFrame:
    """The ``top`` terms of each article by tf-idf (``count * idf(doc_freq, n_docs)``), ranked in DuckDB.

    ``idf`` is called in Python once per distinct document frequency (with
    the number of articles with a kept token), and its floats are handed to
    the query; the product ``count * idf`` is one IEEE double
    multiplication in DuckDB as in pandas, so the scores, and hence the
    ranking (tf-idf descending, then term by code point: DuckDB compares
    VARCHARs by their UTF-8 bytes, which is code-point order), are those of
    the in-memory table, without the articles x terms table ever reaching
    Python.  Rows: ``article`` (corpus order), ``rank`` (from 1),
    ``term``, ``count``, ``tfidf``.
    """
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top must be an integer >= 1, not {top!r}")
    con = connect_duckdb(threads)
    try:
        totals = create_article_term_table(con, dataset, 1, column)
        con.sql("CREATE TEMP TABLE d AS SELECT term, count(*)::BIGINT AS doc_freq FROM per GROUP BY term")
        dfs = [d for (d,) in con.sql("SELECT DISTINCT doc_freq FROM d ORDER BY doc_freq").fetchall()]
        n_docs = len(totals)
        con.register("idf", pa.table({"doc_freq": pa.array(dfs, pa.int64()),
                                      "idf": pa.array([idf(d, n_docs) for d in dfs], pa.float64())}))
        register_article_order(con, dataset.articles)
        table = con.execute(
            "WITH s AS (SELECT p.article, p.term, p.c::BIGINT AS count, p.c::DOUBLE * i.idf AS tfidf "
            "FROM per p JOIN d USING (term) JOIN idf i USING (doc_freq)), "
            "r AS (SELECT *, row_number() OVER (PARTITION BY article ORDER BY tfidf DESC, term ASC) AS rank FROM s) "
            "SELECT r.article, r.rank::BIGINT AS rank, r.term, r.count, r.tfidf FROM r JOIN article_order o "
            "USING (article) WHERE r.rank <= $top ORDER BY o.i, r.rank", {"top": top}).df()
    finally:
        con.close()
    return table.astype({"article": object, "rank": "int64", "term": object, "count": "int64",
                         "tfidf": "float64"})


def whole_article_pieces(reader: pa.RecordBatchReader, types: dict) -> Iterator[pd.DataFrame]:
    """The batches of ``reader`` (rows sorted by article) as DataFrames of whole articles, typed ``types``.

    An article's rows may run over two batches: the last article of each
    batch is held back and joined to the next one, so no piece splits one.
    """
    held: pd.DataFrame | None = None
    for batch in reader:
        piece = batch.to_pandas()
        if held is not None:
            piece = pd.concat([held, piece], ignore_index=True)
        whole = piece["article"] != piece["article"].iloc[-1]  # the last article may go on in the next batch
        held = piece[~whole]
        if whole.any():
            yield piece[whole].reset_index(drop=True).astype(types)
    if held is not None and len(held):
        yield held.reset_index(drop=True).astype(types)


def kept_token_forms(con: duckdb.DuckDBPyConnection, dataset: TokenDataset, column: str = "norm") -> pa.Table:
    """``token -> term`` for every distinct raw token of view ``raw`` that ``dataset.options`` keep.

    The one place the database queries apply token options (shared with
    :mod:`corpus_tools.stats.cooccurrence_queries`): :meth:`TokenOptions.normalize`
    once per distinct token, in Python; ``term`` is the normalised form
    (``column="norm"``) or the token itself (``"token"``).  ``con`` must
    have a view ``raw`` with a ``token`` column (and ``role``, the dataset's
    part files).  Unless the options keep boilerplate, ``raw`` is replaced
    by the view of its rows of kept block roles (the original is renamed
    ``raw_all_roles``): the role filter applies to every query on ``con``
    made after this call, as it does to the in-memory token table.
    """
    return _forms(con, dataset, column)
