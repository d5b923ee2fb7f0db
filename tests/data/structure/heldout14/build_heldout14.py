"""Rebuild the two packaged texts of the fourteenth held-out set.

Run once (``apt-get install r-base-core r-cran-janeaustenr``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout14/build_heldout14.py

``books/emma-vol3-ch08.txt`` and ``books/mansfield-park-ch11.txt`` are cut
from the ``emma`` and ``mansfieldpark`` data of Debian's
``r-cran-janeaustenr`` package (Jane Austen, Project Gutenberg text, public
domain) at the package's chapter headings ("CHAPTER VIII" up to "CHAPTER IX"
of "VOLUME III" for *Emma*, whose chapters are numbered again in each volume;
"CHAPTER XI" up to "CHAPTER XII" for *Mansfield Park*), lines kept as
printed; only the blank lines in front of the next chapter's heading are
dropped.  Every other file of the set was written for it (see ``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (package data set, volume heading or None, chapter heading, next chapter's
#: heading, output file)
CHAPTERS = (
    ("emma", "VOLUME III", "CHAPTER VIII", "CHAPTER IX", "emma-vol3-ch08.txt"),
    ("mansfieldpark", None, "CHAPTER XI", "CHAPTER XII", "mansfield-park-ch11.txt"),
)


def chapter(text: str, volume: str | None, heading: str, following: str) -> str:
    """The chapter from its ``heading`` line (the first after the ``volume``
    heading, when given) to the ``following`` chapter's."""
    offset = text.index(f"\n{volume}\n") + 1 if volume else 0
    start = text.index(f"\n{heading}\n", offset) + 1
    end = text.index(f"\n{following}\n", start)
    return text[start:end].rstrip("\n") + "\n"


def main() -> int:
    for data, volume, heading, following, name in CHAPTERS:
        novel = subprocess.run(
            ["Rscript", "-e", f"writeLines(janeaustenr::{data})"],
            check=True, capture_output=True, text=True, encoding="utf-8").stdout
        (HERE / "books" / name).write_text(
            chapter(novel, volume, heading, following), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
