"""rules15 speakers: two small rules the paragraph parts needed (a part found in the next paragraph carries the
speaker of the whole quotation, so a wrong speaker of the whole would now be wrong twice).  Invented texts."""

from __future__ import annotations

import corpus_tools as ct


def table(text: str):
    return ct.quotation_table(ct.Article.from_text(text, id="x"))


def test_name_before_a_long_apposition_and_said_colon():
    # "Dr Ann Lee, a consultant at the hospital and a member of its board, said:": the person, not "the hospital"
    # or "a member"
    for text in ("Dr Ann Lee, a consultant at the hospital and a member of its board, said: ‘Beds are full.’",
                 "Dr Ann Lee, a consultant at the hospital, said: “Beds are full.”"):
        t = table(text)
        assert t[["speaker", "speaker_name"]].values.tolist() == [["Dr Ann Lee", "Ann Lee"]]
        assert t["rule"].tolist() == ["SPEAKER VERB: quote (name before its apposition)"]


def test_the_memo_is_its_named_writer():
    text = ("In a memo to staff, chief executive Ann Lee wrote that the firm had “grown too fast”.\n\n"
            "“I own that decision,” the memo said.")
    t = table(text)
    assert t["speaker"].tolist() == ["Ann Lee", "the memo"]
    assert t["speaker_name"].tolist() == ["Ann Lee", "Ann Lee"]
    # a memo nobody named wrote stays the memo
    assert table("“We must cut costs,” the memo said.")["speaker_name"].tolist() == ["the memo"]
