"""``--format concise``: one line per finding, ``path:line:col: CODE message``, for editors and grep."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.models import Finding
from citecheck.output.escape import escape_controls


def concise_line(f: Finding) -> str:
    """``path:line:col: CODE message`` at the finding's first location; the message folded onto one line.

    Control characters from corpus text and file names are escaped, as in the text listing.
    """
    loc = f.locations[0] if f.locations else None
    where = f"{loc.path}:{loc.line}:{loc.column}" if loc else "-:0:0"
    return escape_controls(f"{where}: {f.code} {' '.join(f.message.split())}")


def to_concise(findings: Sequence[Finding]) -> str:
    """One line per finding, in the order given (most severe first)."""
    return "".join(concise_line(f) + "\n" for f in findings)
