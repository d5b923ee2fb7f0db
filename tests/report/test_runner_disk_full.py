"""A full disk while the report is written (issue 15): one clear message naming what was being written,
where the partial output is, that the previous report is untouched; exit 1, no traceback.

ENOSPC is simulated at each point the runner writes: the run's manifest, the analysed corpus copy, a
table or a figure saved by a notebook (in its kernel), the notebook's HTML page, the summary, the swap.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from report_helpers import write_notebook

from corpus_tools.cli import main
from corpus_tools.report import ingest as ingest_step
from corpus_tools.report import runner as report

PARAMS = 'corpus = None  # the corpus\noutput_dir = "figures"  # artifacts\nsave = "table"  # what fails\n'
CELL = """
import errno, os
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from corpus_tools.io import outputs

def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "top_terms." + ("csv" if save == "table" else "png"))

if save == "table":
    outputs.save_table = disk_full
if save == "figure":
    outputs.save_figure = disk_full
outputs.save_table(pd.DataFrame({"x": [1]}), output_dir, "top_terms")
fig, ax = plt.subplots()
outputs.save_figure(fig, output_dir, "top_terms")
"""


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A finished report (the one a failed run must leave untouched) and the notebook that wrote it."""
    root = tmp_path_factory.mktemp("previous")
    nb = write_notebook(root / "saver.ipynb", PARAMS, CELL)
    assert main(["report", str(SEEDS), "-o", str(root / "out"), "-n", str(nb), "--no-progress",
                 "-p", "save", "nothing"]) == 0
    return root


@pytest.fixture
def run(previous, tmp_path, capsys):
    shutil.copytree(previous / "out", tmp_path / "out")
    before = _tree(tmp_path / "out")
    nb = previous / "saver.ipynb"

    def go(save="nothing"):
        code = main(["report", str(SEEDS), "-o", str(tmp_path / "out"), "-n", str(nb), "--no-progress",
                     "-p", "save", save])
        err = capsys.readouterr().err
        assert code == 1, err
        assert "Traceback" not in err
        (message,) = [line for line in err.splitlines() if "no space left" in line.lower()]  # said once
        assert _tree(tmp_path / "out") == before  # the previous report is untouched
        assert not list(tmp_path.glob(".out.*"))  # no hidden partial folder left behind
        (failed,) = tmp_path.glob("out.failed-*")
        assert message.endswith(f"; the previous report (if any) is untouched; partial output in {failed}")
        assert message.startswith("corpus-tools report: error: no space left on device writing ")
        return message, failed

    return go


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_table_saved_by_a_notebook(run):
    message, failed = run("table")
    assert "writing notebook saver ([Errno 28] No space left on device: 'top_terms.csv')" in message
    assert (failed / "saver" / "saver.ipynb").is_file()  # what ran is kept for inspection


def test_figure_saved_by_a_notebook(run):
    message, _ = run("figure")
    assert "writing notebook saver ([Errno 28] No space left on device: 'top_terms.png')" in message


def test_html_page_of_a_notebook(run, monkeypatch):
    monkeypatch.setattr(report, "export_html", _enospc)
    message, _ = run()
    assert "writing notebook saver ([Errno 28] No space left on device)" in message


def test_first_manifest(run, monkeypatch):
    monkeypatch.setattr(report, "_write_manifest", _enospc)
    message, failed = run()
    assert "writing manifest.json;" in message
    assert not (failed / "saver").exists()  # nothing ran


def test_analysed_corpus_copy(run, monkeypatch):
    def full_at(path, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(ingest_step, "save_jsonl", lambda corpus, path, **kw: full_at(path))
    message, failed = run()
    assert "writing the analysed copy of the corpus (corpus.jsonl) (" in message  # and the file's path
    assert (failed / "manifest.json").is_file() and not (failed / "saver").exists()


def test_summary_at_the_end(run, monkeypatch):
    monkeypatch.setattr(report, "_write_summary", lambda folder, manifest: _enospc())
    message, failed = run()
    assert "writing the report summary (index.html, manifest.json);" in message
    assert (failed / "saver" / "saver.ipynb").is_file()


def test_final_swap(run, monkeypatch):
    monkeypatch.setattr(report, "swap_in", lambda tmp, out, stamp: _enospc())
    message, failed = run()
    assert "(moving the finished run into place)" in message
    assert (failed / "index.html").is_file()  # the finished report is kept whole


def test_run_folder_itself(previous, tmp_path, capsys, monkeypatch):
    shutil.copytree(previous / "out", tmp_path / "out")
    before = _tree(tmp_path / "out")
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name.startswith(".out.partial-"):
            _enospc()
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    code = main(["report", str(SEEDS), "-o", str(tmp_path / "out"), "-n", str(previous / "saver.ipynb"),
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.startswith("corpus-tools report: error: no space left on device writing the run folder ")
    assert err.rstrip().endswith("the previous report (if any) is untouched; nothing was written")
    assert _tree(tmp_path / "out") == before and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
