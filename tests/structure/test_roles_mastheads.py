"""Block roles: a site's name over its menu, and a section label cut by a middle dot (kinds of the eighth
held-out set's errors), pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected roles are what a
reader gives each block.
"""

from __future__ import annotations

from structure_helpers import roles


def test_a_plain_site_name_over_the_menu_is_no_headline():
    text = ("The Orchard County Courier\n\nHome | Local | Farming | Schools | Letters | Archive\n\n"
            "Cider mill reopens after a flood closed it for two years\n\nBy Nell Aspinwall\n\n"
            "The Pressbury cider mill opened its doors again on Saturday.\n\nAbout 300 people came.")
    assert roles(text) == ["boilerplate", "boilerplate", "headline", "byline", "lead", "paragraph"]


def test_a_site_name_with_its_motto_over_an_account_menu_and_a_dotted_section_label():
    text = ("Grain & Silo Monthly — the trade's own paper\n\nSubscribe | Sign in | Events | Jobs\n\n"
            "HARVEST · STORAGE\n\nWet summer leaves silos half empty across the east\n\nBy Oren Valdis\n\n"
            "Stores of wheat are at their lowest in a decade, merchants said.\n\nPrices rose 4%.")
    assert roles(text) == ["boilerplate", "boilerplate", "boilerplate", "headline", "byline", "lead", "paragraph"]


def test_a_headline_over_a_row_of_share_buttons_stays_the_headline():
    text = ("Bridge on Mill Lane to close for repairs in March\n\nShare | Facebook | Email | Print\n\n"
            "By Tam Okoro\n\nThe Mill Lane bridge will shut for six weeks, the council said.\n\nDetours are signed.")
    assert roles(text)[0] == "headline"


def test_a_radio_stations_player_line_and_section_label_above_the_headline():
    text = ("Skip to main content\n\nHarbour FM 96.1 | Listen Live | News | Weather | Contests\n\n"
            "NOW PLAYING: The Tidelines – Northern Star\n\nLocal News\n\n"
            "Two weeks of night closures on the coast road begin on Monday\n\nBy Harbour FM News Team\n\n"
            "Drivers are being warned to expect delays as the night closures begin.\n\nDiversions are signed.")
    assert roles(text) == ["boilerplate"] * 4 + ["headline", "byline", "lead", "paragraph"]


def test_the_issuing_ministry_above_a_releases_headline():
    text = ("Province News\n\nHome | Releases | Ministries | Contact\n\nNEWS RELEASE\n\n"
            "Ministry of Roads and Rural Transport\n\nNew gravel crews to cover the northern valleys\n\n"
            "March 3, 2026 9:00 AM\n\nTwelve new road crews will work in the northern valleys this summer.\n\n"
            "They start in May.\n\nContact: Ministry of Roads and Rural Transport, Media Relations, 250 555-0100")
    assert roles(text) == ["boilerplate"] * 4 + ["headline", "byline", "lead", "paragraph", "signoff"]
