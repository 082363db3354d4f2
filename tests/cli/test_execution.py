"""How the commands run extraction: --jobs, the cache, --scheduler, the progress bar."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.runtime import workers
from tests.conftest import ROOT


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["check", "--no-html", "--no-bib", "--format", "json", "--fail-on", "never", *args])
    return r.exit_code, r.stdout, r.stderr


def test_jobs_and_cache_do_not_change_the_output(project: Path) -> None:
    plain = _check("--no-cache")
    assert plain[0] == 0 and not (project / ".citecheck-cache").exists()
    assert _check("--jobs", "2", "--no-cache") == plain
    assert _check("--jobs", "0", "--no-cache") == plain  # one process per core
    assert _check() == plain and (project / ".citecheck-cache").is_dir()  # cold cache
    assert _check("-j", "2") == plain  # warm cache


def test_jobs_and_cache_dir_from_the_config(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.citecheck]\njobs = 2\ncache-dir = 'build/cc'\n", encoding="utf-8")
    assert _check()[0] == 0 and (project / "build" / "cc").is_dir()


def test_progress_bar_only_when_asked_or_on_a_terminal(project: Path) -> None:
    assert "extracting" in _check("--progress", "--no-cache")[2]
    assert _check("--no-cache")[2] == ""  # not a terminal here
    assert _check("--no-progress")[2] == ""


def test_an_unreachable_scheduler_exits_2_in_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(workers, "SCHEDULER_TIMEOUT", 1.0)
    code, _, err = _check("--no-cache", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and err.count("\n") == 1 and err.startswith("citecheck: cannot reach the Dask scheduler")


def test_jobs_0_means_one_process_per_usable_core(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from citecheck import pipeline
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.runtime import workers
    from citecheck.source.load import document_from_text

    seen: list[int] = []

    def record(docs: object, catalogue: object, jobs: int, tick: object) -> list[object]:
        seen.append(jobs)
        return []

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 2, 5}, raising=False)
    monkeypatch.setattr(workers, "extract_in_processes", record)
    docs = [document_from_text("a.txt", "text")]
    pipeline._extract(docs, Catalogue.empty(), pipeline.Execution(jobs=0), None)
    pipeline._extract(docs, Catalogue.empty(), pipeline.Execution(jobs=2), None)
    pipeline._extract(docs, Catalogue.empty(), pipeline.Execution(jobs=100_000), None)
    assert seen == [3, 2, 3]  # never more processes than usable cores, whatever the configuration says
