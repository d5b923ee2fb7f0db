"""Word statistics leave boilerplate blocks out by default, in memory and over the token dataset alike.

A wire-style fixture, three articles each with a headline, a by-line, a dateline lead, a paragraph,
a "Read more" line (recurring across the corpus: boilerplate) and the "Reuter" sign-off.  By hand,
the tokens left out by default are, per article: the by-line's 3 words ("By Jane Doe", "By Sam Roe",
"By Ann Lee"), "read" and "more", and "reuter": 6 word tokens, 18 in the corpus; and the lead's dateline
("HOUSTON, March 2 -", its tokens' role "dateline" while the block stays the lead): "houston", "march" and
the day, 3 word tokens per article, 9 more: 27.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.scale import token_dataset
from corpus_tools.stats.concordance import kwic_queries_table

_DATA = [("Texas", "Jane Doe", "Gas stocks rose in Dallas."), ("Ohio", "Sam Roe", "Coal output slipped at two mines."),
         ("Utah", "Ann Lee", "Refiners cut runs this week.")]
TEXTS = [f"Oil prices fall in {place}\n\nBy {name}\n\nHOUSTON, March {i + 2} - Oil prices fell sharply in {place} "
         f"today, traders said.\n\n{para}\n\nRead more\n\nReuter" for i, (place, name, para) in enumerate(_DATA)]
#: The word tokens of boilerplate blocks, counted by hand from TEXTS (lower-cased).
LEFT_OUT = Counter({"by": 3, "read": 3, "more": 3, "reuter": 3, "houston": 3, "march": 3, "2": 1, "3": 1, "4": 1,
                    "jane": 1, "doe": 1, "sam": 1, "roe": 1, "ann": 1,
                    "lee": 1})
KEEP = {"boilerplate": True}


@pytest.fixture(scope="module")
def corpus() -> ct.Corpus:
    return ct.Corpus.from_texts(TEXTS, ids=["a", "b", "c"])


@pytest.fixture(scope="module", params=["exact", "fast"])
def dataset(corpus, tmp_path_factory, request):
    # one article per worker batch: the recurring "Read more" is found over the corpus, not per part
    return token_dataset(corpus, tmp_path_factory.mktemp(request.param), tokenizer=request.param, n_jobs=2)


def _counts(table: pd.DataFrame) -> Counter:
    return Counter(dict(zip(table["term"], table["count"], strict=True)))


def test_the_fixture_roles_are_those_counted_by_hand(corpus):
    roles = ct.structure.block_role_table(corpus)
    assert roles.loc[roles["article"] == "a", "role"].tolist() == [
        "headline", "byline", "lead", "paragraph", "boilerplate", "signoff"]
    # "Read more" is boilerplate by its wording (a page furniture pattern), before its recurrence is asked
    assert set(roles.loc[roles["block"] == 4, "reason"]) == {"page furniture pattern"}
    assert sum(LEFT_OUT.values()) == 27


def test_frequency_leaves_exactly_the_boilerplate_tokens_out_and_the_option_restores_them(corpus):
    default, kept = ct.frequency_table(corpus), ct.frequency_table(corpus, options=KEEP)
    assert _counts(kept) - _counts(default) == LEFT_OUT
    assert _counts(default) - _counts(kept) == Counter()
    assert default["count"].sum() == kept["count"].sum() - 27
    assert "reuter" not in set(default["term"]) and _counts(kept)["reuter"] == 3
    # the headline is the article's own text: kept ("fall" is only there)
    assert _counts(default)["fall"] == 3 and _counts(default)["oil"] == 6
    # the token table behind it: no row of an excluded role, every other row unchanged
    rows = ct.token_table(corpus, KEEP)
    assert_equal = pd.testing.assert_frame_equal
    assert_equal(ct.token_table(corpus), rows[~rows["role"].isin(ct.tokens.BOILERPLATE_ROLES)].reset_index(drop=True))
    assert ct.TokenOptions().excluded_roles == ct.tokens.BOILERPLATE_ROLES and ct.TokenOptions(
        boilerplate=True).excluded_roles == ()


def test_ngrams_and_collocations_leave_boilerplate_out(corpus):
    bigrams = _counts(ct.ngram_table(corpus, n=2))
    assert bigrams["read more"] == 0 and _counts(ct.ngram_table(corpus, n=2, options=KEEP))["read more"] == 3
    assert bigrams["oil prices"] == 6  # headline and lead, in every article
    pairs = ct.collocation_table(corpus, min_count=1)
    assert not pairs["ngram"].str.contains("reuter|jane").any()
    assert ct.collocation_table(corpus, min_count=1, options=KEEP)["ngram"].str.contains("read more").any()


@pytest.mark.parametrize("options", [None, KEEP, {"stopwords": "english"}], ids=repr)
def test_dataset_statistics_equal_the_in_memory_ones(corpus, dataset, options):
    tokenizer = dataset.manifest["tokenizer"]
    toks = ct.token_table(corpus, options) if tokenizer == "exact" else ct.tokens.fast_token_table(corpus, options)
    ds = dataset.with_options(options)
    equal = pd.testing.assert_frame_equal
    equal(ds.token_table(), toks)
    equal(ct.frequency_table(ds, by_article=True), ct.frequency_table(toks, by_article=True))
    equal(ct.ngram_table(ds, n=2), ct.ngram_table(toks, n=2))
    equal(ct.collocation_table(ds, min_count=1), ct.collocation_table(toks, min_count=1))
    equal(ct.collocate_table(ds, "oil", min_count=1), ct.collocate_table(toks, "oil", min_count=1))
    equal(ct.keyness_table(ds, "a"), ct.keyness_table(toks, "a"))
    equal(ct.dispersion_table(ds, by="section"), ct.dispersion_table(toks, by="section"))
    equal(ct.dispersion_table(ds, by="article"), ct.dispersion_table(toks, by="article"))
    equal(ct.diversity_table(ds, by_article=True), ct.diversity_table(toks, by_article=True))
    for query in ("reuter", "oil", "more"):
        equal(ct.kwic_table(corpus, query, 2, tokens=ds), ct.kwic_table(corpus, query, 2, tokens=toks))
    lines = kwic_queries_table(corpus, ["reuter", "oil"], 2, tokens=ds)
    expected_reuter = 3 if options == KEEP else 0
    assert (lines["query"] == "reuter").sum() == expected_reuter and (lines["query"] == "oil").sum() == 6
    if options is None:
        assert _counts(ct.frequency_table(ds)) == _counts(ct.frequency_table(ds.with_options(KEEP))) - LEFT_OUT
