"""``[tool.citecheck]``: every key read and validated, unknown keys named, flags over the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.config import ConfigError, load_settings
from citecheck.models import Severity
from tests.ci.conftest import A


def _write(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n\n[tool.citecheck]\n" + body, encoding="utf-8")
    return path


def test_every_key_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        """paths = ["essays", "more"]
references = "bib/refs.bib"
report = false
bibliography = "out/all.bib"
baseline = "base.json"
fail-on = "warning"
select = ["CC101", "dangling-ibid"]
ignore = ["unsourced-quote"]
jobs = 3
cache-dir = false
sources = ["primary", "more/texts"]

[tool.citecheck.per-path-ignores]
"essays/drafts/*" = ["CC105"]

[tool.citecheck.thresholds]
quote-match = 90
""",
    )
    settings, used = load_settings()
    assert used == tmp_path / "pyproject.toml"
    assert settings.paths == ("essays", "more") and settings.references == "bib/refs.bib"
    assert settings.report is None and settings.bibliography == "out/all.bib" and settings.baseline == "base.json"
    assert settings.fail_on is Severity.WARNING and settings.jobs == 3 and settings.cache_dir is None
    assert settings.select == {"quote-source-conflict", "dangling-ibid"}  # codes become names
    assert settings.ignore == {"unsourced-quote"}
    assert settings.per_path_ignores == (("essays/drafts/*", frozenset({"unsourced-quote"})),)
    assert settings.threshold("quote-match", 85) == 90 and settings.threshold("excerpt-match", 92) == 92
    assert settings.sources == ("primary", "more/texts")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("fail_on = 'error'\n", "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("select = ['CC999']\n", "no rule called 'CC999'"),
        ("ignore = ['dangling-ibd']\n", "did you mean 'dangling-ibid'"),
        ("fail-on = 'fatal'\n", "fail-on must be one of info, warning, error, never"),
        ("paths = 3\n", "paths must be a list of strings"),
        ("jobs = -1\n", "jobs must be a whole number"),
        ("[tool.citecheck.thresholds]\nquote-mach = 80\n", "unknown threshold 'quote-mach'"),
        ("[tool.citecheck.thresholds]\nquote-match = 180\n", "from 0 to 100"),
        ("[tool.citecheck.per-path-ignores]\n'x/*' = ['nothing']\n", "no rule called 'nothing'"),
        ("paths = [\n", "not valid TOML"),
        ("sources = 'x'\nsources = 1\n", "not valid TOML"),
        ("sources = [1]\n", "sources must be a list of strings"),
        ("[tool.citecheck.thresholds]\nsource-match = 101\n", "from 0 to 100"),
        ("min-severity = 'never'\n", "min-severity must be one of info, warning, error (not 'never')"),
        ("extend-select = ['CC9']\n", "extend-select: no rule called 'CC9'"),
        ("exclude = 'drafts'\nextend-exclude = 3\n", "extend-exclude must be a list of strings"),
        ("[tool.citecheck.severity]\nCC105 = 'loud'\n", "severity.CC105 must be one of off, info, warning, error"),
        ("[tool.citecheck.severity]\nno-rule = 'off'\n", "severity: no rule called 'no-rule'"),
        ("severity = 'off'\n", "severity must be a table"),
    ],
)
def test_bad_configuration_names_the_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_severity_selection_and_exclusion_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    _write(
        tmp_path,
        """min-severity = "warning"
select = ["CC101"]
extend-select = ["CC105"]
exclude = ["drafts", "corpus/old/*"]
extend-exclude = ["*.tmp.md"]

[tool.citecheck.severity]
CC105 = "error"
reference-variant = "off"
""",
    )
    monkeypatch.chdir(tmp_path / "sub")
    settings, _ = load_settings()
    assert settings.min_severity is Severity.WARNING
    assert settings.severity == {"unsourced-quote": Severity.ERROR, "reference-variant": None}
    assert settings.rule_enabled("unsourced-quote", "CC105") and settings.rule_enabled("quote-source-conflict", "CC101")
    assert not settings.rule_enabled("reference-variant", "CC201") and not settings.rule_enabled(
        "dangling-ibid", "CC202"
    )
    assert settings.severity_of("unsourced-quote", Severity.INFO) is Severity.ERROR
    # bare names match a file or folder anywhere; globs with a slash are paths from the config
    assert settings.exclude_globs == ("drafts", "../corpus/old/*", "*.tmp.md")
    assert {"min_severity", "select", "extend_select", "exclude", "extend_exclude", "severity"} <= settings.explicit


def test_relative_paths_are_anchored_at_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    _write(tmp_path, 'paths = ["corpus"]\nreferences = "refs.bib"\nsources = ["texts"]\n')
    monkeypatch.chdir(tmp_path / "sub")
    settings, _ = load_settings()
    assert settings.paths == ("../corpus",) and settings.references == "../refs.bib"
    assert settings.sources == ("../texts",)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus whose two essays cite one quotation to two volumes (an error)."""
    (tmp_path / "essays").mkdir()
    (tmp_path / "essays" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "essays" / "c.txt").write_text(A.replace("Vol 32", "Vol 29"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["check", "--no-html", "--no-bib", *args])
    return r.exit_code, r.stdout, r.stderr


def test_the_cli_reads_the_config_and_flags_override_it(project: Path) -> None:
    _write(project, 'paths = ["essays"]\nfail-on = "never"\n')
    code, out, _ = _run("--format", "json")
    errors = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert code == 0 and len(errors) == 1  # paths from the file; never fails
    assert _run("--fail-on", "error")[0] == 1  # the flag wins
    _write(project, 'paths = ["essays"]\nignore = ["quote-source-conflict"]\n')
    assert _run()[0] == 0
    assert _run("--select", "CC101")[0] == 1  # --select replaces the file's rule choice


def test_the_cli_reports_a_bad_config_in_one_line(project: Path) -> None:
    _write(project, 'paths = ["essays"]\nfial-on = "never"\n')
    code, _, err = _run()
    assert code == 2 and err.count("\n") == 1 and "unknown key 'fial-on'" in err and "pyproject.toml" in err


def test_per_path_ignores_and_thresholds_take_effect(project: Path) -> None:
    _write(project, 'paths = ["essays"]\n[tool.citecheck.per-path-ignores]\n"essays/*" = ["CC101"]\n')
    assert _run()[0] == 0
    _write(project, 'paths = ["essays"]\n[tool.citecheck.per-path-ignores]\n"essays/c.txt" = ["CC101"]\n')
    assert _run()[0] == 1  # a.txt, the other location, is not ignored
    # Two wordings that agree at the default threshold are different quotations at 100.
    (project / "essays" / "c.txt").write_text(
        A.replace("Vol 32", "Vol 29").replace("again and again", "again and yet again"), encoding="utf-8"
    )
    _write(project, 'paths = ["essays"]\n')
    assert _run()[0] == 1
    _write(project, 'paths = ["essays"]\n[tool.citecheck.thresholds]\nquote-match = 100\nexcerpt-match = 100\n')
    assert _run()[0] == 0


def test_an_unknown_rule_flag_exits_2(project: Path) -> None:
    code, _, err = _run("essays", "--select", "CC9")
    assert code == 2 and "--select: no rule called 'CC9'" in err


def test_a_pyproject_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(b"\xff\xfe[tool]")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path)


@pytest.mark.parametrize("text", ["tool = 3\n", "[tool]\ncitecheck = 'x'\n"])
def test_a_tool_table_of_the_wrong_shape_is_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a table"):
        load_settings(path)


# --- a repository's configuration cannot make citecheck write outside it (issue 17) -----------


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('bibliography = "/tmp/elsewhere/run-me.sh"\n', "bibliography"),
        ('report = "../outside.html"\n', "report"),
        ('baseline = "reports/../../outside.json"\n', "baseline"),
        ('cache-dir = "/tmp/citecheck-cache"\n', "cache-dir"),
        ('report = "out/report.html"\n', "report"),  # out is a link to a folder outside
        ('cache-dir = "cache-link"\n', "cache-dir"),  # a link to a folder outside
    ],
)
def test_outputs_named_in_configuration_stay_inside_the_project(tmp_path: Path, body: str, key: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside").mkdir()
    (project / "out").symlink_to(tmp_path / "outside", target_is_directory=True)
    (project / "cache-link").symlink_to(tmp_path / "outside", target_is_directory=True)
    path = _write(project, body)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert f"{key} = " in str(err.value) and f"is outside the project folder {project}" in str(err.value)


@pytest.mark.parametrize(
    "body",
    [
        'report = "reports/x.html"\nbibliography = "build/merged.bib"\nbaseline = ".baseline.json"\n',
        'cache-dir = ".cache/citecheck"\nreport = "reports/link.html"\n',  # a link in the project, pointing out
        'references = "/somewhere/else/shared.bib"\npaths = ["/srv/essays"]\n',  # inputs may be anywhere
    ],
)
def test_outputs_inside_the_project_and_inputs_anywhere_are_accepted(tmp_path: Path, body: str) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "link.html").symlink_to("/etc/passwd")  # a write replaces the link, not the file
    path = _write(tmp_path, body)
    settings, _ = load_settings(path)
    assert settings.config == str(path)


def test_the_command_line_may_name_an_output_anywhere(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "report.html"
    _write(project, 'paths = ["essays"]\nfail-on = "never"\n')
    r = CliRunner().invoke(app, ["check", "--html", str(elsewhere), "--no-bib"])
    assert r.exit_code == 0 and elsewhere.is_file()
