"""Block roles: the kinds of the tenth held-out set's role errors, pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected roles are what a
reader gives each block.  Kinds: a table whose lines were joined into one block (a leaderboard, a numbered
classification, a price list) under the headline or in the body, never the lead; an update note with its
label; a wiki's tagline, last-edited footer and "Sources" label with the entries under it; a link label alone
("ALSO READ", "Also Read:") and the linked headline after it; a desk credit with its place and a name, title
and publication time in one block as by-lines; a CMS's "Added <date>" time line; a caption ending in a dash
and "File photo"; a headline over an event's bar-cut line, under the site's menu.
"""

from __future__ import annotations

from structure_helpers import roles

from corpus_tools.structure.roles import entry_run


def test_a_leaderboard_under_the_headline_is_a_list_and_the_lead_comes_after_it():
    text = ("FAIRWAY WEEKLY\n\nNews | Tours | Gear | Shop\n\nLi charges into lead with closing eagle at Elm Ridge\n\n"
            "Final round | Elm Ridge GC | Par 71\n\n"
            "STANDINGS (after 54 holes)\n1 Wei Li (CHN) -14\nT2 Sam Ortega (MEX) -11\nT2 Pia Holm (SWE) -11\n\n"
            "By Joan Carter\n\nWei Li eagled the 18th on Saturday to lead by three at Elm Ridge.\n\n"
            "She was five behind at the turn.")
    assert roles(text) == ["boilerplate", "boilerplate", "headline", "boilerplate", "list", "byline", "lead",
                           "paragraph"]


def test_a_numbered_classification_under_the_by_line_and_a_price_list_in_the_body():
    text = ("Okafor leads Desert Rally after day two\n\nWords by Tom Reyes\n\n"
            "Standings after SS6\n1. Ade Okafor / Ben Rudd (Ford) 2:01:12.5\n2. Lia Moss / Kim Roe (Toyota) +12.1\n"
            "3. Jan Vos / Pim Dekker (Skoda) +40.9\n\n"
            "Ade Okafor will start Sunday with a 12-second lead.\n\n"
            "Best prices: Suffolk tups – £3,200 (Hallow)\nTexel tups – £2,900 (Upton)\n"
            "Charollais tups – £1,800 (Ely)\n\n"
            "Trade was strong all day, the auctioneer said.")
    assert roles(text) == ["headline", "byline", "list", "lead", "list", "paragraph"]


def test_entry_run_needs_cells_and_no_sentence_and_a_date_is_no_cell():
    assert entry_run("RESULTS 1 Ann Lee (FRA) 4:12.3 2 Bo Li (CHN) 4:13.0 3 Jo Park (KOR) 4:15.8")
    assert not entry_run("The 31-year-old shot 68 on Friday and 70 on Saturday to finish on 138 at the course.")
    assert not entry_run("Ruth Adler, teacher and poet, born 2 June 1931; died 9 March 2026")


def test_an_update_note_a_wiki_tagline_and_its_footer_are_furniture():
    text = ("Ferry service cut for winter\n\nBy Ann Lee\n\n"
            "Update: This article was updated at 4:05 p.m. to add the operator's response.\n\n"
            "The island ferry will run twice a day instead of five times from November.\n\nThe operator cited costs.")
    assert roles(text) == ["headline", "byline", "boilerplate", "lead", "paragraph"]
    text = ("CityWiki News\n\nMain page | Recent | Write a story | Help\n\nBridge in Split closed for repairs\n\n"
            "Monday, May 4, 2026\n\nFrom CityWiki News, the free news site anyone can edit!\n\n"
            "The old bridge in Split was closed on Monday for three months of repairs.\n\nSources\n\n"
            'Ana Kos. "Most zatvoren" — Dnevni List, May 3, 2026 Ivo Rak. "Radovi počinju" — Radio Split, May 3, 2026'
            "\n\nThis page was last edited on 5 May 2026, at 10:02.")
    assert roles(text) == ["boilerplate", "boilerplate", "headline", "byline", "boilerplate", "lead", "boilerplate",
                           "list", "boilerplate"]


def test_a_link_label_alone_makes_the_heading_after_it_a_link():
    for label in ("ALSO READ", "Also Read:"):
        text = ("Port workers end strike after pay deal\n\nBy Bo Li\n\n"
                "Dock workers returned to work on Monday after a nine-day strike.\n\n"
                f"{label}\n\nCargo backlog to take weeks to clear: port authority\n\n"
                "The union said members had accepted a 7% rise.")
        assert roles(text) == ["headline", "byline", "lead", "boilerplate", "link", "paragraph"], label


def test_desk_credit_with_its_place_name_title_and_time_in_one_block_and_an_added_time_line():
    text = ("Jute mill reopens after two-week closure\n\nStaff Correspondent, Khulna\n\n"
            "Updated: Mon Mar 2, 2026 11:05 AM\n\n"
            "The mill reopened on Sunday after the owners paid wages.\n\nWorkers returned in the morning.")
    assert roles(text) == ["headline", "byline", "byline", "lead", "paragraph"]
    text = ("Heat warning issued for the coast\n\n"
            "Omar Haddad, Staff Reporter Published: Tue 9 Jun 2026, 8:10 AM Last updated: Tue 9 Jun 2026, 9:30 AM\n\n"
            "Temperatures will pass 47°C on Wednesday, forecasters said.\n\nOutdoor work is restricted.")
    assert roles(text) == ["headline", "byline", "lead", "paragraph"]
    text = ("Market traders protest new levy\n\nBy Grace Atim\n\nAdded 3 March 2026 at 10:40 AM\n\n"
            "Traders closed their stalls on Monday in protest at a new daily levy.\n\n"
            "Added to that, rents went up in January.")
    assert roles(text) == ["headline", "byline", "byline", "lead", "paragraph"]


def test_a_caption_ending_in_a_dash_and_file_photo():
    text = ("Clinics extend hours during heatwave\n\nBy Ann Lee\n\n"
            "A nurse checks a patient's blood pressure at a clinic in Muscat. — File photo\n\n"
            "Clinics will stay open until midnight from Monday.\n\nThe ministry said demand had doubled.")
    assert roles(text) == ["headline", "byline", "caption", "lead", "paragraph"]


def test_each_source_line_under_a_sources_label_is_a_list_entry():
    text = ("Claim about school meals is wrong\n\nBy Ann Lee\n\nThe post says free meals end in May. They do not.\n\n"
            "Sources\n\nDepartment for Education, statement, 4 March 2026\n\nSchool Food Trust, annual report, 2025\n\n"
            "Share this article")
    assert roles(text) == ["headline", "byline", "lead", "boilerplate", "list", "list", "boilerplate"]
