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
from corpus_tools.cache import (
    RAW_TOKEN_OPTIONS,
    cached_tokens,
    corpus_tokens,
    fast_tokens,
    renormalize,
    token_cache_key,
)
from corpus_tools.collocations import collocates, collocations, score_ngrams
from corpus_tools.concordance import format_kwic, kwic
from corpus_tools.corpus import Article, Block, Corpus, LoadProblem
from corpus_tools.counts import NgramCounts, count_ngrams, counts_by_article
from corpus_tools.dates import parse_date
from corpus_tools.dispersion import DISPERSION_COLUMNS, dispersion_measures, dispersion_table
from corpus_tools.diversity import ZipfFit, lexical_diversity, mattr, mtld, zipf_fit
from corpus_tools.encoding import decode_bytes
from corpus_tools.fasttokenize import FastTokenizer, fast_token_counts, fast_word_tokenize, token_agreement
from corpus_tools.frequency import frequency_table, ngram_table, ngrams, smooth_idf
from corpus_tools.headings import (
    HEADING_KINDS,
    MIN_CLAUSE_WORDS,
    HeadingSignals,
    classify_headings,
    content_stems,
)
from corpus_tools.keyness import dated, keyness
from corpus_tools.loading import (
    ACCEPTED_FORMATS,
    CorpusLoadWarning,
    CorpusNotFoundError,
    EmptyCorpusError,
    load_corpus,
    load_summary,
    parse_txt_article,
)
from corpus_tools.parallel import count_corpus
from corpus_tools.plots_structure import (
    plot_lexical_dispersion,
    plot_section_profile,
)
from corpus_tools.quotations import (
    QUOTATION_COLUMNS,
    Quotation,
    find_quotations,
    quotation_summary,
    quotation_table,
    quoted_word_mask,
    speaker_table,
)
from corpus_tools.speakers import (
    REPORTING_VERBS,
    TITLES,
    attribute_speaker,
    resolve_speaker,
    speaker_candidates,
    speaker_kind,
)
from corpus_tools.stopwords import STOPWORD_SOURCES, get_stopwords
from corpus_tools.streaming import CorpusCounts, CountSpec, count_articles, count_files
from corpus_tools.structure import (
    HEADING_COLUMNS,
    SECTION_COLUMNS,
    Section,
    heading_table,
    section_table,
    section_terms,
    sections,
)
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
    "CorpusCounts",
    "CorpusLoadWarning",
    "CorpusNotFoundError",
    "CountSpec",
    "DISPERSION_COLUMNS",
    "EmptyCorpusError",
    "FastTokenizer",
    "HEADING_COLUMNS",
    "HEADING_KINDS",
    "HeadingSignals",
    "LoadProblem",
    "MIN_CLAUSE_WORDS",
    "NEWS_ABBREVIATIONS",
    "NgramCounts",
    "QUOTATION_COLUMNS",
    "Quotation",
    "RAW_TOKEN_OPTIONS",
    "REPORTING_VERBS",
    "SECTION_COLUMNS",
    "STOPWORD_SOURCES",
    "Section",
    "SentenceSplitter",
    "TITLES",
    "Token",
    "TokenOptions",
    "ZipfFit",
    "__version__",
    "article_to_record",
    "attribute_speaker",
    "cached_tokens",
    "classify_headings",
    "collocates",
    "collocations",
    "content_stems",
    "corpus_tokens",
    "count_articles",
    "count_corpus",
    "count_files",
    "count_ngrams",
    "counts_by_article",
    "dated",
    "decode_bytes",
    "dispersion_measures",
    "dispersion_table",
    "fast_token_counts",
    "fast_tokens",
    "fast_word_tokenize",
    "find_quotations",
    "format_kwic",
    "frequency_table",
    "get_stopwords",
    "heading_table",
    "is_heading",
    "is_word",
    "iter_tokens",
    "keyness",
    "kwic",
    "lexical_diversity",
    "load_corpus",
    "load_summary",
    "mattr",
    "mtld",
    "ngram_table",
    "ngrams",
    "normalize_apostrophes",
    "parse_date",
    "parse_txt_article",
    "plot_lexical_dispersion",
    "plot_section_profile",
    "quotation_summary",
    "quotation_table",
    "quoted_word_mask",
    "renormalize",
    "resolve_speaker",
    "save_jsonl",
    "score_ngrams",
    "section_table",
    "section_terms",
    "sections",
    "smooth_idf",
    "speaker_candidates",
    "speaker_kind",
    "speaker_table",
    "split_blocks",
    "split_sentences",
    "token_agreement",
    "token_cache_key",
    "tokens",
    "word_spans",
    "word_tokenize",
    "zipf_fit",
]
