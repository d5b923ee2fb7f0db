"""Speaker rules of rules13, each on short text written for these tests (invented people and places).

The kinds come from the twelfth held-out set's errors (tests/data/structure/heldout12/README.md, a
development set since): a novel's long untagged two-person exchange opened by an attributed turn at the end
of a narration paragraph, ...
"""

from __future__ import annotations

from corpus_tools import Article
from corpus_tools.structure import find_quotations
from corpus_tools.structure.dialogue import alternate_backwards


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_name for q in find_quotations(Article.from_text(text, id="t"))]


# -- fiction: an untagged exchange after an attributed opening turn -----------------------------------------------

_EXCHANGE = (
    "Chapter 4\n\n"
    "They met at the orchard gate; and as Harriet had come a full hour before her cousin, her first "
    'greeting was, "Where have you been all morning? I have counted every apple twice!"\n\n'
    '"Have you really? I am sorry; the carrier was late."\n\n'
    '"Late! He is always late. But come, sit by me and tell me everything."\n\n'
    '"There is nothing to tell, I promise you."\n\n'
    '"Nothing! Then I shall tell you something instead."\n\n'
    '"Oh, do not tease me," cried Rosalind, laughing.'
)


def test_an_untagged_exchange_alternates_back_to_the_attributed_opening_turn():
    assert _speakers(_EXCHANGE) == ["Harriet", "Rosalind", "Harriet", "Rosalind", "Harriet", "Rosalind"]


def test_the_opening_turn_on_the_wrong_side_of_the_alternation_stops_it():
    # one untagged turn fewer: the opening turn would have to be the tagged person's own, so the parity does
    # not fit and nothing is guessed
    text = _EXCHANGE.replace('"There is nothing to tell, I promise you."\n\n', "")
    assert _speakers(text)[1:4] == [None, None, None]
    opening = (0, False, "Ann", "narration SPEAKER ..., quote (the sentence introduces it)")
    three = [
        opening,
        (1, True, None, None),
        (2, True, None, None),
        (3, True, None, None),
        (4, True, "Bo", "quote, VERB SPEAKER"),
    ]
    assert [t and t[0] for t in alternate_backwards(three)] == [None, None, None, None, None]
    two = [opening, (1, True, None, None), (2, True, None, None), (3, True, "Bo", "quote, VERB SPEAKER")]
    assert [t and t[0] for t in alternate_backwards(two)] == [None, "Bo", "Ann", None]


def test_a_stretch_ending_in_a_turn_taking_guess_is_not_alternated():
    # the anchor must be a tag's speaker, not another turn-taking rule's
    turns = [
        (0, False, "Ann", "narration SPEAKER ..., quote (the sentence introduces it)"),
        (1, True, None, None),
        (2, True, "Bo", "turn-taking: the speaker before the previous one"),
    ]
    assert alternate_backwards(turns) == [None, None, None]
