"""Block-role rules of rules13, each on text written for these tests (invented outlets, people and places).

The kinds come from the twelfth held-out set's errors (tests/data/structure/heldout12/README.md, a
development set since): a wire desk's initials and the agency's name after them, a long contact box, a
wire's end mark after the last sentence, a name and its date run into one line, a labelled magazine credit,
a place-and-country dateline with no date, a caption with a copyright credit, a menu with no separators, an
event label with a number over the headline, a bare "Read:" link, and reprint, print-issue and free-to-read
notes closing a page.
"""

from __future__ import annotations

from structure_helpers import roles

from corpus_tools.structure.roles import _place_country, _word_menu


def test_desk_initials_and_the_agency_name_after_them_sign_off():
    text = (
        "Harbour cranes idle as dockers strike\n\n"
        "Port Velden, 3 Mar 2027 - Dockers at Port Velden stopped work on Tuesday over a pay offer.\n\n"
        "The union said the strike would last two days.\n\nKLR // TS\n\nNordwire"
    )
    assert roles(text) == ["headline", "lead", "paragraph", "signoff", "signoff"]
    for initials in ("abc kt/mo", "tr/pw/lk"):
        assert roles(text.replace("KLR // TS\n\nNordwire", initials))[-1] == "signoff"


def test_initials_cut_by_slashes_before_the_body_are_no_sign_off():
    # "Home / News" is a breadcrumb, not a desk's initials: the rule waits for the body
    text = "Home / News\n\nFerry fares rise again\n\nFerry fares on the Velden line rise by a tenth from May."
    assert roles(text)[0] == "boilerplate"


def test_a_long_contact_box_signs_off():
    text = (
        "Copper Output Falls at Velden Mine\n\n"
        "Output at the Velden copper mine fell 12% in May, the operator said.\n\n"
        "To contact the reporters on this story: Ilse Marten in Velden at imarten@example.com; Teo Rask in "
        "Orlund at trask@example.com; Ana Pell in Velden at apell@example.com To contact the editors "
        "responsible for this story: Jon Hale at jhale@example.com; Mia Sorn at msorn@example.com"
    )
    assert roles(text)[-1] == "signoff"


def test_a_wire_end_mark_after_the_last_sentence_keeps_the_paragraph():
    text = "VELDEN, May 4 (Nordwire) -- The new bridge opened on Monday.\n\nIt took four years to build. Enditem"
    assert roles(text) == ["lead", "paragraph"]


def test_a_name_and_its_date_in_one_line_is_a_byline():
    for line in (
        "Ilse Marten |04.05.2027 - Update : 04.05.2027",
        "Ilse Marten May 4, 2027 08:15",
        "Ilse Marten 4 May 2027 Reading time: 3 minutes",
    ):
        text = (
            f"Bridge opens after four years\n\n{line}\n\n"
            "The new bridge over the Vel opened on Monday, four years after work began.\n\nIt cost 40 million."
        )
        assert roles(text) == ["headline", "byline", "lead", "paragraph"], line


def test_a_labelled_magazine_credit_is_a_byline():
    text = (
        "Night trains return to the coast\n\nWords and pictures: Teo Rask Published: 4 May 2027\n\n"
        "A night train between Velden and Orlund will run again from June.\n\nTickets go on sale next week."
    )
    assert roles(text) == ["headline", "byline", "lead", "paragraph"]


def test_a_place_in_capitals_and_its_country_alone_is_a_dateline():
    text = (
        "Balloon flights grounded by wind\n\nVELDENBURG, Nordland\n\n"
        "Balloon flights over the valley were grounded on Sunday as winds rose.\n\nThey resume on Tuesday."
    )
    assert roles(text) == ["headline", "dateline", "lead", "paragraph"]
    assert _place_country("ŠTRBA, Slovakia") and not _place_country("Velden, Nordland")
    assert not _place_country("VELDEN, May 4")  # (a date is no country)


def test_a_caption_sentence_with_a_copyright_credit_is_a_caption():
    text = (
        "Grape harvest starts early\n\nBy Mia Sorn\n\n"
        "Pickers cut grapes by hand on the slopes above Velden. © Teo Rask\n\n"
        "The harvest started two weeks early this year, growers said.\n\n© 2027 Vine Weekly"
    )
    assert roles(text) == ["headline", "byline", "caption", "lead", "boilerplate"]


def test_a_menu_with_no_separators_under_the_site_name():
    text = (
        "THE VELDEN COURIER Nordland's morning paper\n\n"
        "Home News Business Sport Opinion Magazine E-Paper\n\nNEWS / VELDEN\n\n"
        "Commuters angry as ferry fares rise by a tenth\n\n"
        "Ferry fares on the Velden line rise by a tenth from May, the operator said.\n\nCommuters were angry."
    )
    assert roles(text) == ["boilerplate", "boilerplate", "boilerplate", "headline", "lead", "paragraph"]
    assert not _word_menu("Home Office Rejects Velden Asylum Plan")


def test_an_event_label_with_a_number_over_the_headline():
    text = (
        "COURTSIDE DAILY\n\nScores | Rankings | Features | Shop\n\nWTA 500 · VELDEN\n\n"
        "Marten saves two match points to reach the semi-finals\n\nBy Teo Rask\n\n"
        "Ilse Marten saved two match points on Friday to beat the top seed.\n\nShe plays Pell next."
    )
    assert roles(text)[2:5] == ["boilerplate", "headline", "byline"]


def test_a_bare_read_label_links():
    text = (
        "Ferry fares rise again\n\nFerry fares on the Velden line rise by a tenth from May.\n\n"
        "Read: Velden port to build a second ferry berth by 2029\n\nCommuters were angry."
    )
    assert roles(text)[2] == "link"


def test_reprint_print_issue_and_free_to_read_notes_are_furniture():
    text = (
        "Ferry fares rise again\n\nFerry fares on the Velden line rise by a tenth from May.\n\n"
        "Commuters were angry.\n\n"
        "This story appears in the June 2027 issue of Coastal Transit Monthly. Subscribe from £4 a month.\n\n"
        "This article is free to read. Members get our full timetable analysis every week.\n\n"
        "For a reprint of this article, please contact reprints@example.com."
    )
    assert roles(text)[-3:] == ["boilerplate", "boilerplate", "boilerplate"]
