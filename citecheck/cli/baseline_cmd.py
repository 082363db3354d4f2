"""``citecheck baseline``: accept today's findings, so CI fails only on new ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from citecheck.cli import app, common


@app.command()
def baseline(
    paths: common.PathsArg = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The baseline [default: .citecheck-baseline.json].")
    ] = None,
    references: common.ReferencesOpt = None,
    config: common.ConfigOpt = None,
    jobs: common.JobsOpt = None,
    no_cache: common.NoCacheOpt = False,
    cache_dir: common.CacheDirOpt = None,
    scheduler: common.SchedulerOpt = None,
    progress: common.ProgressOpt = None,
) -> None:
    """Write the fingerprints of every current finding to the baseline file."""
    from citecheck.ci.baseline import write
    from citecheck.pipeline import run_check

    settings, catalogue = common.setup_or_exit(config, paths, references, jobs, no_cache, cache_dir)
    output = output or Path(settings.baseline or ".citecheck-baseline.json")
    common.outputs_or_exit(settings, [output])
    with common.executing(settings, scheduler, progress) as run:
        result = run_check(settings.paths, catalogue, settings, run)
    outputs = common.Outputs()
    with outputs.attempt():
        write(output, result.findings)
        typer.echo(f"{len(result.findings)} findings written to {output}")
    if common.report_input_errors(result.errors, result.warnings) or outputs.failed:
        raise typer.Exit(2)
