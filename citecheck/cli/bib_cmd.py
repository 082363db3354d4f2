"""``citecheck bib``: write the merged bibliography."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import load_catalogue_or_exit, report_input_errors


@app.command()
def bib(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus).")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write it.")] = Path("reports/merged.bib"),
    references: Annotated[Path, typer.Option(help="The curated bibliography.")] = Path("references.bib"),
) -> None:
    """Write references.bib plus every work and volume the corpus cites, with where each is cited."""
    from ..bibexport import write_merged
    from ..normalise import normalise_all
    from ..pipeline import extract_paths

    catalogue = load_catalogue_or_exit(references)
    outcome = extract_paths([str(p) for p in (paths or [Path("corpus")])], catalogue)
    if output.resolve() == references.resolve():
        typer.echo(f"citecheck: {output}: refusing to overwrite the curated bibliography", err=True)
        raise typer.Exit(2)
    write_merged(output, catalogue, normalise_all(outcome.documents, catalogue))
    if report_input_errors(outcome.errors):
        raise typer.Exit(2)
