"""Grouped frequency and n-gram tables: each group equals the plain table of its articles."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.stats import group_frequency_table, group_labels, group_ngram_table


def test_each_group_is_the_frequency_table_of_its_articles(reuters):
    topic = {a.id: a.id.split("-")[0] for a in reuters}
    t = group_frequency_table(reuters, topic, options={"stopwords": "english"})
    assert t.group.unique().tolist() == ["acq", "crude"] and set(t.articles) == {20}
    for label in ("acq", "crude"):
        part = t[t.group == label].drop(columns=["group", "articles"]).reset_index(drop=True)
        alone = ct.frequency_table(ct.Corpus([a for a in reuters if topic[a.id] == label]),
                                   options={"stopwords": "english"})
        pd.testing.assert_frame_equal(part, alone)
    # plain-Python recount of one cell
    toks = ct.token_table(reuters, options={"stopwords": "english"})
    crude = Counter(w for a, w in zip(toks.article, toks.norm, strict=True) if a.startswith("crude"))
    oil = t[(t.group == "crude") & (t.term == "oil")].iloc[0]
    assert oil["count"] == crude["oil"] and oil.per_10k == pytest.approx(crude["oil"] / sum(crude.values()) * 1e4)
    assert oil["rank"] == 1


def test_groups_by_variable_period_function_and_for_a_token_table():
    c = ct.Corpus([ct.Article.from_text("Oil rose. Oil fell.", id="a", date="2023-01-02", meta={"desk": "x"}),
                   ct.Article.from_text("Gas rose.", id="b", date="2023-02-02", meta={"desk": "y"}),
                   ct.Article.from_text("Oil.", id="c", meta={"desk": "x"})])
    by_desk = group_frequency_table(c, "desk")
    assert by_desk[by_desk.group == "x"].set_index("term")["count"].to_dict() == {"oil": 3, "fell": 1, "rose": 1}
    by_month = group_frequency_table(c, "date:month")  # c is undated: in no group
    assert by_month.group.unique().tolist() == ["2023-01", "2023-02"] and by_month.articles.tolist()[0] == 1
    by_fn = group_frequency_table(c, lambda a: a.id.upper())
    assert by_fn.group.unique().tolist() == ["A", "B", "C"]
    toks = ct.token_table(c)
    pd.testing.assert_frame_equal(group_frequency_table(toks, group_labels(c, "desk")), by_desk)
    with pytest.raises(TypeError, match="a token table carries no document variables"):
        group_frequency_table(toks, "desk")
    bigrams = group_ngram_table(c, "desk", 2)
    assert bigrams[bigrams.group == "x"].set_index("term")["count"].to_dict() == {"oil fell": 1, "oil rose": 1}
    empty = group_frequency_table(c, "date:year", min_count=5)
    assert empty.empty and list(empty.columns)[:3] == ["group", "articles", "term"]


def test_each_group_diversity_row_is_the_diversity_of_its_articles(reuters):
    topic = {a.id: a.id.split("-")[0] for a in reuters}
    t = ct.stats.group_diversity_table(reuters, topic)
    assert t.group.tolist() == ["acq", "crude"]
    for label in ("acq", "crude"):
        alone = ct.diversity_table(ct.Corpus([a for a in reuters if topic[a.id] == label]))
        row = t[t.group == label].drop(columns=["group", "articles"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(row, alone)
        words = ct.token_table(ct.Corpus([a for a in reuters if topic[a.id] == label])).norm
        assert row.tokens[0] == len(words) and row.types[0] == words.nunique()
