"""``citecheck baseline``: accept today's findings, so CI fails only on new ones."""

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
def baseline(
    paths: PathsArg = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The baseline [default: .citecheck-baseline.json].")
    ] = None,
    references: ReferencesOpt = None,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    scheduler: SchedulerOpt = None,
    progress: ProgressOpt = None,
) -> None:
    """Write the fingerprints of every current finding to the baseline file."""
    from ..ci.baseline import write
    from ..pipeline import run_check

    settings, catalogue = setup_or_exit(config, paths, references, jobs, no_cache, cache_dir)
    output = output or Path(settings.baseline or ".citecheck-baseline.json")
    with executing(settings, scheduler, progress) as run:
        result = run_check(settings.paths, catalogue, settings, run)
    write(output, result.findings)
    typer.echo(f"{len(result.findings)} findings written to {output}")
    if report_input_errors(result.errors):
        raise typer.Exit(2)
