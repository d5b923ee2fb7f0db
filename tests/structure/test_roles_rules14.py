"""Block-role rules of rules14, each on text written for these tests (invented outlets, people and places).

The kinds come from the thirteenth held-out set's errors (tests/data/structure/heldout13/README.md, a
development set since): an agency sign-off set off by equals signs, a wire's "(END)" and the reporter's
e-mail address closing the copy, an agency and its desk's initials after the last sentence, a by-line with its
agency in brackets and a place in capitals alone under it, a name, place and date cut by bars, a date then
"by" and the writer, a print edition's date and page line, "You are here:", "Follow ... on X", "Read more
<section>", a long comment policy, "Related reading:" and "More from A & B:" links, and a fact box run into
one block.
"""

from __future__ import annotations

from structure_helpers import roles

BODY = "The council voted on Tuesday to close the old ferry pier.\n\nWork will start in the spring."


def test_an_agency_set_off_by_equals_signs_signs_off():
    text = f"Ferry pier to close\n\nVELDEN, May 4 Nordwire - {BODY}\n\n==AAP"
    assert roles(text) == ["headline", "lead", "paragraph", "signoff"]


def test_a_wire_end_mark_and_an_email_address_alone_sign_off():
    text = f"Ferry pier to close\n\nBy Ilse Marten\n\n{BODY}\n\nimarten@wire.example\n\n(END)"
    assert roles(text) == ["headline", "byline", "lead", "paragraph", "signoff", "signoff"]


def test_an_email_address_before_the_body_is_no_signoff():
    # the rule waits for the body: a contact line at the top of a page is not the story's last line
    text = f"desk@wire.example\n\nFerry pier to close\n\n{BODY}"
    assert roles(text)[0] != "signoff"


def test_the_agency_and_its_desk_initials_after_the_last_sentence_keep_the_paragraph():
    text = f"Ferry pier to close\n\n{BODY}\n\nThe new pier opens in 2029. PTI AB CDE"
    assert roles(text) == ["headline", "lead", "paragraph", "paragraph"]


def test_a_byline_with_its_agency_in_brackets_and_a_place_alone_under_it():
    text = f"Ferry pier to close\n\nIlse Marten (Nordic Wire Service)\n\nVELDEN HARBOUR\n\n{BODY}"
    assert roles(text) == ["headline", "byline", "dateline", "lead", "paragraph"]


def test_a_name_place_and_date_cut_by_bars_is_a_byline():
    text = f"Ferry pier to close\n\nIlse Marten | Velden | 04.05.2027, 09:10 (updated 05.05.2027, 11:00)\n\n{BODY}"
    assert roles(text) == ["headline", "byline", "lead", "paragraph"]


def test_a_date_then_the_writer_and_the_comment_count_is_a_byline():
    for line in (
        "May 4, 2027 by Ilse Marten 12 Comments",
        "4 May 2027 by Ilse Marten",
        "May 4, 2027 by Teo Rask No Comments",
    ):
        text = f"Ferry pier to close\n\n{line}\n\n{BODY}"
        assert roles(text) == ["headline", "byline", "lead", "paragraph"], line


def test_a_print_editions_date_and_page_line_is_a_byline():
    text = (
        "Velden Evening Post\n\nHome | News | Sport | Opinion\n\nWed, May 05, 2027 page 3\n\n"
        f"Ferry pier to close\n\n{BODY}"
    )
    assert roles(text) == ["boilerplate", "boilerplate", "byline", "headline", "lead", "paragraph"]


def test_you_are_here_is_a_breadcrumb_not_the_headline():
    text = f"You are here: Home / Local\n\nFerry pier to close\n\n{BODY}"
    assert roles(text) == ["boilerplate", "headline", "lead", "paragraph"]


def test_follow_the_site_on_social_networks_and_read_more_section_are_furniture():
    text = (
        f"Ferry pier to close\n\n{BODY}\n\nFollow Velden Post on Instagram and X for the latest news.\n\n"
        "Read more Sport"
    )
    assert roles(text)[-2:] == ["boilerplate", "boilerplate"]


def test_a_long_comment_policy_is_furniture():
    policy = (
        "Comments are moderated before they appear. Stay on the subject of the story. Remarks that insult "
        "other readers, carry advertising or break the law will be deleted and their authors blocked. "
        "The editors' decision is final and no correspondence will be entered into about it."
    )
    assert len(policy.split()) > 30
    assert roles(f"Ferry pier to close\n\n{BODY}\n\n{policy}")[-1] == "boilerplate"


def test_related_reading_and_more_from_a_site_with_an_ampersand_are_links():
    for line in ("Related reading: Why the old pier failed", "More from Boats & Harbours: Ten piers worth a visit"):
        text = f"Ferry pier to close\n\n{BODY}\n\n{line}\n\nThe pier was built in 1911 and rebuilt twice since."
        assert roles(text)[3] == "link", line


def test_a_fact_box_run_into_one_block_is_a_list():
    box = "Key facts Builder: Rask Marine, Velden Owner: Velden council Length: 140 metres Opened: 2029"
    text = f"Ferry pier to close\n\n{BODY}\n\n{box}\n\nThe council will meet again in June."
    assert roles(text)[3] == "list"
    # a sentence with colons is no fact box, nor a speaker's turn that opens with its label
    for line in (
        "Rask said: the pier was old. Lee said: it was not. Park said: wait.",
        "Rask: We will build it Lee: When Park: Soon",
    ):
        assert roles(f"Ferry pier to close\n\n{BODY}\n\n{line}\n\nThe council meets in June.")[3] != "list"
