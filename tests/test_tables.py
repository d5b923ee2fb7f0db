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
    lengths = tables.sentence_lengths(article)
    assert lengths["words"].tolist() == [3, 2, 2, 3, 1, 2, 1]
    assert lengths["words"].sum() == blocks["words"].sum() == 14
    # the same paragraph words per section as the structure module's section table (headings apart)
    paragraph_words = blocks[blocks["kind"] == "paragraph"].groupby("section")["words"].sum().tolist()
    assert paragraph_words == ct.section_table(article)["words"].tolist() == [5, 4, 1]


def test_term_positions_and_trace_terms():
    toks = ct.tokens(ct.Corpus.from_texts(["War and peace. Peace, war, war."]))
    assert tables.trace_terms(toks, n=2) == ["war", "peace"]
    assert tables.trace_terms(toks, ["Peace", "war", "peace"]) == ["peace", "war"]
    pos = tables.term_positions(toks, ["war"])
    assert pos["position"].tolist() == [0, 6, 8]  # War and peace . Peace , war , war .


def test_keywords_by_article_is_keyness_against_the_rest():
    corpus = ct.Corpus.from_texts(["war war war peace", "peace peace talks", "talks war"], ids=["a", "b", "c"])
    toks = ct.tokens(corpus)
    table = tables.keywords_by_article(toks, n=2)
    for art in ["a", "b", "c"]:
        expected = ct.keyness(toks, art, direction="over").head(2).reset_index(drop=True)
        got = table[table["article"] == art].drop(columns="article").reset_index(drop=True)
        assert got.equals(expected)
    assert table.columns[0] == "article" and set(table["direction"]) == {"over"}
    with pytest.raises(ValueError, match="at least two articles"):
        tables.keywords_by_article(ct.tokens(corpus[:1]))


def test_kwic_lines_concatenate_queries(seed_corpus):
    lines = tables.kwic_lines(seed_corpus, ["putin", "xi"], window=3)
    # one line per occurrence: the frequency table's counts (putin 12, xi 13, see README)
    assert (lines["query"] == "putin").sum() == 12 and (lines["query"] == "xi").sum() == 13
    assert lines["query"].tolist() == ["putin"] * 12 + ["xi"] * 13
    assert list(lines.columns) == ["query", "article", "block", "position", "left", "match", "right"]
    assert tables.kwic_lines(seed_corpus, []).empty
