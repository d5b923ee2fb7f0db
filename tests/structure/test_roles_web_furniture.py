"""Block roles: web-page furniture kinds of the seventh held-out set's errors, pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected roles are what a
reader gives each block.  Kinds: a site's masthead or navigation bar and a section path over the headline, a
labelled by-line ("Author: ..."), a media player's line, a row of page buttons, question subheadings of an
explainer (not the questions of an interview), a press-release wire's time and dateline lines, hashtags, credits
and member pitches closing the page, and the linked headlines of an "In other news" or "More ... news:" run.
"""

from __future__ import annotations

from structure_helpers import roles


def test_navigation_bar_section_label_author_label_and_player_line_above_the_lead():
    text = ("WKLM 4 NEWS Lakeside | Watch Live | Weather | Traffic | Jobs\n\nTOP STORY\n\n"
            "'We heard the ice crack': Two anglers pulled from frozen lake\n\n"
            "Author: Dana Whitfield (WKLM)\n\nPublished: 7:12 AM CST January 9, 2026\n\n"
            "▶ Video: Firefighters explain the rescue on the ice (1:48)\n\n"
            "LAKESIDE, Minn. — Two men were rescued on Thursday after the ice gave way under them.\n\n"
            "Both were taken to hospital with mild hypothermia.")
    assert roles(text) == ["boilerplate", "boilerplate", "headline", "byline", "byline", "boilerplate", "lead",
                           "paragraph"]


def test_masthead_with_slashes_section_path_and_a_two_part_masthead_over_furniture():
    text = ("GEARBOX — Phones / Laptops / Audio / Deals\n\nAUDIO / HEADPHONES\n\n"
            "This pair of wireless earbuds lasts a whole working week\n\nby Lena Ortiz\n\n"
            "The Pulse 3 earbuds ran for 41 hours on one charge in our test.\n\nThey cost $89.")
    assert roles(text) == ["boilerplate", "boilerplate", "headline", "byline", "lead", "paragraph"]
    text = ("The Prairie Gazette | Serving Elk County since 1902\n\nSubscribe | e-Edition | Classifieds\n\n"
            "County News\n\nFlood closes the river road for a week\n\nBy Tom Reyes\n\n"
            "The river road will stay shut until Friday, the county said.\n\nDetours are signed.")
    assert roles(text) == ["boilerplate", "boilerplate", "boilerplate", "headline", "byline", "lead", "paragraph"]


def test_a_headline_cut_by_one_bar_or_a_time_line_cut_by_bars_is_no_navigation_bar():
    text = ("Storm cuts power to 40,000 homes | Valley Herald\n\nBy Ann Lee\n\n"
            "Crews worked through the night to restore power.\n\nMost homes had it back by noon.")
    assert roles(text)[0] == "headline"
    text = ("Rail strike called off\n\nBy Bo Li\n\nLeeds | Updated: Aug 5, 2026 10:41 BST | 3 min read\n\n"
            "The strike planned for Monday will not go ahead.\n\nTalks resume next week.")
    assert roles(text)[2] == "byline"


def test_explainer_question_subheadings_and_a_row_of_page_buttons():
    text = ("What is the new tenancy law, and what changes for renters?\n\nBy Priya Nair\n\n"
            "Listen · Share · Save\n\nWhat is the law?\n\n"
            "The law sets a cap on rent rises of 5% a year and ends evictions without a reason.\n\n"
            "Who does it cover?\n\nEvery private tenancy signed after 1 April, and older ones from next year.\n\n"
            "When does it start?\n\nOn 1 April, though landlords have six months to change their contracts.")
    assert roles(text) == ["headline", "byline", "boilerplate", "subheading", "lead", "subheading", "paragraph",
                           "subheading", "paragraph"]


def test_an_interviews_questions_stay_paragraphs():
    text = ("The glacier keeper\n\nBy Ann Lee\n\nMara Holt has measured the same glacier for thirty years.\n\n"
            "Why does one glacier matter?\n\nBecause it tells us what the others will do next, and sooner.\n\n"
            "Will you keep measuring it?\n\nAs long as my knees hold out, and probably longer than that.")
    assert roles(text) == ["headline", "byline", "lead", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_press_release_time_line_wire_dateline_and_closing_hashtags():
    text = ("Norfjord Foods Opens Its First Plant in Ohio\n\nInvestment of $40 million creates 120 jobs\n\n"
            "March 03, 2026 09:00 AM Eastern Standard Time\n\nOSLO, Norway & COLUMBUS, Ohio--(BUSINESS WIRE)--\n\n"
            "Norfjord Foods AS, a maker of frozen fish products, today opened its first plant in the United States.\n\n"
            "The plant will employ 120 people by the end of the year.\n\n#seafood #ohio #jobs")
    assert roles(text) == ["headline", "standfirst", "byline", "dateline", "lead", "paragraph", "boilerplate"]


def test_credits_member_pitch_correction_note_and_linked_headlines_after_a_link_label():
    text = ("The village that rebuilt its own bridge\n\nBy Sam Reyes\n\n"
            "When the county said it could not pay, the village of Hollin raised the money itself.\n\n"
            "The new bridge opened on Saturday.\n\n"
            "Presented by Sam Reyes. Produced by Ann Lee. Music by Bo Li.\n\n"
            "Support independent radio: become a member from £4 a month.\n\n"
            "This article was amended on 4 March 2026 to correct the length of the bridge.\n\n"
            "In Other News\n\nHarbour cafe wins a national award for its chowder\n\n"
            "More county news: Council delays its vote on the new library\n\nSchool bus route changes from Monday\n\n"
            "© 2026 Hollin Radio")
    assert roles(text) == ["headline", "byline", "lead", "paragraph", "signoff", "boilerplate", "boilerplate",
                           "boilerplate", "link", "link", "link", "boilerplate"]


def test_a_press_releases_contact_box_label_and_contact_line():
    text = ("Norfjord Foods Opens Its First Plant in Ohio\n\nMarch 03, 2026 09:00 AM Eastern Standard Time\n\n"
            "Norfjord Foods AS today opened its first plant in the United States.\n\n"
            "The plant will employ 120 people.\n\nContacts\n\n"
            "Media: Kari O. Lien, Head of Communications, press@norfjord.example, +47 22 00 00 00")
    assert roles(text)[-2:] == ["boilerplate", "signoff"]
