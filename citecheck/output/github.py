"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.models import Finding, Severity
from citecheck.output.escape import escape_controls

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(s: str) -> str:
    # control characters from corpus text or file names are escaped before anything reaches the log
    return escape_controls(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[Finding]) -> str:
    """Workflow commands for ``findings``, escaped as the runner expects."""
    lines = []
    for f in findings:
        loc = f.locations[0] if f.locations else None
        props = [f"title={_prop(f'{f.code} {f.rule}')}"]
        if loc is not None:
            props = [f"file={_prop(loc.path)}", f"line={loc.line}", f"col={loc.column}", *props]
        lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_data(f.message)}")
    return "".join(line + "\n" for line in lines)
