"""speaker_candidates' cheap first test decides nothing: the subject patterns only match blocks that pass it.

The three subject patterns end in a reporting verb after white space, a whole word: a block none of whose
words is a reporting verb is skipped.  Checked on every block of the annotated structure sets and the seed.
"""

from __future__ import annotations

from structure_sets import annotated_blocks

from corpus_tools.structure import speakers as S


def test_speaker_subject_patterns_only_match_blocks_with_a_reporting_verb_word():
    assert all(S._WORD.fullmatch(v) for v in S.REPORTING_VERBS)
    blocks = annotated_blocks()
    matched = [b for b in blocks if any(rx.search(b) for rx in (
        S._SPEECH_SUBJECT, S._SPEECH_SUBJECT_OF, S._SPEECH_SUBJECT_CLAUSE))]
    assert len(matched) > 200
    assert all(not S.REPORTING_VERBS.isdisjoint(S._WORD.findall(b)) for b in matched)
    # and "according to" in a block is what _ACCORDING_NAME needs
    assert all("ccording to" in b for b in blocks if S._ACCORDING_NAME.search(b))
