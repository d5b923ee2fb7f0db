"""The public API follows CONTRIBUTING.md: layout, namespace size, one parameter vocabulary, no private imports."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys

import pytest
from conftest import REPO

import corpus_tools as ct

STAGES = ["model", "io", "tokens", "structure", "stats", "scale", "plots", "report"]

# Spellings CONTRIBUTING.md replaces, and what replaced them.
BANNED = {
    "window": "context (KWIC), span (collocations), neighbourhood (headings), mattr_window (MATTR)",
    "window_size": "span",
    "left": "span=(left, right)",
    "right": "span=(left, right)",
    "min_freq": "min_count",
    "overrides": "options=",
    "token_options": "options=",
    "option_overrides": "options=",
}
# n means an n-gram size, nothing else; these are the functions where it does.
NGRAM_SIZE_N = {"ngram_table", "collocation_table", "count_ngrams", "counts_by_article", "ngrams", "g2_p_value",
                "group_ngram_table",
                "mi3", "resolve_measure"}
# window_size is NLTK's own parameter in the counting layer that mirrors its finders (CONTRIBUTING.md).
NLTK_WINDOW_SIZE = {"count_ngrams", "counts_by_article"}


def public_functions():
    seen = {}
    for mod in [ct, *(importlib.import_module(f"corpus_tools.{s}") for s in STAGES)]:
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj) and obj not in seen.values():
                seen[name] = obj
    return sorted(seen.items())


def test_top_level_namespace_is_small_and_complete():
    assert 25 <= len(ct.__all__) <= 35
    for name in ct.__all__:
        assert hasattr(ct, name), name
    # heuristic internals stay in their modules
    for internal in ("TITLES", "REPORTING_VERBS", "speaker_candidates"):
        assert internal not in ct.__all__ and not any(
            internal in importlib.import_module(f"corpus_tools.{s}").__all__ for s in STAGES)


def test_every_stage_exports_what_its_modules_declare():
    for stage in STAGES:
        pkg = importlib.import_module(f"corpus_tools.{stage}")
        for name in pkg.__all__:
            assert getattr(pkg, name) is not None, (stage, name)


@pytest.mark.parametrize(("name", "function"), public_functions())
def test_public_functions_use_the_parameter_vocabulary(name, function):
    params = inspect.signature(function).parameters
    for p in params.values():
        if p.name == "window_size" and name in NLTK_WINDOW_SIZE:
            continue
        assert p.name not in BANNED, f"{name}({p.name}=...): use {BANNED[p.name]}"
        if p.kind is p.VAR_KEYWORD:
            assert p.name == "spec_fields", f"{name}(**{p.name}): token options are passed as options= only"
    if "n" in params:
        assert name in NGRAM_SIZE_N, f"{name}(n=...): n is an n-gram size; a row count is top="
    if "options" in params:
        assert params["options"].kind is inspect.Parameter.KEYWORD_ONLY or list(params).index("options") == 1, name
    returns = str(inspect.signature(function).return_annotation)
    if "DataFrame" in returns:
        assert name.endswith("_table"), f"{name} returns a DataFrame: name it *_table"
    if "Figure" in returns:
        assert name.startswith("plot_"), f"{name} returns a figure: name it plot_*"


def test_one_tokenizer_default_everywhere():
    from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER

    for name, function in public_functions():
        params = inspect.signature(function).parameters
        if "tokenizer" in params:
            assert params["tokenizer"].default == DEFAULT_TOKENIZER, name


def _imports(path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("corpus_tools"):
            yield node.module, [a.name for a in node.names]


def test_no_module_imports_another_modules_private_name():
    offenders = []
    for path in sorted((REPO / "corpus_tools").rglob("*.py")):
        for module, names in _imports(path):
            offenders += [f"{path.relative_to(REPO)}: {module}.{n}" for n in names if n.startswith("_")
                          and n != "__version__" and module != "corpus_tools._version"]
    assert offenders == []


def test_tests_mirror_the_package_layout():
    # every stage's tests live in tests/<stage>/, named test_<module>.py or test_<module>_<topic>.py
    assert not list((REPO / "tests").glob("test_*.py")) or {p.name for p in (REPO / "tests").glob("test_*.py")} <= {
        "test_api.py", "test_packaging.py", "test_seed.py"}  # only whole-package tests at the top
    for stage in STAGES:
        folder = REPO / "tests" / stage
        assert folder.is_dir(), folder
        modules = {p.stem for p in (REPO / "corpus_tools" / stage).glob("*.py")} - {"__init__"}
        for test in folder.glob("test_*.py"):
            topic = test.stem.removeprefix("test_")
            assert any(topic == m or topic.startswith(m + "_") for m in modules), \
                f"{test} names no module of corpus_tools.{stage}"


def test_import_layers_hold():
    # the contracts are in pyproject.toml; lint-imports is import-linter's command
    lint = REPO / ".venv" / "bin" / "lint-imports"
    command = [str(lint)] if lint.exists() else [sys.executable, "-m", "importlinter.cli"]
    done = subprocess.run([*command, "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_querying_a_token_dataset_never_imports_nltk(tmp_path):
    # import nltk costs ~1.2 s and ~100 MB per process (it imports scipy.stats when scipy is
    # installed); report kernels only query the dataset, so neither import corpus_tools nor a
    # query may pull it in: NLTK is imported by the first tokenizer made (or collocation scored).
    # (numba, which MATTR/MTLD use, imports scipy's top-level package only: 14 ms, no scipy.stats)
    from corpus_tools.report import setup_notebook

    setup_notebook(None, tmp_path / "out", token_cache=tmp_path / "cache", show_summary=False)  # tokenises
    script = f"""
import sys
import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.report import setup_notebook
assert "nltk" not in sys.modules, "import corpus_tools imported nltk"
nb = setup_notebook(None, {str(tmp_path / 'out')!r}, token_cache={str(tmp_path / 'cache')!r}, show_summary=False)
freq = ct.frequency_table(nb.dataset, min_count=1)
assert freq["count"].sum() > 1000
ct.ngram_table(nb.dataset, n=2)
stats.diversity_tables(nb.dataset)
print("nltk" in sys.modules, "scipy.stats" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_nltk_version_is_read_without_importing_it():
    # the tokenizer fingerprint (the token cache's key) reads NLTK's version from its metadata
    import importlib.metadata

    import nltk

    assert importlib.metadata.version("nltk") == nltk.__version__
