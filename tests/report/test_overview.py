"""The overview page's record: from the corpus, or from the runner's token dataset alone (the same record)."""

from __future__ import annotations

import datetime as dt

import corpus_tools as ct
from corpus_tools.report.overview import overview_record
from corpus_tools.scale import token_dataset


def _corpus() -> ct.Corpus:
    texts = [("b", dt.date(2024, 5, 2), "Oil prices rose. Oil traders said prices rose again."),
             ("a", None, "Markets fell.\n\nTraders sold oil."),
             ("c", dt.date(2023, 1, 9), "Prices of oil and gas rose in January.")]
    return ct.Corpus([ct.Article.from_text(t, id=i, date=d) for i, d, t in texts])


def test_the_record_from_the_dataset_equals_the_record_from_the_corpus(tmp_path):
    corpus = _corpus()
    dataset = token_dataset(corpus, tmp_path / "cache", n_jobs=1)
    from_corpus = overview_record(corpus, tmp_path, [], tmp_path / "cache")
    from_dataset = overview_record(dataset, tmp_path, [], None)
    assert from_dataset == from_corpus
    # by hand: 9 + 5 + 8 lower-cased words (punctuation is not a word), dates of b and c
    assert (from_dataset["articles"], from_dataset["tokens"]) == (3, 22)
    assert (from_dataset["first_date"], from_dataset["last_date"]) == ("2023-01-09", "2024-05-02")
    assert from_dataset["median_length"] == 8.0
    assert from_dataset["top_terms"][0] == ["oil", 4]
