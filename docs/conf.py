"""Sphinx configuration: the API reference from the numpydoc docstrings, the conventions, and the
three report notebooks rendered as examples executed on the shipped seed corpus."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))

import corpus_tools  # noqa: E402

project = "corpus-tools"
author = "corpus-tools developers"
release = version = corpus_tools.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",  # numpydoc-style sections
    "sphinx.ext.viewcode",
    "myst_nb",  # Markdown pages and executed notebooks, without pandoc
]
autosummary_generate = False  # api/*.rst name each module; a package page would repeat its re-exports
autodoc_default_options = {"members": True, "show-inheritance": False}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_rtype = False

# The notebooks live in notebooks/ (the report's source); Sphinx reads only
# files under docs/, so they are copied in for each build (docs/examples/ is
# not committed).  They run on the seed corpus: corpus=None is its default.
EXAMPLES = DOCS / "examples"
EXAMPLES.mkdir(exist_ok=True)
for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
    shutil.copyfile(nb, EXAMPLES / nb.name)
# One API page per stage, one section per module (the module is each name's
# documented home; a package page would repeat its re-exports).  Written at
# build time so a new module is documented without editing docs/.
STAGES = {"model": "Data model", "io": "Reading and writing", "tokens": "Tokens",
          "structure": "Article structure", "stats": "Statistics", "scale": "Scale", "plots": "Figures",
          "report": "Report"}
(DOCS / "api").mkdir(exist_ok=True)
for stage, title in STAGES.items():
    heading = f"{title}: ``corpus_tools.{stage}``"
    lines = [heading, "=" * len(heading), "", f".. automodule:: corpus_tools.{stage}", "   :no-members:", ""]
    for module in sorted(p.stem for p in (ROOT / "corpus_tools" / stage).glob("*.py") if p.stem != "__init__"):
        name = f"``corpus_tools.{stage}.{module}``"
        lines += [name, "-" * len(name), "", f".. automodule:: corpus_tools.{stage}.{module}", "   :members:", ""]
    (DOCS / "api" / f"{stage}.rst").write_text("\n".join(lines), encoding="utf-8")

nb_execution_mode = "force"
nb_execution_in_temp = True  # figures/ and CSVs land in a temporary folder, not in docs/
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "jupyter_execute"]
html_theme = "alabaster"  # ships with Sphinx: no web fonts or CDN scripts
html_theme_options = {"description": "Reproducible corpus analysis of news articles", "page_width": "1100px"}
html_static_path: list[str] = []
