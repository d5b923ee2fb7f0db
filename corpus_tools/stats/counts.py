"""Co-occurrence counts for collocation statistics: counting, kept apart from scoring.

:func:`count_ngrams` turns a token table into an :class:`NgramCounts`, a
small immutable object holding everything an association measure needs
(n-gram counts, word counts, N) plus the settings that produced it.
Scoring (:func:`corpus_tools.stats.collocations.ngram_score_table`) is a separate step,
so the counts may be computed any way one likes - per article, streamed,
in parallel - and merged with ``+``: the sum of the counts of disjoint sets
of articles equals the counts of their union, because no window ever
crosses an article.

The semantics are NLTK's (:class:`nltk.collocations.BigramCollocationFinder`
and :class:`~nltk.collocations.TrigramCollocationFinder` ``.from_words``)
applied to each boundary unit, with filtered-out tokens kept as ``None``
place-holders; see :func:`count_ngrams`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

__all__ = ["BOUNDARIES", "CollocateCounts", "NgramCounts", "count_ngrams", "counts_by_article"]

#: Boundary unit -> token-table column identifying it (within an article).
#: "paragraph" means a block: a paragraph or a heading.
BOUNDARIES: dict[str, str | None] = {"sentence": "sentence", "paragraph": "block", "article": None}


def _frozen(mapping: Mapping) -> MappingProxyType:
    # Sorted so that repr, pickles and iteration order never depend on how the counts were built.
    return MappingProxyType(dict(sorted((k, int(v)) for k, v in mapping.items() if v)))


@dataclass(frozen=True)
class NgramCounts:
    """Counts for scoring collocations: n-grams, their words, and N.

    Attributes
    ----------
    n : int
        2 (pairs) or 3 (trigrams).
    window_size : int
        NLTK's ``window_size``: a pair (x at position i, y at position j)
        is counted when ``0 < j - i <= window_size - 1``.  3 for trigrams.
    boundary : {"sentence", "paragraph", "article"}
        The unit no n-gram crosses.
    column : str
        Token-table column counted (``"norm"`` or ``"token"``).
    ngrams : mapping of tuple -> int
        n = 2: co-occurring pairs within the window (raw counts, not divided
        by ``window_size - 1``).  n = 3: trigrams at consecutive positions.
    words : mapping of str -> int
        Frequency of each kept token (the marginals n_ix, n_xi...).
    n_words : int
        N: the number of kept tokens (the sum of ``words``).
    pairs : mapping of tuple -> int
        n = 3 only: adjacent pairs (positions i, i + 1), NLTK's
        ``bigram_fd``; empty for n = 2.  When pruned, only the pairs
        ``(w1, w2)`` and ``(w2, w3)`` of the kept trigrams (their counts complete).
    min_count, min_word_count : int
        The pruning already applied (default 1, 1: complete counts).
        Pruned counts hold only the n-grams counted at least ``min_count``
        times whose words are each counted at least ``min_word_count``
        times; ``words``, ``n_words`` and every marginal of a kept n-gram
        stay complete, so its scores are exact.  Counting in the database
        prunes this way (:mod:`corpus_tools.stats.cooccurrence_queries`):
        memory grows with what is kept, not with the corpus.
    gapped : mapping of tuple -> int
        n = 3, pruned only: ``f(w1 * w3)``, the trigrams ``w1 ? w3`` counted
        over all trigrams (not only the kept ones), for the ``(w1, w3)`` of
        each kept trigram.  Complete counts leave it empty: scoring sums it
        from ``ngrams``.

    The mappings are read-only.  ``a + b`` merges two complete counts with
    the same settings (``n``, ``window_size``, ``boundary``, ``column``);
    over disjoint sets of articles it equals the counts of their union.
    Pruned counts do not merge (an n-gram pruned in each part may pass the
    threshold in their sum).

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> a = count_ngrams(token_table(Corpus.from_texts(["New York. New York."])), 2)
    >>> dict(a.ngrams), a.n_words
    ({('new', 'york'): 2}, 4)
    >>> b = count_ngrams(token_table(Corpus.from_texts(["York New."], ids=["b"])), 2)
    >>> dict((a + b).ngrams), (a + b).n_words
    ({('new', 'york'): 2, ('york', 'new'): 1}, 6)
    """

    n: int
    window_size: int
    boundary: str
    column: str
    ngrams: Mapping[tuple[str, ...], int] = field(default_factory=dict)
    words: Mapping[str, int] = field(default_factory=dict)
    n_words: int = 0
    pairs: Mapping[tuple[str, str], int] = field(default_factory=dict)
    min_count: int = 1
    min_word_count: int = 1
    gapped: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check_settings(self.n, self.window_size, self.boundary)
        for name in ("min_count", "min_word_count"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be an integer >= 1, not {value!r}")
        if self.gapped and not (self.n == 3 and self.pruned):
            raise ValueError("gapped (w1 * w3 counts) are only kept for pruned trigram counts")
        for name in ("ngrams", "words", "pairs", "gapped"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        if self.n_words != sum(self.words.values()):
            raise ValueError(f"n_words ({self.n_words}) must equal the sum of word counts "
                             f"({sum(self.words.values())})")
        if self.n == 2 and self.pairs:
            raise ValueError("pairs (adjacent-pair counts) are only kept for n = 3")

    @property
    def pruned(self) -> bool:
        """Whether rare n-grams were left out when counting (``min_count`` or ``min_word_count`` > 1)."""
        return self.min_count > 1 or self.min_word_count > 1

    @property
    def settings(self) -> tuple[int, int, str, str]:
        """``(n, window_size, boundary, column)``: what must match to merge."""
        return (self.n, self.window_size, self.boundary, self.column)

    def __add__(self, other: NgramCounts) -> NgramCounts:
        if not isinstance(other, NgramCounts):
            return NotImplemented
        if other.settings != self.settings:
            raise ValueError(f"cannot merge counts with settings {self.settings} and {other.settings} "
                             "(n, window_size, boundary, column)")
        if self.pruned or other.pruned:
            raise ValueError("pruned counts (min_count or min_word_count > 1) cannot be merged: an n-gram "
                             "left out of each part may pass the threshold in their sum")
        return NgramCounts(*self.settings,
                           ngrams=Counter(self.ngrams) + Counter(other.ngrams),
                           words=Counter(self.words) + Counter(other.words),
                           n_words=self.n_words + other.n_words,
                           pairs=Counter(self.pairs) + Counter(other.pairs))

    def __radd__(self, other):  # lets sum(list_of_counts) start from 0
        return self if other == 0 else NotImplemented

    def __reduce__(self):  # MappingProxyType does not pickle; rebuild from plain dicts
        return (NgramCounts, (*self.settings, dict(self.ngrams), dict(self.words), self.n_words,
                              dict(self.pairs), self.min_count, self.min_word_count, dict(self.gapped)))

    @classmethod
    def merge(cls, counts: Iterable[NgramCounts]) -> NgramCounts:
        """Sum of several counts with the same settings (at least one)."""
        counts = list(counts)
        if not counts:
            raise ValueError("merge needs at least one NgramCounts")
        total = counts[0]
        for c in counts[1:]:
            total = total + c
        return total


def _check_settings(n, window_size, boundary) -> None:
    if n not in (2, 3) or isinstance(n, bool):
        raise ValueError(f"n must be 2 or 3, not {n!r}")
    if not isinstance(window_size, int) or isinstance(window_size, bool):
        raise ValueError(f"window_size must be an integer, not {window_size!r}")
    if n == 2 and window_size < 2:
        raise ValueError(f"window_size must be >= 2 (2 = adjacent pairs), not {window_size}")
    if n == 3 and window_size != 3:
        raise ValueError(f"trigrams are counted at consecutive positions: window_size must be 3, "
                         f"not {window_size}")
    if boundary not in BOUNDARIES:
        raise ValueError(f"boundary must be one of {sorted(BOUNDARIES)}, not {boundary!r}")


def count_ngrams(
    toks: pd.DataFrame,
    n: int = 2,
    window_size: int | None = None,
    boundary: str = "paragraph",
    column: str = "norm",
) -> NgramCounts:
    """Count pairs (n = 2) or trigrams (n = 3) of a token table.

    Exact semantics (shared by every implementation of these counts):

    * Tokens are the rows of ``toks`` (the kept tokens of
      :func:`corpus_tools.token_table`); ``position`` is the token's original
      position in its article, so a token removed by stopword or
      punctuation filtering still occupies its position (a gap).
    * A boundary unit is an article (``"article"``), a block of it
      (``"paragraph"``: a paragraph or heading; the default) or a sentence
      (``"sentence"``).  No n-gram spans two units.
    * n = 2: the pair ``(x, y)`` is counted once for every x at position i
      and y at position j of the same unit with ``0 < j - i <= W - 1``,
      ``W = window_size`` (default 2: adjacent pairs).  Order matters.
    * n = 3 (``window_size`` must be 3): trigrams are three kept tokens at
      positions i, i + 1, i + 2 of one unit; ``pairs`` counts kept tokens at
      i, i + 1 of one unit.
    * ``words[w]`` is the number of kept tokens w, and ``n_words`` (N) the
      number of kept tokens: filtered tokens count nowhere.

    This is exactly what NLTK's ``BigramCollocationFinder.from_words(seq,
    window_size=W)`` (``TrigramCollocationFinder.from_words(seq)``) counts
    in ``ngram_fd``, ``word_fd`` and ``word_fd.N()`` (and ``bigram_fd``)
    when ``seq`` is each unit's tokens from its first to its last kept
    position, with ``None`` in place of each filtered token and ``W - 1``
    ``None`` after each unit.  (NLTK's ``apply_word_filter`` instead keeps
    the filtered words in ``word_fd`` and N; here they are gone.)  Scoring
    then divides pair counts by ``W - 1`` as NLTK does.

    Parameters
    ----------
    toks : pandas.DataFrame
        A token table (columns ``article``, ``position``, ``column`` and the
        boundary's column).
    n : {2, 3}
    window_size : int, optional
        Default: ``n``.
    boundary : {"paragraph", "sentence", "article"}
    column : str

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> t = token_table(Corpus.from_texts(["Red fox ran. Dogs"]))  # "." filtered: a gap at 3
    >>> sorted(count_ngrams(t, 2, window_size=3).ngrams)
    [('fox', 'ran'), ('ran', 'dogs'), ('red', 'fox'), ('red', 'ran')]
    >>> sorted(count_ngrams(t, 2, window_size=3, boundary="sentence").ngrams)
    [('fox', 'ran'), ('red', 'fox'), ('red', 'ran')]
    """
    window_size = n if window_size is None else window_size
    _check_settings(n, window_size, boundary)
    unit = BOUNDARIES[boundary]
    needed = ["article", "position", column] + ([unit] if unit else [])
    missing = [c for c in needed if c not in toks.columns]
    if missing:
        raise KeyError(f"token table lacks column(s) {missing}; it has {list(toks.columns)}")
    if len(toks) and not _in_order(toks):
        toks = toks.sort_values(["article", "position"], kind="mergesort")
    arts = toks["article"].tolist()
    units = toks[unit].tolist() if unit else [0] * len(toks)
    pos = toks["position"].tolist()
    words = toks[column].tolist()
    grams: Counter = Counter()
    pairs: Counter = Counter()
    size = len(words)
    if n == 2:
        for i in range(size):
            j = i + 1
            while j < size and units[j] == units[i] and arts[j] == arts[i] and pos[j] - pos[i] < window_size:
                grams[words[i], words[j]] += 1
                j += 1
    else:
        for i in range(size - 1):
            if units[i + 1] == units[i] and arts[i + 1] == arts[i] and pos[i + 1] - pos[i] == 1:
                pairs[words[i], words[i + 1]] += 1
                k = i + 2
                if k < size and units[k] == units[i] and arts[k] == arts[i] and pos[k] - pos[i] == 2:
                    grams[words[i], words[i + 1], words[k]] += 1
    return NgramCounts(n, window_size, boundary, column, ngrams=grams, words=Counter(words),
                       n_words=size, pairs=pairs)


def _in_order(toks: pd.DataFrame) -> bool:
    """Rows grouped by article, positions increasing within each article."""
    arts = toks["article"]
    new_article = arts.ne(arts.shift())
    if arts[new_article].duplicated().any():
        return False
    steps = toks["position"].diff()
    return bool((steps[~new_article] > 0).all())


def counts_by_article(toks: pd.DataFrame, n: int = 2, window_size: int | None = None,
                      boundary: str = "paragraph", column: str = "norm") -> dict[str, NgramCounts]:
    """:func:`count_ngrams` for each article, in order of first appearance.

    ``NgramCounts.merge(counts_by_article(t).values()) == count_ngrams(t)``.
    """
    return {art: count_ngrams(group, n, window_size, boundary, column)
            for art, group in toks.groupby("article", sort=False)}


@dataclass(frozen=True)
class CollocateCounts:
    """What :func:`corpus_tools.stats.collocations.collocate_table` scores: a node's span counts.

    Counted in memory (``collocate_table`` over a token table) or in the
    database (:func:`corpus_tools.stats.cooccurrence_queries.query_collocate_counts`);
    scored by one function, so both give equal tables.

    Attributes
    ----------
    span : mapping of str -> (int, int, int, int)
        Collocate -> ``(O11, count_left, count_right, C1)``: its tokens in the
        span, those before / after an occurrence, and its frequency.  May be
        pruned (only collocates with ``O11 >= min_count`` and ``C1 >=
        min_word_count``); the totals below are always complete.
    span_tokens : int
        R1, the number of tokens in the span.
    tokens : int
        N, the number of kept tokens.
    f_node : int
        Node occurrences.
    """

    span: Mapping[str, tuple[int, int, int, int]] = field(default_factory=dict)
    span_tokens: int = 0
    tokens: int = 0
    f_node: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", MappingProxyType(
            {w: tuple(int(x) for x in v) for w, v in sorted(self.span.items())}))

    def __reduce__(self):
        return (CollocateCounts, (dict(self.span), self.span_tokens, self.tokens, self.f_node))
