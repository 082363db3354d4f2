"""Findings in the terminal: what needs action first, grouped by document, a summary line last.

Documents are listed most severe finding first, then by path; within one, the
findings keep their order (most severe first, then by line).

Errors and warnings are listed by default; info findings, which need no action,
are counted in one line (``--min-severity info`` lists them).  Colour follows
``--color``: ``auto`` colours a terminal unless ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from rich.console import Console
from rich.markup import escape

from citecheck.models import Finding, Severity
from citecheck.output.escape import escape_controls

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def console_for(color: str) -> tuple[Console, bool]:
    """A console on stdout for ``--color auto|always|never``, and whether to style what it prints."""
    if color == "always":
        return Console(highlight=False, soft_wrap=True, force_terminal=True, no_color=False), True
    if color == "never":
        return Console(highlight=False, soft_wrap=True, no_color=True), False
    console = Console(highlight=False, soft_wrap=True)
    return console, console.is_terminal and not os.environ.get("NO_COLOR")


def print_findings(
    findings: Sequence[Finding],
    console: Console,
    documents: int,
    *,
    styled: bool | None = None,
    floor: Severity = Severity.INFO,
    quiet: bool = False,
    notes: Sequence[str] = (),
) -> None:
    """The findings at or above ``floor`` under the document of their first location, then a summary.

    The findings below ``floor`` are counted in one line; ``quiet`` prints the
    findings alone.  Styled lines go through rich; plain ones are written
    directly, which keeps tens of thousands of findings fast to print.
    """
    styled = console.is_terminal if styled is None else styled
    lines = _lines(findings, documents, styled, floor, quiet, notes)
    if styled:
        for line in lines:
            console.print(line)
    else:
        console.file.write("".join(line + "\n" for line in lines))
        console.file.flush()


def severity_count(n: int, severity: Severity) -> str:
    """``1 error``, ``3 warnings``, ``23 info``."""
    return f"{n} {severity}{'s' if n != 1 and severity is not Severity.INFO else ''}"


def _lines(
    findings: Sequence[Finding], documents: int, styled: bool, floor: Severity, quiet: bool, notes: Sequence[str]
) -> Iterator[str]:
    def mark(text: str, style: str) -> str:
        return f"[{style}]{text}[/{style}]" if styled else text

    def esc(text: str) -> str:  # corpus text and file names: no control character reaches the terminal
        return escape(escape_controls(text)) if styled else escape_controls(text)

    by_doc: dict[str, list[Finding]] = defaultdict(list)
    hidden: Counter[Severity] = Counter()
    for f in findings:
        if f.severity < floor:
            hidden[f.severity] += 1
        else:
            by_doc[f.locations[0].path if f.locations else "(corpus)"].append(f)
    # Documents with the most severe findings first: what needs fixing leads the listing.
    for path in sorted(by_doc, key=lambda p: (-max(f.severity for f in by_doc[p]), p)):
        yield mark(esc(path), "bold")
        for f in by_doc[path]:
            loc = f.locations[0] if f.locations else None
            where = f"{loc.line}:{loc.column}" if loc else "-"
            severity = mark(f"{f.severity!s:<7}", _STYLE[f.severity])
            yield f"  {where:>8}  {severity} {f.code} {mark(f.rule, 'dim')}  {esc(f.message)}"
            for other in f.locations[1:]:
                yield "            " + mark(f"also {esc(other.path)}:{other.line}", "dim")
            if f.suggestion:
                yield f"            {mark('suggested source:', 'green')} {esc(f.suggestion)}"
        yield ""
    if quiet:
        return
    if hidden:
        rules = Counter(f"{f.code} {f.rule}" for f in findings if f.severity < floor)
        listed = ", ".join(f"{n} {rule}" for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
        shown = ", ".join(severity_count(hidden[s], s) for s in sorted(hidden, reverse=True))
        yield mark(f"{shown} not listed ({listed}): --min-severity {min(hidden)} lists them", "dim")
    yield from notes
    counts = Counter(f.severity for f in findings)
    parts = [severity_count(counts[s], s) for s in sorted(counts, reverse=True)]
    # with a baseline or --since, the findings listed are those that count, not all there are
    counted = " counted" if notes else ""
    yield f"{', '.join(parts) or 'no findings'}{counted} in {documents} document{'s' if documents != 1 else ''}"
