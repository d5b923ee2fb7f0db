"""Keyness figures in the style of quanteda's ``textplot_keyness``: the top words each way, signed bars.

:func:`plot_keyness` takes a :func:`~corpus_tools.keyness_table`: the ``top``
words over-used in the target are drawn to the right (positive), the ``top``
under-used ones (over-used in the reference) to the left, strongest at the
top and at the bottom, each bar labelled with its word at its end, and a
legend naming both sides.

Examples
--------
>>> from corpus_tools import Corpus, keyness_table
>>> c = Corpus.from_texts(["war war war peace", "peace peace talks"], ids=["a", "b"])
>>> fig = plot_keyness(keyness_table(c, "a"), top=2)
>>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
['target', 'reference']
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from corpus_tools.plots.words import LABEL_SIZE, TICK_SIZE, TITLE_SIZE

__all__ = ["KEYNESS_COLORS", "plot_keyness"]

#: Bar colours of the target and reference sides (quanteda's defaults are dark blue and grey).
KEYNESS_COLORS = ("#1f4e99", "#9e9e9e")

_SIGNED = {"g2": "signed G²", "chi2": "signed chi²", "log_ratio": "log ratio (log2 of the ratio of relative "
           "frequencies)", "pct_diff": "%DIFF"}


def _plain(text) -> str:
    return str(text).replace("$", r"\$")  # a "$" in a word is no matplotlib math


def plot_keyness(table: pd.DataFrame, top: int = 20, measure: str = "g2", target: str | None = None,
                 reference: str | None = None, title: str | None = None) -> Figure:
    """Signed bars of the ``top`` keywords of each side of a keyness table.

    Parameters
    ----------
    table : DataFrame
        A :func:`~corpus_tools.keyness_table` (``direction="both"``).
    top : int
        Words shown on each side (fewer when the table has fewer).
    measure : {"g2", "chi2", "log_ratio", "pct_diff"}
        Bar length: the statistic, negative for the reference's words
        (``log_ratio`` and ``pct_diff`` are signed already).  Words of each
        side are ranked by it (strongest first), ties by target frequency
        and term as in the table.  Infinite %DIFF values (absent from the
        reference) cannot be drawn: they are left out, and the title says so.
    target, reference : str, optional
        Side names for the legend (default: the table's ``target_label``
        and ``reference_label``).
    title : str, optional
    """
    if measure not in _SIGNED:
        raise ValueError(f"measure must be one of {list(_SIGNED)}, not {measure!r}")
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top must be an integer >= 1, not {top!r}")
    target = target or table.attrs.get("target_label", "target")
    reference = reference or table.attrs.get("reference_label", "reference")
    rows = table.assign(_value=table[measure].astype(float))
    infinite = int(np.isinf(rows["_value"]).sum())
    rows = rows[np.isfinite(rows["_value"])]
    if measure in ("g2", "chi2"):
        rows = rows.assign(_value=rows["_value"].where(rows["direction"] != "under", -rows["_value"]))
    order = dict(kind="mergesort")
    over = rows[rows["direction"] == "over"].sort_values("_value", ascending=False, **order).head(top)
    under = rows[rows["direction"] == "under"].sort_values("_value", ascending=True, **order).head(top)
    shown = pd.concat([over, under.iloc[::-1]])  # target's strongest at the top, reference's at the bottom
    fig = Figure(figsize=(8, max(3.0, 0.3 * len(shown) + 1.5)), layout="constrained")
    ax = fig.subplots()
    note = f" ({infinite} infinite left out)" if infinite else ""
    ax.set_title(_plain(title or f"Keywords: {target} against {reference}{note}"), fontsize=TITLE_SIZE)
    ax.set_xlabel(_plain(_SIGNED[measure]), fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.set_yticks([])
    if shown.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", fontsize=LABEL_SIZE, transform=ax.transAxes)
        ax.set_xticks([])
        return fig
    values = shown["_value"].to_numpy()
    y = np.arange(len(shown))
    colors = [KEYNESS_COLORS[0] if v >= 0 else KEYNESS_COLORS[1] for v in values]
    ax.barh(y, values, color=colors)
    reach = max(float(np.abs(values).max()), 1e-9)
    for yi, v, term in zip(y, values, shown["term"], strict=True):
        ax.text(v + (0.02 * reach if v >= 0 else -0.02 * reach), yi, _plain(term), va="center",
                ha="left" if v >= 0 else "right", fontsize=TICK_SIZE)
    ax.set_xlim(-reach * 1.45 if (values < 0).any() else 0, reach * 1.45 if (values > 0).any() else 0)
    if math.isclose(ax.get_xlim()[0], ax.get_xlim()[1]):
        ax.set_xlim(-1, 1)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    ax.legend(handles=[Patch(color=KEYNESS_COLORS[0], label=_plain(target)),
                       Patch(color=KEYNESS_COLORS[1], label=_plain(reference))], fontsize=TICK_SIZE,
              loc="lower right")  # the reference's bars go left: that corner is free
    return fig
