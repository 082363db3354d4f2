"""Inline suppression markers and per-path ignores: what they silence, and markers that silence nothing."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.bibliography.normalise import normalise_all
from citecheck.checks.run import run_rules
from citecheck.checks.suppress import find_markers, path_ignored
from citecheck.models import Finding, Location, Severity
from citecheck.settings import Settings
from tests.conftest import ROOT, extract_text

QUOTE = "we must fight the bureaucratic distortions of our state again and again"


def essay(volume: str, marker: str = "", where: str = "above", fmt: str = "text") -> str:
    line = f"Lenin said “{QUOTE}”.1"
    if marker and where == "above":
        line = f"{marker}\n{line}"
    elif marker and where == "end":
        line = f"{line} {marker}"
    elif marker and where == "two-above":
        line = f"{marker}\n\nAn unrelated sentence.\n{line}"
    return f"An essay\n\n{line}\n\nNotes\n\n  1. VI Lenin CW Vol {volume}, Moscow 1965, p24.\n"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


def check(catalogue: Catalogue, docs: dict[str, str], settings: Settings | None = None) -> list[Finding]:
    results = [extract_text(t, path=p, catalogue=catalogue) for p, t in sorted(docs.items())]
    return list(run_rules(results, normalise_all(results, catalogue), catalogue, settings))


def rules(found: list[Finding]) -> list[str]:
    return sorted(f.rule for f in found)


# (marker, where, rule names expected afterwards)
CASES = [
    ("", "above", ["quote-source-conflict"]),
    ("<!-- citecheck: ignore quote-source-conflict -->", "above", []),
    ("<!-- citecheck: ignore quote-source-conflict -->", "end", []),
    ("<!-- citecheck: ignore CC101 -->", "above", []),
    ("<!--citecheck:ignore cc101-->", "above", []),
    ("<!-- citecheck: ignore -->", "above", []),
    ("<!-- citecheck: ignore CC105, CC101 -->", "above", []),
    ("<!-- citecheck: ignore quote-source-conflict -->", "two-above", ["quote-source-conflict", "unused-suppression"]),
    ("<!-- citecheck: ignore dangling-ibid -->", "above", ["quote-source-conflict", "unused-suppression"]),
    ("<!-- citecheck: ignore quote-sauce-conflict -->", "above", ["quote-source-conflict", "unused-suppression"]),
]


@pytest.mark.parametrize(("marker", "where", "expected"), CASES)
def test_markers(catalogue: Catalogue, marker: str, where: str, expected: list[str]) -> None:
    docs = {"a.txt": essay("32"), "b.txt": essay("29", marker, where)}
    assert rules(check(catalogue, docs)) == expected


def test_a_marker_naming_no_rule_says_so(catalogue: Catalogue) -> None:
    docs = {"a.txt": essay("32"), "b.txt": essay("29", "<!-- citecheck: ignore CC999 -->")}
    (unused,) = [f for f in check(catalogue, docs) if f.rule == "unused-suppression"]
    assert "names no rule: CC999" in unused.message and unused.locations[0].line == 3


def test_a_marker_for_a_rule_not_run_is_not_called_unused(catalogue: Catalogue) -> None:
    docs = {"a.txt": essay("32"), "b.txt": essay("29", "<!-- citecheck: ignore CC101 -->")}
    found = check(catalogue, docs, Settings(ignore=frozenset({"quote-source-conflict"})))
    assert "unused-suppression" not in rules(found)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markers_in_markdown_and_html_are_found_and_not_extracted(catalogue: Catalogue, fmt: str) -> None:
    marker = "<!-- citecheck: ignore quote-source-conflict -->"
    body = f"{marker}\n<p>Lenin said “{QUOTE}”.</p>\n" if fmt == "html" else f"{marker}\nLenin said “{QUOTE}”.\n"
    doc = extract_text(body, fmt=fmt, catalogue=catalogue)
    (m,) = find_markers(doc)
    assert (m.line, m.column, m.rules) == (1, 1, ("quote-source-conflict",))
    assert [q.line for q in doc.quotations] == [2] and not doc.citations


def test_marker_lines_follow_crlf_and_cr(catalogue: Catalogue) -> None:
    for eol in ("\r\n", "\r"):
        doc = extract_text(f"Title{eol}{eol}<!-- citecheck: ignore -->{eol}text", catalogue=catalogue)
        assert [m.line for m in find_markers(doc)] == [3]


def _finding(*paths: str) -> Finding:
    return Finding(
        "CC101", "quote-source-conflict", Severity.ERROR, "m", tuple(Location(p, 1, 1, "x") for p in paths), "0" * 16
    )


@pytest.mark.parametrize(
    ("glob", "paths", "ignored"),
    [
        ("corpus/drafts/*", ["corpus/drafts/a.md"], True),
        ("corpus/drafts", ["corpus/drafts/deep/a.md"], True),
        ("corpus/drafts/*", ["corpus/drafts/a.md", "corpus/b.md"], False),
        ("*.html", ["corpus/a.html"], True),
        ("corpus/other/*", ["corpus/drafts/a.md"], False),
    ],
)
def test_per_path_ignores_need_every_location(glob: str, paths: list[str], ignored: bool) -> None:
    assert path_ignored(_finding(*paths), ((glob, frozenset({"quote-source-conflict"})),)) is ignored
    assert not path_ignored(_finding(*paths), ((glob, frozenset({"dangling-ibid"})),))
