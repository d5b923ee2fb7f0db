"""Frequencies, n-grams, tf-idf, diversity and Zipf: hand counts and independent re-computation."""

from __future__ import annotations

import math
from collections import Counter

import nltk
import numpy as np
import pytest
from nltk import FreqDist

import corpus_tools as ct
from corpus_tools.stats.frequency import distinctive_term_table

TEXT = "The cat sat on the mat. The dog sat."


def test_hand_counted_frequencies():
    t = ct.frequency_table(ct.Corpus.from_texts([TEXT]))
    # the 3, sat 2, cat/dog/mat/on 1 (alphabetical among ties); 9 word tokens
    assert t[["term", "count", "rank"]].values.tolist() == [
        ["the", 3, 1], ["sat", 2, 2], ["cat", 1, 3], ["dog", 1, 4], ["mat", 1, 5], ["on", 1, 6]]
    assert t["per_10k"].tolist() == pytest.approx([c / 9 * 10_000 for c in [3, 2, 1, 1, 1, 1]])
    assert (t["doc_freq"] == 1).all()


def test_agrees_with_nltk_freqdist(seed_corpus):
    for options, n in ((None, 1075), ({"boilerplate": True}, 1106)):  # 31 words in the 3 related-story links
        toks = ct.token_table(seed_corpus, options)
        ours = ct.frequency_table(toks)
        fd = FreqDist(toks["norm"])
        assert dict(zip(ours["term"], ours["count"], strict=True)) == dict(fd)
        assert ours["count"].sum() == fd.N() == n
    # documented order: count desc, then term asc
    assert ours[["count", "term"]].values.tolist() == sorted(
        ours[["count", "term"]].values.tolist(), key=lambda r: (-r[0], r[1]))
    assert ours.loc[ours.term == "ukraine", "count"].item() == 15
    assert ours.loc[ours.term == "'s", "count"].item() == 16


def test_ngrams_respect_sentences_and_filtering():
    c = ct.Corpus.from_texts(["The end of the war. War ends."])
    bi = ct.ngram_table(c, 2)
    assert dict(zip(bi.term, bi["count"], strict=True)) == {
        "the end": 1, "end of": 1, "of the": 1, "the war": 1, "war ends": 1}  # no "war war" across "."
    assert ct.ngram_table(c, 2, options={"stopwords": "english"}).term.tolist() == ["war ends"]
    tri = ct.ngram_table(c, 3)
    assert tri.term.tolist() == ["end of the", "of the war", "the end of"]
    assert ct.ngram_table(c, 1)["count"].sum() == 7
    with pytest.raises(ValueError, match="positive integer"):
        ct.ngram_table(c, 0)


def test_ngram_counts_match_nltk_on_seed(seed_corpus):
    toks = ct.token_table(seed_corpus, options={"words_only": False})
    expected = Counter()
    for _, sent in toks.groupby("sentence"):
        expected.update(" ".join(g) for g in nltk.ngrams(sent["norm"].tolist(), 2))
    ours = ct.ngram_table(toks, 2)
    assert dict(zip(ours.term, ours["count"], strict=True)) == dict(expected)


def test_by_article_and_tfidf_against_sklearn():
    texts = ["apple banana apple.", "banana cherry.", "cherry cherry date."]
    c = ct.Corpus.from_texts(texts, ids=["a", "b", "c"])
    t = ct.frequency_table(c, by_article=True)
    assert t[t.article == "a"][["term", "count", "rank", "doc_freq"]].values.tolist() == [
        ["apple", 2, 1, 1], ["banana", 1, 2, 2]]
    assert t.article.tolist() == ["a", "a", "b", "b", "c", "c"]
    sk = pytest.importorskip("sklearn.feature_extraction.text")
    vec = sk.TfidfVectorizer(norm=None, smooth_idf=True, tokenizer=str.split, lowercase=False,
                             token_pattern=None)
    docs = [" ".join(g["norm"]) for _, g in ct.token_table(c).groupby("article", sort=False)]
    m = vec.fit_transform(docs).toarray()
    vocab = vec.vocabulary_
    for row in t.itertuples():
        assert row.tfidf == pytest.approx(m[["a", "b", "c"].index(row.article), vocab[row.term]])
    # idf by hand: banana in 2 of 3 docs -> ln(4/3) + 1
    assert t[t.term == "banana"].idf.iloc[0] == pytest.approx(math.log(4 / 3) + 1)


def test_min_count_and_empty():
    c = ct.Corpus.from_texts([TEXT])
    assert ct.frequency_table(c, min_count=2).term.tolist() == ["the", "sat"]
    empty = ct.frequency_table(ct.Corpus.from_texts(["... !"]))
    assert empty.empty and list(empty.columns) == ["term", "count", "per_10k", "rank", "doc_freq"]


def test_lexical_diversity_by_hand():
    c = ct.Corpus.from_texts([TEXT])
    row = ct.diversity_table(c, mattr_window=4).iloc[0]
    assert (row.tokens, row.types, row.hapax) == (9, 6, 4)
    assert row.ttr == pytest.approx(6 / 9) and row.hapax_share == pytest.approx(4 / 6)
    words = "the cat sat on the mat the dog sat".split()
    windows = [len(set(words[i : i + 4])) / 4 for i in range(6)]  # 1,1,.75,.75,.75,1
    assert row.mattr == pytest.approx(sum(windows) / 6)


def test_mtld_by_hand():
    # forward: a b (1.0) a (0.667 <= .72 -> factor 1); a b (1.0) a (factor 2); b: TTR 1 -> partial 0
    words = list("abaaba")
    forward = 6 / 2
    # backward "abaaba" reversed is "abaaba": same
    assert ct.stats.mtld(words) == pytest.approx(forward)
    assert math.isnan(ct.stats.mtld(list("abcdef")))  # never leaves TTR 1: no factor at all
    assert ct.stats.mtld(list("aaaa")) == pytest.approx(2.0)


def test_zipf_fit_recovers_exact_power_law():
    counts = [1000 / r for r in range(1, 201)]
    fit = ct.stats.zipf_fit(counts)
    assert fit.slope == pytest.approx(-1) and fit.r_squared == pytest.approx(1)
    x, y = np.log10(np.arange(1, 201)), np.log10(counts)
    assert fit.slope == pytest.approx(np.cov(x, y, bias=True)[0, 1] / np.var(x))
    assert math.isnan(ct.stats.zipf_fit([5]).slope)


def test_a_string_is_not_a_corpus():
    with pytest.raises(TypeError, match="expected a token table, Corpus or Article"):
        ct.frequency_table("some text")


def test_distinctive_terms_rank_by_tfidf():
    freq = ct.frequency_table(ct.Corpus.from_texts(["cat cat dog", "dog eel"]), by_article=True)
    d = distinctive_term_table(freq, top=2)
    # N=2: idf(df=1) = ln(3/2)+1 = 1.405465; idf(df=2) = ln(3/3)+1 = 1
    assert d[["article", "rank", "term", "count"]].values.tolist() == [
        ["0", 1, "cat", 2], ["0", 2, "dog", 1], ["1", 1, "eel", 1], ["1", 2, "dog", 1]]
    assert d["tfidf"].tolist() == pytest.approx([2 * (math.log(1.5) + 1), 1.0, math.log(1.5) + 1, 1.0])
    with pytest.raises(ValueError, match="top must be an integer >= 1, not 0"):
        distinctive_term_table(freq, top=0)
