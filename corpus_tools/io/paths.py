"""Where the shipped seed corpus is, whatever the working directory and however installed."""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_corpus"]


def default_corpus() -> Path:
    """The shipped seed corpus: the repository's ``seeds/`` folder, or its copy in the installed package.

    Looked for beside the package in a source checkout (or editable install),
    then in the package itself (``corpus_tools/seeds/``: the wheel carries a
    copy, hatch ``force-include`` in ``pyproject.toml``, so that
    ``corpus-tools report`` with no corpus works after a plain ``pip
    install``), then in the working directory and its parents.  The checkout
    comes first so that an edited ``seeds/``, the only source, is the one
    used there.

    Raises
    ------
    FileNotFoundError
        When no ``seeds/`` folder is found: pass a corpus path instead.
    """
    package = Path(__file__).resolve().parents[1]  # read at call time: tests lay out a fake install
    # beside the package only in a checkout (its pyproject.toml there): in site-packages, a
    # seeds/ folder beside corpus_tools would belong to some other distribution
    checkout = package.parent
    candidates = [checkout / "seeds"] if (checkout / "pyproject.toml").is_file() else []
    candidates.append(package / "seeds")
    here = Path.cwd().resolve()
    candidates += [p / "seeds" for p in (here, *here.parents)]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(
        "no seeds/ folder beside the corpus_tools package, inside it, or above the working directory; "
        "pass the corpus path explicitly"
    )
