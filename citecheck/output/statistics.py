"""``--statistics``: how many findings each rule has, most first (as ruff's ``--statistics``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from citecheck.models import Finding, Severity
from citecheck.output.json_format import dumps
from citecheck.output.terminal import severity_count


def rule_counts(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """One row per rule that has findings: code, rule, count and the count at each severity.

    Rules with a more severe finding come first, then by count, then by code.
    """
    by_rule: dict[tuple[str, str], Counter[Severity]] = defaultdict(Counter)
    for f in findings:
        by_rule[(f.code, f.rule)][f.severity] += 1
    rows = sorted(by_rule.items(), key=lambda kv: (-max(kv[1]), -sum(kv[1].values()), kv[0][0]))
    return [
        {
            "code": code,
            "rule": rule,
            "count": sum(counts.values()),
            "by_severity": {str(s): counts[s] for s in sorted(counts, reverse=True)},
        }
        for (code, rule), counts in rows
    ]


def statistics_text(findings: Sequence[Finding]) -> str:
    """The counts as aligned lines: ``  22  CC105  unsourced-quote  21 info, 1 warning``."""
    rows = rule_counts(findings)
    if not rows:
        return "no findings\n"
    width = max(len(r["rule"]) for r in rows)
    out = []
    for r in rows:
        levels = ", ".join(severity_count(n, Severity.parse(s)) for s, n in r["by_severity"].items())
        out.append(f"{r['count']:>5}  {r['code']}  {r['rule']:<{width}}  {levels}")
    return "\n".join(out) + "\n"


def statistics_json(findings: Sequence[Finding]) -> str:
    """The counts as a JSON list (``--statistics --format json``)."""
    return dumps(rule_counts(findings))
