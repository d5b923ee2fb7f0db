"""An invalid notebook among the selected ones is a clear error naming the file, before anything runs (issue 15)."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from report_helpers import write_notebook

from corpus_tools.cli import main
from corpus_tools.report import ingest as ingest_step
from corpus_tools.report import runner as report
from corpus_tools.report.runner import ReportError, run_report


@pytest.fixture
def no_work(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("work started")

    monkeypatch.setattr(ingest_step, "load_corpus", forbidden)
    monkeypatch.setattr(report, "_run_notebook", forbidden)


@pytest.mark.parametrize(("content", "reason"), [
    ("{}", "missing a key: cells"),
    ("", "does not appear to be JSON"),
    ("[1, 2]", "not a valid Jupyter notebook"),
    ('{"cells": [{"cell_type": "code"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "metadata"),
])
def test_an_invalid_notebook_passed_with_n_names_the_file(tmp_path, no_work, capsys, content, reason):
    good = write_notebook(tmp_path / "good.ipynb", "corpus = None\n", "print(1)")
    bad = tmp_path / "broken.ipynb"
    bad.write_text(content, encoding="utf-8")
    code = main(["report", str(SEEDS), "-o", str(tmp_path / "out"), "-n", str(good), "-n", str(bad),
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"corpus-tools report: error: {bad}: not a valid Jupyter notebook (")
    assert reason in err and err.rstrip().endswith("fix it or leave it out of the selected notebooks")
    assert "Traceback" not in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ipynb", "good.ipynb"]  # nothing written


def test_an_invalid_notebook_in_the_notebooks_folder_is_refused_too(tmp_path, monkeypatch, no_work):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    write_notebook(folder / "word_frequency.ipynb", "corpus = None\n", "print(1)")
    (folder / "stray.ipynb").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(report, "_notebook_dirs", lambda: [folder])
    with pytest.raises(ReportError, match=r"stray\.ipynb: not a valid Jupyter notebook \(.*cells"):
        run_report(SEEDS, tmp_path / "out", progress=False, log=lambda line: None)
    assert not (tmp_path / "out").exists()
