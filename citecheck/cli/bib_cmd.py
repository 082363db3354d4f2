"""``citecheck bib``: write the merged bibliography."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import (
    CacheDirOpt,
    ConfigOpt,
    JobsOpt,
    NoCacheOpt,
    PathsArg,
    ProgressOpt,
    ReferencesOpt,
    SchedulerOpt,
    executing,
    report_input_errors,
    setup_or_exit,
)


@app.command()
def bib(
    paths: PathsArg = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to write it [default: config].")] = None,
    references: ReferencesOpt = None,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    scheduler: SchedulerOpt = None,
    progress: ProgressOpt = None,
) -> None:
    """Write references.bib plus every work and volume the corpus cites, with where each is cited."""
    from ..bibexport import write_merged
    from ..normalise import normalise_all
    from ..pipeline import extract_paths

    settings, catalogue = setup_or_exit(config, paths, references, jobs, no_cache, cache_dir)
    output = output or Path(settings.bibliography or "reports/merged.bib")
    references = Path(settings.references)
    with executing(settings, scheduler, progress) as run:
        outcome = extract_paths(settings.paths, catalogue, run)
    if output.resolve() == references.resolve():
        typer.echo(f"citecheck: {output}: refusing to overwrite the curated bibliography", err=True)
        raise typer.Exit(2)
    write_merged(output, catalogue, normalise_all(outcome.documents, catalogue))
    if report_input_errors(outcome.errors):
        raise typer.Exit(2)
