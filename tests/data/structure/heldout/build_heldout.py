"""Rebuild the wire files of the held-out set from Debian's r-cran-tm package.

Run once (``apt-get install r-cran-tm``; the output is committed, so the tests
never need the package):  python tests/data/structure/heldout/build_heldout.py

* ``news/reuters21578-NNNN.txt``: the stories of ``reuters-21578.xml`` (other
  topics than the development set's ``acq``/``crude`` folders: cocoa, grain,
  veg-oil, earn, untagged), laid out as ``../build_reuters.py`` lays them out.
  Story 10 is left out: it is ``acq/reut-00001.xml``, already in the
  development set.
* ``news/rcv1-2330.txt``: the Reuters Corpus Volume 1 sample
  (``rcv1_2330.xml``), a 1996 story in RCV1's own layout: headline, a
  dateline line (place and date), one block per ``<p>``, the copyright line.
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).parent
TEXTS = Path("/usr/lib/R/site-library/tm/texts")
_spec = importlib.util.spec_from_file_location("build_reuters", HERE.parent / "build_reuters.py")
build_reuters = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_reuters)
SKIP = {"10"}  # the development set's acq/reut-00001


def main() -> int:
    out = HERE / "news"
    out.mkdir(exist_ok=True)
    for story in ET.parse(TEXTS / "reuters-21578.xml").getroot():
        newid = story.get("NEWID")
        if newid in SKIP:
            continue
        tmp = HERE / "_story.xml"
        tmp.write_text(ET.tostring(story, encoding="unicode"), encoding="utf-8")
        try:
            text = build_reuters.convert(tmp)
        finally:
            tmp.unlink()
        (out / f"reuters21578-{int(newid):04d}.txt").write_text(text, encoding="utf-8")
    item = ET.parse(TEXTS / "rcv1_2330.xml").getroot()
    blocks = [" ".join(item.findtext("headline").split()),
              f"{item.findtext('dateline').strip()} {item.get('date')}"]
    blocks += [" ".join(p.text.split()) for p in item.find("text")]
    blocks.append(item.findtext("copyright").strip())
    (out / "rcv1-2330.txt").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
