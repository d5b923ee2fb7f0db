"""The data model: blocks, articles, corpora and load problems (the bottom layer; imports no other stage)."""

from corpus_tools.model.blocks import BLOCK_SEPARATOR, Block, is_heading, normalize_newlines, split_blocks
from corpus_tools.model.corpus import Article, Corpus, LoadProblem, as_articles
from corpus_tools.model.dates import parse_date

__all__ = [
    "Article",
    "BLOCK_SEPARATOR",
    "Block",
    "Corpus",
    "LoadProblem",
    "as_articles",
    "is_heading",
    "normalize_newlines",
    "parse_date",
    "split_blocks",
]
