"""Rebuild the two packaged texts of the eleventh held-out set.

Run once (``apt-get install r-base-core r-cran-janeaustenr``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout11/build_heldout11.py

``books/pride-and-prejudice-ch39.txt`` and
``books/sense-and-sensibility-ch03.txt`` are cut from the
``prideprejudice`` and ``sensesensibility`` data of Debian's
``r-cran-janeaustenr`` package (Jane Austen, Project Gutenberg text, public
domain) at the package's chapter headings ("Chapter 39" up to "Chapter 40";
"CHAPTER 3" up to "CHAPTER 4"), lines kept as printed; only the blank lines
after the chapter are dropped.  Every other file of the set was written for
it (see ``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (package data set, chapter heading, next chapter's heading, output file)
CHAPTERS = (
    ("prideprejudice", "Chapter 39", "Chapter 40", "pride-and-prejudice-ch39.txt"),
    ("sensesensibility", "CHAPTER 3", "CHAPTER 4", "sense-and-sensibility-ch03.txt"),
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
