"""CC405 source-date-mismatch: a primary text's date is outside its volume's range in references.bib."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, clip
from citecheck.models import Finding, Location, Severity


class SourceDateMismatch(Rule):
    """CC405 source-date-mismatch: A primary text is dated outside the range references.bib gives its volume."""

    code = "CC405"
    name = "source-date-mismatch"
    severity = Severity.WARNING
    summary = "A primary text is dated outside the range references.bib gives its volume."
    explanation = """\
**What it finds.** A primary text tied to a volume of references.bib (its header says "Volume
29", or its front matter names `key: lenin-cw-29`) whose date of writing or delivery lies outside
that volume's `contentsdate`. Dates of first publication are not compared: a text published years
later is in the volume of the year it was written.

**Why it matters.** Either the text's header names the wrong volume, or references.bib's range
for the volume is wrong; the volume-date rule (`volume-date-mismatch`) trusts that range for
every citation of the volume.

**Example.** A text "Written: March 1919" whose header says Volume 24, where references.bib dates
vol. 24 1917-04/1917-06.

**How to fix.** Correct the header or front matter, or the volume's `contentsdate` (and
`contentsdatestatus`) in references.bib.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        if ctx.primary is None:
            return
        lines = {t.path: t.header_line for t in ctx.primary.texts}
        works = {w.path: w for w in ctx.primary.works}
        for path, why in ctx.primary.date_disagreements:
            w = works[path]
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=f"{path} ({w.key}): {why}",
                locations=(Location(path, lines.get(path, 1), 1, clip(w.source_line or w.title or path), w.key),),
                fingerprint=fingerprint(self.name, path, w.key or "", w.date or ""),
            )
