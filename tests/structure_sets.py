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
