"""The report folder's safety rules: what may be replaced, one run at a time, a recoverable swap.

A report is built in a hidden sibling ``.OUT.partial-<stamp>-<pid>`` and
swapped in by two renames (``OUT`` -> ``.OUT.old-<stamp>-<pid>``, then the
partial folder -> ``OUT``).  This module holds the rules around that:

* :func:`report_folder_problem`: a folder may be replaced only when it is
  provably a corpus-tools report: its ``manifest.json`` carries the runner's
  marker (``"tool": "corpus-tools report"``) and the sha256 of every file it
  wrote (``"artifacts_sha256"``), and the folder holds nothing else and
  nothing changed since.  Anything else (a user's folder that happens to
  hold a ``manifest.json``, an old report a user added notes to) is refused.
* :func:`output_lock`: one run per output folder (a second one is told which
  process holds it).
* :func:`swap_in`: the two renames, with SIGINT/SIGTERM held back between
  them and the previous report renamed back if the second rename fails.
* :func:`recover_output_folder`: what a SIGKILL (or a power cut, or a dropped
  ssh session with ``nohup`` off) leaves behind is put right by the next run:
  a finished report caught between the two renames is moved into place, a
  previous report renamed aside is restored or deleted, and a half-built run
  is kept as a visible ``OUT.failed-*`` folder and reported.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = [
    "REPORT_TOOL",
    "OutputLockedError",
    "artifact_hashes",
    "failed_folder_name",
    "file_sha256",
    "move_to_failed",
    "output_lock",
    "recover_output_folder",
    "report_folder_problem",
    "swap_in",
]

#: The marker the runner writes into every report's manifest (``manifest["tool"]``).
REPORT_TOOL = "corpus-tools report"


class OutputLockedError(RuntimeError):
    """Another run holds the output folder's lock."""


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in 1 MiB chunks (hex)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


#: The token dataset's tables derived on first use (corpus_tools.stats.queries.DERIVED_FOLDER): a
#: notebook run later on the report's dataset may add some; they are caches, never anything to lose.
_DERIVED = re.compile(r"cache/[^/]+/derived(/.*)?\Z")


def _name(name: str) -> str:
    # a non-UTF-8 file name (kept by Python as lone surrogates) as JSON-writable text, one to one
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _entries(folder: Path) -> Iterator[tuple[str, os.DirEntry]]:
    """Every entry under ``folder`` (relative POSIX path as JSON-writable text, entry), links not followed."""
    stack = [("", folder)]
    while stack:
        rel, current = stack.pop()
        with os.scandir(current) as it:
            for entry in sorted(it, key=lambda e: e.name):
                path = f"{rel}{_name(entry.name)}"
                yield path, entry
                if entry.is_dir(follow_symlinks=False):
                    stack.append((path + "/", Path(entry.path)))


def artifact_hashes(folder: str | os.PathLike) -> dict[str, str]:
    """``{relative path: sha256}`` of every file under ``folder`` except ``manifest.json``.

    Sorted by path, so the manifest that records it is deterministic.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.csv").write_text("x\\n")
    >>> list(artifact_hashes(d))
    ['a.csv']
    """
    folder = Path(folder)
    return {rel: file_sha256(Path(entry.path)) for rel, entry in sorted(_entries(folder))
            if entry.is_file(follow_symlinks=False) and rel != "manifest.json"}


def report_folder_problem(folder: str | os.PathLike) -> str | None:
    """Why ``folder`` is not provably an unchanged corpus-tools report, or None when it is one.

    Parameters
    ----------
    folder : path
        An existing folder.

    Returns
    -------
    str or None
        A reason a user can act on (``"no manifest.json"``, ``"thesis.txt
        is not a report file"``...), or None.
    """
    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file() or manifest_path.is_symlink():
        return "no manifest.json"
    try:
        # a manifest is a few kB; a huge "manifest.json" is not one of ours
        if manifest_path.stat().st_size > 64 * 2**20:
            return "manifest.json is too large to be a report manifest"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return f"manifest.json is not readable JSON ({e})"
    if not isinstance(manifest, dict) or manifest.get("tool") != REPORT_TOOL:
        return f"manifest.json has no {REPORT_TOOL!r} marker"
    listed = manifest.get("artifacts_sha256")
    if not isinstance(listed, dict):
        return "manifest.json does not list its artifacts (a report from an older corpus-tools: delete it by hand)"
    try:
        for rel, entry in _entries(folder):
            if _DERIVED.match(rel):  # counts a query saved in the token dataset later: made again when needed
                continue
            if entry.is_dir(follow_symlinks=False):
                if not any(name.startswith(rel + "/") for name in listed):
                    return f"{rel}/ is not a report folder"
                continue
            if rel == "manifest.json":
                continue
            if not entry.is_file(follow_symlinks=False) or rel not in listed:
                return f"{rel} is not a report file"
            if file_sha256(Path(entry.path)) != listed[rel]:
                return f"{rel} was changed after the report was written"
    except OSError as e:
        return f"cannot read {e.filename}: {e.strerror}"
    return None


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[Path]:
    """Hold the lock of report folder ``out`` (``.OUT.lock`` beside it) for the ``with`` block.

    The lock is an ``flock`` (released by the kernel when the process dies,
    even by SIGKILL, so a stale lock file never blocks a later run); the file
    is removed on exit.

    Raises
    ------
    OutputLockedError
        At once, when another process holds it (naming that process).
    """
    path = out.parent / f".{out.name}.lock"
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputLockedError(f"{out}: another corpus-tools run (process {holder}) is writing this report "
                                    "folder; wait for it to finish or choose another -o folder") from None
        # The holder before us may have removed the file between our open and our lock:
        # then we hold a lock on a deleted file, and must lock the current one instead.
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still locked: nobody can have locked the file we remove
        os.close(fd)


def failed_folder_name(out: Path, stamp: str) -> Path:
    """The first free ``OUT.failed-<stamp>[-2, -3...]`` (called under the lock, just before the rename)."""
    candidate, i = out.parent / f"{out.name}.failed-{stamp}", 1
    while os.path.lexists(candidate):
        i += 1
        candidate = out.parent / f"{out.name}.failed-{stamp}-{i}"
    return candidate


def move_to_failed(folder: Path, out: Path, stamp: str) -> Path:
    """Keep the run folder ``folder`` as a visible ``OUT.failed-<stamp>[-N]``; returns its new path.

    A name taken in between (another run failing in the same second) is retried with the next number.
    """
    while True:
        target = failed_folder_name(out, stamp)
        try:
            os.rename(folder, target)  # rename, not replace: never over an (empty) folder someone just made
            return target
        except OSError as e:
            if e.errno not in (errno.EEXIST, errno.ENOTEMPTY) or not os.path.lexists(target):
                raise


_HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP for the block, then deliver them to their handlers.

    Python-level handlers, not ``pthread_sigmask``: a signal sent to the
    process reaches any thread that does not block it (papermill and zmq run
    threads), and Python then raises in the main thread all the same.
    Outside the main thread (where handlers cannot be set) the thread's mask
    is the best there is.
    """
    if threading.current_thread() is not threading.main_thread():
        previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)
        return
    pending: list[int] = []
    previous = {s: signal.getsignal(s) for s in _HELD_SIGNALS}
    for s in _HELD_SIGNALS:
        signal.signal(s, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)
        for signum in pending:
            signal.raise_signal(signum)  # now, with both renames done


def swap_in(tmp: Path, out: Path, stamp: str) -> None:
    """Replace the report ``out`` by the finished run folder ``tmp``.

    Between the two renames no report is at ``out``: SIGINT, SIGTERM and
    SIGHUP are held back until both are done (they are then delivered), and
    when the second rename fails the previous report is renamed back.  Only a
    SIGKILL can still land in between; :func:`recover_output_folder` (run at
    the start of every run) repairs that.
    """
    old = out.parent / f".{out.name}.old-{stamp}-{os.getpid()}"
    with _signals_held():
        had_report = os.path.lexists(out)
        if had_report:
            os.replace(out, old)  # rename aside first: a directory cannot be replaced in one rename
        try:
            os.replace(tmp, out)
        except BaseException:
            if had_report:
                os.replace(old, out)
            raise
        # still with the signals held: a Ctrl-C now would leave the old report hidden beside OUT
        shutil.rmtree(old, ignore_errors=True)


def _manifest_status(folder: Path) -> str | None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest.get("status") if isinstance(manifest, dict) else None


def _stamp_of(name: str) -> str:
    # ".OUT.partial-<stamp>-<pid>": keep "<stamp>-<pid>" so the failed name says when it ran
    return name.rsplit(".", 1)[-1].split("-", 1)[-1]


def recover_output_folder(out: Path, log: Callable[[str], object] = print) -> list[str]:
    """Put right what an interrupted run of ``out`` left beside it; call under :func:`output_lock`.

    * ``OUT`` missing, and a finished run (``.OUT.partial-*`` whose manifest
      says ``ok``) or a previous report (``.OUT.old-*``) beside it: the
      interrupted swap is completed (the finished run) or undone (the
      previous report).
    * ``.OUT.old-*`` left once ``OUT`` is in place: deleted when provably a
      report, else reported.
    * ``.OUT.partial-*`` of a run that never finished (killed): kept as a
      visible ``OUT.failed-*`` folder.

    Returns the lines it logged (one per repair), an empty list when nothing was left behind.

    Also the documented manual repair: ``python -c "from corpus_tools.report.folders import
    recover_output_folder as r; from pathlib import Path; r(Path('OUT').resolve())"``.
    """
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        log(line)

    def hidden(kind: str) -> list[Path]:
        prefix = f".{out.name}.{kind}-"
        try:
            names = sorted(n for n in os.listdir(out.parent) if n.startswith(prefix))
        except FileNotFoundError:
            return []
        return [out.parent / n for n in names if (out.parent / n).is_dir() and not (out.parent / n).is_symlink()]

    partials, olds = hidden("partial"), hidden("old")
    if not os.path.lexists(out):
        finished = [p for p in partials if _manifest_status(p) == "ok" and report_folder_problem(p) is None]
        if finished:
            os.rename(finished[-1], out)
            partials.remove(finished[-1])
            say(f"{out}: restored the finished report {finished[-1].name} (its run was killed while "
                "swapping it in)")
        elif olds:
            os.rename(olds[-1], out)
            say(f"{out}: restored the previous report {olds[-1].name} (a run was killed while replacing it)")
            olds.remove(olds[-1])
    for old in olds:
        problem = report_folder_problem(old)
        if problem is None:
            shutil.rmtree(old)
            say(f"{out}: removed {old.name}, a previous report left by a killed run")
        else:
            say(f"{out}: left {old} in place: {problem}")
    for partial in partials:
        kept = move_to_failed(partial, out, _stamp_of(partial.name))
        say(f"{out}: a run killed before it finished left {partial.name}; kept as {kept}")
    return lines
