"""Collocations and collocates: hand-computed contingency tables, NLTK on the seed, invariants."""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd
import pytest
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures
from nltk_reference import nltk_sequence

import corpus_tools as ct
from corpus_tools.stats.measures import BIGRAM_MEASURES, TRIGRAM_MEASURES

# red0 wine1 red2 wine3 white4 wine5 red6 car7: N = 8; f(red) = f(wine) = 3, f(white) = f(car) = 1
WINE = ct.Corpus.from_texts(["red wine red wine white wine red car"])


def test_every_bigram_measure_by_hand():
    t = ct.collocation_table(WINE)
    row = t[t.ngram == "red wine"].iloc[0]
    # adjacent pairs: red wine (0,1) (2,3) -> 2.  Contingency: n_ii 2, n_io 1 (red car), n_oi 1 (white wine),
    # n_oo = 8 - 2 - 1 - 1 = 4.  Expected cells: 3*3/8 = 1.125, 3*5/8 = 1.875 (twice), 5*5/8 = 3.125.
    assert (row["count"], row.observed, row.f_w1, row.f_w2) == (2, 2.0, 3, 3)
    assert row.expected == pytest.approx(9 / 8)
    assert row.pmi == pytest.approx(math.log2(2 * 8 / 9))  # 0.830075
    assert row.mi3 == pytest.approx(math.log2(2**3 / (9 / 8)))  # O^3 / E
    assert row.student_t == pytest.approx((2 - 9 / 8) / math.sqrt(2))
    assert row.phi_sq == pytest.approx((2 * 4 - 1 * 1) ** 2 / (3 * 3 * 5 * 5))  # 49/225
    assert row.chi_sq == pytest.approx(8 * 49 / 225)
    g2 = 2 * (2 * math.log(2 / 1.125) + 2 * 1 * math.log(1 / 1.875) + 4 * math.log(4 / 3.125))
    assert row.g2 == pytest.approx(g2)
    assert row.g2_p == pytest.approx(2 * (1 - NormalDist().cdf(math.sqrt(g2))))  # chi2(1) = Z^2
    assert row.dice == pytest.approx(2 * 2 / (3 + 3))
    assert row.log_dice == pytest.approx(14 + math.log2(2 / 3))
    assert row.jaccard == pytest.approx(2 / (2 + 1 + 1))
    assert row.poisson_stirling == pytest.approx(2 * (math.log2(2 / 1.125) - 1))
    assert row.log_ratio == pytest.approx(math.log2((2 / 3) / (1 / (8 - 3))))  # wine after red vs elsewhere
    assert row.raw_freq == pytest.approx(2 / 8)
    # red car: car never occurs elsewhere -> n_oi = 0 -> 0.5 (Hardie's correction)
    car = t[t.ngram == "red car"].iloc[0]
    assert car.log_ratio == pytest.approx(math.log2((1 / 3) / (0.5 / 5)))


def test_window_scaling_by_hand_and_against_nltk():
    t = ct.collocation_table(WINE, span=2)
    # window 3: red wine at (0,1) (2,3) and red..wine at (0,3)? no: 3 - 0 > 2.  (2,5)? no.  (6,7)? car.
    # pairs within 2 positions: red->wine (0,1),(2,3); red->red (0,2); red->white (2,4); red->car (6,7)
    row = t[t.ngram == "red wine"].iloc[0]
    assert row["count"] == 2 and row.observed == 1.0  # Church & Hanks: 2 / (W - 1)
    assert row.pmi == pytest.approx(math.log2(1.0 * 8 / 9))
    assert t[t.ngram == "red red"]["count"].item() == 1
    finder = BigramCollocationFinder.from_words("red wine red wine white wine red car".split(), window_size=3)
    nltk_pmi = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    assert dict(zip(zip(t.w1, t.w2, strict=True), t.pmi, strict=True)) == nltk_pmi


def test_trigram_measures_by_hand():
    t = ct.collocation_table(WINE, 3)
    row = t[t.ngram == "red wine red"].iloc[0]
    # trigrams: red wine red, wine red wine, red wine white, wine white wine, white wine red, wine red car
    # f(red wine) 2, f(red * red) 1 (only "red wine red"), f(wine red) 2; unigrams 3, 3, 3; N 8
    assert (row["count"], row.f_w1w2, row.f_w1_w3, row.f_w2w3) == (1, 2, 1, 2)
    assert row.expected == pytest.approx(27 / 64)
    assert row.pmi == pytest.approx(math.log2(64 / 27))
    assert row.mi3 == pytest.approx(math.log2(1 / (27 / 64)))
    # the 2x2x2 table (NLTK's cell order iii oii ioi ooi iio oio ioo ooo; "o" = another word there):
    # oii = f(wine red) - 1 = 1; ioi = f(red * red) - 1 = 0; iio = f(red wine) - 1 = 1;
    # ooi = 3 - 1 - 1 - 0 = 1; oio = 3 - 1 - 1 - 1 = 0; ioo = 3 - 1 - 0 - 1 = 1; ooo = 8 - 5 = 3
    observed = [1, 1, 0, 1, 1, 0, 1, 3]
    # every word has frequency 3 of 8: E = 8 (3/8)^i (5/8)^o = 27/64, 45/64, 75/64, 125/64 by number of "o"
    expected = [27 / 64, 45 / 64, 45 / 64, 75 / 64, 45 / 64, 75 / 64, 75 / 64, 125 / 64]
    assert row.chi_sq == pytest.approx(sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True)))
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True) if o)
    assert row.g2 == pytest.approx(g2)
    assert row.g2 == TrigramAssocMeasures.likelihood_ratio(1, (2, 1, 2), (3, 3, 3), 8)
    assert row.jaccard == pytest.approx(1 / 5)  # iii / (all cells but ooo)
    assert row.poisson_stirling == pytest.approx(1 * (math.log2(1 / (27 / 64)) - 1))
    assert row.raw_freq == pytest.approx(1 / 8)
    # chi-square with 4 df: P(X > x) = exp(-x/2) (1 + x/2)
    assert row.g2_p == pytest.approx(math.exp(-g2 / 2) * (1 + g2 / 2))
    assert row.student_t == pytest.approx((1 - 27 / 64) / 1)
    assert set(t.columns) >= {"ngram", "w1", "w2", "w3", "count", "observed", "expected", "f_w1", "f_w2", "f_w3"}


NLTK_NAME = {"g2": "likelihood_ratio"}  # our one name for Dunning's G2, NLTK's name for it


def _nltk_scores(finder, table, words, fn):
    ours = dict(zip(zip(*(table[w] for w in words), strict=True), table[fn], strict=True))
    return ours, dict(finder.score_ngrams(getattr(BigramAssocMeasures if len(words) == 2 else TrigramAssocMeasures,
                                                  NLTK_NAME.get(fn, fn))))


@pytest.mark.parametrize("window_size", [2, 5])
def test_bigram_measures_equal_nltk_finder_on_seed(seed_corpus, window_size):
    toks = ct.token_table(seed_corpus, options={"stopwords": "english"})
    table = ct.collocation_table(toks, span=window_size - 1)
    finder = BigramCollocationFinder.from_words(nltk_sequence(toks, "paragraph", window_size), window_size)
    nltk_names = [m for m in BIGRAM_MEASURES if hasattr(BigramAssocMeasures, NLTK_NAME.get(m, m))]
    assert len(nltk_names) == 9
    for name in nltk_names:
        ours, theirs = _nltk_scores(finder, table, ["w1", "w2"], name)
        assert ours == theirs, name  # exactly equal: same function, same marginals


def test_trigram_measures_equal_nltk_finder_on_seed(seed_corpus):
    toks = ct.token_table(seed_corpus)
    table = ct.collocation_table(toks, 3)
    finder = TrigramCollocationFinder.from_words(nltk_sequence(toks, "paragraph", 3))
    for name in [m for m in TRIGRAM_MEASURES if hasattr(TrigramAssocMeasures, NLTK_NAME.get(m, m))]:
        ours, theirs = _nltk_scores(finder, table, ["w1", "w2", "w3"], name)
        assert ours == theirs, name


def test_seed_bigram_against_nltk_functions_on_independent_counts(seed_corpus):
    toks = ct.token_table(seed_corpus)
    table = ct.collocation_table(toks, boundary="sentence")
    row = table[table.ngram == "white house"].iloc[0]
    # the contingency numbers from the core's own tables: adjacent bigrams within sentences, word counts, N
    n_ii = ct.ngram_table(toks, 2).set_index("term").loc["white house", "count"]
    freq = ct.frequency_table(toks).set_index("term")["count"]
    marginals = (n_ii, (freq["white"], freq["house"]), len(toks))
    assert (row["count"], row.f_w1, row.f_w2) == (n_ii, freq["white"], freq["house"])
    for name in ("pmi", "likelihood_ratio", "student_t", "chi_sq", "dice", "jaccard", "poisson_stirling"):
        column = "g2" if name == "likelihood_ratio" else name  # our one name for Dunning's G2
        assert row[column] == getattr(BigramAssocMeasures, name)(*marginals), name
    assert row.log_dice == pytest.approx(14 + math.log2(BigramAssocMeasures.dice(*marginals)))


def test_same_results_alone_or_inside_a_bigger_corpus(seed_corpus, seed_article):
    others = ct.Corpus.from_texts(["Xi met Putin in Moscow. The White House said little.",
                                   "Ukraine's forces said drones attacked Kyiv overnight."], ids=["x1", "x2"])
    big = ct.Corpus([others[0], seed_article, others[1]])
    for n, w in [(2, 2), (2, 4), (3, 3)]:
        alone = ct.collocation_table(seed_corpus, n, span=w - 1, options={"stopwords": "english"})
        per = ct.collocation_table(big, n, span=w - 1, options={"stopwords": "english"}, by_article=True)
        assert per.article.unique().tolist() == ["x1", seed_article.id, "x2"]
        inside = per[per.article == seed_article.id].drop(columns="article").reset_index(drop=True)
        pd.testing.assert_frame_equal(inside, alone)


def test_sort_order_and_determinism(seed_corpus):
    a = ct.collocation_table(seed_corpus, span=2, measure="pmi")
    keys = list(zip(-a.pmi, -a["count"], a.ngram, strict=True))
    assert keys == sorted(keys)
    b = ct.collocation_table(seed_corpus, span=2, measure="pmi")
    assert a.to_csv() == b.to_csv()
    assert ct.collocation_table(seed_corpus, measure="MI").columns.equals(a.columns)  # alias of pmi


def test_min_count_and_min_word_count():
    t = ct.collocation_table(WINE, min_count=2)
    assert sorted(t.ngram) == ["red wine", "wine red"]
    t = ct.collocation_table(WINE, min_word_count=2)  # drops pairs with white or car (frequency 1)
    assert sorted(t.ngram) == ["red wine", "wine red"]
    assert ct.collocation_table(WINE, min_word_count=4).empty


def test_undefined_scores_are_nan_not_a_crash():
    # "war war war": f(war) = 3 = N, n_ii = 2 -> "neither" cell 3 - 3 - 3 + 2 = -1: NLTK's G2 raises
    t = ct.collocation_table(ct.Corpus.from_texts(["war war war"]))
    row = t.iloc[0]
    assert row.ngram == "war war" and row["count"] == 2 and math.isnan(row.g2)
    assert row.pmi == pytest.approx(math.log2(2 * 3 / 9))
    with pytest.raises(ValueError):
        BigramCollocationFinder.from_words(["war"] * 3).score_ngrams(BigramAssocMeasures.likelihood_ratio)


def test_filtering_and_case_folding_change_counts_as_expected():
    c = ct.Corpus.from_texts(["The war in Ukraine. War, war and Ukraine"])
    # The0 war1 in2 Ukraine3 .4 War5 ,6 war7 and8 Ukraine9; stopwords out -> war1 ukraine3 war5 war7 ukraine9
    assert ct.collocation_table(c, options={"stopwords": "english"}).empty  # every kept neighbour is 2 positions away
    def counts(options, **kw):
        return ct.collocation_table(c, options=options, **kw).set_index("ngram")["count"].to_dict()
    assert counts({"stopwords": "english"}, span=2) == {"war ukraine": 2, "ukraine war": 1, "war war": 1}
    # sentence boundary drops ukraine3 -> war5 (across the full stop)
    assert counts({"stopwords": "english"}, span=2, boundary="sentence") == {"war ukraine": 2, "war war": 1}
    cased = counts({"lowercase": False}, span=2)
    assert cased["War war"] == 1 and "war war" not in cased and cased["Ukraine War"] == 1
    assert counts(None, span=2)["war war"] == 1
    assert counts({"words_only": False})["war ,"] == 1  # punctuation kept when asked


def _g2(o11, r1, c1, n):
    """Dunning's G2 of the 2x2 table (O11, R1, C1, N), written out cell by cell (0 ln 0 = 0)."""
    cells = [(o11, r1 * c1 / n), (r1 - o11, r1 * (n - c1) / n), (c1 - o11, (n - r1) * c1 / n),
             (n - r1 - c1 + o11, (n - r1) * (n - c1) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def test_collocates_by_hand():
    c = ct.Corpus.from_texts(["Putin met Xi in Moscow. Xi praised Putin.\n\nPutin left."])
    t = ct.collocate_table(c, "xi", span=2, boundary="paragraph", min_count=1)
    # putin0 met1 xi2 in3 moscow4 .5 xi6 praised7 putin8 .9 | putin10 left11 .12; N = 10 kept words.
    # xi2 reaches 0 1 | 3 4, xi6 reaches 4 (5 is filtered) | 7 8; the second paragraph is out of reach.
    # The span is the union without the node: {0, 1, 3, 4, 7, 8}, R1 = 6: moscow4 counts once, on both sides.
    got = t.set_index("collocate")[["count", "count_left", "count_right"]].to_dict("index")
    assert got == {"putin": {"count": 2, "count_left": 1, "count_right": 1},
                   "moscow": {"count": 1, "count_left": 1, "count_right": 1},
                   "met": {"count": 1, "count_left": 1, "count_right": 0},
                   "in": {"count": 1, "count_left": 0, "count_right": 1},
                   "praised": {"count": 1, "count_left": 0, "count_right": 1}}
    row = t.set_index("collocate").loc["putin"]
    # O11 2, R1 6, C1 3, N 10: cells 2 4 / 1 3, expected 1.8 4.2 / 1.2 2.8
    assert (row["count"], row.span_tokens, row.f_collocate, row.tokens, row.f_node) == (2, 6, 3, 10, 2)
    assert row.expected == pytest.approx(1.8) and row.direction == "attracted"
    g2 = 2 * (2 * math.log(2 / 1.8) + 4 * math.log(4 / 4.2) + 1 * math.log(1 / 1.2) + 3 * math.log(3 / 2.8))
    assert row.g2 == pytest.approx(g2) and row.g2 == pytest.approx(_g2(2, 6, 3, 10))
    assert row.g2_p == pytest.approx(2 * (1 - NormalDist().cdf(math.sqrt(g2))))
    assert row.pmi == pytest.approx(math.log2(2 * 10 / (6 * 3)))
    assert row.student_t == pytest.approx((2 - 1.8) / math.sqrt(2))
    assert row.chi_sq == pytest.approx(10 * (2 * 3 - 4 * 1) ** 2 / (6 * 4 * 3 * 7))
    assert row.log_ratio == pytest.approx(math.log2((2 / 6) / (1 / 4)))  # putin in the span vs elsewhere
    assert row.dice == pytest.approx(2 * 2 / (2 + 3))  # Rychlý: node frequency, not the span
    assert row.log_dice == pytest.approx(14 + math.log2(4 / 5))
    sentence = ct.collocate_table(c, "xi", span=2, boundary="sentence", min_count=1)
    assert sentence.set_index("collocate").loc["moscow", "count_right"] == 1  # only from the first xi
    assert sentence.set_index("collocate").loc["moscow", "count_left"] == 0
    phrase = ct.collocate_table(c, "Xi praised", span=1, min_count=1)
    assert phrase.set_index("collocate")["count"].to_dict() == {"putin": 1}  # "." left of Xi is filtered
    assert ct.collocate_table(c, "xi", span=2).empty  # min_count 3 by default: no co-occurrence is that common


def test_collocates_are_ranked_by_attraction_and_repelled_ones_flagged():
    # oil0 price1 | the2 .. the7 | oil8 the9 price10: N = 11; span (0, 1) -> {price1, the9}, R1 = 2;
    # price: O11 1 > E11 2 * 2 / 11; the: O11 1 < E11 2 * 7 / 11
    c = ct.Corpus.from_texts(["oil price\n\nthe the the the the the\n\noil the price"])
    t = ct.collocate_table(c, "oil", span=(0, 1), min_count=1)
    assert t.collocate.tolist() == ["price"]  # the: O11 1 < E11 2 * 7 / 11
    both = ct.collocate_table(c, "oil", span=(0, 1), min_count=1, repelled=True).set_index("collocate")
    assert both.index.tolist() == ["price", "the"] and both.direction.tolist() == ["attracted", "repelled"]
    assert both.loc["the", "expected"] == pytest.approx(14 / 11)
    assert both.loc["the", "g2"] == pytest.approx(_g2(1, 2, 7, 11)) and both.loc["the", "pmi"] < 0
    assert both.loc["price", "count"] == 1 and both.loc["price", "g2"] == pytest.approx(_g2(1, 2, 2, 11))


def test_adjacent_collocates_equal_adjacent_collocations_when_every_node_has_a_neighbour():
    # every "red" is followed by a word of its sentence, so R1 = f(red) and the tables are NLTK's bigram tables
    c = ct.Corpus.from_texts(["red wine red wine white wine red car"])
    right = ct.collocate_table(c, "red", span=(0, 1), min_count=1, measures=list(BIGRAM_MEASURES))
    pairs = ct.collocation_table(c, span=1)
    expected = pairs[pairs.w1 == "red"].set_index("w2").sort_index()
    got = right.set_index("collocate").sort_index()
    assert (got.span_tokens == 3).all() and got["count"].to_dict() == expected["count"].to_dict()
    for name in BIGRAM_MEASURES:
        assert got[name].to_dict() == pytest.approx(expected[name].to_dict()), name


def _collocates_by_brute_force(toks, node, span):
    """O11 per collocate and R1, from the definition: a kept non-node token within ``span`` of a node token."""
    rows = list(zip(toks.article, toks.block, toks.position, toks.norm, strict=True))
    nodes = [(a, b, p) for a, b, p, w in rows if w == node]
    in_span = [w for a, b, p, w in rows if w != node and any(
        a == na and b == nb and 0 < abs(p - np_) <= span for na, nb, np_ in nodes)]
    return {w: in_span.count(w) for w in set(in_span)}, len(in_span), len(rows)


@pytest.mark.parametrize("node", ["oil", "prices", "opec"])
def test_collocates_of_reuters_news_against_a_plain_recomputation(reuters_crude, node):
    toks = ct.token_table(reuters_crude, options={"stopwords": "english"})
    got = ct.collocate_table(toks, node, repelled=True, min_count=1).set_index("collocate")
    o11, r1, n = _collocates_by_brute_force(toks, node, 5)
    freq = toks.norm.value_counts()
    assert got["count"].to_dict() == o11 and set(got.span_tokens) == {r1} and set(got.tokens) == {n}
    for word, row in got.iterrows():
        assert row.g2 == pytest.approx(_g2(o11[word], r1, freq[word], n))
        assert row.pmi == pytest.approx(math.log2(o11[word] * n / (r1 * freq[word])))
        assert row.direction == ("attracted" if o11[word] > r1 * freq[word] / n else "repelled")
    default = ct.collocate_table(toks, node)
    assert (default["count"] >= 3).all() and (default["count"] > default.expected).all()
    assert default.g2.is_monotonic_decreasing


def test_bad_input_is_a_clear_error_or_an_empty_table():
    with pytest.raises(ValueError, match=r"unknown measure 'nope' for n = 2; choose one of \[.*'pmi'"):
        ct.collocation_table(WINE, measure="nope")
    with pytest.raises(ValueError, match="unknown measure 'log_dice' for n = 3"):
        ct.collocation_table(WINE, 3, measure="log_dice")
    for n in (1, 4):
        with pytest.raises(ValueError, match=f"n must be 2 or 3, not {n}"):
            ct.collocation_table(WINE, n)
    for span in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match=f"span must be an integer >= 1, not {span!r}"):
            ct.collocation_table(WINE, span=span)
    with pytest.raises(ValueError, match="boundary must be one of"):
        ct.collocation_table(WINE, boundary="page")
    with pytest.raises(ValueError, match="min_count must be an integer >= 1, not 0"):
        ct.collocation_table(WINE, min_count=0)
    empty = ct.collocation_table(ct.Corpus([]))
    assert empty.empty and list(empty.columns) == list(ct.collocation_table(WINE).columns)
    empty3 = ct.collocation_table(ct.Corpus.from_texts(["..."]), 3, by_article=True)
    assert empty3.empty and list(empty3.columns)[:2] == ["article", "ngram"]
    none = ct.collocate_table(WINE, "zebra")
    assert none.empty and list(none.columns[:4]) == ["collocate", "count", "count_left", "count_right"]
    assert list(none.columns) == list(ct.collocate_table(WINE, "red", min_count=1).columns)
    with pytest.raises(ValueError, match="left must be an integer >= 0, not -1"):
        ct.collocate_table(WINE, "red", span=(-1, 5))
    with pytest.raises(ValueError, match=r"span must reach at least one token on one side \(it is \(0, 0\)\)"):
        ct.collocate_table(WINE, "red", span=0)
    with pytest.raises(ValueError, match="node token 'the' is removed"):
        ct.collocate_table(WINE, "the", options={"stopwords": "english"})


def test_collocates_take_options_as_an_object_or_a_mapping(seed_corpus):
    with_object = ct.collocate_table(seed_corpus, "putin", options=ct.TokenOptions(stopwords="english"))
    plain = ct.collocate_table(seed_corpus, "putin", options={"stopwords": "english"})
    pd.testing.assert_frame_equal(with_object, plain)
    assert "the" not in set(with_object["collocate"])
