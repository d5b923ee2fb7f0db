"""The eighth held-out set's scores (tests/data/structure/heldout8/README.md): measured once blind, then tuned on.

Written and annotated (2fb53a9) by someone who read no rule and ran none on it, while rules8 was tuned on
the seventh set's errors; measured once, blind, on the merged rules8 code (integration 91c9954) and pinned
here without anyone reading its errors.  rules9 then read its errors and was tuned on them: the figures
pinned below are development figures (the blind ones are in the comments); heldout9 is the blind set now.
A change that moves them fails here, so that the README's figures are updated with it.
"""

from __future__ import annotations

import pytest
from structure_sets import bench_structure


@pytest.fixture(scope="module")
def scores():
    bench = bench_structure()
    return bench.score(bench.DATA / "heldout8")[0]


def test_heldout8_is_the_annotated_set(scores):
    news, books = scores["news"], scores["books"]
    assert (news["articles"], news["blocks"], news["quotations"], news["speakers"]) == (20, 293, 152, 148)
    assert (books["articles"], books["blocks"], books["quotations"], books["speakers"]) == (2, 63, 64, 64)


def test_heldout8_news(scores):
    news = scores["news"]
    assert news["role_accuracy"] == pytest.approx(287 / 293)  # 248 / 293 measured blind
    assert (news["quote_precision"], news["quote_recall"]) == (1.0, 1.0)  # 150 / 152 before rules15
    assert news["speaker_accuracy"] == pytest.approx(133 / 148)  # 131 / 146 before rules15; 97 / 146 measured blind
    assert news["attribution_rate"] == pytest.approx(146 / 152)  # 144 / 150 before rules15; 134 / 150 measured blind


def test_heldout8_books(scores):
    books = scores["books"]
    assert books["role_accuracy"] == 1.0
    assert (books["quote_precision"], books["quote_recall"]) == (1.0, 1.0)
    assert books["speaker_accuracy"] == pytest.approx(51 / 64)
    assert books["attribution_rate"] == 1.0
