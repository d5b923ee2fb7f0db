"""Counting corpora of any size: streaming, local worker processes and Dask clusters."""

from corpus_tools.scale.batching import file_batches, progress_bar, resolve_n_jobs
from corpus_tools.scale.distributed import connect, count_on_dask
from corpus_tools.scale.parallel import count_corpus
from corpus_tools.scale.streaming import CorpusCounts, CountSpec, corpus_files, count_articles, count_files

__all__ = [
    "CorpusCounts",
    "CountSpec",
    "connect",
    "corpus_files",
    "count_articles",
    "count_corpus",
    "count_files",
    "count_on_dask",
    "file_batches",
    "progress_bar",
    "resolve_n_jobs",
]
