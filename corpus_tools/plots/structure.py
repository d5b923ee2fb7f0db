"""Figures for the section structure: lexical dispersion and section profile.

Both functions build a :class:`matplotlib.figure.Figure` directly (the
object API, no pyplot state): safe under the Agg backend and in batch runs,
no figure is left open, and a notebook shows the returned figure once.  Pass
``ax`` to draw into axes of your own instead.

NLTK has ``nltk.draw.dispersion_plot``, but it draws through pyplot's global
state and cannot mark headings, so the dispersion plot is drawn here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from corpus_tools.model.corpus import Article
from corpus_tools.scale.structure_queries import structure_article_table
from corpus_tools.structure.headings import classify_headings
from corpus_tools.structure.sections import section_table
from corpus_tools.tokens.cache import RAW_TOKEN_OPTIONS, renormalized_table
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.tokenize import TokenOptions, iter_tokens, token_table

__all__ = ["plot_lexical_dispersion", "plot_section_profile"]

_KIND_STYLE = {"subheading": ("-", "tab:gray"), "link": (":", "tab:red")}
_KIND_COLOUR = {"lead": "tab:blue", "subheading": "tab:green", "link": "tab:red"}


def _axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.subplots()


def plot_lexical_dispersion(
    article: Article | str,
    terms: Iterable[str],
    *,
    options: TokenOptions | None = None,
    neighbourhood: int = 1,
    dataset: TokenDataset | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Where each term occurs along the article, with the headings marked.

    Parameters
    ----------
    article : Article or str
        The article (or, with ``dataset``, its id).
    terms : iterable of str
        Terms as counted (``options.normalize`` form: lower case by default).
        Plotted top to bottom in the order given.
    options : TokenOptions, optional
        How tokens are normalised (default :class:`TokenOptions`).
    neighbourhood : int
        Passed to :func:`corpus_tools.classify_headings` (heading kinds).
    dataset : TokenDataset, optional
        Read the article's tokens from this dataset (a filtered read of its
        one part) and the heading kinds from its stored headings table
        (:func:`corpus_tools.scale.structure_article_table`: the article's
        rows of its one part): nothing is tokenised,
        and the positions are those of the dataset's tokenizer.  Without
        it the article is tokenised (exact tokenizer).
    ax : matplotlib Axes, optional
    title : str, optional
        Default: ``"Lexical dispersion in <article id>"``.

    Returns
    -------
    matplotlib.figure.Figure
        x: token position in the article (all tokens, as the token table's
        ``position``); one row of ``|`` marks per term; a vertical line at
        the first token of each heading (solid grey: subheading, dotted
        red: inserted link), labelled with the section it opens.

    Examples
    --------
    >>> a = Article.from_text("War began.\\n\\nAftermath\\n\\nThe war ended.", id="x")
    >>> fig = plot_lexical_dispersion(a, ["war"])
    >>> fig.axes[0].get_title(), len(fig.axes[0].lines)
    ('Lexical dispersion in x', 2)
    """
    terms = list(dict.fromkeys(terms))
    options = options or TokenOptions()
    if dataset is not None:
        name = article.id if isinstance(article, Article) else str(article)
        raw = dataset.with_options(RAW_TOKEN_OPTIONS).article_token_table(name)
        toks = renormalized_table(raw, options)
        all_tokens = list(zip(raw["block"].tolist(), raw["position"].tolist(), raw["section"].tolist(), strict=True))
        headings = structure_article_table(dataset, "headings", name)  # its rows only, from its one part
        headings = list(headings[["block", "kind"]].itertuples(index=False))
    else:
        if not isinstance(article, Article):
            raise TypeError("give the Article, or its id together with dataset=")
        name = article.id
        toks = token_table(article, options)
        all_tokens = [(t.block, t.position, t.section) for t in iter_tokens(article)]
        headings = classify_headings(article, neighbourhood)
    if not terms and toks.empty:  # "* * *", emoji only: nothing to trace, and no error (the report goes on)
        fig, ax = _axes(ax, (10, 1.6))
        ax.text(0.5, 0.5, f"{name} has no countable word: no term to plot", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title or f"Lexical dispersion in {name}", pad=14)
        return fig
    if not terms:
        raise ValueError("terms must name at least one term to plot")
    n_tokens = len(all_tokens)
    fig, ax = _axes(ax, (10, 1.2 + 0.45 * len(terms)))
    for row, term in enumerate(terms):
        xs = toks.loc[toks["norm"] == term, "position"].tolist()
        ax.plot(xs, [row] * len(xs), linestyle="none", marker="|", markersize=14, color="tab:blue")
    first_token = {}
    for block, position, section in all_tokens:
        first_token.setdefault(block, (position, section))
    kinds_seen = []
    labels = []  # (x, text, colour) of each section's label, laid out once the axes are final
    for h in headings:
        if h.block not in first_token:
            continue
        x, section = first_token[h.block]
        style, colour = _KIND_STYLE[h.kind]
        ax.axvline(x, linestyle=style, color=colour, linewidth=1.2)
        labels.append((x, f"§{section}", colour))
        if h.kind not in kinds_seen:
            kinds_seen.append(h.kind)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(0, max(n_tokens, 1))
    ax.set_xlabel("token position in article")
    ax.set_ylabel("term")
    ax.set_title(title or f"Lexical dispersion in {name}", pad=_title_pad(_LABEL_ROWS if labels else 0))
    if kinds_seen:
        handles = [Line2D([], [], linestyle=_KIND_STYLE[k][0], color=_KIND_STYLE[k][1], label=f"heading: {k}")
                   for k in kinds_seen]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    _place_section_labels(fig, ax, labels)
    return fig


#: Rows of section labels above the dispersion plot, and the gap (points) kept between two labels.
_LABEL_ROWS, _LABEL_GAP, _LABEL_FONTSIZE = 3, 3.0, 8
_LABEL_ROW_HEIGHT = 1.3 * _LABEL_FONTSIZE  # points


def _title_pad(rows: int) -> float:
    return 6.0 + rows * _LABEL_ROW_HEIGHT


def _place_section_labels(fig: Figure, ax: Axes, labels: list[tuple[float, str, str]]) -> None:
    """Label each heading line above the axes so that no two labels touch and none leaves the figure.

    Close headings (a novel's chapters at 20,000 articles' scale, a list of
    short sections) put their labels on top of each other when each sits at
    its line.  Laid out in display space, once the axes have their final
    width: left to right, each label goes in the lowest of ``_LABEL_ROWS``
    rows where it clears the previous label by ``_LABEL_GAP`` points; a
    label near the right edge is right-aligned to its line so it stays over
    the axes; a label that fits in no row is left out (its line stays), and
    the x label says how many were.  The labels are outside the layout
    engine (``set_in_layout(False)``) so that placing them cannot move the
    axes they were measured against; the title's pad reserves their rows.
    """
    if not labels:
        return
    fig.draw_without_rendering()  # the layout engine's pass: the axes' final position
    left_edge, right_edge = ax.get_window_extent().x0, ax.get_window_extent().x1
    points = fig.dpi / 72.0  # display pixels per point
    gap, nudge = _LABEL_GAP * points, 2.0 * points
    row_ends = [-float("inf")] * _LABEL_ROWS
    rows_used, left_out = 0, 0
    for x, text, colour in sorted(labels, key=lambda label: label[0]):
        label = ax.annotate(text, (x, 1.0), xycoords=("data", "axes fraction"), xytext=(2, 2),
                            textcoords="offset points", fontsize=_LABEL_FONTSIZE, color=colour, annotation_clip=False)
        label.set_in_layout(False)
        width = label.get_window_extent().width
        at = ax.transData.transform((x, 0))[0]
        start = at + nudge
        if start + width > right_edge:  # would overhang the axes (and the legend beside them): end at the line
            start = max(left_edge, at - nudge - width)
            label.set_horizontalalignment("right")
            label.xyann = (-2, 2)
        row = next((r for r, end in enumerate(row_ends) if start >= end + gap), None)
        if row is None:
            label.remove()
            left_out += 1
            continue
        row_ends[row] = start + width
        rows_used = max(rows_used, row + 1)
        label.xyann = (label.xyann[0], 2 + row * _LABEL_ROW_HEIGHT)
    ax.set_title(ax.get_title(), pad=_title_pad(rows_used))
    if left_out:
        shown = len(labels) - left_out
        ax.set_xlabel(f"{ax.get_xlabel()} ({shown} of {len(labels)} section labels shown, for space)")


def plot_section_profile(article: Article | pd.DataFrame, *, neighbourhood: int = 1, ax: Axes | None = None,
                         title: str | None = None) -> Figure:
    """Words per section (bars coloured by section kind), with the quoted share printed on each bar.

    ``article`` is an Article, or the rows of one article of a section
    table (:func:`corpus_tools.section_table`, or the dataset's stored
    ``structure_table(ds, "sections")``): drawn from them without tokenising.

    Examples
    --------
    >>> a = Article.from_text('“Yes,” he said.\\n\\nNext part\\n\\nMore words here.', id="x")
    >>> fig = plot_section_profile(a)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()], fig.axes[0].get_ylabel()
    (['§0 lead', '§1 subheading'], 'words (paragraphs only)')
    """
    if isinstance(article, pd.DataFrame):
        t = article.reset_index(drop=True)
        if t["article"].nunique() > 1:
            raise ValueError("give the section rows of one article (e.g. article_rows_table(sections, id))")
        name = t["article"].iloc[0] if len(t) else ""
    else:
        t, name = section_table(article, neighbourhood=neighbourhood), article.id
    fig, ax = _axes(ax, (max(4.0, 1.2 * len(t)), 3.5))
    xs = list(range(len(t)))
    ax.bar(xs, t["words"], color=[_KIND_COLOUR[k] for k in t["kind"]])
    for x, words, share in zip(xs, t["words"], t["quoted_share"], strict=True):
        if words:
            ax.annotate(f"{share:.0%} quoted", (x, words), xytext=(0, 2), textcoords="offset points",
                        ha="center", fontsize=8)
    ax.set_xticks(xs, [f"§{s} {k}" for s, k in zip(t["section"], t["kind"], strict=True)])
    ax.set_xlabel("section")
    ax.set_ylabel("words (paragraphs only)")
    ax.set_title(title or f"Sections of {name}")
    return fig
