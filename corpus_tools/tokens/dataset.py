"""The token dataset: every token of a corpus in Parquet part files, with a verified manifest.

A corpus is tokenised once per content and settings into a folder
``tokens-<key>/`` (the key is :func:`corpus_tools.tokens.cache.token_cache_key`
with :data:`~corpus_tools.tokens.cache.RAW_TOKEN_OPTIONS`): part files
``part-00000.parquet``... hold the rows of :data:`TOKEN_COLUMNS` of
consecutive runs of articles, written one row group at a time as the
articles are tokenised (:func:`write_token_part`), so no process ever holds
the token table of the whole corpus.  Parts can be written by different
processes or Dask workers into one shared folder; :func:`write_manifest` then
records, in ``manifest.json``, the key, the article order, and the size,
row count and SHA-256 of every part.  A part entry may also list files
written beside it (``files``: the per-article structure tables that
:mod:`corpus_tools.scale.structure` computes in the same pass), each with
its size and SHA-256, verified like the part.  The parent process also
writes, with the manifest, the article table ``articles.parquet`` (ids,
dates, titles and every document variable, one row per article in corpus
order) and ``texts.parquet`` (the article texts), listed and hashed under
``tables`` (:func:`write_article_tables`): group queries and notebooks read
metadata and the few texts they show from there, never loading the corpus.

:func:`open_token_dataset` checks the manifest and each part's hash before
the dataset is used: a damaged or swapped part file (a flipped bit) is a
:class:`TokenDatasetError`, and the caller rebuilds
(:func:`corpus_tools.scale.dataset.token_dataset`), instead of counting
wrong tokens silently.

The stored tokens are raw (:data:`~corpus_tools.tokens.cache.RAW_TOKEN_OPTIONS`:
case kept, punctuation kept); a :class:`TokenDataset` carries the
:class:`TokenOptions` a query applies, to each distinct token once
(default ``TokenOptions()``, as every function that tokenises).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from corpus_tools.io.atomic import atomic_write
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.tokens.blockroles import ArticleRoles, corpus_block_roles, role_rules
from corpus_tools.tokens.cache import RAW_TOKEN_OPTIONS, arrow_token_table, fast_token_arrow, renormalized_table
from corpus_tools.tokens.tokenize import TOKEN_COLUMNS, TOKENIZERS, TokenOptions, token_table

__all__ = [
    "ARTICLES_NAME",
    "ARTICLE_COLUMNS",
    "DATASET_FORMAT",
    "MANIFEST_NAME",
    "TEXTS_NAME",
    "ROW_GROUP_CHARS",
    "TOKEN_SCHEMA",
    "TokenDataset",
    "TokenDatasetError",
    "file_entry",
    "open_token_dataset",
    "part_name",
    "article_arrow",
    "variable_column",
    "write_article_tables",
    "write_manifest",
    "write_token_part",
]

#: 2: parts may carry ``files`` (structure tables) and the manifest a ``structure`` record.
#: 3: token rows carry their block's ``role``, and ``section`` is the body section.
#: 4: the tokens of a dateline in front of the lead carry the role ``"dateline"`` (the block's stays ``"lead"``).
DATASET_FORMAT = 4
MANIFEST_NAME = "manifest.json"

#: Text (characters) tokenised before a row group is written: bounds a
#: worker's memory (about 25 MB of Python rows per MB of text) whatever the part size.
ROW_GROUP_CHARS = 1_000_000

#: Column types of the part files (the columns of :func:`corpus_tools.token_table`).
TOKEN_SCHEMA = pa.schema(
    [("article", pa.string()), ("section", pa.int64()), ("block", pa.int64()), ("block_kind", pa.string()),
     ("role", pa.string()), ("sentence", pa.int64()), ("position", pa.int64()), ("start", pa.int64()),
     ("end", pa.int64()), ("token", pa.string()), ("norm", pa.string())]
)
assert TOKEN_SCHEMA.names == TOKEN_COLUMNS


class TokenDatasetError(ValueError):
    """A token dataset is missing, incomplete, for another corpus, or damaged."""


def part_name(index: int) -> str:
    """File name of part ``index``.

    >>> part_name(3)
    'part-00003.parquet'
    """
    return f"part-{index:05d}.parquet"


def file_entry(path: str | os.PathLike, rows: int) -> dict:
    """The manifest entry of a file of the dataset: ``file`` (its name), ``rows``, ``bytes``, ``sha256``."""
    path = Path(path)
    return {"file": path.name, "rows": int(rows), "bytes": path.stat().st_size, "sha256": _sha256(path)}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _chunks(articles: Sequence[Article], chars: int) -> Iterable[list[Article]]:
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += sum(len(b.text) for b in article.blocks)
        if size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def write_token_part(articles: Sequence[Article], folder: str | os.PathLike, index: int,
                     tokenizer: str, *, recurring: Mapping[str, int] | None = None,
                     on_chunk: Callable[[list[Article], pd.DataFrame, dict[str, ArticleRoles]], None] | None = None
                     ) -> dict:
    """Tokenise ``articles`` (raw tokens) into part file ``index`` of ``folder``; its manifest entry.

    Row groups of about :data:`ROW_GROUP_CHARS` of text are written as they
    are tokenised.  The tokens are those of :func:`corpus_tools.token_table`
    (``tokenizer="exact"``) or :func:`~corpus_tools.tokens.cache.fast_token_table`
    with :data:`~corpus_tools.tokens.cache.RAW_TOKEN_OPTIONS`.

    ``recurring`` are the corpus-level lines of the block-role rules
    (:func:`corpus_tools.token_table`), found over the *whole* corpus by
    the caller so that every part sees the same ones (None: over
    ``articles``).

    ``on_chunk(articles, raw_tokens, roles)`` is called for each run of articles
    with the token table just written for them and their block roles: what needs an article's
    text and its tokens (the structure tables) is computed in this pass
    from these very tokens and roles, never by tokenising or classifying again.

    Returns
    -------
    dict
        ``file``, ``rows``, ``bytes``, ``sha256`` and ``articles`` (how many).
    """
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"tokenizer must be 'exact' or 'fast', not {tokenizer!r}")
    articles = list(articles)
    path = Path(folder) / part_name(index)
    rows = 0
    corpus_recurring = role_rules().recurring(articles) if recurring is None else recurring

    def write(tmp: Path) -> None:
        nonlocal rows
        with pq.ParquetWriter(tmp, TOKEN_SCHEMA, compression="zstd") as writer:
            for chunk in _chunks(articles, ROW_GROUP_CHARS):
                roles = corpus_block_roles(chunk, corpus_recurring)
                if tokenizer == "exact":
                    table = token_table(chunk, RAW_TOKEN_OPTIONS, roles=roles)
                    arrow = pa.Table.from_pandas(table, schema=TOKEN_SCHEMA, preserve_index=False)
                else:  # built as Arrow: the pandas table only when the structure pass asks for it
                    arrow = fast_token_arrow(Corpus(chunk), RAW_TOKEN_OPTIONS, roles=roles).cast(TOKEN_SCHEMA)
                    table = arrow_token_table(arrow) if on_chunk else None
                rows += arrow.num_rows
                if on_chunk is not None:
                    on_chunk(chunk, table, roles)
                writer.write_table(arrow)

    atomic_write(path, write)
    return {**file_entry(path, rows), "articles": len(articles)}


def write_manifest(folder: str | os.PathLike, key: str, tokenizer: str, articles: Sequence[str],
                   parts: Sequence[Mapping], *, structure: Mapping | None = None,
                   tables: Mapping[str, Mapping] | None = None) -> Path:
    """Write ``manifest.json`` last, after every part: a dataset without it is incomplete.

    ``parts`` are the entries :func:`write_token_part` returned, in article
    order (with ``files`` written beside each part, if any); ``articles``
    are the article ids in corpus order; ``structure`` records what the
    structure tables were computed with (:mod:`corpus_tools.scale.structure`);
    ``tables`` are the corpus-wide files (:func:`write_article_tables`), verified like the parts.
    """
    if sum(p["articles"] for p in parts) != len(articles):
        raise ValueError(f"the parts hold {sum(p['articles'] for p in parts)} articles, the corpus {len(articles)}")
    manifest = {"format": DATASET_FORMAT, "key": key, "tokenizer": tokenizer, "articles": list(articles),
                "rows": sum(p["rows"] for p in parts), "parts": [dict(p) for p in parts]}
    if structure is not None:
        manifest["structure"] = dict(structure)
    if tables is not None:
        manifest["tables"] = {k: dict(v) for k, v in tables.items()}
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    return atomic_write(Path(folder) / MANIFEST_NAME, lambda tmp: tmp.write_text(text, encoding="utf-8"))


# ---- the article tables: one row per article, its document variables, its text -------------------
# Written by the parent process with the manifest (it holds the corpus anyway), so a kernel reads an
# article's metadata or text without loading the corpus, and group queries join its variables.

#: The article table: ids, dates, titles and the document variables of every article, in corpus order.
ARTICLES_NAME = "articles.parquet"
#: The article texts (``article``, ``text``: ``Article.text``, into which the tokens' offsets point).
TEXTS_NAME = "texts.parquet"

#: The article table's fixed columns (those of ``Corpus.to_frame()``, ``id`` named ``article`` as in
#: every table of the dataset), then one column per document variable (:func:`variable_column`).
ARTICLE_COLUMNS = ("article", "date", "title", "source", "encoding", "blocks", "headings", "paragraphs", "characters")
_ARTICLE_TYPES = (pa.string(), pa.date32(), pa.string(), pa.string(), pa.string(), pa.int64(), pa.int64(),
                  pa.int64(), pa.int64())
#: ``Article.variable`` answers these names from the article's attributes, never from ``meta``.
_SHADOWED = ("id", "date", "title", "source")


def variable_column(name: str) -> str:
    """The article-table column of the ``meta`` document variable ``name``.

    The variable's own name, unless that is a fixed column
    (:data:`ARTICLE_COLUMNS`): then ``"meta:<name>"``, so a ``meta`` key
    ``blocks`` never overwrites the block count.

    >>> variable_column("topic"), variable_column("blocks")
    ('topic', 'meta:blocks')
    """
    return f"meta:{name}" if name in ARTICLE_COLUMNS else name


def _variable_array(values: list) -> pa.Array:
    """A document variable's column: typed when every value (None aside) has one type, else text.

    bool, int (within int64) and float values keep their type; any other
    value, and every value of a column mixing types (``3`` and ``"3b"``,
    or ``1`` and ``2.5``), is stored as ``str(value)``: the group label
    ``Article.variable`` gives it (:func:`corpus_tools.stats.group_labels`),
    so a grouping by the stored column equals the grouping in memory.
    """
    kinds = {type(v) for v in values if v is not None}
    typed = {frozenset({bool}): pa.bool_(), frozenset({int}): pa.int64(), frozenset({float}): pa.float64()}
    if frozenset(kinds) in typed:
        try:
            return pa.array(values, typed[frozenset(kinds)])
        except (OverflowError, pa.ArrowInvalid):  # an int beyond int64: text, as any mixed column
            pass
    return pa.array([None if v is None else v if isinstance(v, str) else str(v) for v in values], pa.string())


def article_arrow(articles: Sequence[Article]) -> pa.Table:
    """The article table of ``articles`` (:data:`ARTICLE_COLUMNS`, then the variables), in their order.

    The variables are the ``meta`` keys in first-seen order (``Corpus.variables``),
    None where an article lacks one; typed as :func:`_variable_array` says.

    >>> t = article_arrow([Article.from_text("A b.", id="a", meta={"n": 3}), Article.from_text("C.", id="b")])
    >>> t.column_names[-1], t.column("n").to_pylist(), str(t.schema.field("n").type)
    ('n', [3, None], 'int64')
    """
    articles = list(articles)
    fixed = [[a.id for a in articles], [a.date for a in articles], [a.title for a in articles],
             [a.source for a in articles], [a.encoding for a in articles], [len(a.blocks) for a in articles],
             [len(a.headings) for a in articles], [len(a.paragraphs) for a in articles],
             [len(a.text) for a in articles]]
    arrays = [pa.array(v, t) for v, t in zip(fixed, _ARTICLE_TYPES, strict=True)]
    names = list(ARTICLE_COLUMNS)
    for key in dict.fromkeys(k for a in articles for k in a.meta):
        if key not in _SHADOWED:
            names.append(variable_column(key))
            arrays.append(_variable_array([a.meta.get(key) for a in articles]))
    return pa.table(arrays, names=names)


def write_article_tables(folder: str | os.PathLike, articles: Sequence[Article]) -> dict[str, dict]:
    """Write :data:`ARTICLES_NAME` and :data:`TEXTS_NAME` into ``folder``; their manifest entries by name.

    The texts are written in row groups of about :data:`ROW_GROUP_CHARS`
    characters of consecutive articles, so :meth:`TokenDataset.article_texts`
    decompresses only the row groups holding the articles it is asked for.
    """
    articles = list(articles)
    folder = Path(folder)
    table = article_arrow(articles)

    def write_articles(tmp: Path) -> None:
        pq.write_table(table, tmp, compression="zstd")

    def write_texts(tmp: Path) -> None:
        with pq.ParquetWriter(tmp, _TEXT_SCHEMA, compression="zstd") as writer:
            for chunk in _chunks(articles, ROW_GROUP_CHARS):
                writer.write_table(pa.table([[a.id for a in chunk], [a.text for a in chunk]], schema=_TEXT_SCHEMA))

    atomic_write(folder / ARTICLES_NAME, write_articles)
    atomic_write(folder / TEXTS_NAME, write_texts)
    return {"articles": file_entry(folder / ARTICLES_NAME, len(articles)),
            "texts": file_entry(folder / TEXTS_NAME, len(articles))}


_TEXT_SCHEMA = pa.schema([("article", pa.string()), ("text", pa.string())])


@dataclass(frozen=True)
class TokenDataset:
    """A verified token dataset, and the token options its queries apply.

    Made by :func:`open_token_dataset` (or
    :func:`corpus_tools.scale.dataset.token_dataset`, which builds it when
    needed).  Statistics accept it in place of a token table
    (``ct.frequency_table(dataset)``): they are computed by DuckDB over the
    part files (:mod:`corpus_tools.stats.queries`), never materialising the
    token table.

    Attributes
    ----------
    folder : Path
    manifest : dict
        See :func:`write_manifest`.
    options : TokenOptions
        Applied by queries and :meth:`token_table` (default ``TokenOptions()``:
        lower-cased word tokens, as :func:`corpus_tools.token_table`).
    """

    folder: Path
    manifest: Mapping = field(repr=False)
    options: TokenOptions = field(default_factory=TokenOptions)

    @property
    def parts(self) -> list[Path]:
        """The part files, in article order."""
        return [self.folder / p["file"] for p in self.manifest["parts"]]

    @property
    def articles(self) -> list[str]:
        """Article ids in corpus order."""
        return list(self.manifest["articles"])

    @property
    def n_rows(self) -> int:
        """Number of stored (raw) tokens."""
        return int(self.manifest["rows"])

    def with_options(self, options: TokenOptions | Mapping[str, object] | None) -> TokenDataset:
        """The same dataset, queried under ``options`` (:meth:`TokenOptions.coerce`)."""
        return replace(self, options=TokenOptions.coerce(options))

    def token_table(self) -> pd.DataFrame:
        """The whole token table under :attr:`options`, in memory: for small corpora and tests.

        Equal to :func:`corpus_tools.tokens.corpus_token_table` of the corpus
        with the same options and tokenizer.
        """
        parts = [pq.read_table(p, schema=TOKEN_SCHEMA) for p in self.parts]
        raw = pa.concat_tables(parts).to_pandas() if parts else TOKEN_SCHEMA.empty_table().to_pandas()
        return renormalized_table(raw, self.options)

    @property
    def has_article_tables(self) -> bool:
        """Whether the dataset carries its article table and texts (:func:`write_article_tables`)."""
        return {"articles", "texts"} <= set(self.manifest.get("tables", {}))

    def _table_path(self, name: str) -> Path:
        if not self.has_article_tables:
            raise TokenDatasetError(f"{self.folder}: a dataset without article tables (built by an older "
                                    "version): build it again with corpus_tools.scale.token_dataset")
        return self.folder / self.manifest["tables"][name]["file"]

    def article_table(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The article table (:func:`article_arrow`), or only ``columns`` of it (only they are read).

        One row per article in corpus order; ``date`` holds ``datetime.date``
        values (None when unknown); as pyarrow converts them, an integer
        variable with a missing value is a float column (NaN).
        """
        columns = list(columns) if columns is not None else None
        return pq.read_table(self._table_path("articles"), columns=columns).to_pandas()

    def article_column(self, column: str) -> list:
        """One column of the article table as Python values, in corpus order (only it is read).

        The values as stored: ``datetime.date``, int, float, bool, str or None
        (no float conversion of an integer column with a gap, as pandas makes).
        """
        return pq.read_table(self._table_path("articles"), columns=[column]).column(column).to_pylist()

    @property
    def article_columns(self) -> list[str]:
        """The article table's columns (:data:`ARTICLE_COLUMNS`, then the variables'), read from its schema."""
        return list(pq.read_schema(self._table_path("articles")).names)

    def article_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id -> text (``Article.text``) of the articles ``ids``: only their row groups are read.

        An id not in the dataset is a KeyError naming it.
        """
        index = {a: i for i, a in enumerate(self.articles)}
        wanted = set(ids)
        unknown = sorted(wanted - index.keys())
        if unknown:
            raise KeyError(f"article {unknown[0]!r} is not in the dataset")
        pf = pq.ParquetFile(self._table_path("texts"))
        ends, end = [], 0
        for rg in range(pf.num_row_groups):
            end += pf.metadata.row_group(rg).num_rows
            ends.append(end)
        groups = sorted({bisect.bisect_right(ends, index[a]) for a in wanted})  # the row group holding each
        if not groups:
            return {}
        table = pf.read_row_groups(groups)
        return {a: t for a, t in zip(table.column("article").to_pylist(), table.column("text").to_pylist(),
                                     strict=True) if a in wanted}

    def part_of(self, article: str) -> int:
        """Index of the part holding ``article`` (parts hold consecutive runs of articles); KeyError if unknown."""
        try:
            i = self.articles.index(article)
        except ValueError:
            raise KeyError(f"article {article!r} is not in the dataset") from None
        end = 0
        for k, p in enumerate(self.manifest["parts"]):
            end += p["articles"]
            if i < end:
                return k
        raise KeyError(f"article {article!r} is in no part")  # pragma: no cover - the manifest is checked

    def article_token_table(self, article: str) -> pd.DataFrame:
        """The token table of one article under :attr:`options`: a filtered read of its one part.

        Equal to the rows of :meth:`token_table` for that article, without
        reading (or tokenising) the rest of the corpus.
        """
        part = self.parts[self.part_of(article)]
        raw = pq.read_table(part, schema=TOKEN_SCHEMA, filters=[("article", "==", article)]).to_pandas()
        return renormalized_table(raw, self.options)


def open_token_dataset(folder: str | os.PathLike, key: str | None = None, *, verify: bool = True) -> TokenDataset:
    """The dataset in ``folder``, after checking it is complete and undamaged.

    Parameters
    ----------
    folder : path
    key : str, optional
        The expected key (a dataset of another corpus or settings is an error).
    verify : bool
        Recompute every part's SHA-256 (default; reads each file once).

    Raises
    ------
    TokenDatasetError
        No or unreadable manifest, another format or key, a part missing or
        of another size or hash.
    """
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise TokenDatasetError(f"{folder}: no readable {MANIFEST_NAME} ({e})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != DATASET_FORMAT:
        raise TokenDatasetError(f"{folder}: not a token dataset of format {DATASET_FORMAT}")
    if key is not None and manifest.get("key") != key:
        raise TokenDatasetError(f"{folder}: dataset of another corpus or settings (key {manifest.get('key')!r})")
    entries = [e for part in manifest["parts"] for e in (part, *part.get("files", {}).values())]
    for entry in [*entries, *manifest.get("tables", {}).values()]:  # the article tables too
        path = folder / entry["file"]
        if not path.is_file() or path.stat().st_size != entry["bytes"]:
            raise TokenDatasetError(f"{path}: missing or of another size than the manifest says")
        if verify and _sha256(path) != entry["sha256"]:
            raise TokenDatasetError(f"{path}: content differs from the manifest's SHA-256 (damaged)")
    return TokenDataset(folder, manifest)
