"""rules15: a quotation left open at the end of its paragraph and reopened in the next is one part per paragraph.

Hand-written texts (none from an annotated set).  The quotation is found and attributed as one, then
returned as one :class:`~corpus_tools.structure.Quotation` per paragraph: its own block, offsets, text and
words, the speaker of the whole, and ``quotation`` / ``part`` / ``parts`` linking the parts.
"""

from __future__ import annotations

import corpus_tools as ct
from corpus_tools.structure import find_quotations

COLUMNS = ["quote", "block", "last_block", "text", "speaker_name", "closed", "quotation", "part", "parts"]


def table(text: str):
    return ct.quotation_table(ct.Article.from_text(text, id="x"))


def rows(text: str) -> list[list]:
    return table(text)[COLUMNS].values.tolist()


def test_curly_quotes_reopened_speaker_only_in_the_last_part():
    text = ("The mayor, Ann Lee, spoke at the hall.\n\n“We will build the bridge. It is the plan.\n\n"
            "“It will open in May,” she said.")
    assert rows(text) == [
        [0, 1, 1, "We will build the bridge. It is the plan.", "Ann Lee", False, 0, 0, 2],
        [1, 2, 2, "It will open in May,", "Ann Lee", True, 0, 1, 2]]
    t = table(text)
    assert t["notes"].tolist() == [
        "continues in next paragraph (reopened); part 1 of 2 of a quotation over paragraphs",
        "continues in next paragraph (reopened); part 2 of 2 of a quotation over paragraphs"]
    assert t["rule"].nunique() == 1  # the deciding rule of the whole, on every part


def test_a_name_in_the_last_part_names_the_first_part_too():
    text = "Rain fell all week.\n\n“The river rose overnight.\n\n“We had to leave,” said farmer Joe Tate."
    assert table(text)["speaker_name"].tolist() == ["Joe Tate", "Joe Tate"]


def test_straight_quotes_three_paragraphs_speaker_in_the_first():
    text = 'Tom Hale said: "We were tired. The bus broke down.\n\n"Then it rained.\n\n"And we walked home."'
    assert rows(text) == [
        [0, 0, 0, "We were tired. The bus broke down.", "Tom Hale", False, 0, 0, 3],
        [1, 1, 1, "Then it rained.", "Tom Hale", False, 0, 1, 3],
        [2, 2, 2, "And we walked home.", "Tom Hale", True, 0, 2, 3]]


def test_offsets_and_words_are_each_parts_own():
    text = 'Tom Hale said: "We were tired. The bus broke down.\n\n"Then it rained.\n\n"And we walked home."'
    a = ct.Article.from_text(text, id="x")
    quotes = find_quotations(a)
    for q in quotes:
        assert a.text[q.start : q.end] == q.text  # one paragraph each: no joining space
        assert a.text[q.start - 1] == '"'  # the opening or the reopening mark
        assert q.segments == ((q.start, q.end),)
    assert [q.words for q in quotes] == [7, 3, 4]
    # the whole quotation can be read back from its parts
    whole = " ".join(q.text for q in quotes if q.quotation == 0)
    assert whole == "We were tired. The bus broke down. Then it rained. And we walked home."
    # the quoted words are the same as before the split
    mask = ct.structure.quoted_word_mask(a, quotes)
    assert sum(inside for _, inside in mask) == 14


def test_a_quotation_closed_normally_next_to_one_reopened():
    text = ("“We lost the first game,” coach Tim Ross said. “We came back.\n\n“The team never gave up.”\n\n"
            "“It was a good day,” said Ann Lee.")
    assert rows(text) == [
        [0, 0, 0, "We lost the first game,", "Tim Ross", True, 0, 0, 1],
        [1, 0, 0, "We came back.", "Tim Ross", False, 1, 0, 2],
        [2, 1, 1, "The team never gave up.", "Tim Ross", True, 1, 1, 2],
        [3, 2, 2, "It was a good day,", "Ann Lee", True, 2, 0, 1]]
    assert table(text)["notes"].tolist()[0] == ""  # a quotation in one paragraph: no part note


def test_british_single_quotes_reopened():
    text = "Ann Lee said: ‘The hall is full. People came early.\n\n‘Nobody expected this.’\n\nThe doors closed."
    assert rows(text) == [
        [0, 0, 0, "The hall is full. People came early.", "Ann Lee", False, 0, 0, 2],
        [1, 1, 1, "Nobody expected this.", "Ann Lee", True, 0, 1, 2]]
    assert table(text)["notes"].str.startswith("single quotes; continues in next paragraph (reopened)").all()


def test_fiction_dialogue_a_speech_over_two_paragraphs_then_a_reply():
    text = ('Chapter 1\n\nMr. Gray sat by the fire.\n\n"I have a story," said Mr. Gray. "It began in the spring.\n\n'
            '"And it ended in the autumn."\n\n"Tell it," cried his wife.')
    assert rows(text) == [
        [0, 2, 2, "I have a story,", "Mr. Gray", True, 0, 0, 1],
        [1, 2, 2, "It began in the spring.", "Mr. Gray", False, 1, 0, 2],
        [2, 3, 3, "And it ended in the autumn.", "Mr. Gray", True, 1, 1, 2],
        [3, 4, 4, "Tell it,", "Mrs. Gray", True, 2, 0, 1]]


def test_fiction_a_question_left_open_is_kept_whole():
    # '"... Where is the boy?' then '"Here, sir!"': a lost closing mark before a reply, or the same speaker going
    # on; undecided, the quotation stays one over both paragraphs, as before rules15
    text = ('Chapter 1\n\nThe captain came on deck.\n\n"Hands off," said the captain. "Where is the boy?\n\n'
            '"Here, sir!"\n\nThe boy ran up.')
    t = table(text)
    last = t.iloc[-1]
    assert (last["block"], last["last_block"], last["parts"]) == (2, 3, 1)
    assert last["text"] == "Where is the boy? Here, sir!"
    assert "after a question: kept whole" in last["notes"]


def test_no_reopening_mark_stays_one_quotation():
    # the quotation ran on over the paragraph break with no new opening mark (a typing error): one quotation,
    # as in the seed (blocks 25-26)
    text = "“First part of the quote.\n\nSecond part,” the minister said."
    assert rows(text) == [[0, 0, 1, "First part of the quote. Second part,", "the minister", True, 0, 0, 1]]


def test_summary_and_speaker_tables_count_whole_quotations():
    text = 'Tom Hale said: "We were tired.\n\n"Then it rained.\n\n"And we walked home." "Yes," said Ann Lee.'
    a = ct.Article.from_text(text, id="x")
    s = ct.structure.quotation_summary_table(a).iloc[0]
    assert (s["quotations"], s["quoted_words"], s["speakers"], s["unattributed"]) == (2, 11, 2, 0)
    sp = ct.speaker_table(a)
    assert sp[["speaker", "quotations", "quoted_words"]].values.tolist() == [["Ann Lee", 1, 1], ["Tom Hale", 1, 10]]
    corpus = ct.speaker_table([a], by_article=False)
    assert corpus[["speaker", "quotations", "quoted_words"]].values.tolist() == [
        ["Ann Lee", 1, 1], ["Tom Hale", 1, 10]]
    assert len(table(text)) == 4  # the quotation table: one row per part


def test_the_seed_keeps_its_quotations():
    # the seed has no reopened quotation: 11 rows, 11 quotations, each one part
    seed = ct.load_corpus("seeds")
    t = ct.quotation_table(seed)
    assert len(t) == 11 and t["quotation"].tolist() == list(range(11)) and (t["parts"] == 1).all()


def test_an_empty_paragraph_part_is_left_out_and_closed_means_a_closing_mark():
    # (found by hypothesis) '“' / '“ Heading line' / '”': the parts of the first and last paragraph hold no words;
    # the one left ends at no closing mark, so it is not closed
    a = ct.Article.from_text("“\n\n“ Heading line\n\n”", id="h")
    (q,) = find_quotations(a)
    assert (q.block, q.last_block, q.text, q.closed, q.parts) == (1, 1, "Heading line", False, 1)
