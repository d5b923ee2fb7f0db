"""Structure figures: what is drawn where, without pyplot state."""

from __future__ import annotations

import io

import pytest
from matplotlib.figure import Figure

import corpus_tools as ct


def _vlines(ax):
    return [ln for ln in ax.lines if len(set(ln.get_xdata())) == 1 and list(ln.get_ydata()) == [0, 1]]


def test_lexical_dispersion_plot_on_seed(seed_article):
    fig = ct.plot_lexical_dispersion(seed_article, ["xi", "tanks", "water"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() == f"Lexical dispersion in {seed_article.id}"
    assert ax.get_xlabel() == "token position in article" and ax.get_ylabel() == "term"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["xi", "tanks", "water"]
    toks = ct.token_table(seed_article)
    marks = [ln for ln in ax.lines if ln.get_marker() == "|"]
    for row, (ln, term) in enumerate(zip(marks, ["xi", "tanks", "water"], strict=True)):
        assert list(ln.get_xdata()) == toks.loc[toks.norm == term, "position"].tolist()
        assert set(ln.get_ydata()) == {row}
    # one line per heading, at the heading's first token; dotted for links, solid for the subheading
    all_toks = ct.token_table(seed_article, options={"words_only": False, "boilerplate": True})
    first = all_toks[all_toks.block_kind == "heading"].groupby("block")["position"].min().tolist()
    lines = _vlines(ax)
    assert [ln.get_xdata()[0] for ln in lines] == first
    assert [ln.get_linestyle() for ln in lines] == [":", ":", "-", ":"]
    assert [t.get_text() for t in ax.texts] == ["§1", "§2", "§3", "§4"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["heading: link", "heading: subheading"]
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def test_lexical_dispersion_plot_without_headings_and_into_given_axes():
    a = ct.Article.from_text("War began. The war went on.", id="w")
    fig = Figure()
    ax = fig.subplots()
    assert ct.plot_lexical_dispersion(a, ["war", "peace"], ax=ax, title="T") is fig
    assert ax.get_title() == "T" and _vlines(ax) == [] and ax.get_legend() is None
    assert [len(ln.get_xdata()) for ln in ax.lines] == [2, 0]
    with pytest.raises(ValueError, match="at least one term"):
        ct.plot_lexical_dispersion(a, [])


def test_section_profile_plot(seed_article):
    fig = ct.plot_section_profile(seed_article)
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [578, 170, 122, 60, 141]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["§0 lead", "§1 link", "§2 link", "§3 subheading",
                                                            "§4 link"]
    assert [t.get_text() for t in ax.texts] == ["18% quoted", "15% quoted", "28% quoted", "0% quoted", "14% quoted"]
    assert ax.get_xlabel() == "section" and ax.get_title() == f"Sections of {seed_article.id}"
    # an empty article still draws (one empty lead bar)
    empty = ct.plot_section_profile(ct.Article.from_text("", id="e")).axes[0]
    assert [p.get_height() for p in empty.patches] == [0] and len(empty.texts) == 0


# --- section labels never overlap (issue 14) ----------------------------------------------------

def _many_headings(parts: int) -> ct.Article:
    body = [f"Part {i} heading\n\nThe war went on in part {i}. Soldiers moved." for i in range(parts)]
    return ct.Article.from_text("Intro text about the war begins here today.\n\n" + "\n\n".join(body), id="many")


@pytest.mark.parametrize("parts", [40, 300])
def test_dispersion_section_labels_never_overlap_nor_leave_the_figure(parts):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = ct.plot_lexical_dispersion(_many_headings(parts), ["war", "part"])
    FigureCanvasAgg(fig)
    fig.savefig(io.BytesIO(), format="png", dpi=120)  # as save_figure does: the saved figure's layout
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    lines = _vlines(ax)
    assert len(lines) == parts  # every heading keeps its line, labelled or not
    labels = list(ax.texts)
    boxes = [t.get_window_extent(renderer) for t in labels]
    for i, a in enumerate(boxes):
        assert fig.bbox.x0 <= a.x0 and a.x1 <= fig.bbox.x1 and fig.bbox.y0 <= a.y0 and a.y1 <= fig.bbox.y1
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
        assert not a.overlaps(ax.title.get_window_extent(renderer))
        assert not a.overlaps(ax.get_window_extent(renderer))  # above the plot, never over the marks
    # each label starts or ends at its own heading's line (within the 2-point nudge and a pixel)
    line_x = {f"§{i + 1}": ax.transData.transform((ln.get_xdata()[0], 0))[0] for i, ln in enumerate(lines)}
    nudge = 2 * fig.dpi / 72 + 1
    for t, box in zip(labels, boxes, strict=True):
        assert min(abs(box.x0 - line_x[t.get_text()]), abs(box.x1 - line_x[t.get_text()])) <= nudge, t.get_text()
    if parts == 40:  # room for all of them, in staggered rows
        assert sorted(t.get_text() for t in labels) == sorted(line_x)
        assert ax.get_xlabel() == "token position in article"
        assert len({round(b.y0) for b in boxes}) > 1
    else:  # too close for all: thinned, and the axis label says so
        assert 0 < len(labels) < parts
        shown = f"{len(labels)} of {parts} section labels shown, for space"
        assert ax.get_xlabel() == f"token position in article ({shown})"
        assert "§1" in {t.get_text() for t in labels}
