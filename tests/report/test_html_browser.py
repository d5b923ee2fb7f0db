"""The report as a reader sees it: every page opened in the system Chromium, driven by Playwright.

Over a report of the seed and of the four-article fixture (whose last article carries a
``<script>``): every page loads with no console error and no request outside ``file:``, every
image is decoded (a natural width), the overview shows the corpus' real totals, and the hostile
script never runs.  Each page's screenshot is saved under ``tests/output/screenshots/`` (git
ignores it) for a person to look at.

Playwright cannot download its own browser here: it launches ``/usr/bin/chromium``, which
``.ci/run`` installs when missing.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest
from conftest import REPO
from report_helpers import HOSTILE, write_fixture_corpus

import corpus_tools as ct
from corpus_tools.report.runner import run_report

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = REPO / "tests" / "output" / "screenshots"


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


def _quiet_load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        return ct.load_corpus(path)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """name -> (report folder, loaded corpus): the seed, and the fixture corpus in reader mode."""
    base = tmp_path_factory.mktemp("browser")
    fixture = write_fixture_corpus(base / "fixture_corpus")
    built = {}
    for name, corpus, reader in (("seed", REPO / "seeds", False), ("fixture", fixture, True)):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("MPLBACKEND", "Agg")
            result = run_report(corpus, base / f"{name}_report", progress=False, log=lambda line: None, reader=reader)
        assert result.ok, result.failures
        built[name] = (result.path, _quiet_load(corpus))
    return built


def _pages(report: Path) -> list[Path]:
    return [report / "index.html", *sorted(report.glob("*/*.html"))]


def _open(browser, page_path: Path, shot: Path):
    """Open ``page_path``; return what a reader's browser did: console errors, requests, dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("requestfailed", lambda r: seen["errors"].append(f"failed: {r.url}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(page_path.as_uri(), wait_until="load")
    page.wait_for_load_state("networkidle")
    seen["images"] = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.getAttribute('src').slice(0, 40), "
                                               "i.complete, i.naturalWidth])")
    seen["text"] = page.inner_text("body")
    seen["page"] = page
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    return seen, context


@pytest.mark.parametrize("name", ["seed", "fixture"])
def test_every_page_loads_offline_without_errors_and_every_image_decodes(browser, reports, name):
    report, _ = reports[name]
    pages = _pages(report)
    assert len(pages) == 5  # the overview and four notebook pages
    for path in pages:
        shot = SCREENSHOTS / name / f"{path.parent.name if path.name != 'index.html' else 'index'}.png"
        seen, context = _open(browser, path, shot)
        try:
            assert seen["errors"] == [], (path, seen["errors"])
            outside = [u for u in seen["requests"] if not u.startswith(("file:", "data:"))]
            assert outside == [], (path, outside)
            if path.parent.name == "keyness":  # no reference and no groups here: it says so, draws nothing
                assert "Give reference (a second corpus) or group_by" in path.read_text("utf-8")
            else:
                assert seen["images"], f"{path}: no figure at all"
            assert all(complete and width > 0 for _, complete, width in seen["images"]), (path, seen["images"])
            assert seen["dialogs"] == []
            assert "TqdmWarning" not in seen["text"] and ".partial-" not in seen["text"]
            assert "PosixPath(" not in seen["text"], path  # a cell echoing the path out.table returned
        finally:
            context.close()
        assert shot.stat().st_size > 10_000  # a real picture of the page


@pytest.mark.parametrize("name", ["seed", "fixture"])
def test_the_overview_shows_the_corpus_real_totals(browser, reports, name):
    report, corpus = reports[name]
    toks = ct.token_table(corpus)
    seen, context = _open(browser, report / "index.html", SCREENSHOTS / name / "index.png")
    try:
        page = seen["page"]
        fact = {k: page.inner_text(f'#facts td[data-fact="{k}"]') for k in ("articles", "tokens", "types", "dates")}
        assert fact["articles"] == f"{len(corpus):,}"
        assert fact["tokens"] == f"{len(toks):,}" and fact["types"] == f"{toks['norm'].nunique():,}"
        s = corpus.summary()
        assert fact["dates"] == (s["first_date"] if s["first_date"] == s["last_date"]
                                 else f"{s['first_date']} to {s['last_date']}")
        top = ct.frequency_table(ct.token_table(corpus, {"stopwords": "english"})).head(3)
        rows = page.eval_on_selector_all("#top-terms tr td:first-child", "tds => tds.map(t => t.innerText)")
        assert rows[:3] == top["term"].tolist()
        # each notebook: its question, a thumbnail that links to its page, and a key finding
        for nb in ("word_frequency", "collocations", "section_structure"):
            section = page.locator(f"#nb-{nb}")
            assert section.locator("p.question").inner_text().endswith(".")
            assert section.locator("p.finding").inner_text()
            assert section.locator("a > img").count() == 1
            assert section.locator("a").first.get_attribute("href") == f"{nb}/{nb}.html"
        if name == "seed":
            # 15 in the text, one of them in an inserted related-story link (role "link"): boilerplate,
            # left out of word statistics by default
            assert page.locator("#nb-word_frequency p.finding").inner_text() == \
                "Most frequent term: 'ukraine' (14 times)."
    finally:
        context.close()


def test_a_hostile_article_never_runs_script(browser, reports):
    report, _ = reports["fixture"]
    for path in _pages(report):
        seen, context = _open(browser, path, SCREENSHOTS / "fixture" / "hostile" / f"{path.stem}.png")
        try:
            assert seen["dialogs"] == [], path  # alert("pwned") would open a dialog
            # no <script> element carries the article's code; where it shows, it shows as text
            scripts = seen["page"].eval_on_selector_all("script", "ss => ss.map(s => s.textContent)")
            assert not any("pwned" in s for s in scripts), path
        finally:
            context.close()
    seen, context = _open(browser, report / "section_structure" / "section_structure.html",
                          SCREENSHOTS / "fixture" / "hostile" / "section_structure.png")
    try:
        assert HOSTILE in seen["text"]  # shown literally to the reader
    finally:
        context.close()


def test_reader_mode_pages_show_no_code(browser, reports):
    report, _ = reports["fixture"]
    seen, context = _open(browser, report / "word_frequency" / "word_frequency.html",
                          SCREENSHOTS / "fixture" / "reader_word_frequency.png")
    try:
        assert seen["page"].locator(".jp-CodeCell .jp-InputArea").count() == 0
        assert "setup_notebook(" not in seen["text"]
        assert re.search(r"showing \d+ of [\d,]+ rows; the full table is \w+\.csv", seen["text"]) or \
            "Top terms" in seen["text"]
    finally:
        context.close()
    seen, context = _open(browser, reports["seed"][0] / "word_frequency" / "word_frequency.html",
                          SCREENSHOTS / "seed" / "word_frequency.png")
    try:
        assert seen["page"].locator(".jp-CodeCell .jp-InputArea").count() > 0  # the default shows the code
    finally:
        context.close()
