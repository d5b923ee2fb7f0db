"""The fifth held-out set's scores (tests/data/structure/heldout5/README.md), pinned as first measured.

Annotated and committed (527a387) before any rule was run on it, while rules4 and the fiction dialogue
rules were written on the other sets; measured once, after both were merged into main.  These are the
figures of the final rules on text they never saw (news and fiction).  A change that moves them fails
here, so that the README's figures are updated with it and say whether the change was made by looking
at this set (its figures would then no longer be unseen-text figures).  rules8 (tuned on the seventh held-out
set's errors, not this set's) moved news roles from 248 to 249 of 282 (an explainer's question subheading).
rules9 reads the sets' files through the loader's header parsing: the " date YYYY-MM-DD " header is no longer
in front of the first paragraph, so a release's lead subject is found for "the company" (speakers 92 to 93).
"""

from __future__ import annotations

import pytest
from structure_sets import bench_structure


@pytest.fixture(scope="module")
def scores():
    bench = bench_structure()
    return bench.score(bench.DATA / "heldout5")[0]


def test_heldout5_is_the_annotated_set(scores):
    news, books = scores["news"], scores["books"]
    assert (news["articles"], news["blocks"], news["quotations"], news["speakers"]) == (17, 282, 116, 114)
    assert (books["articles"], books["blocks"], books["quotations"], books["speakers"]) == (2, 50, 54, 54)


def test_heldout5_news(scores):
    news = scores["news"]
    assert news["role_accuracy"] == pytest.approx(252 / 282)  # 246 blind; 248, 249, 250 before rules8, 10, 11
    assert (news["quote_precision"], news["quote_recall"]) == (1.0, 1.0)  # 114 / 116 before rules15
    # 75 / 112 measured blind; rules6 tuned on it (92); 93 since the files are read through the loader (rules9);
    # 94 after rules9's "Name of the Body said" without a comma, 95 after its "Chief Executive Dr. Name" (rules9
    # was tuned on heldout8, not on this set)
    assert news["speaker_accuracy"] == pytest.approx(100 / 114)  # 97 / 112 before rules15; 95 / 112 before rules13
    # 100 / 114 measured blind, 107 before rules9, 108 before rules13
    assert news["attribution_rate"] == pytest.approx(112 / 116)  # 110 / 114 before rules15


def test_heldout5_books(scores):
    books = scores["books"]
    assert books["role_accuracy"] == pytest.approx(48 / 50)
    assert (books["quote_precision"], books["quote_recall"]) == (1.0, 1.0)
    assert books["speaker_accuracy"] == pytest.approx(28 / 54)
    assert books["attribution_rate"] == pytest.approx(43 / 54)
