"""Helpers the commands share: loading the catalogue and reporting bad input, one line each."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from citecheck.models import InputError, InputWarning, OutputError
from citecheck.output.escape import escape_controls

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.pipeline import Execution
    from citecheck.settings import Settings


def say(message: object) -> None:
    """One line on stderr, ``citecheck: MESSAGE``, with any control character in it escaped."""
    sys.stderr.write(f"citecheck: {escape_controls(str(message))}\n")


def fail(message: str) -> NoReturn:
    """Print ``citecheck: message`` on stderr and exit 2 (bad usage or input)."""
    say(message)
    raise typer.Exit(2)


def load_catalogue_or_exit(settings: Settings, quiet: bool = False) -> Catalogue:
    """The catalogue ``settings.references`` names; exit 2 when it is bad, or missing though named.

    The default ``references.bib`` may be absent: the run goes on without a curated
    bibliography, after one warning line saying what that leaves unchecked.
    """
    from citecheck.bibliography.catalogue import Catalogue, CatalogueError

    path = Path(settings.references)
    if not path.exists():
        if "references" in settings.explicit:
            fail(f"{path}: no such references file")
        if not quiet:
            say(
                f"warning: no {path}: without a curated bibliography volume dates, spellings and "
                "editions are not checked, and every cited work is reported as unknown (name one with --references)"
            )
        return Catalogue.empty()
    try:
        return Catalogue.load(path)
    except CatalogueError as exc:
        fail(str(exc))


def no_documents_or_exit(documents: int, errors: Sequence[InputError], paths: Sequence[str]) -> None:
    """Exit 2 when nothing was read and no other error says why: a run over no document proves nothing."""
    if documents or errors:
        return
    from citecheck.source.load import TEXT_SUFFIXES

    endings = " ".join(sorted(TEXT_SUFFIXES))
    fail(f"no documents to read in {', '.join(paths)} (citecheck reads files ending {endings})")


def report_input_errors(errors: Sequence[InputError], warnings: Sequence[InputWarning] = ()) -> bool:
    """Print one line per warning, then per unreadable input, on stderr; True when there were errors."""
    for w in warnings:
        say(f"warning: {w}")
    for e in errors:
        say(e)
    return bool(errors)


def outputs_or_exit(
    settings: Settings, targets: Sequence[str | Path | None], extra_inputs: Sequence[str | None] = ()
) -> None:
    """Exit 2, before any work, when one of ``targets`` may not be written.

    Never a folder, a device or a FIFO, nor an input of the run: a file its
    walk of the paths reads, references.bib, the configuration file,
    ``extra_inputs`` (the baseline ``check`` reads).  An earlier citecheck
    report found in a walked folder may be replaced: it is an output, which
    the walk skips.
    """
    from citecheck.output.atomic import check_targets
    from citecheck.output.generator import is_report
    from citecheck.pipeline import input_files

    inputs: list[str | Path] = [p for p in input_files(settings.paths, settings.exclude_globs) if isinstance(p, Path)]
    inputs += [settings.references, *(p for p in (settings.config, *extra_inputs) if p)]
    try:
        check_targets(targets, inputs, replaceable=is_report)
    except OutputError as exc:
        fail(str(exc))


class Outputs:
    """Writes the outputs of one run, each on its own: one that fails is reported, the others still written."""

    def __init__(self) -> None:
        self.failed = False

    @contextlib.contextmanager
    def attempt(self) -> Iterator[None]:
        """Run the write in the block; an :class:`OutputError` becomes one line on stderr and marks the run failed."""
        try:
            yield
        except OutputError as exc:
            say(exc)
            self.failed = True


def settings_or_exit(config: Path | None, **flags: Any) -> tuple[Settings, Path | None]:
    """Settings from pyproject.toml (``config``, or the nearest one) with the flags given applied over them,
    and the file they came from.

    A flag whose value is None was not given and leaves the configured value;
    a bad configuration exits 2 with one line naming the file and key.  With no
    paths configured or given, ``corpus`` is read, or the working folder when
    there is no ``corpus``.
    """
    from dataclasses import replace

    from citecheck.config import ConfigError, load_settings, with_default_paths

    try:
        settings, origin = load_settings(config)
    except ConfigError as exc:
        fail(str(exc))
    given = {k: v for k, v in flags.items() if v is not None}
    settings = replace(settings, **given, explicit=settings.explicit | set(given))
    return with_default_paths(settings), origin


def rule_names_or_exit(value: str | None, option: str) -> frozenset[str] | None:
    """The rule names of a comma-separated ``--select``/``--ignore`` value; exit 2 on an unknown rule."""
    from citecheck.config import ConfigError, canonical_rules

    if value is None:
        return None
    try:
        return canonical_rules(tuple(v.strip() for v in value.split(",") if v.strip()), option)
    except ConfigError as exc:
        fail(str(exc))


#: Options several commands share, declared once.
PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Files or folders [default: config paths, else corpus, else the working folder]."),
]
ReferencesOpt = Annotated[Path | None, typer.Option(help="The curated bibliography [default: references.bib].")]
ConfigOpt = Annotated[Path | None, typer.Option(help="pyproject.toml to read [default: nearest].")]


def path_strs(paths: list[Path] | None) -> tuple[str, ...] | None:
    """Path arguments as strings; None when none were given (the configuration decides)."""
    return tuple(str(p) for p in paths) if paths else None


def opt_str(path: Path | None) -> str | None:
    """An optional path option as a string; None when it was not given."""
    return None if path is None else str(path)


def setup_or_exit(*args: Any, quiet: bool = False, **flags: Any) -> tuple[Settings, Catalogue]:
    """The settings (from the arguments of :func:`settings_only_or_exit`) and the catalogue; exit 2 on a bad one."""
    settings = settings_only_or_exit(*args, **flags)[0]
    return settings, load_catalogue_or_exit(settings, quiet)


def settings_only_or_exit(
    config: Path | None,
    paths: list[Path] | None,
    references: Path | None,
    jobs: int | None = None,
    no_cache: bool = False,
    cache_dir: Path | None = None,
    **flags: Any,
) -> tuple[Settings, Path | None]:
    """The settings (config under flags) and the configuration file read; exit 2 on a bad one."""
    from dataclasses import replace

    settings, origin = settings_or_exit(
        config, paths=path_strs(paths), references=opt_str(references), jobs=jobs, cache_dir=opt_str(cache_dir), **flags
    )
    if no_cache:
        settings = replace(settings, cache_dir=None)
    return settings, origin


OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Where to write it [default: config].")]
JobsOpt = Annotated[
    int | None, typer.Option("--jobs", "-j", min=0, help="Extraction processes, 0 for one per core [default: 1].")
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")]
CacheDirOpt = Annotated[Path | None, typer.Option(help="The extraction cache [default: .citecheck-cache].")]
SchedulerOpt = Annotated[
    str | None, typer.Option(help="Extract on this Dask scheduler, tcp://HOST:PORT (needs citecheck[dask]).")
]
ProgressOpt = Annotated[
    bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr [default: on a terminal].")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print findings and errors only: no summary, no notes.")]


@contextlib.contextmanager
def executing(settings: Settings, scheduler: str | None, progress: bool | None) -> Iterator[Execution]:
    """How to extract, as the settings and flags say; a progress bar while it runs; exit 2 on a bad scheduler."""
    from citecheck.models import SchedulerError
    from citecheck.pipeline import Execution

    with _progress_bar(progress) as start:
        try:
            yield Execution(settings.jobs, settings.cache_dir, scheduler, start)
        except SchedulerError as exc:
            fail(str(exc))


@contextlib.contextmanager
def _progress_bar(enabled: bool | None) -> Iterator[Callable[[int], Callable[[], None]] | None]:
    show = enabled if enabled is not None else (sys.stderr.isatty() and not os.environ.get("CI"))
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    console = Console(stderr=True)
    # On a terminal the bar disappears when done; asked for elsewhere (a CI log), its last state stays.
    with Progress(*columns, console=console, transient=console.is_terminal) as bar:

        def start(total: int) -> Callable[[], None]:
            task = bar.add_task("extracting", total=total)
            return lambda: bar.advance(task)

        yield start
