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
from report_helpers import HOSTILE

from corpus_tools.io.outputs import shown_table
from corpus_tools.report.html import export_html

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


@pytest.fixture
def opened(browser, page_path):
    """The page open in a fresh context, and what the browser saw: console errors, requests, dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("requestfailed", lambda r: seen["errors"].append(f"failed: {r.url}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(page_path.as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll('table[data-ct-interactive]').length === 2")
    yield page, seen
    context.close()
    # nothing left the page, nothing went wrong, the hostile term never ran
    assert seen["errors"] == []
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["dialogs"] == []


def _shown(page, index: int) -> list[str]:
    table = page.locator("table.ct-table").first
    return table.locator(f"tbody tr td:nth-child({index})").all_text_contents()


def _info(page) -> str:
    return page.locator(".dt-info").first.inner_text()


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_a_numeric_header_click_sorts_by_number_then_reversed(opened):
    page, _ = opened
    table = page.locator("table.ct-table").first
    assert table.get_attribute("data-ct-interactive") == "sort, search, pages"
    shown = _table()["count"].head(30).tolist()  # the 30 rows the note says are shown
    # the notebook's order (count descending) is kept until the reader clicks
    assert [_number(c) for c in _shown(page, 2)] == shown[:10]
    header = table.locator("thead th", has_text="count")
    header.click()
    ascending = _shown(page, 2)
    assert [_number(c) for c in ascending] == sorted(shown)[:10] == [11, 12, 13, 14, 15, 17, 18, 19, 21, 22]
    header.click()
    descending = [_number(c) for c in _shown(page, 2)]
    assert descending == sorted(shown, reverse=True)[:10] == [2000, 1200, 1000, 700, 600, 500, 410, 300, 250, 150]
    # a text sort would have put "99" first (and "1,200" before "11" going up)
    assert sorted(map(str, shown), reverse=True)[0] == "99" and sorted(ascending)[0] == "11"


def test_p_values_shown_as_less_than_sort_by_the_value_they_stand_for(opened):
    page, _ = opened
    table = page.locator("table.ct-table").first
    table.locator("thead th").nth(2).click()  # ascending p: the largest counts first
    terms = _shown(page, 1)
    expected = _table().head(30).sort_values("p")["term"].head(10).tolist()
    assert terms == expected
    # five cells of the same text sort in their p-values' order, then come the printed ones
    assert _shown(page, 3)[:7] == ["< 0.0001"] * 5 + ["0.0001", "0.0001"]
    assert terms[:5] == ["term30", "term00", "term07", "term19", "term36"]


def test_the_search_box_keeps_only_matching_rows(opened):
    page, _ = opened
    search = page.locator(".dt-search input").first
    search.fill("term1")
    terms = _shown(page, 1)
    expected = [t for t in _table()["term"].head(30) if "term1" in t]
    assert sorted(terms) == sorted(expected) and len(expected) == 8  # term10-19 less the two cut from the 30
    assert _info(page) == f"Showing 1 to {len(expected)} of {len(expected)} entries (filtered from 30 total entries)"
    search.fill("script")  # the hostile term: found as text, shown as text
    assert _shown(page, 1) == [HOSTILE]
    search.fill("no such term")
    assert page.locator("table.ct-table").first.locator("tbody td.dt-empty").count() == 1
    assert _info(page).startswith("Showing 0 to 0 of 0 entries")


def test_paging_shows_ten_rows_a_page_and_the_right_counts(opened):
    page, _ = opened
    assert _info(page) == "Showing 1 to 10 of 30 entries"
    assert len(_shown(page, 1)) == 10
    page.locator(".dt-paging button", has_text="3").first.click()
    assert _info(page) == "Showing 21 to 30 of 30 entries"
    assert [_number(c) for c in _shown(page, 2)] == _table()["count"].iloc[20:30].tolist()
    page.locator(".dt-length select").first.select_option(label="All")
    assert _info(page) == "Showing 1 to 30 of 30 entries" and len(_shown(page, 1)) == 30
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
    assert small.locator("tbody tr td:nth-child(2)").all_text_contents() == ["9", "10", "100"]
