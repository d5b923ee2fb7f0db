"""Derived report tables: hand-computed values and NLTK's own numbers."""

from __future__ import annotations

import math

import pytest

import corpus_tools as ct
from corpus_tools import tables

TEXT = "Lead one here. Second sentence.\n\nA Heading\n\nBody text here. More.\n\nLast Part\n\nEnd."


def test_distinctive_terms_rank_by_tfidf():
    freq = ct.frequency_table(ct.Corpus.from_texts(["cat cat dog", "dog eel"]), by_article=True)
    d = tables.distinctive_terms(freq, n=2)
    # N=2: idf(df=1) = ln(3/2)+1 = 1.405465; idf(df=2) = ln(3/3)+1 = 1
    assert d[["article", "rank", "term", "count"]].values.tolist() == [
        ["0", 1, "cat", 2], ["0", 2, "dog", 1], ["1", 1, "eel", 1], ["1", 2, "dog", 1]]
    assert d["tfidf"].tolist() == pytest.approx([2 * (math.log(1.5) + 1), 1.0, math.log(1.5) + 1, 1.0])
    with pytest.raises(ValueError, match="n must be >= 1"):
        tables.distinctive_terms(freq, n=0)


def test_block_section_and_sentence_tables():
    article = ct.Article.from_text(TEXT, id="x")
    blocks = tables.block_lengths(article)
    assert blocks[["block", "kind", "section", "words", "sentences"]].values.tolist() == [
        [0, "paragraph", 0, 5, 2], [1, "heading", 1, 2, 1], [2, "paragraph", 1, 4, 2],
        [3, "heading", 2, 2, 1], [4, "paragraph", 2, 1, 1]]
    sections = tables.section_summary(article)
    assert sections[["section", "heading", "paragraphs", "sentences", "words"]].values.tolist() == [
        [0, "", 1, 2, 5], [1, "A Heading", 1, 3, 6], [2, "Last Part", 1, 2, 3]]
    assert sections["mean_sentence_words"].tolist() == [2.5, 2.0, 1.5]
    lengths = tables.sentence_lengths(article)
    assert lengths["words"].tolist() == [3, 2, 2, 3, 1, 2, 1]
    assert lengths["words"].sum() == blocks["words"].sum() == 14
    # heading starts: 7 tokens "Lead one here . Second sentence ." before "A", then 2 + 6 ("Body text here . More .")
    assert tables.heading_positions(article) == [7, 7 + 2 + 6]


def test_term_positions_and_trace_terms():
    toks = ct.tokens(ct.Corpus.from_texts(["War and peace. Peace, war, war."]))
    assert tables.trace_terms(toks, n=2) == ["war", "peace"]
    assert tables.trace_terms(toks, ["Peace", "war", "peace"]) == ["peace", "war"]
    pos = tables.term_positions(toks, ["war"])
    assert pos["position"].tolist() == [0, 6, 8]  # War and peace . Peace , war , war .


def test_association_table_matches_nltk_by_hand():
    toks = ct.tokens(ct.Corpus.from_texts(["new york is big. new york grows. york is old."]))
    t = tables.association_table(toks, n=2, measure="pmi", min_count=2)
    assert t["ngram"].tolist() == ["new york", "york is"]  # pmi: new york 1.807 > york is 1.222
    # N = 10 words (sentences padded apart); new york: n_ii=2, new=2, york=3
    assert t.loc[0, "pmi"] == pytest.approx(math.log2(2 * 10 / (2 * 3)))
    assert t.loc[1, "pmi"] == pytest.approx(math.log2(2 * 10 / (3 * 2)))
    assert set(tables.ASSOCIATION_MEASURES) <= set(t.columns)
    # no bigram across the sentence boundary "big . new" -> "big new" (words_only drops "."), nor "grows york"
    everything = tables.association_table(toks, n=2, min_count=1)["ngram"].tolist()
    assert "big new" not in everything and "grows york" not in everything
    assert sorted(everything) == ["is big", "is old", "new york", "york grows", "york is"]


def test_association_table_window_and_trigrams():
    toks = ct.tokens(ct.Corpus.from_texts(["red big car. red big car."]))
    pairs = tables.association_table(toks, n=2, window=3, min_count=1)
    assert dict(zip(pairs["ngram"], pairs["count"], strict=True)) == {"red big": 2, "red car": 2, "big car": 2}
    tri = tables.association_table(toks, n=3, min_count=1)
    assert tri[["ngram", "count"]].values.tolist() == [["red big car", 2]]
    with pytest.raises(ValueError, match="unknown association measure 'dice2'"):
        tables.association_table(toks, measure="dice2")
    with pytest.raises(ValueError, match="n must be 2 or 3"):
        tables.association_table(toks, n=4)
    with pytest.raises(ValueError, match="window"):
        tables.association_table(toks, n=3, window=4)
