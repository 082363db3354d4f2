"""``citecheck baseline``: accept today's findings, so CI fails only on new ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import load_catalogue_or_exit, report_input_errors


@app.command()
def baseline(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus).")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file.")] = Path(
        ".citecheck-baseline.json"
    ),
    references: Annotated[Path, typer.Option(help="The curated bibliography.")] = Path("references.bib"),
) -> None:
    """Write the fingerprints of every current finding to the baseline file."""
    from ..ci.baseline import write
    from ..pipeline import run_check

    catalogue = load_catalogue_or_exit(references)
    result = run_check([str(p) for p in (paths or [Path("corpus")])], catalogue)
    write(output, result.findings)
    typer.echo(f"{len(result.findings)} findings written to {output}")
    if report_input_errors(result.errors):
        raise typer.Exit(2)
