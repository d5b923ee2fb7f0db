"""Collocations, collocates and their counts from the token dataset (DuckDB) equal the in-memory ones."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io.outputs import table_to_csv
from corpus_tools.scale import token_dataset
from corpus_tools.stats.cooccurrence_queries import query_collocate_counts, query_ngram_counts
from corpus_tools.stats.counts import NgramCounts, count_ngrams, counts_by_article

TEXTS = [
    "Mr. Smith’s firm can't pay $5 million, it said. The U.S. deal collapsed in Kyiv.",
    "Officials met on Jan. 5 in Kyiv. They agreed: talks would resume.\n\nA new paragraph about the deal.",
    "Prices rose 3.5% in 2023. Analysts (and traders) were surprised... Really? The deal held.",
    "The deal. The deal! THE DEAL? the deal, the deal.\n\nThe deal of the year, the deal of the U.S. firm.",
    "...",  # no word tokens
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
            "many": (many, token_dataset(many, folder, n_jobs=1))}


def _memory(corpus, options):
    return ct.tokens.fast_token_table(corpus, options)  # the dataset's tokenizer


@pytest.mark.parametrize("which", ["seed", "many"])
@pytest.mark.parametrize(("n", "span"), [(2, None), (2, 1), (2, 4), (3, None)])
@pytest.mark.parametrize("boundary", ["sentence", "paragraph", "article"])
@pytest.mark.parametrize("stopwords", [None, "english"])
def test_collocation_table_of_dataset_equals_in_memory(datasets, which, n, span, boundary, stopwords):
    corpus, ds = datasets[which]
    options = ct.TokenOptions(stopwords=stopwords)
    toks = _memory(corpus, options)
    for min_count in (1, 3):
        kwargs = dict(n=n, span=span, boundary=boundary, min_count=min_count)
        expected = ct.collocation_table(toks, **kwargs)
        got = ct.collocation_table(ds, options=options, **kwargs)
        pd.testing.assert_frame_equal(got, expected)
        assert table_to_csv(got) == table_to_csv(expected)  # byte-equal when saved
        assert len(expected) or min_count > 1 or which == "seed" and n == 3 and stopwords  # not vacuous
    by_article = ct.collocation_table(toks, n=n, span=span, boundary=boundary, min_count=2, by_article=True)
    pd.testing.assert_frame_equal(ct.collocation_table(ds.with_options(options), n=n, span=span, boundary=boundary,
                                                       min_count=2, by_article=True), by_article)


@pytest.mark.parametrize("n", [2, 3])
def test_min_word_count_and_other_measures(datasets, n):
    corpus, ds = datasets["many"]
    toks = _memory(corpus, None)
    for min_word_count in (1, 4):
        kwargs = dict(n=n, measure="pmi", measures=["pmi", "student_t"], min_count=2, min_word_count=min_word_count)
        pd.testing.assert_frame_equal(ct.collocation_table(ds, **kwargs), ct.collocation_table(toks, **kwargs))
    # the tokens as written (case kept) instead of the normalised forms
    pd.testing.assert_frame_equal(ct.collocation_table(ds, n=n, column="token"),
                                  ct.collocation_table(toks, n=n, column="token"))
    pd.testing.assert_frame_equal(ct.collocate_table(ds, "deal", column="token", min_count=1),
                                  ct.collocate_table(toks, "deal", column="token", min_count=1))


@pytest.mark.parametrize("n", [2, 3])
def test_unpruned_counts_equal_count_ngrams(datasets, n):
    corpus, ds = datasets["many"]
    toks = _memory(corpus, {"stopwords": "english"})
    ds = ds.with_options({"stopwords": "english"})
    for boundary in ("sentence", "article"):
        window = 3 if n == 3 else 4
        assert query_ngram_counts(ds, n, window, boundary) == count_ngrams(toks, n, window, boundary)
        assert query_ngram_counts(ds, n, window, boundary, by_article=True) == \
            counts_by_article(toks, n, window, boundary)


def test_pruned_counts_keep_the_marginals_complete(datasets):
    corpus, ds = datasets["many"]
    toks = _memory(corpus, None)
    full = count_ngrams(toks, 3, boundary="sentence")
    pruned = query_ngram_counts(ds, 3, boundary="sentence", min_count=2)
    assert pruned.pruned and pruned.min_count == 2
    assert dict(pruned.ngrams) == {g: c for g, c in full.ngrams.items() if c >= 2}
    assert pruned.ngrams  # "the deal of" and friends
    assert pruned.words == full.words and pruned.n_words == full.n_words
    for w1, w2, w3 in pruned.ngrams:
        assert pruned.pairs[w1, w2] == full.pairs[w1, w2] and pruned.pairs[w2, w3] == full.pairs[w2, w3]
        assert pruned.gapped[w1, w3] == sum(c for (a, _, b), c in full.ngrams.items() if (a, b) == (w1, w3))
    with pytest.raises(ValueError, match="pruned"):
        pruned + pruned
    with pytest.raises(ValueError, match="pruned at min_count=2"):
        ct.stats.ngram_score_table(pruned, min_count=1)
    import pickle
    assert pickle.loads(pickle.dumps(pruned)) == pruned


def test_hand_counted_pruned_bigrams(tmp_path):
    # new0 york1 new2 york3 .4 | york5 new6 .7: adjacent new-york 2, york-new 2 (one in each sentence)
    ds = token_dataset(ct.Corpus.from_texts(["New York new York. York new."]), tmp_path, n_jobs=1)
    c = query_ngram_counts(ds, 2, boundary="paragraph", min_count=2)
    assert dict(c.ngrams) == {("new", "york"): 2, ("york", "new"): 2}
    assert dict(c.words) == {"new": 3, "york": 3} and c.n_words == 6
    # span 2: york1-york3, and york3-york5 over the "." (a gap) within the paragraph, not within a sentence
    assert query_ngram_counts(ds, 2, 3, "paragraph").ngrams[("york", "york")] == 2
    assert dict(query_ngram_counts(ds, 2, 3, "sentence").ngrams) == {
        ("new", "york"): 2, ("york", "new"): 2, ("new", "new"): 1, ("york", "york"): 1}
    assert dict(query_ngram_counts(ds, 2, 3, "sentence", min_count=2).ngrams) == {
        ("new", "york"): 2, ("york", "new"): 2}
    assert isinstance(c, NgramCounts)



def test_a_pair_in_a_window_can_outnumber_its_word(tmp_path):
    # "alpha beta beta" three times: alpha is counted 3 times, but in a window of 3 positions every alpha
    # pairs with both betas after it, so alpha-beta is counted 6 times.  Pruning the words before forming
    # the pairs must use min_count / (window - 1), not min_count, or alpha-beta is lost at min_count=6.
    ds = token_dataset(ct.Corpus.from_texts(["alpha beta beta\n\nalpha beta beta\n\nalpha beta beta"]), tmp_path,
                       n_jobs=1)
    c = query_ngram_counts(ds, 2, 3, "paragraph", min_count=6)
    assert dict(c.ngrams) == {("alpha", "beta"): 6} and c.words == {"alpha": 3, "beta": 6}
    assert dict(query_ngram_counts(ds, 2, 3, "paragraph", min_count=3).ngrams) == {
        ("alpha", "beta"): 6, ("beta", "beta"): 3}
    # adjacent pairs and trigrams: an occurrence is one of each word, so a word counted 3 times bounds them
    assert dict(query_ngram_counts(ds, 2, None, "paragraph", min_count=3).ngrams) == {
        ("alpha", "beta"): 3, ("beta", "beta"): 3}
    tri = query_ngram_counts(ds, 3, None, "paragraph", min_count=3)
    assert dict(tri.ngrams) == {("alpha", "beta", "beta"): 3}
    assert dict(tri.pairs) == {("alpha", "beta"): 3, ("beta", "beta"): 3} and dict(tri.gapped) == {("alpha", "beta"): 3}


@pytest.mark.parametrize(("n", "window"), [(2, 2), (2, 3), (2, 5), (3, 3)])
@pytest.mark.parametrize("by_article", [False, True])
def test_pruning_equals_counting_everything_then_dropping(datasets, n, window, by_article):
    # the rare words are blanked before the n-grams are formed: the counts must be those of grouping every
    # n-gram and dropping the rare ones afterwards, for each min_count / min_word_count, article by article too
    corpus, ds = datasets["many"]
    toks = _memory(corpus, None)
    everything = counts_by_article(toks, n, window, "sentence") if by_article else \
        {"": count_ngrams(toks, n, window, "sentence")}
    kept_in_all = 0
    for min_count, min_word_count in ((2, 1), (3, 1), (2, 5), (1, 4), (5, 2)):
        got = query_ngram_counts(ds, n, window, "sentence", min_count=min_count, min_word_count=min_word_count,
                                 by_article=by_article)
        got = got if by_article else {"": got}
        assert got.keys() == everything.keys()
        for art, full in everything.items():
            kept = {g: c for g, c in full.ngrams.items()
                    if c >= min_count and all(full.words[w] >= min_word_count for w in g)}
            assert dict(got[art].ngrams) == kept, (art, min_count, min_word_count)
            kept_in_all += len(kept)
            assert got[art].words == full.words
            for gram in kept if n == 3 else ():
                w1, w2, w3 = gram
                assert got[art].pairs[w1, w2] == full.pairs[w1, w2] and got[art].pairs[w2, w3] == full.pairs[w2, w3]
                assert got[art].gapped[w1, w3] == sum(c for (a, _, b), c in full.ngrams.items() if (a, b) == (w1, w3))
    assert kept_in_all  # not vacuous

TERMS = ["deal", "the deal", "U.S.", "kyiv", "ukraine", "russia", "can't", "$5", "nothing-here"]


@pytest.mark.parametrize("which", ["seed", "many"])
@pytest.mark.parametrize("stopwords", [None, "english"])
@pytest.mark.parametrize("span", [1, 4, (0, 3)])
def test_collocate_table_of_dataset_equals_in_memory(datasets, which, stopwords, span):
    corpus, ds = datasets[which]
    options = ct.TokenOptions(stopwords=stopwords)
    toks = _memory(corpus, options)
    seen = 0
    for term in TERMS:
        if stopwords and term in ("the deal", "can't"):  # "the", "n't" removed: the node can never match
            for data in (toks, ds):
                with pytest.raises(ValueError, match="can never match"):
                    ct.collocate_table(data, term, options=options)
            continue
        for boundary in (("sentence", "paragraph", "article") if span == 4 else ("paragraph",)):
            for min_count in ((1, 3) if boundary == "paragraph" else (1,)):
                kwargs = dict(span=span, boundary=boundary, min_count=min_count, options=options, repelled=True)
                expected = ct.collocate_table(toks, term, **kwargs)
                got = ct.collocate_table(ds, term, **kwargs)
                pd.testing.assert_frame_equal(got, expected)
                seen += len(expected)
    assert seen >= 10  # not vacuous: collocates were compared


def test_collocate_counts_by_hand(tmp_path):
    # positions: a0 x1 b2 x3 cat4 .5 | d6 ;  node x, span 1: before {a0, b2}, after {b2, cat4}
    ds = token_dataset(ct.Corpus.from_texts(["A x b x cat. D"]), tmp_path, n_jobs=1)
    c = query_collocate_counts(ds, ["x"], 1, 1, "paragraph")
    assert dict(c.span) == {"a": (1, 1, 0, 1), "b": (1, 1, 1, 1), "cat": (1, 0, 1, 1)}
    assert (c.span_tokens, c.tokens, c.f_node) == (3, 6, 2)
    assert dict(query_collocate_counts(ds, ["x"], 1, 1, "paragraph", min_count=2).span) == {}
