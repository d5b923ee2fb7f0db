"""Trend figures: relative frequency of terms over time, with the number of articles per period.

:func:`plot_trends` takes a :func:`~corpus_tools.stats.trend_table`.  The upper panel has one
line per term (per 10,000 tokens; a period without tokens is a gap, not a
zero), the lower panel the articles of each period as bars, so a peak built on
one article is visible as such.  Tick labels are thinned to at most 12, so one
month of days and twenty years of months read alike.

Examples
--------
>>> from corpus_tools import Corpus
>>> from corpus_tools.stats import trend_table
>>> c = Corpus.from_texts(["Oil rose.", "Oil fell."], dates=["2023-01-05", "2023-03-02"])
>>> fig = plot_trends(trend_table(c, ["oil"]))
>>> [ax.get_ylabel() for ax in fig.axes]
['per 10,000 tokens', 'articles']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.plots.words import LABEL_SIZE, TICK_SIZE, TITLE_SIZE

__all__ = ["MAX_TICKS", "plot_trends"]

#: Most period labels written under the time axis.
MAX_TICKS = 12


def _plain(text) -> str:
    return str(text).replace("$", r"\$")


def plot_trends(trends: pd.DataFrame, value: str = "per_10k", title: str | None = None) -> Figure:
    """Lines of ``value`` per period for each term, over bars of articles per period.

    Parameters
    ----------
    trends : DataFrame
        A :func:`~corpus_tools.stats.trend_table`.
    value : {"per_10k", "count"}
    title : str, optional
    """
    if value not in ("per_10k", "count"):
        raise ValueError(f"value must be 'per_10k' or 'count', not {value!r}")
    periods = list(dict.fromkeys(trends["period"]))
    fig = Figure(figsize=(10, 6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    unit = trends.attrs.get("period", "period")
    top.set_title(_plain(title or f"Relative frequency by {unit}"), fontsize=TITLE_SIZE)
    top.set_ylabel("per 10,000 tokens" if value == "per_10k" else "occurrences", fontsize=LABEL_SIZE)
    bottom.set_ylabel("articles", fontsize=LABEL_SIZE)
    bottom.set_xlabel(unit, fontsize=LABEL_SIZE)
    for ax in (top, bottom):
        ax.tick_params(labelsize=TICK_SIZE)
    if not periods:
        top.text(0.5, 0.5, "no dated articles", ha="center", va="center", fontsize=LABEL_SIZE,
                 transform=top.transAxes)
        return fig
    x = np.arange(len(periods))
    at = {p: i for i, p in enumerate(periods)}
    marker = "o" if len(periods) <= 60 else None
    for term in dict.fromkeys(trends["term"]):
        rows = trends[trends["term"] == term]
        ys = np.full(len(periods), np.nan)
        ys[[at[p] for p in rows["period"]]] = rows[value].to_numpy(dtype=float)
        top.plot(x, ys, marker=marker, markersize=4, label=_plain(term))
    top.legend(fontsize=TICK_SIZE, loc="best")
    top.grid(alpha=0.3)
    articles = trends.drop_duplicates("period").set_index("period")["articles"].reindex(periods).fillna(0)
    bottom.bar(x, articles.to_numpy(dtype=float), color="#9e9e9e", width=0.8)
    bottom.grid(axis="y", alpha=0.3)
    step = max(1, -(-len(periods) // MAX_TICKS))
    bottom.set_xticks(x[::step], [_plain(p) for p in periods[::step]], rotation=45, ha="right")
    return fig
