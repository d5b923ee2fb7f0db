"""default_corpus(): the checkout's seeds/, else the copy the wheel carries, else above the working directory."""

from __future__ import annotations

import tomllib

import pytest
from conftest import REPO, SEEDS

from corpus_tools.io import paths


def test_in_a_checkout_the_repository_seeds_come_first(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # nothing above tmp_path has a seeds/
    assert paths.default_corpus() == SEEDS


def _fake_install(tmp_path, with_seeds: bool):
    """site-packages/corpus_tools/io/paths.py, with or without the wheel's corpus_tools/seeds/."""
    package = tmp_path / "site-packages" / "corpus_tools"
    (package / "io").mkdir(parents=True)
    (package / "io" / "paths.py").write_text("", encoding="utf-8")
    if with_seeds:
        (package / "seeds").mkdir()
        (package / "seeds" / "a.txt").write_text("An article.\n", encoding="utf-8")
    return package


def test_installed_from_a_wheel_the_packaged_seeds_are_found_from_any_folder(monkeypatch, tmp_path):
    package = _fake_install(tmp_path, with_seeds=True)
    (package.parent / "seeds").mkdir()  # another distribution's folder in site-packages: not ours
    monkeypatch.setattr(paths, "__file__", str(package / "io" / "paths.py"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert paths.default_corpus() == package / "seeds"


def test_with_no_seeds_anywhere_the_error_says_what_to_do(monkeypatch, tmp_path):
    package = _fake_install(tmp_path, with_seeds=False)
    monkeypatch.setattr(paths, "__file__", str(package / "io" / "paths.py"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="pass the corpus path explicitly"):
        paths.default_corpus()


def test_the_wheel_build_includes_the_seeds_as_package_data():
    # the wheel test (tests/test_packaging.py, slow) checks the built wheel; this, the build config
    wheel = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"]["seeds"] == "corpus_tools/seeds"
    assert wheel["packages"] == ["corpus_tools"]
    assert not (REPO / "corpus_tools" / "seeds").exists()  # no second copy in the source tree: seeds/ is the source
