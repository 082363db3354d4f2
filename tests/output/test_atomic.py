"""Atomic writes: a failure is one OutputError line, modes are kept, leftovers cleaned, unsafe targets refused."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from citecheck.models import OutputError
from citecheck.output import atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umasks_default_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic.write_text(tmp_path / "new.html", "x")
        os.umask(0o077)
        atomic.write_text(tmp_path / "private.html", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.html") == 0o644  # not mkstemp's 0600
    assert _mode(tmp_path / "private.html") == 0o600


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "merged.bib"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and _mode(target) == 0o640


def test_a_link_is_replaced_never_written_through(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(precious)
    atomic.write_text(link, "report")
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "report"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "cannot write {t}: it is a folder"),
        (lambda p: os.mkfifo(p), "cannot write {t}: not a regular file, and never replaced by one"),
    ],
    ids=["folder", "fifo"],
)
def test_a_folder_or_fifo_is_never_replaced(tmp_path: Path, make: object, message: str) -> None:
    target = tmp_path / "out.html"
    make(target)  # type: ignore[operator]
    with pytest.raises(OutputError) as err:
        atomic.write_text(target, "x")
    assert str(err.value) == message.format(t=target)
    assert not target.is_file() and os.listdir(tmp_path) == ["out.html"]


def test_a_device_is_never_replaced() -> None:
    with pytest.raises(OutputError, match="cannot write /dev/null: not a regular file"):
        atomic.check_targets(["/dev/null"])


def test_a_path_under_a_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    for target in (tmp_path / "a.txt" / "r.html", tmp_path / "a.txt" / "sub" / "r.html"):
        with pytest.raises(OutputError) as err:
            atomic.write_text(target, "x")
        assert str(err.value) == f"cannot write {target}: {tmp_path / 'a.txt'} is a file, not a folder"


@pytest.mark.parametrize(
    ("where", "error", "reason"),
    [
        ("open", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),  # read-only folder
        ("write", OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),  # full disk
        ("mkdir", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ],
)
def test_a_write_the_system_refuses_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError, reason: str
) -> None:
    # Simulated: the suite may run as root, whom a read-only folder does not stop.
    target = tmp_path / "reports" / "discrepancies.html"
    if where != "mkdir":
        target.parent.mkdir()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise error

    if where == "open":
        monkeypatch.setattr(os, "open", refuse)
    elif where == "mkdir":
        monkeypatch.setattr(Path, "mkdir", refuse)
    else:
        monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OutputError) as err:
        atomic.write_text(target, "x")
    assert str(err.value) == f"cannot write {target}: {reason}"
    monkeypatch.undo()
    assert not target.exists() and not [p for p in tmp_path.rglob("*.tmp")]


def _leftover(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"half a report")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_leftovers_of_interrupted_writes_are_removed_by_the_next_write(tmp_path: Path) -> None:
    atomic._cleaned.discard(tmp_path)
    dead = 2**22 + 12345  # above the default pid_max: no such process
    live = os.getppid()
    (tmp_path / "discrepancies.html").write_text("old", encoding="utf-8")
    gone = [
        _leftover(tmp_path, f".discrepancies.html.citecheck-{dead}-0a1b2c3d.tmp", 120),  # its writer is dead
        _leftover(tmp_path, f".merged.bib.citecheck-{live}-0a1b2c3d.tmp", 2 * 24 * 3600),  # two days old
        _leftover(tmp_path, ".discrepancies.html.k2j4_x9q.tmp", 3600),  # an older citecheck's mkstemp name
    ]
    kept = [
        _leftover(tmp_path, f".merged.bib.citecheck-{live}-99887766.tmp", 120),  # being written right now
        _leftover(tmp_path, f".merged.bib.citecheck-{dead}-ffffffff.tmp", 5),  # just made: wait a little
        _leftover(tmp_path, ".notes.k2j4_x9q.tmp", 3600),  # mkstemp-like, but no "notes" beside it: not ours
        _leftover(tmp_path, ".draft.tmp", 3600),
    ]
    atomic.write_text(tmp_path / "discrepancies.html", "new")
    assert not any(p.exists() for p in gone)
    assert all(p.exists() for p in kept)


def test_check_targets_refuses_to_replace_inputs(tmp_path: Path) -> None:
    essay, refs, report = tmp_path / "a.txt", tmp_path / "references.bib", tmp_path / "old-report.html"
    for path in (essay, refs, report):
        path.write_text("x", encoding="utf-8")
    inputs = [essay, refs, report]
    atomic.check_targets([tmp_path / "reports" / "r.html", None], inputs)
    for target in (essay, refs, report):
        with pytest.raises(OutputError) as err:
            atomic.check_targets([tmp_path / "ok.html", target], inputs)
        assert str(err.value) == f"refusing to write {target}: it is an input of this run"
    atomic.check_targets([report], inputs, replaceable=lambda p: p.name == "old-report.html")  # an earlier output
