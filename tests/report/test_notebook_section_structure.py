"""The section_structure notebook reads pieces, counts and one article's rows: the files of the whole tables.

Issue 11: the notebook used to read every structure table of the corpus into the kernel
(``structure_table``), write it and draw from it.  It now writes the tables in pieces and draws from
counts; here its files are compared, byte for byte, with those the old way makes in this process from
the same dataset: every CSV, and the figures drawn from the whole tables.
"""

from __future__ import annotations

import nbformat
import pytest
from conftest import REPO

import corpus_tools as ct
from corpus_tools import plots
from corpus_tools.io.outputs import save_figure, save_table
from corpus_tools.report import article_rows_table
from corpus_tools.report.runner import run_report
from corpus_tools.scale import structure_table
from corpus_tools.tokens.dataset import open_token_dataset

NEWS = REPO / "tests" / "data" / "structure" / "news"
ARTICLE = "web-flood-barrier"  # ten headings: sections, links and quotations to draw


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    result = run_report(NEWS, tmp_path_factory.mktemp("ss") / "report", notebooks=["section_structure"],
                        parameters={"article": ARTICLE}, progress=False, log=lambda line: None, n_jobs=1)
    assert result.ok, result.failures
    dataset = open_token_dataset(next((result.path / "cache").glob("tokens-*")))
    return result.path / "section_structure", dataset


def test_notebook_holds_no_whole_structure_table():
    nb = nbformat.read(REPO / "notebooks" / "section_structure.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "import structure_table" not in code and " structure_table(" not in code
    assert "article_rows_table" not in code and "nb.tokens" not in code
    assert code.count("iter_structure_table(ds, ") == 9  # every stored table, each written in pieces


def test_every_table_has_the_bytes_of_the_old_way(report, tmp_path):
    folder, dataset = report
    tables = {kind: structure_table(dataset, kind) for kind in ct.scale.STRUCTURE_TABLES}
    old = {"block_lengths": tables["blocks"], "headings": tables["headings"], "sections": tables["sections"],
           "block_roles": tables["block_roles"], "body_sections": tables["body_sections"],
           "block_role_counts": tables["block_roles"].groupby("role").size().rename("blocks").reset_index(),
           "sentence_lengths": tables["sentences"], "quotations": tables["quotations"],
           "quotation_summary": tables["quotation_summary"], "speakers": tables["speakers"]}
    assert len(tables["quotations"]) > 0 and len(tables["headings"]) > 0
    for name, table in old.items():
        assert (folder / f"{name}.csv").read_bytes() == save_table(table, tmp_path, name).read_bytes(), name


def test_every_figure_has_the_pixels_of_the_old_way(report, tmp_path):
    folder, dataset = report
    blocks, sections = structure_table(dataset, "blocks"), structure_table(dataset, "sections")
    chosen = article_rows_table(sections, ARTICLE)
    old = {
        "block_lengths": plots.plot_block_lengths(article_rows_table(blocks, ARTICLE),
                                                  title=f"Words per block: {ARTICLE}"),
        "sections": plots.plot_sections(chosen, title=f"Size of each section: {ARTICLE}"),
        "section_profile": ct.plot_section_profile(chosen, title=f"Words and quoted share per section: {ARTICLE}"),
        "corpus_structure": plots.plot_corpus_structure(structure_table(dataset, "block_roles"),
                                                        structure_table(dataset, "body_sections")),
        "sentence_lengths": plots.plot_sentence_lengths(structure_table(dataset, "sentences")["words"]),
    }
    for name, fig in old.items():
        (path,) = save_figure(fig, tmp_path, name)
        assert (folder / f"{name}.png").read_bytes() == path.read_bytes(), name


def test_the_shown_tables_count_every_row(report):
    folder, dataset = report
    nb = nbformat.read(folder / "section_structure.ipynb", as_version=4)
    html = "\n".join(o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs)
    rows = len(structure_table(dataset, "block_roles"))
    assert rows > 30
    assert f"showing 30 of {rows:,} rows and 5 of 10 columns; the full table is block_roles.csv" in html
    sentences = len(structure_table(dataset, "sentences"))
    assert f"showing 30 of {sentences:,} rows; the full table is sentence_lengths.csv" in html
