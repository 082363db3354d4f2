"""The ``citecheck`` command line: a thin layer over the library API.

Each command lives in its own module and registers itself on :data:`app`.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="citecheck",
    help="Extract, normalise and cross-check quotations and citations in a corpus of essays.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Extract, normalise and cross-check quotations and citations in a corpus of essays."""


# Command modules register themselves on import.
from . import extract_cmd  # noqa: E402,F401

for _optional in ("bib_cmd", "check_cmd", "rules_cmd", "report_cmd", "baseline_cmd"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as _exc:  # a command not built yet
        if _exc.name != f"{__name__}.{_optional}":
            raise


def main() -> None:
    """Entry point of the ``citecheck`` console script."""
    app()
