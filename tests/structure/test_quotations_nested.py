"""Quotations inside quotations, and British single-quote-outer dialogue (issue 13): hand-written examples."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.structure import find_quotations, quotation_table, quoted_word_mask


def q(text: str):
    return quotation_table(ct.Article.from_text(text, id="x"))


@pytest.mark.parametrize("text, inner", [
    ("\"He said 'no' to me,\" she said.", "'no'"),  # American: double outside, single inside
    ("“He said ‘no’ to me,” she said.", "‘no’"),
    ("‘He said “no” to me,’ she said.", "“no”"),  # British: single outside, double inside
    ("'He said \"no\" to me,' she said.", '"no"'),
])
def test_a_quotation_inside_a_quotation_is_one_outer_quotation(text, inner):
    t = q(text)
    assert t["text"].tolist() == [f"He said {inner} to me,"]
    assert t["speaker"].tolist() == ["she"]
    assert t["closed"].tolist() == [True]


def test_the_outer_quotation_says_it_holds_a_nested_one():
    t = q("‘He said “no”,’ she said.")
    assert t[["text", "notes"]].values.tolist() == [["He said “no”,", "single quotes; nested quotation kept inside"]]


def test_nested_quotation_with_its_own_apostrophe_and_attribution():
    t = q("Chapter 1\n\n‘I said to him, “Don’t go,” and he went,’ said Anne.")
    assert t[["text", "speaker"]].values.tolist() == [["I said to him, “Don’t go,” and he went,", "Anne"]]


def test_nested_words_are_counted_once():
    a = ct.Article.from_text("‘He said “no” to me,’ she said.", id="x")
    mask = quoted_word_mask(a)
    assert [inside for _, inside in mask] == [True, True, True, True, True, False, False]
    assert [x.words for x in find_quotations(a)] == [5]


def test_two_quotations_side_by_side_are_not_nested():
    t = q("‘Yes,’ she said, and he said “no” twice.")
    assert t["text"].tolist() == ["Yes,", "no"]


def test_british_dialogue_with_apostrophes_and_a_plural_possessive():
    text = ("Chapter 1\n\n‘Well,’ said Mr. Gray, ‘I suppose so.’\n\n‘You suppose?’ she asked. ‘You don’t know?’"
            "\n\n‘I’m not sure — it’s the Smiths’ house, after all.’")
    t = q(text)
    assert t["text"].tolist() == ["Well,", "I suppose so.", "You suppose?", "You don’t know?",
                                  "I’m not sure — it’s the Smiths’ house, after all."]
    assert t["speaker"].tolist()[:4] == ["Mr. Gray", "Mr. Gray", "she", "she"]
    assert (t["notes"] == "single quotes").all()


def test_british_quotation_over_two_paragraphs_reopened():
    t = q("Chapter 1\n\n‘It was late,’ said Mr. Gray. ‘We walked home.\n\n‘Then the rain came.’\n\nThey slept.")
    # rules15: the quotation over two paragraphs is one part per paragraph, both Mr. Gray's
    assert t[["block", "last_block", "text", "speaker", "closed", "quotation", "part"]].values.tolist() == [
        [1, 1, "It was late,", "Mr. Gray", True, 0, 0],
        [1, 1, "We walked home.", "Mr. Gray", False, 1, 0],
        [2, 2, "Then the rain came.", "Mr. Gray", True, 1, 1]]
    assert t["notes"].tolist()[1:] == [
        "single quotes; continues in next paragraph (reopened); part 1 of 2 of a quotation over paragraphs",
        "single quotes; continues in next paragraph (reopened); part 2 of 2 of a quotation over paragraphs"]


def test_british_quotation_over_three_paragraphs():
    t = q("‘One.\n\n‘Two.\n\n‘Three,’ she said.")
    assert t[["block", "last_block", "text", "speaker", "part", "parts"]].values.tolist() == [
        [0, 0, "One.", "she", 0, 3], [1, 1, "Two.", "she", 1, 3], [2, 2, "Three,", "she", 2, 3]]  # rules15: parts


def test_an_opening_single_mark_never_reopened_is_no_quotation():
    # a dangling mark (a typo, an unusual elision) followed by a paragraph with no opening mark
    t = q("The ‘new deal was signed.\n\nShe left. ‘Yes,’ he said.")
    assert t["text"].tolist() == ["Yes,"]
