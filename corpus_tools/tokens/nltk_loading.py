"""Importing NLTK without paying for SciPy's statistics module at start-up.

``import nltk`` imports every NLTK subpackage, and ``nltk.metrics.association``
imports ``scipy.stats`` (for its Fisher exact test) whenever SciPy is installed,
as it is beside scikit-learn: about 1.2-1.5 s of the 1.9-2.2 s NLTK takes to
import, in every process that tokenises or scores (the report's tokenising
workers, the collocations kernel), for a function corpus-tools never calls.
:func:`import_nltk` imports NLTK with ``scipy.stats`` held back, then gives
NLTK's association module a Fisher test that imports SciPy's on its first
call, so NLTK behaves as before for code that uses it (the test suite checks
``BigramAssocMeasures.fisher`` against ``scipy.stats.fisher_exact``).

Every import of NLTK in corpus-tools goes through :func:`import_nltk`.  NLTK's
other imports of ``scipy.stats`` already fall back at import time
(``nltk.metrics.scores``: a name SciPy dropped; ``nltk.translate.gale_church``:
a module that does not exist), so holding it back changes nothing else.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

__all__ = ["import_nltk"]


class _HoldBackScipyStats:
    """A meta-path finder that makes ``import scipy.stats`` fail while NLTK is being imported."""

    def find_spec(self, name, path=None, target=None):
        if name == "scipy.stats" or name.startswith("scipy.stats."):
            raise ImportError(f"{name} is imported on first use by corpus_tools.tokens.nltk_loading")
        return None


def _fisher_exact(*args, **kwargs):
    """``scipy.stats.fisher_exact``, imported on the first call (NLTK's ``fisher`` measure calls it by this name)."""
    from scipy.stats import fisher_exact

    return fisher_exact(*args, **kwargs)


def import_nltk() -> ModuleType:
    """``import nltk``, with ``scipy.stats`` imported only when NLTK's Fisher test is first used."""
    if "nltk" in sys.modules:
        return sys.modules["nltk"]
    if "scipy.stats" in sys.modules or importlib.util.find_spec("scipy") is None:
        import nltk  # SciPy's statistics are here already, or not installed: nothing to hold back

        return nltk
    finder = _HoldBackScipyStats()
    sys.meta_path.insert(0, finder)
    try:
        import nltk
    finally:
        sys.meta_path.remove(finder)
    association = sys.modules.get("nltk.metrics.association")
    if association is not None and getattr(association, "fisher_exact", None) is not None:
        association.fisher_exact = _fisher_exact
    return nltk
