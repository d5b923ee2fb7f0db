"""Splitting work into batches for worker processes or Dask tasks, and their progress bar.

Shared by :mod:`corpus_tools.scale.parallel` (local processes) and
:mod:`corpus_tools.scale.distributed` (a Dask cluster), so neither imports
the other's internals.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Plain tqdm, not tqdm.auto: in a Jupyter kernel without ipywidgets (a report's), importing
# tqdm.auto prints a red "TqdmWarning: IProgress not found" box into every notebook page.
from tqdm import tqdm

__all__ = ["article_batches", "file_batches", "progress_bar", "resolve_n_jobs"]


def resolve_n_jobs(n_jobs: int | None) -> int:
    """``None`` or ``-1`` -> all cores; ``-k`` -> all but k - 1; a positive k -> k.

    >>> resolve_n_jobs(1)
    1
    >>> resolve_n_jobs(None) == (os.cpu_count() or 1)
    True
    """
    cores = os.cpu_count() or 1
    if n_jobs is None:
        return cores
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs == 0:
        raise ValueError(f"n_jobs must be a non-zero integer or None, not {n_jobs!r}")
    return n_jobs if n_jobs > 0 else max(1, cores + 1 + n_jobs)


def file_batches(files: Sequence[Path], n_batches: int) -> list[list[Path]]:
    """Consecutive runs of ``files`` of about equal total size (bytes), in order.

    >>> file_batches([], 3)
    []
    """
    if not files:
        return []
    sizes = [max(1, f.stat().st_size) if f.exists() else 1 for f in files]
    target = sum(sizes) / max(1, n_batches)
    batches: list[list[Path]] = [[]]
    filled = 0.0
    for f, size in zip(files, sizes, strict=True):
        if batches[-1] and filled + size / 2 > target * len(batches):
            batches.append([])
        batches[-1].append(f)
        filled += size
    return batches


def article_batches(articles: Sequence, n_batches: int) -> list[list]:
    """Consecutive runs of ``articles`` of about equal total text length, in corpus order.

    >>> from corpus_tools import Corpus
    >>> [[a.id for a in b] for b in article_batches(list(Corpus.from_texts(["a b", "c d", "e f"])), 2)]
    [['0', '1'], ['2']]
    """
    if not articles:
        return []
    sizes = [max(1, sum(len(b.text) for b in a.blocks)) for a in articles]
    target = sum(sizes) / max(1, n_batches)
    batches: list[list] = [[]]
    filled = 0.0
    for article, size in zip(articles, sizes, strict=True):
        if batches[-1] and filled + size / 2 > target * len(batches):
            batches.append([])
        batches[-1].append(article)
        filled += size
    return batches


def progress_bar(progress: bool | None, total: int, iterable=None):
    """A tqdm bar when asked (or on a terminal), else a silent stand-in.

    No tqdm object at all when silent: creating one starts tqdm's monitor
    thread, and a process with threads should not fork.
    """
    show = sys.stderr.isatty() if progress is None else progress
    if show:
        return tqdm(iterable, total=total, unit="file")
    return _NoBar(iterable)


class _NoBar:
    def __init__(self, iterable=None):
        self.iterable = iterable

    def __iter__(self):
        return iter(self.iterable)

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass
