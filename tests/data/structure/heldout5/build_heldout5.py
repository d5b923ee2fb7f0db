"""Rebuild the one packaged text of the fifth held-out set: *Moby-Dick* chapter 109.

Run once (``apt-get install r-base-core r-cran-tokenizers``; the output is
committed, so the tests never need the package):
python tests/data/structure/heldout5/build_heldout5.py

``books/moby-dick-ch109.txt`` is cut from the ``mobydick`` data of Debian's
``r-cran-tokenizers`` package (Project Gutenberg text, public domain) at its
chapter headings, "CHAPTER 109." up to "CHAPTER 110.", lines kept as printed:
only the package's CRLF line ends become LF and the blank lines after the
chapter are dropped.  Every other file of the set was written for it (see
``README.md``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def chapter(text: str, number: int) -> str:
    """Chapter ``number`` of the novel, from its heading to the next chapter's."""
    start = text.index(f"\nCHAPTER {number}.") + 1
    end = text.index(f"\nCHAPTER {number + 1}.", start)
    return text[start:end].rstrip("\n") + "\n"


def main() -> int:
    novel = subprocess.run(
        ["Rscript", "-e", 'data(mobydick, package="tokenizers"); cat(mobydick)'],
        check=True, capture_output=True, text=True, encoding="utf-8").stdout
    (HERE / "books" / "moby-dick-ch109.txt").write_text(
        chapter(novel.replace("\r\n", "\n"), 109), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
