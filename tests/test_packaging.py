"""Packaging: environment.yml in step with pyproject.toml, the public API, the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

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
    assert re.search(r"^\s*ukraine\s+15\s", out, re.M)


def test_cli_missing_corpus_is_a_clear_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "corpus_tools", "summary", str(tmp_path / "nope")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "nope: no such file or folder" in r.stderr


def test_one_version_source():
    # pyproject.toml reads the version from corpus_tools/_version.py (hatch's dynamic version)
    import importlib.metadata

    assert "version" in tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["dynamic"]
    assert importlib.metadata.version("corpus-tools") == ct.__version__
