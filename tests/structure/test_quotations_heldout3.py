"""The third held-out set's scores (tests/data/structure/heldout3/README.md), pinned as first measured.

The set was annotated and committed before any rule was run on it, while the rules were being
changed after the second set's error kinds, and measured once afterwards (rules of commit e8cf7f7):
these are the figures of the rules on text they never saw.  A rule change that lowers them fails
here; one that raises them fails too, so that the README's table is updated and says whether the
change was made by looking at this set (then its figures are no longer unseen-text figures).

After rules3 (README: rules written for the error kinds its README lists, on new examples of our own; the
set's texts, annotations and per-item errors were not opened): roles 221/255, speakers 53/68, attribution
56/69.  After rules4 (tuned on this set's own errors: it is now a development set, see its README) the
figures below; the first-run and rules3 figures are kept in the comments.
"""

from __future__ import annotations

import pytest
from structure_sets import bench_structure


@pytest.fixture(scope="module")
def scores():
    bench = bench_structure()
    return bench.score(bench.HELDOUT3)


def test_heldout3_is_the_annotated_set(scores):
    s, _ = scores
    news = s["news"]
    assert (news["articles"], news["blocks"], news["quotations"], news["speakers"]) == (13, 255, 71, 70)


def test_heldout3_block_roles(scores):
    s, errors = scores
    # first run (rules of e8cf7f7): 183 of 255, 72 errors (README: error kinds; mostly web furniture and time lines)
    # after rules3: 221 of 255, 34 errors; after rules4 (tuned on its errors): see below
    assert s["news"]["role_accuracy"] == pytest.approx(255 / 255)
    assert len([e for e in errors if e.startswith("role")]) == 0


def test_heldout3_quotations(scores):
    s, _ = scores
    assert s["news"]["quote_precision"] == 1.0
    assert s["news"]["quote_recall"] == 1.0  # 69 / 71 before rules15


def test_heldout3_speakers(scores):
    s, _ = scores
    # first run: 51 of 68, attribution 58 of 69 (0.8405797101449275); after rules3: 53 of 68, attribution 56 of 69
    # (why attribution fell was not looked up: that means reading the set's errors.  One candidate: a month or a
    # possessive place alone is now refused as a speaker, which leaves such a quotation with none; rules4 found
    # it was "June said", June Tate's given name refused as a month).  After rules4 (tuned on its errors):
    assert s["news"]["speaker_accuracy"] == pytest.approx(70 / 70)
    assert s["news"]["attribution_rate"] == pytest.approx(70 / 71)  # the one left: a scare quote ("so-called")
