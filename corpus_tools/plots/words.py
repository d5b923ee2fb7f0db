"""The figures of the notebooks, as functions returning matplotlib Figures.

Every function takes a table from the library (a frequency table, a
collocation table...) and returns a :class:`matplotlib.figure.Figure` built
with the object API (no pyplot state, so it is safe headless, in threads and
in loops), with a title, axis labels and font sizes readable at report size.
Save with :func:`corpus_tools.io.outputs.save_figure` (PNG, optionally SVG, written atomically).

Readable at any corpus size: no figure side exceeds :data:`MAX_INCHES` (about
2,000 px at the report's 120 dpi), whatever the number of articles, terms or
sections.  A chart that cannot draw everything legibly draws a documented
selection and says so in its title: the term-by-article heatmap shows the
``top_articles`` articles with the most tokens and the ``top`` terms with the
highest total tf-idf over them (:func:`plot_distinctive_heatmap`); a section
chart keeps every section but labels only as many as fit.

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
from matplotlib.ticker import MaxNLocator

from corpus_tools.model.checks import check_counts
from corpus_tools.stats.cooccurrence_queries import article_token_counts
from corpus_tools.stats.diversity import ZipfFit, zipf_fit
from corpus_tools.stats.frequency import frequency_table, iter_frequency_table
from corpus_tools.stats.measures import resolve_measure
from corpus_tools.tokens.dataset import TokenDataset

__all__ = [
    "MAX_INCHES",
    "heatmap_selection_table",
    "plot_block_lengths",
    "plot_distinctive_heatmap",
    "plot_document_lengths",
    "plot_collocations",
    "plot_corpus_structure",
    "plot_corpus_structure_counts",
    "plot_rank_frequency",
    "plot_sections",
    "plot_sentence_length_counts",
    "plot_sentence_lengths",
    "plot_term_article_heatmap",
    "plot_top_terms",
]

TITLE_SIZE = 14
LABEL_SIZE = 12
TICK_SIZE = 10
BLOCK_COLORS = {"heading": "#d95f02", "paragraph": "#1b9e77"}
#: The longest side of any figure, in inches: 16.5 in is 1,980 px at the report's 120 dpi.
MAX_INCHES = 16.5
#: Height (and width) of one heatmap cell: a 10-point label is about 0.14 in high, so labels never touch.
CELL_INCHES = 0.3
#: Characters of a tick label before it is cut with "…" (long article ids would take the whole width).
LABEL_CHARS = 28


def _figure(width: float, height: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def _plain(text) -> str:
    """Text shown literally: matplotlib would read "$...$" in a term or title as math."""
    return str(text).replace("$", r"\$")


def _short(text, limit: int = LABEL_CHARS) -> str:
    """A tick label cut to ``limit`` characters, shown literally."""
    text = str(text)
    return _plain(text if len(text) <= limit else text[: limit - 1] + "…")


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
    check_counts(top=top)
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


def plot_term_article_heatmap(matrix: pd.DataFrame, value: str = "tf-idf", title: str | None = None,
                              top: int = 40, top_articles: int = 50) -> Figure:
    """Heatmap of a term-by-article table (rows terms, columns articles).

    At most ``top`` terms and ``top_articles`` articles are drawn, so that
    no side exceeds :data:`MAX_INCHES`; when the table is larger, the rows
    and columns with the largest totals are kept (in their order) and the
    title says how many of how many are shown.  Cells carry their value as
    text when the table is small enough to read.
    """
    check_counts(top=top, top_articles=top_articles)
    shown = matrix
    cut = []
    if matrix.shape[0] > top:
        keep = set(_largest(matrix.sum(axis=1), top))
        shown = shown.loc[[t for t in shown.index if t in keep]]
        cut.append(f"{top} of {matrix.shape[0]:,} terms")
    if matrix.shape[1] > top_articles:
        keep = set(_largest(matrix.sum(axis=0), top_articles))
        shown = shown[[a for a in shown.columns if a in keep]]
        cut.append(f"{top_articles} of {matrix.shape[1]:,} articles")
    rows, cols = shown.shape
    label_room = 0.09 * max((len(_short(i)) for i in shown.index), default=4) + 2.0  # term labels + colour bar
    fig, ax = _figure(min(MAX_INCHES, max(5, CELL_INCHES * cols + label_room)),
                      min(MAX_INCHES, max(3, CELL_INCHES * rows + 0.09 * LABEL_CHARS + 1.2)))
    heading = title or f"Terms by article ({value})"
    _label(ax, heading + (f"\n(showing {', '.join(cut)}: the largest totals)" if cut else ""), "article", "term")
    if shown.empty:
        _empty(ax)
        return fig
    data = shown.to_numpy(dtype=float)
    image = ax.imshow(data, aspect="auto", cmap="viridis")
    ax.set_xticks(range(cols), [_short(c) for c in shown.columns], rotation=90)
    ax.set_yticks(range(rows), [_short(i) for i in shown.index])
    cbar = fig.colorbar(image, ax=ax)
    cbar.set_label(value, fontsize=LABEL_SIZE)
    if data.size <= 400 and cols <= 20:  # numbers in cells only while a cell is wide enough for "12.3"
        high = np.nanmax(data) if np.isfinite(data).any() else 0
        for (i, j), v in np.ndenumerate(data):
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=8,
                    color="black" if v > high / 2 else "white")
    return fig


def _largest(totals: pd.Series, k: int) -> list:
    """Labels of the ``k`` largest values, ties in their original order (stable, deterministic)."""
    order = np.argsort(-totals.to_numpy(dtype=float), kind="stable")[:k]
    return [totals.index[i] for i in order]


def _largest_articles_table(dataset: TokenDataset, top_articles: int) -> tuple[pd.DataFrame, int]:
    """The by-article frequency rows of the ``top_articles`` articles with most tokens, and the number of articles.

    Only the chosen articles' rows are read
    (:func:`~corpus_tools.stats.frequency.iter_frequency_table` with ``articles``),
    never the articles x terms table.
    """
    lengths = article_token_counts(dataset)
    chosen = set(_largest(lengths, top_articles))
    pieces = list(iter_frequency_table(dataset, articles=chosen))
    if not pieces:
        return frequency_table(dataset, by_article=True), 0
    return pd.concat(pieces, ignore_index=True), len(lengths)


def heatmap_selection_table(freq_by_article: pd.DataFrame | TokenDataset, top: int = 20,
                            top_articles: int = 40) -> pd.DataFrame:
    """The term-by-article tf-idf table :func:`plot_distinctive_heatmap` draws: a fair, bounded selection.

    Articles: the ``top_articles`` with the most tokens (their ``count``
    total), in corpus order; ties go to the earlier article.  Terms: the
    ``top`` with the highest total tf-idf over those articles, ties by term
    (code point), in that order.  Every article of a small corpus contributes,
    unlike the first rows of a table sorted by article.

    >>> from corpus_tools import Corpus, frequency_table
    >>> f = frequency_table(Corpus.from_texts(["cat cat dog", "dog eel", "eel"]), by_article=True)
    >>> m = heatmap_selection_table(f, top=2, top_articles=2)
    >>> list(m.columns), list(m.index)
    (['0', '1'], ['cat', 'dog'])
    """
    check_counts(top=top, top_articles=top_articles)
    if isinstance(freq_by_article, TokenDataset):
        return heatmap_selection_table(_largest_articles_table(freq_by_article, top_articles)[0], top, top_articles)
    tokens = freq_by_article.groupby("article", sort=False)["count"].sum()
    chosen = set(_largest(tokens, top_articles))
    rows = freq_by_article[freq_by_article["article"].isin(chosen)]
    totals = rows.groupby("term")["tfidf"].sum().sort_index()  # code-point order breaks ties
    terms = _largest(totals, top)
    wide = rows.pivot(index="term", columns="article", values="tfidf")
    articles = [a for a in dict.fromkeys(freq_by_article["article"]) if a in chosen]
    return wide.reindex(index=terms, columns=articles).fillna(0.0)


def plot_distinctive_heatmap(freq_by_article: pd.DataFrame | TokenDataset, top: int = 20, top_articles: int = 40,
                             title: str | None = None) -> Figure:
    """Tf-idf heatmap of the corpus' most distinctive terms over its largest articles.

    ``freq_by_article`` is ``frequency_table(..., by_article=True)``, or a
    token dataset (read in pieces, only the chosen articles' rows kept); the
    selection is :func:`heatmap_selection_table`, and the title says when articles
    were left out.  The figure stays under :data:`MAX_INCHES` at any corpus
    size.
    """
    check_counts(top=top, top_articles=top_articles)
    if isinstance(freq_by_article, TokenDataset):
        freq_by_article, n_articles = _largest_articles_table(freq_by_article, top_articles)
    else:
        n_articles = freq_by_article["article"].nunique()
    matrix = heatmap_selection_table(freq_by_article, top=top, top_articles=top_articles)
    heading = title or f"Distinctive terms by article (tf-idf, top {len(matrix)} terms)"
    if n_articles > matrix.shape[1]:
        heading += f"\n{matrix.shape[1]} of {n_articles:,} articles: those with the most tokens"
    return plot_term_article_heatmap(matrix, value="tf-idf", title=heading, top=top, top_articles=top_articles)


def plot_collocations(table: pd.DataFrame, score: str, top: int = 15, label: str = "ngram",
                      title: str | None = None) -> Figure:
    """Bar chart of the ``top`` strongest collocations under ``score``.

    ``score`` is a column of ``table`` or a measure name or alias as
    :func:`~corpus_tools.collocation_table` takes it (``"logDice"``).
    """
    check_counts(top=top)
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
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # block numbers: no "2.5" ticks
    ax.legend(handles=[Patch(color=c, label=k) for k, c in BLOCK_COLORS.items()], fontsize=TICK_SIZE)
    ax.grid(axis="y", alpha=0.3)
    return fig


#: Sections labelled by name on a section chart; beyond this, ticks are section numbers that fit.
MAX_SECTION_LABELS = 30


def plot_sections(sections: pd.DataFrame, columns: Sequence[str] = ("words", "sentences", "paragraphs"),
                  label: str = "section", title: str | None = None) -> Figure:
    """Per-section counts, one panel per column (their scales differ), one bar per section.

    Every section is drawn, in order, at any number of sections: the figure
    is at most :data:`MAX_INCHES` wide, and beyond
    :data:`MAX_SECTION_LABELS` sections the ticks are section numbers
    (every k-th, so that labels never overlap) instead of every label.
    """
    columns = list(columns)
    width = min(MAX_INCHES, max(8, 1.6 * len(columns) + 0.3 * min(len(sections), MAX_SECTION_LABELS) * len(columns)))
    fig = Figure(figsize=(width, 4.2), layout="constrained")
    axes = fig.subplots(1, len(columns), squeeze=False)[0]
    fig.suptitle(_plain(title or "Size of each section"), fontsize=TITLE_SIZE)
    many = len(sections) > MAX_SECTION_LABELS
    for ax, col in zip(axes, columns, strict=True):
        _label(ax, col, f"{label} number (1 to {len(sections):,})" if many else label, col)
        if sections.empty:
            _empty(ax)
            continue
        x = np.arange(len(sections))
        ax.bar(x, sections[col].to_numpy(dtype=float), color="#386cb0", width=0.8 if not many else 1.0)
        if many:
            step = max(1, math.ceil(len(sections) / 8))  # at most 8-9 numbers per panel
            ticks = x[::step]
            ax.set_xticks(ticks, [f"{t + 1:,}" for t in ticks])
        else:
            ax.set_xticks(x, [_short(v, 12) for v in sections[label]], rotation=90 if len(sections) > 8 else 0)
        ax.grid(axis="y", alpha=0.3)
    return fig


def plot_sentence_lengths(lengths: Sequence[int] | pd.Series, title: str | None = None) -> Figure:
    """Histogram of sentence lengths (words), with the mean and median marked.

    ``lengths`` has one value per sentence; :func:`plot_sentence_length_counts`
    draws the same figure from the count of each length (a corpus of any size).
    """
    values = np.asarray(lengths, dtype=float)
    distinct, counts = np.unique(values, return_counts=True)
    return plot_sentence_length_counts(pd.DataFrame({"words": distinct, "sentences": counts}), title)


def plot_sentence_length_counts(counts: pd.DataFrame, title: str | None = None) -> Figure:
    """Histogram of sentence lengths from their counts: ``words`` (a length) and ``sentences`` (how many have it).

    The figure :func:`plot_sentence_lengths` draws for the lengths these
    counts describe (the same bars, mean and median), from a table as long
    as the number of distinct lengths: the dataset's
    :func:`corpus_tools.scale.sentence_length_count_table`.

    >>> t = pd.DataFrame({"words": [3, 10], "sentences": [2, 1]})
    >>> fig = plot_sentence_length_counts(t)
    >>> [int(p.get_height()) for p in fig.axes[0].patches], fig.axes[0].get_legend().texts[1].get_text()
    ([2, 0, 1], 'median 3.0')
    """
    t = counts[counts["sentences"] > 0]
    values = t["words"].to_numpy(dtype=float)
    weights = t["sentences"].to_numpy(dtype=np.int64)
    fig, ax = _figure(7, 4.5)
    _label(ax, title or "Sentence length distribution", "words per sentence", "sentences")
    if values.size == 0:
        _empty(ax)
        return fig
    bins = np.arange(0, values.max() + 6, 5)  # 5-word bins
    ax.hist(values, bins=bins, weights=weights, color="#66a61e", edgecolor="white")
    mean = _weighted_mean(values, weights)
    median = _weighted_median(values, weights)
    ax.axvline(mean, color="black", linestyle="--", label=f"mean {mean:.1f}")
    ax.axvline(median, color="#e7298a", linestyle=":", label=f"median {median:.1f}")
    ax.legend(fontsize=TICK_SIZE)
    return fig


def _weighted_mean(values: np.ndarray, weights: np.ndarray) -> float:
    """The mean of ``values`` each repeated ``weights`` times, as numpy's mean of the repeated array gives it.

    The values are whole numbers (lengths, counts): their sum is exact in
    integers, and numpy's (pairwise) sum of the repeated floats is exact too,
    so both divide the same integer by the same count.
    """
    return float(int((values.astype(np.int64) * weights).sum()) / int(weights.sum()))


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """``np.median`` of ``values`` (ascending) each repeated ``weights`` times: the middle one, or the mean of two."""
    n = int(weights.sum())
    ends = np.cumsum(weights)
    lower = float(values[np.searchsorted(ends, (n - 1) // 2, side="right")])
    upper = float(values[np.searchsorted(ends, n // 2, side="right")])
    return float(np.mean([lower, upper]))


def plot_document_lengths(lengths: Sequence[int] | pd.Series, title: str | None = None) -> Figure:
    """Histogram of article lengths (tokens per article), for the report's overview.

    About 20 bins whatever the corpus size; the median is marked.

    >>> fig = plot_document_lengths([10, 20, 20, 400])
    >>> int(sum(p.get_height() for p in fig.axes[0].patches))
    4
    """
    values = np.asarray(lengths, dtype=float)
    fig, ax = _figure(6, 3.2)
    _label(ax, title or "Article lengths", "tokens per article", "articles")
    if values.size == 0:
        _empty(ax)
        return fig
    ax.hist(values, bins=min(20, max(1, len(np.unique(values)))), color="#386cb0", edgecolor="white")
    median = float(np.median(values))
    ax.axvline(median, color="#d95f02", linestyle="--", label=f"median {median:,.0f}")
    ax.legend(fontsize=TICK_SIZE)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return fig


def plot_corpus_structure(roles: pd.DataFrame, sections: pd.DataFrame, title: str | None = None) -> Figure:
    """The structure of the whole corpus: blocks by role, and sections per article.

    Readable at any corpus size (one bar per role, one histogram), where the
    per-article charts show a single example article.  ``roles`` is the
    block-role table (``structure.block_role_table`` or the dataset's stored
    ``block_roles``), ``sections`` the section table (``section_table`` or
    ``sections``); both carry an ``article`` column.  The figure is drawn
    from their counts by :func:`plot_corpus_structure_counts`, which a
    corpus too large to hold its tables gives the counts directly.

    >>> roles = pd.DataFrame({"article": ["a", "a", "b"], "role": ["headline", "paragraph", "paragraph"]})
    >>> sections = pd.DataFrame({"article": ["a", "a", "b"], "section": [0, 1, 0]})
    >>> fig = plot_corpus_structure(roles, sections)
    >>> [int(p.get_width()) for p in fig.axes[0].patches], int(sum(p.get_height() for p in fig.axes[1].patches))
    ([1, 2], 2)
    """
    role_counts = roles.groupby("role").size().rename("blocks").reset_index() if len(roles) else \
        pd.DataFrame({"role": pd.Series(dtype=object), "blocks": pd.Series(dtype="int64")})
    per_article = sections.groupby("article", sort=False).size() if len(sections) else pd.Series(dtype="int64")
    distinct, articles = np.unique(per_article.to_numpy(dtype=np.int64), return_counts=True)
    section_counts = pd.DataFrame({"sections": distinct, "articles": articles})
    n_articles = roles["article"].nunique() if len(roles) else 0
    return plot_corpus_structure_counts(role_counts, section_counts, n_articles, title)


def plot_corpus_structure_counts(role_counts: pd.DataFrame, section_counts: pd.DataFrame, articles: int,
                                 title: str | None = None) -> Figure:
    """:func:`plot_corpus_structure` from counts, tables as long as the number of roles and of section counts.

    Parameters
    ----------
    role_counts : DataFrame
        ``role``, ``blocks``: the blocks of each role, in role-name order
        (:func:`corpus_tools.scale.block_role_count_table`).
    section_counts : DataFrame
        ``sections``, ``articles``: how many articles have how many sections
        (:func:`corpus_tools.scale.section_count_table`).
    articles : int
        Articles of the corpus, for the title (those with a block role:
        :func:`corpus_tools.scale.structure_article_count`).
    title : str, optional

    >>> fig = plot_corpus_structure_counts(pd.DataFrame({"role": ["headline", "paragraph"], "blocks": [1, 2]}),
    ...                                    pd.DataFrame({"sections": [1, 2], "articles": [1, 1]}), 2)
    >>> [int(p.get_width()) for p in fig.axes[0].patches], int(sum(p.get_height() for p in fig.axes[1].patches))
    ([1, 2], 2)
    """
    fig = Figure(figsize=(12, 4.5), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1.2, 1])
    fig.suptitle(_plain(title or f"Structure of the corpus ({articles:,} articles)"), fontsize=TITLE_SIZE)
    _label(left, "Blocks by role", "blocks", "")
    counts = pd.Series(role_counts["blocks"].to_numpy(dtype=np.int64), index=role_counts["role"].to_numpy())
    counts = counts[counts > 0].sort_values(ascending=True, kind="stable")
    if counts.empty:
        _empty(left)
    else:
        # rarest at the bottom, most common on top; ties in role-name order (as the counts come)
        left.barh(range(len(counts)), counts.to_numpy(), color="#1b9e77")
        left.set_yticks(range(len(counts)), [_plain(r) for r in counts.index])
        for y, value in enumerate(counts.to_numpy()):
            left.annotate(f"{value:,}", (value, y), xytext=(3, 0), textcoords="offset points", va="center",
                          fontsize=TICK_SIZE)
        left.margins(x=0.15)
    _label(right, "Sections per article", "sections", "articles")
    t = section_counts[section_counts["articles"] > 0].sort_values("sections", kind="stable")
    values = t["sections"].to_numpy(dtype=np.int64)
    weights = t["articles"].to_numpy(dtype=np.int64)
    if values.size == 0:
        _empty(right)
    else:
        top = values.max()
        right.hist(values, bins=np.arange(0.5, top + 1.5, 1 if top <= 40 else top / 40), weights=weights,
                   color="#7570b3", edgecolor="white")
        # whole sections, also when every article has the same number (one integer in view)
        right.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
        median = _weighted_median(values, weights)
        right.axvline(median, color="black", linestyle="--", label=f"median {median:g}")
        right.legend(fontsize=TICK_SIZE)
    return fig
