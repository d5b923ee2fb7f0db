"""``corpus-tools verify``: a report re-run from its manifest, artifact by artifact (issue 15)."""

from __future__ import annotations

import json

import pytest
from report_helpers import write_notebook

from corpus_tools.cli import main
from corpus_tools.report.runner import ReportError, run_report
from corpus_tools.report.verify import verify_report

QUIET = {"progress": False, "log": lambda line: None}
PARAMS = 'corpus = None  # the corpus\noutput_dir = "figures"  # artifacts\nmessage = "hi"  # a word\n'
CELL = """
import pandas as pd
import corpus_tools as ct
from corpus_tools.io.outputs import save_table
data = ct.load_corpus(corpus, warn=False)
save_table(pd.DataFrame({"message": [message], "words": [sum(len(a.text.split()) for a in data)]}),
           output_dir, "words")
"""


@pytest.fixture
def made(tmp_path):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Three words here.", "utf-8")
    nb = write_notebook(tmp_path / "count.ipynb", PARAMS, CELL)
    result = run_report(corpus, tmp_path / "out", [str(nb)], {"message": "m"}, **QUIET)
    assert result.ok, result.failures
    return corpus, result.path


def test_verify_passes_on_an_unchanged_report(made, capsys):
    _, out = made
    result = verify_report(out)
    assert result.ok and result.compared == 2 and result.artifacts == [] and result.packages == []
    assert main(["verify", str(out)]) == 0
    assert "verified: 2 artifacts" in capsys.readouterr().out


def test_verify_names_the_changed_corpus_and_each_differing_artifact(made, capsys):
    corpus, out = made
    (corpus / "a.txt").write_text("Now four words here.", "utf-8")
    assert main(["verify", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "artifact corpus.jsonl: differs (the corpus changed)" in printed
    assert "artifact count/words.csv: differs" in printed
    # the report's own copy of the corpus reproduces it
    assert verify_report(out, corpus=out / "corpus.jsonl").ok


def test_verify_names_each_package_version_that_differs(made):
    _, out = made
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    manifest["packages"]["pandas"] = "0.0.1"
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    result = verify_report(out)
    assert not result.ok and result.artifacts == []
    assert result.packages == [f"pandas: 0.0.1 recorded, {__import__('pandas').__version__} now"]


def test_verify_refuses_what_is_not_a_finished_report(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    with pytest.raises(ReportError, match="no manifest.json"):
        verify_report(tmp_path / "x")
    assert main(["verify", str(tmp_path / "x")]) == 2
    assert "corpus-tools verify: error:" in capsys.readouterr().err


def test_a_moved_corpus_is_verified_from_the_reports_copy(made):
    corpus, out = made
    corpus.rename(corpus.with_name("moved"))
    assert verify_report(out).ok
