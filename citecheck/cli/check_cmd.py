"""``citecheck check``: the whole job, with exit codes for CI.

Exit 0: nothing at or above ``--fail-on`` among the findings that count (new
against ``--baseline``); 1: something is; 2: bad usage or input.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..models import Finding, Severity
from . import app
from .common import load_catalogue_or_exit, report_input_errors


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
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus).")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text, json, sarif or github.")] = CheckFormat.text,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")] = FailOn.error,
    references: Annotated[Path, typer.Option(help="The curated bibliography.")] = Path("references.bib"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the machine output here.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Fail only on findings not in this baseline.")] = None,
    html: Annotated[Path, typer.Option(help="Where to write the HTML report.")] = Path("reports/discrepancies.html"),
    no_html: Annotated[bool, typer.Option("--no-html", help="Do not write the HTML report.")] = False,
    bib: Annotated[Path, typer.Option(help="Where to write the merged bibliography.")] = Path("reports/merged.bib"),
    no_bib: Annotated[bool, typer.Option("--no-bib", help="Do not write the merged bibliography.")] = False,
    select: Annotated[str | None, typer.Option(help="Only these rules (names or codes, comma-separated).")] = None,
    ignore: Annotated[str | None, typer.Option(help="Never these rules (names or codes, comma-separated).")] = None,
) -> None:
    """Extract, normalise and check the corpus; report the findings; exit 1 on failing findings."""
    from ..ci import baseline as bl
    from ..pipeline import run_check
    from ..settings import Settings

    catalogue = load_catalogue_or_exit(references)
    accepted = None
    if baseline is not None:
        try:
            accepted = bl.load(baseline)
        except bl.BaselineError as exc:
            typer.echo(f"citecheck: {exc}", err=True)
            raise typer.Exit(2) from None
    settings = Settings(
        references=str(references),
        select=_names(select),
        ignore=_names(ignore) or frozenset(),
        fail_on=None if fail_on is FailOn.never else Severity.parse(fail_on.value),
    )
    inputs = [str(p) for p in (paths or [Path("corpus")])]
    result = run_check(inputs, catalogue, settings)
    findings = list(result.findings)
    counted = findings
    note = ""
    if accepted is not None:
        cmp = bl.compare(findings, accepted)
        counted = list(cmp.new)
        note = (
            f"{len(cmp.new)} new, {len(cmp.baselined)} baselined, "
            f"{cmp.fixed} fixed (baselined findings no longer present)"
        )
    if not no_html:
        from ..report.html import write_html

        write_html(html, result, inputs=inputs)
    if not no_bib:
        from ..bibexport import write_merged

        write_merged(bib, catalogue, result.normalised)
    _report(fmt, result, counted, len(result.documents), output, note, baseline is not None)
    if report_input_errors(result.errors):
        raise typer.Exit(2)
    if settings.fail_on is not None and any(f.severity >= settings.fail_on for f in counted):
        raise typer.Exit(1)


def _report(
    fmt: CheckFormat,
    result: object,
    findings: list[Finding],
    n_docs: int,
    output: Path | None,
    note: str,
    with_baseline: bool,
) -> None:
    from ..models import CheckResult

    assert isinstance(result, CheckResult)
    if fmt is CheckFormat.text:
        from rich.console import Console

        from ..report.terminal import print_findings

        console = Console(highlight=False, soft_wrap=True)
        print_findings(findings, console, n_docs)
        if note:
            console.print(note)
        return
    if fmt is CheckFormat.json:
        from ..ci.output import to_json

        extra = {"baseline": note} if with_baseline else None
        text = to_json(result, findings, extra)
    elif fmt is CheckFormat.sarif:
        from ..ci.sarif import to_sarif

        text = to_sarif(findings)
    else:
        from ..ci.github import to_github

        text = to_github(findings)
        if note:
            text += f"::notice title=citecheck baseline::{note}\n"
    if output is None:
        sys.stdout.write(text)
    else:
        from ..atomic import write_text

        write_text(output, text)


def _names(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(v.strip() for v in value.split(",") if v.strip())
