"""Interactive report tables in a real browser: sort on a header click, search, paging, offline.

The page is made by the report's own :func:`~corpus_tools.report.html.export_html` (the template
and sanitiser every report page goes through) from a notebook whose outputs are what
``OutputFolder.table`` displays, so the test needs no kernel: a 40-row term table shown as its
first 30 rows, whose counts sort differently as numbers and as text, whose p-values are shown
as ``< 0.0001``, and one of whose terms is a ``<script>``.  Then one page of a real report of the
seed.  The system Chromium is driven by Playwright; screenshots go to ``tests/output/screenshots/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from playwright.sync_api import expect
from report_helpers import HOSTILE

from corpus_tools.io.outputs import shown_table
from corpus_tools.report.html import export_html
from corpus_tools.report.runner import run_report

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = REPO / "tests" / "output" / "screenshots" / "tables"

# 40 terms; the counts are distinct and their text order ("1,200" < "15" < "2") is not their
# number order; p falls as count rises: the five largest counts' p-values show as "< 0.0001".
COUNTS = [1200, 15, 2, 300, 41, 7, 99, 1000, 3, 250, 18, 64, 5, 120, 33, 9, 410, 27, 11, 700,
          1, 80, 13, 6, 150, 22, 500, 4, 45, 8, 2000, 17, 36, 10, 12, 90, 600, 14, 19, 21]
TERMS = [f"term{i:02d}" for i in range(40)]
TERMS[3] = HOSTILE  # an article's text in a cell: shown as text, sorted and searched, never run


def _table() -> pd.DataFrame:
    table = pd.DataFrame({"term": TERMS, "count": COUNTS})
    table["p"] = [0.05 / c for c in COUNTS]
    return table.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


def _html_output(obj):
    return new_output("display_data", data={"text/html": obj._repr_html_(), "text/plain": repr(obj)})


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    small = pd.DataFrame({"part": ["b", "a", "c"], "blocks": [10, 9, 100]})
    nb = new_notebook(cells=[
        new_markdown_cell("# Terms"),
        new_code_cell("out.table(terms, 'terms')", outputs=[_html_output(shown_table(_table(), "terms.csv"))]),
        new_code_cell("out.table(parts, 'parts')", outputs=[_html_output(shown_table(small, "parts.csv"))]),
    ])
    path = tmp_path_factory.mktemp("tables") / "terms.html"
    path.write_text(export_html(nb), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: a missing browser is a broken CI, never a skip
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, path: Path, tables: int):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("requestfailed", lambda r: seen["errors"].append(f"failed: {r.url}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function(f"document.querySelectorAll('table[data-ct-interactive]').length === {tables}")
    return context, page, seen


def _check_quiet(seen):
    """Nothing left the page, nothing went wrong, no script of an article's ran (it would alert)."""
    assert seen["errors"] == []
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["dialogs"] == []


@pytest.fixture
def opened(browser, page_path):
    """The page open in a fresh context, and what the browser saw: console errors, requests, dialogs."""
    context, page, seen = _open(browser, page_path, tables=2)
    yield page, seen
    context.close()
    _check_quiet(seen)


def _cells(table, index: int):
    return table.locator(f"tbody tr td:nth-child({index})")


def _after(cells, texts: list[str]) -> list[str]:
    """The cells' texts once they read ``texts``: DataTables sorts and filters in a timeout after the
    event (to show its "processing" box first), so the page is polled, up to Playwright's 5 s."""
    expect(cells).to_have_text(texts)
    return cells.all_text_contents()


def _info(page, text: str) -> None:
    expect(page.locator(".dt-info").first).to_have_text(text)


def _commas(numbers) -> list[str]:
    return [f"{n:,}" for n in numbers]


def test_a_numeric_header_click_sorts_by_number_then_reversed(opened):
    page, _ = opened
    table = page.locator("table.ct-table").first
    assert table.get_attribute("data-ct-interactive") == "sort, search, pages"
    shown = _table()["count"].head(30).tolist()  # the 30 rows the note says are shown
    # the notebook's order (count descending) is kept until the reader clicks
    assert _cells(table, 2).all_text_contents() == _commas(shown[:10])
    header = table.locator("thead th", has_text="count")
    header.click()
    assert sorted(shown)[:10] == [11, 12, 13, 14, 15, 17, 18, 19, 21, 22]
    ascending = _after(_cells(table, 2), _commas(sorted(shown)[:10]))
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.click()
    assert sorted(shown, reverse=True)[:10] == [2000, 1200, 1000, 700, 600, 500, 410, 300, 250, 150]
    _after(_cells(table, 2), _commas(sorted(shown, reverse=True)[:10]))
    expect(header).to_have_attribute("aria-sort", "descending")
    # as text, "99" would come first going down, and "1,200" before "11" going up
    assert sorted(_commas(shown), reverse=True)[0] == "99" and sorted(_commas(shown))[0] == "1,000"
    assert ascending[0] == "11"


def test_p_values_shown_as_less_than_sort_by_the_value_they_stand_for(opened):
    page, _ = opened
    table = page.locator("table.ct-table").first
    table.locator("thead th").nth(2).click()  # ascending p: the largest counts first
    expected = _table().head(30).sort_values("p")["term"].head(10).tolist()
    terms = _after(_cells(table, 1), expected)
    assert terms[:5] == ["term30", "term00", "term07", "term19", "term36"]
    # five cells of the same text sort in their p-values' order, then come the printed ones
    assert _cells(table, 3).all_text_contents()[:7] == ["< 0.0001"] * 5 + ["0.0001", "0.0001"]


def test_the_search_box_keeps_only_matching_rows(opened):
    page, _ = opened
    table = page.locator("table.ct-table").first
    search = page.locator(".dt-search input").first
    search.fill("term1")
    expected = [t for t in _table()["term"].head(30) if "term1" in t]  # in the notebook's order
    assert len(expected) == 8  # term10-19 less the two cut from the 30 shown
    _after(_cells(table, 1), expected)
    _info(page, "Showing 1 to 8 of 8 entries (filtered from 30 total entries)")
    search.fill("script")  # the hostile term: found as text, shown as text
    _after(_cells(table, 1), [HOSTILE])
    search.fill("no such term")
    expect(table.locator("tbody td.dt-empty")).to_have_count(1)
    _info(page, "Showing 0 to 0 of 0 entries (filtered from 30 total entries)")


def test_paging_shows_ten_rows_a_page_and_the_right_counts(opened):
    page, _ = opened
    table = page.locator("table.ct-table").first
    _info(page, "Showing 1 to 10 of 30 entries")
    assert _cells(table, 1).count() == 10
    page.locator(".dt-paging button", has_text="3").first.click()
    _info(page, "Showing 21 to 30 of 30 entries")
    _after(_cells(table, 2), _commas(_table()["count"].iloc[20:30]))
    page.locator(".dt-length select").first.select_option(label="All")
    _info(page, "Showing 1 to 30 of 30 entries")
    expect(_cells(table, 1)).to_have_count(30)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "terms_table.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_a_small_table_sorts_without_search_or_pages(opened):
    page, _ = opened
    small = page.locator("table.ct-table").nth(1)
    assert small.get_attribute("data-ct-interactive") == "sort"
    assert page.locator(".dt-search").count() == 1 and page.locator(".dt-paging").count() == 1  # the large one's
    small.locator("thead th", has_text="blocks").click()
    _after(_cells(small, 2), ["9", "10", "100"])


def test_on_a_real_report_page_a_numeric_column_sorts_as_numbers(browser, tmp_path):
    # the seed's collocations page: bigram g2 values 27.11 ... 8.45, where "10.97" < "8.45" as text
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLBACKEND", "Agg")
        result = run_report(REPO / "seeds", tmp_path / "report", notebooks=["collocations"], progress=False,
                            log=lambda line: None)
    assert result.ok, result.failures
    page_path = result.path / "collocations" / "collocations.html"
    csv = pd.read_csv(result.path / "collocations" / "bigrams.csv")
    context, page, seen = _open(browser, page_path, tables=4)  # min_counts, bigrams, trigrams, kwic
    try:
        bigrams = page.locator("table.ct-table").nth(1)  # in page order, after the set-up cell's min_counts
        assert bigrams.get_attribute("data-ct-interactive") == "sort"
        column = list(bigrams.locator("thead th").all_text_contents()).index("g2") + 1
        shown = [float(t) for t in bigrams.locator(f"tbody td:nth-child({column})").all_text_contents()]
        assert shown == [round(v, 2) for v in csv["g2"].head(len(shown))]  # the notebook's order: g2 descending
        header = bigrams.locator("thead th").nth(column - 1)
        cells = bigrams.locator(f"tbody td:nth-child({column})")
        header.click()
        ascending = _after(cells, [f"{v:.2f}" for v in sorted(shown)])
        assert ascending != sorted(ascending)  # as text the order would differ
        header.click()
        _after(cells, [f"{v:.2f}" for v in sorted(shown, reverse=True)])
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "seed_collocations.png"), full_page=True)
    finally:
        context.close()
    _check_quiet(seen)
