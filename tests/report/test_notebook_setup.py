"""setup_notebook, the notebooks' one set-up call, and the small helpers moved out of the notebooks."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import REPO, REUTERS, SEED_ID, SEEDS

import corpus_tools as ct
import corpus_tools.report.notebook as notebook_module
from corpus_tools import stats
from corpus_tools.io.loading import load_corpus, load_summary
from corpus_tools.io.outputs import table_to_csv
from corpus_tools.io.writing import save_jsonl
from corpus_tools.report import article_rows_table, setup_notebook
from corpus_tools.scale import registered_dataset, token_dataset
from corpus_tools.stats import zipf_fit, zipf_table

NOTEBOOKS = REPO / "notebooks"


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


# ---- issue 11: a kernel of the report never loads the corpus --------------------------------

def _runner_folder(tmp_path, corpus_path):
    """What the runner leaves for the kernels: the analysed copy and its dataset, recorded by the copy."""
    loaded = load_corpus(corpus_path, warn=False)  # the loader itself: the notebooks' may be patched
    copy = save_jsonl(loaded, tmp_path / "corpus.jsonl", load_problems=True)
    token_dataset(loaded, tmp_path / "cache", n_jobs=1, source=copy)
    return loaded, copy, tmp_path / "cache"


@pytest.fixture()
def no_load(monkeypatch):
    """Count (and refuse) every load of a corpus by the set-up or a notebook cell."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"the corpus was loaded: {args}")

    monkeypatch.setattr(notebook_module, "load_corpus", refuse)
    monkeypatch.setattr(ct, "load_corpus", refuse)
    return calls


def test_setup_opens_the_recorded_dataset_without_loading_the_corpus(tmp_path, monkeypatch, capsys):
    problem = "b_bad.txt"
    corpus_dir = tmp_path / "c"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("date 2024-01-05 Oil rose.\n\nGas fell. Oil fell.\n", encoding="utf-8")
    (corpus_dir / problem).write_bytes(b"")  # an empty file: a load problem, saved beside the copy
    loaded, copy, cache = _runner_folder(tmp_path, corpus_dir)
    assert loaded.problems
    calls = []
    real = notebook_module.load_corpus
    monkeypatch.setattr(notebook_module, "load_corpus", lambda *a, **k: calls.append(a) or real(*a, **k))
    nb = setup_notebook(copy, tmp_path / "out", token_cache=cache)
    assert calls == [] and not nb.corpus_loaded
    assert capsys.readouterr().out == load_summary(loaded) + "\n"  # the same summary, problems included
    pd.testing.assert_frame_equal(nb.summary_table(), loaded.summary_table())
    pd.testing.assert_frame_equal(nb.problems_frame(), loaded.problems_frame())
    assert nb.article_id == "a" and nb.texts(["a"]) == {"a": loaded["a"].text}
    assert nb.articles["article"].tolist() == loaded.ids
    # the corpus only when a user's cell asks: loaded once, from the copy
    assert nb.corpus.ids == loaded.ids and nb.article.id == "a" and nb.corpus_loaded
    assert len(calls) == 1
    nb.corpus  # noqa: B018 - a second access does not load again
    assert len(calls) == 1


def test_setup_of_a_file_records_it_for_the_next_kernel(tmp_path, monkeypatch):
    copy = save_jsonl(ct.load_corpus(SEEDS, warn=False), tmp_path / "seed.jsonl")
    first = setup_notebook(copy, tmp_path / "out", token_cache=tmp_path / "cache", show_summary=False)
    assert first.corpus_loaded  # nothing recorded yet: loaded and tokenised, and recorded
    monkeypatch.setattr(notebook_module, "load_corpus", lambda *a, **k: pytest.fail("loaded again"))
    second = setup_notebook(copy, tmp_path / "out", token_cache=tmp_path / "cache", show_summary=False)
    assert not second.corpus_loaded and second.dataset.folder == first.dataset.folder
    # another tokenizer, or a changed file: not the recorded dataset
    assert registered_dataset(copy, tmp_path / "cache", "exact") is None
    copy.write_text(copy.read_text(encoding="utf-8").replace("the", "a"), encoding="utf-8")
    assert registered_dataset(copy, tmp_path / "cache") is None


def _run_in_process(path, parameters: dict) -> dict:
    """Execute a notebook's code cells here (not in a kernel), so a patched loader sees every call."""
    book = nbformat.read(path, as_version=4)
    scope: dict = {}
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        exec("\n".join(line for line in cell.source.splitlines() if not line.startswith("%")), scope)
        if "parameters" in cell.metadata.get("tags", []):
            scope.update(parameters)
    plt.close("all")
    return scope


@pytest.mark.parametrize("name", ["word_frequency", "collocations", "keyness", "section_structure"])
def test_no_notebook_loads_the_corpus(tmp_path, name, no_load):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded, copy, cache = _runner_folder(tmp_path, REUTERS)
    params = {"corpus": str(copy), "output_dir": str(tmp_path / name), "token_cache": str(cache)}
    extra = {"word_frequency": {"group_by": "topic", "terms": ["oil", "U.S."]},
             "collocations": {"terms": ["oil", "U.S."]}, "keyness": {"group_by": "topic"},
             "section_structure": {"article": loaded[3].id}}[name]
    scope = _run_in_process(NOTEBOOKS / f"{name}.ipynb", {**params, **extra})
    assert no_load == [] and not scope["nb"].corpus_loaded
    out = tmp_path / name
    if name == "collocations":  # the lines are cut from the stored texts: those of the corpus
        raw = scope["raw"]
        for q in ("oil", "U.S."):
            assert (out / f"kwic_term{1 + (q == 'U.S.')}_{q.lower().replace('.', '_').strip('_')}.csv").read_text() \
                == table_to_csv(ct.kwic_table(loaded, q, context=6, sort="right", tokens=raw.token_table()))
    if name == "word_frequency":
        toks = ct.tokens.fast_token_table(loaded, {"stopwords": "english"})
        labels = stats.group_labels(loaded, "topic")
        assert (out / "frequency_by_group.csv").read_text() == table_to_csv(ct.frequency_table(toks, groups=labels))
        dates = {a.id: a.date for a in loaded}
        assert (out / "trends.csv").read_text() == table_to_csv(
            stats.trend_table(toks, ["oil", "U.S."], period="month", dates=dates, options={"stopwords": "english"}))
        assert (out / "corpus_summary.csv").read_text() == table_to_csv(loaded.summary_table())
    if name == "keyness":
        assert sorted(p.name for p in out.glob("keyness_*.csv")) == ["keyness_acq.csv", "keyness_crude.csv"]
    if name in ("keyness", "collocations"):  # min_count None: the rule's value, on the page and in min_counts.csv
        n = scope["ds"].n_rows
        names = ["min_count", "collocate_min_count"] if name == "collocations" else ["min_count"]
        assert (out / "min_counts.csv").read_text() == table_to_csv(stats.min_count_table(n, dict.fromkeys(names)))
        assert scope["min_count"] == stats.default_min_count(n) == 2
    if name == "section_structure":
        assert (out / "term_positions.csv").is_file()
