"""The thin commands: rules, rule, report."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from citecheck.checks.rules import ALL_RULES
from citecheck.cli import app
from tests.conftest import ROOT


def test_rules_lists_every_rule() -> None:
    out = CliRunner().invoke(app, ["rules", "--json"])
    assert out.exit_code == 0
    assert [r["code"] for r in json.loads(out.stdout)] == [r.code for r in ALL_RULES]


def test_rule_explains_by_name_or_code_and_rejects_unknown() -> None:
    runner = CliRunner()
    assert "How to fix" in runner.invoke(app, ["rule", "dangling-ibid"]).stdout
    assert "dangling-ibid" in runner.invoke(app, ["rule", "CC202"]).stdout
    bad = runner.invoke(app, ["rule", "no-such-rule"])
    assert bad.exit_code == 2 and "no rule called" in bad.output


def test_report_writes_only_the_report(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Essay\n\nLenin wrote “we have bureaucrats in our party institutions”.\n", encoding="utf-8"
    )
    out = tmp_path / "r.html"
    res = CliRunner().invoke(app, ["report", str(corpus), "-o", str(out), "--references", str(ROOT / "references.bib")])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "r.html"]  # nothing else written
