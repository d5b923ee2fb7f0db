"""KWIC: every occurrence (checked against frequency counts on the seed), correct context, sorting, rendering."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.stats.concordance import kwic_queries_table

COLUMNS = ["article", "date", "block", "position", "left", "match", "right"]


@pytest.mark.parametrize("word", ["ukraine", "xi", "putin", "china", "the", "'s", "said"])
def test_hit_count_equals_frequency_table_on_seed(seed_corpus, word):
    freq = ct.frequency_table(seed_corpus).set_index("term")["count"]
    hits = ct.kwic_table(seed_corpus, word)
    assert len(hits) == freq[word] > 0
    # the match is shown as written: typographic apostrophes stay typographic
    assert (hits["match"].map(ct.tokens.normalize_apostrophes).str.lower() == word).all()


def test_regex_hits_equal_the_frequencies_of_matching_terms(seed_corpus):
    freq = ct.frequency_table(seed_corpus)
    pattern = r"ukrain\w*"
    expected = freq[freq.term.map(lambda t: re.fullmatch(pattern, t) is not None)]
    # 15 "Ukraine" in the seed, one in an inserted related-story link (role "link"), left out by default
    assert expected[["term", "count"]].values.tolist() == [["ukraine", 14], ["ukrainian", 2]]
    hits = ct.kwic_table(seed_corpus, pattern, regex=True)
    assert len(hits) == expected["count"].sum() == 16
    assert len(ct.kwic_table(seed_corpus, re.compile(pattern, re.I))) == len(hits)


def test_phrase_hits_equal_bigram_counts_on_seed(seed_corpus):
    bigrams = ct.ngram_table(seed_corpus, 2).set_index("term")["count"]
    for phrase in ("white house", "president xi", "xi jinping"):
        assert len(ct.kwic_table(seed_corpus, phrase)) == bigrams[phrase], phrase


def test_seed_context_is_the_text_around_the_match(seed_corpus, seed_article):
    hits = ct.kwic_table(seed_corpus, "ukraine", context=3)
    first = hits.iloc[0]
    # paragraph 1: "During his two-day visit Xi barely mentioned the Ukraine conflict and said on Tuesday..."
    assert (first.article, first.block) == (seed_article.id, 1)
    assert set(hits["date"]) == {seed_article.date.isoformat()} == {"2023-03-22"}  # the seed's dateline
    assert (first.left, first.match, first.right) == ("barely mentioned the", "Ukraine", "conflict and said")
    toks = ct.token_table(seed_corpus, options={"words_only": False}).set_index("position")
    for row in hits.itertuples():
        # the position is the token's, and the contexts are the neighbouring tokens of its block
        assert toks.loc[row.position, "token"] == row.match and toks.loc[row.position, "block"] == row.block
        same_block = toks[toks.block == row.block]
        before = same_block.loc[row.position - 3 : row.position - 1, "token"].tolist()
        after = same_block.loc[row.position + 1 : row.position + 3, "token"].tolist()
        text = seed_article.text
        first_left = toks.loc[row.position - len(before), "start"] if before else None
        assert row.left == (" ".join(text[first_left : toks.loc[row.position, "start"]].split()) if before else "")
        assert row.right == " ".join(text[toks.loc[row.position, "end"] : toks.loc[row.position + len(after), "end"]]
                                     .split())
        # the same hit on the bare token table shows the tokens themselves
    bare = ct.kwic_table(ct.token_table(seed_corpus, options={"words_only": False}), "ukraine", context=3)
    assert bare.left.tolist()[0] == "barely mentioned the" and len(bare) == len(hits)
    assert set(bare["date"]) == {""}  # a bare token table knows no dates
    chinas = ct.kwic_table(seed_corpus, "china", context=2)
    assert chinas.iloc[0].right == "’s President"  # the text as written, not "'s President"
    raw = ct.token_table(seed_corpus, options={"words_only": False})
    assert ct.kwic_table(raw, "china", context=2).iloc[0].right == "'s President"


def test_phrase_boundary_and_case():
    c = ct.Corpus.from_texts(["Vladimir Putin met Xi. Putin said: Vladimir\n\nPutin left."], ids=["a"])
    hits = ct.kwic_table(c, "vladimir putin", context=2)
    # Vladimir0 Putin1 met2 Xi3 .4 Putin5 said6 :7 Vladimir8 | Putin9: the second pair spans two paragraphs
    assert hits[["position", "left", "match", "right"]].values.tolist() == [[0, "", "Vladimir Putin", "met Xi"]]
    assert len(ct.kwic_table(c, "vladimir putin", boundary="article")) == 2
    assert len(ct.kwic_table(c, "putin")) == 3 and ct.kwic_table(c, "putin", case_sensitive=True).empty
    # sentence boundary keeps the context inside the sentence
    s = ct.kwic_table(c, "met", context=5, boundary="sentence").iloc[0]
    assert (s.left, s.right) == ("Vladimir Putin", "Xi.")


def test_sorting_by_left_and_right_context():
    c = ct.Corpus.from_texts(["b cat z\n\na cat y\n\nc cat x\n\na cat w"])
    text_order = ct.kwic_table(c, "cat", context=1)
    assert text_order.right.tolist() == ["z", "y", "x", "w"]
    assert ct.kwic_table(c, "cat", context=1, sort="right").right.tolist() == ["w", "x", "y", "z"]
    by_left = ct.kwic_table(c, "cat", context=1, sort="left")
    assert by_left.left.tolist() == ["a", "a", "b", "c"]
    assert by_left.right.tolist() == ["y", "w", "z", "x"]  # ties keep text order
    # left sort reads outward from the match: nearest word first
    c2 = ct.Corpus.from_texts(["z a cat\n\ny b cat\n\nx a cat"])
    assert ct.kwic_table(c2, "cat", context=2, sort="left").left.tolist() == ["x a", "z a", "y b"]


def test_plain_text_rendering_is_aligned_on_the_match(seed_corpus):
    hits = ct.kwic_table(seed_corpus, "putin", context=4)
    lines = ct.stats.format_kwic(hits).splitlines()
    assert len(lines) == len(hits)
    width = max(len(s) for s in hits.left)
    for line, row in zip(lines, hits.itertuples(), strict=True):
        assert line[width + 2 : width + 2 + len(row.match)] == row.match
        assert line[:width].strip() == row.left
    short = ct.stats.format_kwic(hits, width=10).splitlines()
    assert all(line[12:17] == "Putin" for line in short)
    assert any(line.startswith("…") for line in short)


def test_bad_input_and_empty_results(seed_corpus):
    for w in (0, -3):
        with pytest.raises(ValueError, match=f"context must be an integer >= 1, not {w}"):
            ct.kwic_table(seed_corpus, "xi", context=w)
    with pytest.raises(ValueError, match="query must be a non-empty string"):
        ct.kwic_table(seed_corpus, "  ")
    with pytest.raises(ValueError, match="not a valid regular expression"):
        ct.kwic_table(seed_corpus, "ukr(aine", regex=True)
    with pytest.raises(ValueError, match="sort must be None, 'left' or 'right'"):
        ct.kwic_table(seed_corpus, "xi", sort="middle")
    none = ct.kwic_table(seed_corpus, "zebra")
    assert none.empty and list(none.columns) == COLUMNS
    empty = ct.kwic_table(ct.Corpus([]), "xi")
    assert empty.empty and list(empty.columns) == COLUMNS
    assert ct.stats.format_kwic(none) == ""


def test_a_shared_token_table_gives_the_same_lines(seed_corpus):
    toks = ct.token_table(seed_corpus, options={"words_only": False})
    for query in ("putin", "xi jinping"):
        pd.testing.assert_frame_equal(ct.kwic_table(seed_corpus, query, tokens=toks), ct.kwic_table(seed_corpus, query))


def test_kwic_lines_concatenate_queries(seed_corpus):
    lines = kwic_queries_table(seed_corpus, ["putin", "xi"], context=3)
    # one line per occurrence: the frequency table's counts (putin 12, xi 13, see README, less the "Xi"
    # of the related-story link "Ukraine waiting for confirmation of Zelenskiy call with China's Xi: ...")
    assert (lines["query"] == "putin").sum() == 12 and (lines["query"] == "xi").sum() == 12
    assert lines["query"].tolist() == ["putin"] * 12 + ["xi"] * 12
    assert list(lines.columns) == ["query", "article", "date", "block", "position", "left", "match", "right"]
    assert kwic_queries_table(seed_corpus, []).empty


TRICKY = ct.Corpus.from_texts([
    "The U.S. can't pay $15.6 billion for Xi's two-day visit, e.g. to Moscow. Officials in the U.S.",
    "Xi’s plan: the U.S. and e.g. Canada can't agree on a two-day truce, said Prime Minister Li.",
], ids=["a", "b"])


@pytest.mark.parametrize(("query", "hits", "match"), [
    ("U.S.", 3, "U.S."),  # the two mid-sentence ones and the block-final one: an abbreviation keeps its period
    ("can't", 2, "can't"),
    ("$15.6", 1, "$15.6"),
    ("Xi's", 2, "Xi's"),
    ("e.g.", 2, "e.g."),
    ("two-day", 2, "two-day"),
    ("prime minister", 1, "Prime Minister"),
    ("the U.S.", 3, "the U.S."),
])
def test_any_token_the_tokenizer_makes_can_be_queried(query, hits, match):
    got = ct.kwic_table(TRICKY, query, context=2)
    toks = ct.token_table(TRICKY, options={"words_only": False})
    parts = ct.stats.query_tokens(query)
    units = list(zip(toks.article, toks.block, strict=True))
    counted = len(ct.stats.phrase_hits([t.casefold() for t in toks.token], units, toks.position.tolist(),
                                       [p.casefold().__eq__ for p in parts]))
    assert len(got) == counted == hits
    if " " not in query and len(parts) == 1:  # one token: KWIC finds what the frequency table counts
        assert hits == ct.frequency_table(TRICKY, options={"words_only": False}).set_index("term").loc[
            query.lower(), "count"]
    assert got.match.str.replace("’", "'").eq(match).sum() >= 1


def test_collocates_of_any_token():
    for node in ("U.S.", "can't", "$15.6", "Xi's", "e.g.", "two-day", "prime minister"):
        t = ct.collocate_table(TRICKY, node, span=3, min_count=1)
        assert len(t) > 0, node
    assert "pay" in set(ct.collocate_table(TRICKY, "$15.6", span=2, min_count=1).collocate)  # "$" is filtered
    with pytest.raises(ValueError, match="node token"):
        ct.collocate_table(TRICKY, "the", options={"stopwords": "english"})
