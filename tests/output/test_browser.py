"""The report as a reader meets it: the system Chromium driven by Playwright, checked with axe-core.

No browser is downloaded: Playwright starts the Debian ``chromium`` (``CHROMIUM`` names another).
The tests are skipped, with the reason, when Playwright or Chromium is missing.  A screenshot is kept
in ``reports/test-artifacts/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import CheckResult
from citecheck.output.html import write_html
from citecheck.pipeline import run_check
from tests.conftest import ROOT

ARTIFACTS = ROOT / "reports" / "test-artifacts"


def _chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("chromium not installed: the HTML report is not checked in a browser (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install '.[test]')")
    executable = _chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report on the project's corpus: errors, warnings and info notes, contexts, a wording diff."""
    result = run_check([str(ROOT / "corpus")], Catalogue.load(ROOT / "references.bib"))
    page = tmp_path_factory.mktemp("report") / "discrepancies.html"
    write_html(page, result, generated="2026-01-01 00:00 UTC")
    return page


def _open(browser: Any, page_file: Path, **context: Any) -> tuple[Any, list[str]]:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()
    page.set_default_timeout(5000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(page_file.as_uri())
    return page, problems


def test_no_serious_accessibility_violations_and_a_screenshot(browser: Any, corpus_report: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, problems = _open(browser, corpus_report)
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert problems == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_corpus_text_never_runs(browser: Any, hostile_result: CheckResult, tmp_path: Path) -> None:
    report = tmp_path / "hostile.html"
    write_html(report, hostile_result, generated="2026-01-01 00:00 UTC")
    page, problems = _open(browser, report)
    assert page.title().startswith("citecheck:") and "pwned" not in page.title()
    assert page.locator("img").count() == 0
    assert problems == []


def test_filters_count_and_announce_and_info_is_collapsed(browser: Any, corpus_report: Path) -> None:
    page, _ = _open(browser, corpus_report)
    notes = page.locator("#notes-list")
    assert notes.evaluate("d => d.open") is False
    info = page.locator("article.finding.info")
    assert info.count() > 0 and not info.first.is_visible()
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    total = page.locator("article.finding").count()
    assert status.inner_text() == f"{total} findings"
    severity = page.locator('select[data-filter="severity"]')
    options = severity.locator("option").all_inner_texts()
    assert options[0] == f"all ({total})" and [o.split(" ")[0] for o in options[1:]] == ["error", "warning", "info"]
    severity.select_option("warning")
    warnings = page.locator("article.finding.warning").count()
    assert status.inner_text() == f"{warnings} of {total} findings match"
    assert page.locator("article.finding:visible").count() == warnings
    severity.select_option("info")
    assert notes.evaluate("d => d.open") is True and info.first.is_visible()


def test_a_link_to_a_collapsed_finding_opens_it(browser: Any, corpus_report: Path) -> None:
    page, _ = _open(browser, corpus_report)
    anchor = page.locator("article.finding.info").first.get_attribute("id")
    page.locator(f'#contents a[href="#{anchor}"]').first.evaluate("a => a.click()")
    assert page.locator(f"#{anchor}").is_visible()
    assert page.locator(f'#{anchor} a.permalink[href="#{anchor}"]').count() == 1


def test_reads_with_javascript_off(browser: Any, corpus_report: Path) -> None:
    page, _ = _open(browser, corpus_report, java_script_enabled=False)
    assert not page.locator("#filters").is_visible()
    assert page.locator("#findings article.finding").first.is_visible()
    assert page.locator("#notes-list summary").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the findings"


def test_nothing_is_clipped_in_print(browser: Any, corpus_report: Path) -> None:
    page, _ = _open(browser, corpus_report)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.context, .message, .loc, td')]
                 .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
                 .map(el => el.className || el.tagName)"""
    )
    assert clipped == []
    assert page.locator("article.finding.info").first.is_visible()  # the notes are printed too
    assert not page.locator("#filters").is_visible()


def test_source_passage_beside_the_quotation(browser: Any, tmp_path: Path) -> None:
    """A misquotation found in a primary text: the passage beside the quotation, the word diff, no axe violation."""
    from axe_playwright_python.sync_playwright import Axe

    from citecheck.settings import Settings
    from tests.primary.conftest import write_sources

    essays = tmp_path / "essays"
    essays.mkdir()
    (essays / "a.txt").write_text(
        "An essay\n\nLenin said “Every cook must learn to run the state, and every worker must learn to keep "
        "accounts”.1\n\nNotes\n\n  1. VI Lenin CW Vol 30, Moscow 1965, p17.\n",
        encoding="utf-8",
    )
    settings = Settings(sources=(str(write_sources(tmp_path / "sources")),))
    result = run_check([str(essays)], Catalogue.load(ROOT / "references.bib"), settings)
    report = tmp_path / "sources.html"
    write_html(report, result, generated="2026-01-01 00:00 UTC")
    page, problems = _open(browser, report)
    evidence = page.locator(".source-evidence").first
    assert evidence.is_visible()
    assert "Every cook must learn to govern the state" in evidence.inner_text()
    assert page.locator("p.diff del", has_text="run").first.is_visible()
    assert page.locator("p.diff ins", has_text="govern").first.is_visible()
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [] and problems == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-sources.png"), full_page=True)
