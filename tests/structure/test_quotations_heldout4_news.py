"""The fourth held-out set's NEWS scores (tests/data/structure/heldout4/README.md), pinned as measured.

No rule was written after reading these 15 articles' errors: they were measured blind once (rules of
commit 63a30e9), and again after rules4 (written on the first three held-out sets' errors, without
opening this set) was merged: both are figures of rules on text they never saw.  A change that moves
them fails here, so that the README's figures are updated with it and say whether the change was made
by looking at this set (its figures would then no longer be unseen-text figures).

First measured (blind, 63a30e9): roles 197 of 228 (0.864), quotations precision 1.0 and recall 99 of 100,
speakers 62 of 97 (0.639), attribution 87 of 99 (0.879).  rules7 (tuned on the sixth held-out set's
errors; this set's errors were not read for it) moved speakers from 69 to 71 of 97 and attribution from
91 to 93 of 99.  rules8 (tuned on the seventh held-out set's errors; this set's errors were not read for it)
moved roles from 201 to 202 of 228 (an explainer's question subheading), speakers from 71 to 72 of 97 and
attribution from 93 to 94 of 99 (a pronoun after a fronted time phrase before a partial quote).
"""

from __future__ import annotations

import pytest
from structure_sets import bench_structure


@pytest.fixture(scope="module")
def news():
    bench = bench_structure()
    scores, _ = bench.score(bench.DATA / "heldout4")
    return scores["news"]


def test_heldout4_news_is_the_annotated_set(news):
    assert (news["articles"], news["blocks"], news["quotations"], news["speakers"]) == (15, 228, 100, 98)


def test_heldout4_news_scores_after_rules4(news):
    # 201 before rules8, 202 before rules9, 204 before rules10, 210 before rules13, 212 before rules14
    assert news["role_accuracy"] == pytest.approx(213 / 228)
    assert (news["quote_precision"], news["quote_recall"]) == (1.0, 1.0)  # 99 / 100 before rules15
    # 68 / 97 before rules6, 69 / 97 before rules7, 71 / 97 before rules8, 72 / 97 before rules10
    # 75 / 97 before rules15; 73 / 97 before rules11, 74 before rules14
    assert news["speaker_accuracy"] == pytest.approx(76 / 98)
    # 94 / 99 before rules15; 91 / 99 before rules7, 93 / 99 before rules8
    assert news["attribution_rate"] == pytest.approx(95 / 100)
