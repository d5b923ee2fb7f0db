"""Where the shipped seed corpus is, whatever the working directory."""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_corpus"]


def default_corpus() -> Path:
    """The repository's ``seeds/`` folder.

    Looked for beside the package (a source checkout or editable install),
    then in the working directory and its parents.

    Raises
    ------
    FileNotFoundError
        When no ``seeds/`` folder is found: pass a corpus path instead.
    """
    candidates = [Path(__file__).resolve().parents[2] / "seeds"]
    here = Path.cwd().resolve()
    candidates += [p / "seeds" for p in (here, *here.parents)]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(
        "no seeds/ folder beside the corpus_tools package or above the working directory; "
        "pass the corpus path explicitly"
    )
