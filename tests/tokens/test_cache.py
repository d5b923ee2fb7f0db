"""One tokenisation per run: corpus_tokens over a raw-token cache equals fresh tokenisation."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.tokens.cache as cache
from corpus_tools.tokens.cache import RAW_TOKEN_OPTIONS, _typed, fast_token_arrow, fast_token_table
from corpus_tools.tokens.fast import _chunk_spans
from corpus_tools.tokens.tokenize import TOKEN_COLUMNS, normalize_apostrophes

OPTIONS = [
    ct.TokenOptions(),
    ct.TokenOptions(stopwords="english"),
    ct.TokenOptions(lowercase=False, words_only=False),
    ct.TokenOptions(min_length=4, stem="porter"),
]


@pytest.mark.parametrize("tokenizer", ["exact", "fast"])
def test_cached_tables_equal_fresh_ones_for_every_option(tmp_path, seed_corpus, tokenizer):
    fresh = ct.token_table if tokenizer == "exact" else ct.tokens.fast_token_table
    for options in OPTIONS:
        got = ct.corpus_token_table(seed_corpus, options, cache_dir=tmp_path, tokenizer=tokenizer)
        pd.testing.assert_frame_equal(got, fresh(seed_corpus, options))
    # four option sets, one tokenisation: a single cached file
    assert len(list(tmp_path.glob("tokens-*.parquet"))) == 1


def test_second_use_reads_the_cache_instead_of_tokenising(tmp_path, seed_corpus, monkeypatch):
    first = ct.corpus_token_table(seed_corpus, ct.TokenOptions(stopwords="english"), cache_dir=tmp_path)

    def no_tokenising(*args, **kwargs):
        raise AssertionError("tokenised again")

    monkeypatch.setattr(cache, "token_table", no_tokenising)
    again = ct.corpus_token_table(seed_corpus, ct.TokenOptions(stopwords="english"), cache_dir=tmp_path)
    pd.testing.assert_frame_equal(first, again)
    # the seed's word tokens without NLTK English stopwords: 647, less the 24 of its three inserted
    # related-story links (role "link", left out by default; see test_tokenize's boilerplate tests)
    assert len(again) == 623


def test_without_cache_and_bad_tokenizer(seed_corpus):
    pd.testing.assert_frame_equal(ct.corpus_token_table(seed_corpus), ct.token_table(seed_corpus))
    with pytest.raises(ValueError, match="tokenizer must be 'exact' or 'fast', not 'nltk'"):
        ct.corpus_token_table(seed_corpus, tokenizer="nltk")


def test_renormalize_keeps_positions_and_offsets(seed_corpus):
    raw = ct.token_table(seed_corpus, ct.tokens.RAW_TOKEN_OPTIONS)
    assert len(raw) == 1226 and (raw["norm"] == raw["token"]).all()
    words = ct.tokens.renormalized_table(raw, ct.TokenOptions())
    kept = raw["token"].map(ct.tokens.is_word) & ~raw["role"].isin(ct.tokens.BOILERPLATE_ROLES)
    assert words["position"].tolist() == raw.loc[kept, "position"].tolist()
    assert len(words) == 1106 - 31  # the seed's word tokens less those of its three related-story links


@pytest.mark.parametrize("options", [RAW_TOKEN_OPTIONS, {"stopwords": "english"},
                                     {"words_only": True, "min_length": 4}])
def test_fast_token_arrow_is_the_fast_table_and_offsets_point_at_the_tokens(seed_corpus, options):
    arrow = fast_token_arrow(seed_corpus, options)
    assert arrow.schema.names == TOKEN_COLUMNS
    pd.testing.assert_frame_equal(fast_token_table(seed_corpus, options), _typed(arrow.to_pandas()))
    text = {a.id: a.text for a in seed_corpus}
    rows = arrow.to_pylist()
    # every kept token is the article text between its offsets (apostrophes read as ')
    assert all(normalize_apostrophes(text[r["article"]][r["start"]:r["end"]]) == r["token"]
               or r["token"] in ("``", "''") for r in rows)
    assert [r["position"] for r in rows] == sorted(r["position"] for r in rows)


def test_a_token_missing_from_the_text_gets_an_empty_span_in_place():
    assert list(zip(*_chunk_spans("a b", ("a", "zz", "b")), strict=True)) == [(0, 1), (1, 1), (2, 3)]
