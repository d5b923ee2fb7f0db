"""Dispersion measures: hand-computed values, the extremes, and the table over sections/paragraphs/articles."""

from __future__ import annotations

import math
import statistics

import pytest

import corpus_tools as ct
from corpus_tools.stats.dispersion import term_position_table, trace_terms


def test_gries_2008_worked_example():
    # Gries (2008): parts of 9, 10, 10, 10, 11 words (L = 50), term frequencies 1..5 (f = 15).
    m = ct.stats.dispersion_measures([1, 2, 3, 4, 5], [9, 10, 10, 10, 11])
    # s = .18 .20 .20 .20 .22 ; v/f = 1/15 2/15 3/15 4/15 5/15
    # |v/f - s| = .11333 + .06667 + 0 + .06667 + .11333 = .36 ; DP = .36 / 2 = .18
    assert m["dp"] == pytest.approx(0.18)
    assert m["dp_norm"] == pytest.approx(0.18 / (1 - 0.18))  # Lijffijt & Gries: DP / (1 - min s)
    # Juilland's D on relative frequencies p = 1/9, 2/10, 3/10, 4/10, 5/11
    p = [1 / 9, 0.2, 0.3, 0.4, 5 / 11]
    mean = sum(p) / 5
    sd = math.sqrt(sum((x - mean) ** 2 for x in p) / 5)
    assert m["juilland_d"] == pytest.approx(1 - (sd / mean) / math.sqrt(4))
    assert m["juilland_d"] == pytest.approx(1 - statistics.pstdev(p) / statistics.mean(p) / 2)
    # mean = 1.465657 / 5 = .293131, sd = .125958, CV = .429699, D = 1 - .429699 / 2
    assert m["juilland_d"] == pytest.approx(0.78515, abs=1e-5)
    assert (m["frequency"], m["parts"], m["range"]) == (15, 5, 5)


def test_term_in_one_part_only_is_the_minimum_dispersion():
    m = ct.stats.dispersion_measures([4, 0, 0, 0])
    # p = (4,0,0,0): mean 1, sd = sqrt((9+1+1+1)/4) = sqrt(3) = CV ; D = 1 - sqrt(3)/sqrt(3) = 0
    assert m["juilland_d"] == pytest.approx(0.0, abs=1e-12)
    # DP = 0.5 * (|1 - .25| + 3 * |0 - .25|) = 0.75 = 1 - min(s), so DP_norm = 1
    assert m["dp"] == pytest.approx(0.75)
    assert m["dp_norm"] == pytest.approx(1.0)
    assert m["range"] == 1


def test_term_in_smallest_of_unequal_parts():
    m = ct.stats.dispersion_measures([5, 0], [10, 30])
    # s = (.25, .75); DP = 0.5 * (.75 + .75) = .75 = 1 - .25 -> DP_norm 1
    assert m["dp"] == pytest.approx(0.75) and m["dp_norm"] == pytest.approx(1.0)
    # p = (.5, 0): mean .25, sd .25, CV 1, D = 1 - 1/sqrt(1) = 0
    assert m["juilland_d"] == pytest.approx(0.0)


def test_perfectly_even_spread_is_the_maximum_dispersion():
    even = ct.stats.dispersion_measures([2, 2, 2, 2])
    assert even["juilland_d"] == pytest.approx(1.0) and even["dp"] == pytest.approx(0.0)
    # Even relative to unequal part sizes: 1/10 = 2/20 = 3/30.
    prop = ct.stats.dispersion_measures([1, 2, 3], [10, 20, 30])
    assert prop["juilland_d"] == pytest.approx(1.0) and prop["dp"] == pytest.approx(0.0, abs=1e-12)
    assert prop["dp_norm"] == pytest.approx(0.0, abs=1e-12)


def test_degenerate_inputs():
    zero = ct.stats.dispersion_measures([0, 0, 0])
    assert zero["range"] == 0 and zero["frequency"] == 0
    assert all(math.isnan(zero[k]) for k in ("juilland_d", "dp", "dp_norm"))
    one = ct.stats.dispersion_measures([3], [7])
    assert math.isnan(one["juilland_d"]) and one["dp"] == 0.0 and math.isnan(one["dp_norm"])
    with pytest.raises(ValueError, match="one entry per part"):
        ct.stats.dispersion_measures([1, 2], [1])
    with pytest.raises(ValueError, match="positive"):
        ct.stats.dispersion_measures([1, 2], [1, 0])
    with pytest.raises(ValueError, match="negative"):
        ct.stats.dispersion_measures([1, -2])
    with pytest.raises(ValueError, match="non-empty"):
        ct.stats.dispersion_measures([])


TEXT = "Tanks roll. Tanks fire.\n\nDrones fly.\n\nAir war\n\nDrones again. Tanks wait."


def test_table_by_section_and_paragraph():
    c = ct.Corpus.from_texts([TEXT], ids=["a"])
    # sections: 0 = "tanks roll tanks fire drones fly" (6 tokens), 1 = "air war drones again tanks wait" (6)
    sec = ct.dispersion_table(c, ["tanks", "drones", "air", "missing"])
    assert sec[["article", "term", "frequency", "parts", "range"]].values.tolist() == [
        ["a", "tanks", 3, 2, 2], ["a", "drones", 2, 2, 2], ["a", "air", 1, 2, 1], ["a", "missing", 0, 2, 0]]
    tanks = sec.iloc[0]
    # tanks: v = (2, 1), s = (.5, .5): DP = 0.5 * (|2/3 - .5| + |1/3 - .5|) = 1/6
    assert tanks["dp"] == pytest.approx(1 / 6)
    # p = (2/6, 1/6): mean .25, sd 1/12, CV 1/3, D = 1 - (1/3)/1 = 2/3
    assert tanks["juilland_d"] == pytest.approx(2 / 3)
    assert sec.iloc[1]["dp"] == pytest.approx(0.0)  # drones 1 + 1 in equal sections
    assert math.isnan(sec.iloc[3]["dp"])
    # paragraphs: "tanks roll tanks fire" (4), "drones fly" (2), "drones again tanks wait" (4); heading dropped
    par = ct.dispersion_table(c, ["tanks"], by="paragraph").iloc[0]
    assert (par["parts"], par["range"]) == (3, 2)
    # s = (.4, .2, .4), v/f = (2/3, 0, 1/3): DP = 0.5 * (.26667 + .2 + .06667) = .26667
    assert par["dp"] == pytest.approx(0.5 * (abs(2 / 3 - 0.4) + 0.2 + abs(1 / 3 - 0.4)))


def test_table_across_articles_and_default_terms():
    c = ct.Corpus.from_texts(["war war peace", "war", "peace talks"], ids=["x", "y", "z"])
    t = ct.dispersion_table(c, by="article")
    assert "article" not in t.columns
    # sizes 3, 1, 2; war (2, 1, 0), peace (1, 0, 1), talks (0, 0, 1); order: frequency desc, term asc
    assert t[["term", "frequency", "range"]].values.tolist() == [["war", 3, 2], ["peace", 2, 2], ["talks", 1, 1]]
    war = t.iloc[0]
    # s = (1/2, 1/6, 1/3), v/f = (2/3, 1/3, 0): DP = 0.5 * (1/6 + 1/6 + 1/3) = 1/3
    assert war["dp"] == pytest.approx(1 / 3)
    assert war["dp_norm"] == pytest.approx((1 / 3) / (1 - 1 / 6))
    assert ct.dispersion_table(c, by="article", min_count=2)["term"].tolist() == ["war", "peace"]


def test_table_on_seed_is_deterministic_and_consistent(seed_corpus):
    toks = ct.token_table(seed_corpus)
    t1 = ct.dispersion_table(toks, by="section")
    t2 = ct.dispersion_table(ct.token_table(seed_corpus), by="section")
    assert t1.equals(t2)
    assert (t1["parts"] == 5).all()  # the seed's five sections all hold tokens
    assert t1["frequency"].sum() == len(toks)
    assert t1[["frequency", "term"]].values.tolist() == sorted(
        t1[["frequency", "term"]].values.tolist(), key=lambda r: (-r[0], r[1]))
    ukraine = t1[t1.term == "ukraine"].iloc[0]
    # counted tokens per section 578, 179, 130, 64, 155 (1106) with the three related-story links, which
    # open sections 1, 2 and 4 but are left out by default (9, 8, 14 words): 578, 170, 122, 64, 141 (1075);
    # "ukraine" 7, 4, 2, 0, 1 (14: the link opening section 4 starts "Ukraine waiting ...")
    assert ukraine["frequency"] == 14 and ukraine["range"] == 4
    sizes, v = [578, 170, 122, 64, 141], [7, 4, 2, 0, 1]
    assert sum(sizes) == len(toks) == 1075
    assert ukraine["dp"] == pytest.approx(0.5 * sum(abs(x / 14 - s / 1075) for x, s in zip(v, sizes, strict=True)))
    assert ((t1["dp"] >= 0) & (t1["dp"] <= 1)).all()


def test_table_errors_and_empty():
    c = ct.Corpus.from_texts(["Text here."])
    with pytest.raises(ValueError, match="by must be"):
        ct.dispersion_table(c, by="chapter")
    with pytest.raises(KeyError, match="column"):
        ct.dispersion_table(ct.token_table(c), column="lemma")
    empty = ct.dispersion_table(ct.Corpus.from_texts([""]), ["x"])
    assert empty.empty and list(empty.columns) == ["article", "term", *ct.stats.DISPERSION_COLUMNS]


def test_vectorised_table_agrees_with_per_term_function(seed_corpus):
    toks = ct.token_table(seed_corpus)
    table = ct.dispersion_table(toks, by="paragraph")
    body = toks[toks.block_kind == "paragraph"]
    sizes = body.groupby("block").size()
    for term in ["xi", "putin", "tanks", "kitchen", "the"]:
        counts = body[body.norm == term].groupby("block").size().reindex(sizes.index, fill_value=0)
        expected = ct.stats.dispersion_measures(counts.tolist(), sizes.tolist())
        row = table[table.term == term].iloc[0]
        for key in ct.stats.DISPERSION_COLUMNS:
            assert row[key] == pytest.approx(expected[key]), (term, key)


def test_term_positions_and_trace_terms():
    toks = ct.token_table(ct.Corpus.from_texts(["War and peace. Peace, war, war."]))
    assert trace_terms(toks, top=2) == ["war", "peace"]
    assert trace_terms(toks, ["Peace", "war", "peace"]) == ["peace", "war"]
    pos = term_position_table(toks, ["war"])
    assert pos["position"].tolist() == [0, 6, 8]  # War and peace . Peace , war , war .


# -- parts that agree with themselves (issue 13) ---------------------------------------------------------------

def test_d_and_dp_move_in_opposite_directions_from_even_to_clumped():
    sizes = [20, 20, 20, 20, 20]
    series = [[4, 4, 4, 4, 4], [5, 4, 4, 4, 3], [8, 6, 4, 2, 0], [12, 8, 0, 0, 0], [20, 0, 0, 0, 0]]
    ds = [ct.stats.dispersion_measures(v, sizes)["juilland_d"] for v in series]
    dps = [ct.stats.dispersion_measures(v, sizes)["dp"] for v in series]
    assert ds[0] == pytest.approx(1.0) and dps[0] == pytest.approx(0.0)
    assert ds[-1] == pytest.approx(0.0, abs=1e-12) and dps[-1] == pytest.approx(0.8)
    # from even to clumped, D falls at every step and DP rises at every step
    assert all(a > b for a, b in zip(ds, ds[1:], strict=False))
    assert all(a < b for a, b in zip(dps, dps[1:], strict=False))


def test_equal_parts_in_the_table():
    even = " ".join(["oil price"] * 10)  # 20 tokens, "oil" in every fifth
    clumped = " ".join(["gas"] * 10 + ["word"] * 10)
    t = ct.dispersion_table(ct.Corpus.from_texts([even, clumped]), ["oil", "gas"], by="equal", parts=5)
    # one row per article and term: each term's own article
    t = t[t["frequency"] > 0]
    oil, gas = t[t.term == "oil"].iloc[0], t[t.term == "gas"].iloc[0]
    assert (oil["parts"], oil["range"], gas["parts"], gas["range"]) == (5, 5, 5, 3)
    assert oil["juilland_d"] == pytest.approx(1.0) and oil["dp"] == pytest.approx(0.0)
    # gas: 4, 4, 2, 0, 0 of 4 tokens per part: D low, DP high
    assert gas["dp"] == pytest.approx(0.5 * (0.2 + 0.2 + 0.0 + 0.2 + 0.2))
    # p = 1, 1, .5, 0, 0: mean .5, population SD sqrt(.2), D = 1 - (sqrt(.2) / .5) / sqrt(4)
    assert gas["juilland_d"] == pytest.approx(1 - math.sqrt(0.2) / 0.5 / 2)
    assert gas["juilland_d"] < oil["juilland_d"] and gas["dp"] > oil["dp"]
    # more parts than tokens: the empty parts are dropped, one part per token
    short = ct.dispersion_table(ct.Corpus.from_texts(["one two three"]), ["two"], by="equal", parts=10).iloc[0]
    assert (short["parts"], short["range"]) == (3, 1)
    with pytest.raises(ValueError, match="parts must be a positive integer"):
        ct.dispersion_table(ct.Corpus.from_texts(["x"]), by="equal", parts=0)


def test_wire_story_sections_the_issue_found_contradictory():
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "structure" / "news" / "reuters-crude-00002.txt"
    story = ct.Corpus([ct.Article.from_text(path.read_text(encoding="utf-8"), id="opec")])
    # heading-numbered sections were the body, then a one-word "Reuter" section, where D said "all in one
    # part" for every term and DP "as expected".  The token table now numbers body sections and leaves the
    # sign-off out: one section, the headline in it, and no "reuter"
    by_section = ct.dispersion_table(story, by="section")
    assert (by_section["parts"] == 1).all() and by_section["juilland_d"].isna().all()
    assert "reuter" not in set(by_section["term"]) and "opec" in set(by_section["term"])
    kept = ct.dispersion_table(story, by="section", options={"boilerplate": True})
    assert (kept["parts"] == 1).all() and kept.set_index("term").loc["reuter", "frequency"] == 1
    # body sections: one section, where dispersion is undefined for D and 0 for DP, not a contradiction
    body = ct.dispersion_table(ct.structure.body_token_table(story), by="section")
    assert (body["parts"] == 1).all() and body["juilland_d"].isna().all() and "reuter" not in set(body["term"])
    # equal parts of the body: D and DP agree on which term is the more evenly spread
    eq = ct.dispersion_table(ct.structure.body_token_table(story), ["opec", "mizrahi"], by="equal", parts=5)
    opec, mizrahi = eq.set_index("term").loc["opec"], eq.set_index("term").loc["mizrahi"]
    assert opec["juilland_d"] > mizrahi["juilland_d"] and opec["dp"] < mizrahi["dp"]
