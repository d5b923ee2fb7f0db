"""Rebuild the two packaged texts of the tenth held-out set.

Run once (``apt-get install r-base-core r-cran-janeaustenr``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout10/build_heldout10.py

``books/emma-vol2-ch13.txt`` and ``books/persuasion-ch02.txt`` are cut from
the ``emma`` and ``persuasion`` data of Debian's ``r-cran-janeaustenr``
package (Jane Austen, Project Gutenberg text, public domain) at the
package's chapter headings ("CHAPTER XIII" up to "CHAPTER XIV" after the
"VOLUME II" heading, since *Emma* numbers its chapters again in each
volume; "Chapter 2" up to "Chapter 3"), lines kept as printed; only the
blank lines after the chapter are dropped.  Every other file of the set was
written for it (see ``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: (package data set, volume heading or None, chapter heading,
#: next chapter's heading, output file)
CHAPTERS = (
    ("emma", "VOLUME II", "CHAPTER XIII", "CHAPTER XIV", "emma-vol2-ch13.txt"),
    ("persuasion", None, "Chapter 2", "Chapter 3", "persuasion-ch02.txt"),
)


def chapter(text: str, volume: str | None, heading: str, following: str) -> str:
    """The chapter from its ``heading`` line (the first after the
    ``volume`` heading, if one is given) to the ``following`` chapter's."""
    begin = text.index(f"\n{volume}\n") if volume else 0
    start = text.index(f"\n{heading}\n", begin) + 1
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
