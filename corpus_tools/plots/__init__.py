"""Figures (matplotlib) drawn from the tables of :mod:`corpus_tools.stats` and :mod:`corpus_tools.structure`."""

from corpus_tools.plots.concordance import plot_concordance
from corpus_tools.plots.keyness import KEYNESS_COLORS, plot_keyness
from corpus_tools.plots.structure import plot_lexical_dispersion, plot_section_profile
from corpus_tools.plots.trends import plot_trends
from corpus_tools.plots.words import (
    heatmap_selection_table,
    plot_block_lengths,
    plot_collocations,
    plot_corpus_structure,
    plot_corpus_structure_counts,
    plot_distinctive_heatmap,
    plot_document_lengths,
    plot_rank_frequency,
    plot_sections,
    plot_sentence_length_counts,
    plot_sentence_lengths,
    plot_term_article_heatmap,
    plot_top_terms,
)

__all__ = [
    "KEYNESS_COLORS",
    "heatmap_selection_table",
    "plot_block_lengths",
    "plot_collocations",
    "plot_concordance",
    "plot_corpus_structure",
    "plot_corpus_structure_counts",
    "plot_distinctive_heatmap",
    "plot_document_lengths",
    "plot_keyness",
    "plot_lexical_dispersion",
    "plot_section_profile",
    "plot_rank_frequency",
    "plot_sections",
    "plot_sentence_length_counts",
    "plot_sentence_lengths",
    "plot_term_article_heatmap",
    "plot_top_terms",
    "plot_trends",
]
