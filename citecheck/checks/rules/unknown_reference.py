"""CC203 unknown-reference: a cited work references.bib does not know."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext
from citecheck.models import Finding, NormalisedCitation, Severity


class UnknownReference(Rule):
    """CC203 unknown-reference: A cited work is not in references.bib."""

    code = "CC203"
    name = "unknown-reference"
    severity = Severity.INFO
    summary = "A cited work is not in references.bib."
    explanation = """\
**What it finds.** A work the corpus cites that no references.bib entry matches (by author,
title, aliases). One finding per work, listing every place it is cited; the merged bibliography
holds a generated entry for it.

**Why it matters.** Unknown works cannot be checked for volume dates, editions or spellings.

**Example.** `A Nove, An Economic History of the USSR, London 1969, p12.` with no Nove entry.

**How to fix.** Add an entry to references.bib (the generated one in the merged bibliography is a
starting point), or correct the title if it is a misspelling of a known work.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        works: dict[str, list[NormalisedCitation]] = defaultdict(list)
        for n in ctx.normalised:
            if not n.known:
                works[n.work_key].append(n)
        for key in sorted(works):
            items = works[key]
            first = items[0]
            who = f"{first.author}, " if first.author else ""
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=f"{who}{first.title} is not in references.bib (cited {len(items)}×; generated key {key})",
                locations=tuple(ctx.citation_location(n.path, n.citation) for n in items),
                fingerprint=fingerprint(self.name, key),
            )
