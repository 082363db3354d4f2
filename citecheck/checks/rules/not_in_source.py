"""CC403 not-in-source: the cited pages are among the primary texts, and the passage is not."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, clip, describe
from citecheck.checks.rules.evidence import pages_within
from citecheck.models import Finding, NormalisedCitation, Severity, SourceWork


class NotInSource(Rule):
    """CC403 not-in-source: The cited text is available and complete, and the passage is nowhere in the sources."""

    code = "CC403"
    name = "not-in-source"
    severity = Severity.WARNING
    summary = "The cited text is available and complete, and the passage is nowhere in the sources."
    explanation = """\
**What it finds.** A quotation whose citation points at text the primary texts hold in full, and
which is neither there nor anywhere else in the sources, not even loosely. "In full" means: the
cited pages lie within the page ranges of source texts of the cited volume (a Marxists Internet
Archive header "Volume 29, pages 141-225", or front matter `pages:`) whose every part is among
the sources (a folder's index page lists the parts of a work: when one is missing, its range is
held only in part), or, for a citation without pages, a text of the volume whose front matter
says `complete: true`. A volume the sources hold
only in part says nothing about a passage that is not in that part, and is not reported.

**Why it matters.** The words may not be the author's at all, or the citation points at the
wrong work.

**Example.** A sentence attributed to *Collected Works* vol. 29, p. 150, where the sources hold
pp. 141-225 of vol. 29 and no text has the sentence.

**How to fix.** Find where the words come from; cite that, or drop the quotation.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        if ctx.primary is None:
            return
        by_key: dict[str, list[SourceWork]] = {}
        for w in ctx.primary.works:
            if w.key:
                by_key.setdefault(w.key, []).append(w)
        for ref, n in zip(ctx.quotes, ctx.sources, strict=True):
            verdict = ctx.verdicts.get(ref.key)
            if n is None or verdict is None or verdict.matches:
                continue
            held = by_key.get(n.key, [])
            if not held or not _complete(n, held):
                continue
            files = sorted({w.header_from or w.path for w in held})
            shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=(
                    f"“{clip(ref.quotation.text, 70)}” is not in {describe(n)} ({shown}), "
                    "nor anywhere else in the sources"
                ),
                locations=(ctx.quote_location(ref, describe(n)),),
                fingerprint=fingerprint(self.name, ref.path, " ".join(ref.words), n.key),
            )


def _complete(n: NormalisedCitation, held: list[SourceWork]) -> bool:
    """Whether the sources hold the text the citation points at in full."""
    if n.citation.pages:
        whole = [w.pages for w in held if not w.missing_parts]  # a range held only in part says nothing
        return pages_within(n.citation.pages, whole) or any(w.complete for w in held)
    return any(w.complete for w in held)
