"""section_term_table of a token dataset (DuckDB counts) equals the token-table path."""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

import corpus_tools as ct
from corpus_tools.scale import token_dataset
from corpus_tools.structure import section_term_table


@pytest.mark.parametrize("scope", ["article", "corpus"])
@pytest.mark.parametrize("options", [{"stopwords": "english"}, {"lowercase": False, "stopwords": None}])
@pytest.mark.parametrize("n_jobs", [1, 2])  # one part file; eight (scored part by part, then joined)
def test_dataset_section_terms_equal_the_in_memory_table(seed_corpus, reuters, tmp_path, scope, options, n_jobs):
    corpus = ct.Corpus(list(seed_corpus) + list(reuters))
    ds = token_dataset(corpus, tmp_path, tokenizer="exact", n_jobs=n_jobs).with_options(options)
    assert len(ds.parts) == (1 if n_jobs == 1 else 8)
    for top in (5, None):
        expected = section_term_table(corpus, scope=scope, top=top, options=options)
        assert_frame_equal(section_term_table(ds, scope=scope, top=top), expected, check_exact=True)
    assert len(expected) > 1000


def test_dataset_section_terms_by_hand(tmp_path):
    a = ct.Article.from_text("Tanks and tanks.\n\nFood queues\n\nFood and water.", id="x")
    ds = token_dataset(ct.Corpus([a]), tmp_path, tokenizer="exact", n_jobs=1).with_options({"stopwords": "english"})
    table = section_term_table(ds, top=1)
    assert table[["section", "term", "count", "doc_freq"]].values.tolist() == [[0, "tanks", 2, 1], [1, "food", 2, 1]]
