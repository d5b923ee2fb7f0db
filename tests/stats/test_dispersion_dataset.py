"""dispersion_table, term_position_table and trace_terms from the token dataset equal the token-table path."""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

import corpus_tools as ct
from corpus_tools.scale import token_dataset
from corpus_tools.stats.dispersion import term_position_table, trace_terms


@pytest.fixture(scope="module")
def dataset(seed_corpus, reuters, tmp_path_factory):
    corpus = ct.Corpus(list(seed_corpus) + list(reuters))
    return token_dataset(corpus, tmp_path_factory.mktemp("ds"), tokenizer="exact", n_jobs=2)


@pytest.mark.parametrize("options", [{"stopwords": "english"}, {"lowercase": False}])
@pytest.mark.parametrize("by", ["section", "paragraph", "article", "equal"])
def test_dataset_dispersion_equals_the_token_table_path(dataset, options, by):
    ds = dataset.with_options(options)
    toks = ds.token_table()
    terms = ct.frequency_table(toks)["term"].head(6).tolist() + ["zz-never-seen"]
    for wanted, min_count in ((terms, 1), (None, 2)):
        expected = ct.dispersion_table(toks, wanted, by=by, min_count=min_count)
        assert_frame_equal(ct.dispersion_table(ds, wanted, by=by, min_count=min_count), expected, check_exact=True)
    assert len(expected) > 0


def test_dataset_dispersion_by_equal_parts_counts_the_part_sizes(tmp_path):
    # 10 counted tokens, 5 equal parts of 2: "a" in parts 0 and 4, so range 2; D and DP by hand
    ds = token_dataset(ct.Corpus.from_texts(["a b c d e f g h i a"]), tmp_path, tokenizer="exact", n_jobs=1)
    row = ct.dispersion_table(ds, ["a"], by="equal", parts=5).iloc[0]
    assert (row["frequency"], row["parts"], row["range"]) == (2, 5, 2)
    # p = (.5, 0, 0, 0, .5): mean .2, population sd .2449..., D = 1 - (sd/mean)/2
    assert row["juilland_d"] == pytest.approx(1 - (0.24494897427831783 / 0.2) / 2)
    assert row["dp"] == pytest.approx(0.5 * (0.3 + 0.2 + 0.2 + 0.2 + 0.3))


def test_the_chosen_articles_tokens_are_a_filtered_read(dataset, reuters):
    ds = dataset.with_options({"stopwords": "english"})
    whole = ds.token_table()
    article = reuters[5].id
    one = ds.article_token_table(article)
    assert_frame_equal(one, whole[whole["article"] == article].reset_index(drop=True))
    terms = trace_terms(one, None, top=4)
    assert terms == trace_terms(whole[whole["article"] == article], None, top=4)
    assert_frame_equal(term_position_table(one, terms),
                       term_position_table(ct.token_table(reuters[5], {"stopwords": "english"}), terms))
    with pytest.raises(KeyError, match="not in the dataset"):
        ds.article_token_table("no-such-article")


def test_a_dataset_carries_its_options(dataset):
    with pytest.raises(TypeError, match="carries its options"):
        ct.dispersion_table(dataset, ["oil"], options={"stopwords": "english"})
