"""``citecheck bib``: write the merged bibliography."""

from __future__ import annotations

from pathlib import Path

import typer

from citecheck.cli import app, common


@app.command()
def bib(
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
    """Write references.bib plus every work and volume the corpus cites, with where each is cited."""
    from citecheck.bibliography.export import write_merged
    from citecheck.bibliography.normalise import normalise_all
    from citecheck.pipeline import extract_paths

    settings, catalogue = common.setup_or_exit(config, paths, references, jobs, no_cache, cache_dir, quiet=quiet)
    output = output or Path(settings.bibliography or "reports/merged.bib")
    common.outputs_or_exit(settings, [output])
    with common.executing(settings, scheduler, progress) as run:
        outcome = extract_paths(settings.paths, catalogue, run, settings.exclude_globs, (output, *settings.sources))
    common.no_documents_or_exit(len(outcome.documents), outcome.errors, settings.paths)
    if common.report_input_errors(outcome.errors, outcome.warnings):
        raise typer.Exit(2)
    outputs = common.Outputs()
    with outputs.attempt():
        write_merged(output, catalogue, normalise_all(outcome.documents, catalogue))
        if not quiet:
            typer.echo(f"{len(outcome.documents)} documents: {output}")
    if outputs.failed:
        raise typer.Exit(2)
