"""The minimum count that scales with the corpus: the rule's values at hand-picked sizes, and its table."""

from __future__ import annotations

import math

import pytest

from corpus_tools import stats
from corpus_tools.io.outputs import table_to_csv


@pytest.mark.parametrize(("n_tokens", "expected"), [
    (0, 2), (1, 2), (999_999, 2), (1_000_000, 2), (2_000_000, 2),   # the floor (quanteda's 2) below 2 million
    (2_000_001, 3), (1_867_784, 2),                                  # the 10 MB news corpus: 1.87 million tokens
    (18_675_810, 19), (56_000_000, 56), (10**9, 1000),               # 100 MB; 300 MB; 1 GB: 1 per million
])
def test_default_min_count_at_hand_picked_sizes(n_tokens, expected):
    assert stats.default_min_count(n_tokens) == expected
    assert expected == max(2, math.ceil(n_tokens / 10**6))  # the rule as documented, recomputed


def test_default_min_count_other_rates_are_exact_and_inputs_are_checked():
    assert stats.default_min_count(3_000_000, per_million=0.1) == 2  # 0.3 rounded up is 1: the floor
    assert stats.default_min_count(30_000_000, per_million=0.1) == 3  # exactly 3, never 3.0000000000000004 -> 4
    assert stats.default_min_count(10**6, per_million=5, floor=1) == 5
    for bad in (-1, 2.5, True, "10"):
        with pytest.raises(ValueError, match="n_tokens must be an integer >= 0"):
            stats.default_min_count(bad)
    with pytest.raises(ValueError, match="floor must be an integer >= 1"):
        stats.default_min_count(10, floor=0)


def test_min_count_table_says_what_was_used_and_why():
    table = stats.min_count_table(18_675_810, {"min_count": None, "collocate_min_count": 5})
    assert table_to_csv(table) == (
        "parameter,given,used,tokens,rule\n"
        "min_count,,19,18675810,\"max(2, 1 per million tokens, rounded up)\"\n"
        "collocate_min_count,5,5,18675810,given\n")
    assert table["used"].tolist() == [19, 5] and all(isinstance(v, int) for v in table["used"].tolist())
