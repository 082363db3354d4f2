"""CC402 wrong-locator: the passage is in the sources, but in another volume or outside the cited pages."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, clip, locator
from citecheck.checks.rules.evidence import evidence, found_as_cited
from citecheck.checks.rules.evidence import locator as found_at
from citecheck.checks.rules.pages import pages_agree
from citecheck.models import Finding, Severity


class WrongLocator(Rule):
    """CC402 wrong-locator: The passage is in another volume, or outside the cited pages."""

    code = "CC402"
    name = "wrong-locator"
    severity = Severity.ERROR
    summary = "The passage is in another volume, or outside the cited pages."
    explanation = """\
**What it finds.** A quotation whose cited work is among the primary texts, found in them, but
not where the citation says: in another volume of the work, or outside the cited page (outside
the page range the source text fills, or on another page where the text marks its pages). Pages
are compared only when the wording is the source's own: a quotation in another translation comes
from another edition, paged otherwise. The
suggestion is the right volume and page range, or the exact page where page markers give it. A
passage in the cited volume as well as in another is taken from the cited one.

**Why it matters.** A reader who follows the citation finds nothing. When two essays cite the
same quotation to different volumes (`quote-source-conflict`), this says which one is right.

**Example.** The "hundred thousand first-class tractors" passage cited to *Collected Works*
vol. XXIV; the sources have it in vol. 29, pp. 141-225 (the Eighth Party Congress, March 1919).

**How to fix.** Cite the volume and page the suggestion gives, after checking them in the
edition you use.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        for ref, n, m in found_as_cited(ctx):
            c = n.citation
            if c.volume and m.work.volume and c.volume != m.work.volume:
                what = f"vol. {c.volume_raw or c.volume}"
            elif m.kind != "translation" and c.pages and m.pages and not pages_agree(c.pages, m.pages):
                # (another translation is another edition, paged otherwise: only its volume is compared)
                what = f"p. {c.pages}"
            else:
                continue
            right = found_at(m)
            loose = " (in other words: another translation?)" if m.kind == "translation" else ""
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=(
                    f"“{clip(ref.quotation.text, 70)}” is cited to {what}, but the sources have it in "
                    f"{right}{loose} ({m.work.path})"
                ),
                locations=(ctx.quote_location(ref, locator(n)),),
                fingerprint=fingerprint(self.name, ref.path, " ".join(ref.words), c.volume or "", c.pages or ""),
                suggestion=right,
                data={"values": [locator(n), right], "evidence": evidence(ref, m)},
            )
