"""A report run's first step: the corpus read once, saved as the analysed copy, tokenised once.

:func:`ingest` loads the corpus (each file read and hashed once), saves the
articles as the run folder's ``corpus.jsonl`` (what every notebook
analyses) and builds the token dataset every notebook queries
(:func:`corpus_tools.scale.token_dataset`, on every core).

Loading holds the whole corpus as Python objects, and a Python heap does
not give all its freed pages back to the system: a runner that let the
corpus go before the notebook kernels started still held 288 MB at 100 MB
of text and about 770 MB at 1 GB (after ``malloc_trim``), all of it
counted in the report's peak.  So the step is cut in two:

* a **forked child process** loads the corpus, saves the copy and prepares
  the dataset's build (:func:`corpus_tools.scale.prepare_token_dataset`:
  the key, the recurring lines, the article tables, the corpus cut into
  runs of lines of the copy), hands back the manifest's record and the
  prepared build, and exits: all of its memory is the system's again;
* this process runs the build: its workers, forked from a process that
  never held the corpus, each read their run of articles from the copy
  (:class:`corpus_tools.scale.SavedArticles`).  When the workers were
  forked from the process holding the corpus instead, they took pages of
  its heap as they allocated (copy-on-write): at 300 MB of text the
  tokenising phase summed 2,456 MB of PSS (holder 1,057, workers 655 each);
  with the workers reading the copy, 894 MB.

The child is forked, never spawned: it starts at once, with this
process's modules and settings.  Where forking is unsafe (another thread
runs here, as in a Jupyter kernel) or unavailable, the first half runs in
this process, which then frees what it can before the workers start; when
no notebook reads the token dataset (the overview then needs the articles
themselves), only the loading runs, here.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import multiprocessing
import pickle
import shutil
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus_tools.io.loading import CorpusLoadWarning, display_path, load_corpus
from corpus_tools.io.writing import save_jsonl
from corpus_tools.model.corpus import Corpus
from corpus_tools.report.folders import file_sha256
from corpus_tools.scale.dataset import DatasetBuild, dataset_folder, prepare_token_dataset
from corpus_tools.scale.parallel import pool_context
from corpus_tools.tokens.dataset import MANIFEST_NAME, TokenDataset, open_token_dataset

__all__ = ["ANALYSED_CORPUS", "Ingested", "ingest", "load_once"]

#: The run folder's copy of the corpus the notebooks analyse (see :func:`load_once`).
ANALYSED_CORPUS = "corpus.jsonl"


@dataclass
class Ingested:
    """What the first step hands the runner.

    ``record`` is the manifest's ``corpus`` entry; ``dataset`` the token
    dataset (None when no notebook reads it); ``corpus`` the loaded
    articles, only when there is no dataset (the overview reads them then).
    """

    record: dict
    dataset: TokenDataset | None
    corpus: Corpus | None


class IngestError(RuntimeError):
    """The child process loading and tokenising the corpus ended without an answer (killed, out of memory)."""


def ingest(corpus: Path, folder: Path, previous_cache: Path, tokenizer: str, log: Callable[[str], None], *,
           with_dataset: bool, n_jobs: int | None = None, scheduler: str | None = None) -> Ingested:
    """Load ``corpus`` into ``folder/corpus.jsonl`` and, ``with_dataset``, tokenise the copy into ``folder/cache``.

    Parameters
    ----------
    corpus : Path
        Folder or file of articles (anything :func:`~corpus_tools.load_corpus` reads).
    folder : Path
        The run folder.
    previous_cache : Path
        The previous report's cache, whose dataset is reused when corpus and tokenizer are unchanged.
    tokenizer : {"fast", "exact"}
    log : callable
        Gets the step's lines (``tokens: ...``), in this process.
    with_dataset : bool
        Build the token dataset; without it the loaded corpus is returned instead.
    n_jobs, scheduler
        As :func:`corpus_tools.scale.token_dataset`'s ``n_jobs`` and ``client``.

    Raises
    ------
    Whatever loading or tokenising raised (in the child too), with the
    attribute ``writing``: what the step was writing when it failed, for a
    disk-full message.
    """
    if not with_dataset:
        loaded, record = _step(load_once, f"the analysed copy of the corpus ({ANALYSED_CORPUS})", corpus, folder)
        return Ingested(record, None, loaded)
    # Loading and preparing the dataset need the corpus; tokenising it does not: the workers read their
    # articles from the analysed copy (scale.dataset.SavedArticles).  So the first half runs in a forked
    # child, which exits with the corpus, and the workers are forked from this process, which never held it.
    if not _can_fork():
        record, prepared, lines = _load_and_prepare(corpus, folder, previous_cache, tokenizer, n_jobs, scheduler)
        release_freed_memory()
    else:
        record, prepared, lines = _in_forked_child(
            _load_and_prepare, corpus, folder, previous_cache, tokenizer, n_jobs, scheduler)
    for line in lines:
        log(line)
    if isinstance(prepared, tuple):  # a build, prepared (the key, recurring lines, article tables) in so long
        build, preparing = prepared
        started = time.monotonic()
        dataset = _step(functools.partial(build.run, n_jobs=n_jobs, client=scheduler), "the token cache")
        log(f"tokens: {dataset.n_rows} tokens ({tokenizer} tokenizer) in "
            f"{preparing + time.monotonic() - started:.1f} s, {len(dataset.parts)} part files shared by every notebook")
        return Ingested(record, dataset, None)
    # verified where it was reused (prepare_token_dataset): opened here without reading the parts again
    return Ingested(record, open_token_dataset(prepared, verify=False), None)


def _step(function, writing: str, *args):
    try:
        return function(*args)
    except BaseException as e:
        if not hasattr(e, "writing"):
            e.writing = writing  # kept when the exception crosses from the child (it pickles __dict__)
        raise


def _load_and_prepare(corpus: Path, folder: Path, previous_cache: Path, tokenizer: str, n_jobs, scheduler):
    """The record, the dataset's folder (when reused) or its prepared build and the seconds preparing took,
    and the log lines."""
    loaded, record = _step(load_once, f"the analysed copy of the corpus ({ANALYSED_CORPUS})", corpus, folder)
    lines: list[str] = []
    started = time.monotonic()
    prepared = _step(token_cache, "the token cache", loaded, folder / "cache", previous_cache, tokenizer,
                     lines.append, n_jobs, scheduler, folder / ANALYSED_CORPUS)
    if isinstance(prepared, DatasetBuild):
        return record, (prepared, time.monotonic() - started), lines
    return record, str(prepared.folder), lines


def _load(corpus: Path, inventory: list | None = None) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusLoadWarning)
        return load_corpus(corpus, inventory=inventory)  # raises a clear error for a missing or empty corpus


def load_once(corpus: Path, folder: Path) -> tuple[Corpus, dict]:
    """Load ``corpus`` once for the whole run; the analysed copy and the manifest's record of it.

    Each file is read once, and hashed from the very bytes parsed (the
    loader's ``inventory``), so a file changing during the run cannot make
    the manifest describe something else than what was analysed.  The
    articles are saved as ``folder/corpus.jsonl`` (with the load problems
    beside it) and every notebook loads that file, so all notebooks analyse
    the same articles, even if the corpus folder changes meanwhile.
    """
    inventory: list[dict] = []
    original = _load(corpus, inventory)
    # The copy is not loaded back: save_jsonl's round trip (ids, texts, dates, titles, variables) is
    # tested, and loading it again cost a second parse and a second corpus in memory (7 s and 300 MB at
    # 100 MB).  The token dataset is built from the articles loaded here, and registered under the
    # copy's bytes, which is how every notebook kernel finds it.
    copy = save_jsonl(original, folder / ANALYSED_CORPUS, load_problems=True)
    root = corpus.parent if corpus.is_file() else corpus
    record = {
        "path": display_path(str(corpus)),
        "articles": len(original),
        # display paths: a non-UTF-8 file name would make manifest.json unwritable
        "files": [{"path": display_path(f["path"].relative_to(root).as_posix()), "bytes": f["bytes"],
                   "sha256": f["sha256"]} for f in inventory],
        "problems": [str(p) for p in original.problems],
        "skipped": sum(p.severity == "skipped" for p in original.problems),
        "analysed": {"path": ANALYSED_CORPUS, "bytes": copy.stat().st_size, "sha256": file_sha256(copy)},
    }
    return original, record


def token_cache(corpus: Corpus, folder: Path, previous: Path, tokenizer: str, log, n_jobs: int | None = None,
                scheduler: str | None = None, source: Path | None = None) -> TokenDataset | DatasetBuild:
    """The run's token dataset, reused, or its build prepared (:func:`corpus_tools.scale.prepare_token_dataset`).

    The previous report's dataset is reused when corpus content and
    tokeniser are unchanged (the folder name carries their hash); it is
    verified against its manifest, and rebuilt if damaged.  ``source`` (the
    analysed copy, ``corpus.jsonl``, written from ``corpus``) is recorded
    with the dataset, so the notebook kernels open it without loading the
    corpus, and the build's workers read their articles from it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    name = dataset_folder(corpus, folder, tokenizer).name
    if (previous / name / MANIFEST_NAME).is_file():
        shutil.copytree(previous / name, folder / name)
        log(f"tokens: reusing {previous / name}")
    return prepare_token_dataset(corpus, folder, tokenizer=tokenizer, n_jobs=n_jobs, client=scheduler, source=source,
                                 source_is_copy=source is not None)


def release_freed_memory() -> None:
    """Hand the freed corpus' pages back to the system while the kernels run (when the step ran here).

    The articles' texts are small allocations scattered through the C heap: freeing them leaves
    the runner's resident size as it was (846 MB at 300 MB, with the corpus gone) until glibc's
    ``malloc_trim`` returns the free pages.  Python has no call for this; elsewhere than glibc
    (macOS, musl) it is skipped.
    """
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _can_fork() -> bool:
    # fork copies only the calling thread: with another thread running (a Jupyter kernel's, a Dask
    # client's) a lock it held would stay locked in the child.  The tokenising pool decides the same way.
    return pool_context().get_start_method() == "fork" and threading.current_thread() is threading.main_thread()


def _in_forked_child(function, *args):
    """``function(*args)`` in a forked child process: its result, or its exception raised here.

    Written with a bare ``Process`` and a pipe rather than a one-worker ``ProcessPoolExecutor``: an
    interrupted run must stop the child at once (``terminate``), and a child killed by the system (out
    of memory) must end the run with a message rather than a broken pool.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(sender, function, args), name="corpus-tools-ingest")
    child.start()
    sender.close()  # this process's copy: the child's end closing alone then means EOF here
    try:
        try:
            ok, value, remote = receiver.recv()
        except EOFError:
            child.join()
            raise IngestError(f"the process loading and tokenising the corpus ended with exit code "
                              f"{child.exitcode} and no answer (killed, or out of memory)") from None
        child.join()
    finally:
        receiver.close()
        if child.is_alive():  # this process was interrupted: so is the step
            child.terminate()
            child.join()
    if ok:
        return value
    value.__cause__ = _RemoteTraceback(remote)  # as concurrent.futures shows a worker's traceback
    raise value


def _child_main(sender, function, args) -> None:
    # What the child inherits (the runner's modules) is kept out of its garbage collections, which
    # would otherwise write to every inherited object's header and so copy pages it shares with the
    # runner (Python's recipe for fork without exec, as scale.dataset does for its workers).
    gc.freeze()
    try:
        answer = (True, function(*args), None)
    except BaseException as e:  # everything goes back to the parent, which raises it
        answer = (False, _picklable(e), traceback.format_exc())
    try:
        sender.send(answer)
    except Exception as e:  # an answer that does not pickle
        sender.send((False, IngestError(f"the loading step's answer could not be sent: {type(e).__name__}: {e}"),
                     traceback.format_exc()))
    finally:
        sender.close()


def _picklable(error: BaseException) -> BaseException:
    """``error``, or an :class:`IngestError` with its type and message when it would not come back whole.

    An exception is pickled as its class and ``args``: one whose ``__init__`` wants other arguments pickles
    but fails to load on the other side.
    """
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        substitute = IngestError(f"{type(error).__name__}: {error}")
        substitute.writing = getattr(error, "writing", None)
        return substitute
    return error


class _RemoteTraceback(Exception):
    def __init__(self, text: str | None):
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text}"""' if self.text else ""
