"""NgramCounts: hand-counted windows and boundaries, NLTK's finders on the seed, merging."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk_reference import nltk_sequence

import corpus_tools as ct
from corpus_tools.stats.counts import BOUNDARIES, NgramCounts, count_ngrams, counts_by_article


def test_windows_and_boundaries_by_hand():
    c = ct.Corpus.from_texts(["Red fox ran. Big dog\n\nnew day"])
    t = ct.token_table(c)  # positions: red0 fox1 ran2 .3 big4 dog5 | new6 day7 ("." filtered, still a position)
    adj = count_ngrams(t)  # no ran-big: gap at 3
    assert dict(adj.ngrams) == {("red", "fox"): 1, ("fox", "ran"): 1, ("big", "dog"): 1, ("new", "day"): 1}
    assert adj.n_words == 7 and adj.words["red"] == 1
    w3 = count_ngrams(t, 2, window_size=3)  # j - i <= 2: ran(2)-big(4) now counted
    assert dict(w3.ngrams) == {("red", "fox"): 1, ("red", "ran"): 1, ("fox", "ran"): 1, ("ran", "big"): 1,
                               ("big", "dog"): 1, ("new", "day"): 1}
    # sentence boundary cuts ran-big; paragraph boundary cuts dog-new whatever the window
    assert ("ran", "big") not in count_ngrams(t, 2, window_size=3, boundary="sentence").ngrams
    w4 = count_ngrams(t, 2, window_size=4)
    assert ("dog", "new") not in w4.ngrams and ("fox", "big") in w4.ngrams and ("red", "big") not in w4.ngrams
    art = count_ngrams(t, 2, window_size=4, boundary="article")
    assert art.ngrams[("dog", "new")] == 1 and art.ngrams[("big", "day")] == 1
    assert ("ran", "new") not in art.ngrams
    tri = count_ngrams(t, 3)
    assert dict(tri.ngrams) == {("red", "fox", "ran"): 1}
    assert dict(tri.pairs) == dict(adj.ngrams)


def test_repeated_pairs_counted_per_occurrence():
    t = ct.token_table(ct.Corpus.from_texts(["x x x y"]))
    # window 3: pairs (0,1)(0,2)(1,2)(1,3)(2,3) -> x x: 3, x y: 2
    assert dict(count_ngrams(t, 2, window_size=3).ngrams) == {("x", "x"): 3, ("x", "y"): 2}


@pytest.mark.parametrize("boundary", ["sentence", "paragraph", "article"])
@pytest.mark.parametrize("window_size", [2, 5])
@pytest.mark.parametrize("stopwords", [None, "english"])
def test_bigram_counts_equal_nltk_finder_on_seed(seed_corpus, boundary, window_size, stopwords):
    t = ct.token_table(seed_corpus, options={"stopwords": stopwords})
    ours = count_ngrams(t, 2, window_size=window_size, boundary=boundary)
    finder = BigramCollocationFinder.from_words(nltk_sequence(t, boundary, window_size), window_size)
    assert dict(ours.ngrams) == dict(finder.ngram_fd)
    assert dict(ours.words) == dict(finder.word_fd)
    assert ours.n_words == finder.N == len(t)


@pytest.mark.parametrize("boundary", ["sentence", "paragraph"])
def test_trigram_counts_equal_nltk_finder_on_seed(seed_corpus, boundary):
    t = ct.token_table(seed_corpus, options={"stopwords": "english"})
    ours = count_ngrams(t, 3, boundary=boundary)
    finder = TrigramCollocationFinder.from_words(nltk_sequence(t, boundary, 3))
    assert dict(ours.ngrams) == dict(finder.ngram_fd)
    assert dict(ours.pairs) == dict(finder.bigram_fd)
    assert dict(ours.words) == dict(finder.word_fd) and ours.n_words == finder.N


def test_merge_of_disjoint_articles_equals_union():
    c = ct.Corpus.from_texts(["The cat sat on the mat. The cat ran.", "A dog sat. The dog ran on.",
                              "Cats and dogs"], ids=["a", "b", "c"])
    t = ct.token_table(c, options={"stopwords": "english"})
    for n, w in [(2, 2), (2, 4), (3, 3)]:
        whole = count_ngrams(t, n, w)
        parts = counts_by_article(t, n, w)
        assert list(parts) == ["a", "b", "c"]
        assert parts["a"] + parts["b"] + parts["c"] == whole
        assert sum(parts.values()) == whole == NgramCounts.merge(parts.values())
    # order of rows does not matter as long as positions are right
    assert count_ngrams(t.iloc[::-1], 2, 4) == count_ngrams(t, 2, 4)


def test_counts_are_immutable_picklable_and_validated():
    t = ct.token_table(ct.Corpus.from_texts(["a b a b"]))
    c = count_ngrams(t)
    with pytest.raises(TypeError):
        c.ngrams[("a", "b")] = 5
    with pytest.raises(AttributeError):
        c.n_words = 3
    assert pickle.loads(pickle.dumps(c)) == c
    with pytest.raises(ValueError, match="cannot merge"):
        c + count_ngrams(t, 2, window_size=3)
    with pytest.raises(ValueError, match="n must be 2 or 3, not 4"):
        count_ngrams(t, 4)
    for bad in (0, -1, 1):
        with pytest.raises(ValueError, match=f"window_size must be >= 2.*not {bad}"):
            count_ngrams(t, 2, window_size=bad)
    with pytest.raises(ValueError, match="window_size must be 3"):
        count_ngrams(t, 3, window_size=4)
    with pytest.raises(ValueError, match=r"boundary must be one of \['article', 'paragraph', 'sentence'\]"):
        count_ngrams(t, boundary="line")
    with pytest.raises(ValueError, match="n_words"):
        NgramCounts(2, 2, "paragraph", "norm", words={"a": 1}, n_words=2)
    empty = count_ngrams(ct.token_table(ct.Corpus.from_texts(["..."])))
    assert empty.n_words == 0 and not empty.ngrams


_word = st.sampled_from(["a", "b", "c", None])  # None: a filtered token (a gap)


@st.composite
def token_tables(draw):
    """Random token tables: articles of blocks of sentences of tokens, some filtered out."""
    rows = []
    sentence = 0
    for art in range(draw(st.integers(1, 3))):
        position = 0
        for block in range(draw(st.integers(1, 3))):
            for _ in range(draw(st.integers(1, 2))):
                for word in draw(st.lists(_word, min_size=1, max_size=6)):
                    if word is not None:
                        rows.append((f"art{art}", block, sentence, position, word))
                    position += 1
                sentence += 1
    return pd.DataFrame(rows, columns=["article", "block", "sentence", "position", "norm"])


@settings(max_examples=60, deadline=None)
@given(toks=token_tables(), window_size=st.integers(2, 4), boundary=st.sampled_from(sorted(BOUNDARIES)))
def test_random_tables_match_nltk_and_merge(toks, window_size, boundary):
    ours = count_ngrams(toks, 2, window_size, boundary)
    if len(toks):
        finder = BigramCollocationFinder.from_words(nltk_sequence(toks, boundary, window_size), window_size)
        assert dict(ours.ngrams) == dict(finder.ngram_fd) and dict(ours.words) == dict(finder.word_fd)
        tri = count_ngrams(toks, 3, boundary=boundary)
        tfinder = TrigramCollocationFinder.from_words(nltk_sequence(toks, boundary, 3))
        assert dict(tri.ngrams) == dict(tfinder.ngram_fd) and dict(tri.pairs) == dict(tfinder.bigram_fd)
        assert sum(counts_by_article(toks, 2, window_size, boundary).values()) == ours
    else:
        assert ours.n_words == 0


def test_pruned_counts_say_so_and_do_not_merge():
    words = {"a": 2, "b": 2, "c": 1}
    pruned = NgramCounts(3, 3, "sentence", "norm", ngrams={("a", "b", "a"): 2}, words=words, n_words=5,
                         pairs={("a", "b"): 2, ("b", "a"): 2}, min_count=2, gapped={("a", "a"): 3})
    assert pruned.pruned and not NgramCounts(2, 2, "sentence", "norm").pruned
    with pytest.raises(ValueError, match="cannot be merged"):
        pruned + pruned
    with pytest.raises(ValueError, match="gapped"):  # only pruned trigram counts carry f(w1 * w3)
        NgramCounts(3, 3, "sentence", "norm", gapped={("a", "a"): 1})
    with pytest.raises(ValueError, match="min_count must be an integer >= 1"):
        NgramCounts(2, 2, "sentence", "norm", min_count=0)
    assert pickle.loads(pickle.dumps(pruned)) == pruned
    # scored with the stored f(w1 * w3) (a pruned "a c a" counts in it), not one summed from the kept trigrams
    row = ct.stats.ngram_score_table(pruned, min_count=2).iloc[0]
    assert (row["f_w1w2"], row["f_w1_w3"], row["f_w2w3"]) == (2, 3, 2)
