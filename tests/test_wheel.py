"""The wheel: built from the repository, installed (not editable) in a fresh venv, it runs the report.

Slow (a wheel build and a venv with every dependency); CI runs it.  pip's cache makes the
install quick after the first run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

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
    assert [nb["status"] for nb in manifest["notebooks"]] == ["ok", "ok", "ok"]
    assert all(nb["source"].startswith(str(venv)) for nb in manifest["notebooks"])  # the wheel's notebooks
    assert manifest["overview"]["tokens"] == 1106 and manifest["overview"]["types"] == 537  # ct.token_table(seed)
    r = subprocess.run([str(cli), "notebooks", "mine"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (elsewhere / "mine").iterdir()) == NOTEBOOKS
