"""The data model: blocks, articles, corpora and load problems (the bottom layer; imports no other stage)."""

from corpus_tools.model.blocks import BLOCK_SEPARATOR, Block, is_heading, normalize_newlines, split_blocks
from corpus_tools.model.corpus import (
    ARTICLE_FIELDS,
    PERIODS,
    Article,
    Corpus,
    LoadProblem,
    as_articles,
    period_label,
)
from corpus_tools.model.dates import parse_date

__all__ = [
    "ARTICLE_FIELDS",
    "Article",
    "BLOCK_SEPARATOR",
    "Block",
    "Corpus",
    "LoadProblem",
    "PERIODS",
    "as_articles",
    "is_heading",
    "normalize_newlines",
    "parse_date",
    "period_label",
    "split_blocks",
]
