"""Findings in the terminal: grouped by document, coloured by severity, a summary line last.

rich drops the colours by itself when the output is not a terminal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from rich.console import Console
from rich.markup import escape

from citecheck.models import Finding, Severity
from citecheck.output.escape import escape_controls

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_findings(findings: Sequence[Finding], console: Console, documents: int) -> None:
    """Each finding under the document of its first location, then one summary line.

    On a terminal rich styles the lines; otherwise they are written as plain
    text directly, which keeps tens of thousands of findings fast to print.
    """
    styled = console.is_terminal
    lines = _lines(findings, documents, styled)
    if styled:
        for line in lines:
            console.print(line)
    else:
        console.file.write("".join(line + "\n" for line in lines))
        console.file.flush()


def _lines(findings: Sequence[Finding], documents: int, styled: bool) -> Iterator[str]:
    def mark(text: str, style: str) -> str:
        return f"[{style}]{text}[/{style}]" if styled else text

    def esc(text: str) -> str:  # corpus text and file names: no control character reaches the terminal
        return escape(escape_controls(text)) if styled else escape_controls(text)

    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_doc[f.locations[0].path if f.locations else "(corpus)"].append(f)
    for path in sorted(by_doc):
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
    counts = Counter(f.severity for f in findings)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
        for s in sorted(counts, reverse=True)
    ]
    yield f"{', '.join(parts) or 'no findings'} in {documents} document{'s' if documents != 1 else ''}"
