"""HTML for reports: notebook exports (nbconvert) and the index page.

Article text reaches a report only through notebook outputs: DataFrames
(pandas escapes cell text by default), plain-text streams (nbconvert
escapes them) and figures (images).  As a second line of defence the export
runs nbconvert's ``sanitize_html``, which strips script from any HTML
output, so an article containing ``<script>`` cannot run script in the
report.  The index page escapes everything it shows with :func:`html.escape`.

Pages work offline: they are rendered with the ``offline`` template shipped
in ``templates/`` (nbconvert's ``lab`` template without the require.js,
MathJax and Mermaid scripts it loads from a CDN), so opening a report makes
no request outside the page, and a ``$`` in article text is never typeset as
mathematics.  Figures are embedded as data URIs.

Tables are interactive (sort on a header click, search, paging) through
DataTables, inlined into each page from the bundle that the ``itables``
package ships for its own offline mode (``itables/html/dt_bundle.js``, MIT
licensed, jQuery and DataTables inside): the report's page script enhances
the plain, sanitised ``<table>`` elements after load, so no notebook output
needs a script (the sanitiser strips them all) and no request leaves the page.
"""

from __future__ import annotations

import base64
import functools
import html
import importlib.util
import re
from pathlib import Path

import bleach
import nbformat

__all__ = ["MAX_PROBLEMS_SHOWN", "TEMPLATES", "clean_report_html", "export_html", "index_page",
           "table_assets"]


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
                      "th": ["class", "id", "colspan", "rowspan"],
                      # data-order: the cell's exact number, which the interactive table sorts by
                      # (the text shown is formatted: "12,345", "< 0.0001"); an attribute, never run
                      "td": ["class", "id", "colspan", "rowspan", "data-order"],
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


#: Folder of the nbconvert templates shipped with the package (``offline``).
TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.lru_cache(maxsize=1)
def table_assets() -> dict[str, str]:
    """DataTables' CSS (``css``) and JavaScript (``js_base64``), read from the installed ``itables`` package.

    The JavaScript travels base64-encoded and the page imports it as a
    ``data:`` URL module: the minified bundle has ``<!--`` and ``<script``
    inside its regular expressions, which would put the HTML parser in its
    "double escaped" script state, where the page's own ``</script>`` no
    longer ends the script, if it were inlined as text.

    >>> assets = table_assets()
    >>> sorted(assets), "dataTable" in assets["css"]
    (['css', 'js_base64'], True)
    """
    # find_spec, not import: itables' import reads an itables.toml from the working directory
    # up and loads its sample data sets; the report needs only two of its files
    spec = importlib.util.find_spec("itables")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the report's interactive tables need itables: pip install itables")
    folder = Path(spec.submodule_search_locations[0]) / "html"
    js = (folder / "dt_bundle.js").read_bytes()
    css = (folder / "dt_bundle.css").read_text(encoding="utf-8")
    if b"export{" not in js or "</style" in css.lower():  # a bundle of another shape: fail loudly, not silently
        raise RuntimeError("itables' dt_bundle.js/.css are not the ES module bundle this report expects")
    return {"css": css, "js_base64": base64.b64encode(js).decode("ascii")}


def export_html(notebook: nbformat.NotebookNode, reader: bool = False) -> str:
    """The notebook as a standalone, offline HTML page (nbconvert, images embedded).

    Parameters
    ----------
    notebook : NotebookNode
        An executed notebook.
    reader : bool
        Reader mode: leave out the code cells' input (nbconvert's
        ``exclude_input``) and the ``In [n]:`` prompts, so the page shows
        the narrative, tables and figures only.  The executed notebook
        itself keeps its code.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
                            sanitize_html=True, filters={"clean_html": clean_report_html},
                            exclude_input=reader, exclude_input_prompt=reader, exclude_output_prompt=reader)
    body, _ = exporter.from_notebook_node(notebook, resources={"ct_tables": table_assets()})
    return body


_STATUS_COLOURS = {"ok": "#1b7837", "failed": "#b2182b", "not run": "#777777"}
#: Load problems listed on the overview page; the rest are in manifest.json.
MAX_PROBLEMS_SHOWN = 20

_PAGE_STYLE = """body{font-family:system-ui,sans-serif;max-width:64em;margin:2em auto;padding:0 1em;line-height:1.45}
pre{background:#f6f6f6;padding:.5em;overflow-x:auto;white-space:pre-wrap}
table.facts td,table.facts th{padding:.15em .8em .15em 0;text-align:left;vertical-align:top}
table.facts td.num{text-align:right;font-variant-numeric:tabular-nums}
.cols{display:flex;flex-wrap:wrap;gap:2em}.cols>div{flex:1 1 20em}
.nb{border-top:1px solid #ccc;padding-top:.5em;margin-top:1.5em;display:flex;gap:1.5em;flex-wrap:wrap}
.nb img{width:320px;max-width:100%;border:1px solid #ddd}.nb .text{flex:1 1 24em}
.question{font-size:1.1em}.finding{font-weight:600}
img.lengths{max-width:100%;width:480px}"""


def _facts(overview: dict, corpus: dict) -> str:
    e = html.escape
    first, last = overview.get("first_date"), overview.get("last_date")
    dates = "no dates" if not first else e(first) if first == last else f"{e(first)} to {e(last)}"
    rows = [("articles", f"{overview.get('articles', corpus.get('articles', 0)):,}"),
            ("files", f"{len(corpus.get('files', [])):,}")]
    if "tokens" in overview:  # a run that stopped early has no overview
        rows += [("tokens", f"{overview['tokens']:,}"), ("types (distinct words)", f"{overview['types']:,}"),
                 ("median article length", f"{overview['median_length']:,.0f} tokens"), ("dates", dates)]
    rows += [
        ("load problems", f"{len(corpus.get('problems', [])):,} ({corpus.get('skipped', 0):,} files skipped)")]
    body = "".join(f'<tr><th scope="row">{k}</th><td class="num" data-fact="{k.split()[0]}">{v}</td></tr>'
                   for k, v in rows)
    return f'<table class="facts" id="facts">{body}</table>'


def _terms(overview: dict) -> str:
    e = html.escape
    top = "".join(f'<tr><td>{e(t)}</td><td class="num">{c:,}</td></tr>' for t, c in overview.get("top_terms", []))
    block = (f"<h3>Most frequent terms</h3><table class=\"facts\" id=\"top-terms\"><tr><th>term</th><th>count</th>"
             f"</tr>{top}</table><p><small>Lower-cased words, English stopwords left out.</small></p>") if top else ""
    distinct = overview.get("distinctive") or {}
    if distinct:
        items = "".join(f"<li><code>{e(a)}</code>: {e(', '.join(terms))}</li>" for a, terms in distinct.items())
        block += (f"<h3>Distinctive terms of the longest articles</h3><ul>{items}</ul>"
                  "<p><small>Highest tf-idf in each article (see word_frequency).</small></p>")
    return block


def _notebook_section(nb: dict, overview: dict) -> str:
    e = html.escape
    about = (overview.get("notebooks") or {}).get(nb["name"], {})
    page = nb.get("html") or nb.get("executed")
    links = [f'<a href="{e(nb[k])}">{label}</a>' for k, label in (("html", "report page"), ("executed", "notebook"))
             if nb.get(k)]
    artifacts = "".join(f'<li><a href="{e(a)}">{e(Path(a).name)}</a></li>' for a in nb.get("artifacts", []))
    error = f"<pre>{e(nb['error']['message'])}</pre>" if nb.get("error") else ""
    colour = _STATUS_COLOURS.get(nb["status"], "#000")
    thumb = ""
    if about.get("thumbnail"):
        img = f'<img src="{e(about["thumbnail"])}" alt="{e(nb["name"])}: {e(Path(about["thumbnail"]).stem)}">'
        thumb = f'<a href="{e(page)}">{img}</a>' if page else img
    title = f'<a href="{e(page)}">{e(nb["name"])}</a>' if page else e(nb["name"])
    question = f'<p class="question">{e(about["question"])}</p>' if about.get("question") else ""
    finding = f'<p class="finding">{e(about["finding"])}</p>' if about.get("finding") else ""
    return (f'<section class="nb" id="nb-{e(nb["name"])}">{thumb}<div class="text">'
            f'<h2>{title} <span style="color:{colour}">[{e(nb["status"])}]</span></h2>{question}{finding}'
            f"<p>{' · '.join(links)} · {nb.get('duration_s', 0):.1f} s</p>{error}"
            f"<details><summary>{len(nb.get('artifacts', []))} figures and tables</summary><ul>{artifacts}</ul>"
            "</details></div></section>")


def index_page(manifest: dict) -> str:
    """The report's ``index.html``: an overview of the corpus, then one linked section per notebook.

    The overview (``manifest["overview"]``, see
    :func:`corpus_tools.report.overview.overview_record`) gives the corpus'
    totals, date range, article lengths, top and distinctive terms, load
    problems and the parameters; each notebook gets the question it answers,
    a thumbnail, its key finding and links.  Everything shown is escaped.

    >>> page = index_page({"status": "ok", "started": "t0", "finished": "t1", "corpus": {"path": "<c>",
    ...     "articles": 1, "files": [], "problems": []}, "notebooks": []})
    >>> "&lt;c&gt;" in page and "<c>" not in page
    True
    """
    e = html.escape
    corpus = manifest["corpus"]
    overview = manifest.get("overview") or {}
    problems = corpus.get("problems", [])
    problem_block = ""
    if problems:
        items = "".join(f"<li>{e(p)}</li>" for p in problems[:MAX_PROBLEMS_SHOWN])
        more = (f"<p>showing {MAX_PROBLEMS_SHOWN} of {len(problems):,} problems; all of them are in "
                '<a href="manifest.json">manifest.json</a></p>') if len(problems) > MAX_PROBLEMS_SHOWN else ""
        problem_block = f"<h3>Load problems</h3><ul>{items}</ul>{more}"
    lengths = (f'<img class="lengths" src="{e(overview["lengths_png"])}" alt="histogram of article lengths">'
               if str(overview.get("lengths_png", "")).startswith("data:image/png;base64,") else "")
    params = manifest.get("parameters") or {}
    param_rows = "".join(f"<tr><th scope=\"row\"><code>{e(str(k))}</code></th><td><code>{e(repr(v))}</code></td></tr>"
                         for k, v in sorted(params.items()))
    param_block = (f'<table class="facts" id="parameters">{param_rows}</table>' if param_rows
                   else "<p>Every notebook ran with its default parameters.</p>")
    sections = "".join(_notebook_section(nb, overview) for nb in manifest["notebooks"])
    status = manifest["status"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>corpus-tools report: {e(Path(str(corpus['path'])).name)}</title>
<style>{_PAGE_STYLE}</style></head>
<body><h1>Corpus report <span style="color:{_STATUS_COLOURS.get(status, '#000')}">[{e(status)}]</span></h1>
<p>Corpus <code>{e(str(corpus['path']))}</code>: {corpus.get('articles', 0):,} articles from
{len(corpus.get('files', [])):,} files.</p>
<div class="cols"><div><h2>What is in the corpus</h2>{_facts(overview, corpus)}{lengths}</div>
<div>{_terms(overview)}</div></div>{problem_block}
<h2>Parameters</h2>{param_block}
{sections}
<p><small>Run {e(str(manifest['started']))} to {e(str(manifest['finished']))}; versions, file hashes and
times in <a href="manifest.json">manifest.json</a>.</small></p>
</body></html>
"""
