"""The commands' shared guards: outputs that may not be written, and outputs written each on its own."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.models import OutputError
from tests.conftest import ESSAY, ROOT


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ESSAY.format(page=100), encoding="utf-8")
    (tmp_path / "corpus" / "b.md").write_text(ESSAY.format(page=200), encoding="utf-8")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    (tmp_path / "pyproject.toml").write_text("[tool.citecheck]\npaths = ['corpus']\n", encoding="utf-8")
    (tmp_path / "base.json").write_text('{"format": "citecheck-baseline/1", "findings": []}', encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.html")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _state(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".citecheck-cache" not in p.parts
    }


REFUSED = [
    (["check", "--html", "corpus/a.txt"], "refusing to write corpus/a.txt: it is an input of this run"),
    (["check", "--bib", "references.bib"], "refusing to write references.bib: it is an input of this run"),
    (["check", "--format", "json", "-o", "pyproject.toml"], "refusing to write pyproject.toml: it is an input"),
    (["check", "--baseline", "base.json", "--bib", "base.json"], "refusing to write base.json: it is an input"),
    # (A device is refused the same way: tests/output/test_atomic.py checks /dev/null without writing, since a
    # failing run as root would replace the device with a file, as citecheck once did.)
    (["check", "--html", "fifo.html"], "cannot write fifo.html: not a regular file, and never replaced by one"),
    (["check", "--html", "corpus"], "cannot write corpus: it is a folder"),
    (
        ["check", "--html", "corpus/a.txt/r.html"],
        "cannot write corpus/a.txt/r.html: corpus/a.txt is a file, not a folder",
    ),
    (["bib", "-o", "references.bib"], "refusing to write references.bib: it is an input of this run"),
    (["report", "-o", "corpus/b.md"], "refusing to write corpus/b.md: it is an input of this run"),
    (["baseline", "-o", "corpus/a.txt"], "refusing to write corpus/a.txt: it is an input of this run"),
]


@pytest.mark.parametrize(("args", "message"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_an_output_that_may_not_be_written_stops_the_run_before_anything_is_written(
    project: Path, args: list[str], message: str
) -> None:
    before = _state(project)
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 2, r.output
    assert r.stderr.count("\n") == 1 and r.stderr.startswith(f"citecheck: {message}"), r.stderr
    assert _state(project) == before and not (project / "reports").exists()


def test_an_output_named_in_configuration_may_not_be_an_input_either(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.citecheck]\npaths = ['corpus']\nreport = 'corpus/a.txt'\n", encoding="utf-8"
    )
    before = _state(project)
    r = CliRunner().invoke(app, ["check"])
    assert r.exit_code == 2 and "refusing to write corpus/a.txt: it is an input of this run" in r.stderr
    assert _state(project) == before


def _fail(*_args: object, **_kwargs: object) -> None:
    raise OutputError("cannot write reports/discrepancies.html: No space left on device")


def test_a_report_that_cannot_be_written_loses_nothing_else(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import citecheck.output.html as html

    monkeypatch.setattr(html, "write_chunks", _fail)
    r = CliRunner().invoke(app, ["check", "--format", "json"])
    assert r.exit_code == 2  # the environment failed: that outranks the findings' 1
    assert r.stderr == "citecheck: cannot write reports/discrepancies.html: No space left on device\n"
    assert json.loads(r.stdout)["summary"]["documents"] == 2  # the machine output is still there
    assert (project / "reports" / "merged.bib").is_file() and not (project / "reports" / "discrepancies.html").exists()


def test_machine_output_that_cannot_be_written_loses_nothing_else(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citecheck.output.atomic as atomic

    real = atomic.write_bytes

    def write_bytes(path: object, data: object, **kw: object) -> None:
        if str(path).endswith(".sarif"):
            raise OutputError(f"cannot write {path}: Permission denied")
        real(path, data, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "write_bytes", write_bytes)
    r = CliRunner().invoke(app, ["check", "--format", "sarif", "-o", "out.sarif"])
    assert (r.exit_code, r.stderr) == (2, "citecheck: cannot write out.sarif: Permission denied\n")
    assert (project / "reports" / "discrepancies.html").is_file() and (project / "reports" / "merged.bib").is_file()


def test_an_earlier_report_in_a_walked_folder_may_be_replaced_but_not_an_essay(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.citecheck]\npaths = ['.']\n", encoding="utf-8")
    (project / "fifo.html").unlink()  # the walk of "." would report it
    first = CliRunner().invoke(app, ["check", "--fail-on", "never"])
    assert first.exit_code == 0, first.stderr
    assert (project / "reports" / "discrepancies.html").is_file()
    again = CliRunner().invoke(app, ["check", "--fail-on", "never"])  # the report is under "." now
    assert again.exit_code == 0, again.stderr
    (project / "essay.html").write_text("<p>Lenin wrote “all power to the soviets”.</p>", encoding="utf-8")
    refused = CliRunner().invoke(app, ["check", "--html", "essay.html"])
    assert refused.exit_code == 2 and "refusing to write essay.html: it is an input of this run" in refused.stderr
