"""``citecheck report``: write only the HTML discrepancy report."""

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
def report(
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
    """Check the corpus and write the HTML discrepancy report (SOURCE_DATE_EPOCH pins its date)."""
    from ..pipeline import run_check
    from ..report.html import write_html

    settings, catalogue = setup_or_exit(config, paths, references, jobs, no_cache, cache_dir)
    output = output or Path(settings.report or "reports/discrepancies.html")
    inputs = list(settings.paths)
    with executing(settings, scheduler, progress) as run:
        result = run_check(inputs, catalogue, settings, run)
    write_html(output, result, inputs=inputs)
    typer.echo(f"{len(result.findings)} findings: {output}")
    if report_input_errors(result.errors):
        raise typer.Exit(2)
