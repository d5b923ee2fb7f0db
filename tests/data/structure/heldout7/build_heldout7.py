"""Rebuild the two packaged texts of the seventh held-out set.

Run once (``apt-get install r-base-core r-cran-tokenizers``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout7/build_heldout7.py

``books/moby-dick-ch113.txt`` and ``books/moby-dick-ch125.txt`` are cut from
the ``mobydick`` data of Debian's ``r-cran-tokenizers`` package (Herman
Melville, *Moby-Dick*, Project Gutenberg text, public domain) at the text's
chapter headings ("CHAPTER 113." up to "CHAPTER 114.", "CHAPTER 125." up to
"CHAPTER 126."), lines kept as printed; only the blank lines after the
chapter are dropped.  Every other file of the set was written for it (see
``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (chapter number, output file)
CHAPTERS = (
    (113, "moby-dick-ch113.txt"),
    (125, "moby-dick-ch125.txt"),
)


def chapter(text: str, number: int) -> str:
    """Chapter ``number`` of the novel, from its heading to the next chapter's."""
    start = text.index(f"\nCHAPTER {number}. ") + 1
    end = text.index(f"\nCHAPTER {number + 1}. ", start)
    return text[start:end].rstrip("\n") + "\n"


def main() -> int:
    novel = subprocess.run(
        ["Rscript", "-e", "library(tokenizers); data(mobydick); writeLines(mobydick)"],
        check=True, capture_output=True, text=True, encoding="utf-8").stdout
    for number, name in CHAPTERS:
        (HERE / "books" / name).write_text(
            chapter(novel, number), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
