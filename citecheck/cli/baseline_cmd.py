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
    quiet: common.QuietOpt = False,
) -> None:
    """Write the fingerprints of every current finding to the baseline file (nothing when an input fails)."""
    from citecheck.ci.baseline import write
    from citecheck.pipeline import run_check

    settings, catalogue = common.setup_or_exit(config, paths, references, jobs, no_cache, cache_dir, quiet=quiet)
    output = output or Path(settings.baseline or ".citecheck-baseline.json")
    common.outputs_or_exit(settings, [output])
    with common.executing(settings, scheduler, progress) as run:
        result = run_check(settings.paths, catalogue, settings, run)
    common.no_documents_or_exit(len(result.documents), result.errors, settings.paths)
    # A baseline missing an unreadable file's findings would pass them later: write none.
    if common.report_input_errors(result.errors, result.warnings):
        raise typer.Exit(2)
    outputs = common.Outputs()
    with outputs.attempt():
        write(output, result.findings)
        if not quiet:
            typer.echo(f"{len(result.findings)} findings written to {output}")
    if outputs.failed:
        raise typer.Exit(2)
