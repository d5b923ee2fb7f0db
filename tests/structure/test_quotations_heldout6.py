"""The sixth held-out set's scores (tests/data/structure/heldout6/README.md): a DEVELOPMENT set now.

Written and annotated (3acd544) by someone who read no rule and ran none on it, while the rules6 changes
were made on the other sets; measured once, blind, after rules6 was merged: news roles 229/267 (0.858),
quotations precision 1.0 and recall 112/114, speakers 67/111 (0.604), attribution 104/112; books roles
1.0, speakers 28/41 (0.683).  Those are the unseen-text figures.  rules7 then read this set's errors and
was tuned on them (general rules, each pinned on texts of our own in test_roles_general.py,
test_speakers_general.py and test_dialogue.py), so the figures pinned below are development figures,
no longer figures of text the rules never saw.  A change that moves them fails here, so that the README's
figures are updated with it.  rules8 (tuned on the seventh held-out set's errors) moved news speakers from 91
to 92 of 111 (a role and a full name opening the sentence before "he said").
"""

from __future__ import annotations

import pytest
from structure_sets import bench_structure


@pytest.fixture(scope="module")
def scores():
    bench = bench_structure()
    return bench.score(bench.DATA / "heldout6")[0]


def test_heldout6_is_the_annotated_set(scores):
    news, books = scores["news"], scores["books"]
    assert (news["articles"], news["blocks"], news["quotations"], news["speakers"]) == (18, 267, 114, 113)
    assert (books["articles"], books["blocks"], books["quotations"], books["speakers"]) == (2, 41, 41, 41)


def test_heldout6_news(scores):
    news = scores["news"]
    assert news["role_accuracy"] == pytest.approx(258 / 267)  # 229 / 267 blind
    assert (news["quote_precision"], news["quote_recall"]) == (1.0, 1.0)  # 112 / 114 before rules15
    # 93 / 111 before rules15; 67 / 111 blind; 91, 92 before rules8, 11
    assert news["speaker_accuracy"] == pytest.approx(95 / 113)
    assert news["attribution_rate"] == pytest.approx(110 / 114)  # 108 / 112 before rules15; 104 / 112 blind


def test_heldout6_books(scores):
    books = scores["books"]
    assert books["role_accuracy"] == 1.0
    assert (books["quote_precision"], books["quote_recall"]) == (1.0, 1.0)
    assert books["speaker_accuracy"] == pytest.approx(29 / 41)  # 28 / 41 blind
    assert books["attribution_rate"] == 1.0
