"""One tokenisation per run: corpus_tokens over a raw-token cache equals fresh tokenisation."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.tokens.cache as cache

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
    assert len(again) == 647  # the seed's word tokens without NLTK English stopwords


def test_without_cache_and_bad_tokenizer(seed_corpus):
    pd.testing.assert_frame_equal(ct.corpus_token_table(seed_corpus), ct.token_table(seed_corpus))
    with pytest.raises(ValueError, match="tokenizer must be 'exact' or 'fast', not 'nltk'"):
        ct.corpus_token_table(seed_corpus, tokenizer="nltk")


def test_renormalize_keeps_positions_and_offsets(seed_corpus):
    raw = ct.token_table(seed_corpus, ct.tokens.RAW_TOKEN_OPTIONS)
    assert len(raw) == 1226 and (raw["norm"] == raw["token"]).all()
    words = ct.tokens.renormalized_table(raw, ct.TokenOptions())
    assert words["position"].tolist() == raw.loc[raw["token"].map(ct.tokens.is_word), "position"].tolist()
