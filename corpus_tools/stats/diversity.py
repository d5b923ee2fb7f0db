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
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpus_tools.stats.grouping import grouped_table
from corpus_tools.stats.word_queries import iter_article_words
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = ["ZipfFit", "diversity_table", "mattr", "mtld", "zipf_fit", "zipf_table"]


class _Mattr:
    """MATTR fed a word sequence in pieces: the window's counts and the running sum of its types."""

    def __init__(self, mattr_window: int) -> None:
        if mattr_window < 1:
            raise ValueError(f"mattr_window must be >= 1, not {mattr_window}")
        self.w, self.n, self.total = mattr_window, 0, 0
        self.window: deque[str] = deque()
        self.counts: Counter = Counter()

    def feed(self, words: Iterable[str]) -> None:
        w, window, counts = self.w, self.window, self.counts
        for word in words:
            self.n += 1
            if self.n <= w:  # filling the first window
                window.append(word)
                counts[word] += 1
                if self.n == w:
                    self.total = len(counts)
                continue
            out = window.popleft()  # slide: one word in, one out
            counts[out] -= 1
            if counts[out] == 0:
                del counts[out]
            window.append(word)
            counts[word] += 1
            self.total += len(counts)

    def value(self) -> float:
        if self.n == 0:
            return math.nan
        if self.n <= self.w:
            return len(self.counts) / self.n
        return self.total / (self.n - self.w + 1) / self.w


class _MtldPass:
    """One pass of MTLD (forward, or backward when fed the words last first), fed in pieces."""

    def __init__(self, threshold: float) -> None:
        if not 0 < threshold < 1:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold, self.factors, self.count, self.n = threshold, 0.0, 0, 0
        self.types: set[str] = set()

    def feed(self, words: Iterable[str]) -> None:
        threshold = self.threshold
        for w in words:
            self.types.add(w)
            self.count += 1
            self.n += 1
            if len(self.types) / self.count <= threshold:
                self.factors += 1
                self.types, self.count = set(), 0

    def value(self) -> float:
        factors = self.factors
        if self.count:
            factors += (1 - len(self.types) / self.count) / (1 - self.threshold)
        return self.n / factors if factors else math.nan


def mattr(words: Sequence[str], mattr_window: int = 50) -> float:
    """Moving-average type-token ratio (see module docstring).

    >>> mattr(["a", "b", "a", "b"], mattr_window=2)
    1.0
    >>> round(mattr(["a", "a", "b"], mattr_window=2), 3)
    0.75
    """
    acc = _Mattr(mattr_window)
    acc.feed(words)
    return acc.value()


def mtld(words: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (see module docstring).

    >>> mtld(["a"] * 10)  # every 2nd word completes a factor (TTR 0.5)
    2.0
    """
    forward, backward = _MtldPass(threshold), _MtldPass(threshold)
    if not words:
        return math.nan
    forward.feed(words)
    backward.feed(reversed(words))
    return (forward.value() + backward.value()) / 2


class _Diversity:
    """Everything of one :func:`diversity_table` row but MTLD's backward pass, fed the words in pieces.

    The one implementation of the row: an in-memory sequence is fed at once
    (:func:`_diversity_row`); a token dataset is streamed in pieces, forward,
    then backward for the second MTLD pass (:func:`_stream_rows`), so
    a row over the whole corpus (the articles' words one after the other)
    equals the in-memory one without the sequence ever being held.
    """

    def __init__(self, mattr_window: int, threshold: float) -> None:
        self.counts: Counter = Counter()
        self.mattr = _Mattr(mattr_window)
        self.forward, self.backward = _MtldPass(threshold), _MtldPass(threshold)

    def feed(self, words: Sequence[str]) -> None:
        self.counts.update(words)
        self.mattr.feed(words)
        self.forward.feed(words)

    def summary(self) -> dict:
        """The row without MTLD, and the forward pass's value (``_forward``)."""
        counts = self.counts
        hapax = sum(1 for c in counts.values() if c == 1)
        n, v = self.mattr.n, len(counts)
        return {
            "tokens": n,
            "types": v,
            "ttr": v / n if n else math.nan,
            "hapax": hapax,
            "hapax_share": hapax / v if v else math.nan,
            "mattr": self.mattr.value(),
            "_forward": self.forward.value(),
        }

    def row(self) -> dict:
        return _finish(self.summary(), self.backward.value())


def _finish(summary: dict, backward: float) -> dict:
    """The row from :meth:`_Diversity.summary` and the backward MTLD pass's value."""
    row = {k: v for k, v in summary.items() if k != "_forward"}
    row["mtld"] = (summary["_forward"] + backward) / 2 if row["tokens"] else math.nan
    return row


def _diversity_row(words: list[str], mattr_window: int, threshold: float) -> dict:
    acc = _Diversity(mattr_window, threshold)
    acc.feed(words)
    acc.backward.feed(reversed(words))
    return acc.row()


def _stream_rows(dataset: TokenDataset, labels: Mapping[str, str] | None, column: str, mattr_window: int,
                 threshold: float, groups: Sequence[str] = ("",)) -> dict[str, dict]:
    """Rows of the groups ``labels`` (article -> group; None: one group ``""`` of every article), streamed.

    Forward, then backward, in pieces of at most one batch: memory is one
    batch and one accumulator per group (its counts and MATTR window).
    """
    accs = {g: _Diversity(mattr_window, threshold) for g in groups}
    for article, words in iter_article_words(dataset, column, whole=False):
        group = "" if labels is None else labels.get(article)
        if group is not None:
            accs[group].feed(words)
    for article, words in iter_article_words(dataset, column, reverse=True, whole=False):
        group = "" if labels is None else labels.get(article)
        if group is not None:
            accs[group].backward.feed(words)
    return {g: acc.row() for g, acc in accs.items()}


def _stream_article_rows(dataset: TokenDataset, column: str, mattr_window: int, threshold: float) -> list[dict]:
    """One row per article with a kept token, streamed in pieces: memory is one batch, not one article.

    The forward pass keeps each article's summary (a few numbers) once it
    ends; the backward pass (articles last first) completes their MTLD.
    """
    summaries: dict[str, dict] = {}
    current, acc = None, None
    for article, words in iter_article_words(dataset, column, whole=False):
        if article != current:
            if acc is not None:
                summaries[current] = acc.summary()
            current, acc = article, _Diversity(mattr_window, threshold)
        acc.feed(words)
    if acc is not None:
        summaries[current] = acc.summary()
    backward: dict[str, float] = {}
    current, back = None, None
    for article, words in iter_article_words(dataset, column, reverse=True, whole=False):
        if article != current:
            if back is not None:
                backward[current] = back.value()
            current, back = article, _MtldPass(threshold)
        back.feed(words)
    if back is not None:
        backward[current] = back.value()
    return [{"article": article, **_finish(summary, backward[article])} for article, summary in summaries.items()]


DIVERSITY_COLUMNS = ["tokens", "types", "ttr", "hapax", "hapax_share", "mattr", "mtld"]


def diversity_table(
    data,
    *,
    by_article: bool = False,
    groups=None,
    mattr_window: int = 50,
    threshold: float = 0.72,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Tokens, types, TTR, hapaxes, MATTR and MTLD.

    Parameters
    ----------
    data : token table, Corpus, Article or TokenDataset
        A :class:`~corpus_tools.tokens.dataset.TokenDataset` is streamed
        from its part files, forward then backward for MTLD's second pass
        (:func:`~corpus_tools.stats.word_queries.iter_article_words`: memory
        is one batch, not the corpus nor an article); the table is the same.
    by_article : bool
        One row per article instead of one for the corpus (whose word
        sequence is the articles' tokens one after the other).
    groups : str, callable or mapping, optional
        One row per group of articles instead (``group`` and ``articles``
        first), its word sequence its articles' tokens one after the other;
        ``groups`` as :func:`~corpus_tools.frequency_table` takes it.  Not
        with ``by_article``.
    mattr_window : int
        MATTR's moving-window length in tokens.
    threshold : float
        MTLD factor threshold.
    column : str
        Token-table column to use.
    options : TokenOptions or mapping, optional
        Token options when ``data`` is a corpus or a dataset (:meth:`TokenOptions.coerce`;
        for a dataset, None keeps the dataset's own options).

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> diversity_table(Corpus.from_texts(["a rose is a rose"]))[["tokens", "types", "hapax"]].values.tolist()
    [[5, 3, 1]]
    """
    _Mattr(mattr_window), _MtldPass(threshold)  # check the parameters before any work
    if groups is not None:
        if by_article:
            raise ValueError("give by_article or groups, not both")

        def streamed(ds: TokenDataset, labels: Mapping[str, str]) -> dict[str, pd.DataFrame]:
            rows = _stream_rows(ds, labels, column, mattr_window, threshold, sorted(set(labels.values())))
            return {g: pd.DataFrame([row]) for g, row in rows.items()}

        return grouped_table(data, groups, options, lambda sub: diversity_table(
            sub, mattr_window=mattr_window, threshold=threshold, column=column), streamed)
    if isinstance(data, TokenDataset):
        ds = data.with_options(options) if options is not None else data
        if by_article:
            rows = _stream_article_rows(ds, column, mattr_window, threshold)
            return pd.DataFrame(rows, columns=["article", *DIVERSITY_COLUMNS])
        return pd.DataFrame([_stream_rows(ds, None, column, mattr_window, threshold)[""]])
    toks = as_token_table(data, options)
    if by_article:
        rows = [
            {"article": art, **_diversity_row(group[column].tolist(), mattr_window, threshold)}
            for art, group in toks.groupby("article", sort=False)
        ]
        return pd.DataFrame(rows, columns=["article", *DIVERSITY_COLUMNS])
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
