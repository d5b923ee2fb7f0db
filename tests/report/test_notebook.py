"""The three notebooks: committed clean, and executed (papermill, headless) their numbers equal the library's."""

from __future__ import annotations

import json
import re
import shutil
import warnings

import nbformat
import papermill
import pytest
from conftest import REPO, SEED_ID, SEEDS
from report_helpers import HOSTILE, write_fixture_corpus

import corpus_tools as ct
from corpus_tools.io.outputs import table_to_csv
from corpus_tools.report.kernel import KERNEL_NAME, CurrentPythonKernelManager
from corpus_tools.report.runner import notebook_parameters, run_report
from corpus_tools.scale import structure_table, token_dataset
from corpus_tools.stats.concordance import kwic_queries_table
from corpus_tools.stats.dispersion import term_position_table
from corpus_tools.stats.frequency import distinctive_term_table
from corpus_tools.stats.keyness import keyword_table
from corpus_tools.structure.sections import block_table, sentence_table
from corpus_tools.tokens.dataset import open_token_dataset

NAMES = ["word_frequency", "collocations", "keyness", "section_structure"]
NOTEBOOKS = REPO / "notebooks"


def _csv(folder, name):
    return (folder / f"{name}.csv").read_text("utf-8")


def _report_dataset(report, options):
    """The token dataset the report's notebooks queried (its one cache), under ``options``."""
    cached = sorted((report / "cache").glob("tokens-*"))
    assert len(cached) == 1
    return open_token_dataset(cached[0]).with_options(options)


def _png_outputs(path):
    nb = nbformat.read(path, as_version=4)
    return sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLBACKEND", "Agg")  # as on CI: the notebooks must still show their figures inline
        result = run_report(SEEDS, tmp_path_factory.mktemp("seed") / "report", progress=False,
                            log=lambda line: None)
    assert result.ok, result.failures
    return result.path


FIXTURE_PARAMS = {"top": 5, "lowercase": False, "stopwords": None, "min_count": 1, "top_distinctive": 3,
                  "top_heatmap_terms": 6, "top_keywords": 4, "measure": "pmi", "span": 2, "boundary": "sentence",
                  "top_kwic": 2, "article": "b_river",
                  "trace_terms": ["river", "farms"], "top_section_terms": 2, "dispersion_by": "paragraph"}


@pytest.fixture(scope="module")
def fixture_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("fixture")
    corpus = write_fixture_corpus(base / "corpus")
    result = run_report(corpus, base / "report", parameters=FIXTURE_PARAMS, progress=False, log=lambda line: None)
    assert result.ok, result.failures
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the fixture corpus loads without problems
        loaded = ct.load_corpus(corpus)
    return result.path, loaded


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_clean(name):
    path = NOTEBOOKS / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata.kernelspec == {"name": "python3", "display_name": "Python 3", "language": "python"}
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "commit notebooks without outputs"
    declared = notebook_parameters(path)
    assert declared["corpus"]["default"] == "None"
    assert declared["output_dir"]["default"] == '"figures"'
    assert all(p["help"] for p in declared.values()), "every parameter has a comment saying what it does"
    text = path.read_text("utf-8").lower()
    for fact in (SEED_ID, "2023-03-22", "ukraine", "putin", "bakhmut", "china"):
        assert not re.search(rf"\b{re.escape(fact)}\b", text), f"{name} hard-codes the seed fact {fact!r}"


def test_seed_report_word_frequency_equals_the_library(seed_report, seed_corpus):
    folder = seed_report / "word_frequency"
    toks = ct.token_table(seed_corpus, options={"lowercase": True, "stopwords": "english", "min_length": 1})
    freq = ct.frequency_table(toks)
    assert _csv(folder, "top_terms") == table_to_csv(freq.head(20))
    # README: ukraine 15 with boilerplate, 14 without the related-story link "Ukraine waiting for ..." (the default)
    assert _csv(folder, "top_terms").splitlines()[1].startswith("ukraine,14,")
    # the notebook's tables are the library's over the report's dataset, and those equal the in-memory ones
    ds = _report_dataset(seed_report, {"lowercase": True, "stopwords": "english", "min_length": 1})
    for name, by_article in (("lexical_diversity", False), ("lexical_diversity_by_article", True)):
        assert _csv(folder, name) == table_to_csv(ct.diversity_table(ds, by_article=by_article))
        assert table_to_csv(ct.diversity_table(ds, by_article=by_article)) == table_to_csv(
            ct.diversity_table(toks, by_article=by_article))
    fit = ct.stats.zipf_fit(freq)
    header, row = _csv(folder, "zipf_fit").splitlines()
    assert header == "slope,intercept,r_squared,n_types"
    assert row == f"{fit.slope!r},{fit.intercept!r},{fit.r_squared!r},{fit.n_types}"
    assert not (folder / "distinctive_terms.csv").exists()  # one article: nothing to compare
    for png in ("top_terms", "rank_frequency"):
        assert (folder / f"{png}.png").read_bytes()[:4] == b"\x89PNG"


def test_seed_report_collocations_equal_the_library(seed_report, seed_corpus, tmp_path):
    folder = seed_report / "collocations"
    options = {"lowercase": True, "stopwords": "english"}  # the default
    toks = ct.token_table(seed_corpus, options=options)
    ds = token_dataset(seed_corpus, tmp_path, n_jobs=1).with_options(options)  # what the kernel queried
    raw = ds.with_options({"words_only": False})
    for n, name in ((2, "bigrams"), (3, "trigrams")):
        expected = ct.collocation_table(toks, n=n, measure="g2", min_count=2)
        assert _csv(folder, name) == table_to_csv(expected)  # every n-gram; the page shows the top 20
        assert _csv(folder, name) == table_to_csv(ct.collocation_table(ds, n=n, measure="g2", min_count=2))
        assert (folder / f"{name}.png").is_file()
    top3 = ct.collocation_table(toks, n=2, min_count=2)["ngram"].head(3).tolist()
    assert _csv(folder, "kwic") == table_to_csv(kwic_queries_table(seed_corpus, top3, context=6))
    assert _csv(folder, "kwic") == table_to_csv(kwic_queries_table(seed_corpus, top3, context=6, tokens=raw))
    assert set(_csv(folder, "kwic").splitlines()[1].split(",")) >= {"2023-03-22"}  # the article's date
    # every occurrence of each pair has its line
    assert [(kwic_queries_table(seed_corpus, [q])["query"] == q).sum() for q in top3] == \
        ct.collocation_table(toks, n=2, min_count=2)["count"].head(3).tolist()


def test_collocations_notebook_reads_only_the_dataset():
    # issue 11: no kernel holds a per-token table of the whole corpus; every count is a dataset query
    nb = nbformat.read(NOTEBOOKS / "collocations.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for made in ("nb.tokens", "token_table(", "groupby("):
        assert made not in code, made
    assert "nb.dataset" in code


def test_seed_report_section_structure_equals_the_library(seed_report, seed_corpus, seed_article):
    folder = seed_report / "section_structure"
    options = ct.TokenOptions(lowercase=True, stopwords="english")
    assert _csv(folder, "block_lengths") == table_to_csv(block_table(seed_corpus))
    assert _csv(folder, "headings") == table_to_csv(ct.heading_table(seed_corpus))
    assert _csv(folder, "block_roles") == table_to_csv(ct.structure.block_role_table(seed_corpus))
    assert _csv(folder, "block_role_counts") == "role,blocks\nlead,1\nlink,3\nparagraph,31\nsubheading,1\n"
    assert _csv(folder, "sections") == table_to_csv(ct.section_table(seed_corpus))
    assert _csv(folder, "section_terms") == table_to_csv(
        ct.structure.section_term_table(seed_corpus, top=5, options=options))
    assert _csv(folder, "sentence_lengths") == table_to_csv(sentence_table(seed_corpus))
    assert _csv(folder, "quotations") == table_to_csv(ct.quotation_table(seed_corpus))
    assert _csv(folder, "quotation_summary") == table_to_csv(ct.structure.quotation_summary_table(seed_corpus))
    assert _csv(folder, "speakers") == table_to_csv(ct.speaker_table(seed_corpus))
    toks = ct.token_table(seed_corpus, options)
    terms = ct.frequency_table(toks)["term"].head(6).tolist()
    assert _csv(folder, "term_positions") == table_to_csv(term_position_table(toks, terms))
    assert _csv(folder, "dispersion") == table_to_csv(ct.dispersion_table(toks, terms, by="section"))
    assert len(ct.section_table(seed_corpus)) == 5  # the lead and 4 headed sections
    assert len(block_table(seed_corpus)) == 36
    # the notebook read these tables from the run's token dataset, where the tokenising pass stored them
    dataset = open_token_dataset(next((seed_report / "cache").glob("tokens-*")))
    for csv, kind in (("block_lengths", "blocks"), ("headings", "headings"), ("sections", "sections"),
                      ("body_sections", "body_sections"), ("sentence_lengths", "sentences"),
                      ("quotations", "quotations"), ("quotation_summary", "quotation_summary"),
                      ("speakers", "speakers")):
        assert _csv(folder, csv) == table_to_csv(structure_table(dataset, kind)), csv
    for png in ("block_lengths", "sections", "section_profile", "sentence_lengths", "dispersion", "corpus_structure"):
        assert (folder / f"{png}.png").is_file()


# keyness compares two parts of a corpus: the seed (one article, no groups, no reference) has none
DRAWN_ON_THE_SEED = [n for n in NAMES if n != "keyness"]


@pytest.mark.parametrize("name", DRAWN_ON_THE_SEED)
def test_executed_notebooks_show_their_figures_inline(seed_report, name):
    folder = seed_report / name
    pngs = sorted(folder.glob("*.png"))
    assert pngs, name
    assert _png_outputs(folder / f"{name}.ipynb") == len(pngs)  # every saved figure is also shown
    page = (folder / f"{name}.html").read_text("utf-8")
    assert page.count("data:image/png;base64") >= len(pngs)


def test_fixture_report_uses_the_parameters(fixture_report):
    report, corpus = fixture_report
    toks = ct.token_table(corpus, options={"lowercase": False, "stopwords": None})
    wf = report / "word_frequency"
    assert _csv(wf, "top_terms") == table_to_csv(ct.frequency_table(toks).head(5))
    by_article = ct.frequency_table(toks, by_article=True)
    distinct = distinctive_term_table(by_article, top=3)
    assert _csv(wf, "distinctive_terms") == table_to_csv(distinct)
    assert set(distinct["article"]) == {"a_port", "b_river", "c_school", "d_hostile"}
    assert (wf / "term_article_heatmap.png").is_file()
    keywords = keyword_table(toks, top=4)
    ds = _report_dataset(report, {"lowercase": False, "stopwords": None})
    assert _csv(wf, "keywords") == table_to_csv(keyword_table(ds, top=4)) == table_to_csv(keywords)
    for name, by_article in (("lexical_diversity", False), ("lexical_diversity_by_article", True)):
        assert _csv(wf, name) == table_to_csv(ct.diversity_table(ds, by_article=by_article)) == table_to_csv(
            ct.diversity_table(toks, by_article=by_article))
    assert keywords[keywords["article"] == "b_river"]["term"].iloc[0] == "river"  # 4 times, nowhere else
    co = report / "collocations"
    expected = ct.collocation_table(toks, n=2, measure="pmi", span=2, boundary="sentence", min_count=1)
    assert _csv(co, "bigrams") == table_to_csv(expected)  # every bigram; the page shows the top 5
    ds = token_dataset(corpus, report.parent / "tokens-check", n_jobs=1)
    assert _csv(co, "bigrams") == table_to_csv(ct.collocation_table(
        ds, n=2, measure="pmi", span=2, boundary="sentence", min_count=1, options={"lowercase": False}))
    lines = kwic_queries_table(corpus, expected["ngram"].head(2).tolist(), context=6)
    assert _csv(co, "kwic") == table_to_csv(lines)
    assert _csv(co, "kwic") == table_to_csv(kwic_queries_table(
        corpus, expected["ngram"].head(2).tolist(), context=6, tokens=ds.with_options({"words_only": False})))
    ss = report / "section_structure"
    river = ct.token_table(corpus["b_river"], options={"lowercase": False, "stopwords": None})
    positions = term_position_table(river, ["river", "farms"])
    assert _csv(ss, "term_positions") == table_to_csv(positions)
    assert _csv(ss, "dispersion") == table_to_csv(ct.dispersion_table(toks, ["river", "farms"], by="paragraph"))
    options = ct.TokenOptions(lowercase=False, stopwords=None)
    assert _csv(ss, "section_terms") == table_to_csv(ct.structure.section_term_table(corpus, top=2, options=options))
    # "river" in b_river: "raised the river level", "The river flooded", "The river rose", "The river level fell"
    assert (positions["term"] == "river").sum() == 4
    manifest = json.loads((report / "manifest.json").read_text("utf-8"))
    assert manifest["parameters"] == FIXTURE_PARAMS
    by_name = {nb["name"]: nb for nb in manifest["notebooks"]}
    assert by_name["collocations"]["parameters"] == {k: FIXTURE_PARAMS[k] for k in (
        "top", "lowercase", "stopwords", "min_count", "measure", "span", "boundary", "top_kwic")}
    assert [f["path"] for f in manifest["corpus"]["files"]] == sorted(
        ["a_port.txt", "b_river.txt", "c_school.txt", "d_hostile.txt"])


def test_article_text_is_escaped_in_html(fixture_report):
    report, corpus = fixture_report
    assert any(b.kind == "heading" and HOSTILE in b.text for b in corpus["d_hostile"].blocks)
    pages = sorted(report.rglob("*.html"))
    assert len(pages) == 5  # four notebooks and the index
    for page in pages:
        assert HOSTILE not in page.read_text("utf-8"), page
    # the heading did reach the section table, escaped
    assert "&lt;script&gt;alert(" in (report / "section_structure" / "section_structure.html").read_text("utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_as_committed_from_its_folder(tmp_path, seed_report, name):
    # a copy of notebooks/ elsewhere, run with no injected parameters from that folder as working
    # directory: the default corpus must still resolve, and the figures land in ./figures
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(NOTEBOOKS / f"{name}.ipynb", folder)
    executed = tmp_path / "executed.ipynb"
    papermill.execute_notebook(str(folder / f"{name}.ipynb"), str(executed), kernel_name=KERNEL_NAME,
                               kernel_manager_class=CurrentPythonKernelManager, progress_bar=False, cwd=str(folder))
    nb = nbformat.read(executed, as_version=4)
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    if name in DRAWN_ON_THE_SEED:
        assert _png_outputs(executed) > 0
    else:  # says what it needs instead of drawing nothing silently
        text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        assert "Give reference (a second corpus) or group_by" in text
    # determinism: this independent run gives byte-identical tables to the report over seeds/
    fresh = sorted(p.name for p in (folder / "figures").glob("*.csv"))
    assert fresh == sorted(p.name for p in (seed_report / name).glob("*.csv"))
    for csv in fresh:
        assert (folder / "figures" / csv).read_bytes() == (seed_report / name / csv).read_bytes(), csv


def test_report_tokenises_once_into_a_shared_cache(seed_report, seed_corpus, tmp_path):
    cached = sorted((seed_report / "cache").glob("tokens-*"))
    assert len(cached) == 1  # one token dataset for the three notebooks
    dataset = open_token_dataset(cached[0])  # complete and undamaged
    table = dataset.with_options(ct.tokens.RAW_TOKEN_OPTIONS).token_table()
    assert table["token"].tolist() == ct.token_table(seed_corpus, ct.tokens.RAW_TOKEN_OPTIONS)["token"].tolist()
    manifest = json.loads((seed_report / "manifest.json").read_text("utf-8"))
    assert all("token_cache" not in nb["parameters"] for nb in manifest["notebooks"])
    # a second report over the same corpus reuses the previous run's tokens
    out = tmp_path / "report"
    shutil.copytree(seed_report, out)
    lines = []
    result = run_report(SEEDS, out, notebooks=["word_frequency"], progress=False, log=lines.append)
    assert result.ok, result.failures
    assert f"tokens: reusing {out / 'cache' / cached[0].name}" in lines
    assert open_token_dataset(out / "cache" / cached[0].name).manifest == dataset.manifest
