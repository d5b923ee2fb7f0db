"""Article structure: headings and sections, quotations and their speakers."""

from corpus_tools.structure.headings import HEADING_KINDS, HeadingSignals, classify_headings
from corpus_tools.structure.quotations import (
    QUOTATION_COLUMNS,
    QUOTE_MARKS,
    Quotation,
    find_quotations,
    quotation_summary_table,
    quotation_table,
    quoted_word_mask,
    speaker_table,
)
from corpus_tools.structure.sections import (
    HEADING_COLUMNS,
    SECTION_COLUMNS,
    Section,
    block_table,
    heading_table,
    section_table,
    section_term_table,
    sections,
    sentence_table,
)

__all__ = [
    "HEADING_COLUMNS",
    "HEADING_KINDS",
    "HeadingSignals",
    "QUOTATION_COLUMNS",
    "QUOTE_MARKS",
    "Quotation",
    "SECTION_COLUMNS",
    "Section",
    "block_table",
    "classify_headings",
    "find_quotations",
    "heading_table",
    "quotation_summary_table",
    "quotation_table",
    "quoted_word_mask",
    "section_table",
    "section_term_table",
    "sections",
    "sentence_table",
    "speaker_table",
]
