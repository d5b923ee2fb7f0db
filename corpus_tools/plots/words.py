"""The figures of the notebooks, as functions returning matplotlib Figures.

Every function takes a table from the library (a frequency table, a
collocation table...) and returns a :class:`matplotlib.figure.Figure` built
with the object API (no pyplot state, so it is safe headless, in threads and
in loops), with a title, axis labels and font sizes readable at report size.
Save with :func:`corpus_tools.io.outputs.save_figure` (PNG, optionally SVG, written atomically).

Examples
--------
>>> from corpus_tools import Corpus, frequency_table
>>> fig = plot_top_terms(frequency_table(Corpus.from_texts(["a b b c c c"])), top=2)
>>> fig.axes[0].get_title()
'Top 2 terms'
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from corpus_tools.stats.diversity import ZipfFit, zipf_fit
from corpus_tools.stats.measures import resolve_measure

__all__ = [
    "plot_block_lengths",
    "plot_collocations",
    "plot_rank_frequency",
    "plot_sections",
    "plot_sentence_lengths",
    "plot_term_article_heatmap",
    "plot_top_terms",
]

TITLE_SIZE = 14
LABEL_SIZE = 12
TICK_SIZE = 10
BLOCK_COLORS = {"heading": "#d95f02", "paragraph": "#1b9e77"}


def _figure(width: float, height: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def _plain(text) -> str:
    """Text shown literally: matplotlib would read "$...$" in a term or title as math."""
    return str(text).replace("$", r"\$")


def _label(ax, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(_plain(title), fontsize=TITLE_SIZE)
    ax.set_xlabel(_plain(xlabel), fontsize=LABEL_SIZE)
    ax.set_ylabel(_plain(ylabel), fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)


def _empty(ax, message: str = "nothing to show") -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=LABEL_SIZE, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _barh(table: pd.DataFrame, label: str, value: str, n: int, title: str, xlabel: str,
          color: str = "#386cb0") -> Figure:
    rows = table.head(n)
    fig, ax = _figure(8, max(2.5, 0.32 * len(rows) + 1.2))
    _label(ax, title, xlabel, "")
    if rows.empty:
        _empty(ax)
        return fig
    y = np.arange(len(rows))
    ax.barh(y, rows[value].to_numpy(dtype=float), color=color)
    ax.set_yticks(y, [_plain(t) for t in rows[label]])
    ax.invert_yaxis()  # first row at the top
    ax.grid(axis="x", alpha=0.3)
    return fig


def plot_top_terms(freq: pd.DataFrame, top: int = 20, value: str = "count", title: str | None = None) -> Figure:
    """Horizontal bar chart of the first ``top`` rows of a frequency table.

    Parameters
    ----------
    freq : DataFrame
        With ``term`` and ``value`` columns, in the order to draw (a
        :func:`~corpus_tools.frequency_table` is already sorted).
    top : int
    value : str
        Column for the bar length (``"count"``, ``"per_10k"``, ``"tfidf"``).
    title : str, optional
    """
    labels = {"count": "occurrences", "per_10k": "occurrences per 10,000 tokens", "tfidf": "tf-idf"}
    return _barh(freq, "term", value, top, title or f"Top {min(top, len(freq))} terms", labels.get(value, value))


def plot_rank_frequency(freq: pd.DataFrame, fit: ZipfFit | None = None, title: str | None = None) -> Figure:
    """Rank-frequency (Zipf) plot on log-log axes, with the fitted line.

    The slope of the least-squares line (:func:`~corpus_tools.zipf_fit`) is
    shown in the legend; natural text is near -1.
    """
    counts = np.sort(freq["count"].to_numpy(dtype=float))[::-1]
    fig, ax = _figure(7, 5)
    _label(ax, title or "Rank-frequency (Zipf) plot", "rank (log scale)", "count (log scale)")
    if len(counts) == 0:
        _empty(ax)
        return fig
    ranks = np.arange(1, len(counts) + 1)
    ax.loglog(ranks, counts, marker="o", linestyle="none", markersize=3, alpha=0.6, label="terms")
    fit = fit if fit is not None else zipf_fit(counts)
    if not math.isnan(fit.slope):
        ax.loglog(ranks, fit.predict(ranks), color="#d95f02",
                  label=f"fit: slope {fit.slope:.2f}, R² {fit.r_squared:.2f}")
    ax.legend(fontsize=TICK_SIZE)
    ax.grid(which="both", alpha=0.2)
    return fig


def plot_term_article_heatmap(matrix: pd.DataFrame, value: str = "tf-idf", title: str | None = None) -> Figure:
    """Heatmap of a term-by-article table (rows terms, columns articles).

    Cells carry their value as text when the table is small enough to read.
    """
    fig, ax = _figure(max(5, 1.1 * matrix.shape[1] + 3), max(3, 0.35 * matrix.shape[0] + 1.5))
    _label(ax, title or f"Terms by article ({value})", "article", "term")
    if matrix.empty:
        _empty(ax)
        return fig
    data = matrix.to_numpy(dtype=float)
    image = ax.imshow(data, aspect="auto", cmap="viridis")
    ax.set_xticks(range(matrix.shape[1]), [_plain(c) for c in matrix.columns], rotation=45, ha="right")
    ax.set_yticks(range(matrix.shape[0]), [_plain(i) for i in matrix.index])
    cbar = fig.colorbar(image, ax=ax)
    cbar.set_label(value, fontsize=LABEL_SIZE)
    if data.size <= 400:
        high = np.nanmax(data) if np.isfinite(data).any() else 0
        for (i, j), v in np.ndenumerate(data):
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=8,
                    color="black" if v > high / 2 else "white")
    return fig


def plot_collocations(table: pd.DataFrame, score: str, top: int = 15, label: str = "ngram",
                      title: str | None = None) -> Figure:
    """Bar chart of the ``top`` strongest collocations under ``score``.

    ``score`` is a column of ``table`` or a measure name or alias as
    :func:`~corpus_tools.collocation_table` takes it (``"logDice"``).
    """
    if score not in table.columns:
        size = 3 if label in table.columns and table[label].astype(str).str.count(" ").max() == 2 else 2
        try:
            score = resolve_measure(score, size)
        except ValueError:
            pass
    if score not in table.columns:
        raise ValueError(f"no column {score!r} in the collocation table; columns: {list(table.columns)}")
    # the collocation tables' own tie rule: score, then count (desc), then n-gram (asc)
    keys = [score, "count", label] if "count" in table.columns else [score, label]
    rows = table.sort_values(keys, ascending=[False] + [k == label for k in keys[1:]], kind="mergesort")
    return _barh(rows, label, score, top, title or f"Strongest collocations ({score})", score, color="#7570b3")


def plot_block_lengths(blocks: pd.DataFrame, title: str | None = None) -> Figure:
    """Words per block in article order, headings and paragraphs coloured apart.

    ``blocks`` has columns ``block``, ``kind`` and ``words`` (one article).
    """
    fig, ax = _figure(10, 4)
    _label(ax, title or "Words per block", "block (article order)", "words")
    if blocks.empty:
        _empty(ax)
        return fig
    colors = [BLOCK_COLORS.get(k, "grey") for k in blocks["kind"]]
    ax.bar(blocks["block"].to_numpy(), blocks["words"].to_numpy(), color=colors)
    ax.legend(handles=[Patch(color=c, label=k) for k, c in BLOCK_COLORS.items()], fontsize=TICK_SIZE)
    ax.grid(axis="y", alpha=0.3)
    return fig


def plot_sections(sections: pd.DataFrame, columns: Sequence[str] = ("words", "sentences", "paragraphs"),
                  label: str = "section", title: str | None = None) -> Figure:
    """Per-section counts, one panel per column (their scales differ), one bar per section."""
    columns = list(columns)
    fig = Figure(figsize=(max(8, 1.6 * len(columns) + 0.5 * len(sections) * len(columns)), 4.2), layout="constrained")
    axes = fig.subplots(1, len(columns), squeeze=False)[0]
    fig.suptitle(_plain(title or "Size of each section"), fontsize=TITLE_SIZE)
    for ax, col in zip(axes, columns, strict=True):
        _label(ax, col, label, col)
        if sections.empty:
            _empty(ax)
            continue
        x = np.arange(len(sections))
        ax.bar(x, sections[col].to_numpy(dtype=float), color="#386cb0")
        ax.set_xticks(x, [_plain(v) for v in sections[label]])
        ax.grid(axis="y", alpha=0.3)
    return fig


def plot_sentence_lengths(lengths: Sequence[int] | pd.Series, title: str | None = None) -> Figure:
    """Histogram of sentence lengths (words), with the mean and median marked."""
    values = np.asarray(lengths, dtype=float)
    fig, ax = _figure(7, 4.5)
    _label(ax, title or "Sentence length distribution", "words per sentence", "sentences")
    if values.size == 0:
        _empty(ax)
        return fig
    bins = np.arange(0, values.max() + 6, 5)  # 5-word bins
    ax.hist(values, bins=bins, color="#66a61e", edgecolor="white")
    ax.axvline(values.mean(), color="black", linestyle="--", label=f"mean {values.mean():.1f}")
    ax.axvline(float(np.median(values)), color="#e7298a", linestyle=":", label=f"median {np.median(values):.1f}")
    ax.legend(fontsize=TICK_SIZE)
    return fig
