"""``citecheck check``: the whole job, with exit codes for CI.

Exit 0: nothing at or above ``--fail-on`` among the findings that count (new
against ``--baseline``, on changed lines with ``--since``); 1: something is;
2: bad usage or input, and then no file is written.
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
    from citecheck.models import CheckResult
    from citecheck.settings import Settings


class CheckFormat(StrEnum):
    """Output formats of ``citecheck check``."""

    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    """The lowest severity that makes ``check`` exit 1."""

    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


class Level(StrEnum):
    """A severity named on the command line."""

    info = "info"
    warning = "warning"
    error = "error"


class Color(StrEnum):
    """When the terminal listing is coloured."""

    auto = "auto"
    always = "always"
    never = "never"


@app.command()
def check(
    paths: common.PathsArg = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="text, concise (path:line:col: CODE message), json, sarif, github."),
    ] = CheckFormat.text,
    fail_on: Annotated[FailOn | None, typer.Option(help="Exit 1 on a finding this severe [default: error].")] = None,
    min_severity: Annotated[
        Level | None,
        typer.Option(help="Show only findings this severe [default: text lists errors and warnings, summarises info]."),
    ] = None,
    references: common.ReferencesOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the machine output here.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Count only findings not in this baseline.")] = None,
    since: Annotated[str | None, typer.Option(help="Count only findings on lines changed since REF.")] = None,
    html: Annotated[Path | None, typer.Option(help="The HTML report [default: reports/discrepancies.html].")] = None,
    no_html: Annotated[bool, typer.Option("--no-html", help="Do not write the HTML report.")] = False,
    bib: Annotated[Path | None, typer.Option(help="The merged bibliography [default: reports/merged.bib].")] = None,
    no_bib: Annotated[bool, typer.Option("--no-bib", help="Do not write the merged bibliography.")] = False,
    select: Annotated[str | None, typer.Option(help="Only these rules (names or codes, comma-separated).")] = None,
    extend_select: Annotated[str | None, typer.Option(help="These rules as well as the selected ones.")] = None,
    ignore: Annotated[str | None, typer.Option(help="Never these rules (names or codes, comma-separated).")] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count findings per rule instead of listing them.")
    ] = False,
    show_files: Annotated[
        bool, typer.Option("--show-files", help="List the files that would be read, and stop.")
    ] = False,
    show_settings: Annotated[
        bool, typer.Option("--show-settings", help="Print the merged configuration as TOML, and stop.")
    ] = False,
    quiet: common.QuietOpt = False,
    color: Annotated[
        Color, typer.Option(help="Colour the listing: auto (a terminal, unless NO_COLOR is set), always, never.")
    ] = Color.auto,
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

    settings, origin = common.settings_only_or_exit(
        config,
        paths,
        references,
        jobs,
        no_cache,
        cache_dir,
        select=common.rule_names_or_exit(select, "--select"),
        extend_select=common.rule_names_or_exit(extend_select, "--extend-select"),
        baseline=str(baseline) if baseline else None,
        min_severity=None if min_severity is None else Severity.parse(min_severity.value),
    )
    settings = _apply_flags(settings, select, ignore, fail_on, html, no_html, bib, no_bib)
    if show_settings:
        from citecheck.config import to_toml

        typer.echo(to_toml(settings, origin), nl=False)
        return
    if show_files:
        _show_files(settings)
        return
    common.outputs_or_exit(settings, [settings.report, settings.bibliography, output], [settings.baseline])
    accepted = _baseline_or_exit(settings.baseline, explicit=baseline is not None)
    changes = _changes_or_exit(since, settings.paths)
    catalogue = common.load_catalogue_or_exit(settings, quiet)
    inputs = list(settings.paths)
    with common.executing(settings, scheduler, progress) as run:
        result = run_check(inputs, catalogue, settings, run)
    common.no_documents_or_exit(len(result.documents), result.errors, inputs)
    counted = gate(result.findings, result.documents, accepted, changes)
    failed_inputs = bool(result.errors)
    # The machine output goes out first, so a report that cannot be written does not lose it;
    # a run that could not read its inputs writes no file at all (earlier outputs stay as they were).
    # Each output is written on its own: one that cannot be written does not stop the others.
    outputs = common.Outputs()
    with outputs.attempt():
        if statistics:
            _statistics(fmt, _at_least(list(counted.counted), settings.min_severity), output, failed_inputs)
        else:
            _report(fmt, result, list(counted.counted), counted.notes, output, failed_inputs, settings, quiet, color)
    if common.report_input_errors(result.errors, result.warnings):
        raise typer.Exit(2)
    if settings.report is not None:
        from citecheck.output.html import write_html

        report = replace(result, findings=tuple(_at_least(list(result.findings), settings.min_severity)))
        with outputs.attempt():
            write_html(Path(settings.report), report, inputs=inputs)
    if settings.bibliography is not None:
        from citecheck.bibliography.export import write_merged

        with outputs.attempt():
            write_merged(Path(settings.bibliography), catalogue, result.normalised)
    if outputs.failed:
        raise typer.Exit(2)
    if counted.fails(settings.fail_on):
        raise typer.Exit(1)


def _apply_flags(
    settings: Settings,
    select: str | None,
    ignore: str | None,
    fail_on: FailOn | None,
    html: Path | None,
    no_html: bool,
    bib: Path | None,
    no_bib: bool,
) -> Settings:
    """The flags that do more than replace a setting."""
    # --select on the command line is the whole choice: the configured ignores and "off" severities
    # give way to it; --ignore adds to the configured ignores.
    flag_ignore = common.rule_names_or_exit(ignore, "--ignore") or frozenset()
    severity = settings.severity
    if select is not None:
        severity = {name: level for name, level in settings.severity.items() if level is not None}
    return replace(
        settings,
        ignore=flag_ignore if select is not None else settings.ignore | flag_ignore,
        severity=severity,
        fail_on=settings.fail_on if fail_on is None else _severity(fail_on),
        report=None if no_html else (str(html) if html else settings.report),
        bibliography=None if no_bib else (str(bib) if bib else settings.bibliography),
    )


def _show_files(settings: Settings) -> None:
    """Print the files a run would read, one a line; exit 2 when a path cannot be read or none is found."""
    from citecheck.models import InputError
    from citecheck.pipeline import input_files

    files: list[str] = []
    errors: list[InputError] = []
    outputs = (settings.report, settings.bibliography, *settings.sources)
    for item in input_files(settings.paths, settings.exclude_globs, outputs):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            files.append(item.as_posix())
    sys.stdout.write("".join(f + "\n" for f in files))
    common.no_documents_or_exit(len(files), errors, list(settings.paths))
    if common.report_input_errors(errors):
        raise typer.Exit(2)


def _at_least(findings: list[Finding], floor: Severity | None) -> list[Finding]:
    return findings if floor is None else [f for f in findings if f.severity >= floor]


def _baseline_or_exit(path: str | None, explicit: bool) -> Counter[str] | None:
    """The baseline to compare against: named by the flag, or configured and present; exit 2 when unusable."""
    from citecheck.ci import baseline as bl

    if path is None or not (explicit or Path(path).exists()):
        return None
    try:
        return bl.load(path)
    except bl.BaselineError as exc:
        common.fail(str(exc))


def _changes_or_exit(since: str | None, paths: tuple[str, ...]) -> Changes | None:
    """The lines changed since ``since`` in the repositories holding ``paths``; exit 2 when git cannot say."""
    if since is None:
        return None
    from citecheck.ci.since import GitError, changes_since

    try:
        return changes_since(since, paths)
    except GitError as exc:
        common.fail(str(exc))


def _severity(fail_on: FailOn) -> Severity | None:
    return None if fail_on is FailOn.never else Severity.parse(fail_on.value)


def _emit(text: str, output: Path | None, failed_inputs: bool) -> None:
    """Machine output to stdout, or to ``output`` unless the inputs failed (a failed run writes no file)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    elif not failed_inputs:
        from citecheck.output.atomic import write_text

        write_text(output, text)


def _statistics(fmt: CheckFormat, findings: list[Finding], output: Path | None, failed_inputs: bool) -> None:
    from citecheck.output.statistics import statistics_json, statistics_text

    _emit(statistics_json(findings) if fmt is CheckFormat.json else statistics_text(findings), output, failed_inputs)


def _report(
    fmt: CheckFormat,
    result: CheckResult,
    findings: list[Finding],
    notes: dict[str, str],
    output: Path | None,
    failed_inputs: bool,
    settings: Settings,
    quiet: bool,
    color: Color,
) -> None:
    if fmt is CheckFormat.text:
        from citecheck.output.terminal import console_for, print_findings

        console, styled = console_for(color.value)
        print_findings(
            findings,
            console,
            len(result.documents),
            styled=styled,
            floor=settings.min_severity or Severity.WARNING,
            quiet=quiet,
            notes=list(notes.values()),
        )
        return
    findings = _at_least(findings, settings.min_severity)
    if fmt is CheckFormat.concise:
        from citecheck.output.concise import to_concise

        text = to_concise(findings)
    elif fmt is CheckFormat.json:
        from citecheck.output.json_format import to_json

        text = to_json(result, findings, dict(notes) or None)
    elif fmt is CheckFormat.sarif:
        from citecheck.output.sarif import to_sarif

        text = to_sarif(findings)
    else:
        from citecheck.output.github import to_github

        text = to_github(findings)
        for key, note in notes.items():
            text += f"::notice title=citecheck {key}::{note}\n"
    _emit(text, output, failed_inputs)
