"""score_marginals: the shared computation gives NLTK's floats exactly, NaN where a measure is undefined."""

from __future__ import annotations

import itertools
import math
import random

from corpus_tools.stats.measures import BIGRAM_MEASURES, TRIGRAM_MEASURES, score_marginals


def _one_by_one(table, names, marginals):
    out = []
    for m in names:
        try:
            out.append(table[m](*marginals))
        except (ValueError, ZeroDivisionError):
            out.append(math.nan)
    return out


def _same(a, b):
    return all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True))


def test_trigram_scores_equal_nltk_float_for_float():
    rng = random.Random(7)
    names = list(TRIGRAM_MEASURES)
    cases = [(1, (1, 1, 1), (1, 73, 1), 2000), (2.0, (3, 2, 4), (5, 6, 7), 50), (3, (3, 3, 3), (3, 3, 3), 3)]
    for _ in range(2000):
        n_all = rng.randint(3, 10**7)
        uni = tuple(rng.randint(1, max(1, n_all // rng.randint(1, 50))) for _ in range(3))
        pairs = tuple(rng.randint(1, min(uni)) for _ in range(3))
        count = float(rng.randint(1, min(pairs)))  # the table scores count / 1
        cases.append((count, pairs, uni, n_all))
    for marginals in cases:
        assert _same(score_marginals(3, names, marginals), _one_by_one(TRIGRAM_MEASURES, names, marginals)), marginals


def test_bigram_scores_equal_nltk_float_for_float_including_window_scaled_and_undefined():
    names = list(BIGRAM_MEASURES)
    # "war war war" with a window: the "neither" cell is negative and NLTK's G2 raises (NaN here)
    cases = [(2, (3, 3), 8), (4 / 3, (3, 3), 3), (1, (1, 1), 2)]
    cases += [(n_ii / 2, (a, b), n) for n_ii, a, b, n in itertools.product((1, 2, 5), (5, 40), (5, 17), (60, 10**6))]
    for marginals in cases:
        assert _same(score_marginals(2, names, marginals), _one_by_one(BIGRAM_MEASURES, names, marginals)), marginals
    assert math.isnan(score_marginals(2, ["g2", "g2_p"], (4 / 3, (3, 3), 3))[1])
