"""Rebuild the two packaged texts of the twelfth held-out set.

Run once (``apt-get install r-base-core r-cran-janeaustenr``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout12/build_heldout12.py

``books/northanger-abbey-ch06.txt`` and ``books/pride-and-prejudice-ch31.txt``
are cut from the ``northangerabbey`` and ``prideprejudice`` data of Debian's
``r-cran-janeaustenr`` package (Jane Austen, Project Gutenberg text, public
domain) at the package's chapter headings ("CHAPTER 6" up to "CHAPTER 7";
"Chapter 31" up to "Chapter 32"), lines kept as printed; only the blank lines
in front of the next chapter's heading are dropped.  Every other file of the set was written for
it (see ``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (package data set, chapter heading, next chapter's heading, output file)
CHAPTERS = (
    ("northangerabbey", "CHAPTER 6", "CHAPTER 7", "northanger-abbey-ch06.txt"),
    ("prideprejudice", "Chapter 31", "Chapter 32", "pride-and-prejudice-ch31.txt"),
)


def chapter(text: str, heading: str, following: str) -> str:
    """The chapter from its ``heading`` line to the ``following`` chapter's."""
    start = text.index(f"\n{heading}\n") + 1
    end = text.index(f"\n{following}\n", start)
    return text[start:end].rstrip("\n") + "\n"


def main() -> int:
    for data, heading, following, name in CHAPTERS:
        novel = subprocess.run(
            ["Rscript", "-e", f"writeLines(janeaustenr::{data})"],
            check=True, capture_output=True, text=True, encoding="utf-8").stdout
        (HERE / "books" / name).write_text(
            chapter(novel, heading, following), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
