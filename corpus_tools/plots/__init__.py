"""Figures (matplotlib) drawn from the tables of :mod:`corpus_tools.stats` and :mod:`corpus_tools.structure`."""

from corpus_tools.plots.structure import plot_lexical_dispersion, plot_section_profile
from corpus_tools.plots.words import (
    heatmap_selection_table,
    plot_block_lengths,
    plot_collocations,
    plot_distinctive_heatmap,
    plot_document_lengths,
    plot_rank_frequency,
    plot_sections,
    plot_sentence_lengths,
    plot_term_article_heatmap,
    plot_top_terms,
)

__all__ = [
    "heatmap_selection_table",
    "plot_block_lengths",
    "plot_collocations",
    "plot_distinctive_heatmap",
    "plot_document_lengths",
    "plot_lexical_dispersion",
    "plot_section_profile",
    "plot_rank_frequency",
    "plot_sections",
    "plot_sentence_lengths",
    "plot_term_article_heatmap",
    "plot_top_terms",
]
