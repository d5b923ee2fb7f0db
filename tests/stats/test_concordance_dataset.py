"""KWIC lines and article lengths from the token dataset (DuckDB) equal the in-memory ones."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io.outputs import table_to_csv
from corpus_tools.scale import token_dataset
from corpus_tools.stats.concordance import kwic_queries_table
from corpus_tools.stats.cooccurrence_queries import article_token_counts

TEXTS = [
    "Mr. Smith’s firm can't pay $5 million, it said. The U.S. deal collapsed in Kyiv.",
    "Officials met on Jan. 5 in Kyiv. They agreed: talks would resume.\n\nA new paragraph about the deal.",
    "Prices rose 3.5% in 2023. Analysts (and traders) were surprised... Really? The deal held.",
    "The deal. The deal! THE DEAL? the deal, the deal.\n\nThe deal of the year, the deal of the U.S. firm.",
    "...",
]
QUERIES = ["deal", "the deal", "U.S.", "can't", "$5", "kyiv", "ukraine", "xi", "president xi", "nothing-here"]


@pytest.fixture(scope="module")
def many(seed_corpus):
    paragraphs = [b.text for b in seed_corpus[0].blocks if b.text.strip()]
    articles = [ct.Article.from_text(t, id=f"a{i:02d}", date=f"2024-01-{i % 28 + 1:02d}" if i % 3 else None)
                for i, t in enumerate(TEXTS + paragraphs)]
    return ct.Corpus(articles)


@pytest.fixture(scope="module")
def datasets(tmp_path_factory, seed_corpus, many):
    folder = tmp_path_factory.mktemp("datasets")
    return {"seed": (seed_corpus, token_dataset(seed_corpus, folder, n_jobs=1)),
            "many": (many, token_dataset(many, folder, n_jobs=1))}


@pytest.mark.parametrize("which", ["seed", "many"])
@pytest.mark.parametrize("boundary", ["sentence", "paragraph", "article"])
@pytest.mark.parametrize("options", [{"words_only": False}, {"stopwords": "english"}], ids=repr)
def test_kwic_of_dataset_equals_in_memory(datasets, which, boundary, options):
    corpus, ds = datasets[which]
    ds = ds.with_options(options)
    raw = ds.token_table()  # what the in-memory path is given
    for query in QUERIES:
        for context, sort in ((1, None), (6, "right")):
            expected = ct.kwic_table(corpus, query, context, boundary=boundary, sort=sort, tokens=raw)
            got = ct.kwic_table(corpus, query, context, boundary=boundary, sort=sort, tokens=ds)
            pd.testing.assert_frame_equal(got, expected)
    lines = kwic_queries_table(corpus, QUERIES, 4, boundary=boundary, sort="left", tokens=ds)
    expected = kwic_queries_table(corpus, QUERIES, 4, boundary=boundary, sort="left", tokens=raw)
    assert table_to_csv(lines) == table_to_csv(expected) and len(expected) > 10
    # the dataset alone: lines cut from its stored texts and dated by its article table, as from the corpus
    for query in QUERIES:
        pd.testing.assert_frame_equal(ct.kwic_table(ds, query, 3, boundary=boundary, sort="right"),
                                      ct.kwic_table(corpus, query, 3, boundary=boundary, sort="right", tokens=raw))
    assert table_to_csv(kwic_queries_table(ds, QUERIES, 4, boundary=boundary, sort="left")) == table_to_csv(expected)
    # a bare token table has no texts: the tokens joined by spaces
    assert ct.kwic_table(raw, "deal", 2, boundary=boundary)["date"].eq("").all()


def test_dataset_texts_read_a_run_of_articles_at_a_time(datasets, monkeypatch):
    # the lines of a dataset's concordance are cut from its texts a run of hit articles at a time (all of
    # them at once were the report's memory peak at 300 MB): runs of 1, 2 or 3 articles give the same lines
    from corpus_tools.stats import concordance

    corpus, ds = datasets["many"]
    ds = ds.with_options({"words_only": False})
    whole = kwic_queries_table(ds, QUERIES, 4, sort="left")
    assert whole["article"].nunique() > 3
    read = []
    real = type(ds).article_texts
    monkeypatch.setattr(type(ds), "article_texts", lambda self, ids: read.append(len(list(ids))) or real(self, ids))
    for run in (1, 2, 3):
        monkeypatch.setattr(concordance, "KWIC_TEXT_ARTICLES", run)
        read.clear()
        pd.testing.assert_frame_equal(kwic_queries_table(ds, QUERIES, 4, sort="left"), whole)
        assert max(read) <= run and sum(read) == whole["article"].nunique()  # each hit article read once

def test_kwic_of_dataset_is_todays_corpus_kwic(datasets):
    corpus, ds = datasets["many"]
    for query in QUERIES:
        pd.testing.assert_frame_equal(ct.kwic_table(corpus, query, 5, tokens=ds.with_options({"words_only": False})),
                                      ct.kwic_table(corpus, query, 5))


def test_regex_case_and_dates(datasets):
    corpus, ds = datasets["many"]
    ds = ds.with_options({"words_only": False})
    for query, kw in ((r"de\w+", {"regex": True}), (re.compile(r"[A-Z]+"), {}), ("THE DEAL", {"case_sensitive": True})):
        pd.testing.assert_frame_equal(ct.kwic_table(corpus, query, 3, tokens=ds, **kw),
                                      ct.kwic_table(corpus, query, 3, **kw))
    lines = ct.kwic_table(corpus, "deal", 2, tokens=ds)
    dates = {a.id: a.date.isoformat() if a.date else "" for a in corpus}
    assert lines["date"].tolist() == [dates[a] for a in lines["article"]]
    assert lines["date"].tolist()[:4] == ["", "2024-01-02", "2024-01-03", ""]  # a00, a03 undated (i % 3 == 0)
    # "The deal. The deal! THE DEAL? the deal, the deal." + two more in its second paragraph: 7 lines in a03
    assert (lines["article"] == "a03").sum() == 7


def test_article_lengths_from_the_dataset(datasets):
    for _corpus, ds in datasets.values():
        for options in ({"words_only": False}, {"stopwords": "english"}):
            d = ds.with_options(options)
            expected = d.token_table().groupby("article", sort=False).size()
            got = article_token_counts(d)
            assert got.to_dict() == expected.to_dict() and got.index.tolist() == expected.index.tolist()
    _, ds = datasets["many"]
    assert "a04" not in article_token_counts(ds).index  # "..." has no word token
    # "..." is one token, in a block that is page furniture (a lone ellipsis): counted only with boilerplate kept
    assert "a04" not in article_token_counts(ds.with_options({"words_only": False})).index
    assert article_token_counts(ds.with_options({"words_only": False, "boilerplate": True}))["a04"] == 1
