"""Reading corpora from files and writing tables, figures and article files (atomically)."""

from corpus_tools.io.atomic import atomic_write
from corpus_tools.io.encoding import Decoded, DecodeError, decode_bytes
from corpus_tools.io.loading import (
    ACCEPTED_FORMATS,
    CorpusLoadWarning,
    CorpusNotFoundError,
    EmptyCorpusError,
    FieldNames,
    load_corpus,
    load_summary,
    parse_txt_article,
)
from corpus_tools.io.metadata import (
    METADATA_FILES,
    MetadataError,
    attach_folder_metadata,
    attach_metadata,
    find_metadata,
    read_metadata,
)
from corpus_tools.io.outputs import OutputFolder, SavedTable, save_figure, save_table, save_table_pieces, table_to_csv
from corpus_tools.io.paths import default_corpus
from corpus_tools.io.writing import article_to_record, save_jsonl

__all__ = [
    "ACCEPTED_FORMATS",
    "CorpusLoadWarning",
    "CorpusNotFoundError",
    "DecodeError",
    "Decoded",
    "EmptyCorpusError",
    "FieldNames",
    "METADATA_FILES",
    "MetadataError",
    "OutputFolder",
    "SavedTable",
    "article_to_record",
    "attach_folder_metadata",
    "attach_metadata",
    "atomic_write",
    "decode_bytes",
    "default_corpus",
    "find_metadata",
    "load_corpus",
    "load_summary",
    "parse_txt_article",
    "read_metadata",
    "save_figure",
    "save_jsonl",
    "save_table",
    "save_table_pieces",
    "table_to_csv",
]
