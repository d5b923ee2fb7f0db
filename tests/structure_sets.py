"""The annotated structure sets' scorer, ``benchmarks/bench_structure.py``, for the tests that pin its figures.

The benchmark script is the one place the sets are read and scored (block roles, quotations,
speakers); the tests load it as a module instead of copying its scoring.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


@cache
def bench_structure() -> ModuleType:
    """``benchmarks/bench_structure.py``, loaded once."""
    spec = importlib.util.spec_from_file_location("bench_structure", ROOT / "benchmarks" / "bench_structure.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def annotated_blocks() -> tuple[str, ...]:
    """The text of every block of every annotated structure set (tests/data/structure) and of the seed."""
    import corpus_tools as ct

    bench = bench_structure()
    articles = [a for ann in sorted(bench.DATA.rglob("annotations.json")) for a in bench.load_devset(ann.parent)[0]]
    articles += list(ct.load_corpus(ROOT / "seeds", warn=False))
    return tuple(b.text for a in articles for b in a.blocks)
