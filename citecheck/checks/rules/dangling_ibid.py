"""CC202 dangling-ibid: an ibid or op. cit. with nothing (or nothing certain) to repeat."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext
from citecheck.models import Finding, Severity


class DanglingIbid(Rule):
    """CC202 dangling-ibid: An ibid or op. cit. has no reference to repeat, or an ambiguous one."""

    code = "CC202"
    name = "dangling-ibid"
    severity = Severity.ERROR
    summary = "An ibid or op. cit. has no reference to repeat, or an ambiguous one."
    explanation = """\
**What it finds.** A short form that cannot be resolved: an "ibid" with no earlier reference in
its stream (notes, or the body), an "op. cit." whose author has no earlier work cited or several,
a page-only parenthetical "(190)" with nothing to continue.

**Why it matters.** The reader cannot tell what is cited; after an edit moves or deletes a note,
every ibid after it may now point at the wrong work.

**Example.** A note "Ibid., p. 12." that is the first note of the essay; "Carr, op. cit., p. 87"
after citations of two books by Carr.

**How to fix.** Write the reference out in full.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        for doc in sorted(ctx.documents, key=lambda d: d.path):
            for c in doc.citations:
                if c.resolution_problem is None:
                    continue
                yield Finding(
                    code=self.code,
                    rule=self.name,
                    severity=self.severity,
                    message=f"“{c.raw.strip()}”: {c.resolution_problem}",
                    locations=(ctx.citation_location(doc.path, c),),
                    fingerprint=fingerprint(self.name, doc.path, c.raw.strip(), c.resolution_problem),
                )
