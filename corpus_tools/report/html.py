"""HTML for reports: notebook exports (nbconvert) and the index page.

Article text reaches a report only through notebook outputs: DataFrames
(pandas escapes cell text by default), plain-text streams (nbconvert
escapes them) and figures (images).  As a second line of defence the export
runs nbconvert's ``sanitize_html``, which strips script from any HTML
output, so an article containing ``<script>`` cannot run script in the
report.  The index page escapes everything it shows with :func:`html.escape`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import bleach
import nbformat

__all__ = ["clean_report_html", "export_html", "index_page"]


# nbconvert's own ``clean_html`` allows too few tags (no th/thead/tbody, p or h1-h6): with
# sanitize_html=True it escapes the markup of every pandas table and Markdown cell, so the
# page shows "<th>..." as text.  Same bleach clean-up, with the tags a report needs; no
# script, style, iframe, img, event handler or style attribute gets through.
_REPORT_TAGS = frozenset({
    *bleach.ALLOWED_TAGS, "div", "pre", "code", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "sup", "sub", "dl", "dt", "dd",
    "details", "summary",
})
_REPORT_ATTRIBUTES = {**bleach.ALLOWED_ATTRIBUTES, "*": ["class", "id"], "a": ["href", "title", "class", "id"],
                      "th": ["class", "id", "colspan", "rowspan"], "td": ["class", "id", "colspan", "rowspan"],
                      "table": ["class", "id", "border"]}
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)


def clean_report_html(fragment: str | bytes) -> str:
    """Sanitise an HTML fragment for a report page (bleach), keeping tables and headings.

    pandas' cosmetic ``<style scoped>`` block is dropped; any other tag not
    allowed is escaped, so it shows as text and never runs.

    >>> clean_report_html('<table><thead><tr><th>a</th></tr></thead></table><script>alert(1)</script>')
    '<table><thead><tr><th>a</th></tr></thead></table>&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    fragment = fragment.decode() if isinstance(fragment, bytes) else str(fragment)
    return bleach.clean(_STYLE_BLOCK.sub("", fragment), tags=_REPORT_TAGS, attributes=_REPORT_ATTRIBUTES)


def export_html(notebook: nbformat.NotebookNode) -> str:
    """The notebook as a standalone HTML page (nbconvert, images embedded)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(sanitize_html=True, filters={"clean_html": clean_report_html})
    body, _ = exporter.from_notebook_node(notebook)
    return body


_STATUS_COLOURS = {"ok": "#1b7837", "failed": "#b2182b", "not run": "#777777"}


def index_page(manifest: dict) -> str:
    """The report's ``index.html``: status, corpus, and links per notebook.

    >>> page = index_page({"status": "ok", "started": "t0", "finished": "t1", "corpus": {"path": "<c>",
    ...     "articles": 1, "files": [], "problems": []}, "notebooks": []})
    >>> "&lt;c&gt;" in page and "<c>" not in page
    True
    """
    e = html.escape
    corpus = manifest["corpus"]
    rows = []
    for nb in manifest["notebooks"]:
        links = [f'<a href="{e(nb[k])}">{label}</a>' for k, label in (("html", "report"), ("executed", "notebook"))
                 if nb.get(k)]
        artifacts = "".join(f'<li><a href="{e(a)}">{e(Path(a).name)}</a></li>' for a in nb.get("artifacts", []))
        error = ""
        if nb.get("error"):
            error = f"<pre>{e(nb['error']['message'])}</pre>"
        colour = _STATUS_COLOURS.get(nb["status"], "#000")
        rows.append(
            f'<section><h2>{e(nb["name"])} <span style="color:{colour}">[{e(nb["status"])}]</span></h2>'
            f"<p>{' · '.join(links)} · {nb.get('duration_s', 0):.1f} s</p>{error}"
            f"<details><summary>{len(nb.get('artifacts', []))} figures and tables</summary><ul>{artifacts}</ul>"
            "</details></section>"
        )
    problems = "".join(f"<li>{e(p)}</li>" for p in corpus.get("problems", []))
    problem_block = f"<h3>Load problems</h3><ul>{problems}</ul>" if problems else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>corpus-tools report</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}}
pre{{background:#f6f6f6;padding:.5em;overflow-x:auto}}</style></head>
<body><h1>corpus-tools report <span style="color:{_STATUS_COLOURS.get(manifest['status'], '#000')}">
[{e(manifest['status'])}]</span></h1>
<p>Corpus <code>{e(str(corpus['path']))}</code>: {corpus.get('articles', 0)} articles from
{len(corpus.get('files', []))} files. Run {e(manifest['started'])} to {e(manifest['finished'])}.
Details in <a href="manifest.json">manifest.json</a>.</p>{problem_block}
{''.join(rows)}
</body></html>
"""
