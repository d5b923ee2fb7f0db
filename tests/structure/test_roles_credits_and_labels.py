"""Block roles: labelled by-lines and credit lines, closing notes and pitches, colon labels and numbered runs
(kinds of the eighth held-out set's errors), pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected roles are what a
reader gives each block.
"""

from __future__ import annotations

from structure_helpers import roles


def test_a_labelled_by_line_and_a_name_with_its_job_after_a_middle_dot():
    text = ("Ferry timetable cut as crews fall ill\n\nStory by: Tavita Lealaiauloto\n\n"
            "The island ferry will run twice a day instead of four times, its operator said.\n\nIt is the third cut.")
    assert roles(text) == ["headline", "byline", "lead", "paragraph"]
    text = ("Shares of Brelmo Foods jump after a bumper quarter\n\nNoor Castellane · Staff Writer\n\n"
            "Shares of Brelmo Foods rose 12% on Tuesday after the company beat forecasts.\n\nThe stock hit a record.")
    assert roles(text) == ["headline", "byline", "lead", "paragraph"]


def test_compiled_by_under_the_headline_is_a_by_line():
    text = ("Fire log: a chimney fire, a cat on a roof and a smoking toaster\n\n"
            "Compiled by Courier staff from fire brigade reports\n\n"
            "These call-outs were logged by the county fire brigade last week.\n\nNobody was hurt.")
    assert roles(text) == ["headline", "byline", "lead", "paragraph"]


def test_sponsor_line_automation_note_and_a_pitch_for_the_writing_are_furniture():
    text = ("Grain barges wait as the river runs low\n\nBy Ines Marrow\n\nSponsored by Delta Bulk Carriers\n\n"
            "More than forty barges were waiting below the lock on Monday, the river authority said.\n\n"
            "Water levels are the lowest since 2018.\n\n"
            "Enjoy our reporting? Support the Ledger from £4 a month.\n\n"
            "This story was generated with the help of automated tools and checked by an editor.")
    assert roles(text) == ["headline", "byline", "boilerplate", "lead", "paragraph", "boilerplate", "boilerplate"]


def test_a_more_from_link_and_a_read_next_link_over_a_photo_credit():
    text = ("Library extends its opening hours\n\nBy Kofi Marr\n\n"
            "The central library will open until 9pm on weekdays from May, the council said.\n\n"
            "Read Next: Five Libraries Worth A Detour This Summer\n\nPhoto: Courtesy of the county council\n\n"
            "More from The Ledger: Why the bus station clock is always wrong")
    assert roles(text)[3] == "link"
    assert roles(text)[5] == "link"


def test_a_sentence_with_its_photo_by_credit_over_the_lead_is_a_caption():
    text = ("Council votes to close two pools\n\nBy Ada Renn, City Editor\n\nMarch 3, 2026\n\n"
            "Swimmers hold banners outside the town hall before the vote on Monday evening, many of them "
            "children. Photo by Pim Aalders | The Ledger\n\n"
            "The council voted 6-3 on Monday to close the two oldest pools in the town.\n\nThey shut in June.")
    assert roles(text) == ["headline", "byline", "byline", "caption", "lead", "paragraph"]


def test_colon_labels_of_a_release_and_a_numbered_results_run_in_one_block():
    text = ("Province adds flood sensors on three rivers\n\nApril 2, 2026\n\n"
            "Forty new flood sensors will watch the three rivers this spring, the ministry said.\n\n"
            "Quick Facts:\n\nThe sensors report every five minutes.\n\nEach one cost $8,000.")
    assert roles(text)[3:] == ["subheading", "paragraph", "paragraph"]
    text = ("Sprint finish decides the stage\n\nBy Ada Renn\n\nMarten won the sprint in the rain.\n\n"
            "1. Ivo Marten (Ned) Team Polder Works 3:02:11 2. Luc Perrault (Fra) Équipe Granit du Nord +0:04 "
            "3. Aksel Brun (Nor) Fjord Cycling Club +0:09")
    assert roles(text)[-1] == "list"
