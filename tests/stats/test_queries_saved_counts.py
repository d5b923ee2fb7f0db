"""The article x term counts are saved with the dataset by the first query and read by the next ones."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.scale import token_dataset
from corpus_tools.stats import queries
from corpus_tools.stats.queries import article_terms_path, query_term_counts
from corpus_tools.tokens.dataset import open_token_dataset

TEXTS = [
    "The deal collapsed in Kyiv, officials said. The talks would resume in March.",
    "Prices rose 3.5% in 2023. Analysts were surprised. The deal held, traders said.",
    "A new deal: the second deal of the year. Officials met traders in Kyiv.",
]


@pytest.fixture()
def dataset(tmp_path):
    corpus = ct.Corpus.from_texts(TEXTS, ids=["a", "b", "c"])
    return token_dataset(corpus, tmp_path / "cache", n_jobs=1)


def _tables(ds):
    """Every query that reads the article x term counts, as comparable frames."""
    labels = {"a": "x", "b": "x", "c": "y"}
    return {
        "by article": query_term_counts(ds, by_article=True).counts.sort_values(["article", "term"],
                                                                                  ignore_index=True),
        "frequency": ct.frequency_table(ds),
        "groups": ct.frequency_table(ds, groups=labels),
        "keywords": stats.keyword_table(ds, top=3),
        "tf-idf": stats.distinctive_term_table(ds, top=3),
        "keyness": ct.keyness_table(ds, "y", groups=labels),
    }


def _equal(got: dict, want: dict) -> None:
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)


def test_the_first_query_saves_the_counts_and_the_next_ones_read_them(dataset, monkeypatch):
    path = article_terms_path(dataset)
    assert not path.exists()
    fresh = _tables(dataset)
    assert path.is_file()
    # hand count: article "a" has "the" twice, "deal" once; "c" has "deal" twice
    saved = pd.read_parquet(path).sort_values(["article", "term"], ignore_index=True)
    rows = {(a, t): c for a, t, c in saved.itertuples(index=False)}
    assert rows[("a", "the")] == 2 and rows[("a", "deal")] == 1 and rows[("c", "deal")] == 2
    assert int(saved["c"].sum()) == sum(query_term_counts(dataset).totals.values())
    # from now on no query counts the tokens: the forms table (made only to count them) is never asked for
    monkeypatch.setattr(queries, "_forms", lambda *a: pytest.fail("counted the tokens again"))
    _equal(_tables(dataset), fresh)
    # another process opening the same folder reads the same file
    _equal(_tables(open_token_dataset(dataset.folder)), fresh)


def test_other_options_or_column_are_other_files(dataset):
    paths = {article_terms_path(dataset), article_terms_path(dataset, "token"),
             article_terms_path(dataset.with_options({"stopwords": "english"})),
             article_terms_path(dataset.with_options({"boilerplate": True})),
             article_terms_path(dataset.with_options({"lowercase": False}))}
    assert len(paths) == 5
    plain = query_term_counts(dataset).counts.set_index("term")["count"]
    without = query_term_counts(dataset.with_options({"stopwords": "english"})).counts.set_index("term")["count"]
    assert plain["the"] == 5 and "the" not in without.index and without["deal"] == plain["deal"] == 4


def test_a_damaged_file_is_counted_again_and_replaced(dataset):
    fresh = _tables(dataset)
    path = article_terms_path(dataset)
    path.write_bytes(b"not parquet at all")
    _equal(_tables(dataset), fresh)
    assert pd.read_parquet(path)["c"].sum() == sum(query_term_counts(dataset).totals.values())


def test_a_folder_that_cannot_take_the_file_only_means_no_reuse(dataset):
    fresh = _tables(dataset)
    shutil.rmtree(dataset.folder / queries.DERIVED_FOLDER)
    (dataset.folder / queries.DERIVED_FOLDER).write_text("a file where the folder would go", "utf-8")
    _equal(_tables(dataset), fresh)
    assert sorted(p.name for p in dataset.folder.iterdir() if p.name.startswith(".")) == []  # no temporary left
