"""The report runner: parameters, kernel, failures, atomic output folder, CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, SEEDS
from papermill.cli import _resolve_type
from report_helpers import write_notebook

from corpus_tools.cli import main
from corpus_tools.report import runner as report
from corpus_tools.report.kernel import current_python_kernelspec
from corpus_tools.report.runner import (
    ReportError,
    available_notebooks,
    parse_parameter_value,
    read_parameter_file,
    resolve_parameters,
    run_report,
)

QUIET = {"progress": False, "log": lambda line: None}

OK_PARAMS = 'corpus = None  # the corpus\noutput_dir = "figures"  # artifacts\nmessage = "hi"  # a word to save\n'
OK_CELL = """
import sys
import pandas as pd
from corpus_tools.io.outputs import save_table
save_table(pd.DataFrame({"message": [message], "corpus": [corpus]}), output_dir, "message")
print("executable:", sys.executable)
"""


class _Run:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def cli(capsys):
    """``corpus-tools report ARGS`` in this process (the kernels are subprocesses anyway)."""

    def run(*args):
        capsys.readouterr()
        code = main(["report", *map(str, args)])
        captured = capsys.readouterr()
        return _Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def tiny(tmp_path):
    """A fast succeeding and a failing notebook."""
    ok = write_notebook(tmp_path / "ok.ipynb", OK_PARAMS, OK_CELL)
    fail = write_notebook(tmp_path / "fail.ipynb", "corpus = None  # the corpus\n", "x = 1",
                          "raise ValueError('boom in cell')")
    return ok, fail


def test_parameter_values_convert_like_papermill():
    for text in ["True", "False", "None", "12", "-3", "1.5", "1e-3", "pmi", "12abc", "", " 7 "]:
        assert parse_parameter_value(text) == _resolve_type(text), text
    assert parse_parameter_value("[ukraine, putin]") == ["ukraine", "putin"]
    assert parse_parameter_value("{a: 1}") == {"a": 1}
    with pytest.raises(ReportError, match="YAML"):
        parse_parameter_value("[unclosed")


def test_parameter_file(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("top_n: 5\ntrace_terms: [war, peace]\nstopwords: null\n", "utf-8")
    assert read_parameter_file(f) == {"top_n": 5, "trace_terms": ["war", "peace"], "stopwords": None}
    f.write_text("- a\n- b\n", "utf-8")
    with pytest.raises(ReportError, match="p.yaml: a parameter file must be a mapping"):
        read_parameter_file(f)
    with pytest.raises(ReportError, match="cannot read parameter file"):
        read_parameter_file(tmp_path / "missing.yaml")


def test_unknown_and_reserved_parameters_are_errors():
    nbs = list(available_notebooks().values())
    shares = resolve_parameters(nbs, {"top": 3, "measure": "pmi", "article": "x"})
    by_name = {p.stem: v for p, v in shares.items()}
    assert by_name == {"word_frequency": {"top": 3}, "collocations": {"top": 3, "measure": "pmi"},
                       "keyness": {}, "section_structure": {"article": "x"}}
    with pytest.raises(ReportError) as e:
        resolve_parameters(nbs, {"top": 3, "nope": 1})
    message = str(e.value)
    assert "unknown parameter 'nope'" in message
    valid = sorted({n for nb in nbs for n in report.notebook_parameters(nb)} - {"corpus", "output_dir", "token_cache"})
    assert f"valid parameters: {', '.join(valid)}" in message
    assert {"top", "measure", "article"} <= set(valid)
    with pytest.raises(ReportError, match="corpus is set by the runner"):
        resolve_parameters(nbs, {"corpus": "x"})
    with pytest.raises(ReportError, match="token_cache is set by the runner"):
        resolve_parameters(nbs, {"token_cache": "x"})


def test_kernel_is_the_current_python():
    spec = current_python_kernelspec()
    assert spec.argv[:3] == [sys.executable, "-m", "ipykernel_launcher"]
    assert spec.env["PYTHONPATH"].split(os.pathsep)[0] == str(REPO)  # a source checkout imports itself


def test_cli_bad_parameter_fails_before_anything_runs(tmp_path, cli):
    # once through `python -m corpus_tools`, the rest in-process
    r = subprocess.run([sys.executable, "-m", "corpus_tools", "report", str(SEEDS), "-o", str(tmp_path / "out"),
                        "-p", "nope", "1", "-p", "top", "3"], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(REPO)})
    assert r.returncode == 2
    assert "unknown parameter 'nope'" in r.stderr and "valid parameters:" in r.stderr and "top" in r.stderr
    assert list(tmp_path.iterdir()) == []  # no report, no partial folder
    f = tmp_path / "p.yaml"
    f.write_text("bogus: 2\n", "utf-8")
    r = cli(SEEDS, "-o", tmp_path / "out", "-f", f, "-n", "word_frequency")
    assert r.returncode == 2 and "unknown parameter 'bogus' for notebook(s) word_frequency" in r.stderr
    r = cli(SEEDS, "-o", tmp_path / "out", "-n", "no_such_notebook")
    assert r.returncode == 2 and "unknown notebook 'no_such_notebook'" in r.stderr
    r = cli(tmp_path / "missing", "-o", tmp_path / "out")
    assert r.returncode == 2 and "missing: no such file or folder" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_failing_notebook_keeps_the_previous_report(tmp_path, tiny, cli):
    ok, fail = tiny
    out = tmp_path / "out"
    f = tmp_path / "p.yaml"
    f.write_text("message: from-yaml\n", "utf-8")
    r = cli(SEEDS, "-o", out, "-n", ok, "-f", f, "--no-progress")
    assert r.returncode == 0, r.stderr
    assert f"report written to {out / 'index.html'}" in r.stdout
    good = (out / "manifest.json").read_bytes()
    manifest = json.loads(good)
    assert manifest["status"] == "ok" and manifest["parameters"] == {"message": "from-yaml"}
    # the notebook analyses the run's own copy of the corpus, named relative to its folder
    assert (out / "ok" / "message.csv").read_text("utf-8") == "message,corpus\nfrom-yaml,../corpus.jsonl\n"
    executed = nbformat.read(out / "ok" / "ok.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert f"executable: {sys.executable}" in printed  # the kernel ran this interpreter

    r = cli(SEEDS, "-o", out, "-n", fail, "-n", ok, "-p", "message", "second", "--no-progress")
    assert r.returncode == 1
    assert "notebook fail: cell" in r.stderr and "ValueError: boom in cell" in r.stderr
    assert "line 1: raise ValueError('boom in cell')" in r.stderr  # the line that raised, not the first line
    assert (out / "manifest.json").read_bytes() == good  # the previous report is untouched
    (failed,) = tmp_path.glob("out.failed-*")
    failed_manifest = json.loads((failed / "manifest.json").read_text("utf-8"))
    assert failed_manifest["status"] == "failed"
    statuses = {nb["name"]: nb["status"] for nb in failed_manifest["notebooks"]}
    assert statuses == {"fail": "failed", "ok": "ok"}  # the other notebook still ran
    error = failed_manifest["notebooks"][0]["error"]
    assert (error["ename"], error["evalue"]) == ("ValueError", "boom in cell")
    kept = nbformat.read(failed / "fail" / "fail.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in kept.cells for o in c.get("outputs", []))
    assert (failed / "fail" / "fail.html").is_file() and (failed / "index.html").is_file()
    assert "[failed]" in (failed / "index.html").read_text("utf-8")

    r = cli(SEEDS, "-o", out, "-n", ok, "-p", "message", "third", "--no-progress")
    assert r.returncode == 0
    assert json.loads((out / "manifest.json").read_text("utf-8"))["parameters"] == {"message": "third"}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".", "out"))) == [
        "out", failed.name]  # no partial or old folders left


def test_interrupted_run_leaves_the_report_alone(tmp_path, tiny, monkeypatch):
    ok, _ = tiny
    out = tmp_path / "out"
    assert run_report(SEEDS, out, [str(ok)], **QUIET).ok
    before = (out / "manifest.json").read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "_run_notebook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_report(SEEDS, out, [str(ok)], **QUIET)
    assert (out / "manifest.json").read_bytes() == before
    (failed,) = tmp_path.glob("out.failed-*")
    assert json.loads((failed / "manifest.json").read_text("utf-8"))["status"] == "interrupted"
    assert not list(tmp_path.glob(".out.*"))


def test_report_folder_contents(tmp_path, tiny):
    ok, _ = tiny
    # a value that would run as code if pasted into the notebook source stays data
    hostile = 'x"; raise SystemExit("injected") #'
    result = run_report(SEEDS, tmp_path / "out", [str(ok)], {"message": hostile}, **QUIET)
    assert result.ok, result.failures
    assert (result.path / "ok" / "message.csv").read_text("utf-8").splitlines()[1].startswith(
        '"x""; raise SystemExit(""injected"") #",')
    out = result.path
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "corpus.jsonl", "corpus.jsonl.load-problems.json", "index.html", "manifest.json", "ok", "ok/message.csv",
        "ok/ok.html", "ok/ok.ipynb"]
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    import hashlib
    seed_file = next(SEEDS.glob("*.txt"))
    assert m["corpus"]["files"] == [{"path": seed_file.name, "bytes": seed_file.stat().st_size,
                                     "sha256": hashlib.sha256(seed_file.read_bytes()).hexdigest()}]
    assert m["corpus"]["articles"] == 1 and m["corpus"]["problems"] == [] and m["corpus"]["skipped"] == 0
    assert m["corpus"]["analysed"] == {"path": "corpus.jsonl", "bytes": (out / "corpus.jsonl").stat().st_size,
                                       "sha256": hashlib.sha256((out / "corpus.jsonl").read_bytes()).hexdigest()}
    assert sorted(m["artifacts_sha256"]) == [
        "corpus.jsonl", "corpus.jsonl.load-problems.json", "index.html", "ok/message.csv", "ok/ok.html", "ok/ok.ipynb"]
    assert m["artifacts_sha256"]["ok/message.csv"] == hashlib.sha256((out / "ok/message.csv").read_bytes()).hexdigest()
    assert m["packages"]["papermill"] and m["packages"]["python"] == sys.version.split()[0]
    assert m["started"] <= m["notebooks"][0]["started"] <= m["notebooks"][0]["finished"] <= m["finished"]
    nb = m["notebooks"][0]
    assert (nb["status"], nb["parameters"], nb["executed"], nb["html"], nb["artifacts"]) == (
        "ok", {"message": hostile}, "ok/ok.ipynb", "ok/ok.html", ["ok/message.csv"])
    index = (out / "index.html").read_text("utf-8")
    for link in ("ok/ok.html", "ok/ok.ipynb", "ok/message.csv", "manifest.json"):
        assert f'href="{link}"' in index


def test_load_problems_reach_the_manifest(tmp_path, tiny):
    ok, _ = tiny
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A fine article. It has words.", "utf-8")
    (corpus / "empty.txt").write_text("", "utf-8")
    m = run_report(corpus, tmp_path / "out", [str(ok)], **QUIET).manifest
    assert m["corpus"]["articles"] == 1 and m["corpus"]["skipped"] == 1
    assert m["corpus"]["problems"][0].startswith(str(corpus / "empty.txt"))
    assert [f["path"] for f in m["corpus"]["files"]] == ["empty.txt", "good.txt"]


def test_refuses_to_replace_a_folder_that_is_not_a_report(tmp_path, tiny):
    ok, _ = tiny
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me", "utf-8")
    with pytest.raises(ReportError, match="not a corpus-tools report"):
        run_report(SEEDS, precious, [str(ok)], **QUIET)
    assert (precious / "thesis.txt").read_text("utf-8") == "keep me"


def test_html_export_failure_fails_that_notebook_only(tmp_path, tiny, monkeypatch):
    ok, _ = tiny
    second = tmp_path / "second.ipynb"
    second.write_bytes(ok.read_bytes())
    real = report.export_html
    calls = []

    def broken_for_ok(nb, **options):  # notebooks may run side by side: break ok's export by its name
        calls.append(nb.metadata.papermill["input_path"])
        if Path(nb.metadata.papermill["input_path"]).name == "ok.ipynb":
            raise RuntimeError("exporter broke")
        return real(nb, **options)

    monkeypatch.setattr(report, "export_html", broken_for_ok)
    result = run_report(SEEDS, tmp_path / "out", [str(ok), str(second)], {"message": "second"}, **QUIET)
    assert not result.ok
    statuses = {nb["name"]: nb["status"] for nb in result.manifest["notebooks"]}
    assert statuses == {"ok": "failed", "second": "ok"}  # the next notebook still ran and exported
    assert result.failures == ["notebook ok: RuntimeError: exporter broke"]


@pytest.mark.slow
def test_notebooks_side_by_side_give_the_same_report_as_one_after_the_other(tmp_path):
    # two shipped notebooks on the seed, -j 1 (in this thread, in order) and -j 2 (two kernels at once)
    names = ["word_frequency", "collocations"]
    runs = {jobs: run_report(SEEDS, tmp_path / f"j{jobs}", names, n_jobs=jobs, **QUIET) for jobs in (1, 2)}
    assert all(r.ok for r in runs.values())
    assert [nb["name"] for nb in runs[2].manifest["notebooks"]] == names  # the given order, whatever finished first
    assert {j: r.manifest["kernel"]["notebooks_at_once"] for j, r in runs.items()} == {1: 1, 2: 2}
    # the report's DuckDB memory is shared by the kernels at once: the tables do not depend on it either
    assert {j: r.manifest["kernel"]["duckdb_memory_limit"] for j, r in runs.items()} == {1: "1000MB", 2: "500MB"}
    tables = {j: {p.relative_to(r.path): p.read_bytes() for p in r.path.rglob("*.csv")} for j, r in runs.items()}
    assert len(tables[1]) >= 10 and tables[1] == tables[2]  # byte-identical tables
    # side by side the overview is counted beside the last notebook (on the first worker free): the same record
    overview = {j: r.manifest["overview"] for j, r in runs.items()}
    assert overview[1]["tokens"] > 1000 and overview[1] == overview[2]


def test_each_kernel_gets_its_share_of_the_reports_duckdb_memory(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUS_TOOLS_DUCKDB_MEMORY", raising=False)
    cell = ("import os, pandas as pd\nfrom corpus_tools.io.outputs import save_table\n"
            "save_table(pd.DataFrame({'limit': [os.environ['CORPUS_TOOLS_DUCKDB_MEMORY']]}), output_dir, 'limit')")
    nbs = [write_notebook(tmp_path / f"env{i}.ipynb", OK_PARAMS, cell) for i in (1, 2)]
    result = run_report(SEEDS, tmp_path / "out", [str(n) for n in nbs], n_jobs=2, **QUIET)
    assert result.ok and result.manifest["kernel"]["duckdb_memory_limit"] == "500MB"
    assert [(result.path / f"env{i}" / "limit.csv").read_text().split() for i in (1, 2)] == [["limit", "500MB"]] * 2
    monkeypatch.setenv("CORPUS_TOOLS_DUCKDB_MEMORY", "3GB")  # the user's setting is every kernel's
    assert report.kernel_duckdb_memory(2) == "3GB"


def test_notebooks_at_once_is_never_more_than_the_notebooks():
    assert report.notebook_workers(None, 1) == 1
    assert report.notebook_workers(4, 2) == 2
    assert report.notebook_workers(1, 4) == 1
    assert report.notebook_workers(-1, 64) == (os.cpu_count() or 1)

