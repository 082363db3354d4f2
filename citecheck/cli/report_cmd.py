"""``citecheck report``: write only the HTML discrepancy report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import load_catalogue_or_exit, report_input_errors


@app.command()
def report(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus).")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write it.")] = Path(
        "reports/discrepancies.html"
    ),
    references: Annotated[Path, typer.Option(help="The curated bibliography.")] = Path("references.bib"),
) -> None:
    """Check the corpus and write the HTML discrepancy report (SOURCE_DATE_EPOCH pins its date)."""
    from ..pipeline import run_check
    from ..report.html import write_html

    catalogue = load_catalogue_or_exit(references)
    inputs = [str(p) for p in (paths or [Path("corpus")])]
    result = run_check(inputs, catalogue)
    write_html(output, result, inputs=inputs)
    typer.echo(f"{len(result.findings)} findings: {output}")
    if report_input_errors(result.errors):
        raise typer.Exit(2)
