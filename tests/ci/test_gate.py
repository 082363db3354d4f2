"""The CI gate: baseline and changed lines filter what counts; fail-on decides the exit."""

from __future__ import annotations

from collections import Counter

import pytest

from citecheck.ci.gate import gate
from citecheck.ci.since import Changes
from citecheck.models import Finding, Location, Severity


def _f(fp: str, line: int, severity: Severity = Severity.ERROR) -> Finding:
    return Finding("CC101", "quote-source-conflict", severity, "m", (Location("a.txt", line, 1, "x"),), fp)


FINDINGS = [_f("a" * 16, 3), _f("b" * 16, 9, Severity.WARNING), _f("c" * 16, 20, Severity.INFO)]


@pytest.mark.parametrize(
    ("accepted", "changed", "counted", "notes"),
    [
        (None, None, ["a", "b", "c"], {}),
        (Counter({"a" * 16: 1}), None, ["b", "c"], {"baseline": "2 new, 1 baselined, 0 fixed"}),
        (Counter({"z" * 16: 2}), None, ["a", "b", "c"], {"baseline": "3 new, 0 baselined, 2 fixed"}),
        (None, {9, 20}, ["b", "c"], {"since": "2 on lines changed since HEAD, 1 elsewhere"}),
        (Counter({"c" * 16: 1}), {9, 20}, ["b"], {"baseline": "2 new", "since": "1 on lines changed"}),
    ],
)
def test_filters(
    tmp_path: object, accepted: Counter[str] | None, changed: set[int] | None, counted: list[str], notes: dict[str, str]
) -> None:
    import os

    changes = Changes("HEAD", {os.path.realpath("a.txt"): frozenset(changed)}) if changed is not None else None
    g = gate(FINDINGS, [], accepted, changes)
    assert [f.fingerprint[0] for f in g.counted] == counted
    assert set(g.notes) == set(notes) and all(g.notes[k].startswith(v) for k, v in notes.items())


def test_fails_only_at_or_above_fail_on() -> None:
    g = gate(FINDINGS[1:], [])  # a warning and an info
    assert g.fails(Severity.INFO) and g.fails(Severity.WARNING)
    assert not g.fails(Severity.ERROR) and not g.fails(None)
