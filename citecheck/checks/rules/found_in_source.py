"""CC404 found-in-source: an unsourced quotation is in the primary texts: cite them."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, clip
from citecheck.checks.rules.evidence import cite_as, evidence
from citecheck.models import Finding, Severity
from citecheck.primary import SHORT


class FoundInSource(Rule):
    """CC404 found-in-source: An unsourced quotation is in the primary texts; the finding gives the citation."""

    code = "CC404"
    name = "found-in-source"
    severity = Severity.INFO
    summary = "An unsourced quotation is in the primary texts; the finding gives the citation."
    explanation = """\
**What it finds.** A quotation of at least six words with no reference, found in the primary
texts (`[tool.citecheck] sources`). The suggestion is a citation of the text it is in: author,
work, volume and pages (the exact page where the text marks its pages). Texts with no
bibliographic header are searched too; the finding then names the file. A loose match is
suggested as "in another translation".

**Why it matters.** An unsourced quotation cannot be checked by readers; here the source is at
hand.

**Example.** "The state is a product and a manifestation of the irreconcilability of class
antagonisms" with no note; suggested: Lenin, *Collected Works*, vol. 25, pp. 381-492.

**How to fix.** Add the reference the suggestion gives, after checking it in your edition.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        if ctx.primary is None:
            return
        for ref in ctx.quotes:
            verdict = ctx.verdicts.get(ref.key)
            if ref.quotation.citation is not None or verdict is None or not verdict.matches:
                continue
            if len(ref.words) < SHORT:
                continue  # a short phrase is in many places: naming one would be a guess
            m = verdict.matches[0]
            cite = cite_as(ctx, m.work, m)
            loose = " (in another translation)" if m.kind == "translation" else ""
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=f"“{clip(ref.quotation.text, 70)}” has no reference; it is in {cite}{loose} ({m.work.path})",
                locations=(ctx.quote_location(ref),),
                fingerprint=fingerprint(self.name, ref.path, " ".join(ref.words)),
                suggestion=cite,
                data={"evidence": evidence(ref, m)},
            )
