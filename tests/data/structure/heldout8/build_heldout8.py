"""Rebuild the two packaged texts of the eighth held-out set.

Run once (``apt-get install r-base-core r-cran-janeaustenr``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout8/build_heldout8.py

``books/pride-and-prejudice-ch20.txt`` and
``books/sense-and-sensibility-ch18.txt`` are cut from the ``prideprejudice``
and ``sensesensibility`` data of Debian's ``r-cran-janeaustenr`` package
(Jane Austen, Project Gutenberg text, public domain) at the package's
chapter headings ("Chapter 20" up to "Chapter 21", "CHAPTER 18" up to
"CHAPTER 19"), lines kept as printed; only the blank lines after the
chapter are dropped.  Every other file of the set was written for it (see
``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (package data set, heading word, chapter number, output file)
CHAPTERS = (
    ("prideprejudice", "Chapter", 20, "pride-and-prejudice-ch20.txt"),
    ("sensesensibility", "CHAPTER", 18, "sense-and-sensibility-ch18.txt"),
)


def chapter(text: str, heading: str, number: int) -> str:
    """Chapter ``number`` of the novel, from its heading to the next chapter's."""
    start = text.index(f"\n{heading} {number}\n") + 1
    end = text.index(f"\n{heading} {number + 1}\n", start)
    return text[start:end].rstrip("\n") + "\n"


def main() -> int:
    for data, heading, number, name in CHAPTERS:
        novel = subprocess.run(
            ["Rscript", "-e", f"writeLines(janeaustenr::{data})"],
            check=True, capture_output=True, text=True, encoding="utf-8").stdout
        (HERE / "books" / name).write_text(
            chapter(novel, heading, number), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
