"""``citecheck bib``: write the merged bibliography."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import ConfigOpt, PathsArg, ReferencesOpt, report_input_errors, setup_or_exit


@app.command()
def bib(
    paths: PathsArg = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to write it [default: config].")] = None,
    references: ReferencesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write references.bib plus every work and volume the corpus cites, with where each is cited."""
    from ..bibexport import write_merged
    from ..normalise import normalise_all
    from ..pipeline import extract_paths

    settings, catalogue = setup_or_exit(config, paths, references)
    output = output or Path(settings.bibliography or "reports/merged.bib")
    references = Path(settings.references)
    outcome = extract_paths(settings.paths, catalogue)
    if output.resolve() == references.resolve():
        typer.echo(f"citecheck: {output}: refusing to overwrite the curated bibliography", err=True)
        raise typer.Exit(2)
    write_merged(output, catalogue, normalise_all(outcome.documents, catalogue))
    if report_input_errors(outcome.errors):
        raise typer.Exit(2)
