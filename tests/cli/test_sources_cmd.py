"""``citecheck sources``, and ``check`` with sources configured: listing, bad files, exit codes, the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from tests.conftest import ROOT
from tests.primary.conftest import write_sources


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sources of our own under sources/, an essay that cites one of them to the wrong volume, a config."""
    write_sources(tmp_path / "sources")
    (tmp_path / "essays").mkdir()
    (tmp_path / "essays" / "a.txt").write_text(
        "An essay\n\nLenin said “the grain monopoly must be kept at all costs, for without it the towns will "
        "starve”.1\n\nNotes\n\n  1. VI Lenin CW Vol 31, Moscow 1965, p150.\n",
        encoding="utf-8",
    )
    (tmp_path / "references.bib").write_text((ROOT / "references.bib").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citecheck]\npaths = ["essays"]\nsources = ["sources"]\ncache-dir = ".cache"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_lists_what_it_knows_and_what_it_could_not_tie(project: Path) -> None:
    res = CliRunner().invoke(app, ["sources"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "Lenin, V. I.: lenin-cw" in out
    assert "vol. 29 · pp. 141-225 · delivered 1919-03-20 · 4th English Edition" in out
    assert "sources/congress/01.htm (header from sources/congress/index.htm)" in out
    assert "vol. 30 · pp. 17-19 · paged · date 1919-11" in out
    assert "sources/loose/electrification.txt: no bibliographic header; add front matter" in out
    assert "sources/misdated/text.txt: date 1919-03, but references.bib dates vol. 24" in out
    assert "6 texts" in out and "0 from the cache, 6 read" in out
    again = CliRunner().invoke(app, ["sources"]).stdout
    assert "6 from the cache, 0 read" in again  # indexed incrementally


def test_json_and_folders_given(project: Path) -> None:
    res = CliRunner().invoke(app, ["sources", "sources/vol30", "--format", "json", "--no-cache"])
    data = json.loads(res.stdout)
    assert [s["key"] for s in data["sources"]] == ["lenin-cw-30"] and data["sources"][0]["paged"] is True
    assert not (project / ".cache").exists()


def test_unreadable_file_is_named_and_the_rest_listed(project: Path) -> None:
    (project / "sources" / "broken.txt").write_bytes(b"caf\xe9 au lait\n\x00")  # binary (not UTF-8 is read as cp1252)
    res = CliRunner().invoke(app, ["sources"])
    assert res.exit_code == 2
    assert "citecheck: sources/broken.txt:" in res.stderr and "Traceback" not in res.output
    assert "6 texts" in res.stdout


def test_no_sources_is_a_usage_error(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.citecheck]\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["sources"])
    assert res.exit_code == 2 and "no primary texts" in res.stderr


def test_check_verifies_against_the_configured_sources(project: Path) -> None:
    res = CliRunner().invoke(app, ["check", "--format", "json", "--no-bib", "--html", "r.html"])
    assert res.exit_code == 1  # the wrong volume is an error
    findings = json.loads(res.stdout)["findings"]
    [wrong] = [f for f in findings if f["rule"] == "wrong-locator"]
    assert wrong["suggestion"] == "vol. 29, in pp. 141-225" and "sources/congress/01.htm" in wrong["message"]
    assert (
        wrong["evidence"]["passage"].startswith("the grain monopoly must be kept")
        and wrong["evidence"]["kind"] == "exact"
    )
    assert any(f["rule"] == "source-date-mismatch" for f in findings)
    html = (project / "r.html").read_text(encoding="utf-8")
    assert 'class="locations source-evidence"' in html and "Comrades, the grain monopoly" not in html
    assert "the grain monopoly must be kept at all costs, for without it the towns will starve" in html


def test_primary_texts_are_not_read_as_essays(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.citecheck]\npaths = ["."]\nsources = ["sources"]\n', encoding="utf-8"
    )
    shown = CliRunner().invoke(app, ["check", "--show-files"]).stdout.split()
    assert "essays/a.txt" in shown and not any(s.startswith("sources/") for s in shown)
    out = json.loads(CliRunner().invoke(app, ["extract", "--format", "json"]).stdout)
    assert [d["path"] for d in out["documents"]] == ["essays/a.txt"]
    named = json.loads(
        CliRunner().invoke(app, ["extract", "sources/loose/electrification.txt", "--format", "json"]).stdout
    )
    assert len(named["documents"]) == 1  # a file named directly is read
