"""Minimum counts that scale with the corpus: the one rule every report notebook applies when ``min_count`` is None.

Why a floor.  An association score (G², PMI, log ratio) of a pair or word
seen once is an artefact of chance: the sampling error of so low a count
is larger than the count, and PMI in particular ranks such hapax pairs
first.  quanteda's ``textstat_collocations`` keeps pairs seen at least
``min_count = 2`` times by default, and so does this package's collocation
notebook since it exists: the floor is 2, so a small corpus (the seed, a
20-article sample) keeps the tables it had.  Evert (*The Statistics of
Word Cooccurrences*, 2004; "Corpora and collocations", 2008) discusses
stricter thresholds (f ≥ 3, f ≥ 5); give ``min_count`` for those.

Why it grows.  A fixed count means less and less as the corpus grows
(twice in 20 million tokens is rarer than once in 10,000), and the lists
grow with the corpus instead of its vocabulary: at 100 MB tens of
thousands of bigrams seen 3 times crowd out nothing but still cost memory
and rows.  Corpus linguistics states frequency thresholds per million
words for this reason (lexical bundles: 10 to 40 per million, Biber et al.,
*Longman Grammar of Spoken and Written English*, 1999).  The rate here is
1 per million tokens, ten times gentler than those bundles, since the
tables rank by association, not by frequency.

So ``default_min_count(n) = max(2, ceil(n / 1,000,000))``: 2 up to 2 million
tokens (the 1.9 million of 10 MB of news included), 19 at the 18.7 million
tokens of 100 MB, 1,000 at a billion.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

import pandas as pd

__all__ = ["MIN_COUNT_FLOOR", "MIN_COUNT_PER_MILLION", "default_min_count", "min_count_rule", "min_count_table"]

#: The smallest default minimum count (see the module docstring: quanteda's textstat_collocations default).
MIN_COUNT_FLOOR = 2
#: Occurrences per million tokens the default minimum count grows by.
MIN_COUNT_PER_MILLION = 1.0


def default_min_count(n_tokens: int, *, per_million: float = MIN_COUNT_PER_MILLION,
                      floor: int = MIN_COUNT_FLOOR) -> int:
    """The minimum count for a corpus of ``n_tokens`` tokens: ``max(floor, ceil(per_million * n_tokens / 1e6))``.

    Used by the report's collocations, keyness and term notebooks when their
    ``min_count`` parameters are None, with the dataset's token count
    (``TokenDataset.n_rows``, punctuation included: the same number whatever
    a notebook's token options, so every notebook picks the same value).
    The reasoning and sources are in :mod:`corpus_tools.stats.thresholds`.

    >>> [default_min_count(n) for n in (0, 10_000, 2_000_000, 2_000_001, 18_700_000, 10**9)]
    [2, 2, 2, 3, 19, 1000]
    """
    if isinstance(n_tokens, bool) or not isinstance(n_tokens, int) or n_tokens < 0:
        raise ValueError(f"n_tokens must be an integer >= 0, not {n_tokens!r}")
    if not isinstance(floor, int) or isinstance(floor, bool) or floor < 1:
        raise ValueError(f"floor must be an integer >= 1, not {floor!r}")
    if not per_million >= 0:
        raise ValueError(f"per_million must be >= 0, not {per_million!r}")
    # exact arithmetic (the rate as written in decimal): a float product can be off by one at exact multiples
    return max(floor, math.ceil(Fraction(repr(float(per_million))) * n_tokens / 1_000_000))


def min_count_rule(per_million: float = MIN_COUNT_PER_MILLION, floor: int = MIN_COUNT_FLOOR) -> str:
    """The rule of :func:`default_min_count` in words, for a report page.

    >>> min_count_rule()
    'max(2, 1 per million tokens, rounded up)'
    """
    rate = int(per_million) if float(per_million).is_integer() else per_million
    return f"max({floor}, {rate} per million tokens, rounded up)"


def min_count_table(n_tokens: int, given: Mapping[str, int | None]) -> pd.DataFrame:
    """The minimum counts a notebook uses: each as given, or :func:`default_min_count` of ``n_tokens`` when None.

    A report page shows this table and saves it (``min_counts.csv``), so the
    value behind every table is on the page and in the report folder.

    Returns
    -------
    pandas.DataFrame
        ``parameter``, ``given`` (None: left to the default), ``used``,
        ``tokens`` (``n_tokens``) and ``rule`` ("given", or
        :func:`min_count_rule`); one row per parameter, in ``given``'s order.

    >>> min_count_table(18_700_000, {"min_count": None, "collocate_min_count": 2}).values.tolist()
    [['min_count', None, 19, 18700000, 'max(2, 1 per million tokens, rounded up)'], \
['collocate_min_count', 2, 2, 18700000, 'given']]
    """
    default = default_min_count(n_tokens)
    names = list(given)
    return pd.DataFrame({
        "parameter": pd.Series(names, dtype=object),
        "given": pd.Series([given[k] for k in names], dtype=object),  # None stays None (an empty CSV cell)
        "used": pd.Series([default if given[k] is None else int(given[k]) for k in names], dtype="int64"),
        "tokens": pd.Series([n_tokens] * len(names), dtype="int64"),
        "rule": pd.Series([min_count_rule() if given[k] is None else "given" for k in names], dtype=object),
    })
