"""Check: run the enabled rules over the extracted, normalised corpus."""

from __future__ import annotations

from collections.abc import Sequence

from .catalogue import Catalogue
from .models import DocumentResult, Finding, NormalisedCitation
from .rules import ALL_RULES, RuleContext
from .settings import Settings


def run_rules(
    documents: Sequence[DocumentResult],
    normalised: Sequence[NormalisedCitation],
    catalogue: Catalogue,
    settings: Settings | None = None,
) -> tuple[Finding, ...]:
    """Findings of every enabled rule, most severe first, then by place and code."""
    cfg = settings or Settings()
    ctx = RuleContext(tuple(documents), tuple(normalised), catalogue, cfg)
    findings = [f for rule in ALL_RULES if cfg.rule_enabled(rule.name, rule.code) for f in rule.check(ctx)]
    return tuple(sorted(findings, key=sort_key))


def sort_key(f: Finding) -> tuple[int, str, int, int, str, str]:
    """Severity (highest first), first location, code, fingerprint."""
    loc = f.locations[0] if f.locations else None
    return (
        -int(f.severity),
        loc.path if loc else "",
        loc.line if loc else 0,
        loc.column if loc else 0,
        f.code,
        f.fingerprint,
    )
