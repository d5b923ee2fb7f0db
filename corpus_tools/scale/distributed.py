"""Counting on a Dask cluster (``distributed``): the same counts as one process.

Selected by passing ``client=`` to :func:`corpus_tools.scale.parallel.count_corpus`:
a :class:`distributed.Client`, or the address of a running scheduler
(``"tcp://10.0.0.5:8786"``), to which a client is connected for the call.
Files are grouped into batches of about equal size
(:func:`corpus_tools.scale.parallel.file_batches`), each batch is counted by one
task (:func:`corpus_tools.scale.streaming.count_files`) on a worker, and the
partial counts are gathered and added up in batch order.  The workers must
be able to import ``corpus_tools`` and read the corpus paths (a shared file
system, or the same folder on every machine).

Dask is an optional dependency (``pip install corpus-tools[dask]``).
"""

from __future__ import annotations

from pathlib import Path

from corpus_tools.scale.batching import file_batches, progress_bar
from corpus_tools.scale.streaming import CorpusCounts, CountSpec, count_files

__all__ = ["count_on_dask", "connect"]


def connect(client):
    """A :class:`distributed.Client` for ``client`` (a client, or a scheduler address), and whether we opened it."""
    try:
        from distributed import Client
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise ImportError("the Dask backend needs 'distributed': pip install 'corpus-tools[dask]'") from e
    if isinstance(client, Client):
        return client, False
    if isinstance(client, str):
        return Client(client), True
    raise TypeError(f"client must be a distributed.Client or a scheduler address string, not {type(client).__name__}")


def count_on_dask(files: list[Path], spec: CountSpec, client, *, progress: bool | None = None,
                  batches_per_worker: int = 4) -> CorpusCounts:
    """Count ``files`` on the cluster of ``client``; identical to ``count_files(files, spec)``.

    Each batch is one task; results are gathered as they finish but added
    in batch order (addition of counts does not depend on the order, the
    problem list does).
    """
    from distributed import as_completed


    client, opened = connect(client)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        batches = file_batches(files, workers * batches_per_worker)
        paths = [[str(f) for f in batch] for batch in batches]
        futures = client.map(count_files, paths, spec=spec, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        parts: list[CorpusCounts | None] = [None] * len(futures)
        bar = progress_bar(progress, len(files))
        for future in as_completed(futures):
            i = index[future.key]
            parts[i] = future.result()
            future.release()
            bar.update(len(batches[i]))
        bar.close()
    finally:
        if opened:
            client.close()
    total = CorpusCounts(spec)
    for part in parts:
        total = total + part
    return total
