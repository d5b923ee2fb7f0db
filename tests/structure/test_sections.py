"""Section structure: heading detection and kinds, sections, per-section statistics and terms."""

from __future__ import annotations

import math
import statistics

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.structure.sections import block_table, sentence_table

SEED_HEADINGS = [  # (block, text, kind as I read the article, rule's reason)
    (17, "China diplomatic offensive lays down new challenge for US", "link",
     "headline clause interrupting a continuing topic"),
    (23, "Russia wants Chinese businesses to replace Western firms", "link",
     "headline clause interrupting a continuing topic"),
    (27, "Queuing for food, water", "subheading", "no link signal"),
    (30, "Ukraine waiting for confirmation of Zelenskiy call with China’s Xi: Corriere della Sera", "link",
     "source after colon"),
]


def art(text: str, id: str = "x") -> ct.Article:
    return ct.Article.from_text(text, id=id)


# -- heading detection (core blocks.py) ----------------------------------------------------------------

@pytest.mark.parametrize("line", ["CHAPTER I", "1. Background", "IV. Results", "Queuing for food, water",
                                  "What comes next"])
def test_heading_lines(line):
    assert ct.model.is_heading(line)


@pytest.mark.parametrize("line", ["The talks ended.", "He left.", "1. Background.", "Yes!", "See www.example.com",
                                  "and then nothing", "“We agree,” he said."])
def test_short_prose_is_never_a_heading(line):
    assert not ct.model.is_heading(line)


def test_markdown_allcaps_and_numbered_headings_open_sections():
    a = art("# Overview\nIntro text here.\n\nCHAPTER I\n\nIt began.\n\n1. Background\n\nShort one.\n\n"
            "## Details ##\n\nMore.")
    assert [(b.kind, b.text) for b in a.blocks if b.kind == "heading"] == [
        ("heading", "Overview"), ("heading", "CHAPTER I"), ("heading", "1. Background"), ("heading", "Details")]
    t = ct.section_table(a)
    # the article opens with a heading: section 0 (lead) is empty
    assert t[["section", "kind", "paragraphs"]].values.tolist() == [
        [0, "lead", 0], [1, "subheading", 1], [2, "subheading", 1], [3, "subheading", 1], [4, "subheading", 1]]
    assert t["heading"].tolist()[1:] == ["Overview", "CHAPTER I", "1. Background", "Details"]


# -- the seed ----------------------------------------------------------------------------------------------

def test_seed_headings_and_kinds(seed_corpus):
    h = ct.heading_table(seed_corpus)
    assert h[["block", "heading", "kind", "reason"]].values.tolist() == [list(r) for r in SEED_HEADINGS]
    assert h["section"].tolist() == [1, 2, 3, 4]
    assert h["predicate"].tolist() == ["lays", "wants", "", "waiting"]
    assert h["source"].tolist() == ["", "", "", "Corriere della Sera"]
    # content stems shared by the paragraph before and after (continuity) vs. heading and paragraph after (fit)
    assert h[["continuity", "fit"]].values.tolist() == [[2, 0], [2, 0], [1, 0], [0, 0]]


def test_seed_sections(seed_corpus, seed_article):
    t = ct.section_table(seed_corpus)
    assert len(t) == 5
    assert t["section"].tolist() == [0, 1, 2, 3, 4]
    assert t["kind"].tolist() == ["lead", "link", "link", "subheading", "link"]
    assert t["paragraphs"].tolist() == [17, 5, 3, 2, 5] and t["paragraphs"].sum() == 32
    assert pd.isna(t.loc[0, "heading"]) and t["heading"].tolist()[1:] == [r[1] for r in SEED_HEADINGS]
    assert t[["first_block", "last_block"]].values.tolist() == [[0, 16], [17, 22], [23, 26], [27, 29], [30, 35]]
    # words: body word tokens + heading words = all 1106 word tokens (headings 9 + 8 + 4 + 14)
    assert t["heading_words"].tolist() == [0, 9, 8, 4, 14]
    assert t["words"].sum() + t["heading_words"].sum() == 1106
    # quoted words per section add up to the article's 184 (see test_quotations)
    assert t["quoted_words"].sum() == 184 and t.loc[3, "quoted_words"] == 0
    assert t["quoted_share"].tolist() == pytest.approx((t["quoted_words"] / t["words"]).tolist())


def test_seed_sections_agree_with_token_table(seed_corpus):
    # the seed's four headings are body headings (three links, one subheading), so its body sections
    # (the token table's) are its heading sections; boilerplate=True keeps the links' own words
    toks = ct.token_table(seed_corpus, {"boilerplate": True})
    t = ct.section_table(seed_corpus)
    words = ct.token_table(seed_corpus, {"boilerplate": True})  # words_only=True by default: word tokens
    # section column of the token table = section numbering of the structure model
    spans = toks.groupby("section")["block"].agg(["min", "max"]).reset_index().values.tolist()
    assert spans == t[["section", "first_block", "last_block"]].values.tolist()
    assert words.groupby("section").size().tolist() == (t["words"] + t["heading_words"]).tolist()
    # sentence statistics recomputed independently from the token table (paragraph sentences only)
    body = words[words.block_kind == "paragraph"]
    for sec, grp in body.groupby("section"):
        lengths = grp.groupby("sentence").size().tolist()
        row = t[t.section == sec].iloc[0]
        assert row["sentences"] == len(lengths)
        assert row["mean_sentence_length"] == pytest.approx(statistics.mean(lengths))
        assert row["median_sentence_length"] == statistics.median(lengths)
    assert t["sentences"].tolist() == [20, 6, 5, 2, 7]


def test_section_model_objects(seed_article):
    secs = ct.structure.sections(seed_article)
    assert [s.index for s in secs] == [0, 1, 2, 3, 4]
    assert secs[0].heading is None and secs[0].kind == "lead"
    assert [len(s.paragraphs) for s in secs] == [17, 5, 3, 2, 5]
    assert [b.index for b in secs[3].blocks] == [27, 28, 29]
    # every block in exactly one section, in order
    assert [b.index for s in secs for b in s.blocks] == list(range(36))


def test_seed_distinctive_terms(seed_corpus):
    terms = ct.structure.section_term_table(seed_corpus, top=None)
    s1 = terms[terms.section == 1]
    tanks = s1[s1.term == "tanks"].iloc[0]
    # "tanks" occurs in section 1 only (3 times) among 5 non-empty sections: idf = ln(6/2) + 1
    assert (tanks["count"], tanks["doc_freq"], tanks["rank"]) == (3, 1, 1)
    assert tanks["idf"] == pytest.approx(math.log(6 / 2) + 1)
    assert tanks["tfidf"] == pytest.approx(3 * (math.log(3) + 1))
    # independent check of one count against the token table (stopwords removed)
    toks = ct.token_table(seed_corpus, options={"stopwords": "english"})
    assert s1["count"].sum() == (toks.section == 1).sum()
    assert terms.groupby("section")["rank"].apply(lambda r: r.tolist() == list(range(1, len(r) + 1))).all()
    top = ct.structure.section_term_table(seed_corpus, top=1)
    # "xi" tops section 0 once the related-story link "... China's Xi: Corriere della Sera" (section 4) is
    # left out by default: it is then in fewer sections, so its idf rises above "putin"'s
    assert top[["section", "term"]].values.tolist() == [[0, "xi"], [1, "tanks"], [2, "allies"], [3, "bakhmut"],
                                                        [4, "kitchen"]]
    top = ct.structure.section_term_table(seed_corpus, top=1, options={"stopwords": "english", "boilerplate": True})
    assert top[["section", "term"]].values.tolist() == [[0, "putin"], [1, "tanks"], [2, "allies"], [3, "bakhmut"],
                                                        [4, "kitchen"]]


def test_section_terms_corpus_scope_differs_from_article_scope():
    c = ct.Corpus.from_texts(["Tanks roll.\n\nSupply lines\n\nFuel runs low.", "Tanks everywhere today."],
                             ids=["a", "b"])
    within = ct.structure.section_term_table(c, top=None)
    across = ct.structure.section_term_table(c, top=None, scope="corpus")
    t_in = within[(within.article == "a") & (within.term == "tanks")].iloc[0]
    t_across = across[(across.article == "a") & (across.term == "tanks")].iloc[0]
    # within article a: 2 sections, tanks in 1 -> ln(3/2) + 1 ; across the corpus: 3 sections, tanks in 2
    assert t_in["doc_freq"] == 1 and t_in["idf"] == pytest.approx(math.log(3 / 2) + 1)
    assert t_across["doc_freq"] == 2 and t_across["idf"] == pytest.approx(math.log(4 / 3) + 1)
    assert across["article"].tolist() == sorted(across["article"].tolist())
    with pytest.raises(ValueError, match="scope"):
        ct.structure.section_term_table(c, scope="paragraph")
    with pytest.raises(ValueError, match="top"):
        ct.structure.section_term_table(c, top=0)


# -- heading kinds on constructed examples --------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        # a headline clause that introduces what follows (heading stems all recur after it)
        ("The old bridge was closed in May.\n\nCity plans new bridge over river\n\n"
         "The new bridge over the river will cost $5 million, the city plans show.",
         "subheading", "headline clause, but it introduces what follows"),
        # a headline clause interrupting a continuing topic
        ("Rescuers searched the flooded valley for survivors on Monday.\n\nOil prices climb as markets rally\n\n"
         "The rescuers found three survivors in the valley late on Monday.",
         "link", "headline clause interrupting a continuing topic"),
        ("Water rose overnight.\n\nStorm hits coast as thousands flee - Reuters\n\nWater kept rising.",
         "link", "source after colon"),
        ("Water rose overnight.\n\nRead more: Storm season begins\n\nWater kept rising.", "link", "link label"),
        # a noun phrase never is a link, even inside a continuing topic
        ("Water rose overnight in the valley.\n\nAid convoys\n\nWater kept rising in the valley.",
         "subheading", "no link signal"),
        # a colon with a lower-case tail is no source
        ("Text here.\n\nBackground to the crisis: how it began\n\nIt began in May.", "subheading", "no link signal"),
    ],
)
def test_heading_kinds_on_constructed_examples(text, kind, reason):
    h = ct.heading_table(art(text))
    assert h[["kind", "reason"]].values.tolist() == [[kind, reason]]


# -- edge cases ----------------------------------------------------------------------------------------------

def test_no_headings():
    t = ct.section_table(art("One paragraph. Two sentences.\n\nAnother paragraph."))
    assert t[["section", "kind", "paragraphs", "sentences", "words"]].values.tolist() == [[0, "lead", 2, 3, 6]]
    assert ct.heading_table(art("Just prose.")).empty


def test_only_headings():
    a = art("First heading\n\nSecond heading\n\nThird")
    t = ct.section_table(a)
    assert t[["section", "kind", "paragraphs", "words", "heading_words"]].values.tolist() == [
        [0, "lead", 0, 0, 0], [1, "subheading", 0, 0, 2], [2, "subheading", 0, 0, 2], [3, "subheading", 0, 0, 1]]
    assert t[["mean_sentence_length", "median_sentence_length", "quoted_share"]].isna().all().all()
    assert t.loc[0, "first_block"] == -1 and t.loc[1, "first_block"] == 0
    # the token table numbers body sections: three heading lines and no body are all the lead section
    terms = ct.structure.section_term_table(a, options={"boilerplate": True})
    assert terms["section"].tolist() == [0] * 4  # first, heading, second, third


def test_heading_at_the_very_end():
    a = art("A paragraph here.\n\nAnother one here.\n\nUnfinished business ahead")
    t = ct.section_table(a)
    assert t[["section", "paragraphs", "first_block", "last_block", "heading_words"]].values.tolist() == [
        [0, 2, 0, 1, 0], [1, 0, 2, 2, 3]]
    h = ct.heading_table(a).iloc[0]
    assert (h["kind"], h["continuity"], h["fit"]) == ("subheading", 0, 0)


def test_empty_article_and_unbalanced_quotes():
    empty = art("")
    t = ct.section_table(empty)
    assert t[["section", "kind", "paragraphs", "words", "first_block"]].values.tolist() == [[0, "lead", 0, 0, -1]]
    assert ct.heading_table(empty).empty and ct.structure.section_term_table(empty).empty
    assert list(ct.structure.section_term_table(empty).columns) == [
        "article", "section", "term", "count", "doc_freq", "idf",
                                                     "tfidf", "rank"]
    t = ct.section_table(art("“Never closed here.\n\nNext part\n\nPlain words."))
    # the open quotation ends at the heading: 3 quoted words in section 0, none in section 1
    assert t[["words", "quoted_words"]].values.tolist() == [[3, 3], [2, 0]]


def test_bad_parameters():
    with pytest.raises(ValueError, match="neighbourhood must be a positive integer, not 0"):
        ct.heading_table(art("Text.\n\nHead\n\nMore."), neighbourhood=0)
    with pytest.raises(TypeError, match="Corpus, an Article"):
        ct.section_table(42)


def test_tables_are_deterministic(seed_corpus):
    assert ct.section_table(seed_corpus).equals(ct.section_table(seed_corpus))
    assert ct.structure.section_term_table(seed_corpus).equals(ct.structure.section_term_table(seed_corpus))
    assert ct.heading_table(seed_corpus).equals(ct.heading_table(seed_corpus))


@pytest.mark.parametrize("text", [
    "", "Only prose here.", "Heading first\n\nThen prose.", "A\n\nB\n\nC", "Prose.\n\nEnd heading",
    "# One\n\n## Two\nText under two.\n\nMore text.\n\nThree here\n\nLast words.",
])
def test_section_numbering_matches_token_table(text):
    a = art(text)
    secs = ct.structure.sections(a)
    # the token table numbers body sections; a block outside the body is in the section it sits in
    body = {b.index: s.index for s in ct.structure.body_sections(a) for b in s.blocks}
    block_section, current = {}, 0
    for b in a.blocks:
        current = block_section[b.index] = body.get(b.index, current)
    toks = ct.token_table(a, options={"words_only": False, "boilerplate": True})
    assert all(block_section[b] == s for b, s in zip(toks["block"], toks["section"], strict=True))
    assert len(secs) == len(a.headings) + 1 == len(ct.section_table(a))


TEXT = "Lead one here. Second sentence.\n\nA Heading\n\nBody text here. More.\n\nLast Part\n\nEnd."


def test_block_section_and_sentence_tables():
    article = ct.Article.from_text(TEXT, id="x")
    blocks = block_table(article)
    assert blocks[["block", "kind", "section", "words", "sentences"]].values.tolist() == [
        [0, "paragraph", 0, 5, 2], [1, "heading", 1, 2, 1], [2, "paragraph", 1, 4, 2],
        [3, "heading", 2, 2, 1], [4, "paragraph", 2, 1, 1]]
    lengths = sentence_table(article)
    assert lengths["words"].tolist() == [3, 2, 2, 3, 1, 2, 1]
    assert lengths["words"].sum() == blocks["words"].sum() == 14
    # the same paragraph words per section as the structure module's section table (headings apart)
    paragraph_words = blocks[blocks["kind"] == "paragraph"].groupby("section")["words"].sum().tolist()
    assert paragraph_words == ct.section_table(article)["words"].tolist() == [5, 4, 1]
