"""plot_trends: one line per term over the periods, gaps as gaps, articles per period as bars."""

from __future__ import annotations

import datetime as dt
import math

import pytest

import corpus_tools as ct
from corpus_tools.plots import plot_trends
from corpus_tools.plots.trends import MAX_TICKS
from corpus_tools.stats import trend_table


def test_lines_gaps_and_article_bars():
    c = ct.Corpus.from_texts(["Oil rose.", "Oil and gas fell.", "Gas."],
                             dates=["2023-01-05", "2023-03-02", "2023-03-09"])
    t = trend_table(c, ["oil", "gas"])
    fig = plot_trends(t)
    top, bottom = fig.axes
    lines = {line.get_label(): line.get_ydata() for line in top.get_lines()}
    assert list(lines) == ["oil", "gas"]
    assert lines["oil"][0] == pytest.approx(5000) and math.isnan(lines["oil"][1])  # February: no tokens, a gap
    assert [p.get_height() for p in bottom.patches] == [1, 0, 2]
    assert [x.get_text() for x in bottom.get_xticklabels()] == ["2023-01", "2023-02", "2023-03"]


def test_twenty_years_of_months_keep_readable_ticks():
    dates = [dt.date(2000 + y, m, 1).isoformat() for y in range(20) for m in (1, 7)]
    c = ct.Corpus.from_texts(["oil"] * len(dates), dates=dates)
    fig = plot_trends(trend_table(c, ["oil"]))
    assert len(fig.axes[1].get_xticklabels()) <= MAX_TICKS
    assert len(fig.axes[0].get_lines()[0].get_xdata()) == 19 * 12 + 7
    empty = plot_trends(trend_table(ct.Corpus.from_texts(["undated"]), ["oil"]))
    assert empty.axes[0].texts[0].get_text() == "no dated articles"
    with pytest.raises(ValueError, match="value must be"):
        plot_trends(trend_table(c, ["oil"]), value="share")
