"""What each block of an article is for: headline, dateline, byline, body, caption, sign-off, page furniture.

A scraped news page or a wire story is more than its body: a headline, a
section label ("NEWS"), bylines and publication times, read-time and share
lines, photo captions, inserted related-story links, the agency sign-off
("Reuter", "Reporting by ...; Editing by ..."), copyright and navigation
lines.  A book chapter has its chapter heading and, sometimes, an epigraph.
:func:`block_roles` gives every block one role of :data:`BLOCK_ROLES`, with
the rule that decided it (``reason``) and the text that triggered the rule
(``signal``).  No tagger or model is involved; the rules, tried in this
order for each block, are:

``chapter``
    "Chapter 1", "CHAPTER XII", "Book Two", "Part III: ..." (a chapter or
    part word, then a numeral or number word, at most 10 words), also with
    a full-stopped title on the line ("CHAPTER 29. Enter Ahab; to Him,
    Stubb.", :func:`is_chapter_block`).
``signoff``
    An agency sign-off alone on its line ("Reuter", "AP", "AFP"), or a
    credits line ("Reporting by ...", "Additional reporting by ...",
    "Writing by ...; Editing by ...", "... contributed to this report"),
    or the reporter's contact line ("Contact Ann Lee at ...", "... Reach her
    at ...", "To contact the reporter on this story: ..."), "--With
    assistance from ...", "- AFP", a press release's "Media contact:" and
    "SOURCE ...", "Source: Reuters", "... writer Ann Lee contributed.",
    a podcast's "Presented by ..." / "Hosted by ..." credits; the agency
    set off by equals signs ("==Kyodo"), a wire's end mark alone ("(END)"),
    the reporter's e-mail address alone after the body; and
    a writer's bio as the last body paragraph ("Jane Roe is a columnist
    ...").
``boilerplate``
    Page furniture matched by :data:`BOILERPLATE_PATTERNS` (read time,
    share lines, "Load Comments", "Advertisement", "More from ...",
    "Sign up ...", copyright, "All rights reserved"...); a line listed in
    ``recurring`` (see :func:`recurring_lines`: short lines repeated across
    many articles of the corpus); a section label: a line of at most 3
    words before the headline, followed by another heading line (or a
    one- or two-word line in capitals over a short line); a breadcrumb
    ("Home / World / Asia"), a section path of words ("NEWS / WOMEN'S
    TEAM") or a site's masthead or navigation bar ("Club Site | Tickets |
    Shop", "SITE — News / Sport / Deals", or two parts over furniture)
    above the headline; a player line ("▶ Video: ..."), a row of page
    buttons ("Listen · Share · Save"), hashtags, "In Other News",
    "Support independent radio ..."; reader pitches ("Support local journalism",
    "Got a story?", "Do you have a news tip?", "Report an editorial error"),
    comment counts and rules, an affiliate disclosure, "Link Copied!", "Join
    the conversation", "Follow @...", "Skip Ad", legal links, gallery counters
    ("1 of 12"), republication and correction notes, "Key
    points:", "Tags: ...", "Most Read from ...", "More obituaries", cookie,
    paywall and JavaScript prompts, "The views expressed ..."; or the topic
    tags after a "Related Topics" / "Explore more on these topics" label; an
    outlet banner "Daily Post | World | Europe" before the headline; a run
    of two or three section labels (short lines of capitalised words or
    numbers: "WXYZ 5 News" / "Weather") over a longer headline line (a line
    with a lower-case word under a label is the headline: "Obituaries" /
    "Ann Lee obituary"); a live blog's "Key events", topic tags run into
    their label ("Topics Budget Tax"), a video player's pointer ("... in the
    video player above"), app, letters and paywall pitches, a long copyright
    notice, a time line ending in "· Share"; an update note ("Update: This story was updated ..."), a wiki's
    tagline ("From ..., the free ...") and last-edited footer, a link or sources label alone ("ALSO READ",
    "Sources"), and under the headline a line of short bar-cut parts ("Second round | Royal Portrush | Par 72");
    a pitch to follow the site on a social network ("Follow ... on X and Instagram ..."), "You are here: ...",
    section navigation ("Read more Local") and a long comment policy ("Comments will be moderated. ...").
``caption``
    A photo caption or credit: "(Photo: ...)", "Photo: ...",
    "Photograph: ...", "AP Photo/...", "REUTERS/...", "... /Getty Images", "... — File photo",
    "Image caption, ...", "Credit...", "(Express photo by ...)", "Photo by
    ...", "File photo", "FILE - ...", "Open this photo in gallery: ...", a
    sentence ending in a "Name Surname/Outlet" (or "Name/AP/File") credit or
    a bracketed "(Outlet: Name)" / "(Name/Outlet)" one, the line right
    above a credit line alone in its block, and a heading-shaped line of six
    words or more between the by-line and the body (nothing there is a
    standfirst: "Ann Lee, 44, holds her winning loaf").
``byline``
    "By Name ..." or "Author: Name ..." (at most 12 words, no sentence end), or a publication
    time line ("Published ...", "Updated ...", or a short line that is only
    a date and time, or only dates, clock times, zones and "Updated": "March
    3, 2026 at 8:41 AM GMT Updated ...", "11.05 BST"), authors with their
    shifts ("Kim Dunn (now) and Lee Park (earlier)"), a name alone under the
    headline or standfirst, or before the body a name followed by a job title or
    a handle ("Sarah Okafor Senior Reporter", "Ann Lee @annlee"); after the
    headline, a name with its outlet, place or co-author ("Ann Lee / The
    Herald", "Ann Lee at the Oval", "Ann Lee and Bo Li") or an agency or desk
    credit ("Agence France-Presse", "Express News Service"); a time line cut
    by "|" or "·" ("Mumbai | Updated: ...", "Aug 4, 2026 · 4 min read"); a
    relative time counts ("Updated 2 hours ago", "2 hours ago"), a name after
    the headline may be followed by its outlet ("Ann Lee The Valley
    Herald") or by a comma or bar and a job title ("Ann Lee, Rome
    correspondent", "Ann Lee | Reporter"), "Written by ..." is a by-line, a
    lone name may follow a time line, and under a by-line the writer's
    handle ("@annlee") or outlet and place ("Valley News, Rome") is one too; so are a desk credit with its
    place ("Our Correspondent, Gazipur"), a name and job title run into its time line ("Ann Lee, Senior
    Reporter Published: ...") and a CMS's "Added 14 October 2026 at 09:12 AM"; a name, a place and a date
    cut by bars ("Ann Lee | Rome | 29.11.2026, 14:20"), a date then "by" and the writer ("December 2, 2026 by
    Ann Lee 4 Comments"), a print edition's date and page ("Tue, Dec 01, 2026 page 2") and a name with its
    agency in brackets ("Ann Lee (Australian Associated Press)").
``dateline``
    A wire dateline alone in its block ("GREENBELT, Md --", a press-release
    wire's "OSLO, Norway--(BUSINESS WIRE)--", "HOUSTON,
    March 2 -", "LONDON (Reuters) -"), or a place in capitals and a date
    ("SAN DIEGO 1996-08-20"), or a place and an outlet in capitals ("Boston
    WXN —"); the outlet in brackets may be any in capitals ("ASHBY, Colo.
    (WXYZ) —"), or a place in capitals alone between the by-line and the
    lead ("PORT VILA").  A dateline in front of the first
    paragraph leaves that paragraph the ``lead`` and is reported in its
    ``dateline`` column.
``headline``
    The first heading-shaped block before any body paragraph (a short
    line without a final full stop), or the block equal to the article's
    title, or a short first block (full stop allowed) right above a by-line
    or dateline.  :func:`headline` promotes it to the title when the source
    gave none.
``standfirst``
    Between the headline and the lead, a heading-shaped line, or a
    paragraph followed by a byline or dateline (furniture and captions may
    stand between).
``link``
    A heading labelled "Read more:", "Related:", "READ ALSO:", "Read more
    <Headline>"... or classified ``link``
    by :func:`corpus_tools.structure.headings.classify_headings`, or each
    heading of the run after a "Recommended"/"Related stories"/"READ MORE"
    line, and a linked headline that is no heading block right after such a
    line ("Read more:" / "Why are fares rising?").
``subheading``
    Any other heading inside the body, a question in capitals ("WHAT
    HAPPENS NEXT?"), an explainer's short question over a longer paragraph
    ("What is it?"; not in an interview, whose questions put to "you" are
    paragraphs), and a short line that is only a quotation, with no
    sentence end, between two paragraphs ("'Heavy rain'").  A subheading
    with no body text after it (only furniture to the article's end) is
    ``boilerplate`` (a page's label: "Elsewhere in the league" over "Share"),
    or a ``link`` when it is a heading of five words or more right after a
    link (the run of linked headlines goes on).
``epigraph``
    In a chapter, the short block(s) between the chapter heading and its
    first paragraph that end with an attribution line ("-- Shakespeare").
``list``
    A paragraph that starts with a bullet ("- ", "* ", "• "); in the body, a
    review's score box ("Overall Score 8", "Good stuff: ..."), a
    table row (:func:`table_row`; a date is no cell) and a table's header
    line above one, and a label with its bullets run into one block ("At a
    glance: - ... - ..."); under the headline or in the body, a table's lines joined into one block
    (:func:`entry_run`: a leaderboard, a classification, a price list; never the lead), and the entries
    under a "Sources" label; in the body a fact box run into one block (a label, then three or more
    "Label: value" items and no sentence end: "Project data Architect: ... Client: ...").
``lead`` / ``paragraph``
    The first body paragraph of the article, then every other one.  A
    heading-shaped line ending in a dash ("I wonder whether--") is a
    paragraph: an interrupted speech, not a heading; so is an obituary's
    life-dates line ("Ann Lee, librarian, born 3 May 1934; died ..."), and a last sentence
    followed by a wire's end mark ("Enditem") or by the agency and its desk's initials ("... PTI AB CD").

Body roles are :data:`BODY_ROLES`; the roles that open a section are
:data:`SECTION_ROLES` (see :func:`corpus_tools.structure.body.body_sections`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from corpus_tools.model.blocks import Block
from corpus_tools.model.corpus import Article, Corpus, as_articles
from corpus_tools.structure.folding import ascii_fold
from corpus_tools.structure.headings import classify_headings

__all__ = [
    "BLOCK_ROLES",
    "BLOCK_ROLE_COLUMNS",
    "BODY_ROLES",
    "BOILERPLATE_PATTERNS",
    "SECTION_ROLES",
    "BlockRole",
    "block_role_table",
    "block_roles",
    "entry_run",
    "headline",
    "is_chapter_block",
    "is_chapter_heading",
    "promote_headlines",
    "recurring_lines",
    "role_sections_of",
    "table_row",
]

#: Every role a block can get.
BLOCK_ROLES = ("headline", "standfirst", "dateline", "byline", "lead", "paragraph", "subheading", "link",
               "caption", "signoff", "boilerplate", "chapter", "epigraph", "list")
#: The roles of the article's own text (word statistics and sections are built from these).
BODY_ROLES = frozenset({"lead", "paragraph", "subheading", "link", "chapter", "epigraph", "list"})
#: The roles that open a section.
SECTION_ROLES = frozenset({"subheading", "link", "chapter"})

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\.?")
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|first|second|third|fourth|fifth|last|the\s+\w+)")
_CHAPTER = re.compile(rf"^(?:chapter|book|part|volume|canto|act|scene)\s+(?:[ivxlcdm]+\b|\d+\b|{_NUMBER_WORD}\b)",
                      re.IGNORECASE)
# (rules14: Australia's AAP, India's PTI, IANS and ANI, South Korea's Yonhap)
_AGENCY = r"(?:Reuters?|AP|AFP|UPI|dpa|DPA|Xinhua|Bloomberg|PA|ANSA|EFE|Kyodo|Tass|TASS|AAP|PTI|IANS|ANI|Yonhap)"
# (the agency alone may be set off by equals signs: "==Kyodo"; a wire's end mark alone: "(END)", "ENDS")
_SIGNOFF = re.compile(rf"^[(=\-–— ]*(?:{_AGENCY}|REUTERS?)\)?\.?$|^(?-i:\(END\)|ENDS|ENDITEM|Enditem)$|"
                      r"^[(\-–— ]*(?:additional\s+)?(?:reporting|writing|editing|"
                      r"compiled|edited|produced|presented|hosted|research(?:ing)?)\s+by\b|"
                      # "Associated Press writer Ann Lee contributed to this report", "Bo Li contributed reporting"
                      r"\bcontributed(?:\s+to)?\s+(?:this\s+)?(?:report(?:ing)?|story|article)\b|"
                      # the reporter's contact line: "Contact Marcus Webb at 217-...", "Email the writer at ..."
                      r"^(?:contact|email|e-mail|reach)\s+(?:the\s+(?:writer|reporter|author)|"
                      r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})\s+(?:at|on|via)\b|"
                      # "... covers the county. Reach her at ...", "Follow him on X at @ann"
                      r"\b(?:reach|contact|email|e-mail|follow|write to)\s+(?:him|her|them|me)\s+(?:at|on|via)\b|"
                      # a press release's closing lines: "Media contact:", "Investor Relations:"
                      r"^(?:media|press|investor|news)\s+(?:contacts?|enquiries|inquiries|relations)\b\s*:?|"
                      # a release's closing "Contact: Ministry of Transport, Media Relations, 250 555-0100"
                      r"^contacts?\s*:\s*(?-i:[A-Z])[^.!?]{0,200}$|"
                      # a release's contact line: "Media: Ann Lee, Head of Communications, press@..., +47 ..."
                      r"^(?:media|press|investors?|analysts?)\s*:\s*[A-Z][^!?]{0,160}?(?:@|\+\d)|"
                      r"^(?-i:SOURCE)\s+[A-Z]|"
                      # a wire's closing credits: "--With assistance from ...", "To contact the reporter on this story:"
                      r"^[\-–— ]*with (?:additional )?assistance (?:from|by)\b|"
                      # the Canadian wires' credit "With files from The Canadian Press", a newsletter's credit line
                      r"^[\-–— ]*with (?:additional )?files from\b|"
                      r"^this (?:newsletter|story|article|report|piece|edition) (?:was|has been) (?:copy )?"
                      r"(?:edited|written|reported|produced|compiled)\b|"
                      r"^to contact the (?:reporters?|editors?|writers?|authors?)\b|"
                      # "— Associated Press writer Ann Lee contributed.", "Source: Reuters"
                      # "... writer Ann Lee contributed from Rome.": the place the contribution came from
                      r"\b(?:writers?|reporters?|correspondents?|staff)\b.{0,80}\bcontributed"
                      r"(?:\s+(?:from|in)\s+[A-Z][\w.'’\-]*(?:,?\s+[A-Z][\w.'’\-]*){0,3})?\.?$|"
                      rf"^sources?\s*:\s*{_AGENCY}\b\.?$", re.IGNORECASE)
# what each alternative of _SIGNOFF not anchored at "^" needs (:func:`_anywhere_search`); a new unanchored
# alternative must need one of them too, or add its word here
_SIGNOFF_NEEDLES = ("contributed", "reach", "contact", "email", "e-mail", "follow", "write to")
# a wiki's or a report's label over the list of its sources (one of the furniture patterns too)
_SOURCES_LABEL = re.compile(r"^(?:sources|references|external links|bibliography)\s*:?$", re.IGNORECASE)
#: Page furniture, matched against the whole block (case-insensitive).
BOILERPLATE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+read$",
    r"^share\b.{0,60}$", r"\bshare (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|email|e-mail)\b",
    r"^(?:(?:facebook|twitter|whatsapp|linkedin|email|e-mail|print|copy link|pinterest|reddit)\s*){1,8}$",
    r"^(?:load|view|show|read|see)\s+(?:\d+\s+)?comments?$", r"^comments?(?:\s*\(?\d+\)?)?$",
    r"^\d+\s+comments?$", r"^(?:full\s+)?(?:scorecard|live scores?|live blog|match centre|match center)$",
    r"^comments (?:are|will be|may be) (?:subject|moderated|reviewed|closed)\b",
    r"\bcommunity (?:guidelines|standards|rules)\b",
    # pitches to the reader: "Support local journalism.", "Got a story? Email ...", "Get ... delivered to ..."
    r"^support (?:\w+ ){0,2}journalism\b", r"^(?:got|have) a (?:news )?(?:story|tip|news tip)\b",
    r"^(?:get|receive) (?:the|our) .{0,50}\b(?:delivered|sent) (?:to|straight to|in)\b",
    r"^(?:more|latest|top|related|recommended|trending|popular|most read|most popular|editor'?s? picks?)"
    r"(?:\s+(?:news|stories|videos|articles|reads?|on this|for you|now|today))?$",
    r"^more (?:from|on|in|about) .{1,40}$",
    r"advertisement\b", r"^(?:ad|sponsored|sponsored content|promoted|skip to (?:main )?content)$",
    r"scroll to continue", r"^(?:sign up|subscribe|register|log in|follow us)\b", r"\bnewsletter\b.{0,40}$",
    r"©", r"^\(c\)\s*\d{4}", r"^copyright\b", r"all rights reserved", r"^our standards\s*:",
    r"^(?:click|tap) here\b", r"^(?:this|the) (?:article|story) (?:is|was) (?:more than|over) \d",
    r"^(?:image|photo|video)s? (?:source|credit)s?\s*[:,]", r"^listen to (?:this|the) (?:article|story)\b",
    # link and topic labels under the story ("READ MORE", "Related Content", "Explore more on these topics")
    r"^read more$", r"^related (?:content|topics|stories|articles|coverage|links|reading)$",
    r"^(?:explore|more) (?:more )?on (?:these|this) (?:topics?|stories|story)$", r"^topics?$",
    r"^reuse this (?:content|article)$", r"\b(?:in|to) your inbox\b",
    r"^\(c\)\s+\S.{0,60}\b(?:19|20)\d\d\.?$",  # "(c) Reuters Limited 1996"
    r"^(?:[_*=~#\-–—.·•]\s*){2,}$",  # a separator line ("___", "* * *"): no text
    # web-page furniture of the third round: share confirmations, summary and tag labels, section links
    r"^link copied!?$", r"^(?:key (?:points|takeaways|facts)|in brief|at a glance|quick read|summary)\s*:?$",
    r"^read more\s*:$", r"^(?:tags?|topics?|filed under|categories|keywords)\s*:\s*\S.{0,150}$",
    r"^most (?:read|popular|viewed|shared)(?:\s+(?:from|on|in)\s+.{1,40})?$",
    r"^(?:read )?more (?:from )?(?:the )?(?:news|sports?|obituaries|opinions?|business|politics|world|lifestyle|"
    r"entertainment|culture|videos?|podcasts?|travel|health|science|tech|technology|money|weather|local|crime|"
    r"columns|columnists|reviews|features|analysis|photos|galleries|headlines|national|international)$",
    # cookie, paywall and subscription prompts
    r"\bcookies?\b.{0,80}\b(?:experience|consent|policy|settings|preferences|accept)\b",
    r"^(?:subscribe|subscribers?|already a subscriber|become a (?:member|subscriber))\b",
    r"^(?:to continue reading|continue reading|this (?:article|story|content) is (?:for|available to|only for) "
    r"(?:subscribers|members))\b", r"\b(?:turn on|enable|activate) javascript\b",
    # reader pitches and notes: "Do you have a news tip?", "Report an editorial error", "Follow related topics"
    r"^(?:do you have|have you got) a (?:news )?(?:tip|story)\b",
    r"^(?:report|submit|suggest) an? (?:editorial )?(?:error|correction|typo|mistake)\b",
    r"^follow (?:related )?(?:authors?|topics?|writers?)(?:\s+(?:and|&)\s+(?:authors?|topics?))?\b",
    r"^(?:the )?views expressed\b.{0,160}\b(?:own|author|authors|writer|writers)\b",
    # fourth round: a live blog's "Key events" switch, a topics label with its tags in one block, a video
    # player's pointer, an app pitch, a letters pitch, a paywall counter, a time line ending in "Share"
    r"^key (?:events|moments|updates)\b.{0,40}$",
    r"^(?:related |these )?topics?\s*:?\s+(?-i:[A-Z])[^.!?]{0,150}$",
    r"^(?:explore|more) (?:more )?on (?:these|this) (?:topics?|stories|story)\s+(?-i:[A-Z])[^.!?]{0,150}$",
    r"\b(?:in|on) the (?:video )?player (?:above|below)\b", r"^watch\b.{0,80}\b(?:above|below)\.?$",
    r"^download (?:the|our) .{0,60}\bapps?\b", r"^letters? to the editor\s*:",
    r"^you(?:'|’)re reading (?:a|your|one of your|\d+) (?:free|of)\b",
    r"\bsubscribe (?:for|to get|now for|today for) (?:unlimited|full)\b",
    r"\s[|·•]\s*share\s*$",
    # reader prompts and site chrome: comments, follows, gallery counters, ads, legal links, republication notes
    r"^join the (?:conversation|discussion|debate)\b", r"^have your say\b", r"^enjoyed this (?:article|story)\b",
    r"^this (?:article|story) (?:was|is) (?:originally |first )?(?:published|republished)\b",
    r"^follow (?:@\w+|us|\w+ news)\b", r"^join our (?:whatsapp|telegram|signal)\b",
    r"\b(?:whatsapp|telegram) (?:channel|group)\b.{0,40}$",
    r"^skip (?:ad|advert|advertisement|to (?:main )?content)\b", r"^video ad feedback$", r"^accessibility help$",
    r"\bterms (?:of (?:use|service)|and conditions)\b.{0,40}\bprivacy\b", r"^privacy (?:policy|notice)$",
    r"^(?:(?:update|updated|correction|clarification)\s*:\s*)?this (?:story|article|report) (?:has been|was) "
    r"(?:updated|corrected|amended)\b", r"^editor(?:'|’)s note\s*:",
    r"^(?:photo )?gallery$",
    r"^(?:save|save (?:article|story|for later)|gift (?:this )?article)$",  # a page's save and gift buttons
    r"^\d+\s*(?:of|/)\s*\d+$", r"^loading\W*$", r"^thank you for reading\b",
    r"^back to top$", r"^(?:the )?(?:article|story) continues (?:below|after)\b",
    r"^read our (?:full |latest )?coverage\b",
    # "Follow AP's coverage of ... at https://...", "Find more of AP's coverage at ...": a pointer to the outlet
    r"^(?:follow|find|read|see|get) (?:more of |all of |the )?[\w.'’\- ]{0,40}\bcoverage\b.{0,80}(?:https?://|www\.)\S+$",
    # a media player's line ("▶ Video: ... (2:14)", "▶ Play episode | Apple Podcasts"), a row of page buttons
    # ("Listen · Share · Save"), a row of hashtags, a pitch for members ("Support independent audio: ..."),
    # the label over other stories ("In Other News")
    r"^[▶►]\s*(?:video|play|watch|listen)\b",
    r"^(?:(?:listen|share|save|print|email|e-mail|comment|gift|bookmark)\s*[·|•]?\s*){2,6}$",
    r"^(?:#\w+\s*){2,}$",
    r"^support (?:independent|local|our|quality|public|community) (?:[\w\-]+ ){0,2}?"
    r"(?:journalism|audio|media|news|reporting|podcasts?|radio)\b",
    r"^in other news$",
    r"^(?:media |press )?contacts$",  # the label of a press release's contact box
    # fifth round: a sponsor's line, a note that software wrote the story, a pitch for the writing
    r"^(?:sponsored|presented|brought to you) by\b[^.!?]{0,60}$",
    r"^this (?:article|story|report|content) was (?:generated|written|produced|created) (?:with|by|using)\b"
    r".{0,40}\b(?:automated|automation|ai|artificial intelligence|software)\b",
    r"^(?:enjoy|enjoyed|like|love|value)(?:d)? (?:our|this) (?:writing|journalism|work|reporting|coverage)\?",
    # a radio station's player line: "NOW PLAYING: Artist – Song", "On Air: The Breakfast Show"
    r"^(?:now playing|on air|now on air|listen live)\b\s*:?.{0,80}$",
    # sixth round: a combined tags label with its tags, a correction prompt, an embed placeholder, a player
    # pointer to listen to, a sponsor's label with its pitch, a paper's reference line, a betting-site footer,
    # a row of three or more one- or two-word menu items with no number ("Scorecard | Fixtures | Points Table")
    r"^tags?\s*(?:/|&|and)\s*keywords?\s*:", r"^(?:found|spotted|noticed|see) an? (?:mistake|error|typo)\b",
    r"^\[(?:embedded|embed)(?: content| media| post| video)?\s*:?[^\]]{0,60}\]$",
    r"^(?:listen to|hear)\b.{0,80}\b(?:below|above)\.?$",
    r"^(?:sponsored|promoted|partner content|advertisement|advertorial)\s*:\s*\S",
    r"^(?:journal )?(?:reference|citation)\s*:\s*\S.{0,150}$", r"\bdoi\s*:\s*10\.\d{4,}/\S+$",
    r"\b(?:gamble|bet|play) responsibly\b", r"^18\+\s*[|·•]",
    r"[.!?]\s+(?:sign up|subscribe|register)(?: now| today| here| free)?[.!]?$",  # "Get price alerts ... Sign up"
    r"^(?-i:[A-Z][\w&'’\-]*(?: [A-Z][\w&'’\-]*)?)(?:\s+[|·•]\s+(?-i:[A-Z][\w&'’\-]*(?: [A-Z][\w&'’\-]*)?)){2,7}$",
    # seventh round: a wiki's tagline and its last-edited footer, a link label or a sources label alone
    # ("From OpenWiki, the free encyclopedia", "This page was last edited on ...", "ALSO READ", "Sources", the
    # label of _SOURCES_LABEL)
    r"^from [\w.'’\- ]{1,40}, the free\b[^.]{0,60}[.!]?$", r"^this page was last (?:edited|modified|updated) on\b",
    r"^(?:also read|read also|see also)\s*:?$", _SOURCES_LABEL.pattern,
    # rules13: a reprint or licensing pointer, a magazine's print-issue note and a paywall's "free to read" note,
    # closing a page ("For a reprint of this article, please contact ...", "This story appears in the May
    # issue of ...", "This article is free to read. Subscribers get ...")
    r"^(?:for|to (?:order|request|buy|purchase)) (?:a |an )?(?:reprints?|licen[cs]ing|permission to republish)\b",
    r"^this (?:article|story|piece|report|feature) (?:appears|appeared|is published|was published|will appear) in "
    r"(?:the |our )?[\w\s,'’\-]{0,40}\b(?:issue|edition)\b",
    r"^this (?:article|story|piece|content) is free to read\b",
    # rules14: a pitch to follow the site on a social network ("Follow The Ledger on X and Instagram for ..."),
    # a breadcrumb's label ("You are here: Home / Business")
    r"^follow (?:[\w&.'’\-]+ ){1,4}on (?:facebook|x|twitter|instagram|tiktok|youtube|linkedin|threads|bluesky|"
    r"telegram|whatsapp)\b.{0,60}$",
    r"^you are here\s*:",
))
_CAPTION = re.compile(
    # "Open this photo in gallery: ...", "FILE - Dockers march ... (KXYZ)"
    r"^open this (?:photo|image|picture) in (?:the )?gallery\b|^(?-i:FILE(?: PHOTO)?)\s*[-–—:]\s+\S|"
    r"\((?:[\w.'’\-]+\s+){0,3}(?:photo|photograph|image|picture|pic|file photo|credit|pictured)s?\b[^)]*\)\s*$|"
    r"^(?:photo|photograph|image|picture)s?\s+(?:by|courtesy(?:\s+of)?)\s+[A-Z]|"
    r"^(?:file|archive|representational|representative|stock)\s+(?:photo|image|picture|pic)s?\b[^.!?]{0,60}$|"
    # a sentence, then "Photo by Ann Lee | The Ledger" ending the block
    # (or after a dash: "... on Wednesday. - Photo by Ann Lee")
    r"(?-i:[.!?]\s+)(?:[-–—]\s*)?(?:photo|photograph|picture|image)s?\s+(?:by|courtesy of)\s+(?-i:[A-Z])[^.!?]{0,80}$|"
    # "... in Dubai. — File photo": a sentence, then a dash and a file or stock picture's label ending the block
    r"(?-i:[.!?]\s+)[-–—]\s*(?:file|archive|stock|representational|representative)\s+(?:photo|image|picture|pic)s?\.?$|"
    # a sentence, then a photographer's credit "Name Surname/Outlet" (or "Name / Outlet") ending the block
    r"(?-i:[.!?]\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}\s*/\s*(?:[A-Z][\w.&'’\-]*(?:\s*/\s*|\s*)){1,5})$|"
    # "... on Tuesday. (Valley News: Jo Park)", "... on Sunday. (Jo Park/Valley News)": the credit in brackets
    r"(?-i:[.!?]\s+\((?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*:\s*[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\))$|"
    r"(?-i:[.!?]\s+\([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\s*/\s*[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}\))$|"
    r"^(?:photo|photograph|image|picture|file photo|pictured|above|top|main image)\s*:|"
    r"^(?:image|photo|video|picture) caption\s*[:,]|^credit\s*(?:\.{2,}|…|:)\s*\S|"
    r"\b(?:photograph|photo|image|picture|credit)\s*:\s*[A-Z][^.!?]{0,70}$|"
    rf"\b(?:{_AGENCY}|EPA|Getty)\s+(?:Photo|Images?)\s*/|\bREUTERS/[A-Z]|"
    r"/\s*(?:Getty Images|Reuters|AP|AFP|EPA|Shutterstock|Alamy|PA Wire)\s*$|"
    # a picture agency's credit alone, or in capitals after the caption's sentence ("... on Sunday. GETTY IMAGES"),
    # "| Photo by ...", "Image 1 of 5: ...", a pointer glyph ("▲ ..."), "Source: Supplied"
    r"^(?:getty images|shutterstock|alamy|pa(?: wire| media)?|ap|afp|epa|reuters)(?:\s*/\s*\S+){0,2}$|"
    r"(?-i:[a-z]{2}[.!?]\s+[A-Z]{2,}(?:[ /][A-Z]{2,}){0,3})$|\|\s*(?:photo|image|picture)s?\s*(?:by\b|:)|"
    r"^(?:image|photo|picture)\s+\d+\s*(?:of|/)\s*\d+\b|^[▲▼►◄▶◀↑]\s+\S|"
    r"\b(?:source|picture|photo|image)\s*:\s*supplied\.?$", re.IGNORECASE)
# What every alternative of _CAPTION needs (a cheap first test: the whole pattern cost 50 µs a block):
# a ":", "/" or "|", a last character ")" or a capital (A-Z), or one of these words opening the block.
# An alternative added to _CAPTION must need one of them too, or be added here.
_CAPTION_START = re.compile(r"open\b|file|photo|image|picture|archive|represent|stock|pictured|above|top\b|main\b|"
                            r"video|credit|getty|shutterstock|alamy|pa\b|ap\b|afp|epa|reuters|[▲▼►◄▶◀↑]",
                            re.IGNORECASE)
# ("Live commentary by Ann Lee", "Analysis by ...": a live page or a feature credits its writer the same way)
_BYLINE = re.compile(r"^(?:(?:written|words|story|text|reported|reporting|(?:live\s+)?(?:commentary|coverage|blog)|"
                     r"analysis|interview)\s+)?By:?\s+[A-Z][\w.'’\-]*|"
                     # a web page's labelled by-line: "Author: Ann Lee (KXYZ)", "Authors: Ann Lee, Bo Li"
                     r"^(?:authors?|writers?|reporters?)\s*:\s*[A-Z][\w.'’\-]*|"
                     # a magazine's labelled credit: "Words and pictures: Ann Lee", "Text and photos: Bo Li"
                     r"^(?:words|text|story)(?:\s+(?:and|&)\s+(?:pictures|photos|photographs|images))?\s*:\s*"
                     r"(?-i:[A-Z])[\w.'’\-]*", re.IGNORECASE)
# a government body's name alone on its line: "Ministry of Health", "Department of Roads and Transport"
_ISSUER_LINE = re.compile(r"^(?:(?:The|Provincial|Federal|State|National)\s+)?(?:Ministry|Department|Office|Agency|"
                          r"Bureau|Secretariat)\s+(?:of|for)\s+[A-Z][\w'’\-]*(?:\s+(?:and|of|for|the|&|[A-Z][\w'’\-]*))*$")
# a credit line that is a by-line when it stands under the headline (the same words close a story as a sign-off)
_CREDIT_BYLINE = re.compile(r"^(?:compiled|written|reported|edited)\s+by\s+\S", re.IGNORECASE)
_TIMESTAMP = re.compile(r"^(?:published|updated|posted|last updated|first published|modified|"
                        # "Added 14 October 2026 ...": "added" opens sentences too, so only with a date after it
                        r"added(?=\s*:?\s+(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|"
                        r"oct|nov|dec)[a-z]*\b)))\b", re.IGNORECASE)
_DATE_ONLY = re.compile(
    rf"^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    rf"\d{{4}}-\d\d-\d\d)"
    # the zone as letters ("GMT") or written out ("Eastern Standard Time", a press-release wire's)
    r"(?:[\s,|at]+\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s+(?:Eastern|Central|Mountain|Pacific|"
    r"Atlantic|Alaska|Hawaii|Greenwich Mean|British Summer|(?:Central |Eastern |Western )?European)"
    r"(?:\s+(?:Standard|Daylight|Summer))?\s+Time)?)?\s*$", re.IGNORECASE)
_PLACE_WORD = r"[A-Z][\w.'’\-]*(?:/[A-Z][\w.'’\-]*)?"  # "LONDON/SANTIAGO": a story filed from two places
_DATELINE = re.compile(
    rf"^(?P<place>(?:{_PLACE_WORD})(?:\s+{_PLACE_WORD}){{0,3}}(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?)"
    rf"(?P<date>,?\s+{_MONTH}\s+\d{{1,2}})?\s*(?P<agency>\((?:{_AGENCY}|[A-Z]{{2,6}})\))?\s*(?:-{{1,2}}|–|—)(?=\s|$)")
_BULLET = re.compile(r"^[-*•·▪‣◦]\s+\S")
# a dateline alone in its block with the outlet in capitals, no brackets: "Washington CNN —"
_OUTLET_DATELINE = re.compile(rf"^{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}(?:,\s*{_PLACE_WORD})?\s+[A-Z]{{2,6}}\s*"
                              r"(?:-{1,2}|–|—)$")
# a press-release wire's dateline alone in its block: "BERGEN, Norway & BOSTON--(BUSINESS WIRE)--", the places
# before the wire's name in brackets between two dashes
_RELEASE_DATELINE = re.compile(r"^[A-Z][\w.,'’&/ \-]{1,80}?(?:-{1,2}|–|—)\s*\((?:[A-Z][\w\-]*\s?){1,3}\)\s*"
                               r"(?:-{1,2}|–|—)$")
# a labelled box of bullets run into one block: "At a glance: - Output fell 8% ... - Stocks ..."
_INLINE_LIST = re.compile(r"^[^.!?\n]{1,60}:\s+[-•*]\s+\S.*?\s[-•*]\s+\S")
# items numbered 1., 2., 3. in one block (a results table without line breaks)
_NUMBERED_RUN = re.compile(r"^1\.\s+\S.*?\s2\.\s+\S.*?\s3\.\s+\S")
# a label of one to three capitalised words and a colon, alone in its block: "Quick Facts:", "Quotes:"
_COLON_LABEL = re.compile(r"^[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}:$")
# an obituary's closing line: "Name, role, born 3 May 1934; died 14 December 2025"
_LIFE_DATES = re.compile(r"^[A-Z][^;.!?]{0,100},\s+born\s+[^;]{1,60};\s+died\s+\S")
# a section label: a short line of capitalised words or numbers ("Weather", "WXYZ 5 News", "Opinion")
_LABEL = re.compile(r"^(?:[A-Z0-9][\w&'’\-]*)(?:\s+(?:[A-Z0-9][\w&'’\-]*|&)){0,2}$")
_LINK_LABEL = re.compile(r"^(?:read more|related(?: reading)?|see also|also read|read also|"
                         r"more on this(?: story)?|recommended|"
                         r"further reading|you (?:may|might) also like|"
                         r"(?:previous|next|last) (?:episode|story|article)|"
                         r"more (?:[\w'’\-]+\s+){0,2}?(?:news|stories)|highlights|"
                         r"read next|watch|listen|related story|related article|also see|read(?=\s*:)|"
                         # a featured or coming item of the site: "Listing of the week: ...", "Next race: ..."
                         r"(?:listing|pick|deal|recipe|video|photo|read) of the (?:day|week|month)|"
                         r"next (?:race|match|game|fixture|round|event)|"
                         r"more from (?:the )?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|&)){0,3})\s*[:\-–—|]|"
                         # "Read more Bus fares to rise in April": the label, then a capitalised headline
                         r"^(?i:read more|read also|also read)\s+(?=[A-Z\"'‘“])", re.IGNORECASE)
_LINK_INTRO = re.compile(r"^(?:recommended|related(?: stories| articles| coverage| content| links)?|read more|"
                         r"read next|see also|also read|you may also like|more (?:stories|galleries|videos|photos)|"
                         r"more on this(?: story)?\s*:?|related news|"
                         r"more from .{1,40}|most (?:read|popular|viewed|shared)(?:\s+(?:from|on|in)\s+.{1,40})?|"
                         # (each may end in a colon: "Also Read:", "READ MORE:")
                         r"read also|also read|in other news)\s*:?$", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"^(?:-{1,2}|–|—)\s*[A-Z]")
# where a publication-time line starts when it is run into the by-line's block ("Ann Lee, Reporter Published: ...")
_TIME_LABEL_INSIDE = re.compile(r"\s(?=(?:published|updated|posted|last updated)\b)", re.IGNORECASE)
# a credit alone in its block ("Credit...Jim Wilson/The New York Times", "Photograph: Dean Lewins/AAP"):
# the block before it is the photo's caption
_CREDIT_ONLY = re.compile(r"^(?:credit\s*(?:\.{2,}|…|:)|(?:photograph|photo|image|picture)\s*(?:credit)?\s*:)"
                          r"\s*\S[^.!?]{0,70}$", re.IGNORECASE)
# a by-line without "By": a name of 2-4 capitalised words, then on its own line a handle or a job title
_JOB_WORDS = (r"(?:reporter|correspondent|editor|writer|columnist|contributor|producer|critic|journalist|"
              r"staff|bureau|chief|senior|political|business|technology|tech|science|health|sports?|"
              r"football|economics|foreign|deputy|associate|freelance)")
# a job title alone on its line, under the writer's name: "Journalist", "Senior Reporter"
_JOB_TITLE_LINE = re.compile(rf"^(?:{_JOB_WORDS}\s+){{0,2}}(?:reporter|correspondent|editor|writer|columnist|"
                             r"contributor|producer|critic|journalist)s?$", re.IGNORECASE)
_NAMED_BYLINE = re.compile(rf"^[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{1,3}}?"
                           rf"(?:\s+|\s*[,|·]\s*(?:[A-Z][\w'’\-]*\s+){{0,2}})"
                           rf"(?:@\w+|(?i:{_JOB_WORDS})\b[\w ,&\-]{{0,40}})$")
# a relative publication time alone: "2 hours ago", "Updated 35 minutes ago"
_RELATIVE_TIME = re.compile(r"^(?:(?:updated|published|posted)\s*:?\s+)?(?:\d{1,3}|an?)\s+"
                            r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?|seconds?|secs?)\s+ago$|^just now$",
                            re.IGNORECASE)
# a handle alone under the by-line ("@annlee"), an outlet and place or desk line ("Valley News, Rome")
_HANDLE = re.compile(r"^@\w{2,30}$")
_OUTLET_LINE = re.compile(r"^(?:[A-Z][\w&'’.\-]*\s+){0,3}[A-Z][\w&'’.\-]*\s*[,|]\s*"
                          r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}$")
_NAME = r"[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}"
# a by-line without "By": "Ann Lee / The Valley Herald", "Ann Lee at the Oval", "Ann Lee and Bo Li", an agency
# or desk credit alone on its line ("Agence France-Presse", "Express News Service", "Staff Reporter")
_BARE_BYLINE = re.compile(
    rf"^{_NAME}\s*/\s*(?:[A-Z][\w.&'’\-]*\s*){{1,5}}$|"
    rf"^[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{1,2}}\s+The\s+(?:[A-Z][\w.&'’\-]*\s*){{1,4}}$|"
    rf"^{_NAME}\s+(?:at|in|from|reporting from)\s+(?:the\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){{0,2}}$|"
    rf"^{_NAME}(?:,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME}$|"
    r"^(?:[A-Z][\w'’\-]*\s+){0,2}(?:News Service|News Desk|Web Desk|Newsdesk|Newsroom|Staff Reporters?|"
    r"Staff Writers?|Staff Correspondents?|Our (?:Correspondent|Bureau|Reporter)|Special Correspondent|Bureau)"
    r"(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})?$|"  # "Our Correspondent, Gazipur": and its place
    r"^(?:Agence France-Presse|Associated Press|The Associated Press|Press Association|PA Media|Press Trust of India|"
    r"Reuters Staff|Reuters|AFP|AP|PTI|IANS|ANI|Xinhua|Bloomberg|Kyodo|dpa)$|"
    # rules14: the name and its agency or outlet in brackets: "Ann Lee (Australian Associated Press)"
    rf"^{_NAME}\s*\((?:[A-Z][\w.&'’\-]*\s*){{1,5}}\)$")
# a publication-time line cut by bars or dots: "Mumbai | Updated: Aug 5, 2026 10:41 IST", "Aug 4, 2026 · 4 min read"
_TIME_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# a review's score box: "Overall Score 8", "Rating: 4/5", "Good stuff: ...", "Pros: ..."
_SCORE_BOX = re.compile(
    r"^(?:[\w'’]+\s+){0,2}(?:score|rating|verdict)\s*:?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+|\s+out of\s+\d+)?\s*(?:stars?)?$|"
    r"^(?:the\s+)?(?:good|bad|pros?|cons?|likes?|dislikes?|the ugly)(?:\s+(?:stuff|things|points|bits))?\s*:\s*\S",
    re.IGNORECASE)
# a breadcrumb: "Home / World / Asia", "News > Local > Courts", an outlet banner "Daily Post | World | Europe"
# a section and its subsection under a masthead: "Sport / Cricket", "News › Local"
_SECTION_PATH = re.compile(r"^[A-Z][\w&'’\-]*(?:\s+[/>›»|]\s+[A-Z][\w&'’\-]*){1,3}$")
# the same with parts of up to three capitalised words: "NEWS / WOMEN'S TEAM", "Sport › Rugby Union"
# (a part's later words may be numbers: "ATP 250 · ROME", an event's class and its place)
_SECTION_PATH_WORDS = re.compile(r"^[A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|\d+)){0,2}"
                                 r"(?:\s+[/>›»|·]\s+[A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|\d+)){0,2}){1,3}$")
# rules13: a site's menu printed with no separators ("Home News Business Sport Opinion E-Paper"): its items are
# the usual section names
_MENU_WORDS = frozenset("""home news business sport sports opinion opinions magazine world politics lifestyle
entertainment culture travel health science tech technology money weather local national international video
videos podcasts podcast photos features analysis markets economy education environment property jobs
classifieds obituaries e-paper epaper e-edition subscribe login contact about shop events life arts books
food motoring cars regional africa asia europe americas columns columnists letters editorial""".split())
# a row of sharing buttons: it may stand under a headline, so it says nothing of the line above it
_SHARE_ROW = re.compile(r"\b(?:share|facebook|twitter|whatsapp|e-?mail|print|copy link|linkedin)\b", re.IGNORECASE)
# the separators of a site's masthead or navigation bar ("Club Site | Tickets | Shop", "SITE — News / Sport")
_NAV_SEPARATOR = re.compile(r"\s+[|/·•]\s+")
_BREADCRUMB = re.compile(r"^(?:[\w&'’\-]+(?:\s+[\w&'’\-]+){0,2})(?:\s+[/>›»]\s+[\w&'’\-]+(?:\s+[\w&'’\-]+){0,2})"
                         r"{2,6}$|^(?:[\w&'’\-]+(?:\s+[A-Za-z&'’\-]+){0,2})(?:\s+\|\s+[A-Za-z&'’\-]+"
                         r"(?:\s+[A-Za-z&'’\-]+){0,2}){1,6}$")
# the words a publication-time line is made of ("March 3, 2026 at 8:41 AM GMT Updated March 3, 2026 at 9:02 AM
# GMT", "09:31, 24 FEB 2026 Updated 10:05", a live blog's "15.38 GMT")
_TIME_WORD = re.compile(rf"^(?:{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?|(?:19|20)\d\d|\d{{1,2}}[:.]\d\d(?:[ap]m)?|"
                        r"[ap]\.?m\.?|at|on|updated|published|posted|modified|last|first|edited|"
                        r"\d{1,3}|ago|just|now|hours?|hrs?|minutes?|mins?|days?|weeks?|seconds?|secs?|"
                        r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)[a-z]*\.?|"
                        r"(?-i:[A-Z]{2,4})|[|·•]|-|–|—)$", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d(?:[ap]m)?\b")  # "15.38", "5.48pm"
# what makes a line of numbers a time line and not a table row: a month, a time zone, "a.m." or "Updated"
_TIME_MARK = re.compile(rf"^(?:{_MONTH}|\d{{1,2}}[:.]\d\d[ap]m|[ap]\.?m\.?|updated|published|posted|modified|"
                        r"(?-i:GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST|AEST|AEDT|"
                        r"SAST|EAT|WAT|HKT|SGT))$", re.IGNORECASE)
# capitalised words that are not part of a name (a short subheading "The Camera", "What Next")
_NOT_NAME_WORDS = frozenset("what why how when where who next more new latest live watch read this that these our "
                            "your my his her its their".split())
# a question subheading in capitals ("WHAT HAS HAPPENED?")
_CAPS_QUESTION = re.compile(r"^[^a-z]*[A-Z][^a-z]*\?$")
# a short question alone on its line, no quotation, label or second sentence in it ("What is it?", "Who pays?")
_SHORT_QUESTION = re.compile(r"^[A-Z][^.!?:;\"“”‘’'\n]{4,80}\?$")
# a question addressed to someone ("Will you finish by 2030?"): an interview's question, not a subheading
_YOU = re.compile(r"\byou(?:r|rs|rself|'ve|’ve|'re|’re)?\b", re.IGNORECASE)
# "Kim Dunn (now) and Lee Park (earlier)": a live blog's authors
_SHIFT_BYLINE = re.compile(r"^[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}\s*\((?:now|earlier|previously|later)\)"
                           r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}\s*"
                           r"\((?:now|earlier|previously|later)\))+$")
# a writer's bio closing an opinion piece: "Jane Roe is a columnist ...", "Bo Li is the author of ..."
_BIO = re.compile(r"^[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}\s+is\s+(?:an?|the)\s+(?:[\w,'’\-]+\s+){0,8}?"
                  r"(?:columnist|writer|journalist|professor|fellow|author|editor|director|contributor|"
                  r"correspondent|researcher|lecturer|analyst|commentator|economist|founder|chair|president|"
                  r"former|retired|visiting)\b")
# RCV1's dateline line: the place in capitals and the date, no dash ("SAN DIEGO 1996-08-20")
_DATELINE_LINE = re.compile(rf"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){{0,3}}(?:,\s*[A-Z][\w.'’\-]*){{0,2}},?\s+"
                            rf"(?:\d{{4}}-\d\d-\d\d|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)$")
# the label of a run of topic tags ("Related Topics", "Explore more on these topics")
_TOPICS_LABEL = re.compile(r"\btopics?$", re.IGNORECASE)
# furniture that runs long: the print-edition line of a newspaper's web page (up to 80 words)
_LONG_BOILERPLATE = re.compile(r"^a version of this (?:article|story) (?:appears|appeared) in print\b|"
                               # a correction note: "This article was amended on 3 May 2026 to correct ..."
                               r"^this (?:article|story|piece) was (?:amended|corrected|updated) on\b|"
                               r"^copyright\b.{0,80}\ball rights reserved\b|"
                               # rules14: a comment policy, which runs long ("Comments will be moderated. ...")
                               r"^comments (?:are|will be|may be) (?:subject|moderated|reviewed)\b|"
                               # an affiliate disclosure ("We may earn a commission when you buy ...")
                               r"\b(?:earns?|receives?|get|make) (?:an? )?(?:small )?(?:affiliate )?"
                               r"(?:commission|share of (?:the )?(?:sales?|revenue))\b|\baffiliate (?:links?|"
                               r"commissions?|partners?)\b", re.IGNORECASE)
# what each alternative of _LONG_BOILERPLATE not anchored at "^" needs (:func:`_anywhere_search`)
_LONG_BOILERPLATE_NEEDLES = ("commission", "share of", "affiliate")
# words of a sentence, not of a table row ("deposits were quoted unchanged at 6-5/8, 3/8 ...")
_FUNCTION_WORDS = frozenset("the a an and or of to in at on for was were is are by with from that said".split())
_DATE_IN_TEXT = re.compile(rf"\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\b")
# a table cell: a number, a price range, or a wire table's "nil", "n.a.", "--"
_CELL = re.compile(r"^\(?(?:[-+]?\d[\d,./:\-]*|--?|nil|n\.?a\.?)\)?[.,;:]?$", re.IGNORECASE)
# a by-line may end in an abbreviation's full stop ("By Elena Ruiz Reporting from Firebaugh, Calif.")
_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]{0,4}\.$")
# a short line that is nothing but a quotation with no sentence end inside ("'Heavy rain'", "“A lifeline”")
# (an apostrophe inside a word is no closing mark: "'We're ready'"; the speaker may follow: "'...': Okafor")
_QUOTED_LINE = re.compile(r"^['\"‘“](?P<words>(?:[^'\"‘’“”.!?,;:]|(?<=\w)['’](?=\w))+)['\"’”]"
                          r"(?::\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})?$")
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}$")
# rules13: a wire desk's initials closing the story, alone in their block, after an agency's name or not: "dpa
# ab/cd", "xyz/ab/cd" (lower case cut by single slashes), "ABC // DE" (capitals cut by a double slash)
_DESK_INITIALS = re.compile(r"^(?:[A-Za-z]{2,8}\s+)?(?:[a-z]{1,4}(?:/[a-z]{1,4}){1,4}|[A-Z]{2,4}\s*//\s*[A-Z]{2,4})$")
# the agency's name alone after the desk's sign-off, ending the story: one or two capitalised words
_LONE_AGENCY = re.compile(r"^[A-Z][\w\-]{1,20}(?:\s+[A-Z][\w\-]{1,20})?$")
# the wire's credit box may run long ("To contact the reporters on this story: Ann Lee in Rome at ...; Bo Li ...")
_CONTACT_BOX = re.compile(r"^[\-–— ]*to contact the (?:reporters?|editors?|writers?|authors?)\b", re.IGNORECASE)
# a wire's end mark after the last sentence of a paragraph ("... in December. Enditem"): the paragraph is text
# (rules14: or the agency's name and its desk's initials in capitals: "... on January 1. PTI AB CDE")
_END_MARK = re.compile(rf"[.!?][\"”’')]*\s+(?:Enditem|ENDITEM|ENDS|-30-|###|{_AGENCY}(?:\s+[A-Z]{{2,4}}){{1,4}})$")
# rules14: the reporter's e-mail address alone in its block after the body, a wire's last line ("ann@wire.example")
_EMAIL_ALONE = re.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")
# rules14: a place in capitals alone on its line between the by-line and the lead ("PORT VILA"): the dateline
_PLACE_CAPS = re.compile(r"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,2}$")
# a caption's sentence with the photographer's copyright credit ending it ("... near the bridge. © Ann Lee")
_COPYRIGHT_CREDIT = re.compile(r"[a-z]{2}[.!?]\s+©\s*[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}$")
# a name and then its date, run into one line: "Ann Lee |02.12.2026 - Update : 02.12.2026", "Ann Lee December 2,
# 2026 07:45", "Ann Lee 3 Dec 2026 Reading time: 4 minutes"
# (rules14: the place may stand between, cut by bars: "Ann Lee | Rome | 29.11.2026, 14:20 (updated ...)")
_NAME_THEN_DATE = re.compile(rf"^[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,3}}\s*[|,·•\-–—]?\s*"
                             r"(?:[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}\s*[|·•]\s*)?"
                             rf"(?:\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d\d|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d|"
                             rf"{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)\b")
# rules14: the date, then the writer and the comment count: "December 2, 2026 by Ann Lee 4 Comments"
_DATE_THEN_BYLINE = re.compile(rf"^(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d)\s+"
                               rf"by\s+{_NAME}(?:\s+(?:\d+|[Nn]o)\s+(?i:comments?))?$")
# rules14: a print edition's date and page line: "Tue, Dec 01, 2026 page 2", "3 March 2026, Page A4"
_PRINT_PAGE = re.compile(r"^(?P<date>.{6,40}?),?\s+(?:page|p\.)\s*[A-Z]?\d{1,3}$", re.IGNORECASE)
# rules14: a fact box run into one block: a short label, then three or more "Label: value" items and no sentence
# end ("Project data Architect: ... Client: ... Completed: 2025")
_FACT_ITEM = re.compile(r"(?:^|\s)[A-Z][\w'’\-]*(?:\s+[a-z][\w'’\-]*)?:\s")
_ENDS_IN_DASH = re.compile(r"(?:-{2}|–|—)\s*['\"’”]?$")


def is_chapter_block(block: Block) -> bool:
    """Whether a block is a chapter heading: a heading block :func:`is_chapter_heading` accepts, or a
    one-line block whose chapter number ends it or is followed by a full stop or colon and a title
    ("CHAPTER 29. Enter Ahab; to Him, Stubb.": the title's full stop makes it no heading block).

    >>> from corpus_tools.model import Block
    >>> is_chapter_block(Block(0, "paragraph", "CHAPTER 29. Enter Ahab; to Him, Stubb.", 0))
    True
    >>> is_chapter_block(Block(0, "paragraph", "Part two of the plan is ready.", 0))
    False
    """
    text = block.text
    if block.kind == "heading":
        return is_chapter_heading(text)
    if len(text.split()) > 12 or not is_chapter_heading(" ".join(text.split()[:10])):
        return False
    rest = text[_CHAPTER.match(text).end():]
    return not rest.strip() or re.match(r"^[.:]\s+[A-Z\"“']", rest) is not None


def table_row(text: str) -> bool:
    """Whether a block is a row of a table: at least two cells and a third of its words cells.

    >>> table_row("VI 4.45 -- Corn 1.35 1.92 IV 3.15 3.15"), table_row("Prices rose 3 pct to 1.75 dlrs.")
    (True, False)
    """
    function = 0
    for w in text.split():  # most blocks are sentences: two function words say so, before any pattern runs
        if w.lower() in _FUNCTION_WORDS:
            function += 1
            if function == 2:
                return False  # (the dates folded below hold no function word: the same count after folding)
    words = _DATE_IN_TEXT.sub("date", text).split()  # "born 3 May 1934; died 14 December 2025": dates, no cells
    cells = sum(_CELL.match(w) is not None for w in words)
    function = sum(w.lower() in _FUNCTION_WORDS for w in words)
    return len(words) <= 60 and cells >= 2 and 3 * cells >= len(words) and function < 2


def entry_run(text: str) -> bool:
    """Whether a block is a run of ranked, timed or priced entries (a leaderboard, a classification, a price
    list) whose lines were joined: 8 to 80 words, no function word, three or more cells (a currency
    sign may lead one: "£168"; a date is none), one cell for every eight words or fewer.

    A table row (:func:`table_row`) is a third cells; a standings line carries names between its numbers
    ("1 Ann Lee (FRA) -12 T2 Bo Li (CHN) -10 ..."), so a sparser run counts, where prose would need function
    words to hold its numbers together.

    >>> entry_run("Top prices: Blackface lambs – £168 (Glenbuck) Mule lambs – £212 (Carnwath) Texel – £245 (Biggar)")
    True
    >>> entry_run("The 29-year-old holed from 30 feet at the last and shot 64 on Friday.")
    False
    """
    # (every body paragraph comes here: prose shows a function word in its first words, before any split of it)
    if not 7 <= text.count(" ") <= 100 or not _FUNCTION_WORDS.isdisjoint(text[:60].lower().split()):
        return False
    words = text.split()
    if not 8 <= len(words) <= 80 or not _FUNCTION_WORDS.isdisjoint(w.lower() for w in words):
        return False  # a sentence holds its numbers together with one ("... beat Kings 268 (46.2 ov) by 44 runs")
    # a date is no cell ("born 3 May 1934; died 14 December 2025"), as in table_row
    cells = sum(_CELL.match(w.lstrip("£$€¥")) is not None for w in _DATE_IN_TEXT.sub("date", text).split())
    return cells >= 3 and 8 * cells >= len(words)


def is_chapter_heading(text: str) -> bool:
    """Whether a line is a chapter or part heading ("Chapter 1", "BOOK II", "Part Three: The Return").

    >>> is_chapter_heading("CHAPTER XII"), is_chapter_heading("Part of the plan")
    (True, False)
    """
    return len(text.split()) <= 10 and _CHAPTER.search(text) is not None


@dataclass(frozen=True)
class BlockRole:
    """The role of one block, with the rule that decided it and the text that triggered the rule."""

    block: int
    kind: str
    role: str
    reason: str
    signal: str
    dateline: str


def _match(rx: re.Pattern, text: str) -> str:
    m = rx.search(text)
    return m.group() if m else ""


def _anywhere_search(rx: re.Pattern, text: str, needles: tuple[str, ...]) -> str:
    """``_match(rx, text)`` for a case-insensitive pattern whose alternatives that are not anchored at ``^``
    each need one of ``needles`` (lower-case ASCII words) in the text.

    The pattern is tried at the start (where every alternative may match, in its order), and elsewhere only
    when a needle is there: a pattern with unanchored alternatives is otherwise tried at every position of
    every block, which made these two the costliest patterns of the block-role pass.  The result is that of
    ``rx.search``: a match at position 0 is the leftmost, and past it only the unanchored alternatives can match.
    """
    m = rx.match(text)
    if m is None:
        folded = ascii_fold(text)
        if any(n in folded for n in needles):
            m = rx.search(text, 1)
    return m.group() if m else ""


# what the "a sentence, then 'Photo by Ann Lee ...'" alternative of _CAPTION needs
_CREDIT_WORD = re.compile(r"\s(?:by|courtesy of)\s", re.IGNORECASE)
# what the "a sentence, then '— File photo'" alternative needs: the picture's label ending the block (a
# suffix test, not a search: a pattern ending in "$" is tried at every position of the block)
_PICTURE_LABEL_ENDS = ("photo", "photos", "image", "images", "picture", "pictures", "pic", "pics")


def _caption(text: str) -> str:
    """``_match(_CAPTION, text)``, skipping the pattern for a block none of its alternatives can match."""
    tail = text.rstrip()[-1:]
    if (":" in text or "/" in text or "|" in text or tail == ")" or "A" <= tail <= "Z"
            or _CAPTION_START.match(text) or _CREDIT_WORD.search(text)
            or text.rstrip(". ")[-8:].lower().endswith(_PICTURE_LABEL_ENDS)):
        return _match(_CAPTION, text)
    return ""


# What each pattern of BOILERPLATE_PATTERNS not anchored at "^" needs in the text (lower-case words, one
# of which must be in ascii_fold(text)): an unanchored pattern is tried at every position of every block,
# and these 18 were most of the cost of the furniture test, though almost no block holds their words
_BOILERPLATE_NEEDLES = {
    r"\bshare (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|email|e-mail)\b": ("share ",),
    r"\bcommunity (?:guidelines|standards|rules)\b": ("community ",),
    r"advertisement\b": ("advertisement",), r"scroll to continue": ("scroll to continue",),
    r"\bnewsletter\b.{0,40}$": ("newsletter",), r"©": ("©",), r"all rights reserved": ("all rights reserved",),
    r"\b(?:in|to) your inbox\b": (" your inbox",), r"\bcookies?\b.{0,80}\b(?:experience|consent|policy|settings|"
    r"preferences|accept)\b": ("cookie",), r"\b(?:turn on|enable|activate) javascript\b": (" javascript",),
    r"\b(?:in|on) the (?:video )?player (?:above|below)\b": ("player ",),
    r"\bsubscribe (?:for|to get|now for|today for) (?:unlimited|full)\b": ("subscribe ",),
    r"\s[|·•]\s*share\s*$": ("share",),
    r"\b(?:whatsapp|telegram) (?:channel|group)\b.{0,40}$": ("whatsapp ", "telegram "),
    r"\bterms (?:of (?:use|service)|and conditions)\b.{0,40}\bprivacy\b": ("privacy",),
    r"\bdoi\s*:\s*10\.\d{4,}/\S+$": ("doi",), r"\b(?:gamble|bet|play) responsibly\b": (" responsibly",),
    r"[.!?]\s+(?:sign up|subscribe|register)(?: now| today| here| free)?[.!]?$": ("sign up", "subscribe", "register"),
}
# (pattern, needles or None: always tried), in the order of BOILERPLATE_PATTERNS; a new unanchored pattern
# without its needles stops the import here rather than being tried everywhere unnoticed
_BOILERPLATE_TESTS = tuple((rx, None if rx.pattern.startswith("^") else _BOILERPLATE_NEEDLES[rx.pattern])
                           for rx in BOILERPLATE_PATTERNS)


def _boilerplate(text: str) -> str:
    """The match of the first pattern of :data:`BOILERPLATE_PATTERNS` that matches ``text`` ("" if none)."""
    folded = None
    for rx, needles in _BOILERPLATE_TESTS:
        if needles is not None:
            if folded is None:
                folded = ascii_fold(text)
            if not any(n in folded for n in needles):
                continue  # its words are not there: it cannot match
        m = rx.search(text)
        if m:
            return m.group()
    return ""


def _headline_shaped(block) -> bool:
    """A heading block; or a short line ending in ? or ! (a headline may ask), or in capitals without a full stop.

    The capitals case covers wire headlines that :func:`~corpus_tools.model.is_heading` refuses because they do
    not start with a letter ("<COFAB INC> BUYS GULFEX").
    """
    text = block.text
    if block.kind == "heading":
        return True
    if len(text.split()) > 20:
        return False
    letters = [c for c in text if c.isalpha()]
    return text.rstrip("'\"’”").endswith(("?", "!")) or (
        bool(letters) and all(c.isupper() for c in letters) and not text.rstrip().endswith((".", ",", ";", ":")))


def _publication_time(text: str) -> str:
    """The signal of a publication-time line: "Published ...", a date alone, or a line of bar- or dot-separated
    parts one of which is a time, a date or a read time ("New Delhi | Updated: Aug 5, 2026 10:41 IST")."""
    words = len(text.split())
    if words <= 14 and (sig := _match(_TIMESTAMP, text) or _match(_DATE_ONLY, text) or _match(_RELATIVE_TIME, text)):
        return sig
    if words <= 10 and (m := _PRINT_PAGE.match(text)) and _DATE_ONLY.match(m.group("date")):
        return text  # "Tue, Dec 01, 2026 page 2": the print edition's date and page
    if words > 24:
        return ""  # both tests below are for short lines (most blocks are paragraphs: no list or split for them)
    tokens = [t.strip(",") for t in text.split()]
    if (_CLOCK.search(text) and all(_TIME_WORD.match(t) for t in tokens if t)
            and any(_TIME_MARK.match(t) for t in tokens)):
        # a line of nothing but dates, times, zones and "Updated" (a clock time among them)
        return text
    parts = _TIME_SEPARATOR.split(text)
    if len(parts) < 2 or any(len(p.split()) > 10 for p in parts):
        return ""
    for p in parts:
        if _TIMESTAMP.match(p) or _DATE_ONLY.match(p) or BOILERPLATE_PATTERNS[0].match(p):
            return p
    return ""


def _label_run(blocks, pos: int) -> bool:
    """Block ``pos`` opens a run of one or two more section labels (:data:`_LABEL`) over a longer headline line.

    "WXYZ 5 News" / "Weather" / "Snow closes schools ...": each label is at most three capitalised words or
    numbers, and the line after the run has more words and no final full stop.
    """
    run = pos
    while run < len(blocks) and run - pos < 3 and (_LABEL.match(blocks[run].text.strip())
                                                   or (run > pos and _SECTION_PATH.match(blocks[run].text.strip()))):
        run += 1
    if run - pos < 2 or run >= len(blocks):
        return False
    after = blocks[run].text.strip()
    return len(after.split()) > 3 and len(after.split()) <= 30 and not after.endswith(".")


def _nav_bar(blocks, pos: int) -> bool:
    """Block ``pos`` is a site's masthead or navigation bar: parts cut by " | ", " / " or " · ".

    Three parts or more ("Club Site | Tickets | Shop", "SITE — News / Sport / Deals"), or two over a line of
    page furniture ("The Ledger | Serving the county since 1887" over "Subscribe | e-Edition"); each part at
    most eight words, no final full stop, no time in it (a time line cut by bars is a by-line), and a
    heading-shaped line (the headline) within the next four blocks.
    """
    text = blocks[pos].text.strip()
    if _word_menu(text):
        return any(_headline_shaped(blocks[k]) for k in range(pos + 1, min(pos + 5, len(blocks))))
    if not any(c in text for c in "|/·•") or text.endswith(".") or len(text.split()) > 30:
        return False
    parts = _NAV_SEPARATOR.split(text)
    if len(parts) < 2 or any(len(p.split()) > 8 for p in parts) or _publication_time(text):
        return False
    if len(parts) == 2 and not (pos + 1 < len(blocks) and _boilerplate(blocks[pos + 1].text)):
        return False
    return any(_headline_shaped(blocks[k]) for k in range(pos + 1, min(pos + 5, len(blocks))))


def _word_menu(text: str) -> bool:
    """A menu with no separators: 4 to 16 capitalised words and no sentence end, at least three of them and
    two thirds or more section names (:data:`_MENU_WORDS`), "Home" or "News" among them (a Title Case headline
    has verbs and function words).

    >>> _word_menu("Home News Business Sport Opinion Kiswahili E-Paper"), _word_menu("Home News Falls Silent")
    (True, False)
    """
    words = text.split()
    if not 4 <= len(words) <= 16 or text.endswith((".", "!", "?", ":")) or not all(w[0].isupper() for w in words):
        return False
    menu = [w.lower() in _MENU_WORDS for w in words]
    return sum(menu) >= 3 and 3 * sum(menu) >= 2 * len(words) and bool({"home", "news"} & {w.lower() for w in words})


def _site_name_over_nav_bar(blocks, pos: int) -> bool:
    """Block ``pos`` is a short line without a sentence end right over a navigation bar of three parts or more.

    A site prints its name (plain, or cut by a bar or a dash from its motto) above its menu, and the menu
    above the headline; a story's headline never stands over the menu (it may stand over a bar-cut event
    line, which is why a line under a menu already seen is no site name).  A sharing row ("Share | Email |
    Print") may follow a headline, so it is no menu here; an account menu ("Subscribe | Log in | Jobs") is.
    """
    text = blocks[pos].text.strip()
    if pos + 1 >= len(blocks) or len(text.split()) > 16 or text.endswith((".", "!", "?", ":")):
        return False
    if any(len(_NAV_SEPARATOR.split(b.text)) >= 3 for b in blocks[:pos]):
        # the site's menu is already above: what stands over a second bar-cut line ("Second round | Royal
        # Portrush | Par 72", an event's line) is the headline, not the site's name
        return False
    menu = blocks[pos + 1].text.strip()
    return (len(_NAV_SEPARATOR.split(menu)) >= 3 or _word_menu(menu)) and not _SHARE_ROW.search(menu) and _nav_bar(
        blocks, pos + 1)


def _byline_with_time(text: str) -> str:
    """A name and job title (:data:`_NAMED_BYLINE`) and then its publication-time line, run into one block
    ("Sarah Okafor, Senior Reporter Published: Sun 8 Jun 2026, 4:15 PM"): the name and title, else "".

    >>> _byline_with_time("Ann Lee, Senior Reporter Published: Sun 8 Jun 2026, 4:15 PM Last updated: 6:02 PM")
    'Ann Lee, Senior Reporter'
    """
    m = _TIME_LABEL_INSIDE.search(text)
    if m is None:
        return ""
    head, time = text[:m.start()], text[m.end():]
    # the time line may hold two stamps ("Published: ... Last updated: ..."): a date or a clock time in it will do
    dated = len(time.split()) <= 24 and (_CLOCK.search(time) or _DATE_IN_TEXT.search(time))
    return head if dated and len(head.split()) <= 8 and _NAMED_BYLINE.match(head) else ""


def _place_country(text: str) -> bool:
    """A place in capitals, a comma and a country or region in capitalised words, nothing else: "ORAVA,
    Slovakia" (a dateline without a date or dash; a heading has no comma after a word in capitals).

    >>> _place_country("ŽILINA, Slovakia"), _place_country("Žilina, Slovakia"), _place_country("ŽILINA")
    (True, False, False)
    """
    place, comma, country = text.partition(",")
    words = country.split()
    return bool(comma) and place.isupper() and 1 <= len(place.split()) <= 3 and 1 <= len(words) <= 3 and all(
        w[0].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)


def _short_parts_bar(text: str) -> bool:
    """Three or more parts cut by " | " (or "·", "•", "/"), each of at most four words."""
    parts = _NAV_SEPARATOR.split(text)
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def _interview(blocks) -> bool:
    """Some short question alone on its line (:data:`_SHORT_QUESTION`, at most 12 words) is put to "you": an
    interview, whose questions are paragraphs (a headline asking "what does it mean for you?" is longer)."""
    return any(len(b.text.split()) <= 12 and _SHORT_QUESTION.match(b.text) and _YOU.search(b.text) for b in blocks)


def _lone_name(text: str) -> bool:
    """Two or three capitalised words and nothing else ("Iain Ellison"): a by-line without "By"."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z][\w'’\-]*|[A-Z]\.", w) for w in words) and not any(
        w.lower() in _FUNCTION_WORDS or w.lower() in _NOT_NAME_WORDS for w in words)


def _bare_byline(text: str) -> bool:
    """A by-line without "By" (:data:`_BARE_BYLINE`), at most 10 words, no sentence end."""
    return len(text.split()) <= 10 and not text.endswith((".", "!", "?")) and _BARE_BYLINE.match(text) is not None


def _bylineish(text: str) -> bool:
    """A by-line, a publication time or a wire dateline alone in its block (what follows a headline)."""
    words = len(text.split())
    if _bare_byline(text) or _publication_time(text):
        return True
    if words <= 12 and _match(_BYLINE, text) and (not text.endswith(".") or _ABBREVIATION_END.search(text)):
        return True
    if words <= 8 and _NAMED_BYLINE.match(text):
        return True
    if words <= 16 and _SHIFT_BYLINE.match(text):
        return True
    if words <= 14 and (_TIMESTAMP.match(text) or _DATE_ONLY.match(text)):
        return True
    m = _DATELINE.match(text)
    return (m is not None and not text[m.end():].strip()) or _DATELINE_LINE.match(text) is not None


def _dateline_lead(text: str) -> bool:
    """A paragraph opening with a wire dateline ("MILLBROOK, N.Y. — The county ..."): the lead of a story."""
    m = _DATELINE.match(text)
    return m is not None and bool(m.group("date") or m.group("agency") or m.group("place").split(",")[0].isupper())


def _furniture(blocks, j: int) -> bool:
    """Block ``j`` is page furniture or a caption (what may stand between a standfirst and its by-line)."""
    text = blocks[j].text
    nxt = blocks[j + 1] if j + 1 < len(blocks) else None
    return len(text.split()) <= 40 and bool(
        _boilerplate(text) or _caption(text) or (nxt is not None and _CREDIT_ONLY.match(nxt.text)))


def _byline_ahead(blocks, pos: int) -> bool:
    """A by-line or dateline (alone, or opening the lead) comes after block ``pos`` with only furniture and
    captions between (at most 4)."""
    for j in range(pos + 1, min(pos + 6, len(blocks))):
        if _bylineish(blocks[j].text) or _dateline_lead(blocks[j].text):
            return True
        if _lone_name(blocks[j].text) and j + 1 < len(blocks) and (
                _publication_time(blocks[j + 1].text) or (
                    _JOB_TITLE_LINE.match(blocks[j + 1].text) and j + 2 < len(blocks)
                    and _publication_time(blocks[j + 2].text))):
            # "Ann Lee" over "Tuesday 3 March 2026 10:14" (or over "Reporter", then the time): a by-line without "By"
            return True
        if not _furniture(blocks, j):
            return False
    return False


def _normal_line(text: str) -> str:
    return " ".join(text.split()).casefold()


def recurring_lines(data, *, min_count: int = 3, max_words: int = 12) -> dict[str, int]:
    """Short lines that recur across the articles of a corpus: page furniture the patterns do not know.

    Parameters
    ----------
    data : Corpus, Article or iterable of Article
    min_count : int
        A line (white space normalised, case-folded) is kept when it is the
        whole of a block in at least ``min_count`` different articles.
    max_words : int
        Longer blocks are never taken for furniture (a wire paragraph
        repeated in two stories is text).

    Returns
    -------
    dict
        ``{line: number of articles}``, in first-seen order.

    Examples
    --------
    >>> arts = [Article.from_text(f"Story {i} text here.\\n\\nLoad Comments", id=str(i)) for i in range(3)]
    >>> recurring_lines(arts)
    {'load comments': 3}
    """
    if min_count < 2:
        raise ValueError(f"min_count must be >= 2 for a line to recur, not {min_count}")
    seen: Counter = Counter()
    for article in as_articles(data):
        seen.update({_normal_line(b.text) for b in article.blocks if len(b.text.split()) <= max_words})
    return {line: n for line, n in seen.items() if n >= min_count}


def block_roles(article: Article, *, recurring: Mapping[str, int] | Iterable[str] = (),
                neighbourhood: int = 1) -> list[BlockRole]:
    """The role of every block of ``article``, in text order (rules: see the module docstring).

    Parameters
    ----------
    article : Article
    recurring : mapping or iterable of str
        Lines (normalised as by :func:`recurring_lines`) to take for
        boilerplate wherever they appear.
    neighbourhood : int
        Passed to :func:`~corpus_tools.structure.headings.classify_headings`
        to tell links from subheadings.

    Examples
    --------
    >>> a = Article.from_text("OIL PRICES FALL\\n\\nHOUSTON, March 2 - Prices fell.\\n\\nThey fell again.\\n\\nReuter",
    ...                       id="x")
    >>> [(r.role, r.reason) for r in block_roles(a)]  # doctest: +NORMALIZE_WHITESPACE
    [('headline', 'first heading-shaped block before the body'), ('lead', 'first body paragraph'),
     ('paragraph', 'body paragraph'), ('signoff', 'agency sign-off or credits')]
    >>> block_roles(a)[1].dateline
    'HOUSTON, March 2 -'
    """
    recurring = set(recurring)
    heading_kinds = {h.block: h for h in classify_headings(article, neighbourhood)}
    blocks = article.blocks
    out: list[BlockRole] = []
    seen_headline = seen_body = seen_chapter_body = False
    title = _normal_line(article.title) if article.title else None
    memo: dict[str, bool] = {}  # what is computed once per article, when a block first needs it
    for pos, block in enumerate(blocks):
        text, kind = block.text, block.kind
        nxt = blocks[pos + 1] if pos + 1 < len(blocks) else None
        dateline = ""

        def role(name: str, reason: str, signal: str = "", _block=block, _dateline="") -> BlockRole:
            return BlockRole(_block.index, _block.kind, name, reason, signal, _dateline)

        words = len(text.split())
        prev_text = blocks[pos - 1].text if pos else ""
        if (sig := _match(_CHAPTER, text)) and is_chapter_block(block):
            r = role("chapter", "chapter or part heading", sig)
            seen_chapter_body = False
        elif seen_headline and not seen_body and words <= 16 and (m := _CREDIT_BYLINE.match(text)):
            # "Compiled by Gazette staff from police reports" under the headline: the credits open the story
            r = role("byline", "credit line between the headline and the body", m.group())
        elif words <= 30 and (sig := _anywhere_search(_SIGNOFF, text, _SIGNOFF_NEEDLES)):
            r = role("signoff", "agency sign-off or credits", sig)
        elif seen_body and words <= 80 and (m := _CONTACT_BOX.match(text)):
            r = role("signoff", "a wire's contact box for the reporters or editors", m.group())
        elif seen_body and words <= 3 and (m := _DESK_INITIALS.match(text)):
            r = role("signoff", "a wire desk's initials closing the story", m.group())
        elif seen_body and words == 1 and (m := _EMAIL_ALONE.match(text)):
            r = role("signoff", "the reporter's e-mail address alone, after the body", m.group())
        elif (seen_body and nxt is None and words <= 2 and out and out[-1].role == "signoff"
              and _LONE_AGENCY.match(text)):
            # "Lusa" under the desk's initials: the agency's name, the last line of its copy
            r = role("signoff", "a name alone after the sign-off, ending the story", text)
        elif words <= 40 and (m := _COPYRIGHT_CREDIT.search(text)):
            # (before the furniture test: "©" alone is a page's copyright line, a sentence before it makes a caption)
            r = role("caption", "a sentence with the photographer's copyright credit", m.group())
        elif ((words <= 30 and (sig := _boilerplate(text)))
              or (words <= 80 and (sig := _anywhere_search(_LONG_BOILERPLATE, text, _LONG_BOILERPLATE_NEEDLES)))):
            r = role("boilerplate", "page furniture pattern", sig)
        elif _normal_line(text) in recurring:
            r = role("boilerplate", "line recurring across the corpus", _normal_line(text))
        elif (out and out[-1].role == "boilerplate" and words <= 12 and not text.endswith((".", "!", "?"))
              and (_TOPICS_LABEL.search(prev_text) or out[-1].reason == "topic tags after a topics label")):
            r = role("boilerplate", "topic tags after a topics label", prev_text)
        elif (not seen_headline and not seen_body and out and all(o.role == "boilerplate" for o in out)
              and nxt is not None and _ISSUER_LINE.match(text) and _headline_shaped(nxt)):
            # "Ministry of Transport and Infrastructure" between a release's labels and its headline: who issued it
            r = role("boilerplate", "the issuing body's name above a release's headline", text)
        elif (not seen_headline and not seen_body and all(o.role == "boilerplate" for o in out)
              and title != _normal_line(text) and _site_name_over_nav_bar(blocks, pos)):
            # "The Valley Gazette" over "Home | News | Sport | Obituaries": the page's name, not its headline
            r = role("boilerplate", "site name over its navigation bar", text)
        elif (not seen_headline and not seen_body and all(o.role == "boilerplate" for o in out)
              and title != _normal_line(text) and _label_run(blocks, pos)):
            # "WXYZ 5 News" / "Weather" / the headline; "Opinion" / "Contributor" / the headline
            r = role("boilerplate", "run of section labels above the headline", text)
        elif (not seen_headline and not seen_body and words <= 3 and kind == "heading" and nxt is not None
              and (_headline_shaped(nxt) or (
                  # a headline that opens with a quotation is no heading block: a by-line ahead tells it
                  nxt.text[:1] in "'\"‘“" and len(nxt.text.split()) <= 20 and not nxt.text.rstrip().endswith(".")
                  and _byline_ahead(blocks, pos + 2)))
              and len(nxt.text.split()) > words and title != _normal_line(text)
              and not (out and out[-1].reason.startswith("section label") and text != text.title()
                       and not _LABEL.match(text))):
            # (a line with a lower-case word under a label is the headline: "Obituaries" / "Ann Lee obituary")
            # (the headline under the label may ask a question: no heading block, but heading-shaped)
            r = role("boilerplate", "section label above the headline", text)
        elif (not seen_headline and not seen_body and all(o.role == "boilerplate" for o in out)
              and nxt is not None and title != _normal_line(text) and (
                  _BREADCRUMB.match(text) or (words <= 2 and text.isupper() and len(nxt.text.split()) > words
                                              and len(nxt.text.split()) <= 30))):
            # "Home / World / Asia", or "NEWS" over a headline that is no heading block (it ends in a quote)
            r = role("boilerplate", "breadcrumb or section label above the headline", text)
        elif (not seen_headline and not seen_body and all(o.role == "boilerplate" for o in out)
              and nxt is not None and title != _normal_line(text) and (
                  _SECTION_PATH_WORDS.match(text) or _nav_bar(blocks, pos))):
            # "NEWS / WOMEN'S TEAM" over the headline; "Club Site — Official | Tickets | Shop" at the top of a page
            r = role("boilerplate", "masthead, navigation bar or section path above the headline", text)
        elif (words <= 60 and out and out[-1].role == "boilerplate" and prev_text[:1].isdigit()
              and (m := _GALLERY_COUNTER.match(prev_text))):
            # a photo gallery's "3 of 8" counter, then the picture's caption (with no credit of its own)
            r = role("caption", "after a gallery's picture counter", m.group())
        elif words <= 40 and (sig := _caption(text)):
            r = role("caption", "photo caption or credit", sig)
        elif (seen_headline or seen_body) and words <= 40 and nxt is not None and not _LINK_LABEL.match(text) and (
                sig := _match(_CREDIT_ONLY, nxt.text)):  # (a headline over a bare credit stays the headline)
            r = role("caption", "above its photo credit line", sig)
        elif words <= 12 and (not text.endswith(".") or _ABBREVIATION_END.search(text)) and (
                sig := _match(_BYLINE, text)):
            r = role("byline", "by-line", sig)
        elif not seen_body and words <= 8 and _NAMED_BYLINE.match(text):
            r = role("byline", "name, then a job title or handle", text)
        elif not seen_body and seen_headline and _bare_byline(text):
            r = role("byline", "name with an outlet, place or co-author, or an agency credit", text)
        elif words <= 16 and _SHIFT_BYLINE.match(text):
            r = role("byline", "authors with their shifts (now / earlier)", text)
        elif (not seen_body and seen_headline and _lone_name(text) and next(
                (o.role for o in reversed(out) if o.role not in ("boilerplate", "caption")), "") in (
                "headline", "standfirst", "byline")):
            r = role("byline", "a name alone on its line under the headline, standfirst or a time line", text)
        elif sig := _publication_time(text):
            r = role("byline", "publication time", sig)
        elif (seen_headline and not seen_body and words <= 16 and not text.endswith((".", "!", "?"))
              and (m := _NAME_THEN_DATE.match(text))):
            r = role("byline", "a name and its publication date in one line", m.group())
        elif seen_headline and not seen_body and words <= 16 and (m := _DATE_THEN_BYLINE.match(text)):
            r = role("byline", "the publication date, then the writer (and the comment count)", m.group())
        elif seen_headline and not seen_body and nxt is not None and nxt.kind == "paragraph" and _place_country(text):
            # "ORAVA, Slovakia" alone over the lead: the wire's dateline in its own block, with no date or dash
            r = role("dateline", "a place in capitals and its country alone in their block", text)
        elif (seen_headline and not seen_body and words <= 3 and out and out[-1].role == "byline" and nxt is not None
              and nxt.kind == "paragraph" and _PLACE_CAPS.match(text)):
            # "PORT VILA" alone between the by-line and the lead: the wire's dateline in its own block
            r = role("dateline", "a place in capitals alone between the by-line and the lead", text)
        elif not seen_body and seen_headline and words <= 30 and (sig := _byline_with_time(text)):
            r = role("byline", "name and job title with the publication time in one block", sig)
        elif not seen_body and out and out[-1].role == "byline" and (
                _HANDLE.match(text) or (words <= 6 and _OUTLET_LINE.match(text))
                or (words <= 4 and _JOB_TITLE_LINE.match(text))):
            # under a by-line: the writer's handle ("@annlee"), outlet and place ("Valley News, Rome") or job title
            r = role("byline", "handle, outlet or place under the by-line", text)
        elif (m := _DATELINE.match(text)) and not text[m.end():].strip() and (
                m.group("date") or m.group("agency") or m.group("place").split(",")[0].isupper()):
            r = role("dateline", "wire dateline alone in its block", m.group())
        elif text.endswith(("-", "–", "—")) and _RELEASE_DATELINE.match(text):
            r = role("dateline", "a press-release wire's dateline alone in its block", text)
        elif not seen_body and _OUTLET_DATELINE.match(text):
            r = role("dateline", "place and outlet alone in their block", text)
        elif not seen_body and _DATELINE_LINE.match(text):
            r = role("dateline", "place and date alone in their block", text)
        elif title is not None and _normal_line(text) == title and not seen_body:
            r = role("headline", "equals the article's title", text)
            seen_headline = True
        elif not seen_headline and not seen_body and _headline_shaped(block) and not _ENDS_IN_DASH.search(text):
            r = role("headline", "first heading-shaped block before the body", text)
            seen_headline = True
        elif (not seen_headline and not seen_body and words <= 20 and all(o.role == "boilerplate" for o in out)
              and nxt is not None and _bylineish(nxt.text)):
            # "Tylan stock jumps; weighs sale of company." above "SAN DIEGO 1996-08-20": its full stop
            # makes it no heading block, but a short first line over a by-line or dateline is the headline
            r = role("headline", "short first block above a by-line or dateline", text)
            seen_headline = True
        elif (not seen_headline and not seen_body and words <= 20 and all(o.role == "boilerplate" for o in out)
              and not text.rstrip().endswith(".") and nxt is not None and len(nxt.text.split()) <= 40
              and _byline_ahead(blocks, pos + 1)):
            # "'We won't give up,' says mum" (a quotation opens it: no heading block), a standfirst, a by-line
            r = role("headline", "short first line above a standfirst and a by-line", text)
            seen_headline = True
        elif (seen_headline or seen_body) and " the " not in text and entry_run(text):
            # (" the " is a function word, so entry_run would say no: the substring test spares most body
            # paragraphs the call)
            # "LEADERBOARD (after 36 holes) 1 Ann Lee (FRA) -12 T2 ...", "Top prices: ... – £168 (Glenbuck) ...":
            # a table's lines joined into one block, under the headline or in the body (never the lead,
            # nor a standfirst: a short one is a heading block)
            r = role("list", "run of ranked, timed or priced entries", text[:20])
        elif (seen_headline and not seen_body and kind == "heading" and 6 <= words <= 40
              and any(o.role == "byline" for o in out)
              and not text.rstrip().endswith((":", "?")) and not (nxt is not None and _BYLINE.match(nxt.text))
              and not (out[-1].role == "boilerplate" and _LINK_INTRO.match(prev_text))):
            # between the by-line and the body a heading-shaped line of six words or more is no standfirst but a
            # photo's caption with no credit: "Lena Marsh, 44, holds her winning loaf outside the bakery"
            r = role("caption", "a line under the by-line, before the body", text[:40])
        elif (seen_headline and not seen_body and kind == "heading" and out and out[-1].role == "headline"
              and _short_parts_bar(text)):
            # "Second round | Royal Portrush | Par 72" under the headline: an event's facts, cut by bars (a
            # standfirst is a sentence, and a time line cut by bars was a by-line above)
            r = role("boilerplate", "a line of short bar-cut parts under the headline", text)
        elif seen_headline and not seen_body and (
                (kind == "heading" and not _ENDS_IN_DASH.search(text) and not any(o.role == "byline" for o in out))
                or (
                nxt is not None and words <= 40 and (_match(_BYLINE, nxt.text) or _DATELINE.match(nxt.text)
                                                     or _byline_ahead(blocks, pos)))
                and out and out[-1].role == "headline"):
            r = role("standfirst", "summary line between headline and body", text)
        elif seen_body and out and ((out[-1].role == "boilerplate" and _SOURCES_LABEL.match(prev_text))
                                    or out[-1].reason == "entries under a sources label"):
            # 'Ann Lee. "Title" — Outlet, March 17, 2026 ...' under "Sources", one block or one block each: the
            # entries of the label's list
            r = role("list", "entries under a sources label", out[-1].signal if out[-1].role == "list" else prev_text)
        elif seen_body and words <= 12 and _CAPS_QUESTION.match(text):
            r = role("subheading", "question in capitals", text)
        elif (words <= 12 and (seen_body or (seen_headline and any(o.role == "byline" for o in out)))
              and _SHORT_QUESTION.match(text) and nxt is not None and nxt.kind == "paragraph"
              and len(nxt.text.split()) > words and not prev_text.rstrip().endswith(":")
              and not any(o.role == "chapter" for o in out)
              and not (memo["interview"] if "interview" in memo else memo.setdefault("interview", _interview(blocks)))):
            # an explainer's question over its answer ("What is it?" / "A battery passport is ..."); in an
            # interview ("Will you finish by 2030?") the questions are paragraphs, in a novel a question is text
            r = role("subheading", "short question over a longer paragraph", text)
        elif seen_body and words <= 30 and (sig := _match(_SCORE_BOX, text)):
            r = role("list", "review score box", sig)
        elif seen_body and table_row(text):
            r = role("list", "table row: a third of its words numbers", text[:20])
        elif (seen_body and kind == "heading" and words <= 8 and nxt is not None and table_row(nxt.text)
              and not any(c.isdigit() for c in text) and (prev_text.rstrip().endswith((":", "-", "–", "—"))
                                                          or (out and out[-1].reason.startswith("table row")))):
            r = role("list", "table header: above a table row, after a row or an introducing line", text[:20])
        elif (seen_body and words <= 10 and (m := _QUOTED_LINE.match(text)) and nxt is not None
              and nxt.kind == "paragraph" and out and out[-1].role in ("lead", "paragraph", "byline")):
            # "'Heavy rain'" between two paragraphs (or under a live blog's entry time): a subheading quoting the
            # paragraph under it
            r = role("subheading", "quoted words alone on their line, between paragraphs", m.group("words"))
        elif seen_body and words <= 80 and (m := _INLINE_LIST.match(text)):
            r = role("list", "a label and its bullets in one block", m.group()[:40])
        elif (seen_body and words <= 80 and ": " in text and not any(c in text for c in ".!?")
              and text[:1] not in "'\"‘“" and len(_FACT_ITEM.findall(text)) >= 3
              and not _FACT_ITEM.match(text)):
            # "Project data Architect: ... Client: ... Flats: 214 ...": a label, then its items (a speaker's turn
            # "Ann: ..." opens with its label; a sentence has a full stop)
            r = role("list", "a fact box: a label and three or more 'Label: value' items", text[:40])
        elif seen_body and words <= 120 and (m := _NUMBERED_RUN.match(text)):
            # "1. Ann Lee (Fra) 4:12:38 2. Bo Li (Bel) +0:02 3. ...": a results table run into one block
            r = role("list", "numbered items run into one block", m.group()[:40])
        elif seen_body and words <= 3 and _COLON_LABEL.match(text) and nxt is not None and nxt.kind == "paragraph":
            # a press release's "Quick Facts:" or "Learn More:" over the paragraphs it labels
            r = role("subheading", "a capitalised label ending in a colon, over a paragraph", text)
        elif seen_body and (m := _END_MARK.search(text)):
            r = role("paragraph", "a body sentence closed by a wire's end mark", m.group())
        elif seen_body and (m := _LIFE_DATES.match(text)):
            # "Ann Lee, librarian, born 3 May 1934; died 14 December 2025": an obituary's closing line, its text
            r = role("paragraph", "an obituary's life-dates line", m.group()[:40])
        elif kind == "heading" and not _ENDS_IN_DASH.search(text):
            h = heading_kinds.get(block.index)
            after_intro = bool(out) and ((out[-1].role == "boilerplate" and _LINK_INTRO.match(prev_text))
                                         or out[-1].reason == "heading after a related-stories line")
            if sig := _match(_LINK_LABEL, text):
                r = role("link", "link label", sig)
            elif (after_intro and out[-1].role == "link" and words <= 4 and not (h is not None and h.predicate)
                  and nxt is not None and nxt.kind == "paragraph"):
                # "Related" / a linked headline / "The camera": a short noun phrase over a paragraph ends the run
                r = role("subheading", "short heading over a paragraph, after the related-stories run", text)
            elif after_intro:
                r = role("link", "heading after a related-stories line", out[-1].signal if out[-1].role == "link"
                         else prev_text)
            elif h is not None and h.kind == "link":
                r = role("link", h.reason, h.source or h.predicate or h.prefix)
            elif not seen_body:
                r = role("subheading", "heading before the body", text)
            else:
                r = role("subheading", h.reason if h else "heading", text)
        elif _BULLET.match(text):
            r = role("list", "bulleted line", text[:2])
        elif (seen_body and out and out[-1].role == "boilerplate" and _LINK_INTRO.match(prev_text) and words <= 25
              and not text.rstrip().endswith(".")):
            # "Read more:" alone, then the linked headline (a question, not a heading block)
            r = role("link", "headline after a related-stories line", prev_text)
        elif (out and out[-1].role in ("chapter", "epigraph") and not seen_chapter_body and words <= 60 and (
                _ATTRIBUTION.match(text) or (nxt is not None and _ATTRIBUTION.match(nxt.text)
                                             and len(nxt.text.split()) <= 8))):
            r = role("epigraph", "before the chapter's first paragraph, with an attribution line",
                     (text if _ATTRIBUTION.match(text) else nxt.text)[:40])
        else:
            m = _DATELINE.match(text)
            if m and (m.group("date") or m.group("agency") or m.group("place").split(",")[0].isupper()):
                dateline = m.group()
            name, reason = ("lead", "first body paragraph") if not seen_body else ("paragraph", "body paragraph")
            if _ENDS_IN_DASH.search(text) and kind == "heading":
                reason += " (heading-shaped, but ends in a dash: an interrupted line)"
            r = role(name, reason, dateline, _dateline=dateline)
            seen_body = True
            seen_chapter_body = True
        out.append(r)
    # a subheading with no body text after it, only furniture to the end ("Elsewhere in the league" over
    # "Share page"): a label of the page, not a section of the story
    first_body = next((i for i, o in enumerate(out) if o.role in BODY_ROLES), len(out))
    for i in range(len(out) - 1, first_body, -1):
        if out[i].role in BODY_ROLES and out[i].role != "subheading":
            break
        if (out[i].role == "subheading" and out[i - 1].role == "link" and blocks[i].kind == "heading"
                and len(blocks[i].text.split()) >= 5):
            # "More local news: County board delays vote" / "Girls edge rivals in overtime": the run of linked
            # headlines goes on (a label of two to four words, "Around the grounds", is the page's)
            out[i] = replace(out[i], role="link", reason="heading after a link, with no body text after it",
                             signal=blocks[i - 1].text[:40])
        elif out[i].role == "subheading":
            out[i] = replace(out[i], role="boilerplate", reason="heading with no body text after it",
                             signal=blocks[i].text[:40])
    # a writer's bio as the last paragraph ("Jane Roe is a columnist ..."): a sign-off, not the story
    last = next((i for i in range(len(out) - 1, -1, -1) if out[i].role in BODY_ROLES), None)
    if (last is not None and out[last].role == "paragraph" and len(blocks[last].text.split()) <= 50
            and (m := _BIO.match(blocks[last].text))):
        out[last] = replace(out[last], role="signoff", reason="writer's bio closing the article", signal=m.group())
    return out


BLOCK_ROLE_COLUMNS = ["article", "block", "kind", "role", "section", "words", "text", "reason", "signal",
                      "dateline"]


def block_role_table(data, *, min_count: int | None = 3, neighbourhood: int = 1,
                     recurring: Mapping[str, int] | None = None) -> pd.DataFrame:
    """Every block with its role and the signals that decided it.

    Parameters
    ----------
    data : Corpus, Article or iterable of Article
    min_count : int or None
        Lines that are a whole block in at least ``min_count`` articles are
        boilerplate (:func:`recurring_lines`); None turns the corpus-level
        detector off.
    neighbourhood : int
        See :func:`~corpus_tools.structure.headings.classify_headings`.
    recurring : mapping, optional
        The corpus-level lines, already computed (:func:`recurring_lines`
        of the whole corpus, ``min_count`` then unused): the token dataset's
        workers see a batch of articles, not the corpus, so the lines are
        found once before they start.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BLOCK_ROLE_COLUMNS`: ``kind`` is the block's
        :attr:`~corpus_tools.model.blocks.Block.kind`; ``role`` one of
        :data:`BLOCK_ROLES`; ``section`` the body section the block belongs
        to (0 = the lead section; -1 for a block outside the body, see
        :func:`corpus_tools.structure.body.body_sections`); ``words``
        white-space separated words; ``reason`` the rule; ``signal`` the
        text that triggered it; ``dateline`` a dateline found in front of a
        paragraph.  Rows: corpus order, then block order.

    Examples
    --------
    >>> a = Article.from_text("NEWS\\n\\nDam holds after storm\\n\\nBy Ann Lee\\n\\nThe dam held.\\n\\nLoad Comments",
    ...                       id="x")
    >>> block_role_table(a)[["role", "section", "signal"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['boilerplate', -1, 'NEWS'], ['headline', -1, 'Dam holds after storm'], ['byline', -1, 'By Ann'],
     ['lead', 0, ''], ['boilerplate', -1, 'Load Comments']]
    """
    articles = as_articles(data)
    if recurring is None:
        recurring = recurring_lines(articles, min_count=min_count) if min_count is not None else {}
    rows = []
    for a in articles:
        roles = block_roles(a, recurring=recurring, neighbourhood=neighbourhood)
        for r, section in zip(roles, role_sections_of(roles), strict=True):
            rows.append((a.id, r.block, r.kind, r.role, section, len(a.blocks[r.block].text.split()),
                         a.blocks[r.block].text, r.reason, r.signal, r.dateline))
    df = pd.DataFrame(rows, columns=BLOCK_ROLE_COLUMNS)
    return df.astype({"block": "int64", "section": "int64", "words": "int64"})


def role_sections_of(roles: list[BlockRole]) -> list[int]:
    """The body section of each block (-1 outside the body): section 0 is the lead, each opener starts the next.

    >>> r = [BlockRole(0, "heading", "headline", "", "", ""), BlockRole(1, "paragraph", "lead", "", "", ""),
    ...      BlockRole(2, "heading", "subheading", "", "", ""), BlockRole(3, "paragraph", "signoff", "", "", "")]
    >>> role_sections_of(r)
    [-1, 0, 1, -1]
    """
    out, section = [], 0
    for r in roles:
        if r.role in SECTION_ROLES:
            section += 1
        out.append(section if r.role in BODY_ROLES else -1)
    return out


def headline(article: Article, *, recurring: Iterable[str] = ()) -> str | None:
    """The article's title, or else the text of its headline block (None when it has neither).

    >>> headline(Article.from_text("Dam holds after storm\\n\\nThe dam held.", id="x"))
    'Dam holds after storm'
    """
    if article.title:
        return article.title
    return next((article.blocks[r.block].text for r in block_roles(article, recurring=recurring)
                 if r.role == "headline"), None)


def promote_headlines(data, *, min_count: int | None = 3) -> Corpus:
    """The corpus with each untitled article's headline promoted to its title (the blocks stay as they are).

    >>> c = promote_headlines([Article.from_text("Dam holds\\n\\nThe dam held.", id="x")])
    >>> c[0].title
    'Dam holds'
    """
    articles = as_articles(data)
    recurring = recurring_lines(articles, min_count=min_count) if min_count is not None and articles else {}
    return Corpus([a if a.title else replace(a, title=headline(a, recurring=recurring)) for a in articles])
