"""Block roles and body sections: the failures of issue 13 on wire stories, web pages and novels, pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
from structure_sets import bench_structure

import corpus_tools as ct
from corpus_tools.structure import (
    BLOCK_ROLES,
    block_role_table,
    body_section_table,
    body_sections,
    body_token_table,
    headline,
    promote_headlines,
    recurring_lines,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "structure"


@pytest.fixture(scope="module")
def devset():
    return bench_structure().load_devset(DATA)  # read as the loader reads a .txt file


@pytest.fixture(scope="module")
def roles(devset):
    return block_role_table(devset[0])


def art(text: str, id: str = "x") -> ct.Article:
    return ct.Article.from_text(text, id=id)


def test_every_block_of_the_devset_gets_its_annotated_role(devset, roles):
    corpus, ann = devset
    assert set(roles["role"]) <= set(BLOCK_ROLES)
    for a in corpus:
        assert roles.loc[roles["article"] == a.id, "role"].tolist() == ann[a.id]["roles"], a.id


def test_reuters_headline_is_no_subheading_or_link_and_reuter_opens_no_section(devset, roles):
    wire = roles[roles["article"].str.startswith("news/reuters")]
    first = wire.groupby("article").head(1)
    assert len(first) == 30 and (first["role"] == "headline").all()
    # the example: read as a link ("source after colon") though it has no colon
    opec = wire[(wire["article"] == "news/reuters-crude-00002.txt") & (wire["block"] == 0)].iloc[0]
    assert (opec["role"], opec["reason"]) == ("headline", "first heading-shaped block before the body")
    last = wire.groupby("article").tail(1)
    assert (last["role"] == "signoff").all() and set(last["signal"]) == {"Reuter", "REUTER"}
    assert (last["section"] == -1).all()
    sections = body_section_table([a for a in devset[0] if "reuters" in a.id])
    # one body section per story: the lead, never empty, and no empty section after it
    assert len(sections) == 30 and (sections["kind"] == "lead").all() and (sections["paragraphs"] > 0).all()
    assert (sections["first_block"] == 1).all()


def test_datelines_inline_and_alone(roles):
    leads = roles[(roles["role"] == "lead") & roles["article"].str.startswith("news/")]
    datelines = dict(zip(leads["article"], leads["dateline"], strict=True))
    assert datelines["news/reuters-acq-00005.txt"] == "HOUSTON, Feb 26 -"
    assert datelines["news/reuters-acq-00007.txt"] == "New York, Feb 26 -"  # a place in title case
    assert datelines["news/web-flood-barrier.txt"] == "THORNBURY, England (Reuters) -"
    assert datelines["news/web-chip-plant.txt"] == "COLUMBUS, Ohio, March 4 (Reuters) -"
    alone = roles[roles["role"] == "dateline"]
    assert alone[["article", "block", "signal"]].values.tolist() == [
        ["news/web-court-ruling.txt", 2, "GREENBELT, Md --"]]
    # the bare dateline does not empty the lead: the paragraph after it is the lead
    court = roles[roles["article"] == "news/web-court-ruling.txt"]
    assert court.loc[court["block"] == 3, "role"].item() == "lead"


def test_page_furniture_signals(roles):
    web = roles[roles["article"] == "news/web-flood-barrier.txt"].set_index("block")
    assert web.loc[0, ["role", "reason"]].tolist() == ["boilerplate", "section label above the headline"]
    assert web.loc[2, ["role", "signal"]].tolist() == ["byline", "By Alice"]
    assert web.loc[3, ["role", "reason"]].tolist() == ["byline", "publication time"]
    assert web.loc[4, ["role", "signal"]].tolist() == ["boilerplate", "3 min read"]
    assert web.loc[10, ["role", "signal"]].tolist() == ["caption", "(Photo: Tom Reyes/Reuters)"]
    assert web.loc[12, ["role", "reason"]].tolist() == ["link", "link label"]
    assert web.loc[15, ["role", "signal"]].tolist() == ["signoff", "Reporting by"]
    assert web.loc[17, ["role", "signal"]].tolist() == ["boilerplate", "Load Comments"]
    storm = roles[roles["article"] == "news/web-governor-storm.txt"].set_index("block")
    assert storm.loc[1, ["role", "signal"]].tolist() == ["boilerplate", "ADVERTISEMENT"]
    chip = roles[roles["article"] == "news/web-chip-plant.txt"].set_index("block")
    assert chip.loc[13, ["role", "reason", "signal"]].tolist() == [
        "link", "heading after a related-stories line", "Recommended"]


def test_novel_chapters_and_title(devset, roles):
    book = roles[roles["article"] == "books/pride-and-prejudice-ch01.txt"]
    assert book["role"].tolist()[:4] == ["headline", "byline", "chapter", "lead"]
    assert book.loc[book["role"] == "chapter", "signal"].tolist() == ["Chapter 1"]
    corpus = promote_headlines(devset[0])
    assert corpus["books/pride-and-prejudice-ch01.txt"].title == "PRIDE AND PREJUDICE"
    assert corpus["news/reuters-crude-00002.txt"].title == "OPEC MAY HAVE TO MEET TO FIRM PRICES - ANALYSTS"
    secs = body_sections(corpus["books/pride-and-prejudice-ch01.txt"])
    assert [(s.index, s.kind, s.heading.text if s.heading else None, len(s.paragraphs)) for s in secs] == [
        (0, "lead", None, 0), (1, "chapter", "Chapter 1", 34)]


def test_epigraph_list_and_interrupted_speech():
    a = art("CHAPTER IV\n\nAll the world's a stage.\n\n-- Shakespeare\n\nThe play began.\n\n"
            "- first item\n\nThen he said\n\nI wonder whether--\n\nNothing.")
    t = block_role_table(a)
    assert t["role"].tolist() == ["chapter", "epigraph", "epigraph", "lead", "list", "subheading", "paragraph",
                                  "paragraph"]
    assert "ends in a dash" in t.loc[6, "reason"]


def test_recurring_lines_are_boilerplate_across_the_corpus():
    texts = [f"Story {i}\n\nBody text number {i} here.\n\nMore from the Valley Gazette team" for i in range(4)]
    arts = [art(t, id=str(i)) for i, t in enumerate(texts)]
    assert recurring_lines(arts) == {"more from the valley gazette team": 4}
    t = block_role_table(arts)
    assert t.loc[t["block"] == 2, "role"].tolist() == ["boilerplate"] * 4
    assert t.loc[t["block"] == 2, "reason"].tolist() == ["page furniture pattern"] * 4
    texts = [f"Story {i}\n\nBody text number {i} here.\n\nThe Valley Gazette team" for i in range(4)]
    t = block_role_table([art(x, id=str(i)) for i, x in enumerate(texts)])
    assert t.loc[t["block"] == 2, "reason"].tolist() == ["line recurring across the corpus"] * 4
    # below min_count (or with the detector off) the line is no recurring line: here, the last block, it is a
    # heading with no body text after it (rules4), and with a paragraph after it a subheading of the body
    off = block_role_table([art(x, id=str(i)) for i, x in enumerate(texts)], min_count=None)
    assert off.loc[2, ["role", "reason"]].tolist() == ["boilerplate", "heading with no body text after it"]
    assert block_role_table([art(x + "\n\nMore text here.", id=str(i)) for i, x in enumerate(texts)],
                            min_count=None).loc[2, "role"] == "subheading"
    with pytest.raises(ValueError, match="min_count must be >= 2"):
        recurring_lines(arts, min_count=1)


def test_body_tokens_leave_furniture_out(devset):
    a = devset[0]["news/web-flood-barrier.txt"]
    toks = body_token_table(a)
    plain = ct.token_table(a, {"boilerplate": True})
    assert set(toks["role"]) == {"lead", "paragraph", "link"}
    assert "comments" in set(plain["norm"]) and "comments" not in set(toks["norm"])
    assert "editing" not in set(toks["norm"]) and "marden" in set(plain["norm"])
    kept = body_token_table(a, keep_boilerplate=True)
    # (the lead's dateline "THORNBURY, England (Reuters) -" is outside the body too: its tokens' role is "dateline")
    assert len(kept) == len(plain) and set(kept.loc[kept["section"] == -1, "role"]) == {
        "boilerplate", "headline", "byline", "caption", "signoff", "dateline"}
    # the READ MORE link opens section 1
    assert sorted(set(toks["section"])) == [0, 1]


def test_headline_and_empty_articles():
    assert headline(art("")) is None
    assert headline(art("Just prose here.")) is None
    assert headline(art("Body.", id="x")) is None
    assert headline(ct.Article.from_text("Dam holds\n\nText.", id="x", title="Given")) == "Given"
    assert block_role_table(art("")).empty
    assert body_section_table(art("")).values.tolist() == [["x", 0, "lead", None, -1, -1, -1, 0, 0]]
    # a given title equal to the first block makes that block the headline, even if it reads as prose
    t = block_role_table(ct.Article.from_text("Dam holds.\n\nText.", id="x", title="Dam holds."))
    assert t[["role", "reason"]].values.tolist()[0] == ["headline", "equals the article's title"]


def test_seed_roles_keep_its_four_headings(seed_corpus):
    t = block_role_table(seed_corpus)
    assert t.loc[t["kind"] == "heading", ["block", "role"]].values.tolist() == [
        [17, "link"], [23, "link"], [27, "subheading"], [30, "link"]]
    assert t["role"].tolist().count("lead") == 1 and t.loc[0, "role"] == "lead"
    assert body_section_table(seed_corpus)["paragraphs"].tolist() == [17, 5, 3, 2, 5]
