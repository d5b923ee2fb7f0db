"""Building the token dataset once per corpus and settings: in this process, on every core, or on Dask.

:func:`token_dataset` is the entry point: it returns the verified
:class:`~corpus_tools.tokens.dataset.TokenDataset` of a corpus in
``cache_dir/tokens-<key>/``, building it when it is absent, incomplete or
damaged (a part whose SHA-256 differs from the manifest's).  The corpus is
cut into consecutive runs of articles of about equal text length
(:func:`~corpus_tools.scale.batching.article_batches`); each run becomes one
part file, written by a worker process (or a Dask task: the workers must
see ``cache_dir``, a shared folder), and the manifest is written last by
this process.  The parts hold the same rows whatever the number of workers,
because each article is tokenised on its own.

A build is prepared (:func:`prepare_token_dataset`: what needs the whole
corpus) and then run (:meth:`DatasetBuild.run`).  When the corpus was
saved as JSONL (the report's ``corpus.jsonl``), each worker reads its run
of articles from that file (:class:`SavedArticles`) rather than receiving
or inheriting them, so the build can run in a process that never loaded
the corpus, and no process holds it while the workers run.

In the same pass, each worker computes the per-article structure tables
from the text and the tokens it has just written
(:mod:`corpus_tools.scale.structure`) and writes them beside its part;
the corpus-level input of those tables (the recurring lines of the
boilerplate detector) is computed here, once, before the workers start.  A
dataset whose structure record does not match the current rules and
corpus is rebuilt like a damaged one.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from corpus_tools._version import __version__
from corpus_tools.io.atomic import atomic_write
from corpus_tools.io.loading import read_jsonl_span
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.scale.batching import article_batches, resolve_n_jobs
from corpus_tools.scale.distributed import connect
from corpus_tools.scale.parallel import pool_context
from corpus_tools.scale.structure import (
    corpus_recurring_lines,
    structure_fingerprint,
    structure_record,
    write_dataset_part,
)
from corpus_tools.tokens.cache import RAW_TOKEN_OPTIONS, token_cache_key
from corpus_tools.tokens.dataset import (
    TokenDataset,
    TokenDatasetError,
    file_entry,
    open_token_dataset,
    write_article_tables,
    write_manifest,
)
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER, TOKENIZERS

__all__ = [
    "SOURCES_FOLDER",
    "DatasetBuild",
    "SavedArticles",
    "build_token_dataset",
    "dataset_folder",
    "prepare_token_dataset",
    "registered_dataset",
    "token_dataset",
]

#: Folder of a ``cache_dir`` recording which corpus file each dataset was built from (:func:`registered_dataset`).
SOURCES_FOLDER = "sources"

#: Articles per part file at most (news-sized articles: a few MB of text a part).
MAX_PART_ARTICLES = 2_000


def dataset_folder(corpus: Corpus, cache_dir: str | os.PathLike, tokenizer: str = DEFAULT_TOKENIZER) -> Path:
    """Where the dataset of ``corpus`` and ``tokenizer`` lives in ``cache_dir``: ``tokens-<key[:32]>``."""
    return _folder_of(cache_dir, token_cache_key(corpus, RAW_TOKEN_OPTIONS, tokenizer))


def _folder_of(cache_dir: str | os.PathLike, key: str) -> Path:
    return Path(cache_dir) / f"tokens-{key[:32]}"


def token_dataset(
    corpus: Corpus | list[Article],
    cache_dir: str | os.PathLike,
    *,
    tokenizer: str = DEFAULT_TOKENIZER,
    n_jobs: int | None = None,
    client=None,
    source: str | os.PathLike | None = None,
) -> TokenDataset:
    """The token dataset of ``corpus`` in ``cache_dir``, built if needed.

    Parameters
    ----------
    corpus : Corpus or list of Article
    cache_dir : path
        Folder holding ``tokens-<key>/`` datasets (created if needed).
    tokenizer : {"fast", "exact"}
    n_jobs : int or None
        Worker processes when building (None: all cores; 1: this process).
    client : distributed.Client or str, optional
        Build on this Dask cluster instead; its workers must see ``cache_dir``.
    source : path, optional
        The file ``corpus`` was loaded from (the runner's ``corpus.jsonl``):
        recorded in ``cache_dir``, with the load's problems, so that
        :func:`registered_dataset` finds this dataset from the file alone,
        without loading the corpus again (each notebook kernel).

    Returns
    -------
    TokenDataset
        Verified against its manifest; rebuilt when a part was damaged.

    Examples
    --------
    >>> import tempfile
    >>> ds = token_dataset(Corpus.from_texts(["New York is big."]), tempfile.mkdtemp(), n_jobs=1)
    >>> ds.n_rows, ds.articles
    (5, ['0'])
    """
    prepared = prepare_token_dataset(corpus, cache_dir, tokenizer=tokenizer, n_jobs=n_jobs, client=client,
                                     source=source)
    return prepared.run(n_jobs=n_jobs, client=client) if isinstance(prepared, DatasetBuild) else prepared


def prepare_token_dataset(
    corpus: Corpus | list[Article],
    cache_dir: str | os.PathLike,
    *,
    tokenizer: str = DEFAULT_TOKENIZER,
    n_jobs: int | None = None,
    client=None,
    source: str | os.PathLike | None = None,
    source_is_copy: bool = False,
) -> TokenDataset | DatasetBuild:
    """:func:`token_dataset` in two steps: the dataset when ``cache_dir`` has it, else its build, prepared.

    Preparing needs the corpus; running the returned :class:`DatasetBuild`
    (``.run()``) does not when ``source_is_copy``: ``source`` is then a
    file :func:`~corpus_tools.io.writing.save_jsonl` wrote from exactly
    ``corpus`` (the report's ``corpus.jsonl``), and each worker reads its
    articles from it.  So the process that loaded the corpus can prepare
    the build and exit, and the tokenising workers start from one that
    never held the corpus (the report runner: :mod:`corpus_tools.report.ingest`).

    Parameters are :func:`token_dataset`'s; ``n_jobs`` and ``client`` here
    only choose how many part files the corpus is cut into.
    """
    corpus = corpus if isinstance(corpus, Corpus) else Corpus(list(corpus))
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"tokenizer must be 'exact' or 'fast', not {tokenizer!r}")
    if source_is_copy and source is None:
        raise ValueError("source_is_copy needs the source: the file save_jsonl wrote from the corpus")
    registration = None if source is None else (str(source), _source_entry(corpus))
    key = token_cache_key(corpus, RAW_TOKEN_OPTIONS, tokenizer)
    folder = _folder_of(cache_dir, key)  # dataset_folder's, without hashing the corpus twice
    try:
        dataset = open_token_dataset(folder, key)
    except TokenDatasetError:
        pass  # absent, incomplete or damaged: built again below
    else:
        # The key covers the corpus content, of which the recorded recurring lines are a function; the
        # fingerprint covers the rules that made the tables (recurring_lines' own included), so a match
        # means the stored tables are today's, without reading the corpus again.
        recorded = dataset.manifest.get("structure", {})
        if dataset.has_article_tables and \
                recorded.get("fingerprint") == structure_fingerprint(recorded.get("recurring", {})):
            if registration is not None:
                _register(registration, dataset, tokenizer)
            return dataset
        # structure tables made by other rules, or no article tables: built again below
    return _prepare_build(corpus, folder, key, tokenizer, _worker_count(n_jobs, client, len(corpus)),
                          Path(source) if source_is_copy else None, registration)


def _source_record(source: Path, cache_dir: Path, tokenizer: str) -> Path:
    # keyed by the file's bytes, not its path: the runner's folder is renamed when the report is done
    return cache_dir / SOURCES_FOLDER / f"{file_entry(source, 0)['sha256']}-{tokenizer}.json"


def _source_entry(corpus: Corpus) -> dict:
    return {"articles": len(corpus),
            "problems": [{"path": p.path, "reason": p.reason, "severity": p.severity, "record": p.record}
                         for p in corpus.problems]}


def _register(registration: tuple[str, dict], dataset: TokenDataset, tokenizer: str) -> None:
    source, entry = registration
    record = {"dataset": dataset.folder.name, "version": __version__, **entry}
    path = _source_record(Path(source), dataset.folder.parent, tokenizer)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def registered_dataset(source: str | os.PathLike, cache_dir: str | os.PathLike,
                       tokenizer: str = DEFAULT_TOKENIZER) -> tuple[TokenDataset, list[dict]] | None:
    """The dataset built from the corpus file ``source`` (``token_dataset(..., source=)``), without loading it.

    Found by the SHA-256 of the file's bytes and the tokenizer, made by
    this version of corpus-tools (whose loader read the file), verified
    like every dataset, with its article tables.

    Returns
    -------
    (TokenDataset, list of dict) or None
        The dataset and the problems the load of ``source`` found
        (``path``, ``reason``, ``severity``, ``record``: the fields of
        :class:`~corpus_tools.model.corpus.LoadProblem`); None when
        ``source`` is not a file, or no usable dataset was recorded for it
        (the caller loads the corpus and builds it).
    """
    source, cache_dir = Path(source), Path(cache_dir)
    if not source.is_file():
        return None
    try:
        record = json.loads(_source_record(source, cache_dir, tokenizer).read_text(encoding="utf-8"))
        if record.get("version") != __version__:
            return None  # another loader may read the same bytes otherwise
        dataset = open_token_dataset(cache_dir / record["dataset"])
    except (OSError, ValueError, KeyError, TypeError, TokenDatasetError):
        return None  # absent, unreadable, damaged: the corpus is loaded and the dataset built again
    if not dataset.has_article_tables or len(dataset.articles) != record.get("articles"):
        return None
    return dataset, list(record.get("problems", []))


@contextlib.contextmanager
def _shared_with_forked_workers():
    """Keep this process's objects (the corpus) out of the garbage collector while forked workers run.

    A forked worker shares the parent's pages until it writes to them, and a full collection in the
    worker writes to the header of every object it traverses, the whole inherited corpus included, so
    those pages stop being shared.  ``gc.freeze()`` moves the objects there are now to a generation no
    collection visits (Python's documented recipe for fork without exec); they are handed back when the
    workers are done.  (load+tokens at 100 MB, summed PSS: 1,329 MB without, 1,214 MB with.)
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build_token_dataset(corpus: Corpus, folder: str | os.PathLike, *, tokenizer: str = DEFAULT_TOKENIZER,
                        n_jobs: int | None = None, client=None) -> TokenDataset:
    """Tokenise ``corpus`` into a new dataset at ``folder`` (replacing what is there), with its structure tables.

    This process also writes the article table and the texts
    (:func:`~corpus_tools.tokens.dataset.write_article_tables`), listed and
    hashed in the manifest like the parts.

    The parts are written into a temporary folder beside ``folder``, which
    is renamed into place once the manifest is written: a reader never sees
    half a dataset, and an interrupted build leaves no ``folder``.
    """
    corpus = corpus if isinstance(corpus, Corpus) else Corpus(list(corpus))
    key = token_cache_key(corpus, RAW_TOKEN_OPTIONS, tokenizer)
    build = _prepare_build(corpus, Path(folder), key, tokenizer, _worker_count(n_jobs, client, len(corpus)), None,
                           None)
    return build.run(n_jobs=n_jobs, client=client)


def _worker_count(n_jobs: int | None, client, n_articles: int) -> int:
    if client is None:
        return min(resolve_n_jobs(n_jobs), max(1, n_articles))
    client, opened = connect(client)
    try:
        return max(1, len(client.scheduler_info().get("workers", {})))
    finally:
        if opened:
            client.close()


@dataclass(frozen=True)
class SavedArticles:
    """A run of articles a worker reads itself: the JSONL lines in bytes ``[start, stop)`` of ``path``.

    Sent to a worker instead of the articles (a few hundred bytes instead of
    megabytes of pickled text), so no process has to hold the corpus while
    the workers run.  ``ids`` are the articles the lines must hold: a file
    changed since (it is the run's own copy, so it should not) is an error,
    never a dataset of other articles.
    """

    path: str
    start: int
    stop: int
    ids: tuple[str, ...]

    def load(self) -> list[Article]:
        articles = read_jsonl_span(self.path, self.start, self.stop)
        if tuple(a.id for a in articles) != self.ids:
            raise ValueError(f"{self.path}, bytes {self.start}-{self.stop}: other articles than the corpus "
                             f"saved there ({len(articles)} for {len(self.ids)}); was the file changed?")
        return articles


def _write_part(batch: list[Article] | SavedArticles, folder: str, index: int, tokenizer: str,
                recurring: dict[str, int]) -> dict:
    articles = batch.load() if isinstance(batch, SavedArticles) else batch
    return write_dataset_part(articles, folder, index, tokenizer, recurring)


def _line_starts(path: Path) -> list[int]:
    """The byte offset of every line of ``path``, and its size last (JSON escapes every newline inside a
    string, so each line is one record)."""
    starts, offset = [0], 0
    with path.open("rb") as f:
        for line in f:
            offset += len(line)
            starts.append(offset)
    return starts


@dataclass
class DatasetBuild:
    """A dataset build prepared by :func:`prepare_token_dataset`; :meth:`run` writes it.

    What the corpus was needed for is done: the key, the recurring lines,
    the article tables (in the temporary folder ``tmp``), and the corpus
    cut into ``batches`` (articles, or :class:`SavedArticles`).
    Picklable: a child process can prepare it and hand it to its parent.
    """

    folder: Path
    tmp: Path
    key: str
    tokenizer: str
    ids: list[str]
    recurring: dict[str, int]
    tables: dict[str, dict]
    batches: list
    registration: tuple[str, dict] | None = None

    def run(self, *, n_jobs: int | None = None, client=None) -> TokenDataset:
        """Tokenise every batch into its part (on ``n_jobs`` processes, or ``client``'s cluster), write the
        manifest, and move the dataset into place."""
        opened = False
        try:
            n = len(self.batches)
            arguments = (self.batches, [str(self.tmp)] * n, list(range(n)), [self.tokenizer] * n,
                         [self.recurring] * n)
            if client is not None:
                client, opened = connect(client)
                parts = client.gather(client.map(_write_part, *arguments, pure=False))  # in submission order
            elif (workers := min(resolve_n_jobs(n_jobs), max(1, n))) == 1:
                parts = list(map(_write_part, *arguments))
            else:
                with _shared_with_forked_workers(), \
                        ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) as pool:
                    parts = list(pool.map(_write_part, *arguments))
            write_manifest(self.tmp, self.key, self.tokenizer, self.ids, parts,
                           structure=structure_record(self.recurring), tables=self.tables)
            if self.folder.exists():
                shutil.rmtree(self.folder)
            os.replace(self.tmp, self.folder)
        except BaseException:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise
        finally:
            if opened:
                client.close()
        dataset = open_token_dataset(self.folder, self.key, verify=False)
        if self.registration is not None:
            _register(self.registration, dataset, self.tokenizer)
        return dataset


def _prepare_build(corpus: Corpus, folder: Path, key: str, tokenizer: str, workers: int, copy: Path | None,
                   registration: tuple[str, dict] | None) -> DatasetBuild:
    articles = list(corpus)
    recurring = corpus_recurring_lines(articles)  # corpus-level: once, before the workers
    # more batches than workers balances uneven articles; a cap per part keeps row groups useful
    n_batches = max(workers * 4 if workers > 1 else 1, -(-len(articles) // MAX_PART_ARTICLES))
    batches: list = article_batches(articles, n_batches)
    if copy is not None:
        starts = _line_starts(copy)
        if len(starts) - 1 != len(articles):
            raise ValueError(f"{copy} has {len(starts) - 1} lines for {len(articles)} articles: not the copy "
                             f"save_jsonl wrote of this corpus")
        spans, first = [], 0
        for batch in batches:
            last = first + len(batch)
            spans.append(SavedArticles(str(copy), starts[first], starts[last], tuple(a.id for a in batch)))
            first = last
        batches = spans
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        tables = write_article_tables(tmp, articles)  # here: this process holds the corpus
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return DatasetBuild(folder, tmp, key, tokenizer, [a.id for a in articles], recurring, tables, batches,
                        registration)
