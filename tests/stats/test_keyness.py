"""Keyness on a constructed pair of texts, with the arithmetic written out; target selection; options."""

from __future__ import annotations

import datetime as dt
import math
from statistics import NormalDist

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.stats.keyness import keyword_table

# target: war 3, peace 1, truce 1 -> c = 5; reference: peace 4, war 1, talks 2, deal 3 -> d = 10
TARGET = "war war war peace truce"
REFERENCE = "peace peace peace peace war talks talks deal deal deal"


def _pair():
    return ct.Corpus.from_texts([TARGET, REFERENCE], ids=["t", "r"],
                                dates=["2023-03-01", "2023-04-01"])


def _p(chi2: float) -> float:
    return 2 * (1 - NormalDist().cdf(math.sqrt(chi2)))  # chi-square(1) is a squared standard normal


def test_constructed_pair_by_hand():
    k = ct.keyness_table(_pair(), "t").set_index("term")
    war = k.loc["war"]
    # war: a = 3 of c = 5, b = 1 of d = 10; table [[3, 1], [2, 9]], N = 15, row totals 4 and 11
    e11, e12, e21, e22 = 4 * 5 / 15, 4 * 10 / 15, 11 * 5 / 15, 11 * 10 / 15  # 1.333 2.667 3.667 7.333
    g2 = 2 * (3 * math.log(3 / e11) + 1 * math.log(1 / e12) + 2 * math.log(2 / e21) + 9 * math.log(9 / e22))
    chi2 = (3 - e11) ** 2 / e11 + (1 - e12) ** 2 / e12 + (2 - e21) ** 2 / e21 + (9 - e22) ** 2 / e22
    assert (war.freq_target, war.freq_reference) == (3, 1)
    assert war.per_10k_target == pytest.approx(6000) and war.per_10k_reference == pytest.approx(1000)
    assert war.g2 == pytest.approx(g2) and war.chi2 == pytest.approx(chi2)
    assert g2 == pytest.approx(4.165679, abs=1e-6)
    assert chi2 == pytest.approx(15 * (3 * 9 - 1 * 2) ** 2 / (4 * 11 * 5 * 10))  # N (ad - bc)^2 / margins = 4.261364
    assert war.g2_p == pytest.approx(_p(g2)) and war.chi2_p == pytest.approx(_p(chi2))
    assert war.log_ratio == pytest.approx(math.log2((3 / 5) / (1 / 10)))  # log2(6) = 2.585
    assert war.pct_diff == pytest.approx((3 / 5 - 1 / 10) / (1 / 10) * 100)  # 500
    assert war.direction == "over"
    deal = k.loc["deal"]  # a = 0: log ratio uses 0.5 for the zero
    assert deal.log_ratio == pytest.approx(math.log2((0.5 / 5) / (3 / 10)))
    assert deal.pct_diff == pytest.approx(-100.0) and deal.direction == "under"
    truce = k.loc["truce"]  # b = 0: %DIFF is infinite (not 1 / 1e-18), log ratio divides by 0.5 / 10
    assert truce.log_ratio == pytest.approx(math.log2((1 / 5) / (0.5 / 10)))  # = 2
    assert truce.pct_diff == math.inf
    assert truce.note == "absent from the reference: %DIFF infinite, log ratio with 0.5 for 0"
    assert deal.note == "absent from the target: log ratio with 0.5 for 0" and war.note == ""
    peace = k.loc["peace"]  # 1/5 = 0.2 < 4/10 = 0.4
    assert peace.direction == "under" and peace.pct_diff == pytest.approx(-50.0)
    assert k.attrs["target_tokens"] == 5 and k.attrs["reference_tokens"] == 10 and k.attrs["tests"] == 5


def test_order_measures_and_filters():
    corpus = _pair()
    k = ct.keyness_table(corpus, "t")
    signed = k.g2.where(k.direction != "under", -k.g2)  # quanteda's order: target's words first
    keys = list(zip(-signed, -k.freq_target, k.term, strict=True))
    assert keys == sorted(keys) and k.direction.tolist()[0] == "over" and k.direction.tolist()[-1] == "under"
    by_lr = ct.keyness_table(corpus, "t", measure="log_ratio")
    # log ratios: war 2.585, truce 2, peace -1, talks -1 (tie: higher target frequency first), deal -1.585
    assert by_lr.term.tolist() == ["war", "truce", "peace", "talks", "deal"]
    assert ct.keyness_table(corpus, "t", direction="over").term.tolist() == ["war", "truce"]
    assert set(ct.keyness_table(corpus, "t", direction="under").direction) == {"under"}
    assert ct.keyness_table(corpus, "t", min_count=4).term.tolist() == ["war", "peace"]  # a + b >= 4
    plain = ct.keyness_table(corpus, "t").set_index("term")
    bonf = ct.keyness_table(corpus, "t", bonferroni=True).set_index("term")
    assert bonf.loc["war", "g2_p"] == pytest.approx(min(1.0, plain.loc["war", "g2_p"] * 5))
    assert (bonf.g2_p <= 1).all() and bonf.attrs["bonferroni"]
    strict = ct.keyness_table(corpus, "t", max_p=0.05)
    assert strict.term.tolist() == ["war"]  # G2 4.166 -> p 0.0413; the next (deal, G2 2.79) has p 0.095


def test_target_selection_modes_give_the_same_table():
    expected = ct.keyness_table(ct.Corpus.from_texts([TARGET]), reference=ct.Corpus.from_texts([REFERENCE]))
    corpus = _pair()
    for target in ("t", ["t"], ct.stats.dated("2023-03-01", "2023-03-31"), lambda a: a.id == "t", corpus["t"],
                   corpus.filter_dates(end="2023-03-31")):
        got = ct.keyness_table(corpus, target)
        assert got.to_csv() == expected.to_csv()
    meta = ct.Corpus([ct.Article.from_text(TARGET, id="x", meta={"desk": "war"}),
                      ct.Article.from_text(REFERENCE, id="y", meta={"desk": "talks"})])
    assert ct.keyness_table(meta, lambda a: a.meta["desk"] == "war").to_csv() == expected.to_csv()
    toks = ct.token_table(corpus)
    assert ct.keyness_table(toks, "t").to_csv() == expected.to_csv()
    # a group of articles against the rest
    three = ct.Corpus.from_texts(["war war", "war peace truce", REFERENCE], ids=["a", "b", "c"])
    assert ct.keyness_table(three, ["a", "b"]).to_csv() == expected.to_csv()


def test_keyness_on_the_seed_against_a_reference_is_consistent(seed_corpus):
    ref = ct.Corpus.from_texts(["Markets rose on Friday as the central bank held rates. The bank said inflation fell."])
    k = ct.keyness_table(seed_corpus, reference=ref, options={"stopwords": "english"}).set_index("term")
    freq = ct.frequency_table(seed_corpus, options={"stopwords": "english"}).set_index("term")["count"]
    # 15 "Ukraine", one of them in an inserted related-story link (role "link"), left out by default
    assert k.loc["ukraine", "freq_target"] == freq["ukraine"] == 14
    assert k.loc["ukraine", "direction"] == "over" and k.loc["bank", "direction"] == "under"
    assert k.attrs["target_tokens"] == freq.sum()
    assert ((k.g2 >= 0) & (k.chi2 >= 0) & (k.g2_p <= 1) & (k.g2_p >= 0)).all()


def test_bad_input():
    corpus = _pair()
    with pytest.raises(ValueError, match=r"unknown keyness measure 'pmi'; choose one of \['g2', 'chi2'"):
        ct.keyness_table(corpus, "t", measure="pmi")
    with pytest.raises(ValueError, match=r"target article id\(s\) not in the corpus: \['zz'\]"):
        ct.keyness_table(corpus, "zz")
    with pytest.raises(ValueError, match="the target is the whole corpus"):
        ct.keyness_table(corpus, ["t", "r"])
    with pytest.raises(ValueError, match="selects no article"):
        ct.keyness_table(corpus, ct.stats.dated(dt.date(2030, 1, 1)))
    with pytest.raises(ValueError, match="give a target"):
        ct.keyness_table(corpus)
    with pytest.raises(ValueError, match="the target holds no tokens"):
        ct.keyness_table(ct.Corpus([]), reference=corpus)
    with pytest.raises(ValueError, match="the reference holds no tokens"):
        ct.keyness_table(corpus, reference=ct.Corpus.from_texts(["..."]))
    with pytest.raises(ValueError, match="direction must be"):
        ct.keyness_table(corpus, "t", direction="up")
    with pytest.raises(ValueError, match="min_count must be an integer >= 1, not 0"):
        ct.keyness_table(corpus, "t", min_count=0)
    with pytest.raises(TypeError, match="predicate target needs a Corpus"):
        ct.keyness_table(ct.token_table(corpus), lambda a: True)
    empty = ct.keyness_table(corpus, "t", min_count=100)
    assert empty.empty and "g2_p" in empty.columns


def test_keywords_by_article_is_keyness_against_the_rest():
    corpus = ct.Corpus.from_texts(["war war war peace", "peace peace talks", "talks war"], ids=["a", "b", "c"])
    toks = ct.token_table(corpus)
    table = keyword_table(toks, top=2)
    for art in ["a", "b", "c"]:
        expected = ct.keyness_table(toks, art, direction="over").head(2).reset_index(drop=True)
        got = table[table["article"] == art].drop(columns="article").reset_index(drop=True)
        assert got.equals(expected)
    assert table.columns[0] == "article" and set(table["direction"]) == {"over"}
    with pytest.raises(ValueError, match="at least two articles"):
        keyword_table(ct.token_table(corpus[:1]))


def _g2(a, b, c, d):
    """G2 of the keyness table [[a, b], [c - a, d - b]], cell by cell (0 ln 0 = 0)."""
    n, row = c + d, a + b
    cells = [(a, row * c / n), (b, row * d / n), (c - a, (n - row) * c / n), (d - b, (n - row) * d / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def test_group_against_group_on_reuters_equals_a_plain_recomputation(reuters):
    topic = {a.id: a.id.split("-")[0] for a in reuters}  # crude-00001 -> crude
    k = ct.keyness_table(reuters, "crude", "acq", groups=topic, options={"stopwords": "english"})
    toks = ct.token_table(reuters, options={"stopwords": "english"})
    crude = toks[toks.article.str.startswith("crude")].norm.value_counts().to_dict()
    acq = toks[toks.article.str.startswith("acq")].norm.value_counts().to_dict()
    c, d = sum(crude.values()), sum(acq.values())
    assert (k.attrs["target_tokens"], k.attrs["reference_tokens"]) == (c, d)
    for row in k.head(40).itertuples():
        a, b = crude.get(row.term, 0), acq.get(row.term, 0)
        assert (row.freq_target, row.freq_reference) == (a, b)
        assert row.g2 == pytest.approx(_g2(a, b, c, d))
        assert row.log_ratio == pytest.approx(math.log2(((a or 0.5) / c) / ((b or 0.5) / d)))
        assert row.pct_diff == (math.inf if b == 0 else pytest.approx(100 * (a / c - b / d) / (b / d)))
    assert k.term.tolist()[:3] == ["oil", "prices", "opec"]
    # the same comparison with ids and a reference corpus; a callable grouping; a period against the rest
    ids = [i for i, g in topic.items() if g == "crude"]
    rest = ct.Corpus([a for a in reuters if topic[a.id] == "acq"])
    same = ct.keyness_table(ct.Corpus([a for a in reuters if a.id in ids]), reference=rest,
                            options={"stopwords": "english"})
    assert k.to_csv() == same.to_csv()
    by_fn = ct.keyness_table(reuters, "crude", groups=lambda a: a.id.split("-")[0], options={"stopwords": "english"})
    assert by_fn.to_csv() == k.to_csv()  # reference None: the other groups


def test_period_against_the_rest_and_group_errors():
    c = ct.Corpus.from_texts(["war war peace", "peace talks", "war again", "no date here"],
                             ids=["a", "b", "c", "d"], dates=["2023-01-05", "2023-01-20", "2023-02-01", None])
    k = ct.keyness_table(c, "2023-01", groups="date:month")
    expected = ct.keyness_table(c, ["a", "b"], reference=c[2:3])  # undated d is in no period
    assert k.to_csv() == expected.to_csv()
    with pytest.raises(ValueError, match=r"target group\(s\) \['2023-03'\] not among the groups \['2023-01', '20"):
        ct.keyness_table(c, "2023-03", groups="date:month")
    with pytest.raises(ValueError, match="the reference is empty"):
        ct.keyness_table(c, ["2023-01", "2023-02"], groups="date:month")
    with pytest.raises(KeyError, match="no document variable 'desk'"):
        ct.keyness_table(c, "x", groups="desk")
    with pytest.raises(TypeError, match="a token table carries no document variables"):
        ct.keyness_table(ct.token_table(c), "x", groups="date:month")


def test_keyword_table_counts_once_and_equals_one_keyness_table_per_article(reuters_crude):
    # keyword_table counts the corpus once; the reference is the per-article keyness_table call it replaced
    toks = ct.token_table(reuters_crude, {"stopwords": "english"})
    got = ct.stats.keyword_table(toks, top=5)
    for art in list(dict.fromkeys(toks["article"]))[:8]:
        expected = ct.keyness_table(toks, art, direction="over").head(5).reset_index(drop=True)
        mine = got[got["article"] == art].drop(columns="article").reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, expected)
    assert list(dict.fromkeys(got["article"])) == list(dict.fromkeys(toks["article"]))


def test_another_corpus_as_target_is_a_clear_error_naming_reference(tmp_path):
    # issue 12: keyness_table(corpus_a, corpus_b) read b's ids ("0", "1") as a's: "the rest is empty"
    a = ct.Corpus.from_texts(["Oil rose. Oil fell.", "Gas rose."])
    b = ct.Corpus.from_texts(["Shares rose.", "Bonds fell."])
    for data in (a, list(a), ct.token_table(a)):
        # against a token table only ids can be compared: a corpus of other ids
        other = b if not isinstance(data, pd.DataFrame) else ct.Corpus.from_texts(["x.", "y."], ids=["z", "w"])
        with pytest.raises(TypeError, match=r"target is a Corpus of articles that are not data's \(2 of 2, e.g. "
                                            r"'[0z]'\).*pass it as reference=: keyness_table\(data, reference=other\)"):
            ct.keyness_table(data, other)
    # the suggested call works: a's words against b's
    k = ct.keyness_table(a, reference=b).set_index("term")
    assert k.loc["oil", "freq_target"] == 2 and k.loc["oil", "freq_reference"] == 0
    assert k.loc["fell", "freq_target"] == 1 and k.loc["fell", "freq_reference"] == 1
    # a Corpus of data's own articles is still a target (corpus.filter_dates(...), a slice)
    pd.testing.assert_frame_equal(ct.keyness_table(a, a[:1]), ct.keyness_table(a, "0"))
    # same ids, other content: another corpus
    with pytest.raises(TypeError, match=r"not data's \(1 of 1, e.g. '0'\)"):
        ct.keyness_table(a, b[:1])
    with pytest.raises(TypeError, match=r"target is a TokenDataset: .*reference="):
        ct.keyness_table(a, ct.scale.token_dataset(b, tmp_path, n_jobs=1))
