"""How an HTML report names its maker, and recognising a report by it.

Kept apart from :mod:`citecheck.output.html` (Jinja2, markdown-it-py): a run
checks that a report it may replace is one of ours before any work, also
when it writes no report, and should not load the renderer to do so.
"""

from __future__ import annotations

from pathlib import Path

#: How a report names its maker (the template's generator meta): what :func:`is_report` looks for.
GENERATOR_MARK = b'<meta name="generator" content="citecheck'


def is_report(path: str | Path) -> bool:
    """Whether ``path`` is an HTML report citecheck wrote, which a new report may replace though a walk finds it."""
    try:
        with open(path, "rb") as fh:
            return GENERATOR_MARK in fh.read(4096)
    except OSError:
        return False
