"""Tokenising: Treebank words and Punkt sentences (exact and fast paths), stopwords, the token table and its cache."""

from corpus_tools.tokens.cache import (
    RAW_TOKEN_OPTIONS,
    cached_token_table,
    corpus_token_table,
    fast_token_table,
    renormalized_table,
    token_cache_key,
    tokenizer_fingerprint,
)
from corpus_tools.tokens.fast import (
    Agreement,
    FastTokenizer,
    fast_sentences,
    fast_token_counts,
    fast_word_tokenize,
    token_agreement,
)
from corpus_tools.tokens.stopwords import STOPWORD_SOURCES, get_stopwords, is_stopword
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import (
    MAX_PIECE_CHARS,
    NEWS_ABBREVIATIONS,
    SentenceSplitter,
    Token,
    TokenOptions,
    is_word,
    iter_tokens,
    normalize_apostrophes,
    split_sentences,
    token_table,
    word_spans,
    word_tokenize,
)

__all__ = [
    "Agreement",
    "FastTokenizer",
    "MAX_PIECE_CHARS",
    "NEWS_ABBREVIATIONS",
    "RAW_TOKEN_OPTIONS",
    "STOPWORD_SOURCES",
    "SentenceSplitter",
    "Token",
    "TokenOptions",
    "as_token_table",
    "cached_token_table",
    "corpus_token_table",
    "fast_sentences",
    "fast_token_counts",
    "fast_token_table",
    "fast_word_tokenize",
    "get_stopwords",
    "is_stopword",
    "is_word",
    "iter_tokens",
    "normalize_apostrophes",
    "renormalized_table",
    "split_sentences",
    "token_agreement",
    "token_cache_key",
    "token_table",
    "tokenizer_fingerprint",
    "word_spans",
    "word_tokenize",
]
