"""Rebuild the wire files of the second held-out set from Debian's r-cran-tm package.

Run once (``apt-get install r-cran-tm``; the output is committed, so the tests
never need the package):  python tests/data/structure/heldout2/build_heldout2.py

``news/reuters-{acq,crude}-NNNNN.txt``: stories of the package's ``acq`` and
``crude`` folders that neither the development set (``../build_reuters.py``
PICKED) nor the first held-out set (``reuters-21578.xml``, whose story 10 is
``acq/reut-00001``) uses: the longest unused ones, laid out as
``../build_reuters.py`` lays them out.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).parent
TEXTS = Path("/usr/lib/R/site-library/tm/texts")
_spec = importlib.util.spec_from_file_location("build_reuters", HERE.parent / "build_reuters.py")
build_reuters = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_reuters)
PICKED = [("acq", 53), ("acq", 20), ("acq", 23), ("acq", 48), ("crude", 19), ("crude", 21)]


def main() -> int:
    out = HERE / "news"
    out.mkdir(exist_ok=True)
    used = set(build_reuters.PICKED)
    for folder, number in PICKED:
        assert (folder, number) not in used
        source = TEXTS / folder / f"reut-{number:05d}.xml"
        (out / f"reuters-{folder}-{number:05d}.txt").write_text(build_reuters.convert(source), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
