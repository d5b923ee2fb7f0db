"""Counting a corpus on every core, or on a Dask cluster, with the one-process result.

:func:`count_corpus` is the entry point.  The work is split by file: each
worker counts whole files (:func:`corpus_tools.scale.streaming.count_files`) and
returns a :class:`~corpus_tools.scale.streaming.CorpusCounts`; the parent adds
them up in file order.  Counting is addition of integer counts, so the
result is identical whatever the number of workers or the order they
finish in (tests check it equal to the one-process counts).

Backends, chosen by the arguments:

* ``n_jobs=1``: this process.
* ``n_jobs=k`` (default: all cores, ``os.cpu_count()``): a local process
  pool (``fork`` when no other thread runs, else ``forkserver``).
* ``client=`` a :class:`distributed.Client` or a scheduler address
  (``"tcp://host:8786"``): the files are counted on the Dask cluster
  (:mod:`corpus_tools.scale.distributed`); its workers must see the same paths.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.scale.batching import file_batches, progress_bar, resolve_n_jobs
from corpus_tools.scale.streaming import CorpusCounts, CountSpec, corpus_files, count_articles, count_files
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER

__all__ = ["count_corpus", "pool_context"]


def count_corpus(
    source: str | os.PathLike | Iterable[str | os.PathLike] | Corpus | Iterable[Article],
    *,
    tokenizer: str = DEFAULT_TOKENIZER,
    n_jobs: int | None = None,
    client=None,
    progress: bool | None = None,
    batches_per_worker: int = 4,
    spec: CountSpec | None = None,
    **spec_fields,
) -> CorpusCounts:
    """Unigram, n-gram and collocation counts of a corpus, streamed and in parallel.

    Parameters
    ----------
    source : path, list of paths, Corpus or iterable of Article
        A folder/file/list of them is read file by file (memory bounded by
        the vocabulary); in-memory articles are counted in this process.
    tokenizer : {"fast", "exact"}
        ``"fast"`` (default): :class:`~corpus_tools.tokens.fast.FastTokenizer`;
        ``"exact"``: the reference Punkt + Treebank path (< 1 MB/s).
    n_jobs : int or None
        Local worker processes (None: all cores; 1: this process).
    client : distributed.Client or str, optional
        Count on this Dask cluster instead (a client, or a scheduler address).
    progress : bool or None
        tqdm progress bar over files; None (default) shows it only on a
        terminal, False never.
    batches_per_worker : int
        Files are grouped into about ``workers * batches_per_worker`` batches.
    spec, **spec_fields
        What to count: a :class:`~corpus_tools.scale.streaming.CountSpec`, or its
        fields (``options=TokenOptions(...)``, ``ngram_sizes=(2, 3)``,
        ``window_size=5``, ``boundary="sentence"``...).  Every block is
        counted, whatever ``options.boilerplate`` says: block roles need the
        structure rules and the lines recurring across the whole corpus,
        which a file-by-file stream does not have.  The counts are those of
        ``frequency_table(..., options={"boilerplate": True})``; for counts
        without sign-offs, by-lines and page furniture, build the token
        dataset (:func:`corpus_tools.scale.token_dataset`) and count that.

    Returns
    -------
    CorpusCounts
        Identical for every ``n_jobs`` and backend.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> counts = count_corpus(Corpus.from_texts(["New York is big. New York grows."]), ngram_sizes=(2,))
    >>> counts.frequency_table(top=2)[["term", "count"]].values.tolist()
    [['new', 2], ['york', 2]]
    >>> counts.ngram_table(2, top=1)[["term", "count"]].values.tolist()
    [['new york', 2]]
    """
    if spec is not None and spec_fields:
        raise TypeError(f"pass either spec or its fields, not both (got spec and {sorted(spec_fields)})")
    spec = spec or CountSpec(tokenizer=tokenizer, **spec_fields)
    if isinstance(source, Corpus):
        return count_articles(source, spec)
    if not isinstance(source, (str, os.PathLike)):
        source = list(source)
        if source and all(isinstance(a, Article) for a in source):
            return count_articles(source, spec)
    files, problems = corpus_files(source)
    if client is not None:
        from corpus_tools.scale.distributed import count_on_dask

        result = count_on_dask(files, spec, client, progress=progress, batches_per_worker=batches_per_worker)
    else:
        workers = min(resolve_n_jobs(n_jobs), max(1, len(files)))
        if workers == 1:
            result = count_files(progress_bar(progress, len(files), files), spec)
        else:
            result = _count_in_pool(files, spec, workers, progress, batches_per_worker)
    result.problems[:0] = problems
    return result


def pool_context():
    """``fork`` when this process runs no other thread (workers start at once, modules
    already imported); otherwise ``forkserver`` (fork is unsafe with threads, e.g. a
    Dask client's), with corpus_tools preloaded in the server; ``spawn`` elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    # tqdm's monitor thread (a daemon that wakes every 10 s to check bars) is
    # harmless here: the workers never touch tqdm.
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and t.name != "tqdm_monitor"]
    if "fork" in methods and not others:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["corpus_tools.scale.streaming"])
        return context
    return multiprocessing.get_context("spawn")


def _count_in_pool(files: list[Path], spec: CountSpec, workers: int, progress, batches_per_worker: int):
    context = pool_context()
    bar = progress_bar(progress, len(files))
    # The first file is counted here before the workers start: with "fork" they
    # inherit this process's tokenizer caches (its commonest chunks) instead of
    # each building them again.
    total = count_files(files[:1], spec)
    bar.update(1)
    batches = file_batches(files[1:], workers * batches_per_worker)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parts = pool.map(count_files, batches, [spec] * len(batches))
        for batch, part in zip(batches, parts, strict=True):
            # map yields in submission (file) order: the sum does not depend on
            # it, but the order of the problem list does
            total = total + part
            bar.update(len(batch))
        bar.close()
    return total
