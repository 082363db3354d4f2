"""SARIF 2.1.0 output, in the shape GitHub code scanning ingests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from citecheck import __version__
from citecheck.checks.rules import ALL_RULES
from citecheck.models import Finding, Severity
from citecheck.output.json_format import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


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
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
        }
        for r in ALL_RULES
    ]
    results: list[dict[str, Any]] = []
    for f in findings:
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": loc.path.lstrip("./"), "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": loc.line, "startColumn": loc.column},
                        }
                    }
                    for loc in f.locations
                ],
                "partialFingerprints": {"citecheck/v1": f.fingerprint},
            }
        )
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": __version__,
                        "informationUri": "https://example.invalid/citecheck",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return dumps(doc)
