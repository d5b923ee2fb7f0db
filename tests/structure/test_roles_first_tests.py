"""The cheap first tests in front of costly block-role patterns decide nothing: the pattern's answer is the same.

``roles._caption`` runs ``_CAPTION`` only on blocks with something every alternative of it needs, and
``table_row`` stops at a block's second function word (a sentence).  Checked on one block made for each
alternative of ``_CAPTION`` (each must get through the first test and match), and on every block of the
annotated structure sets and the seed, whose roles and signals must be the pattern's own.
"""

from __future__ import annotations

import pytest
from structure_sets import annotated_blocks

from corpus_tools.structure import roles as R

ONE_PER_ALTERNATIVE = [
    "Open this photo in gallery: The pier at dawn.",
    "FILE - Dockers march through the port in 2019.",
    "Workers inspect the deck (Photo courtesy of the county)",
    "Photographs by Ana Ruiz",
    "Archive image of the old mill",
    "The mayor speaks on Friday. Jo Park/Valley News",
    "The square fills on Tuesday. (Valley News: Jo Park)",
    "The square fills on Tuesday. (Jo Park/Valley News)",
    "Pictured: the new ward",
    "Main image: the lake",
    "Image caption: A crowd waits",
    "Credit: Lee Wong",
    "The rescued dog. Photo: Sam Reyes",
    "A soldier stands guard. AFP Photo/Lee Ho",
    "Ships at anchor. REUTERS/Dana Kim",
    "Flood water in the square /Getty Images",
    "Getty Images",
    "A fan cheers on Sunday. GETTY IMAGES",
    "Rescuers at work | Photo by Ann Lee",
    "Image 2 of 9: the harbour",
    "▲ The bridge after the storm",
    "The new ferry. Source: Supplied",
]


@pytest.mark.parametrize("text", ONE_PER_ALTERNATIVE)
def test_every_caption_alternative_gets_through_the_first_test(text):
    assert R._match(R._CAPTION, text), text  # the block is one of _CAPTION's
    assert R._caption(text) == R._match(R._CAPTION, text)


def _table_row_in_full(text: str) -> bool:
    """table_row without its early stop: the rule as written before the first test."""
    words = R._DATE_IN_TEXT.sub("date", text).split()
    cells = sum(R._CELL.match(w) is not None for w in words)
    function = sum(w.lower() in R._FUNCTION_WORDS for w in words)
    return len(words) <= 60 and cells >= 2 and 3 * cells >= len(words) and function < 2


def test_first_tests_agree_with_the_patterns_on_every_annotated_block():
    blocks = annotated_blocks()
    assert len(blocks) > 2000
    assert [R._caption(b) for b in blocks] == [R._match(R._CAPTION, b) for b in blocks]
    assert [R.table_row(b) for b in blocks] == [_table_row_in_full(b) for b in blocks]
    assert sum(bool(R._caption(b)) for b in blocks) > 20 and sum(R.table_row(b) for b in blocks) > 5

