"""``citecheck check`` as a user runs it: trustworthy exits, nothing written on bad input, the options."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.config import known_thresholds, settings_from_table
from tests.ci.conftest import A
from tests.conftest import ROOT

#: A quotation cited to two volumes (an error) and an unsourced one (info).
CONFLICT = A.replace("Vol 32", "Vol 29")
UNSOURCED = "An essay\n\nTrotsky said “the bureaucracy has grown into a caste standing above the working class”.\n"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding ``corpus/`` (three essays) and references.bib, as the working directory."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "corpus" / "c.txt").write_text(CONFLICT, encoding="utf-8")
    (tmp_path / "corpus" / "u.txt").write_text(UNSOURCED, encoding="utf-8")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), env=env)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


# A passing run must mean something


def test_a_mistyped_path_exits_2_and_leaves_earlier_outputs_as_they_were(project: Path) -> None:
    assert _run("check", "corpus", "--fail-on", "never")[0] == 0
    report, bib = project / "reports" / "discrepancies.html", project / "reports" / "merged.bib"
    before = (report.read_bytes(), bib.read_bytes(), report.stat().st_mtime_ns, bib.stat().st_mtime_ns)
    code, _, err = _run("check", "corpsu", "-o", "out.json", "--format", "json")
    assert code == 2 and err == "citecheck: corpsu: no such file or folder\n"
    assert (report.read_bytes(), bib.read_bytes(), report.stat().st_mtime_ns, bib.stat().st_mtime_ns) == before
    assert not (project / "out.json").exists()


@pytest.mark.parametrize("command", [["report", "-o", "r.html"], ["bib", "-o", "m.bib"], ["baseline", "-o", "b.json"]])
def test_other_commands_write_nothing_when_an_input_fails(project: Path, command: list[str]) -> None:
    (project / "corpus" / "bad.txt").write_bytes(b"\xff\xfe\x00not text")
    code, _, err = _run(command[0], "corpus", *command[1:])
    assert code == 2 and "bad.txt" in err
    assert not (project / command[-1]).exists()


def test_one_unreadable_file_still_prints_the_findings_of_the_others_but_writes_no_file(project: Path) -> None:
    (project / "corpus" / "bad.txt").write_bytes(b"caf\xe9\n\x00")  # binary (text not UTF-8 is read as cp1252)
    code, out, err = _run("check", "--format", "json", "--fail-on", "never")
    assert code == 2 and "bad.txt: binary file (NUL byte on line 2)" in err
    assert json.loads(out)["findings"]  # the readable files were checked
    assert not (project / "reports").exists()


def test_a_folder_with_no_document_citecheck_reads_is_an_error_naming_the_endings(project: Path) -> None:
    (project / "word").mkdir()
    (project / "word" / "essay.docx").write_bytes(b"PK\x03\x04")
    (project / "word" / "essay.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = _run("check", "word")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("citecheck: no documents to read in word") and ".md" in err and ".txt" in err
    assert not (project / "reports").exists()
    assert _run("extract", "word")[0] == 2


@pytest.mark.parametrize("how", ["flag", "config"])
def test_a_named_references_file_that_is_missing_is_an_error(project: Path, how: str) -> None:
    if how == "config":
        (project / "pyproject.toml").write_text('[tool.citecheck]\nreferences = "nosuch.bib"\n', encoding="utf-8")
    args = ["--references", "nosuch.bib"] if how == "flag" else []
    code, _, err = _run("check", *args)
    assert code == 2 and err == "citecheck: nosuch.bib: no such references file\n"
    assert not (project / "reports").exists()


def test_no_references_bib_at_all_is_one_warning_line(project: Path) -> None:
    (project / "references.bib").unlink()
    code, _, err = _run("check", "--fail-on", "never")
    assert code == 0 and err.count("\n") == 1
    assert err.startswith("citecheck: warning: no references.bib:") and "volume dates" in err
    assert _run("check", "--fail-on", "never", "-q")[2] == ""


def test_the_machine_output_is_out_before_a_report_fails(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import citecheck.output.html as html

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(html, "write_html", broken)
    r = CliRunner().invoke(app, ["check", "--format", "json"])
    assert isinstance(r.exception, OSError)
    assert json.loads(r.stdout)["findings"]


# The command line, as ruff and Vale users expect


def test_help_keeps_its_brackets() -> None:
    out = CliRunner().invoke(app, ["check", "--help"], terminal_width=200).stdout
    assert "Settings come from [tool.citecheck] in pyproject.toml" in out
    assert "[default: error]" in out and "[default: reports/discrepancies.html]" in out
    assert "citecheck[dask]" in out


def test_version() -> None:
    from citecheck import __version__

    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout == f"citecheck {__version__}\n"


def test_the_default_listing_puts_what_needs_action_first(project: Path) -> None:
    code, out, _ = _run("check")
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "corpus/a.txt" and " error " in lines[1] and "CC101" in lines[1]
    assert "CC105" not in out.split("not listed")[0]  # info is summarised, not listed
    assert "1 info not listed (1 CC105 unsourced-quote): --min-severity info lists them" in out
    assert lines[-1] == "1 error, 1 info in 3 documents"
    listed = _run("check", "--min-severity", "info")[1]
    assert "CC105 unsourced-quote" in listed and "not listed" not in listed
    only_errors = _run("check", "--min-severity", "error", "--format", "json")[1]
    assert {f["severity"] for f in json.loads(only_errors)["findings"]} == {"error"}


def test_quiet_prints_the_findings_alone(project: Path) -> None:
    code, out, _ = _run("check", "-q")
    assert code == 1 and "in 3 documents" not in out and "not listed" not in out and "CC101" in out
    assert _run("report", "-q", "-o", "r.html")[1] == ""


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ([], {}, False),  # not a terminal
    ],
)
def test_color(project: Path, args: list[str], env: dict[str, str], coloured: bool) -> None:
    out = _run("check", *args, env={"NO_COLOR": "", "FORCE_COLOR": "", **env})[1]
    assert ("\x1b[" in out) is coloured
    assert "corpus/a.txt" in out


def test_concise_is_one_line_per_finding(project: Path) -> None:
    code, out, _ = _run("check", "--format", "concise")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    for line in lines:
        assert re.fullmatch(r"corpus/[a-z]\.txt:\d+:\d+: CC\d{3} \S.*", line), line
    assert lines[0].startswith("corpus/a.txt:3:") and ": CC101 " in lines[0]


def test_statistics_counts_per_rule(project: Path) -> None:
    code, out, _ = _run("check", "--statistics")
    assert code == 1
    assert out.splitlines() == [
        "    1  CC101  quote-source-conflict  1 error",
        "    1  CC105  unsourced-quote        1 info",
    ]
    rows = json.loads(_run("check", "--statistics", "--format", "json")[1])
    assert rows[0] == {"code": "CC101", "rule": "quote-source-conflict", "count": 1, "by_severity": {"error": 1}}


def test_show_files_lists_what_would_be_read_and_skips_excluded_folders_and_outputs(project: Path) -> None:
    (project / "corpus" / "drafts").mkdir()
    (project / "corpus" / "drafts" / "d.md").write_text("x", encoding="utf-8")
    (project / "corpus" / "node_modules").mkdir()
    (project / "corpus" / "node_modules" / "n.md").write_text("x", encoding="utf-8")
    (project / "corpus" / "report.html").write_text("<p>an old report</p>", encoding="utf-8")
    code, out, _ = _run("check", "--show-files", "--html", "corpus/report.html")
    assert code == 0
    assert out.splitlines() == ["corpus/a.txt", "corpus/c.txt", "corpus/drafts/d.md", "corpus/u.txt"]
    (project / "pyproject.toml").write_text('[tool.citecheck]\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    assert "drafts" not in _run("check", "--show-files")[1]
    assert _run("check", "--show-files", "corpus/drafts/d.md")[1] == "corpus/drafts/d.md\n"  # named: always read
    assert not (project / "reports").exists()


def test_show_settings_prints_toml_that_reads_back_as_the_same_settings(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.citecheck]\nfail-on = "warning"\nextend-exclude = ["drafts"]\n'
        '[tool.citecheck.severity]\nunsourced-quote = "warning"\nCC203 = "off"\n',
        encoding="utf-8",
    )
    code, out, _ = _run("check", "--show-settings", "--min-severity", "error", "--jobs", "2")
    assert code == 0 and out.startswith(f"# from {project / 'pyproject.toml'}\n")
    table = tomllib.loads(out)["tool"]["citecheck"]
    assert table["fail-on"] == "warning" and table["min-severity"] == "error" and table["jobs"] == 2
    assert table["severity"] == {"unsourced-quote": "warning", "unknown-reference": "off"}
    assert '# volume-date-mismatch = "error"  # CC103, the rule\'s default' in out
    from dataclasses import fields

    from citecheck.cli.common import settings_or_exit
    from citecheck.models import Severity

    settings = settings_or_exit(None, min_severity=Severity.ERROR, jobs=2)[0]
    again = settings_from_table(table, project / "shown.toml")
    for field in fields(settings):
        # thresholds are all written out, with their defaults; explicit and config say where settings came from
        if field.name not in ("explicit", "config", "thresholds"):
            assert getattr(again, field.name) == getattr(settings, field.name), field.name
    for name, default in known_thresholds().items():
        assert again.threshold(name, default) == settings.threshold(name, default)
    assert not (project / "reports").exists()


# Severity, selection, exclusion


def test_per_rule_severity_changes_what_fails_and_off_silences(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.citecheck.severity]\nquote-source-conflict = "warning"\n', encoding="utf-8")
    code, out, _ = _run("check", "--format", "json")
    assert code == 0 and {f["severity"] for f in json.loads(out)["findings"]} == {"warning", "info"}
    assert _run("check", "--fail-on", "warning")[0] == 1
    config.write_text('[tool.citecheck.severity]\nCC101 = "off"\nunsourced-quote = "error"\n', encoding="utf-8")
    code, out, _ = _run("check", "--format", "json")
    assert code == 1 and [f["code"] for f in json.loads(out)["findings"]] == ["CC105"]
    assert _run("check", "--select", "CC101", "--format", "concise")[1].count("CC101") == 1  # --select wins over off
    config.write_text('[tool.citecheck.severity]\nCC101 = "fatal"\n', encoding="utf-8")
    code, _, err = _run("check")
    assert code == 2 and "severity.CC101 must be one of off, info, warning, error (not 'fatal')" in err


def test_extend_select_adds_to_select(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.citecheck]\nselect = ["CC101"]\n', encoding="utf-8")
    assert _run("check", "--format", "concise", "--min-severity", "info")[1].count(": CC") == 1
    both = _run("check", "--format", "concise", "--extend-select", "unsourced-quote")[1]
    assert [line.split(": ")[1].split()[0] for line in both.splitlines()] == ["CC101", "CC105"]


def test_without_a_corpus_folder_the_working_folder_is_read(project: Path) -> None:
    shutil.move(project / "corpus", project / "essays")
    (project / ".hidden").mkdir()
    (project / ".hidden" / "h.txt").write_text(A, encoding="utf-8")
    code, out, _ = _run("check", "--show-files")
    assert code == 0 and out.splitlines() == ["essays/a.txt", "essays/c.txt", "essays/u.txt"]
    assert _run("check", "--fail-on", "never")[0] == 0
    # The report it wrote is not read back as an essay on the next run.
    assert (project / "reports" / "discrepancies.html").exists()
    assert "reports" not in _run("check", "--show-files")[1]


def test_on_the_project_corpus_the_findings_that_need_action_come_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = _run("check", "--no-html", "--no-bib", "--no-cache", "--fail-on", "never")
    lines = out.splitlines()
    findings = [line for line in lines if re.match(r"\s+\d+:\d+\s+(error|warning|info)\s", line)]
    assert code == 0 and findings
    assert " error " in findings[0]  # the error leads
    assert all(" info " not in line for line in findings)  # info is summarised, not listed
    severities = [re.split(r"\s+", line.strip())[1] for line in findings]
    assert severities.count("error") + severities.count("warning") == len(findings)
    assert re.search(r"^\d+ info not listed \(.*CC105 unsourced-quote.*\): --min-severity info lists them$", out, re.M)
    assert re.fullmatch(r"\d+ errors?, \d+ warnings?, \d+ info in \d+ documents", lines[-1])
