"""SARIF: one result per finding, the other places as related locations, rule help with a link, valid SARIF 2.1.0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


def _validator() -> object:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed (pip install '.[test]')")
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_the_output_is_valid_sarif_2_1_0(hostile_result: CheckResult) -> None:
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.pipeline import run_check

    validator = _validator()
    corpus = run_check([str(ROOT / "corpus")], Catalogue.load(ROOT / "references.bib"))
    odd = Finding(
        "CC101",
        "quote-source-conflict",
        Severity.ERROR,
        "a [bracketed] message\nover two lines",
        (Location("./odd name/ä.txt", 1, 1, "x", "vol. 1"), Location("/abs/b.txt", 9, 3, "y", None)),
        "0" * 16,
    )
    for findings in (hostile_result.findings, corpus.findings, (odd,), ()):
        errors = sorted(validator.iter_errors(json.loads(to_sarif(findings))), key=str)  # type: ignore[attr-defined]
        assert errors == [], errors[0].message if errors else ""


def test_the_schema_rejects_what_sarif_forbids() -> None:
    validator = _validator()
    doc = json.loads(to_sarif([]))
    doc["runs"][0]["results"] = [{"ruleId": "CC101"}]  # a result needs a message
    assert list(validator.iter_errors(doc))  # type: ignore[attr-defined]
    doc = json.loads(to_sarif([]))
    doc["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = 3
    assert list(validator.iter_errors(doc))  # type: ignore[attr-defined]
