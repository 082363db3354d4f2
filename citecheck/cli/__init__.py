"""The ``citecheck`` command line: a thin layer over the library API.

Each command lives in its own module and registers itself on :data:`app`.

Exit codes (:func:`main`): 0 nothing at or above ``--fail-on``; 1 there is (findings); 2 bad usage,
input or environment (a file that cannot be read, an output that cannot or may not be written,
standard output failing); 3 an internal error (a bug in citecheck); 130 interrupted (Ctrl-C).  Every
failure is one line on stderr naming what failed: never a traceback, and never the 1 of findings.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
import traceback
from collections.abc import Sequence
from typing import Annotated

import typer

from citecheck.models import OutputError

app = typer.Typer(
    name="citecheck",
    help="Extract, normalise and cross-check quotations and citations in a corpus of essays.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help, as ruff's: help texts hold brackets ([tool.citecheck], [default: …], citecheck[dask])
    # that Rich markup would swallow.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from citecheck import __version__

        typer.echo(f"citecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Extract, normalise and cross-check quotations and citations in a corpus of essays."""


# Command modules register themselves on import.
from citecheck.cli import (  # noqa: E402,F401
    baseline_cmd,
    bib_cmd,
    check_cmd,
    extract_cmd,
    report_cmd,
    rules_cmd,
    sources_cmd,
)

#: Allocations between young-generation collections in the command-line process.
GC_THRESHOLD = 50_000


#: The exit codes, as documented in the README.
EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 1, 2, 3, 130


def main() -> None:
    """Entry point of the ``citecheck`` console script."""
    # A run builds hundreds of thousands of small records that live until it ends and hold no
    # reference cycles.  At the default threshold (700) the collector walks them again and again,
    # which cost a fifth of a cached re-check.  Only this short-lived process is changed, not the
    # library: programs that import citecheck keep their own collector settings.
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    sys.exit(run())


def run(args: Sequence[str] | None = None) -> int:
    """Run the command line ``args`` (default: the process's) and return its exit code, whatever happens.

    An output that fails (:class:`OutputError`, standard output included) is
    one line and exit 2; Ctrl-C is 130; any other exception is a bug, reported
    in one line with where it happened and exit 3 (``CITECHECK_TRACEBACK=1``
    prints the traceback too).  Standard output is flushed before returning, so
    a full disk or a closed pipe shows here rather than as a warning at exit.
    """
    saved = sys.stdout
    _guard_stdio()
    try:
        try:
            app(args=None if args is None else list(args), prog_name="citecheck")
            code = 0
        except SystemExit as exc:  # how typer ends every command
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_INPUT)
        except OutputError as exc:
            _say(str(exc))
            code = EXIT_INPUT
        except KeyboardInterrupt:
            _say("interrupted")
            code = EXIT_INTERRUPTED
        except Exception as exc:
            _say(_internal(exc))
            if os.environ.get("CITECHECK_TRACEBACK"):
                traceback.print_exception(exc)
            code = EXIT_INTERNAL
        try:
            sys.stdout.flush()
        except OutputError as exc:
            _say(str(exc))
            code = max(code, EXIT_INPUT) if code != EXIT_INTERRUPTED else code
    finally:
        sys.stdout = saved
    return code


def _internal(exc: BaseException) -> str:
    """One line for an unexpected exception: what it was and the innermost place in citecheck it came from."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if os.path.abspath(frame.filename).startswith(package + os.sep):
            where = f" at {os.path.relpath(frame.filename, os.path.dirname(package))}:{frame.lineno}"
            break
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return (
        f"internal error: {type(exc).__name__}{': ' + detail if detail else ''}{where} "
        "(a bug in citecheck: please report it; CITECHECK_TRACEBACK=1 shows the traceback)"
    )


def _say(message: str) -> None:
    from citecheck.cli.common import say

    with contextlib.suppress(OSError, ValueError):  # stderr is gone too: the exit code still tells
        say(message)


class _GuardedStdout(io.FileIO):
    """Standard output whose failures (a full disk, a closed pipe) are an :class:`OutputError`, once.

    After the first failure the descriptor is pointed at the null device, so
    what is still buffered can be flushed without failing again at exit.
    """

    def write(self, data: bytes) -> int:  # type: ignore[override]
        """Write ``data``; :class:`OutputError` naming standard output when the system refuses."""
        try:
            return super().write(data)
        except OSError as exc:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self.fileno())
            os.close(null)
            raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _guard_stdio() -> None:
    """Standard output as :class:`_GuardedStdout`, in its own encoding with what it cannot encode escaped.

    ``PYTHONIOENCODING=ascii`` (or a Latin-1 terminal) gets ``\\u2026`` for
    ``…`` rather than a UnicodeEncodeError; machine formats that must be UTF-8
    write bytes themselves.
    """
    out = sys.stdout
    try:
        fd = out.fileno()
    except (AttributeError, ValueError, OSError):
        return  # not a real file (a test runner's capture): left alone
    raw = _GuardedStdout(fd, "wb", closefd=False)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=out.encoding,
        errors="backslashreplace",
        line_buffering=bool(out.line_buffering),
    )
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")
