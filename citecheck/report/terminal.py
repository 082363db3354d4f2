"""Findings in the terminal: grouped by document, coloured by severity, a summary line last.

rich drops the colours by itself when the output is not a terminal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from ..models import Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_findings(findings: Sequence[Finding], console: Console, documents: int) -> None:
    """Each finding under the document of its first location, then one summary line."""
    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_doc[f.locations[0].path if f.locations else "(corpus)"].append(f)
    for path in sorted(by_doc):
        console.print(f"[bold]{escape(path)}[/bold]")
        for f in by_doc[path]:
            loc = f.locations[0] if f.locations else None
            where = f"{loc.line}:{loc.column}" if loc else "-"
            style = _STYLE[f.severity]
            console.print(
                f"  {where:>8}  [{style}]{f.severity!s:<7}[/{style}] {f.code} [dim]{f.rule}[/dim]  {escape(f.message)}"
            )
            for other in f.locations[1:]:
                console.print(f"            [dim]also {escape(other.path)}:{other.line}[/dim]")
            if f.suggestion:
                console.print(f"            [green]suggested source:[/green] {escape(f.suggestion)}")
        console.print()
    counts = Counter(f.severity for f in findings)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
        for s in sorted(counts, reverse=True)
    ]
    console.print(f"{', '.join(parts) or 'no findings'} in {documents} document{'s' if documents != 1 else ''}")
