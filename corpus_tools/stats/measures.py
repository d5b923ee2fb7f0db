"""Association measures: NLTK's, plus those corpus linguists use that NLTK lacks.

Every measure takes NLTK's marginals (see
:class:`nltk.metrics.association.BigramAssocMeasures`):

* bigrams: ``(n_ii, (n_ix, n_xi), n_xx)`` - the pair count, the counts of
  its first and second word, and N;
* trigrams: ``(n_iii, (n_iix, n_ixi, n_xii), (n_ixx, n_xix, n_xxi), n_xxx)``.

NLTK's measures are used as they are (``BIGRAM_MEASURES``,
``TRIGRAM_MEASURES`` map our column names to them).  Written here, because
NLTK has no such function: :func:`log_dice`, :func:`mi3`,
:func:`log_ratio` and the p-value of G2 (:func:`g2_p_value`; scipy is not a
dependency, and the chi-square survival function has a closed form for the
degrees of freedom needed).  NLTK's ``fisher`` is left out: it needs scipy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from functools import cache

from corpus_tools.tokens.nltk_loading import import_nltk

__all__ = [
    "BIGRAM_MEASURES",
    "LOG_RATIO_ZERO",
    "MEASURE_ALIASES",
    "TRIGRAM_MEASURES",
    "chi2_p_value",
    "g2_p_value",
    "log_dice",
    "log_ratio",
    "mi3",
    "resolve_measure",
    "score_marginals",
]

#: NLTK's guard against division by zero and log(0) in G2 and chi-square (``nltk.metrics.association._SMALL``).
_SMALL = 1e-20

#: Frequency used in place of 0 by :func:`log_ratio` (Hardie 2014's suggestion).
LOG_RATIO_ZERO = 0.5


def _product(values) -> float:
    return math.prod(values)


def log_dice(n_ii, n_ix_xi, n_xx) -> float:
    """logDice (Rychlý 2008): ``14 + log2(2 f_xy / (f_x + f_y))``.

    Rychlý, P. (2008). A lexicographer-friendly association score. *Proc.
    RASLAN 2008*, 6-9.  Equals ``14 + log2(dice)`` with NLTK's Dice on the
    same marginals, so with a window W > 2 it uses NLTK's ``n_ii`` divided
    by W - 1: add ``log2(W - 1)`` for the score on raw window counts.  At
    most 14; does not depend on N.

    >>> log_dice(2, (4, 4), 100)  # 14 + log2(4 / 8)
    13.0
    """
    n_ix, n_xi = n_ix_xi
    return 14 + math.log2(2 * n_ii / (n_ix + n_xi))


def mi3(n_ii, unigrams, n_all, n: int = 2) -> float:
    """MI3, cubed pointwise mutual information (Daille 1994; Oakes 1998).

    ``log2(O**3 / E)`` with ``E = prod(f_w) / N**(n - 1)`` the expected
    count under independence; it raises PMI's weight on frequent n-grams.

    Daille, B. (1994). *Approche mixte pour l'extraction automatique de
    terminologie*. PhD thesis, Paris 7.  Oakes, M. (1998). *Statistics for
    Corpus Linguistics*, p. 172.

    >>> mi3(2, (4, 4), 16)  # log2(8 / (4 * 4 / 16))
    3.0
    """
    expected = _product(unigrams) / n_all ** (n - 1)
    return math.log2(n_ii**3 / expected)


def log_ratio(n_ii, n_ix_xi, n_xx) -> float:
    """Log ratio of a pair (Hardie 2014, as in #LancsBox's collocation statistics).

    The binary log of the ratio of the second word's relative frequency
    right after the first word to its relative frequency elsewhere::

        log2( (n_ii / n_ix) / (n_oi / (N - n_ix)) ),  n_oi = n_xi - n_ii

    A zero ``n_oi`` (or ``N - n_ix``) is replaced by :data:`LOG_RATIO_ZERO`
    (0.5) so the score stays finite.  Each point is a doubling.

    Hardie, A. (2014). Log Ratio - an informal introduction. CASS blog,
    http://cass.lancs.ac.uk/log-ratio-an-informal-introduction/

    >>> log_ratio(4, (8, 6), 24)  # (4/8) / (2/16) = 4
    2.0
    """
    n_ix, n_xi = n_ix_xi
    n_oi = (n_xi - n_ii) or LOG_RATIO_ZERO
    rest = (n_xx - n_ix) or LOG_RATIO_ZERO
    return math.log2((n_ii / n_ix) / (n_oi / rest))


def chi2_p_value(statistic: float, df: int = 1) -> float:
    """Upper tail ``P(X >= statistic)`` of a chi-square distribution, df 1 or even.

    Closed forms (Abramowitz & Stegun 26.4.4 and 26.4.21):

    * df = 1: ``erfc(sqrt(x / 2))`` (X is the square of a standard normal);
    * even df = 2k: ``exp(-x / 2) * sum_{i < k} (x / 2)**i / i!``.

    >>> round(chi2_p_value(3.841459), 6), round(chi2_p_value(9.487729, 4), 6)
    (0.05, 0.05)
    """
    x = max(float(statistic), 0.0)
    if df == 1:
        return math.erfc(math.sqrt(x / 2))
    if df < 1 or df % 2:
        raise ValueError(f"df must be 1 or an even positive integer, not {df}")
    half = x / 2
    return math.exp(-half) * sum(half**i / math.factorial(i) for i in range(df // 2))


def g2_p_value(g2: float, n: int = 2) -> float:
    """p-value of the log-likelihood G2 of an n-gram's contingency table.

    G2 tests independence of the n words: 2x2 table (n = 2) with 1 degree
    of freedom; 2x2x2 table (n = 3) against mutual independence with
    ``(8 - 1) - 3 = 4`` degrees of freedom.

    >>> round(g2_p_value(10.83), 4)
    0.001
    """
    return chi2_p_value(g2, 1 if n == 2 else 4)


@cache
def _nltk_measures() -> tuple[type, type]:
    """NLTK's bigram and trigram measure classes, imported on first use.

    ``import nltk`` costs about 1.2 s and 100 MB per process when scipy is
    installed (``nltk.metrics`` imports ``scipy.stats`` for ``fisher``); a
    report kernel that never scores a collocation should not pay it.
    """
    import_nltk()  # with scipy.stats left for NLTK's Fisher test to import when it is used
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

    return BigramAssocMeasures, TrigramAssocMeasures


class _Measures(Mapping):
    """Column name -> measure function; NLTK's functions are looked up (and NLTK imported) on first access.

    ``spec`` maps each name to the name of an NLTK method (a str) or to a
    function defined here; the names and their order are known without NLTK.
    """

    def __init__(self, n: int, spec: dict[str, str | Callable]):
        self._n, self._spec = n, spec
        self._functions: dict[str, Callable] | None = None

    def functions(self) -> dict[str, Callable]:
        """The plain dict of functions (what the scoring loops index)."""
        if self._functions is None:
            cls = _nltk_measures()[0 if self._n == 2 else 1]
            self._functions = {k: getattr(cls, v) if isinstance(v, str) else v for k, v in self._spec.items()}
        return self._functions

    def __getitem__(self, name: str) -> Callable:
        if name not in self._spec:
            raise KeyError(name)
        return self.functions()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._spec)

    def __len__(self) -> int:
        return len(self._spec)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._spec)})"


def _bigram_g2_p(n_ii, u, n_all) -> float:
    return g2_p_value(_nltk_measures()[0].likelihood_ratio(n_ii, u, n_all), 2)


def _trigram_g2_p(n_iii, b, u, n_all) -> float:
    return g2_p_value(_nltk_measures()[1].likelihood_ratio(n_iii, b, u, n_all), 3)


#: Column name -> function of NLTK bigram marginals.  Names are NLTK's.
BIGRAM_MEASURES: Mapping[str, Callable] = _Measures(2, {
    "g2": "likelihood_ratio",  # Dunning's log-likelihood G2 (Manning & Schütze 5.3.4); NLTK: likelihood_ratio
    "g2_p": _bigram_g2_p,
    "pmi": "pmi",
    "mi3": lambda n_ii, u, n_all: mi3(n_ii, u, n_all, 2),
    "student_t": "student_t",
    "chi_sq": "chi_sq",
    "phi_sq": "phi_sq",
    "dice": "dice",
    "log_dice": log_dice,
    "jaccard": "jaccard",
    "poisson_stirling": "poisson_stirling",
    "log_ratio": log_ratio,
    "raw_freq": "raw_freq",
})

#: Column name -> function of NLTK trigram marginals.
TRIGRAM_MEASURES: Mapping[str, Callable] = _Measures(3, {
    "g2": "likelihood_ratio",
    "g2_p": _trigram_g2_p,
    "pmi": "pmi",
    "mi3": lambda n_iii, b, u, n_all: mi3(n_iii, u, n_all, 3),
    "student_t": "student_t",
    "chi_sq": "chi_sq",
    "jaccard": "jaccard",
    "poisson_stirling": "poisson_stirling",
    "raw_freq": "raw_freq",
})

#: Other names users know the measures by.
MEASURE_ALIASES = {"likelihood_ratio": "g2", "ll": "g2", "log_likelihood": "g2",
                   "mi": "pmi", "t": "student_t", "t_score": "student_t", "chi2": "chi_sq",
                   "logdice": "log_dice", "p": "g2_p"}


def resolve_measure(name: str, n: int = 2) -> str:
    """The column name of measure ``name`` for n-grams of size ``n``.

    >>> resolve_measure("G2"), resolve_measure("logDice")
    ('g2', 'log_dice')
    """
    table = BIGRAM_MEASURES if n == 2 else TRIGRAM_MEASURES
    key = str(name).lower()
    key = MEASURE_ALIASES.get(key, key)
    if key not in table:
        raise ValueError(f"unknown measure {name!r} for n = {n}; choose one of {sorted(table)} "
                         f"(or an alias: {sorted(MEASURE_ALIASES)})")
    return key


def _nan_on_error(fn, *args) -> float:
    try:
        return fn(*args)
    except (ValueError, ZeroDivisionError):  # e.g. a negative cell under a window: undefined, not fatal
        return math.nan


def _trigram_expected(cont) -> list:
    """NLTK's ``NgramAssocMeasures._expected_values`` for n = 3, the same operations in the same order.

    NLTK sums, for each of the 8 cells and each of the 3 words, the 4 cells
    that agree with it on that word: 96 sums per trigram.  Each of those
    sums is one of only 6 values (a word present or absent), computed here
    once, with the cells added in NLTK's order, so every expected value is
    the same float as NLTK's.
    """
    n_all = sum(cont)
    half = {(j, v): sum(cont[x] for x in range(8) if (x & j) == v) for j in (1, 2, 4) for v in (0, j)}
    denominator = n_all ** 2
    return [half[1, i & 1] * half[2, i & 2] * half[4, i & 4] / denominator for i in range(8)]


def _trigram_g2(cont, expected) -> float:
    return 2 * sum(obs * math.log(obs / (exp + _SMALL) + _SMALL) for obs, exp in zip(cont, expected, strict=True))


def _trigram_chi_sq(cont, expected) -> float:
    return sum((obs - exp) ** 2 / (exp + _SMALL) for obs, exp in zip(cont, expected, strict=True))


def score_marginals(n: int, names, marginals) -> list[float]:
    """The measures ``names`` (keys of ``BIGRAM_MEASURES``/``TRIGRAM_MEASURES``) of one n-gram's marginals.

    Equal, float for float, to calling each measure on its own (NaN where
    one raises a math error), but what the measures share is computed once:
    G2 for ``g2`` and ``g2_p``; for trigrams also the contingency cube and
    its expected values for ``g2`` and ``chi_sq`` (NLTK computes them in
    each call, and they cost most of a collocation table's scoring).

    >>> score_marginals(2, ["g2", "g2_p"], (2, (3, 3), 8)) == [
    ...     BIGRAM_MEASURES["g2"](2, (3, 3), 8), BIGRAM_MEASURES["g2_p"](2, (3, 3), 8)]
    True
    """
    table = (BIGRAM_MEASURES if n == 2 else TRIGRAM_MEASURES).functions()
    shared: dict[str, float] = {}
    if n == 3 and ("g2" in names or "g2_p" in names or "chi_sq" in names):
        cont = _nltk_measures()[1]._contingency(*marginals)
        expected = _trigram_expected(cont)
        shared["g2"] = _nan_on_error(_trigram_g2, cont, expected)
        shared["chi_sq"] = _nan_on_error(_trigram_chi_sq, cont, expected)
    elif n == 2 and ("g2" in names or "g2_p" in names):
        shared["g2"] = _nan_on_error(table["g2"], *marginals)
    if "g2" in shared and "g2_p" in names:
        shared["g2_p"] = math.nan if math.isnan(shared["g2"]) else g2_p_value(shared["g2"], n)
    return [shared[m] if m in shared else _nan_on_error(table[m], *marginals) for m in names]
