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

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from corpus_tools.model.corpus import Article
from corpus_tools.structure.headings import classify_headings
from corpus_tools.structure.sections import section_table
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
    article: Article,
    terms: Iterable[str],
    *,
    options: TokenOptions | None = None,
    neighbourhood: int = 1,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Where each term occurs along the article, with the headings marked.

    Parameters
    ----------
    article : Article
    terms : iterable of str
        Terms as counted (``options.normalize`` form: lower case by default).
        Plotted top to bottom in the order given.
    options : TokenOptions, optional
        How tokens are normalised (default :class:`TokenOptions`).
    neighbourhood : int
        Passed to :func:`corpus_tools.classify_headings` (heading kinds).
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
    toks = token_table(article, options or TokenOptions())
    if not terms and toks.empty:  # "* * *", emoji only: nothing to trace, and no error (the report goes on)
        fig, ax = _axes(ax, (10, 1.6))
        ax.text(0.5, 0.5, f"{article.id} has no countable word: no term to plot", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title or f"Lexical dispersion in {article.id}", pad=14)
        return fig
    if not terms:
        raise ValueError("terms must name at least one term to plot")
    all_tokens = list(iter_tokens(article))
    n_tokens = len(all_tokens)
    fig, ax = _axes(ax, (10, 1.2 + 0.45 * len(terms)))
    for row, term in enumerate(terms):
        xs = toks.loc[toks["norm"] == term, "position"].tolist()
        ax.plot(xs, [row] * len(xs), linestyle="none", marker="|", markersize=14, color="tab:blue")
    first_token = {}
    for t in all_tokens:
        first_token.setdefault(t.block, (t.position, t.section))
    kinds_seen = []
    for h in classify_headings(article, neighbourhood):
        if h.block not in first_token:
            continue
        x, section = first_token[h.block]
        style, colour = _KIND_STYLE[h.kind]
        ax.axvline(x, linestyle=style, color=colour, linewidth=1.2)
        ax.annotate(f"§{section}", (x, 1.0), xycoords=("data", "axes fraction"), xytext=(2, 2),
                    textcoords="offset points", fontsize=8, color=colour)
        if h.kind not in kinds_seen:
            kinds_seen.append(h.kind)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(0, max(n_tokens, 1))
    ax.set_xlabel("token position in article")
    ax.set_ylabel("term")
    ax.set_title(title or f"Lexical dispersion in {article.id}", pad=14)
    if kinds_seen:
        handles = [Line2D([], [], linestyle=_KIND_STYLE[k][0], color=_KIND_STYLE[k][1], label=f"heading: {k}")
                   for k in kinds_seen]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    return fig


def plot_section_profile(article: Article, *, neighbourhood: int = 1, ax: Axes | None = None,
                         title: str | None = None) -> Figure:
    """Words per section (bars coloured by section kind), with the quoted share printed on each bar.

    Examples
    --------
    >>> a = Article.from_text('“Yes,” he said.\\n\\nNext part\\n\\nMore words here.', id="x")
    >>> fig = plot_section_profile(a)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()], fig.axes[0].get_ylabel()
    (['§0 lead', '§1 subheading'], 'words (paragraphs only)')
    """
    t = section_table(article, neighbourhood=neighbourhood)
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
    ax.set_title(title or f"Sections of {article.id}")
    return fig
