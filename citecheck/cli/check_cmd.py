"""``citecheck check``: the whole job, with exit codes for CI.

Exit 0: nothing at or above ``--fail-on`` among the findings that count (new
against ``--baseline``); 1: something is; 2: bad usage or input.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citecheck.cli import app, common
from citecheck.models import Finding, Severity

if TYPE_CHECKING:
    from citecheck.ci.since import Changes


class CheckFormat(StrEnum):
    """Output formats of ``citecheck check``."""

    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    """The lowest severity that makes ``check`` exit 1."""

    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


@app.command()
def check(
    paths: common.PathsArg = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text, json, sarif or github.")] = CheckFormat.text,
    fail_on: Annotated[FailOn | None, typer.Option(help="Exit 1 on a finding this severe [default: error].")] = None,
    references: common.ReferencesOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the machine output here.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Count only findings not in this baseline.")] = None,
    since: Annotated[str | None, typer.Option(help="Count only findings on lines changed since REF.")] = None,
    html: Annotated[Path | None, typer.Option(help="The HTML report [default: reports/discrepancies.html].")] = None,
    no_html: Annotated[bool, typer.Option("--no-html", help="Do not write the HTML report.")] = False,
    bib: Annotated[Path | None, typer.Option(help="The merged bibliography [default: reports/merged.bib].")] = None,
    no_bib: Annotated[bool, typer.Option("--no-bib", help="Do not write the merged bibliography.")] = False,
    select: Annotated[str | None, typer.Option(help="Only these rules (names or codes, comma-separated).")] = None,
    ignore: Annotated[str | None, typer.Option(help="Never these rules (names or codes, comma-separated).")] = None,
    config: common.ConfigOpt = None,
    jobs: common.JobsOpt = None,
    no_cache: common.NoCacheOpt = False,
    cache_dir: common.CacheDirOpt = None,
    scheduler: common.SchedulerOpt = None,
    progress: common.ProgressOpt = None,
) -> None:
    """Extract, normalise and check the corpus; report the findings; exit 1 on failing findings.

    Settings come from [tool.citecheck] in pyproject.toml; flags override them.
    """
    from citecheck.ci.gate import gate
    from citecheck.pipeline import run_check

    settings, catalogue = common.setup_or_exit(
        config,
        paths,
        references,
        jobs,
        no_cache,
        cache_dir,
        select=common.rule_names_or_exit(select, "--select"),
        baseline=str(baseline) if baseline else None,
    )
    # --select on the command line is the whole choice; --ignore adds to the configured ignores.
    flag_ignore = common.rule_names_or_exit(ignore, "--ignore") or frozenset()
    settings = replace(
        settings,
        ignore=flag_ignore if select is not None else settings.ignore | flag_ignore,
        fail_on=settings.fail_on if fail_on is None else _severity(fail_on),
        report=None if no_html else (str(html) if html else settings.report),
        bibliography=None if no_bib else (str(bib) if bib else settings.bibliography),
    )
    common.outputs_or_exit(settings, [settings.report, settings.bibliography, output], [settings.baseline])
    accepted = _baseline_or_exit(settings.baseline, explicit=baseline is not None)
    changes = _changes_or_exit(since)
    inputs = list(settings.paths)
    with common.executing(settings, scheduler, progress) as run:
        result = run_check(inputs, catalogue, settings, run)
    counted = gate(result.findings, result.documents, accepted, changes)
    outputs = common.Outputs()  # each output on its own: one that cannot be written does not stop the others
    if settings.report is not None:
        from citecheck.output.html import write_html

        with outputs.attempt():
            write_html(Path(settings.report), result, inputs=inputs)
    if settings.bibliography is not None:
        from citecheck.bibliography.export import write_merged

        with outputs.attempt():
            write_merged(Path(settings.bibliography), catalogue, result.normalised)
    with outputs.attempt():
        _report(fmt, result, list(counted.counted), len(result.documents), output, counted.notes)
    if common.report_input_errors(result.errors, result.warnings) or outputs.failed:
        raise typer.Exit(2)
    if counted.fails(settings.fail_on):
        raise typer.Exit(1)


def _baseline_or_exit(path: str | None, explicit: bool) -> Counter[str] | None:
    """The baseline to compare against: named by the flag, or configured and present; exit 2 when unusable."""
    from citecheck.ci import baseline as bl

    if path is None or not (explicit or Path(path).exists()):
        return None
    try:
        return bl.load(path)
    except bl.BaselineError as exc:
        common.say(exc)
        raise typer.Exit(2) from None


def _changes_or_exit(since: str | None) -> Changes | None:
    """The lines changed since the revision ``since``; exit 2 when git cannot say."""
    if since is None:
        return None
    from citecheck.ci.since import GitError, changes_since

    try:
        return changes_since(since)
    except GitError as exc:
        common.say(exc)
        raise typer.Exit(2) from None


def _severity(fail_on: FailOn) -> Severity | None:
    return None if fail_on is FailOn.never else Severity.parse(fail_on.value)


def _report(
    fmt: CheckFormat,
    result: object,
    findings: list[Finding],
    n_docs: int,
    output: Path | None,
    notes: dict[str, str],
) -> None:
    from citecheck.models import CheckResult

    assert isinstance(result, CheckResult)
    if fmt is CheckFormat.text:
        from rich.console import Console

        from citecheck.output.terminal import print_findings

        console = Console(highlight=False, soft_wrap=True)
        print_findings(findings, console, n_docs)
        for note in notes.values():
            console.print(note)
        return
    if fmt is CheckFormat.json:
        from citecheck.output.json_format import to_json

        extra = dict(notes) or None
        text = to_json(result, findings, extra)
    elif fmt is CheckFormat.sarif:
        from citecheck.output.sarif import to_sarif

        text = to_sarif(findings)
    else:
        from citecheck.output.github import to_github

        text = to_github(findings)
        for key, note in notes.items():
            text += f"::notice title=citecheck {key}::{note}\n"
    if output is None:
        sys.stdout.write(text)
    else:
        from citecheck.output.atomic import write_text

        write_text(output, text)
