"""The ``citecheck`` command line: a thin layer over the library API.

Each command lives in its own module and registers itself on :data:`app`.
"""

from __future__ import annotations

import gc
from typing import Annotated

import typer

app = typer.Typer(
    name="citecheck",
    help="Extract, normalise and cross-check quotations and citations in a corpus of essays.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help, as ruff's: help texts hold brackets ([tool.citecheck], [default: …], citecheck[dask])
    # that Rich markup would swallow.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from citecheck import __version__

        typer.echo(f"citecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Extract, normalise and cross-check quotations and citations in a corpus of essays."""


# Command modules register themselves on import.
from citecheck.cli import (  # noqa: E402,F401
    baseline_cmd,
    bib_cmd,
    check_cmd,
    extract_cmd,
    report_cmd,
    rules_cmd,
    sources_cmd,
)

#: Allocations between young-generation collections in the command-line process.
GC_THRESHOLD = 50_000


def main() -> None:
    """Entry point of the ``citecheck`` console script."""
    # A run builds hundreds of thousands of small records that live until it ends and hold no
    # reference cycles.  At the default threshold (700) the collector walks them again and again,
    # which cost a fifth of a cached re-check.  Only this short-lived process is changed, not the
    # library: programs that import citecheck keep their own collector settings.
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    app()
