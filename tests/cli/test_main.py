"""The top-level guard: every failure is one line and its own exit code, never a traceback or the 1 of findings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citecheck import cli
from citecheck.models import OutputError
from tests.conftest import ROOT

#: The citecheck of this tree, whichever one is installed.
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

ESSAY = (
    "An essay\n\nLenin said “we must learn to trade like cultured merchants”.1\n\n"
    "Lenin wrote “we must \x1b[2J\x1b]0;pwned\x07 learn” – … – and more.\n\nNotes\n\n"
    "  1. VI Lenin CW Vol 33, Moscow 1965, p100.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ESSAY, encoding="utf-8")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "corpus"


def test_an_internal_error_is_one_line_and_exit_3(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import citecheck.pipeline

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("no-such-field")

    monkeypatch.setattr(citecheck.pipeline, "run_check", broken)
    monkeypatch.delenv("CITECHECK_TRACEBACK", raising=False)
    assert cli.run(["check", "corpus", "--no-cache"]) == cli.EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("citecheck: internal error: KeyError: 'no-such-field' at citecheck/cli/check_cmd.py:")
    assert "a bug in citecheck" in err
    monkeypatch.setenv("CITECHECK_TRACEBACK", "1")
    assert cli.run(["check", "corpus", "--no-cache"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_an_output_error_anywhere_is_one_line_and_exit_2(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from citecheck.cli import common

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OutputError("cannot write somewhere: No space left on device")

    monkeypatch.setattr(common, "setup_or_exit", refuse)
    assert cli.run(["extract", "corpus"]) == 2
    assert capsys.readouterr().err == "citecheck: cannot write somewhere: No space left on device\n"


def test_ctrl_c_is_130_not_1(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import citecheck.pipeline

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(citecheck.pipeline, "run_check", interrupted)
    assert cli.run(["check", "corpus"]) == 130


def _citecheck(*args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[bytes]:
    code = "from citecheck.cli import main; main()"
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code, *args], env={**ENV, **(env or {})}, **streams
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["check", "corpus", "--format", "json", "--fail-on", "never"], ["rules"]])
def test_a_full_disk_on_stdout_is_one_line_and_exit_2_and_the_reports_are_still_written(
    corpus: Path, args: list[str]
) -> None:
    with open("/dev/full", "wb") as full:
        r = _citecheck(*args, stdout=full)
    assert r.returncode == 2
    assert r.stderr.decode() == "citecheck: cannot write to standard output: No space left on device\n"
    if args[0] == "check":
        assert (corpus.parent / "reports" / "discrepancies.html").is_file()


def test_a_closed_pipe_is_one_line_and_exit_2(corpus: Path) -> None:
    code = "from citecheck.cli import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "extract", "corpus"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written (`citecheck extract | head -0`)
    err = proc.stderr.read().decode()
    assert proc.wait() == 2 and err == "citecheck: cannot write to standard output: Broken pipe\n"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "corpus", "--fail-on", "never", "--no-html", "--no-bib", "--min-severity", "info"],
        ["check", "corpus", "--fail-on", "never", "--no-html", "--no-bib", "--format", "github"],
        ["rule", "CC101"],
        ["rules"],
    ],
)
def test_stdout_that_is_not_utf8_gets_escapes_not_a_traceback(corpus: Path, args: list[str]) -> None:
    r = _citecheck(*args, env={"PYTHONIOENCODING": "ascii"})
    assert (r.returncode, r.stderr) == (0, b"")
    if args[0] == "check":
        out = r.stdout.decode("ascii")  # what the user asked for: ASCII, with escapes for the rest
        assert "\\u201cwe must \\x1b[2J\\x1b]0;pwned\\x07 learn\\u201d" in out
