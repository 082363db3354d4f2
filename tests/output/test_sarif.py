"""SARIF: one result per finding, the other places as related locations, rule help with a link, valid SARIF 2.1.0."""

from __future__ import annotations

import json

from citecheck.checks.rules import ALL_RULES
from citecheck.cli.rules_cmd import rules_markdown
from citecheck.models import CheckResult, Finding, Location, Severity
from citecheck.output.sarif import artifact_location, help_uri, rule_anchor, to_sarif
from tests.conftest import ROOT


def test_the_second_place_is_a_related_location(hostile_result: CheckResult) -> None:
    doc = json.loads(to_sarif(hostile_result.findings))
    multi = [r for r in doc["runs"][0]["results"] if "relatedLocations" in r]
    assert multi
    for result in multi:
        assert len(result["locations"]) == 1
        assert [r["id"] for r in result["relatedLocations"]] == list(range(1, len(result["relatedLocations"]) + 1))
        assert all(r["message"]["text"] for r in result["relatedLocations"])


def test_each_rule_has_markdown_help_and_a_link_to_its_section_of_docs_rules_md() -> None:
    rules = json.loads(to_sarif([]))["runs"][0]["tool"]["driver"]["rules"]
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule, sarif in zip(ALL_RULES, rules, strict=True):
        assert sarif["help"]["markdown"] == rule.explanation and "**How to fix.**" in sarif["help"]["markdown"]
        assert sarif["helpUri"] == help_uri(rule) and sarif["helpUri"].endswith(f"/docs/rules.md#{rule_anchor(rule)}")
        # GitHub's anchor for "## CC101 quote-source-conflict" is cc101-quote-source-conflict
        assert f"\n## {rule.code} {rule.name}\n" in docs


def test_docs_rules_md_is_up_to_date() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "regenerate it: citecheck rules --markdown > docs/rules.md"
    )


def test_paths_become_uris() -> None:
    assert artifact_location("./corpus/naïve essay.txt") == {
        "uri": "corpus/na%C3%AFve%20essay.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("../other/a.txt")["uri"] == "../other/a.txt"  # not stripped to other/a.txt
    assert artifact_location("/srv/corpus/a.txt") == {"uri": "file:///srv/corpus/a.txt"}


def test_a_finding_with_one_place_has_no_related_locations() -> None:
    f = Finding("CC105", "unsourced-quote", Severity.INFO, "m", (Location("a.txt", 1, 2, "x"),), "f" * 16)
    (result,) = json.loads(to_sarif([f]))["runs"][0]["results"]
    assert "relatedLocations" not in result and result["level"] == "note"
