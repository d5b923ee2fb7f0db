"""NLTK imported without scipy.stats at start-up, and its Fisher test still SciPy's (tokens/nltk_loading.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_tokenising_imports_nltk_but_not_scipy_stats():
    pytest.importorskip("scipy")
    out = _run("""
        import sys
        import corpus_tools as ct
        from corpus_tools.tokens.fast import FastTokenizer
        FastTokenizer().counts("Mr. Smith went to Washington. He said so.")
        ct.token_table(ct.Corpus.from_texts(["The U.S. said no."]))
        print("nltk" in sys.modules, "scipy.stats" in sys.modules)
    """)
    assert out == "True False"


def test_nltk_fisher_is_scipys_fisher_exact():
    pytest.importorskip("scipy")
    out = _run("""
        import sys
        from corpus_tools.tokens.nltk_loading import import_nltk
        import_nltk()
        from nltk.metrics import BigramAssocMeasures
        before = "scipy.stats" in sys.modules
        p = BigramAssocMeasures.fisher(20, (42, 20), 14307668)
        from scipy.stats import fisher_exact
        expected = fisher_exact([[20, 22], [0, 14307626]], alternative="less")[1]
        print(before, "scipy.stats" in sys.modules, p == expected)
    """)
    assert out == "False True True"


def test_scipy_stats_imports_normally_afterwards():
    pytest.importorskip("scipy")
    out = _run("""
        from corpus_tools.tokens.nltk_loading import import_nltk
        import_nltk()
        import scipy.stats
        print(scipy.stats.norm.cdf(0.0))
    """)
    assert out == "0.5"
