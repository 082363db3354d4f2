"""The HTML report: escaping, highlights, diffs, works, determinism, self-containment."""

from __future__ import annotations

import pytest

from citecheck.models import CheckResult
from citecheck.output.html import render_html, word_diff


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


def test_the_clock_is_not_an_input(hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_html(hostile_result)
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)
    assert render_html(hostile_result) == first
    assert "UTC" not in first.split("</header>")[0]


def test_source_date_epoch_dates_the_report(hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "2023-11-14 22:13 UTC · citecheck" in render_html(hostile_result)


def test_the_corpus_digest_names_what_was_checked(hostile_result: CheckResult) -> None:
    from dataclasses import replace

    from citecheck.output.html import corpus_digest

    edited = replace(hostile_result.documents[0], sha256="0" * 64)
    other = replace(hostile_result, documents=(edited, *hostile_result.documents[1:]))
    assert corpus_digest(hostile_result) != corpus_digest(other)
    assert f"corpus digest {corpus_digest(hostile_result)}" in render_html(hostile_result)


def test_source_evidence_beside_the_quotation_with_a_diff() -> None:
    from citecheck.models import Finding, Location, Severity

    evidence = {
        "source": "sources/vol30.md",
        "locator": "vol. 30, p. 18",
        "passage": "Every cook must learn to govern the state <b>",
        "quotation": "Every cook must learn to run the state <script>",
        "kind": "misquotation",
        "score": 91.2,
        "steps": [("changed", "run", "govern")],
    }
    finding = Finding(
        "CC401", "misquotation", Severity.WARNING, "differs", (Location("a.txt", 3, 1, "Every cook"),), "f1", data={"evidence": evidence}
    )
    html = render_html(CheckResult((), (), (finding,)), generated="2026-01-01 00:00 UTC")
    section = html.split('class="locations source-evidence"')[1].split("</article>")[0]
    assert "sources/vol30.md" in section and "vol. 30, p. 18 · misquotation · 91.2% alike" in section
    assert "<del>run</del>" in section and "<ins>govern</ins>" in section
    assert "changed word: “run” for “govern”" in section
    assert "<script>" not in section and "&lt;script&gt;" in section and "&lt;b&gt;" in section


def test_exact_evidence_shows_no_diff() -> None:
    from citecheck.models import Finding, Location, Severity

    evidence = {"source": "s.txt", "locator": "vol. 29", "passage": "a b c", "quotation": "a b c", "kind": "exact", "score": 100.0, "steps": []}
    finding = Finding("CC404", "found-in-source", Severity.INFO, "m", (Location("a.txt", 1, 1, "a"),), "f2", data={"evidence": evidence})
    html = render_html(CheckResult((), (), (finding,)), generated="x")
    assert 'class="locations source-evidence"' in html and "Against the source" not in html
