"""Suppressions: inline markers in the texts, and per-path ignores from the configuration.

An inline marker is an HTML comment (invisible when Markdown or HTML is
rendered, and harmless in plain text)::

    <!-- citecheck: ignore quote-source-conflict -->
    <!-- citecheck: ignore CC101, CC105 -->
    <!-- citecheck: ignore -->            (every rule)

It silences the named rules for findings with a location on the marker's own
line or on the line after it, so it can stand at the end of the line or on a
line of its own above.  A marker that silences nothing, or names no rule, is
reported (rule ``unused-suppression``), so stale markers do not pile up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import regex

from citecheck.models import DocumentResult, Finding
from citecheck.settings import path_matches
from citecheck.source.view import line_starts

_MARKER = regex.compile(r"<!--[ \t]*citecheck:[ \t]*ignore\b([^<>\r\n]{0,400}?)[ \t]*-->", regex.IGNORECASE)
_NAME_SEPARATOR = regex.compile(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class Marker:
    """One inline suppression marker."""

    path: str
    line: int
    column: int
    raw: str
    #: Rule names or codes as written; empty means every rule.
    rules: tuple[str, ...]

    def covers(self, line: int) -> bool:
        """Whether a finding on ``line`` is within reach of this marker."""
        return line in (self.line, self.line + 1)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Findings after suppression, and the markers that did nothing (with why)."""

    kept: tuple[Finding, ...]
    suppressed: int
    unused: tuple[tuple[Marker, str], ...]


def find_markers(doc: DocumentResult) -> list[Marker]:
    """Every inline marker in ``doc``'s source, in order."""
    src = doc.source
    if "citecheck" not in src:
        return []
    starts = line_starts(src)
    out: list[Marker] = []
    row = 0
    for m in _MARKER.finditer(src):
        while row + 1 < len(starts) and starts[row + 1] <= m.start():
            row += 1
        names = tuple(n for n in _NAME_SEPARATOR.split(m.group(1).strip()) if n)
        out.append(Marker(doc.path, row + 1, m.start() - starts[row] + 1, m.group(0), names))
    return out


def apply(
    findings: Sequence[Finding],
    documents: Iterable[DocumentResult],
    resolve_rule: Callable[[str], tuple[str, str] | None],
    enabled: Callable[[str, str], bool],
) -> Outcome:
    """Drop the findings an inline marker covers; report markers that covered nothing.

    ``resolve_rule`` maps a name or code to ``(name, code)`` (None when no rule
    has it); ``enabled`` says whether a rule runs, so a marker for a rule that
    is switched off in this run is not called unused.
    """
    markers = [m for d in sorted(documents, key=lambda d: d.path) for m in find_markers(d)]
    by_place: dict[tuple[str, int], list[int]] = {}
    for i, m in enumerate(markers):
        by_place.setdefault((m.path, m.line), []).append(i)
        by_place.setdefault((m.path, m.line + 1), []).append(i)
    used = [False] * len(markers)
    kept: list[Finding] = []
    for f in findings:
        hit = _covering(f, markers, by_place, resolve_rule)
        if hit is None:
            kept.append(f)
        else:
            used[hit] = True
    unused: list[tuple[Marker, str]] = []
    for m, was_used in zip(markers, used, strict=True):
        if was_used:
            continue
        unknown = [n for n in m.rules if resolve_rule(n) is None]
        if unknown:
            unused.append((m, f"names no rule: {', '.join(unknown)}"))
            continue
        rules = [r for r in (resolve_rule(n) for n in m.rules) if r is not None]
        if rules and not any(enabled(*r) for r in rules):
            continue
        unused.append((m, "suppresses nothing"))
    return Outcome(tuple(kept), len(findings) - len(kept), tuple(unused))


def _covering(
    f: Finding,
    markers: list[Marker],
    by_place: dict[tuple[str, int], list[int]],
    resolve_rule: Callable[[str], tuple[str, str] | None],
) -> int | None:
    for loc in f.locations:
        for i in by_place.get((loc.path, loc.line), ()):
            names = markers[i].rules
            if not names or any(resolve_rule(n) == (f.rule, f.code) for n in names):
                return i
    return None


def path_ignored(finding: Finding, per_path: Sequence[tuple[str, frozenset[str]]]) -> bool:
    """Whether every location of ``finding`` is in a path whose ignores name its rule."""
    if not per_path or not finding.locations:
        return False

    def ignored_at(path: str) -> bool:
        return any(
            (finding.rule in names or finding.code in names) and path_matches(path, glob) for glob, names in per_path
        )

    return all(ignored_at(loc.path) for loc in finding.locations)
