"""``citecheck check``: the whole job, with exit codes for CI."""

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


class FailOn(StrEnum):
    """The lowest severity that makes ``check`` exit 1."""

    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus).")] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text for people, json for machines.")
    ] = CheckFormat.text,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")] = FailOn.error,
    references: Annotated[Path, typer.Option(help="The curated bibliography.")] = Path("references.bib"),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the machine output here (atomically).")
    ] = None,
    select: Annotated[str | None, typer.Option(help="Only these rules (names or codes, comma-separated).")] = None,
    ignore: Annotated[str | None, typer.Option(help="Never these rules (names or codes, comma-separated).")] = None,
) -> None:
    """Extract, normalise and check the corpus; print the findings; exit 1 on failing findings."""
    from ..pipeline import run_check
    from ..settings import Settings

    catalogue = load_catalogue_or_exit(references)
    settings = Settings(
        references=str(references),
        select=_names(select),
        ignore=_names(ignore) or frozenset(),
        fail_on=None if fail_on is FailOn.never else Severity.parse(fail_on.value),
    )
    result = run_check([str(p) for p in (paths or [Path("corpus")])], catalogue, settings)
    findings = list(result.findings)
    if fmt is CheckFormat.json:
        from ..ci.output import to_json

        _emit(to_json(result, findings), output)
    else:
        _print_text(findings, len(result.documents))
    input_errors = report_input_errors(result.errors)
    if input_errors:
        raise typer.Exit(2)
    if _fails(findings, settings.fail_on):
        raise typer.Exit(1)


def _names(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(v.strip() for v in value.split(",") if v.strip())


def _fails(findings: list[Finding], threshold: Severity | None) -> bool:
    return threshold is not None and any(f.severity >= threshold for f in findings)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ..atomic import write_text

    write_text(output, text)


def _print_text(findings: list[Finding], n_docs: int) -> None:
    from rich.console import Console

    from ..report.terminal import print_findings

    print_findings(findings, Console(highlight=False, soft_wrap=True), n_docs)
