"""plot_keyness: top words each way, signed bars, both sides named, infinite %DIFF left out."""

from __future__ import annotations

import math

import pytest

import corpus_tools as ct
from corpus_tools.plots import KEYNESS_COLORS, plot_keyness


def _bars(fig):
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts]
    return [round(p.get_width(), 6) for p in ax.patches], labels


def test_signed_bars_top_each_way_with_both_groups_named(reuters):
    topic = {a.id: a.id.split("-")[0] for a in reuters}
    k = ct.keyness_table(reuters, "crude", "acq", groups=topic, options={"stopwords": "english"})
    fig = plot_keyness(k, top=5)
    widths, labels = _bars(fig)
    over = k[k.direction == "over"].head(5)
    under = k[k.direction == "under"].assign(v=lambda t: -t.g2).sort_values("v", kind="mergesort").head(5)
    assert labels == over.term.tolist() + under.term.tolist()[::-1]  # reference's strongest at the bottom
    assert widths == [round(v, 6) for v in over.g2] + [round(-v, 6) for v in under.g2[::-1]]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["crude", "acq"] and fig.axes[0].get_title() == "Keywords: crude against acq"
    colors = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in fig.axes[0].patches[:5]}
    assert len(colors) == 1 and KEYNESS_COLORS[0] != KEYNESS_COLORS[1]
    lr_widths, _ = _bars(plot_keyness(k, top=3, measure="log_ratio"))
    assert all(w > 0 for w in lr_widths[:3]) and all(w < 0 for w in lr_widths[3:])
    pct = plot_keyness(k, top=3, measure="pct_diff")
    assert "infinite left out" in pct.axes[0].get_title()
    assert all(math.isfinite(w) for w in _bars(pct)[0])


def test_small_empty_and_bad_input():
    c = ct.Corpus.from_texts(["war war war peace", "peace peace talks $5"], ids=["a", "b"])
    widths, labels = _bars(plot_keyness(ct.keyness_table(c, "a"), top=10, target="A", reference="B"))
    assert labels[0] == "war" and sorted(labels[1:]) == ["5", "peace", "talks"]  # "$5" is $ + 5
    assert widths[0] > 0 and all(w < 0 for w in widths[1:])
    empty = plot_keyness(ct.keyness_table(c, "a").iloc[:0])
    assert empty.axes[0].texts[0].get_text() == "nothing to show"
    with pytest.raises(ValueError, match="measure must be one of"):
        plot_keyness(ct.keyness_table(c, "a"), measure="pmi")
    with pytest.raises(ValueError, match="top must be an integer >= 1"):
        plot_keyness(ct.keyness_table(c, "a"), top=0)
