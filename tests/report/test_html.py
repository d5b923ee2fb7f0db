"""Regression tests: one per bug the property tests, the hostile corpus and the fuzzer found."""

from __future__ import annotations

import os
import re
import stat

import nbformat
from conftest import REPO
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from report_helpers import write_notebook

from corpus_tools.report.runner import run_report


def test_report_html_sanitiser_keeps_tables_and_headings_and_escapes_script():
    # was: nbconvert's clean_html (sanitize_html=True) escaped th/thead/tbody, p and h1-h6,
    # so every pandas table and Markdown cell of a report page showed its markup as text
    from corpus_tools.report.html import clean_report_html

    table = '<div><style scoped>.x {}</style><table class="dataframe" border="1"><thead><tr><th>term</th></tr>' \
            '</thead><tbody><tr><td>&lt;script&gt;</td></tr></tbody></table></div>'
    assert clean_report_html(table) == (
        '<div><table class="dataframe" border="1"><thead><tr><th>term</th></tr></thead>'
        '<tbody><tr><td>&lt;script&gt;</td></tr></tbody></table></div>')
    assert clean_report_html('<h1 id="T">T<a class="anchor-link" href="#T">¶</a></h1><p>x</p>') == (
        '<h1 id="T">T<a class="anchor-link" href="#T">¶</a></h1><p>x</p>')
    assert clean_report_html('<img src=x onerror=alert(1)><p onclick="x()" style="color:red">y</p>') == (
        '&lt;img src=x onerror=alert(1)&gt;<p>y</p>')


# --- a report people read and share (issue 14) --------------------------------------------------



def _page(reader=False):
    from corpus_tools.report.html import export_html

    nb = new_notebook(cells=[
        new_markdown_cell("# Prices\n\nA paragraph."),
        new_code_cell("print('costs')", outputs=[new_output("stream", name="stdout", text="costs $5 to $10\n")]),
    ])
    return export_html(nb, reader=reader)


def test_report_pages_load_nothing_from_outside_and_never_typeset_dollars():
    page = _page()
    # no script, stylesheet or image from anywhere but the page itself (CSS comments may cite URLs)
    assert re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="(?!data:)[^"]*"', page) == []
    assert "mathjax" not in page.lower() and "require.js" not in page and "require.min.js" not in page
    assert "costs $5 to $10" in page  # literal text; nothing on the page would typeset it


def test_reader_mode_hides_the_code_and_keeps_the_outputs():
    full, reader = _page(), _page(reader=True)
    assert 'class="nb">print' in full.split("<main>")[1]
    assert 'class="nb">print' not in reader.split("<main>")[1]
    assert "costs $5 to $10" in reader and "<h1" in reader.split("<main>")[1]
    assert "In&nbsp;[" not in reader.split("<main>")[1]


def test_atomic_write_follows_the_umask(tmp_path):
    from corpus_tools.io.atomic import atomic_write

    previous = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "a.csv", lambda p: p.write_text("x"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's 0600
        os.umask(0o027)
        path = atomic_write(tmp_path / "b.csv", lambda p: p.write_text("x"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    finally:
        os.umask(previous)


def test_failure_names_the_cell_number_and_the_line_that_raised(tmp_path):
    nb = write_notebook(tmp_path / "bad.ipynb", "corpus = None  # the corpus\n", "x = 1",
                        "%matplotlib inline\nvalues = [1, 2]\nvalues[5]\nprint('never')")
    result = run_report(REPO / "seeds", tmp_path / "out", [str(nb)], progress=False,
                        log=lambda line: None)
    assert not result.ok
    (message,) = result.failures
    # cells counted from 1 in the executed notebook: parameters, injected parameters, x = 1, the failing one
    assert message.startswith("notebook bad: cell 4 (In [4]) failed: IndexError: list index out of range")
    assert message.endswith("line 3: values[5]")
    assert "%matplotlib" not in message
    error = result.manifest["notebooks"][0]["error"]
    assert (error["line"], error["line_text"]) == (3, "values[5]")


def test_executed_notebooks_name_no_temporary_folder_and_files_are_0644(tmp_path):
    nb = write_notebook(tmp_path / "where.ipynb", 'corpus = None  # the corpus\noutput_dir = "figures"  # out\n',
                        "import os\nprint('output_dir', output_dir)\n"
                        "open(os.path.join(output_dir, 'x.csv'), 'w').write('a\\n1\\n')")
    previous = os.umask(0o022)
    try:
        result = run_report(REPO / "seeds", tmp_path / "out", [str(nb)], progress=False, log=lambda line: None)
    finally:
        os.umask(previous)
    assert result.ok, result.failures
    out = tmp_path / "out"
    for path in out.rglob("*"):
        if path.is_file():
            assert ".partial-" not in path.read_text("utf-8", errors="replace"), path
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    executed = nbformat.read(out / "where" / "where.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "output_dir .\n" in printed  # relative to the notebook's folder: the finished report's
    assert (out / "where" / "x.csv").read_text() == "a\n1\n"
