"""Check: run the enabled rules over the extracted, normalised corpus, then apply suppressions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from citecheck.bibliography.catalogue import Catalogue
from citecheck.checks import suppress
from citecheck.checks.rules import ALL_RULES, RuleContext, rule_by_name
from citecheck.models import DocumentResult, Finding, NormalisedCitation
from citecheck.runtime.collector import paused
from citecheck.settings import Settings

if TYPE_CHECKING:
    from citecheck.primary.index import SourceIndex


def run_rules(
    documents: Sequence[DocumentResult],
    normalised: Sequence[NormalisedCitation],
    catalogue: Catalogue,
    settings: Settings | None = None,
    primary: SourceIndex | None = None,
) -> tuple[Finding, ...]:
    """Findings of every enabled rule, most severe first, then by place and code.

    ``primary``: the indexed primary texts quotations are checked against (the
    CC4xx rules find nothing without them).

    Findings a per-path ignore or an inline marker covers are dropped; markers
    that covered nothing come back as ``unused-suppression`` findings.  A rule
    given a severity in the settings reports every finding at that severity.
    """
    with paused():
        return _run_rules(documents, normalised, catalogue, settings, primary)


def _run_rules(
    documents: Sequence[DocumentResult],
    normalised: Sequence[NormalisedCitation],
    catalogue: Catalogue,
    settings: Settings | None,
    primary: SourceIndex | None,
) -> tuple[Finding, ...]:
    cfg = settings or Settings()
    enabled = [r for r in ALL_RULES if cfg.rule_enabled(r.name, r.code)]
    ctx = RuleContext(tuple(documents), tuple(normalised), catalogue, cfg, primary=primary)
    found = [f for rule in enabled if not rule.after_suppressions for f in rule.check(ctx)]
    found = [f for f in found if not suppress.path_ignored(f, cfg.per_path_ignores)]
    outcome = suppress.apply(found, documents, _resolve_rule, cfg.rule_enabled)
    late_ctx = replace(ctx, unused_suppressions=outcome.unused)
    late = [f for rule in enabled if rule.after_suppressions for f in rule.check(late_ctx)]
    late = [f for f in late if not suppress.path_ignored(f, cfg.per_path_ignores)]
    kept = [_with_severity(f, cfg) for f in (*outcome.kept, *late)]
    return tuple(sorted(kept, key=sort_key))


def _with_severity(f: Finding, settings: Settings) -> Finding:
    severity = settings.severity_of(f.rule, f.severity)
    return f if severity is f.severity else replace(f, severity=severity)


def _resolve_rule(name_or_code: str) -> tuple[str, str] | None:
    rule = rule_by_name(name_or_code)
    return (rule.name, rule.code) if rule else None


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
