"""A temporary git repository holding a two-essay corpus, committed and baselined."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from tests.conftest import ROOT

A = (
    "The first essay\n\nLenin said “we must fight the bureaucratic distortions of our state again and again”.1\n\n"
    "Notes\n\n  1. VI Lenin CW Vol 32, Moscow 1965, p24.\n"
)
B = (
    "The second essay\n\nLenin noted that “the state apparatus is borrowed from tsarism and barely anointed”.1\n\n"
    "Notes\n\n  1. VI Lenin CW Vol 33, Moscow 1965, p288.\n"
)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "corpus" / "b.txt").write_text(B, encoding="utf-8")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "corpus")
    assert CliRunner().invoke(app, ["baseline", "corpus"]).exit_code == 0
    return tmp_path


def git(cwd: Path, *args: str) -> None:
    """Run git quietly as a throwaway identity."""
    exe = shutil.which("git")
    assert exe, "git is needed for these tests"
    subprocess.run([exe, "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True, cwd=cwd, capture_output=True)
