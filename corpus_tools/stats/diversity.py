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

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from corpus_tools.stats.grouping import grouped_table
from corpus_tools.stats.word_queries import iter_article_words
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = ["DiversityTables", "ZipfFit", "diversity_table", "diversity_tables", "mattr", "mtld", "zipf_fit",
           "zipf_table"]




def _previous_loop(ids, last, start, prev):  # compiled by numba: see _compiled()
    for j in range(len(ids)):
        prev[j] = last[ids[j]]
        last[ids[j]] = start + j


def _mtld_loop(pos, prev, threshold, factor_start, types, count):  # compiled by numba: see _compiled()
    factors = 0
    for k in range(len(prev)):
        if prev[k] < factor_start:
            types += 1
        count += 1
        if types / count <= threshold:  # int / int: the same IEEE double as in Python
            factors += 1
            types, count = 0, 0
            factor_start = pos[k] + 1
    return factor_start, types, count, factors


@functools.cache
def _compiled():
    """:func:`_previous_loop` and :func:`_mtld_loop` compiled by numba (imported and compiled on first use).

    Both are sequential by nature (each token's answer depends on the one
    before: the last position of its word, the running factor's start), so
    numpy can only do them in steps of a factor or by sorting; a plain loop
    compiled to machine code does them in one pass (one call per piece, no
    Python per token: with the numpy counts and the row-group reading,
    ``diversity_tables`` of a 100 MB corpus went from 34.4 to 8.8 CPU-s).
    Integers only, so the results are exact (the tests compare them with
    plain Python references); ``cache=True`` keeps the machine code beside
    the module, so a new process loads it instead of compiling.
    """
    import numba

    try:
        jit = numba.njit(cache=True, nogil=True)
        return jit(_previous_loop), jit(_mtld_loop)
    except RuntimeError:  # numba finds no folder to keep machine code in: compiled in every process
        jit = numba.njit(nogil=True)
        return jit(_previous_loop), jit(_mtld_loop)


def _term_ids(words: Sequence[str], vocabulary: dict[str, int]) -> np.ndarray:
    """``words`` as int64 ids in ``vocabulary`` (new words numbered as first met)."""
    return np.fromiter((vocabulary.setdefault(w, len(vocabulary)) for w in words), dtype=np.int64,
                       count=len(words))


class _Positions:
    """Positions, and each token's previous occurrence, of a sequence of term ids fed in pieces.

    MATTR and MTLD only need to know, for each token, whether the same word
    occurred since some earlier position (the window's or the factor's
    start).  ``prev[j]`` (the position of the word's previous occurrence,
    -1 if none) answers that for any start with one comparison, so MATTR
    becomes numpy array arithmetic and MTLD one compiled loop
    (:func:`_compiled`) instead of a Python loop that updates a set or
    counter per token, with the same integers and so the same floats.
    Memory: one position per distinct word (each word's last one).
    """

    def __init__(self) -> None:
        self.last = np.full(1024, -1, dtype=np.int64)
        self.n = 0

    def feed(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(positions, prev)`` of the next ``ids`` (non-negative int64)."""
        if len(ids) and int(ids.max()) >= len(self.last):
            grown = np.full(max(int(ids.max()) + 1, 2 * len(self.last)), -1, dtype=np.int64)
            grown[: len(self.last)] = self.last
            self.last = grown
        pos = np.arange(self.n, self.n + len(ids), dtype=np.int64)
        prev = np.empty(len(ids), dtype=np.int64)
        if len(ids):
            _compiled()[0](ids, self.last, self.n, prev)
        self.n += len(ids)
        return pos, prev


class _Mattr:
    """MATTR of a sequence fed in pieces as ``(positions, prev)`` (:class:`_Positions`).

    The sum over windows of their types is counted per token: token ``j``
    is a new type in every window that contains it and starts after
    ``prev[j]``, i.e. the windows ending at ``e`` with ``max(j, prev[j] + w)
    <= e <= j + w - 1`` (and ``e`` in the sequence).  Windows past the
    sequence's end are taken off at the end, from the last ``w`` tokens.
    """

    def __init__(self, mattr_window: int) -> None:
        if mattr_window < 1:
            raise ValueError(f"mattr_window must be >= 1, not {mattr_window}")
        self.w, self.n, self.total, self.types = mattr_window, 0, 0, 0
        self.start: int | None = None
        self.tail_pos = np.empty(0, dtype=np.int64)
        self.tail_prev = np.empty(0, dtype=np.int64)

    def _windows(self, pos: np.ndarray, prev: np.ndarray, last_end: int | None) -> int:
        w = self.w
        lo = np.maximum(np.maximum(pos, prev + w), self.start + w - 1)
        if last_end is not None:
            lo = np.maximum(lo, last_end + 1)
        return int(np.clip(pos + w - 1 - lo + 1, 0, None).sum())

    def feed(self, pos: np.ndarray, prev: np.ndarray) -> None:
        if not len(pos):
            return
        if self.start is None:
            self.start = int(pos[0])
        self.total += self._windows(pos, prev, None)
        self.types += int((prev < self.start).sum())
        self.n += len(pos)
        self.tail_pos = np.concatenate([self.tail_pos, pos])[-self.w:]
        self.tail_prev = np.concatenate([self.tail_prev, prev])[-self.w:]

    def value(self) -> float:
        if self.n == 0:
            return math.nan
        if self.n <= self.w:
            return self.types / self.n
        end = self.start + self.n - 1  # windows ending after it were counted, and are not windows
        total = self.total - self._windows(self.tail_pos, self.tail_prev, end)
        return total / (self.n - self.w + 1) / self.w


class _MtldPass:
    """One pass of MTLD (forward, or backward when fed the words last first), fed ``(positions, prev)``.

    A token is a new type of the running factor when its previous occurrence
    is before the factor's start; the factor ends at the first token where
    types / tokens falls to the threshold (:func:`_mtld_loop`).
    """

    def __init__(self, threshold: float) -> None:
        if not 0 < threshold < 1:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold, self.factors, self.n = threshold, 0.0, 0
        self.types, self.count = 0, 0  # of the running factor
        self.factor_start: int | None = None

    def feed(self, pos: np.ndarray, prev: np.ndarray) -> None:
        if not len(pos):
            return
        if self.factor_start is None:
            self.factor_start = int(pos[0])
        self.factor_start, self.types, self.count, factors = _compiled()[1](
            pos, prev, self.threshold, self.factor_start, self.types, self.count)
        self.factors += factors
        self.n += len(pos)

    def value(self) -> float:
        factors = self.factors
        if self.count:
            factors += (1 - self.types / self.count) / (1 - self.threshold)
        return self.n / factors if factors else math.nan


def mattr(words: Sequence[str], mattr_window: int = 50) -> float:
    """Moving-average type-token ratio (see module docstring).

    >>> mattr(["a", "b", "a", "b"], mattr_window=2)
    1.0
    >>> round(mattr(["a", "a", "b"], mattr_window=2), 3)
    0.75
    """
    acc = _Mattr(mattr_window)
    acc.feed(*_Positions().feed(_term_ids(words, {})))
    return acc.value()


def mtld(words: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (see module docstring).

    >>> mtld(["a"] * 10)  # every 2nd word completes a factor (TTR 0.5)
    2.0
    """
    forward, backward = _MtldPass(threshold), _MtldPass(threshold)
    if not words:
        return math.nan
    ids = _term_ids(words, {})
    forward.feed(*_Positions().feed(ids))
    backward.feed(*_Positions().feed(ids[::-1]))
    return (forward.value() + backward.value()) / 2


class _TermCounts:
    """Counts of term ids fed in pieces: how many distinct, and how many seen once.

    ``dense`` (a corpus or a group: many pieces) adds each piece's counts
    into one array indexed by term id, which grows with the vocabulary;
    otherwise (an article: one piece or a few) the pieces' counts are kept
    and merged into one sorted array whenever they outgrow it, so that a
    short text never allocates a vocabulary-sized array and a long one
    holds at most about twice its own vocabulary.  numpy either way: no
    Python object per term.
    """

    def __init__(self, dense: bool) -> None:
        self.dense = dense
        self.totals = np.zeros(0, dtype=np.int64)  # dense: by id; else: of the merged ids
        self.merged = np.zeros(0, dtype=np.int64)  # not dense: the distinct ids merged so far, sorted
        self.pieces: list[tuple[np.ndarray, np.ndarray]] = []
        self.pending = 0  # ids in self.pieces

    def feed(self, ids: np.ndarray) -> None:
        if not len(ids):
            return
        distinct, counts = np.unique(ids, return_counts=True)
        if not self.dense:
            if not len(self.merged):  # the first piece: already distinct and sorted
                self.merged, self.totals = distinct, counts
                return
            self.pieces.append((distinct, counts))
            self.pending += len(distinct)
            if self.pending > len(self.merged):
                self._merge()
            return
        if distinct[-1] >= len(self.totals):
            grown = np.zeros(max(int(distinct[-1]) + 1, 2 * len(self.totals)), dtype=np.int64)
            grown[: len(self.totals)] = self.totals
            self.totals = grown
        self.totals[distinct] += counts  # distinct ids: no two updates of one element

    def _merge(self) -> None:
        ids = np.concatenate([self.merged, *(d for d, _ in self.pieces)])
        self.merged, where = np.unique(ids, return_inverse=True)
        totals = np.zeros(len(self.merged), dtype=np.int64)
        np.add.at(totals, where, np.concatenate([self.totals, *(c for _, c in self.pieces)]))
        self.totals, self.pieces, self.pending = totals, [], 0

    def types_and_hapaxes(self) -> tuple[int, int]:
        if self.pieces:
            self._merge()
        return int(np.count_nonzero(self.totals)), int(np.count_nonzero(self.totals == 1))


class _Diversity:
    """Everything of one :func:`diversity_table` row but MTLD's backward pass, fed the words in pieces.

    The one implementation of the row: an in-memory sequence is fed at once
    (:func:`_diversity_row`); a token dataset is streamed in pieces, forward,
    then backward for the second MTLD pass (:func:`_stream_rows`), so
    a row over the whole corpus (the articles' words one after the other)
    equals the in-memory one without the sequence ever being held.  The
    positions come from a :class:`_Positions` of the sequence (or of a
    stream in which the sequence is one contiguous run).  ``dense``: see
    :class:`_TermCounts`.
    """

    def __init__(self, mattr_window: int, threshold: float, dense: bool = False) -> None:
        self.counts = _TermCounts(dense)
        self.mattr = _Mattr(mattr_window)
        self.forward, self.backward = _MtldPass(threshold), _MtldPass(threshold)

    def feed(self, ids: np.ndarray, pos: np.ndarray, prev: np.ndarray) -> None:
        self.counts.feed(ids)
        self.mattr.feed(pos, prev)
        self.forward.feed(pos, prev)

    def summary(self) -> dict:
        """The row without MTLD, and the forward pass's value (``_forward``)."""
        v, hapax = self.counts.types_and_hapaxes()
        n = self.mattr.n
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
    ids = _term_ids(words, {})
    acc = _Diversity(mattr_window, threshold)
    acc.feed(ids, *_Positions().feed(ids))
    acc.backward.feed(*_Positions().feed(ids[::-1]))
    return acc.row()


def _stream_rows(dataset: TokenDataset, labels: Mapping[str, str] | None, column: str, mattr_window: int,
                 threshold: float, groups: Sequence[str] = ("",)) -> dict[str, dict]:
    """Rows of the groups ``labels`` (article -> group; None: one group ``""`` of every article), streamed.

    Forward, then backward, in pieces of at most one batch: memory is one
    batch, and per group its counts and one position per distinct word.
    """
    accs = {g: _Diversity(mattr_window, threshold, dense=True) for g in groups}
    vocabulary: dict[str, int] = {}
    positions = {g: _Positions() for g in groups}  # each group's words are one sequence of their own
    for article, ids in iter_article_words(dataset, column, whole=False, vocabulary=vocabulary):
        group = "" if labels is None else labels.get(article)
        if group is not None:
            accs[group].feed(ids, *positions[group].feed(ids))
    positions = {g: _Positions() for g in groups}
    for article, ids in iter_article_words(dataset, column, reverse=True, whole=False, vocabulary=vocabulary):
        group = "" if labels is None else labels.get(article)
        if group is not None:
            accs[group].backward.feed(*positions[group].feed(ids))
    return {g: acc.row() for g, acc in accs.items()}


def _stream_article_rows(dataset: TokenDataset, column: str, mattr_window: int, threshold: float,
                         corpus: bool = False) -> tuple[list[dict], dict | None]:
    """One row per article with a kept token (and, with ``corpus``, the corpus row), streamed in pieces.

    Memory is one batch, not one article.  The forward pass keeps each
    article's summary (a few numbers) once it ends; the backward pass
    (articles last first) completes their MTLD.  One :class:`_Positions`
    per pass serves every article: an article is one contiguous run of the
    stream, and a previous occurrence before its start counts as none.  The
    corpus's word sequence is that same stream, so with ``corpus`` its row
    is fed the same positions in the same two passes: both tables for the
    reading of one (:func:`diversity_tables`).
    """
    summaries: dict[str, dict] = {}
    current, acc = None, None
    whole = _Diversity(mattr_window, threshold, dense=True) if corpus else None
    vocabulary: dict[str, int] = {}
    stream = _Positions()
    for article, ids in iter_article_words(dataset, column, whole=False, vocabulary=vocabulary):
        if article != current:
            if acc is not None:
                summaries[current] = acc.summary()
            current, acc = article, _Diversity(mattr_window, threshold)
        pos, prev = stream.feed(ids)
        acc.feed(ids, pos, prev)
        if whole is not None:
            whole.feed(ids, pos, prev)
    if acc is not None:
        summaries[current] = acc.summary()
    backward: dict[str, float] = {}
    current, back = None, None
    stream = _Positions()
    for article, ids in iter_article_words(dataset, column, reverse=True, whole=False, vocabulary=vocabulary):
        if article != current:
            if back is not None:
                backward[current] = back.value()
            current, back = article, _MtldPass(threshold)
        pos, prev = stream.feed(ids)
        back.feed(pos, prev)
        if whole is not None:
            whole.backward.feed(pos, prev)
    if back is not None:
        backward[current] = back.value()
    rows = [{"article": article, **_finish(summary, backward[article])} for article, summary in summaries.items()]
    return rows, whole.row() if whole is not None else None


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
            rows, _ = _stream_article_rows(ds, column, mattr_window, threshold)
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


class DiversityTables(NamedTuple):
    """:func:`diversity_tables`' result: the corpus row and the rows per article."""

    corpus: pd.DataFrame
    by_article: pd.DataFrame


def diversity_tables(
    data,
    *,
    mattr_window: int = 50,
    threshold: float = 0.72,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> DiversityTables:
    """``diversity_table(data)`` and ``diversity_table(data, by_article=True)`` at once.

    The same two tables, equal to the two calls; a token dataset is
    streamed once forward and once backward for both, instead of twice
    each (the corpus's word sequence is the articles' one after the other,
    so both read the same positions: half the reading and term lookups of
    two calls).  The parameters are :func:`diversity_table`'s.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> both = diversity_tables(Corpus.from_texts(["a rose is a rose", "a daisy"]))
    >>> both.corpus["types"].tolist(), both.by_article["types"].tolist()
    ([4], [3, 2])
    """
    _Mattr(mattr_window), _MtldPass(threshold)  # check the parameters before any work
    if isinstance(data, TokenDataset):
        ds = data.with_options(options) if options is not None else data
        rows, whole = _stream_article_rows(ds, column, mattr_window, threshold, corpus=True)
        return DiversityTables(pd.DataFrame([whole]), pd.DataFrame(rows, columns=["article", *DIVERSITY_COLUMNS]))
    toks = as_token_table(data, options)  # one tokenisation for both
    return DiversityTables(
        diversity_table(toks, mattr_window=mattr_window, threshold=threshold, column=column),
        diversity_table(toks, by_article=True, mattr_window=mattr_window, threshold=threshold, column=column))


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
