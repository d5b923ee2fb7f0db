"""The report answers the user's questions (issue 12): metadata groups, keyness, trends and their own terms.

Run as a user would (`corpus-tools report CORPUS -p terms '[oil, OPEC, U.S.]' -p group_by topic`) over 40
Reuters-21578 articles with a metadata.csv sidecar; each artifact is checked against the library computed
independently here.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import REUTERS, SEEDS

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.io.outputs import table_to_csv
from corpus_tools.report.runner import run_report
from corpus_tools.scale import token_dataset
from corpus_tools.tokens.dataset import open_token_dataset

PARAMS = {"group_by": "topic", "terms": ["oil", "OPEC", "U.S."], "trend_period": "month"}


@pytest.fixture(scope="module")
def reuters_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reuters") / "report"
    result = run_report(REUTERS, out, notebooks=["word_frequency", "collocations", "keyness"], parameters=PARAMS,
                        progress=False, log=lambda line: None)
    assert result.ok, result.failures
    corpus = ct.load_corpus(REUTERS, warn=False)
    return out, corpus


def _csv(path):
    return path.read_text("utf-8")


def _dataset(out, options):
    """The token dataset the report's notebooks queried, under ``options``."""
    cached = sorted((out / "cache").glob("tokens-*"))
    assert len(cached) == 1
    return open_token_dataset(cached[0]).with_options(options)


def test_the_sidecar_gives_the_groups(reuters_report):
    _, corpus = reuters_report
    assert len(corpus) == 40 and sorted(set(stats.group_labels(corpus, "topic").values())) == ["acq", "crude"]


def test_keyness_of_each_group_against_the_other(reuters_report):
    out, corpus = reuters_report
    toks = ct.corpus_token_table(corpus, {"stopwords": "english"})
    labels = stats.group_labels(corpus, "topic")
    ds = _dataset(out, {"stopwords": "english"})
    used = _used_min_counts(out / "keyness", ds)
    assert used == {"min_count": 2}  # min_count None: the corpus-size rule, 2 for a corpus this small
    for group in ("acq", "crude"):
        expected = ct.keyness_table(toks, group, None, groups=labels, min_count=2, bonferroni=True)
        got = ct.keyness_table(ds, group, None, groups=labels, min_count=2, bonferroni=True)
        assert _csv(out / "keyness" / f"keyness_{group}.csv") == table_to_csv(got) == table_to_csv(expected)
        assert (out / "keyness" / f"keyness_{group}.png").read_bytes()[:4] == b"\x89PNG"
    crude = ct.keyness_table(toks, "crude", None, groups=labels, min_count=2, bonferroni=True)
    assert crude["term"].iloc[0] == "oil"  # the crude-oil stories' first keyword, read off the articles


def _used_min_counts(folder, ds) -> dict:
    """The minimum counts a notebook shows it used (min_counts.csv): the documented rule of the dataset's size."""
    table = pd.read_csv(folder / "min_counts.csv")
    assert table["tokens"].eq(ds.n_rows).all()
    assert (table.loc[table["given"].isna(), "used"] == stats.default_min_count(ds.n_rows)).all()
    return dict(zip(table["parameter"], table["used"].tolist(), strict=True))


def test_frequencies_by_group_and_trends(reuters_report):
    out, corpus = reuters_report
    toks = ct.corpus_token_table(corpus, {"stopwords": "english"})
    ds = _dataset(out, {"stopwords": "english"})
    labels = stats.group_labels(corpus, "topic")
    assert _csv(out / "word_frequency" / "frequency_by_group.csv") == table_to_csv(
        ct.frequency_table(ds, groups=labels)) == table_to_csv(stats.group_frequency_table(toks, labels))
    # no trend_terms: the trends follow the user's terms
    dates = {a.id: a.date for a in corpus}
    trends = stats.trend_table(ds, PARAMS["terms"], period="month", dates=dates)
    assert _csv(out / "word_frequency" / "trends.csv") == table_to_csv(trends) == table_to_csv(
        stats.trend_table(toks, PARAMS["terms"], period="month", dates=dates, options={"stopwords": "english"}))
    assert set(trends["period"]) == {"1987-02", "1987-03"}  # the dates of the sample
    assert trends["term"].unique().tolist() == ["oil", "OPEC", "U.S."]
    oil = ct.frequency_table(ds).set_index("term").loc["oil", "count"]
    assert trends.loc[trends["term"] == "oil", "count"].sum() == oil  # every dated article has its date here
    assert (out / "word_frequency" / "trends.png").is_file()
    keywords = stats.keyword_table(ds, top=10)
    assert _csv(out / "word_frequency" / "keywords.csv") == table_to_csv(keywords) == table_to_csv(
        stats.keyword_table(toks, top=10))


def test_keyness_against_a_reference_corpus(tmp_path):
    # the reference (the seed) is tokenised into its own dataset in the report's token cache
    out = tmp_path / "report"
    result = run_report(REUTERS, out, notebooks=["keyness"], parameters={"reference": str(SEEDS)},
                        progress=False, log=lambda line: None)
    assert result.ok, result.failures
    options = {"lowercase": True, "stopwords": "english"}
    cached = sorted((out / "cache").glob("tokens-*"))
    assert len(cached) == 2  # the corpus' and the reference's
    corpus = ct.load_corpus(REUTERS, warn=False)
    expected = ct.keyness_table(ct.corpus_token_table(corpus, options), reference=ct.corpus_token_table(
        ct.load_corpus(SEEDS), options), min_count=2, bonferroni=True)
    ds = _dataset_of(out, corpus).with_options(options)
    assert _used_min_counts(out / "keyness", ds) == {"min_count": 2}
    got = ct.keyness_table(ds, reference=_dataset_of(out, ct.load_corpus(SEEDS)), min_count=2, bonferroni=True)
    assert _csv(out / "keyness" / "keyness_reference.csv") == table_to_csv(got) == table_to_csv(expected)
    assert expected["term"].iloc[0] == "oil"


def _dataset_of(out, corpus):
    from corpus_tools.scale.dataset import dataset_folder

    return open_token_dataset(dataset_folder(corpus, out / "cache", "fast"))


def test_your_terms_get_a_concordance_collocates_and_a_plot(reuters_report, tmp_path):
    out, corpus = reuters_report
    raw = ct.corpus_token_table(corpus, {"words_only": False})
    toks = ct.corpus_token_table(corpus, {"stopwords": "english"})
    ds = token_dataset(corpus, tmp_path, n_jobs=1)  # what the kernel queried
    folder = out / "collocations"
    assert _used_min_counts(folder, ds) == {"min_count": 2, "collocate_min_count": 2}
    for i, (term, slug) in enumerate([("oil", "oil"), ("OPEC", "opec"), ("U.S.", "u_s")], start=1):
        lines = ct.kwic_table(corpus, term, context=6, sort="right", tokens=raw)
        assert _csv(folder / f"kwic_term{i}_{slug}.csv") == table_to_csv(lines)
        assert table_to_csv(lines) == table_to_csv(ct.kwic_table(corpus, term, context=6, sort="right",
                                                                 tokens=ds.with_options({"words_only": False})))
        assert set(lines["date"]) <= {a.date.isoformat() for a in corpus if a.date} | {""}
        assert len(lines) > 0 and (folder / f"concordance_term{i}_{slug}.png").is_file()
        coll = ct.collocate_table(toks, term, span=5, min_count=2, options={"stopwords": "english"})
        assert _csv(folder / f"collocates_term{i}_{slug}.csv") == table_to_csv(coll)
        assert table_to_csv(coll) == table_to_csv(ct.collocate_table(ds, term, span=5, min_count=2,
                                                                     options={"stopwords": "english"}))
    # every "oil" the frequency table counts is a concordance line
    oil = ct.frequency_table(toks).set_index("term").loc["oil", "count"]
    assert len(ct.kwic_table(corpus, "oil", tokens=raw)) == oil
