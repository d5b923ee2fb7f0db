"""Trends: per-period counts recomputed by hand, gaps kept, phrases, undated articles, token tables."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from conftest import REUTERS

import corpus_tools as ct
from corpus_tools.stats import period_labels, trend_table


def _corpus():
    return ct.Corpus.from_texts(
        ["Crude oil rose. Oil fell.", "Crude oil and gas.", "Gas only.", "No date, oil."],
        ids=["a", "b", "c", "d"], dates=["2023-01-30", "2023-02-06", "2023-04-01", None])


def test_counts_tokens_and_articles_per_period_by_hand():
    t = trend_table(_corpus(), ["oil", "crude oil"], period="month")
    # Jan: a = crude oil rose oil fell (5 tokens); Feb: b = crude oil and gas (4); Mar: none; Apr: c = gas only (2)
    assert t.period.unique().tolist() == ["2023-01", "2023-02", "2023-03", "2023-04"]
    rows = {(r.period, r.term): (r.count, r.tokens, r.articles) for r in t.itertuples()}
    assert rows[("2023-01", "oil")] == (2, 5, 1) and rows[("2023-01", "crude oil")] == (1, 5, 1)
    assert rows[("2023-02", "oil")] == (1, 4, 1) and rows[("2023-03", "oil")] == (0, 0, 0)
    assert rows[("2023-04", "crude oil")] == (0, 2, 1)
    jan = t[(t.period == "2023-01") & (t.term == "oil")].iloc[0]
    assert jan.per_10k == pytest.approx(2 / 5 * 10_000)
    assert math.isnan(t[t.period == "2023-03"].per_10k.iloc[0])  # no tokens: undefined, not 0
    assert t.attrs == {"period": "month", "undated_articles": 1}
    weekly = trend_table(_corpus(), ["oil"], period="week")
    assert weekly.period.tolist()[:2] == ["2023-W05", "2023-W06"] and len(weekly) == 9  # W05 .. W13
    yearly = trend_table(_corpus(), ["oil"], period="year")
    assert yearly[["period", "count", "tokens", "articles"]].values.tolist() == [["2023", 3, 11, 3]]


def test_top_terms_token_tables_and_errors():
    c = _corpus()
    top = trend_table(c, top=2, period="year")
    assert top.term.tolist() == ["oil", "crude"]  # oil 3, crude 2, gas 2: ties by code point
    toks = ct.token_table(c)
    dates = {a.id: a.date for a in c}
    assert trend_table(toks, ["oil"], dates=dates).to_csv() == trend_table(c, ["oil"]).to_csv()
    assert trend_table(toks, ["oil"], dates={"a": "2023-01-30"}).articles.tolist() == [1]
    with pytest.raises(TypeError, match="carries no dates"):
        trend_table(toks, ["oil"])
    with pytest.raises(ValueError, match="period must be one of"):
        trend_table(c, ["oil"], period="quarter")
    with pytest.raises(ValueError, match="removed by the token options"):
        trend_table(c, ["the"], options={"stopwords": "english"})
    with pytest.raises(TypeError, match="a list of strings"):
        trend_table(c, "oil")
    assert trend_table(ct.Corpus.from_texts(["undated"]), ["oil"]).empty


def test_period_labels_fill_every_gap():
    assert period_labels(dt.date(2020, 2, 27), dt.date(2020, 3, 1), "day") == [
        "2020-02-27", "2020-02-28", "2020-02-29", "2020-03-01"]
    assert period_labels(dt.date(1999, 6, 1), dt.date(2019, 1, 1), "year")[::10] == ["1999", "2009", "2019"]
    assert len(period_labels(dt.date(1999, 1, 1), dt.date(2018, 12, 31), "month")) == 240


def test_reuters_trend_equals_a_recount_by_day():
    c = ct.load_corpus(REUTERS)
    t = trend_table(c, ["oil", "U.S."], period="day", options={"stopwords": "english"})
    assert t.period.unique().tolist() == ["1987-02-26", "1987-02-27", "1987-02-28", "1987-03-01", "1987-03-02"]
    for day, part in c.groups("date:day").items():
        toks = ct.token_table(part, options={"stopwords": "english"})
        got = t[t.period == day].set_index("term")
        assert got.loc["oil", "count"] == (toks.norm == "oil").sum() and got.loc["oil", "tokens"] == len(toks)
        assert got.loc["U.S.", "count"] == (toks.norm == "u.s.").sum() and got.loc["oil", "articles"] == len(part)
