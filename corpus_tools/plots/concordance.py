"""AntConc's concordance plot for a corpus: where a term occurs in each article.

One row per article, its length scaled to the same width, one tick per hit at
its relative position, so a term used all through a story and a term bunched
in one passage look different at a glance.  Readable at any corpus size: at
most ``top`` rows are drawn (the articles with most hits, ties in corpus
order), and the title says how many articles with hits were left out.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.plots.words import MAX_INCHES

__all__ = ["plot_concordance"]


def plot_concordance(hits: pd.DataFrame, lengths: pd.Series | dict, term: str, top: int = 30,
                     title: str | None = None) -> Figure:
    """A concordance plot of ``term`` from its KWIC lines.

    Parameters
    ----------
    hits : DataFrame
        A :func:`~corpus_tools.kwic_table` of ``term`` (columns ``article`` and
        ``position``).
    lengths : mapping or Series
        Article id -> its number of tokens (positions run from 0 to length - 1);
        the article order of ``lengths`` is the corpus order used for ties.
    term : str
        Shown in the title.
    top : int
        Most rows drawn: the articles with most hits.

    Examples
    --------
    >>> hits = pd.DataFrame({"article": ["a", "a", "b"], "position": [0, 9, 5]})
    >>> fig = plot_concordance(hits, {"a": 10, "b": 10, "c": 4}, "oil")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['a (2)', 'b (1)']
    """
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top must be an integer >= 1, not {top!r}")
    lengths = pd.Series(lengths, dtype="int64")
    order = {a: i for i, a in enumerate(lengths.index)}
    counts = hits.groupby("article", sort=False).size()
    ranked = sorted(counts.index, key=lambda a: (-counts[a], order.get(a, len(order))))
    shown = ranked[:top]
    rows = len(shown)
    fig = Figure(figsize=(min(12.0, MAX_INCHES), min(MAX_INCHES, 1.2 + 0.32 * max(rows, 1))), layout="constrained")
    ax = fig.subplots()
    for y, article in enumerate(shown):
        size = max(int(lengths.get(article, 1)), 1)
        xs = (hits.loc[hits["article"] == article, "position"].to_numpy() + 0.5) / size
        ax.vlines(xs, y - 0.38, y + 0.38, color="#1b9e77", linewidth=1)
        ax.hlines(y, 0, 1, color="#dddddd", linewidth=0.6, zorder=0)
    ax.set_yticks(range(rows), [f"{a} ({counts[a]})".replace("$", r"\$") for a in shown])
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_ylabel("article (hits)")
    left = len(ranked) - rows
    heading = title or f"Where {term!r} occurs: {len(hits)} hits in {len(ranked)} articles"
    if left:
        heading += f" ({rows} with most hits shown, {left} left out)"
    ax.set_title(heading.replace("$", r"\$"))
    return fig
