"""``citecheck report``: write only the HTML discrepancy report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer

from citecheck.cli import app, common


@app.command()
def report(
    paths: common.PathsArg = None,
    output: common.OutputOpt = None,
    references: common.ReferencesOpt = None,
    config: common.ConfigOpt = None,
    jobs: common.JobsOpt = None,
    no_cache: common.NoCacheOpt = False,
    cache_dir: common.CacheDirOpt = None,
    scheduler: common.SchedulerOpt = None,
    progress: common.ProgressOpt = None,
    quiet: common.QuietOpt = False,
) -> None:
    """Check the corpus and write the HTML discrepancy report (dated only when SOURCE_DATE_EPOCH is set)."""
    from citecheck.output.html import write_html
    from citecheck.pipeline import run_check

    settings, catalogue = common.setup_or_exit(config, paths, references, jobs, no_cache, cache_dir, quiet=quiet)
    output = output or Path(settings.report or "reports/discrepancies.html")
    settings = replace(settings, report=str(output))
    common.outputs_or_exit(settings, [output])
    inputs = list(settings.paths)
    with common.executing(settings, scheduler, progress) as run:
        result = run_check(inputs, catalogue, settings, run)
    common.no_documents_or_exit(len(result.documents), result.errors, inputs)
    if common.report_input_errors(result.errors, result.warnings):
        raise typer.Exit(2)
    if settings.min_severity is not None:
        result = replace(result, findings=tuple(f for f in result.findings if f.severity >= settings.min_severity))
    outputs = common.Outputs()
    with outputs.attempt():
        write_html(output, result, inputs=inputs)
        if not quiet:
            typer.echo(f"{len(result.findings)} findings: {output}")
    if outputs.failed:
        raise typer.Exit(2)
