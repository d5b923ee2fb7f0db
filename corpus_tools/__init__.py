"""corpus-tools: reproducible corpus analysis of news articles.

The data path is files -> :class:`Article` s (:func:`load_corpus`) -> tokens
(:func:`tokens`) -> statistics (:func:`frequency_table`, :func:`ngram_table`,
:func:`lexical_diversity`...) -> tables and figures.

Examples
--------
>>> import corpus_tools as ct
>>> corpus = ct.Corpus.from_texts(["Xi’s visit ended. Xi left Moscow."])
>>> ct.frequency_table(corpus, stopwords="english")[["term", "count"]].values.tolist()[0]
['xi', 2]
"""

from corpus_tools.blocks import is_heading, split_blocks
from corpus_tools.corpus import Article, Block, Corpus, LoadProblem
from corpus_tools.dates import parse_date
from corpus_tools.diversity import ZipfFit, lexical_diversity, mattr, mtld, zipf_fit
from corpus_tools.encoding import decode_bytes
from corpus_tools.frequency import frequency_table, ngram_table, ngrams, smooth_idf
from corpus_tools.loading import (
    ACCEPTED_FORMATS,
    CorpusLoadWarning,
    CorpusNotFoundError,
    EmptyCorpusError,
    load_corpus,
    parse_txt_article,
)
from corpus_tools.stopwords import STOPWORD_SOURCES, get_stopwords
from corpus_tools.tokenize import (
    NEWS_ABBREVIATIONS,
    SentenceSplitter,
    Token,
    TokenOptions,
    is_word,
    iter_tokens,
    normalize_apostrophes,
    split_sentences,
    tokens,
    word_spans,
    word_tokenize,
)
from corpus_tools.writing import article_to_record, save_jsonl

__version__ = "0.1.0"

__all__ = [
    "ACCEPTED_FORMATS",
    "Article",
    "Block",
    "Corpus",
    "CorpusLoadWarning",
    "CorpusNotFoundError",
    "EmptyCorpusError",
    "LoadProblem",
    "NEWS_ABBREVIATIONS",
    "STOPWORD_SOURCES",
    "SentenceSplitter",
    "Token",
    "TokenOptions",
    "ZipfFit",
    "__version__",
    "article_to_record",
    "decode_bytes",
    "frequency_table",
    "get_stopwords",
    "is_heading",
    "is_word",
    "iter_tokens",
    "lexical_diversity",
    "load_corpus",
    "mattr",
    "mtld",
    "ngram_table",
    "ngrams",
    "normalize_apostrophes",
    "parse_date",
    "parse_txt_article",
    "save_jsonl",
    "smooth_idf",
    "split_blocks",
    "split_sentences",
    "tokens",
    "word_spans",
    "word_tokenize",
    "zipf_fit",
]
