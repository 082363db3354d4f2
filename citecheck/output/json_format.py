"""JSON output of ``citecheck check``: findings, a summary and input errors, valid for any text."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from citecheck.models import CheckResult, Finding
from citecheck.runtime.collector import paused


def summary(result: CheckResult, findings: Sequence[Finding]) -> dict[str, Any]:
    """Counts by severity and rule, and the size of the corpus."""
    return {
        "documents": len(result.documents),
        "citations": sum(len(d.citations) for d in result.documents),
        "quotations": sum(len(d.quotations) for d in result.documents),
        "findings": len(findings),
        "by_severity": dict(sorted(Counter(str(f.severity) for f in findings).items())),
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }


def dumps(obj: object) -> str:
    """JSON that stays valid for any corpus text: lone surrogates escaped, control characters escaped.

    Compact (no indentation), so the C encoder writes it: tens of thousands of
    findings take a fraction of a second.  Pipe it through ``jq`` to read it.
    """
    return json.dumps(obj, ensure_ascii=True, sort_keys=False) + "\n"


def to_json(result: CheckResult, findings: Sequence[Finding], extra: dict[str, Any] | None = None) -> str:
    """The ``--format json`` document."""
    with paused():  # tens of thousands of dicts, no cycles
        doc: dict[str, Any] = {
            "findings": [f.to_json() for f in findings],
            "summary": summary(result, findings),
            "errors": [str(e) for e in result.errors],
        }
        doc.update(extra or {})
        return dumps(doc)
