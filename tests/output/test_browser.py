"""The report in headless Chromium: findings render, corpus scripts do not run, the console is clean."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.models import CheckResult
from citecheck.output.html import write_html
from tests.conftest import ROOT

ARTIFACTS = ROOT / "reports" / "test-artifacts"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("chromium not installed: the HTML report is not checked in a browser (apt-get install chromium)")


def _run(browser: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
            "--user-data-dir=" + str(ARTIFACTS / "profile"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_report_in_a_real_browser(hostile_result: CheckResult, tmp_path: Path) -> None:
    browser = _chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = ARTIFACTS / "report.html"
    write_html(page, hostile_result, generated="2026-01-01 00:00 UTC")
    dom = _run(browser, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<title>citecheck:" in dom.stdout and "pwned" not in dom.stdout.split("</title>")[0]
    assert dom.stdout.count('class="finding') >= 1
    assert 'style="display: flex;"' in dom.stdout  # the filter script ran
    console_errors = [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln and ("Uncaught" in ln or "Error" in ln)]
    assert console_errors == []
    shot = _run(browser, "--screenshot=" + str(ARTIFACTS / "report.png"), "--window-size=1280,1800", page.as_uri())
    assert shot.returncode == 0 and (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_source_passage_beside_the_quotation_in_a_real_browser(tmp_path: Path) -> None:
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.pipeline import run_check
    from citecheck.settings import Settings
    from tests.primary.conftest import write_sources

    browser = _chromium()
    essays = tmp_path / "essays"
    essays.mkdir()
    (essays / "a.txt").write_text(
        "An essay\n\nLenin said “Every cook must learn to run the state, and every worker must learn to keep "
        "accounts”.1\n\nNotes\n\n  1. VI Lenin CW Vol 30, Moscow 1965, p17.\n",
        encoding="utf-8",
    )
    settings = Settings(sources=(str(write_sources(tmp_path / "sources")),))
    result = run_check([essays], Catalogue.load(ROOT / "references.bib"), settings)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = ARTIFACTS / "report-sources.html"
    write_html(page, result, generated="2026-01-01 00:00 UTC")
    dom = _run(browser, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    shown = dom.stdout.split('class="locations source-evidence"', 1)[1]
    assert "Every cook must learn to govern the state" in shown.split("</div>\n</div>")[0]
    assert "<del>run</del>" in shown and "<ins>govern</ins>" in shown
    shot = _run(browser, "--screenshot=" + str(ARTIFACTS / "report-sources.png"), "--window-size=1280,1400", page.as_uri())
    assert shot.returncode == 0 and (ARTIFACTS / "report-sources.png").stat().st_size > 10_000
