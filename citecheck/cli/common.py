"""Helpers the commands share: loading the catalogue and reporting bad input, one line each."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..models import InputError

if TYPE_CHECKING:
    from ..catalogue import Catalogue


def load_catalogue_or_exit(path: Path) -> Catalogue:
    """The catalogue read from ``path`` (empty when the file does not exist); exit 2 when it is bad."""
    from ..catalogue import Catalogue, CatalogueError

    if not path.exists():
        return Catalogue.empty()
    try:
        return Catalogue.load(path)
    except CatalogueError as exc:
        typer.echo(f"citecheck: {exc}", err=True)
        raise typer.Exit(2) from None


def report_input_errors(errors: Sequence[InputError]) -> bool:
    """Print one line per unreadable input on stderr; True when there were any."""
    for e in errors:
        sys.stderr.write(f"citecheck: {e}\n")
    return bool(errors)
