"""Corpora of any size: the token dataset built in parallel, streamed counts, worker processes and Dask."""

from corpus_tools.scale.batching import article_batches, file_batches, progress_bar, resolve_n_jobs
from corpus_tools.scale.dataset import (
    DatasetBuild,
    SavedArticles,
    build_token_dataset,
    dataset_folder,
    prepare_token_dataset,
    registered_dataset,
    token_dataset,
)
from corpus_tools.scale.distributed import connect, count_on_dask
from corpus_tools.scale.parallel import count_corpus, pool_context
from corpus_tools.scale.streaming import CorpusCounts, CountSpec, corpus_files, count_articles, count_files
from corpus_tools.scale.structure import STRUCTURE_TABLES, structure_table
from corpus_tools.scale.structure_queries import (
    block_role_count_table,
    iter_structure_table,
    section_count_table,
    sentence_length_count_table,
    structure_article_count,
    structure_article_table,
)

__all__ = [
    "STRUCTURE_TABLES",
    "structure_table",
    "block_role_count_table",
    "iter_structure_table",
    "section_count_table",
    "sentence_length_count_table",
    "structure_article_count",
    "structure_article_table",
    "article_batches",
    "DatasetBuild",
    "SavedArticles",
    "build_token_dataset",
    "dataset_folder",
    "prepare_token_dataset",
    "pool_context",
    "registered_dataset",
    "token_dataset",
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
