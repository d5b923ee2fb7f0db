"""Writing a file atomically: to a temporary name beside it, then one rename.

A reader never sees a half-written file, and an interrupted write leaves the
previous file intact.  Used for report figures and tables, JSONL corpora and
the token cache.

The file gets the mode an ordinary ``open(path, "w")`` would give it
(``0o666`` less the user's umask, so ``0644`` under the usual ``022``):
:func:`tempfile.mkstemp` creates its file ``0600``, which would make every
report file unreadable to a web server or a colleague.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

__all__ = ["atomic_write", "current_umask"]

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it for other threads where the OS allows.

    Linux shows it in ``/proc/self/status``; elsewhere it is read with the
    set-and-restore idiom (under a lock, so two writers never race on it).

    >>> 0 <= current_umask() <= 0o777
    True
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp_path)`` then rename ``tmp_path`` to ``path``.

    The temporary file lives in the destination folder (a rename across file
    systems would not be atomic); it is removed if ``write`` fails.  The
    file written has mode ``0o666 & ~umask``, like any file the user creates.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(d / "a.txt", lambda p: p.write_text("hi")).read_text()
    'hi'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        # after write: a writer may have replaced the temporary file with one of its own
        os.chmod(tmp_path, 0o666 & ~current_umask())
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return path
