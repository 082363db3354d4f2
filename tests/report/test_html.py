"""The HTML report: escaping, highlights, diffs, works, determinism, self-containment."""

from __future__ import annotations

import pytest

from citecheck.models import CheckResult
from citecheck.report.html import render_html, word_diff


def test_corpus_text_is_escaped(hostile_result: CheckResult) -> None:
    html = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    assert "<script>document.title" not in html
    assert "&lt;script&gt;document.title" in html
    assert "<img" not in html  # markup in the context paragraph is shown as text too
    assert '" onmouseover="' not in html


def test_findings_rule_links_and_diff(hostile_result: CheckResult) -> None:
    html = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    assert 'href="#rule-locator-wording-conflict"' in html and 'id="rule-locator-wording-conflict"' in html
    assert "<del>" in html and "<ins>" in html
    assert "Cited works" in html and "lenin-cw" in html


def test_deterministic_and_self_contained(hostile_result: CheckResult) -> None:
    a = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    assert a == render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    for needle in ('src="http', 'href="http', "<link ", "@import"):
        assert needle not in a


def test_source_date_epoch_pins_the_time(hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert "1970-01-01 00:00 UTC" in render_html(hostile_result)


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        ("a b c", "a b c", ["same"]),
        ("a twist to it", "a distortion", ["same", "old", "new"]),
        ("x", "", ["old"]),
    ],
)
def test_word_diff(a: str, b: str, kinds: list[str]) -> None:
    assert [p.kind for p in word_diff(a, b)] == kinds
