"""Recognising a report citecheck wrote, without loading the renderer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from citecheck.output.generator import GENERATOR_MARK, is_report
from tests.conftest import ESSAY, ROOT


def test_a_report_is_recognised_by_its_generator_mark(tmp_path: Path) -> None:
    from citecheck.models import CheckResult
    from citecheck.output.html import render_html

    report, other = tmp_path / "r.html", tmp_path / "o.html"
    report.write_text(render_html(CheckResult((), (), ())), encoding="utf-8")
    other.write_text("<html><head><title>mine</title></head></html>", encoding="utf-8")
    assert GENERATOR_MARK in report.read_bytes()
    assert is_report(report) and not is_report(other) and not is_report(tmp_path / "missing.html")


def test_a_run_without_a_report_never_loads_the_renderer(tmp_path: Path) -> None:
    """A cached re-check that writes no report starts without Jinja2 and markdown-it (a tenth of a second)."""
    (tmp_path / "a.txt").write_text(ESSAY.format(page=5), encoding="utf-8")
    code = (
        "import sys\n"
        "from citecheck.cli import run\n"
        f"code = run(['check', {str(tmp_path / 'a.txt')!r}, '--no-html', '--no-bib', '--no-cache',"
        f" '--references', {str(ROOT / 'references.bib')!r}, '--fail-on', 'never', '-q'])\n"
        "print(code, sorted(m for m in ('jinja2', 'markdown_it', 'citecheck.output.html') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0 []"
