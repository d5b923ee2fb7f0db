"""The stored structure tables read in pieces, one article's rows, and aggregates over them in DuckDB.

:func:`~corpus_tools.scale.structure.structure_table` reads one table of the
whole corpus into a DataFrame: at 300 MB of news (58,000 articles) the
blocks, block roles and sentences are millions of rows.  What a report needs
is smaller: the table written to CSV (:func:`iter_structure_table` gives it
in pieces of rows, in corpus order, for
:func:`corpus_tools.io.outputs.save_table_pieces`), one article's rows for
its charts (:func:`structure_article_table`: a filtered read of the one part
that holds it), and counts for the corpus-wide charts
(:func:`block_role_count_table`, :func:`section_count_table`,
:func:`sentence_length_count_table`, :func:`structure_article_count`:
DuckDB over the part files), whose size grows with the number of roles or
distinct lengths, not with the corpus.

This module is apart from :mod:`corpus_tools.scale.structure` on purpose:
that module's source is part of the structure fingerprint
(:func:`~corpus_tools.scale.structure.structure_fingerprint`), so an edit
there rebuilds every dataset; reading the tables does not change them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from corpus_tools.scale.structure import STRUCTURE_TABLES
from corpus_tools.stats.queries import connect_duckdb
from corpus_tools.tokens.dataset import TokenDataset

__all__ = [
    "STRUCTURE_BATCH_ROWS",
    "block_role_count_table",
    "iter_structure_table",
    "section_count_table",
    "sentence_length_count_table",
    "structure_article_count",
    "structure_article_table",
    "structure_paths",
]

#: Rows per piece of :func:`iter_structure_table`: a few MB of DataFrame for the widest table (block roles' text).
STRUCTURE_BATCH_ROWS = 20_000


def structure_paths(dataset: TokenDataset, kind: str) -> list[Path]:
    """The part files of structure table ``kind`` (:data:`STRUCTURE_TABLES`), in part (corpus) order.

    Raises
    ------
    ValueError
        ``kind`` is no structure table.
    KeyError
        The dataset holds no such table (a dataset written without them).
    """
    if kind not in STRUCTURE_TABLES:
        raise ValueError(f"kind must be one of {list(STRUCTURE_TABLES)}, not {kind!r}")
    try:
        return [dataset.folder / p["files"][kind]["file"] for p in dataset.manifest["parts"]]
    except KeyError:
        raise KeyError(f"{dataset.folder}: no {kind!r} structure table in this dataset") from None


@dataclass(frozen=True)
class _Gaps:
    """What the whole table's columns hold, from which pandas takes a column's dtype.

    ``floats``: integer columns with a missing value somewhere (pandas makes
    them float: ``3.0`` rather than ``3`` in the CSV); ``empty``: text
    columns with no value at all (:func:`structure_table` makes them object
    columns of None, shown ``None`` rather than ``nan``).
    """

    floats: tuple[str, ...]
    empty: tuple[str, ...]


def _gaps(paths: list[Path], schema: pa.Schema) -> _Gaps:
    """:class:`_Gaps` of the table of ``paths``, from the Parquet footers' null counts (no data read).

    A column chunk without statistics is read to count its nulls.
    """
    ints = [f.name for f in schema if pa.types.is_integer(f.type)]
    texts = [f.name for f in schema if f.type == pa.string()]
    nulls = dict.fromkeys(ints + texts, 0)
    rows = 0
    for path in paths:
        meta = pq.ParquetFile(path).metadata
        names = [meta.schema.column(i).name for i in range(meta.num_columns)]
        rows += meta.num_rows
        for rg in range(meta.num_row_groups):
            group = meta.row_group(rg)
            for name in nulls:
                stats = group.column(names.index(name)).statistics
                if stats is not None and stats.has_null_count:
                    nulls[name] += stats.null_count
                else:
                    nulls[name] += pq.ParquetFile(path).read_row_group(rg, columns=[name]).column(name).null_count
    return _Gaps(tuple(n for n in ints if nulls[n]), tuple(n for n in texts if nulls[n] == rows))


def _frame(table: pa.Table, gaps: _Gaps) -> pd.DataFrame:
    frame = table.to_pandas()
    for name in gaps.floats:
        frame[name] = frame[name].astype("float64")
    for name in gaps.empty:
        frame[name] = pd.Series([None] * len(frame), dtype=object, index=frame.index)
    return frame


def iter_structure_table(dataset: TokenDataset, kind: str, *,
                         batch_rows: int = STRUCTURE_BATCH_ROWS) -> Iterator[pd.DataFrame]:
    """Structure table ``kind`` of the whole corpus in pieces of at most ``batch_rows`` rows, in corpus order.

    The pieces, concatenated, are :func:`~corpus_tools.scale.structure.structure_table`
    (same rows, order, columns and dtypes: an integer column with a gap in
    any piece is float in every piece, and a text column without any value
    an object column of None, as in the whole table), so that
    :func:`corpus_tools.io.outputs.save_table_pieces` writes the bytes
    :func:`~corpus_tools.io.outputs.save_table` writes for the whole table
    while one piece is held at a time.  At least one piece is given (empty
    with the table's columns when the corpus has no rows), so the CSV keeps
    its header.

    Examples
    --------
    >>> import tempfile
    >>> from corpus_tools import Corpus
    >>> from corpus_tools.scale import token_dataset
    >>> ds = token_dataset(Corpus.from_texts(["One.\\n\\nTwo.", "Three."]), tempfile.mkdtemp(), n_jobs=1)
    >>> [len(p) for p in iter_structure_table(ds, "blocks", batch_rows=2)]
    [2, 1]
    """
    if not isinstance(batch_rows, int) or isinstance(batch_rows, bool) or batch_rows < 1:
        raise ValueError(f"batch_rows must be a positive integer, not {batch_rows!r}")
    paths = structure_paths(dataset, kind)
    schema = STRUCTURE_TABLES[kind]
    gaps = _gaps(paths, schema)
    given = False
    for path in paths:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=schema.names):
            if batch.num_rows:
                given = True
                yield _frame(pa.Table.from_batches([batch]).cast(schema), gaps)
    if not given:
        yield _frame(schema.empty_table(), gaps)


def structure_article_table(dataset: TokenDataset, kind: str, article: str) -> pd.DataFrame:
    """The rows of structure table ``kind`` for one article: a filtered read of the one part file holding it.

    The rows, columns and values of
    ``article_rows_table(structure_table(dataset, kind), article)``, with a
    fresh index, without reading the rest of the corpus.  An article not in
    the dataset is a KeyError naming it.
    """
    path = structure_paths(dataset, kind)[dataset.part_of(article)]
    table = pq.read_table(path, schema=STRUCTURE_TABLES[kind], filters=[("article", "==", article)])
    # dtypes as in the whole table (a text column empty in this article may hold values elsewhere)
    return _frame(table, _gaps(structure_paths(dataset, kind), STRUCTURE_TABLES[kind]))


def _query(dataset: TokenDataset, kind: str, sql: str, empty: str) -> pd.DataFrame:
    """``sql`` over view ``t`` of table ``kind``'s part files (``empty``: its columns when there are none)."""
    paths = structure_paths(dataset, kind)
    con = connect_duckdb()
    try:
        if paths:
            con.read_parquet([str(p) for p in paths]).create_view("t")
        else:
            con.sql(f"CREATE VIEW t AS SELECT {empty} WHERE false")
        return con.sql(sql).df()
    finally:
        con.close()


def block_role_count_table(dataset: TokenDataset) -> pd.DataFrame:
    """Blocks of each role in the corpus: ``role``, ``blocks``, by role name (code point order).

    Equal to ``block_roles.groupby("role").size().rename("blocks").reset_index()``
    of the stored ``block_roles`` table, counted in DuckDB.

    >>> import tempfile
    >>> from corpus_tools import Corpus
    >>> from corpus_tools.scale import token_dataset
    >>> ds = token_dataset(Corpus.from_texts(["One.\\n\\nTwo.", "Three."]), tempfile.mkdtemp(), n_jobs=1)
    >>> block_role_count_table(ds).values.tolist()
    [['lead', 2], ['paragraph', 1]]
    """
    t = _query(dataset, "block_roles",
               "SELECT role, count(*)::BIGINT AS blocks FROM t WHERE role IS NOT NULL GROUP BY role",
               "''::VARCHAR AS role")
    # ordered here, as pandas' groupby orders the names (a handful of rows): no collation to trust
    return t.astype({"role": str, "blocks": "int64"}).sort_values("role").reset_index(drop=True)


def section_count_table(dataset: TokenDataset, kind: str = "body_sections") -> pd.DataFrame:
    """How many articles have how many sections: ``sections``, ``articles``, by ``sections``.

    ``kind`` is ``"body_sections"`` (the sections of body blocks) or
    ``"sections"`` (one per heading); an article without rows in that table
    is not counted (as ``table.groupby("article").size()`` leaves it out).
    """
    if kind not in ("body_sections", "sections"):
        raise ValueError(f"kind must be 'body_sections' or 'sections', not {kind!r}")
    t = _query(dataset, kind,
               "SELECT n AS sections, count(*)::BIGINT AS articles FROM "
               "(SELECT article, count(*)::BIGINT AS n FROM t GROUP BY article) GROUP BY n ORDER BY n",
               "''::VARCHAR AS article")
    return t.astype({"sections": "int64", "articles": "int64"})


def sentence_length_count_table(dataset: TokenDataset) -> pd.DataFrame:
    """How many sentences of the corpus have how many words: ``words``, ``sentences``, by ``words``.

    The distribution behind the stored ``sentences`` table's ``words``
    column (:func:`corpus_tools.plots.plot_sentence_length_counts` draws it).
    """
    t = _query(dataset, "sentences",
               "SELECT words, count(*)::BIGINT AS sentences FROM t WHERE words IS NOT NULL GROUP BY words "
               "ORDER BY words",
               "0::BIGINT AS words")
    return t.astype({"words": "int64", "sentences": "int64"})


def structure_article_count(dataset: TokenDataset, kind: str) -> int:
    """Number of articles with at least one row in structure table ``kind`` (``table["article"].nunique()``)."""
    t = _query(dataset, kind, "SELECT count(DISTINCT article)::BIGINT AS n FROM t", "''::VARCHAR AS article")
    return int(t["n"].iloc[0])
