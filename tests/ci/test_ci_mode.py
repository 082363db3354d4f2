"""CI mode end to end in a temporary git repository: baselines, exit codes, machine outputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from citecheck.cli import app
from citecheck.models import Finding, Location, Severity
from citecheck.output.github import to_github
from tests.ci.conftest import A


def _check(*extra: str) -> tuple[int, dict[str, object]]:
    r = CliRunner().invoke(
        app,
        [
            "check",
            "corpus",
            "--baseline",
            ".citecheck-baseline.json",
            "--no-html",
            "--no-bib",
            "--format",
            "json",
            *extra,
        ],
    )
    return r.exit_code, json.loads(r.stdout)


def test_clean_corpus_against_its_baseline_passes(repo: Path) -> None:
    code, doc = _check()
    assert code == 0 and doc["findings"] == []


def test_citing_an_existing_quotation_to_another_volume_fails_with_exactly_that_finding(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(A.replace("Vol 32", "Vol 29").replace("first", "third"), encoding="utf-8")
    code, doc = _check()
    findings = doc["findings"]
    assert code == 1
    assert isinstance(findings, list) and [f["rule"] for f in findings] == ["quote-source-conflict"]
    assert "1 new" in str(doc["baseline"])


def test_an_edit_that_only_moves_lines_still_passes(repo: Path) -> None:
    (repo / "corpus" / "a.txt").write_text(
        A.replace("The first essay\n\n", "The first essay\n\nA new opening paragraph.\n\n"), encoding="utf-8"
    )
    code, doc = _check()
    assert code == 0 and doc["findings"] == []


def test_fixing_a_finding_passes_and_counts_it_fixed(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(A.replace("Vol 32", "Vol 29").replace("first", "third"), encoding="utf-8")
    assert CliRunner().invoke(app, ["baseline", "corpus"]).exit_code == 0
    (repo / "corpus" / "c.txt").unlink()
    code, doc = _check()
    assert code == 0 and "1 fixed" in str(doc["baseline"])


def test_fail_on_and_exit_codes(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(A.replace("Vol 32", "Vol 29"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["check", "corpus", "--no-html", "--no-bib"]).exit_code == 1
    assert runner.invoke(app, ["check", "corpus", "--no-html", "--no-bib", "--fail-on", "never"]).exit_code == 0
    assert runner.invoke(app, ["check", "corpus", "--no-html", "--no-bib", "--fail-on", "bogus"]).exit_code == 2
    (repo / ".citecheck-baseline.json").write_text("not json", encoding="utf-8")
    bad = runner.invoke(app, ["check", "corpus", "--no-html", "--no-bib", "--baseline", ".citecheck-baseline.json"])
    assert bad.exit_code == 2 and "cannot use this baseline" in bad.output


def test_sarif_has_what_code_scanning_needs(repo: Path) -> None:
    (repo / "corpus" / "c.txt").write_text(A.replace("Vol 32", "Vol 29"), encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "corpus", "--no-html", "--no-bib", "--format", "sarif", "--fail-on", "never"])
    doc = json.loads(r.stdout)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "citecheck"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    result = run["results"][0]
    assert result["ruleId"] in rule_ids and result["message"]["text"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("corpus/") and loc["region"]["startLine"] >= 1
    assert result["partialFingerprints"]["citecheck/v1"]


def test_github_commands_escape_their_payload() -> None:
    f = Finding(
        "CC101",
        "quote-source-conflict",
        Severity.ERROR,
        "50% off,\nreally: yes",
        (Location("a,b:c.txt", 3, 4, "x"),),
        "f" * 16,
    )
    line = to_github([f])
    assert (
        line == "::error file=a%2Cb%3Ac.txt,line=3,col=4,title=CC101 quote-source-conflict::50%25 off,%0Areally: yes\n"
    )
