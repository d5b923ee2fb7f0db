"""Direct quotations and speakers: the seed as a careful reader sees it, constructed patterns, bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools.structure.quotations import QUOTE_MARKS

# The seed's direct quotations, read off the article by hand: (first block, last block, opening words,
# speaker as the sentence attributes it, who that is).  Block numbers count headings too (36 blocks).
SEED_HUMAN = [
    (1, 1, "impartial position", "Xi", "Xi"),  # Xi ... and said ... that China had an “impartial position”
    (2, 2, "Now there are changes", "he", "Xi"),  # as Xi departed he told Putin: “...”
    (3, 3, "I agree,", "Putin", "Putin"),  # “I agree,” Putin said
    (3, 3, "Take care of yourself", "Xi", "Xi"),  # to which Xi responded: “...”
    (4, 4, "massive air strike", "the General Staff of Ukraine’s Armed Forces",
     "the General Staff of Ukraine’s Armed Forces"),  # “...”, firing 21 drones, the General Staff ... said
    (8, 8, "They (the leaders) shared", "a statement released by China", "a statement released by China"),
    (9, 9, "We are working in solidarity", "Putin", "Putin"),
    (10, 10, "military-political alliance.", "An earlier joint statement", "An earlier joint statement"),
    (19, 19, "If all this happens", "Putin", "Putin"),
    # spans two paragraphs without a reopening mark, and closes with “ typed for ”: "right now,“ he said"
    (25, 26, "One of the questions", "he", "Volodymyr Zelenskiy"),
    (32, 32, "We were in the kitchen", "the 54-year-old", "Oleksii Stepanov"),  # Oleksii Stepanov said he ...
]
SEED_RULES = ["SPEAKER ... and VERB ... quote", "SPEAKER VERB: quote", "quote, SPEAKER VERB", "SPEAKER VERB: quote",
              "quote ..., SPEAKER VERB", "quote, VERB SPEAKER", "quote, SPEAKER VERB",
              "SPEAKER ..., VERB-ing ... quote", "quote, SPEAKER VERB", "quote, SPEAKER VERB", "quote, VERB SPEAKER"]


@pytest.fixture(scope="module")
def seed_quotes(seed_corpus):
    return ct.quotation_table(seed_corpus)


def test_seed_quotations_match_a_careful_reader(seed_quotes, seed_article):
    q = seed_quotes
    assert len(q) == len(SEED_HUMAN) == 11
    assert q["quote"].tolist() == list(range(11))
    assert list(zip(q["block"], q["last_block"], strict=True)) == [(b, e) for b, e, *_ in SEED_HUMAN]
    for text, (_, _, opening, _, _) in zip(q["text"], SEED_HUMAN, strict=True):
        assert text.startswith(opening)
    assert q["closed"].all()
    # offsets point at the quoted text, marks excluded
    text = seed_article.text
    assert text[q.loc[0, "start"] : q.loc[0, "end"]] == "impartial position"
    assert text[q.loc[0, "start"] - 1] == "“" and text[q.loc[0, "end"]] == "”"
    for i, (_, _, _, speaker, person) in enumerate(SEED_HUMAN):
        got = (q.loc[i, "speaker"], q.loc[i, "resolved_speaker"])
        got = tuple(None if isinstance(g, float) and math.isnan(g) else g for g in got)
        assert got == (speaker, person), i
    assert q["rule"].tolist() == SEED_RULES


def test_seed_repairs_are_reported(seed_quotes):
    z = seed_quotes.loc[9]
    assert z["text"].startswith("One of the questions") and z["text"].endswith("we need it right now,")
    assert z["notes"] == "continues in next paragraph (no reopening mark); closing mark typed as opening"
    assert (seed_quotes.drop(index=9)["notes"] == "").all()


def test_seed_summary_and_speakers(seed_corpus, seed_quotes):
    s = ct.structure.quotation_summary_table(seed_corpus).iloc[0]
    assert s["quotations"] == 11 and s["unattributed"] == 0
    # words per quotation (Treebank tokens with a letter or digit); the short ones by hand: "impartial
    # position" 2, "Now ... changes." 11 + 8 = 19 ("haven’t" = have + n't), "I agree," 2, "Take care of
    # yourself dear friend, please." 7, "massive air strike" 3, "military-political alliance." 2;
    # 2 + 19 + 2 + 7 + 3 + 29 + 41 + 2 + 25 + 34 + 20 = 184
    assert seed_quotes["words"].tolist() == [2, 19, 2, 7, 3, 29, 41, 2, 25, 34, 20]
    # independent re-count from the quoted text
    assert seed_quotes["words"].tolist() == [
        sum(ct.tokens.is_word(t) for t in ct.word_tokenize(text)) for text in seed_quotes["text"]]
    assert s["quoted_words"] == 184
    assert s["words"] == 1106  # all word tokens of the seed (as in test_frequency)
    assert s["quoted_share"] == pytest.approx(184 / 1106)
    sp = ct.speaker_table(seed_corpus)
    # Putin 3 (2 + 41 + 25 = 68 words), Xi 3 (2 + 19 + 7 = 28), then one each, speaker ascending
    assert sp[["speaker", "quotations", "quoted_words"]].values.tolist() == [
        ["Putin", 3, 68], ["Xi", 3, 28], ["An earlier joint statement", 1, 2], ["Oleksii Stepanov", 1, 20],
        ["Volodymyr Zelenskiy", 1, 34], ["a statement released by China", 1, 29],
        ["the General Staff of Ukraine’s Armed Forces", 1, 3]]
    assert s["speakers"] == len(sp) == 7
    raw = ct.speaker_table(seed_corpus, resolved=False)
    assert raw.loc[raw.speaker == "he", "quotations"].item() == 2
    assert raw.loc[raw.speaker == "the 54-year-old", "quotations"].item() == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” Smith said.", [("We will win,", "Smith", "name")]),
        ("“Not now,” said John Smith, a spokesman.", [("Not now,", "John Smith", "name")]),
        ('Jones said: "Maybe."', [("Maybe.", "Jones", "name")]),
        ("“Yes,” the ministry said in a statement.", [("Yes,", "the ministry", "description")]),
        ("“We won,” Mr. Jones said.", [("We won,", "Mr. Jones", "name")]),
        ("“Fine”, according to the police.", [("Fine", "the police", "description")]),
        ("“Go!” she shouted.", [("Go!", "she", "pronoun")]),
        ("The ministry issued a note, saying “all is well”.", [("all is well", "The ministry", "description")]),
        ("Putin spoke for an hour, insisting “nothing changed”.", [("nothing changed", "Putin", "name")]),
        # the sentence ends inside the quotation: the next sentence's "X said" is not its attribution
        ("“Leave now.” Later the police said little.", [("Leave now.", None, None)]),
    ],
)
def test_attribution_patterns(text, expected):
    got = ct.quotation_table(ct.Article.from_text(text, id="x"))
    assert [(r.text, None if r.speaker != r.speaker else r.speaker,
             None if r.speaker_kind != r.speaker_kind else r.speaker_kind) for r in got.itertuples()] == expected


def test_pronoun_resolution_to_nearest_named_speaker_or_titled_name():
    text = ("Smith told reporters: “We are ready.” Later, she added: “Soon.”\n\n"
            "President Maria Lopez spoke next. “Never,” she said.")
    q = ct.quotation_table(ct.Article.from_text(text, id="x"))
    assert q["speaker"].tolist() == ["Smith", "she", "she"]
    assert q["resolved_speaker"].tolist() == ["Smith", "Smith", "Maria Lopez"]
    # a pronoun speaker is never itself an antecedent; "they" is not resolved to a person
    q2 = ct.quotation_table(ct.Article.from_text("Ann said: “Hi.” “Bye,” they said.", id="y"))
    assert q2["resolved_speaker"].tolist() == ["Ann", "they"]
    q3 = ct.quotation_table(ct.Article.from_text('He said "yes" and left. "No," she replied.', id="z"))
    assert q3["resolved_speaker"].tolist() == ["He", "she"]
    # an age description is resolved like a pronoun, here to the subject of an indirect-speech verb
    q4 = ct.quotation_table(ct.Article.from_text("Ann Lee said she stayed. “It was hard,” said the 61-year-old.",
                                                 id="w"))
    assert q4[["speaker", "speaker_kind", "resolved_speaker"]].values.tolist() == [
        ["the 61-year-old", "description", "Ann Lee"]]


def test_news_convention_multi_paragraph_quote():
    # rules15: one quotation, attributed as one, returned as one part per paragraph (the annotation convention)
    text = "“First part of the quote.\n\n“Second part,” the minister said.\n\nAfter."
    q = ct.quotation_table(ct.Article.from_text(text, id="x"))
    assert q[["quote", "block", "last_block", "text", "speaker", "words", "closed", "quotation", "part", "parts"]
             ].values.tolist() == [[0, 0, 0, "First part of the quote.", "the minister", 5, False, 0, 0, 2],
                                   [1, 1, 1, "Second part,", "the minister", 2, True, 0, 1, 2]]
    assert q["notes"].tolist() == ["continues in next paragraph (reopened); part 1 of 2 of a quotation over paragraphs",
                                   "continues in next paragraph (reopened); part 2 of 2 of a quotation over paragraphs"]
    s = ct.structure.quotation_summary_table(ct.Article.from_text(text, id="x")).iloc[0]
    assert (s["quotations"], s["quoted_words"], s["unattributed"]) == (1, 7, 0)


def test_unbalanced_and_stray_marks_never_crash():
    a = ct.Article.from_text("“Open and never closed.\n\nNext paragraph plain.\n\nMid “open again", id="x")
    q = ct.quotation_table(a)
    assert q["text"].tolist() == ["Open and never closed.", "open again"]
    assert not q["closed"].any() and (q["notes"] == "unterminated").all()
    # a closing mark with no opening one (or an inch sign) is no quotation
    assert ct.quotation_table(ct.Article.from_text("Stray closing” mark. The plank was 5’11” long.", id="y")).empty
    # an opening mark inside an open quotation ends the first one there
    q = ct.quotation_table(ct.Article.from_text("He said “first part and “second part” ok.", id="z"))
    assert q[["text", "closed"]].values.tolist() == [["first part and", False], ["second part", True]]
    # a heading ends a quotation
    q = ct.quotation_table(ct.Article.from_text("“Quote runs on.\n\nA Heading\n\nBody text.", id="h"))
    assert q["text"].tolist() == ["Quote runs on."] and q["notes"].tolist() == ["unterminated"]


def test_empty_article_and_no_quotes():
    c = ct.Corpus.from_texts(["", "Plain text without quotes."], ids=["e", "p"])
    assert ct.quotation_table(c).empty and list(ct.quotation_table(c).columns) == ct.structure.QUOTATION_COLUMNS
    s = ct.structure.quotation_summary_table(c)
    assert s["quotations"].tolist() == [0, 0] and s["words"].tolist() == [0, 4]
    assert math.isnan(s.loc[0, "quoted_share"]) and s.loc[1, "quoted_share"] == 0.0
    assert ct.speaker_table(c).empty
    assert ct.structure.quotation_summary_table(a for a in c).equals(s)  # any iterable of articles
    with pytest.raises(TypeError, match="not a corpus"):
        ct.quotation_table("not an article")


def test_quoted_word_mask_agrees_with_token_table(seed_article):
    mask = ct.structure.quoted_word_mask(seed_article)
    # every block's words (the mask covers related-story links too, which word statistics leave out by default)
    toks = ct.token_table(seed_article, options={"boilerplate": True})
    assert [s for s, _ in mask] == toks["start"].tolist()
    assert sum(inside for _, inside in mask) == 184


_PIECES = ["“", "”", '"', "«", "»", "„", "word", "Smith", "he", "said", "said:", ",", ".", " ", " ", "\n\n",
           "Heading line\n\n", "’", "told", "the minister", "according to"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_any_mix_of_marks_gives_consistent_quotations(pieces):
    a = ct.Article.from_text(" ".join(pieces), id="h")
    text = a.text
    quotes = ct.structure.find_quotations(a)
    mask = ct.structure.quoted_word_mask(a, quotes)
    previous_end = -1
    for q in quotes:
        assert q.segments and all(0 <= s <= e <= len(text) for s, e in q.segments)
        assert q.segments[0][0] >= previous_end  # in text order, never overlapping
        previous_end = q.segments[-1][1]
        assert q.block <= q.last_block and q.words >= 0
        assert text[q.start - 1] in QUOTE_MARKS  # the opening mark, whatever its glyph
        if q.closed:
            assert text[q.end] in QUOTE_MARKS
    assert sum(inside for _, inside in mask) == sum(q.words for q in quotes)
    s = ct.structure.quotation_summary_table(a).iloc[0]
    # (quotations over paragraphs are one row per part; the summary counts whole quotations)
    assert s["quotations"] == len({q.quotation for q in quotes}) and s["quoted_words"] <= s["words"]
    assert all(q.block == q.last_block or "no reopening mark" in q.notes for q in quotes)
    assert [q.index for q in quotes] == list(range(len(quotes)))
    t = ct.section_table(a)
    assert t["words"].sum() + t["heading_words"].sum() == s["words"]
    assert t["quoted_words"].sum() <= s["quoted_words"]  # quotations in headings are not section body words


def test_quote_runs_align_every_token_to_its_own_quote():
    # was: each rewritten quote ("``"/"''") searched the rest of the text for the
    # literal rewritten form first: quadratic in the number of quotes
    n = 100_000
    assert ct.tokens.word_spans('"' * n) == [(i, i + 1) for i in range(n)]
    assert ct.tokens.word_spans('"a" "b"') == [(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (6, 7)]
