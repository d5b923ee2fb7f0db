"""The seventh held-out set's scores (tests/data/structure/heldout7/README.md): a DEVELOPMENT set now.

Written and annotated (da09572) by someone who read no rule and ran none on it, while the rules7 changes
were made on the sixth set's errors; measured once, blind, after rules7 was merged (a4957e5): news roles
238/298 (0.799), quotations precision 1.0 and recall 160/163, speakers 82/154 (0.532), attribution 140/160;
books roles 1.0, recall 56/57, speakers 32/56 (0.571), attribution 35/56.  Those are the unseen-text
figures.  rules8 then read this set's errors and was tuned on them (general rules, each pinned on texts of
our own in test_roles_web_furniture.py, test_speakers_descriptions.py and test_speakers_antecedents.py), so
the figures pinned below are development figures, no longer figures of text the rules never saw.  A change
that moves them fails here, so that the README's figures are updated with it.
"""

from __future__ import annotations

import pytest
from structure_sets import bench_structure


@pytest.fixture(scope="module")
def scores():
    bench = bench_structure()
    return bench.score(bench.DATA / "heldout7")[0]


def test_heldout7_is_the_annotated_set(scores):
    news, books = scores["news"], scores["books"]
    assert (news["articles"], news["blocks"], news["quotations"], news["speakers"]) == (18, 298, 163, 157)
    assert (books["articles"], books["blocks"], books["quotations"], books["speakers"]) == (2, 59, 57, 56)


def test_heldout7_news(scores):
    news = scores["news"]
    assert news["role_accuracy"] == pytest.approx(280 / 298)  # 238 / 298 blind, 279 after rules8
    assert (news["quote_precision"], news["quote_recall"]) == (1.0, 1.0)  # 160 / 163 before rules15
    # 82 / 154 blind, 125 after rules8; rules9 (tuned on heldout8): a described subject over a relative clause
    # 127 / 154 before rules15; 127: and a participle clause subject
    assert news["speaker_accuracy"] == pytest.approx(130 / 157)
    # 147 / 160 before rules15; 140 / 160 blind, 146 after rules8
    assert news["attribution_rate"] == pytest.approx(150 / 163)


def test_heldout7_books(scores):
    books = scores["books"]
    assert books["role_accuracy"] == 1.0
    assert (books["quote_precision"], books["quote_recall"]) == (1.0, pytest.approx(56 / 57))
    assert books["speaker_accuracy"] == pytest.approx(32 / 56)  # unchanged by rules8
    assert books["attribution_rate"] == pytest.approx(35 / 56)
