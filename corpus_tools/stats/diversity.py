"""Lexical diversity and the Zipf fit of a rank-frequency curve.

Formulas:

* TTR = types / tokens.
* Hapax legomena: types seen once; ``hapax_share`` = hapaxes / types.
* MATTR (Covington & McFall 2010, *J. Quant. Linguistics* 17(2)): the mean
  TTR of every window of ``mattr_window`` consecutive tokens; the plain TTR when
  the text is shorter than one window.
* MTLD (McCarthy & Jarvis 2010, *Behavior Research Methods* 42(2)): tokens
  divided by the number of "factors", a factor ending each time the running
  TTR falls to ``threshold`` (0.72) or below, plus a partial factor
  ``(1 - TTR) / (1 - threshold)`` for the remainder; the mean of a forward
  and a backward pass.  NaN when the text never completes any part of a
  factor (every token distinct).
* Zipf fit: least squares of log10(count) on log10(rank), ranks 1..V in the
  frequency table's order; slope (about -1 for natural text) and R².
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = ["ZipfFit", "diversity_table", "mattr", "mtld", "zipf_fit", "zipf_table"]


def mattr(words: Sequence[str], mattr_window: int = 50) -> float:
    """Moving-average type-token ratio (see module docstring).

    >>> mattr(["a", "b", "a", "b"], mattr_window=2)
    1.0
    >>> round(mattr(["a", "a", "b"], mattr_window=2), 3)
    0.75
    """
    if mattr_window < 1:
        raise ValueError(f"mattr_window must be >= 1, not {mattr_window}")
    n = len(words)
    if n == 0:
        return math.nan
    if n <= mattr_window:
        return len(set(words)) / n
    counts = Counter(words[:mattr_window])
    total = len(counts)
    for i in range(mattr_window, n):  # slide: one word in, one out
        out, inn = words[i - mattr_window], words[i]
        counts[out] -= 1
        if counts[out] == 0:
            del counts[out]
        counts[inn] += 1
        total += len(counts)
    return total / (n - mattr_window + 1) / mattr_window


def _mtld_pass(words: Sequence[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    for w in words:
        types.add(w)
        count += 1
        if len(types) / count <= threshold:
            factors += 1
            types, count = set(), 0
    if count:
        factors += (1 - len(types) / count) / (1 - threshold)
    return len(words) / factors if factors else math.nan


def mtld(words: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (see module docstring).

    >>> mtld(["a"] * 10)  # every 2nd word completes a factor (TTR 0.5)
    2.0
    """
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    if not words:
        return math.nan
    return (_mtld_pass(words, threshold) + _mtld_pass(list(reversed(words)), threshold)) / 2


def _diversity_row(words: list[str], mattr_window: int, threshold: float) -> dict:
    counts = Counter(words)
    hapax = sum(1 for c in counts.values() if c == 1)
    n, v = len(words), len(counts)
    return {
        "tokens": n,
        "types": v,
        "ttr": v / n if n else math.nan,
        "hapax": hapax,
        "hapax_share": hapax / v if v else math.nan,
        "mattr": mattr(words, mattr_window),
        "mtld": mtld(words, threshold),
    }


def diversity_table(
    data,
    *,
    by_article: bool = False,
    mattr_window: int = 50,
    threshold: float = 0.72,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Tokens, types, TTR, hapaxes, MATTR and MTLD.

    Parameters
    ----------
    data : token table, Corpus or Article
    by_article : bool
        One row per article instead of one for the corpus (whose word
        sequence is the articles' tokens one after the other).
    mattr_window : int
        MATTR's moving-window length in tokens.
    threshold : float
        MTLD factor threshold.
    column : str
        Token-table column to use.
    options : TokenOptions or mapping, optional
        Token options when ``data`` is a corpus (:meth:`TokenOptions.coerce`).

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> diversity_table(Corpus.from_texts(["a rose is a rose"]))[["tokens", "types", "hapax"]].values.tolist()
    [[5, 3, 1]]
    """
    toks = as_token_table(data, options)
    if by_article:
        rows = [
            {"article": art, **_diversity_row(group[column].tolist(), mattr_window, threshold)}
            for art, group in toks.groupby("article", sort=False)
        ]
        return pd.DataFrame(rows, columns=["article", "tokens", "types", "ttr", "hapax",
                                           "hapax_share", "mattr", "mtld"])
    return pd.DataFrame([_diversity_row(toks[column].tolist(), mattr_window, threshold)])


@dataclass(frozen=True)
class ZipfFit:
    """Least-squares line through the log-log rank-frequency curve."""

    slope: float
    intercept: float
    r_squared: float
    n_types: int

    def predict(self, rank):
        """Fitted count at ``rank`` (``10 ** (intercept + slope * log10(rank))``)."""
        return 10 ** (self.intercept + self.slope * np.log10(rank))


def zipf_table(freq: pd.DataFrame | Sequence[int]) -> pd.DataFrame:
    """:func:`zipf_fit` as a one-row table: slope, intercept, r_squared, n_types.

    >>> list(zipf_table([4, 2, 1]).columns)
    ['slope', 'intercept', 'r_squared', 'n_types']
    """
    fit = zipf_fit(freq)
    return pd.DataFrame([{f: getattr(fit, f) for f in ("slope", "intercept", "r_squared", "n_types")}])


def zipf_fit(freq: pd.DataFrame | Sequence[int]) -> ZipfFit:
    """Fit Zipf's law to a frequency table (or counts in rank order).

    Examples
    --------
    >>> fit = zipf_fit([100, 50, 25])
    >>> round(fit.slope, 3), round(fit.r_squared, 3)
    (-1.234, 0.978)
    """
    counts = np.asarray(freq["count"] if isinstance(freq, pd.DataFrame) else freq, dtype=float)
    counts = np.sort(counts)[::-1]
    if len(counts) < 2:
        return ZipfFit(math.nan, math.nan, math.nan, len(counts))
    x = np.log10(np.arange(1, len(counts) + 1))
    y = np.log10(counts)
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (intercept + slope * x)
    ss_tot = float(((y - y.mean()) ** 2).sum())
    r2 = 1 - float((resid**2).sum()) / ss_tot if ss_tot else math.nan
    return ZipfFit(float(slope), float(intercept), r2, len(counts))
