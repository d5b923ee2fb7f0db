"""DuckDB over the token dataset gives the tables of the in-memory functions, equal to the last bit."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.scale import token_dataset
from corpus_tools.stats.cooccurrence_queries import TokenQuery
from corpus_tools.stats.queries import query_term_counts

TEXTS = [
    "Mr. Smith’s firm can't pay $5 million, it said. The U.S. deal collapsed in Kyiv.",
    "Officials met on Jan. 5 in Kyiv. They agreed: talks would resume.\n\nA new paragraph about the deal.",
    "Prices rose 3.5% in 2023. Analysts (and traders) were surprised... Really? The deal held.",
    "The deal. The deal! THE DEAL? the deal, the deal.",
    "...",  # no word tokens: absent from every count, as in memory
]

OPTIONS = [
    ct.TokenOptions(),
    ct.TokenOptions(stopwords="english"),
    ct.TokenOptions(lowercase=False, words_only=False),
    ct.TokenOptions(min_length=4, stem="porter"),
]


@pytest.fixture(scope="module")
def many(seed_corpus):
    """Five short articles plus the seed cut into one article per paragraph (news-sized pieces)."""
    paragraphs = [b.text for b in seed_corpus[0].blocks if b.text.strip()]
    return ct.Corpus.from_texts(TEXTS + paragraphs, ids=[f"a{i:02d}" for i in range(len(TEXTS) + len(paragraphs))])


@pytest.fixture(scope="module")
def datasets(tmp_path_factory, seed_corpus, many):
    folder = tmp_path_factory.mktemp("datasets")
    return {"seed": (seed_corpus, token_dataset(seed_corpus, folder, n_jobs=1)),
            "many": (many, token_dataset(many, folder, n_jobs=2))}


@pytest.mark.parametrize("which", ["seed", "many"])
@pytest.mark.parametrize("options", OPTIONS, ids=repr)
@pytest.mark.parametrize("by_article", [False, True])
def test_frequency_table_of_dataset_equals_in_memory(datasets, which, options, by_article):
    corpus, ds = datasets[which]
    toks = ct.tokens.fast_token_table(corpus, options)
    for min_count in (1, 2, 3):
        expected = ct.frequency_table(toks, by_article=by_article, min_count=min_count)
        got = ct.frequency_table(ds, options=options, by_article=by_article, min_count=min_count)
        pd.testing.assert_frame_equal(got, expected)
        # byte-identical when saved, not only equal within a tolerance
        assert got.to_csv(float_format="%.17g") == expected.to_csv(float_format="%.17g")


@pytest.mark.parametrize("which", ["seed", "many"])
@pytest.mark.parametrize("n", [1, 2, 3, 4])
@pytest.mark.parametrize("options", OPTIONS[:2], ids=repr)
def test_ngram_table_of_dataset_equals_in_memory(datasets, which, n, options):
    corpus, ds = datasets[which]
    toks = ct.tokens.fast_token_table(corpus, options)
    for by_article in (False, True):
        for min_count in (1, 2):
            expected = ct.ngram_table(toks, n=n, by_article=by_article, min_count=min_count)
            got = ct.ngram_table(ds.with_options(options), n=n, by_article=by_article, min_count=min_count)
            pd.testing.assert_frame_equal(got, expected)


def test_token_column_counts_tokens_as_written(datasets):
    corpus, ds = datasets["many"]
    options = ct.TokenOptions(stopwords="english")
    expected = ct.frequency_table(ct.tokens.fast_token_table(corpus, options), column="token", by_article=True)
    pd.testing.assert_frame_equal(ct.frequency_table(ds, options=options, column="token", by_article=True), expected)


def test_hand_counted_values(tmp_path):
    ds = token_dataset(ct.Corpus.from_texts(["The deal. The deal!", "No deal here."], ids=["x", "y"]), tmp_path,
                       n_jobs=1)
    freq = ct.frequency_table(ds, options={})
    # 7 word tokens: deal 3, the 2, no/here 1 each; "deal" is in both articles
    assert freq[["term", "count", "doc_freq"]].values.tolist() == [
        ["deal", 3, 2], ["the", 2, 1], ["here", 1, 1], ["no", 1, 1]]
    assert freq["per_10k"].tolist()[0] == 3 / 7 * 10_000
    bigrams = ct.ngram_table(ds.with_options({}), n=2)
    # "deal here" and "no deal" in y, "the deal" twice in x; never across the sentence end
    assert bigrams[["term", "count"]].values.tolist() == [["the deal", 2], ["deal here", 1], ["no deal", 1]]


def test_min_count_prunes_inside_the_query(datasets):
    _, ds = datasets["many"]
    everything = query_term_counts(ds.with_options({}), 2)
    pruned = query_term_counts(ds.with_options({}), 2, min_count=2)
    assert len(pruned.counts) == int((everything.counts["count"] >= 2).sum()) < len(everything.counts)
    assert pruned.totals == everything.totals  # per_10k is still per all n-grams


def test_bad_input_is_a_clear_error(datasets):
    _, ds = datasets["seed"]
    with pytest.raises(ValueError, match="n must be a positive integer, not 0"):
        ct.ngram_table(ds, n=0)
    with pytest.raises(ValueError, match="min_count must be (an integer )?>= 1, not 0"):
        ct.frequency_table(ds, min_count=0)
    with pytest.raises(ValueError, match="column must be 'norm' or 'token'"):
        ct.frequency_table(ds, column="block_kind")
    with pytest.raises(TypeError, match="expected a TokenDataset"):
        query_term_counts(pd.DataFrame())
    # KWIC's rows mode builds no kept-token table: counting on it says so instead of failing inside DuckDB
    with TokenQuery(ds, rows=True) as q, pytest.raises(ValueError, match="open TokenQuery with rows=False"):
        q.word_counts()
    with TokenQuery(ds) as q:
        counts = query_term_counts(ds).counts
        assert q.word_counts() == dict(zip(counts["term"], counts["count"], strict=True))


def test_token_forms_are_made_once_per_dataset_options_and_column(datasets, monkeypatch, tmp_path):
    # the distinct-token table is kept between queries (every query of a notebook needs it), keyed by the
    # parts' hashes, the options and the column: a second query reuses it, other options or a rebuilt
    # dataset do not, and the counts are those of a fresh computation either way
    from corpus_tools.stats import queries

    corpus, ds = datasets["many"]
    made = []
    real = queries._distinct_forms
    monkeypatch.setattr(queries, "_distinct_forms", lambda *a: made.append(a[1].options) or real(*a))
    queries._FORMS.clear()
    # the article x term counts earlier tests saved with the dataset: without them, queries count the tokens
    shutil.rmtree(ds.folder / queries.DERIVED_FOLDER, ignore_errors=True)
    first = query_term_counts(ds).counts.sort_values("term", ignore_index=True)
    again = query_term_counts(ds).counts.sort_values("term", ignore_index=True)
    assert len(made) == 1
    pd.testing.assert_frame_equal(first, again)
    stop = ds.with_options({"stopwords": "english"})
    without = query_term_counts(stop).counts
    assert len(made) == 2 and "the" in set(first["term"]) and "the" not in set(without["term"])
    query_term_counts(ds, column="token")
    assert len(made) == 3
    other = token_dataset(ct.Corpus.from_texts(["Other words here."]), tmp_path, n_jobs=1)
    assert sorted(query_term_counts(other).counts["term"]) == ["here", "other", "words"]
    assert len(made) == 4
    queries._FORMS.clear()
    shutil.rmtree(ds.folder / queries.DERIVED_FOLDER)  # the saved article x term counts: counted again
    pd.testing.assert_frame_equal(query_term_counts(ds).counts.sort_values("term", ignore_index=True), first)
    assert len(made) == 5
