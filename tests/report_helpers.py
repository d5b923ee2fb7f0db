"""Helpers shared by the notebook and report tests: a small fixture corpus and tiny notebooks."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

HOSTILE = '<script>alert("pwned")</script>'

# Four short articles with dates, headings and quotations; the last one is hostile:
# its heading and a paragraph carry a script tag that must never run in an HTML report.
FIXTURE_ARTICLES = {
    "a_port.txt": """date 2024-01-05 The harbour board approved a new port plan on Monday. The plan adds two berths.

"We need the berths," the harbour master said.

Funding

The port plan costs 40 million. The harbour board will borrow the money over ten years.
""",
    "b_river.txt": """date 2024-01-06 Heavy rain raised the river level overnight. The river flooded three farms.

Rescue

Boats reached the farms at dawn. "The river rose fast," a farmer said.

Cleanup

Volunteers cleared mud from the farms. The river level fell by evening.
""",
    "c_school.txt": """date 2024-01-07 The school council voted for a longer school day. Teachers asked for more pay.

"A longer day needs more teachers," the union said.

Next steps

The council will meet the union next week. The school day changes in March.
""",
    "d_hostile.txt": f"""date 2024-01-08 A reader sent a strange letter to the port office. It contained code.

The Letter {HOSTILE}

The letter read {HOSTILE} and nothing more. The port office ignored the letter.
""",
}


def write_fixture_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FIXTURE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(path: Path, parameters: str, *cells: str) -> Path:
    """A notebook with a ``parameters`` cell and the given code cells."""
    nb = new_notebook(metadata={"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    params = new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(new_code_cell(c) for c in cells)]
    nbformat.write(nb, path)
    return path
