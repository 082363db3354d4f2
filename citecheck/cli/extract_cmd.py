"""``citecheck extract``: print every citation and quotation as JSON or JSON Lines."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import app
from .common import load_catalogue_or_exit, report_input_errors


class ExtractFormat(StrEnum):
    """Output formats of ``citecheck extract``."""

    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus).")] = None,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="json: one document; jsonl: one record a line.")
    ] = ExtractFormat.json,
    references: Annotated[
        Path, typer.Option(help="The curated bibliography used to canonicalise names and titles.")
    ] = Path("references.bib"),
) -> None:
    """Extract every reference and quotation, linked, with speakers."""
    from ..pipeline import extract_paths

    catalogue = load_catalogue_or_exit(references)
    outcome = extract_paths([str(p) for p in (paths or [Path("corpus")])], catalogue)
    out = sys.stdout
    if fmt is ExtractFormat.json:
        doc = {"documents": [d.to_json() for d in outcome.documents]}
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    else:
        for d in outcome.documents:
            head = {"type": "document", "path": d.path, "sha256": d.sha256, "format": d.format}
            out.write(json.dumps(head, ensure_ascii=False) + "\n")
            for c in d.citations:
                out.write(json.dumps({"type": "citation", "path": d.path, **c.to_json()}, ensure_ascii=False) + "\n")
            for q in d.quotations:
                out.write(json.dumps({"type": "quotation", "path": d.path, **q.to_json()}, ensure_ascii=False) + "\n")
            for r in d.repairs:
                rec = {
                    "type": "repair",
                    "path": d.path,
                    "line": r.line,
                    "column": r.column,
                    "original": r.original,
                    "replacement": r.replacement,
                    "reason": r.reason,
                }
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    if report_input_errors(outcome.errors):
        raise typer.Exit(2)
