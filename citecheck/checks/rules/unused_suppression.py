"""CC301 unused-suppression: an inline ``citecheck: ignore`` marker that silences nothing."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext
from citecheck.models import Finding, Location, Severity


class UnusedSuppression(Rule):
    """CC301 unused-suppression: An inline suppression marker silences no finding, or names no rule."""

    code = "CC301"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "An inline suppression marker silences no finding, or names no rule."
    explanation = """\
**What it finds.** A marker such as `<!-- citecheck: ignore quote-source-conflict -->` with no
finding of the named rules on its line or the line after it, or a marker naming a rule that does
not exist (a typo, or a code from another tool).

**Why it matters.** A stale marker hides the next real discrepancy that lands on that line; a
misspelt one silences nothing while its author believes it does.

**Example.** The conflicting citation was corrected, but the marker above it stayed.

**How to fix.** Delete the marker, or correct the rule name (`citecheck rules` lists them).
A marker for a rule switched off in this run (`--select`, `--ignore`) is not reported.
"""
    after_suppressions = True

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        for marker, why in ctx.unused_suppressions:
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=f"suppression {marker.raw!s} {why}",
                locations=(Location(marker.path, marker.line, marker.column, marker.raw),),
                fingerprint=fingerprint(self.name, marker.path, marker.raw, why),
            )
