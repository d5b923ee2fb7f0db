"""Block roles on web pages: the kinds of the fourth round of rules, pinned on texts of our own.

Kinds: a run of section labels over the headline, a headline with a lower-case word under a label, a caption
with no credit between the by-line and the body, caption credits in brackets and with slashes, a dateline
with its outlet in capitals, a live blog's authors before the body, relative publication times, the linked
headline after a "Read more:" line, furniture (video pointers, app and letters pitches, paywall counters,
topic tags run into their label, long copyright notices, "· Share"), a label with its bullets in one block,
an obituary's life-dates line, and dates that are no table cells.  The texts are written for these tests (no
text of any evaluation set is used); the expected roles are what a reader gives each block.
"""

from __future__ import annotations

from structure_helpers import reasons, roles

from corpus_tools.structure.roles import table_row


def test_a_run_of_section_labels_over_the_headline():
    text = ("WXYZ 5 News\n\nWeather\n\nSnow closes schools across three counties on Friday\n\n"
            "by Ana Ruiz, WXYZ Staff\n\nFri, January 9th 2026, 6:10 AM EST\n\n"
            "Schools in three counties are closed on Friday after a foot of snow fell overnight.\n\n"
            "Roads stayed icy.")
    assert roles(text) == ["boilerplate", "boilerplate", "headline", "byline", "byline", "lead", "paragraph"]
    assert reasons(text)[0] == "run of section labels above the headline"
    assert reasons(text)[1] == "section label above the headline"
    # a line with a lower-case word under a label is the headline, the line under it the standfirst
    text = ("Obituaries\n\nPeter Quill obituary\n\nTeacher who ran the town's first night school for adults\n\n"
            "Sara Quill\n\nThu 8 Jan 2026 10.00 GMT\n\nMy father, Peter Quill, who has died aged 88, taught "
            "history for 40 years.\n\nHe is survived by his wife.")
    assert roles(text) == ["boilerplate", "headline", "standfirst", "byline", "byline", "lead", "paragraph"]


def test_captions_between_the_byline_and_the_body_and_credits_in_brackets():
    text = ("Baker wins county prize for sourdough loaf\n\nBy Tom Reyes\n\nPublished 4 March 2026\n\n"
            "Lena Marsh, 44, holds her winning loaf outside the bakery in Ashby\n\n"
            "A baker from Ashby has won the county prize for the third year running.\n\nShe baked 40 loaves.")
    assert roles(text) == ["headline", "byline", "byline", "caption", "lead", "paragraph"]
    assert reasons(text)[3] == "a line under the by-line, before the body"
    for caption in ("Crews cleared the road on Monday morning. (Valley News: Jo Park)",
                    "Crews cleared the road on Monday morning. (Jo Park/Valley News)",
                    "A tram at the depot in 2024. Jo Park/AP/File"):
        text = (f"Road reopens after landslide\n\nBy Ann Lee\n\n{caption}\n\n"
                "The road reopened on Tuesday after a week of repairs.")
        assert roles(text) == ["headline", "byline", "caption", "lead"], caption


def test_a_dateline_with_its_outlet_in_capitals_and_a_live_blogs_authors():
    text = ("Senate passes rail bill\n\nBy Ann Lee, WXN\n\nUpdated 3:02 PM EST, Tue March 3, 2026\n\n"
            "Boston WXN —\n\nThe Senate passed the rail bill on Tuesday.\n\nIt goes to the House next.")
    assert roles(text) == ["headline", "byline", "byline", "dateline", "lead", "paragraph"]
    text = ("Council budget – as it happened\n\nThe leader sets out her spending plans for the year ahead\n\n"
            "Kim Dunn (now) and Lee Park (earlier)\n\n10.02 GMT\n\nParking charges\n\n"
            "The council will raise parking charges by 10p an hour.")
    assert roles(text) == ["headline", "standfirst", "byline", "byline", "subheading", "lead"]


def test_a_relative_publication_time_and_the_linked_headline_after_read_more():
    text = ("Ferry fares to rise\n\nBy Ann Lee\n\nMarch 2, 2026 9:15 AM GMT Updated 3 hours ago\n\n"
            "Ferry fares will rise by 5% in April, the operator said.\n\nRead more:\n\n"
            "Why are ferry fares rising so fast?\n\nThe operator blamed fuel costs.")
    assert roles(text) == ["headline", "byline", "byline", "lead", "boilerplate", "link", "paragraph"]


def test_page_furniture_of_web_pages():
    body = "Fire crews were called to the warehouse at 2am.\n\n"
    for line in ("Watch the full interview in the video player above.",
                 "Download the Valley News app for breaking news alerts.",
                 "Letters to the editor: Send us your views on this story.",
                 "You’re reading a free article. Subscribe for unlimited access to the Valley News.",
                 "Topics Fires Ashby Emergency services",
                 "Explore more on these topics Fires Ashby",
                 "Key events Show key events only",
                 "Posted 3 Mar 2026 · Share",
                 "Follow us on Facebook and Instagram",
                 "Copyright VALLEY NEWS. All rights reserved. This material may not be published, broadcast, "
                 "rewritten or redistributed in whole or in part without the express written permission of the "
                 "Valley News and its owners."):
        text = f"Warehouse fire in Ashby\n\n{body}The roof fell in.\n\n{line}"
        assert roles(text) == ["headline", "lead", "paragraph", "boilerplate"], line


def test_a_label_with_its_bullets_in_one_block_an_obituarys_life_dates_and_dates_as_no_cells():
    text = ("Wheat prices climb\n\nWheat rose 4% on Monday.\n\n"
            "Harvest at a glance: - Output fell 8% in 2025 - Stocks are the lowest since 2019\n\nTraders expect more.")
    assert roles(text) == ["headline", "lead", "list", "paragraph"]
    text = ("Peter Quill obituary\n\nMy father, Peter Quill, taught history for 40 years.\n\n"
            "Peter Quill, teacher, born 2 June 1937; died 30 November 2025")
    assert roles(text) == ["headline", "lead", "paragraph"]
    assert not table_row("Peter Quill, teacher, born 2 June 1937; died 30 November 2025")
    assert table_row("VI 4.45 -- Corn 1.35 1.92 IV 3.15 3.15")


def test_bylines_of_more_page_styles():
    assert roles("Floods force thousands from homes\n\n2 hours ago\n\nShare\n\nAnn Lee\n\nBBC News, Rome\n\n"
                 "Rescuers reached villages on Monday.\n\nMore rain is due.") == [
        "headline", "byline", "boilerplate", "byline", "byline", "lead", "paragraph"]
    assert roles("Floods force thousands from homes\n\nAnn Lee, Rome correspondent\n\nMarch 3, 2026\n\n"
                 "ROME — Rescuers reached villages on Monday.") == ["headline", "byline", "byline", "lead"]
    assert roles("Floods force thousands from homes\n\nAnn Lee | Reporter\n\n3 min read\n\n"
                 "Rescuers reached villages on Monday.") == ["headline", "byline", "boilerplate", "lead"]
    assert roles("HOME / NEWS / WORLD\n\nFloods force thousands from homes\n\nWritten by Ann Lee\n\n"
                 "Updated: March 3, 2026 10:14 IST\n\nRescuers reached villages on Monday.") == [
        "boilerplate", "headline", "byline", "byline", "lead"]
    assert roles("Floods force thousands from homes\n\nRescuers used boats to reach villages.\n\nAnn Lee\n\n"
                 "Tuesday 3 March 2026 10:14\n\nRescuers reached villages on Monday.\n\nMore rain is due.") == [
        "headline", "standfirst", "byline", "byline", "lead", "paragraph"]
    assert roles("Floods force thousands from homes\n\nAnn Lee\n\n@annlee\n\nRescuers reached villages on Monday.") == [
        "headline", "byline", "byline", "lead"]


def test_more_site_furniture_and_credit_lines():
    body = "Floods force thousands from homes\n\nBy Ann Lee\n\nRescuers reached villages on Monday.\n\nRain fell.\n\n"
    for line in ("Join the conversation", "Follow @valleynews on Twitter", "Skip Ad", "Terms of use | Privacy policy",
                 "This article was originally published on The Conversation.", "1 of 12",
                 "Join our WhatsApp channel for the latest news.", "Editor's note: This story has been corrected."):
        assert roles(body + line)[-1] == "boilerplate", line
    for line in ("— Associated Press writer Ann Lee contributed.", "Source: Reuters"):
        assert roles(body + line)[-1] == "signoff", line
    assert roles(body + "More on this story: Flood defences to be reviewed")[-1] == "link"


def test_more_caption_credits_and_body_furniture():
    head = "Floods force hundreds from homes\n\nBy Ann Lee\n\nThe river burst its banks on Sunday.\n\n"
    tail = "\n\nWater reached the first floor of some houses, residents said."
    for line in ("Getty Images", "Image 1 of 5: Residents wade through the water on Sunday.",
                 "Residents wade through the water on Sunday. GETTY IMAGES",
                 "Residents wade through the water in Ashby on Sunday. | Photo by Ann Lee",
                 "▲ Residents wade through the water on Sunday.",
                 "Residents wade through the water on Sunday. Source: Supplied"):
        assert roles(head + line + tail)[3] == "caption", line
    for line in ("Article continues below", "Read our full coverage of the floods",
                 "Follow the Valley News's coverage of the floods at https://valleynews.example/floods"):
        assert roles(head + line + tail)[3] == "boilerplate", line
    # a wire headline in capitals after an abbreviation's full stop is no capitals credit
    assert roles("BIG U.S. LINES SETS ASSET TRANSFER\n\nNEW YORK, March 2 - The company said.")[0] == "headline"


def test_a_subheading_with_no_body_text_after_it_is_page_furniture():
    text = ("Blazers win the cup\n\nBy Ann Lee\n\nThe Blazers won the cup on Sunday.\n\nThe final is in June.\n\n"
            "Elsewhere in the league\n\nShare page")
    assert roles(text) == ["headline", "byline", "lead", "paragraph", "boilerplate", "boilerplate"]
    assert reasons(text)[4] == "heading with no body text after it"
    # a subheading over a paragraph stays one, and so does one over a linked headline
    assert roles("Blazers win the cup\n\nThe Blazers won on Sunday.\n\nWhat next\n\nThe final is in June.")[2] == \
        "subheading"
