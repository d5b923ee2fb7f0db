"""Block roles: web-page furniture of a sixth kind (kinds of the ninth held-out set's errors), pinned on texts of
our own: a combined tags label, a correction prompt, an embed placeholder, a pointer to a player, a sponsor's
label with its pitch, a paper's reference line, a betting footer, a menu row under the headline, a live page's
"commentary by" credit, a caption whose credit follows a dash, featured-item and "next" link labels.

The texts are written for these tests (no text of any evaluation set is used); the expected roles are what a
reader gives each block.
"""

from __future__ import annotations

from structure_helpers import roles


def test_tags_label_correction_prompt_and_embed_placeholder_close_the_page():
    text = ("Harbour wall to be rebuilt before winter\n\nBy Ines Marlowe\n\n"
            "Work on the harbour wall at Porthlenna starts next week, the council said.\n\n"
            "It will take ten weeks.\n\nListen to the harbour choir's new recording below.\n\n"
            "[Embedded content: YouTube]\n\nTags / Keywords: Porthlenna , Harbour , Council\n\n"
            "Found a typo in this story? Tell us.")
    assert roles(text) == ["headline", "byline", "lead", "paragraph"] + ["boilerplate"] * 4


def test_sponsor_label_reference_line_and_betting_footer_are_furniture():
    text = ("Bees learn to count to four, study finds\n\nBy Oskar Lindqvist\n\n"
            "Sponsored: Compare garden insurance quotes in two minutes with our partner\n\n"
            "Honeybees trained with sugar rewards picked the card with four dots, researchers said.\n\n"
            "The trials ran for a year.\n\nJournal reference: Insect Cognition, DOI: 10.1234/ic.2031.0042\n\n"
            "18+ | Please gamble responsibly | SaferBets.example")
    assert roles(text) == ["headline", "byline", "boilerplate", "lead", "paragraph", "boilerplate", "boilerplate"]


def test_a_commentary_credit_and_a_menu_row_under_it():
    # (a menu row over the headline makes the headline a site name: the row comes after the credit here)
    text = ("Rovers hold on for a draw in the rain\n\nLive commentary by Tomasz Erdelyi\n\n"
            "Summary | Lineups | Stats | Photos\n\n"
            "Rovers held on for a goalless draw at Brookfield on a wet night.\n\nThe keeper made six saves.\n\n"
            "Fixtures | Results | League Table")
    assert roles(text) == ["headline", "byline", "boilerplate", "lead", "paragraph", "boilerplate"]


def test_a_caption_credit_after_a_dash_and_a_next_item_link():
    text = ("Ferry fares rise by a fifth from May\n\nBy Ruth Abernethy\n\n"
            "Passengers queue for the morning ferry at the pier on Monday. - Photo by Calum Reid\n\n"
            "Fares on the island ferry will rise 20% from May, the operator said.\n\nSeason tickets are spared.\n\n"
            "Next match: Islanders v Harbour Select, Saturday 3pm\n\n"
            "Deal of the week: A two-night island break for two, £199")
    assert roles(text) == ["headline", "byline", "caption", "lead", "paragraph", "link", "link"]
