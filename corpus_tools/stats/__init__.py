"""Term statistics over a token table: frequencies, n-grams, collocations, keyness, KWIC, groups, trends..."""

from corpus_tools.stats.collocations import (
    DIRECTIONS,
    RYCHLY_MEASURES,
    collocate_table,
    collocation_table,
    ngram_score_table,
)
from corpus_tools.stats.concordance import format_kwic, kwic_queries_table, kwic_table, phrase_hits, query_tokens
from corpus_tools.stats.counts import BOUNDARIES, NgramCounts, count_ngrams, counts_by_article
from corpus_tools.stats.dispersion import (
    DISPERSION_COLUMNS,
    dispersion_measures,
    dispersion_table,
    term_position_table,
    trace_terms,
)
from corpus_tools.stats.diversity import ZipfFit, diversity_table, mattr, mtld, zipf_fit, zipf_table
from corpus_tools.stats.frequency import (
    distinctive_term_table,
    frequency_table,
    ngram_table,
    ngrams,
    ranked_count_table,
    smooth_idf,
    term_article_table,
)
from corpus_tools.stats.groups import group_frequency_table, group_labels, group_ngram_table
from corpus_tools.stats.keyness import PCT_DIFF_ZERO, dated, keyness_scores, keyness_table, keyword_table
from corpus_tools.stats.measures import (
    BIGRAM_MEASURES,
    LOG_RATIO_ZERO,
    MEASURE_ALIASES,
    TRIGRAM_MEASURES,
    chi2_p_value,
    g2_p_value,
    log_dice,
    log_ratio,
    mi3,
    resolve_measure,
)
from corpus_tools.stats.trends import TREND_COLUMNS, period_labels, trend_table

__all__ = [
    "BIGRAM_MEASURES",
    "BOUNDARIES",
    "DIRECTIONS",
    "DISPERSION_COLUMNS",
    "LOG_RATIO_ZERO",
    "MEASURE_ALIASES",
    "NgramCounts",
    "PCT_DIFF_ZERO",
    "RYCHLY_MEASURES",
    "TREND_COLUMNS",
    "TRIGRAM_MEASURES",
    "ZipfFit",
    "chi2_p_value",
    "collocate_table",
    "collocation_table",
    "count_ngrams",
    "counts_by_article",
    "dated",
    "dispersion_measures",
    "dispersion_table",
    "distinctive_term_table",
    "format_kwic",
    "frequency_table",
    "g2_p_value",
    "group_frequency_table",
    "group_labels",
    "group_ngram_table",
    "keyness_table",
    "keyness_scores",
    "keyword_table",
    "kwic_table",
    "kwic_queries_table",
    "diversity_table",
    "log_dice",
    "log_ratio",
    "mattr",
    "mi3",
    "mtld",
    "ngram_table",
    "ngrams",
    "period_labels",
    "phrase_hits",
    "query_tokens",
    "ranked_count_table",
    "resolve_measure",
    "ngram_score_table",
    "smooth_idf",
    "term_article_table",
    "term_position_table",
    "trace_terms",
    "trend_table",
    "zipf_fit",
    "zipf_table",
]
