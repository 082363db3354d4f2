"""Nothing lost: no command writes to its inputs, and an interrupted write keeps the old output."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.models import OutputError
from citecheck.output import atomic
from tests.conftest import ROOT

COMMANDS = [
    ["extract", "corpus"],
    ["extract", "corpus", "--format", "jsonl"],
    ["check", "corpus", "--fail-on", "never"],
    ["bib", "corpus"],
    ["report", "corpus"],
    ["baseline", "corpus"],
    ["rules"],
]


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.rglob("*"))
        if p.is_file() and (p.name == "references.bib" or p.relative_to(folder).parts[0] == "corpus")
    }


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_no_command_writes_to_corpus_or_references(
    tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    if args[0] not in names:
        pytest.skip(f"no {args[0]} command")
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    if (ROOT / "references.bib").exists():
        shutil.copy2(ROOT / "references.bib", tmp_path / "references.bib")
    before = _snapshot(tmp_path)
    assert before
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    assert _snapshot(tmp_path) == before


def _fail(*_args: object) -> None:
    raise OSError("simulated failure")


@pytest.mark.parametrize("where", ["replace", "fsync", "write"])
def test_interrupted_atomic_write_leaves_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "out" / "report.html"
    atomic.write_text(target, "old")
    if where == "write":
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: _Broken(fd))
    else:
        monkeypatch.setattr(os, where, _fail)
    with pytest.raises(OutputError, match=f"cannot write {target}: simulated"):
        atomic.write_text(target, "new " * 1000)
    assert target.read_text() == "old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]


def test_interrupt_by_keyboard_also_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "merged.bib"
    atomic.write_bytes(target, b"old")

    def interrupt(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["merged.bib"]


class _Broken:
    """A file object whose write fails half-way (after some bytes reached the disk)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> _Broken:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)

    def write(self, data: bytes) -> int:
        os.write(self.fd, data[: len(data) // 2])
        raise OSError("simulated failure: disk full")


def test_a_report_that_fails_while_streaming_leaves_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")

    def pieces() -> object:
        yield "<!DOCTYPE html><p>half a"
        raise RuntimeError("the template broke half way")

    with pytest.raises(RuntimeError):
        atomic.write_chunks(target, pieces())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
