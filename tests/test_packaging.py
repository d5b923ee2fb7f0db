"""Packaging: environment.yml in step with pyproject.toml, the public API, the CLI, the wheel.

The wheel test builds it from the repository and (slow) installs it, not editable, into a fresh
venv that runs the report; pip's cache makes the install quick after the first run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO

import corpus_tools as ct


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req, maxsplit=1)[0].strip().lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    env = yaml.safe_load((REPO / "environment.yml").read_text("utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_section = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    # the runtime dependencies and the `jupyter` extra (JupyterLab, to open the notebooks)
    runtime = {_name(r): r for r in [*project["dependencies"], *project["optional-dependencies"]["jupyter"]]}
    conda_map = {_name(r): r for r in conda if _name(r) not in ("python", "pip")}
    assert conda_map.keys() == runtime.keys()
    # same lower bounds too
    assert {k: v.replace(" ", "") for k, v in conda_map.items()} == {
        k: v.replace(" ", "") for k, v in runtime.items()}
    assert "conda-forge" in env["channels"]
    assert "-e ." in pip_section
    assert any(d.startswith("python>=3.11") for d in conda)


def test_public_api_is_exported():
    for name in ct.__all__:
        assert hasattr(ct, name), name
    assert len(set(ct.__all__)) == len(ct.__all__)


def test_cli_summary_on_seed():
    out = subprocess.run([sys.executable, "-m", "corpus_tools", "summary", str(REPO / "seeds"), "--top", "3"],
                         capture_output=True, text=True, check=True).stdout
    assert "articles: 1  blocks: 36 (4 headings, 32 paragraphs)" in out
    # 15 in the text; one is in an inserted related-story link, boilerplate left out of word counts by default
    assert re.search(r"^\s*ukraine\s+14\s", out, re.M)


def test_cli_missing_corpus_is_a_clear_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "corpus_tools", "summary", str(tmp_path / "nope")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "nope: no such file or folder" in r.stderr


def test_one_version_source():
    # pyproject.toml reads the version from corpus_tools/_version.py (hatch's dynamic version)
    import importlib.metadata

    assert "version" in tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["dynamic"]
    assert importlib.metadata.version("corpus-tools") == ct.__version__


# --- the wheel (issue 14) ---

NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(REPO)],
                   check=True, capture_output=True, text=True)
    (built,) = dist.glob("corpus_tools-*.whl")
    return built


def test_the_wheel_carries_the_notebooks_and_templates(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("corpus_tools/notebooks/")) == NOTEBOOKS
    assert "corpus_tools/report/templates/offline/index.html.j2" in names
    assert not any(n.startswith(("notebooks/", "tests/", "seeds/")) for n in names)
    for name in NOTEBOOKS:  # the very same files as the source folder
        assert zipfile.ZipFile(wheel).read(f"corpus_tools/notebooks/{name}") == (REPO / "notebooks" / name).read_bytes()
    # and the seed corpus, byte for byte (default_corpus() finds it when there is no checkout)
    seeds = sorted(p.name for p in (REPO / "seeds").iterdir())
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("corpus_tools/seeds/")) == seeds
    for name in seeds:
        assert zipfile.ZipFile(wheel).read(f"corpus_tools/seeds/{name}") == (REPO / "seeds" / name).read_bytes()


@pytest.mark.slow
def test_a_fresh_venv_with_the_wheel_runs_the_report_from_any_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True, text=True)
    elsewhere = tmp_path / "elsewhere"  # no checkout above it: nothing can be found by accident
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(py), "-c", "import corpus_tools; print(corpus_tools.__file__)"], cwd=elsewhere,
                           env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(venv)) and "site-packages" in where  # the installed copy, not the checkout
    cli = venv / "bin" / "corpus-tools"
    r = subprocess.run([str(cli), "report", str(REPO / "seeds"), "-o", "out", "--no-progress"], cwd=elsewhere,
                       env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    assert "Kernel is running over TCP" not in r.stderr and "TqdmWarning" not in r.stderr
    manifest = json.loads((elsewhere / "out" / "manifest.json").read_text("utf-8"))
    assert [nb["status"] for nb in manifest["notebooks"]] == ["ok", "ok", "ok", "ok"]
    assert all(nb["source"].startswith(str(venv)) for nb in manifest["notebooks"])  # the wheel's notebooks
    # ct.token_table(seed): 1,106 tokens and 537 types in every block, less the 31 tokens of the three
    # inserted related-story links (boilerplate, left out by default)
    assert manifest["overview"]["tokens"] == 1075 and manifest["overview"]["types"] == 521
    # no corpus given: the seed the wheel carries, found from a folder with no checkout above it
    r = subprocess.run([str(cli), "report", "-o", "out_seed", "--no-progress", "-n", "word_frequency"],
                       cwd=elsewhere, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    manifest = json.loads((elsewhere / "out_seed" / "manifest.json").read_text("utf-8"))
    assert Path(manifest["corpus"]["path"]).parent == Path(where).parent  # site-packages/corpus_tools/seeds
    assert Path(manifest["corpus"]["path"]).name == "seeds" and manifest["overview"]["tokens"] == 1075
    r = subprocess.run([str(cli), "notebooks", "mine"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (elsewhere / "mine").iterdir()) == NOTEBOOKS


# -- the CLI never prints a terminal escape raw (issue 15) ----------------------------------------------

def test_terminal_safe_escapes_c0_c1_and_bidi_controls_but_keeps_line_breaks():
    from corpus_tools.cli import terminal_safe

    assert terminal_safe("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m"
    assert terminal_safe("bell\x07 cr\r nul\x00 del\x7f csi\x9b") == "bell\\x07 cr\\r nul\\x00 del\\x7f csi\\x9b"
    assert terminal_safe("file\u202etxt.exe") == "file\\u202etxt.exe"
    assert terminal_safe("one\ntwo Xi’s café") == "one\ntwo Xi’s café"


def test_summary_prints_escape_characters_in_file_names_escaped(tmp_path, capsys):
    import warnings

    from corpus_tools.cli import main

    (tmp_path / "good.txt").write_text("Oil prices rose in Texas. Oil fell.")
    (tmp_path / "evil\x1b]0;pwned\x07\x1b[2J.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "ctrl\x9b31m.txt").write_bytes(b"")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["summary", str(tmp_path), "--top", "3"]) == 0
    assert not caught  # the load warning (raw names) is not shown by Python: summary lists the problems itself
    out = capsys.readouterr()
    printed = out.out + out.err
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in printed
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J.txt" in out.out
    assert "ctrl\\x9b31m.txt" in out.out
    assert "load problems: 2 (2 skipped)" in out.out
    assert "oil" in out.out


def test_an_error_naming_a_path_with_escapes_is_escaped_too(tmp_path, capsys):
    from corpus_tools.cli import main

    missing = tmp_path / "no\x1b[5msuch"
    assert main(["summary", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "no\\x1b[5msuch" in err


def test_report_progress_lines_are_escaped(tmp_path, capsys, monkeypatch):
    from corpus_tools.cli import main
    from corpus_tools.report import runner

    def fake_run_report(corpus, out, notebooks, params, log, **kwargs):
        log("[1/1] evil\x1b[2Jname: failed")
        raise runner.ReportError("stop here")

    monkeypatch.setattr(runner, "run_report", fake_run_report)
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "[1/1] evil\\x1b[2Jname: failed" in err
