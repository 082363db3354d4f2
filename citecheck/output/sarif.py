"""SARIF 2.1.0 output, in the shape GitHub code scanning ingests.

Each finding is one result: its first location is the primary one (the one on a
changed line under ``--since``), the other places are ``relatedLocations``.
Each rule carries its documentation as ``help.markdown`` and a ``helpUri`` to
its section of ``docs/rules.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from citecheck import __version__
from citecheck.checks.rules import ALL_RULES, Rule
from citecheck.models import Finding, Location, Severity
from citecheck.output.json_format import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where citecheck's documentation is published; the rules are documented in docs/rules.md under it.
HOMEPAGE = "https://example.invalid/citecheck"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_anchor(rule: Rule) -> str:
    """The anchor of a rule's section in docs/rules.md (``cc101-quote-source-conflict``)."""
    return f"{rule.code.lower()}-{rule.name}"


def help_uri(rule: Rule) -> str:
    """The address of a rule's documentation."""
    return f"{HOMEPAGE}/docs/rules.md#{rule_anchor(rule)}"


def artifact_location(path: str) -> dict[str, str]:
    """A path as SARIF wants it: a percent-encoded URI relative to the checkout, or a file URI when absolute."""
    if PurePath(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace("\\", "/").removeprefix("./")), "uriBaseId": "%SRCROOT%"}


def _physical(loc: Location) -> dict[str, Any]:
    return {
        "artifactLocation": artifact_location(loc.path),
        "region": {"startLine": loc.line, "startColumn": loc.column},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical(loc)} for loc in f.locations[:1]],
        "partialFingerprints": {"citecheck/v1": f.fingerprint},
    }
    if len(f.locations) > 1:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(loc), "message": {"text": loc.detail or loc.excerpt}}
            for i, loc in enumerate(f.locations[1:], 1)
        ]
    return result


def to_sarif(findings: Sequence[Finding]) -> str:
    """One SARIF run: the rule catalogue and one result per finding (paths repository-relative)."""
    index = {r.name: i for i, r in enumerate(ALL_RULES)}
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.explanation.split("\n\n")[0].replace("**What it finds.** ", "")},
            "help": {"text": r.explanation, "markdown": r.explanation},
            "helpUri": help_uri(r),
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
        }
        for r in ALL_RULES
    ]
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": rules,
                    }
                },
                "results": [_result(f, index) for f in findings],
            }
        ],
    }
    return dumps(doc)
