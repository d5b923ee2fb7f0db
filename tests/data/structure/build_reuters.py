"""Rebuild the Reuters-21578 files of the development set from Debian's r-cran-tm package.

Run once (``apt-get install r-cran-tm``; the output is committed, so the tests
never need the package):  python tests/data/structure/build_reuters.py

Each wire story becomes a ``.txt`` file laid out as the wire printed it: the
TITLE as the first block, the DATELINE in front of the first paragraph
("HOUSTON, March 2 - Texaco said ..."), one block per indented paragraph, and
the closing "Reuter" sign-off on its own line.  The text is not otherwise
changed (the wire's straight double quote typed for an apostrophe is kept).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TEXTS = Path("/usr/lib/R/site-library/tm/texts")
OUT = Path(__file__).parent / "news"
# the files picked for the development set: every story of the sample holding a double quote, then
# quote-free ones in file order, to 30 (sub-folder, number)
PICKED = [("crude", i) for i in (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 22)] + [
    ("acq", i) for i in (1, 2, 3, 4, 5, 6, 7, 8, 9, 26, 30, 36, 52, 54, 56)]


def convert(path: Path) -> str:
    root = ET.parse(path).getroot()
    text = root.find("TEXT")
    title = " ".join((text.findtext("TITLE") or "").split())
    dateline = " ".join((text.findtext("DATELINE") or "").split())
    body = text.findtext("BODY") or ""
    # paragraphs start on a line indented by spaces; the last line holds the sign-off
    pieces = re.split(r"\n\s{2,}|\n\s(?=Reuter\s*$)", body, flags=re.IGNORECASE)
    paragraphs = [" ".join(p.split()) for p in pieces if p.strip()]
    if dateline and paragraphs:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    return "\n\n".join(([title] if title else []) + paragraphs) + "\n"


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for folder, number in PICKED:
        source = TEXTS / folder / f"reut-{number:05d}.xml"
        (OUT / f"reuters-{folder}-{number:05d}.txt").write_text(convert(source), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
