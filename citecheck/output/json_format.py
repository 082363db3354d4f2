"""JSON output of ``citecheck check``: findings, a summary and input errors, valid for any text."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from json.encoder import encode_basestring_ascii
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
    """The ``--format json`` document: what :func:`dumps` writes of the findings' ``to_json()``, the
    summary, the errors and ``extra``.

    The findings are written here (:func:`finding_json`), the rest by :func:`dumps`: a quotation
    cited in 700 places is 700 locations in each of its findings, with one excerpt, a few paths
    and a few readings between them, and each distinct string is encoded once.
    """
    with paused():  # tens of thousands of strings, no cycles
        doc: dict[str, Any] = {
            "findings": [],
            "summary": summary(result, findings),
            "errors": [str(e) for e in result.errors],
        }
        doc.update(extra or {})
        if extra and "findings" in extra:  # ``extra`` replaced the findings: nothing to splice in
            return dumps(doc)
        rest = dumps(doc)
        encoded: dict[str, str] = {}
        written = ", ".join([finding_json(f, encoded) for f in findings])
        return '{"findings": [' + written + "]" + rest[len('{"findings": []') :]


def finding_json(finding: Finding, encoded: dict[str, str] | None = None) -> str:
    """``dumps(finding.to_json())`` without its trailing newline, written as the encoder would.

    ``encoded`` keeps each string's JSON for the next finding (the C function ``json.dumps``
    uses for strings, so the bytes are the same).
    """
    memo = {} if encoded is None else encoded

    def text(value: str) -> str:
        found = memo.get(value)
        if found is None:
            found = memo[value] = encode_basestring_ascii(value)
        return found

    places = []
    for loc in finding.locations:
        where = f'"path": {text(loc.path)}, "line": {int(loc.line)}, "column": {int(loc.column)}'
        place = f'{{{where}, "excerpt": {text(loc.excerpt)}'
        places.append(f'{place}, "detail": {text(loc.detail)}}}' if loc.detail else place + "}")
    head = dumps(
        {"rule": finding.rule, "code": finding.code, "severity": str(finding.severity), "message": finding.message}
    )
    out = [head[: -len("}\n")], ', "locations": [', ", ".join(places), '], "fingerprint": ', text(finding.fingerprint)]
    if finding.suggestion:
        out += [', "suggestion": ', text(finding.suggestion)]
    if "evidence" in finding.data:
        out += [', "evidence": ', dumps(finding.data["evidence"])[:-1]]
    out.append("}")
    return "".join(out)
