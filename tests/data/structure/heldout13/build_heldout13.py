"""Rebuild the two packaged texts of the thirteenth held-out set.

Run once (``apt-get install r-base-core r-cran-janeaustenr``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout13/build_heldout13.py

``books/sense-and-sensibility-ch17.txt`` and ``books/persuasion-ch14.txt``
are cut from the ``sensesensibility`` and ``persuasion`` data of Debian's
``r-cran-janeaustenr`` package (Jane Austen, Project Gutenberg text, public
domain) at the package's chapter headings ("CHAPTER 17" up to "CHAPTER 18";
"Chapter 14" up to "Chapter 15"), lines kept as printed; only the blank lines
in front of the next chapter's heading are dropped.  Every other file of the
set was written for it (see ``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (package data set, chapter heading, next chapter's heading, output file)
CHAPTERS = (
    ("sensesensibility", "CHAPTER 17", "CHAPTER 18", "sense-and-sensibility-ch17.txt"),
    ("persuasion", "Chapter 14", "Chapter 15", "persuasion-ch14.txt"),
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
