"""Helpers the commands share: loading the catalogue and reporting bad input, one line each."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..models import InputError

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..settings import Settings


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


def settings_or_exit(config: Path | None, **flags: Any) -> Settings:
    """Settings from pyproject.toml (``config``, or the nearest one) with the flags given applied over them.

    A flag whose value is None was not given and leaves the configured value;
    a bad configuration exits 2 with one line naming the file and key.
    """
    from dataclasses import replace

    from ..config import ConfigError, load_settings

    try:
        settings, _ = load_settings(config)
    except ConfigError as exc:
        typer.echo(f"citecheck: {exc}", err=True)
        raise typer.Exit(2) from None
    return replace(settings, **{k: v for k, v in flags.items() if v is not None})


def rule_names_or_exit(value: str | None, option: str) -> frozenset[str] | None:
    """The rule names of a comma-separated ``--select``/``--ignore`` value; exit 2 on an unknown rule."""
    from ..config import ConfigError, canonical_rules

    if value is None:
        return None
    try:
        return canonical_rules(tuple(v.strip() for v in value.split(",") if v.strip()), option)
    except ConfigError as exc:
        typer.echo(f"citecheck: {exc}", err=True)
        raise typer.Exit(2) from None


#: Options several commands share, declared once.
PathsArg = Annotated[list[Path] | None, typer.Argument(help="Files or folders [default: config paths, or corpus].")]
ReferencesOpt = Annotated[Path | None, typer.Option(help="The curated bibliography [default: references.bib].")]
ConfigOpt = Annotated[Path | None, typer.Option(help="pyproject.toml to read [default: nearest].")]


def path_strs(paths: list[Path] | None) -> tuple[str, ...] | None:
    """Path arguments as strings; None when none were given (the configuration decides)."""
    return tuple(str(p) for p in paths) if paths else None


def opt_str(path: Path | None) -> str | None:
    """An optional path option as a string; None when it was not given."""
    return None if path is None else str(path)


def setup_or_exit(
    config: Path | None, paths: list[Path] | None, references: Path | None, **flags: Any
) -> tuple[Settings, Catalogue]:
    """The settings (config under flags) and the catalogue they name; exit 2 on a bad one."""
    settings = settings_or_exit(config, paths=path_strs(paths), references=opt_str(references), **flags)
    return settings, load_catalogue_or_exit(Path(settings.references))
