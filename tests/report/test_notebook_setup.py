"""setup_notebook, the notebooks' one set-up call, and the small helpers moved out of the notebooks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import SEED_ID, SEEDS

import corpus_tools as ct
from corpus_tools.report import article_rows_table, setup_notebook
from corpus_tools.stats import zipf_fit, zipf_table


def test_setup_loads_tokenises_and_opens_the_output_folder(tmp_path, capsys):
    nb = setup_notebook(SEEDS, tmp_path / "out", options={"stopwords": "english"})
    assert capsys.readouterr().out == "1 articles loaded; no load problems.\n"  # the load summary comes first
    assert nb.corpus.ids == [SEED_ID] and nb.article.id == SEED_ID
    pd.testing.assert_frame_equal(nb.tokens, ct.token_table(nb.corpus, {"stopwords": "english"}))
    assert nb.options == ct.TokenOptions(stopwords="english")
    nb.out.table(pd.DataFrame({"a": [1]}), "t", show=False)
    assert (tmp_path / "out" / "t.csv").read_text() == "a\n1\n"


def test_setup_picks_the_named_article_and_names_an_unknown_one():
    corpus = ct.Corpus.from_texts(["One.", "Two words."], ids=["a", "b"])
    assert setup_notebook(corpus, show_summary=False, article="b").article.id == "b"
    with pytest.raises(KeyError, match="zz"):
        setup_notebook(corpus, show_summary=False, article="zz")
    assert setup_notebook(ct.Corpus([]), show_summary=False).article is None


def test_setup_reads_the_runners_token_cache(tmp_path):
    corpus = ct.Corpus.from_texts(["The cat sat. The dog ran."])
    first = setup_notebook(corpus, show_summary=False, token_cache=tmp_path)
    datasets = sorted(p.name for p in tmp_path.iterdir())
    assert len(datasets) == 1  # one token dataset (a folder of Parquet parts and its manifest)
    again = setup_notebook(corpus, show_summary=False, token_cache=tmp_path, options={"lowercase": False})
    assert first.tokens["norm"].tolist() == ["the", "cat", "sat", "the", "dog", "ran"]
    assert again.tokens["norm"].tolist() == ["The", "cat", "sat", "The", "dog", "ran"]  # one cache, two option sets
    assert sorted(p.name for p in tmp_path.iterdir()) == datasets


def test_article_rows_and_zipf_table():
    table = pd.DataFrame({"article": ["a", "b", "a"], "x": [1, 2, 3]})
    assert article_rows_table(table, "a")["x"].tolist() == [1, 3]
    assert article_rows_table(table, ct.Article.from_text("Text.", id="b"))["x"].tolist() == [2]
    fit = zipf_fit([8, 4, 2, 1])
    row = zipf_table([8, 4, 2, 1]).iloc[0]
    assert (row.slope, row.intercept, row.r_squared, row.n_types) == (fit.slope, fit.intercept, fit.r_squared, 4)
    # least squares of log10(count) on log10(rank), recomputed by numpy
    slope, intercept = np.polyfit(np.log10([1, 2, 3, 4]), np.log10([8, 4, 2, 1]), 1)
    assert (fit.slope, fit.intercept) == (pytest.approx(slope, rel=1e-12), pytest.approx(intercept, rel=1e-12))
