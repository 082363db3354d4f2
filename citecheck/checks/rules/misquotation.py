"""CC401 misquotation: the passage is in the cited source, in other words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import ClassVar

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, clip
from citecheck.checks.rules.evidence import differences, evidence, found_as_cited, locator
from citecheck.models import Finding, Severity
from citecheck.primary import OTHER_TRANSLATION, SAME_WORDING


class Misquotation(Rule):
    """CC401 misquotation: The quoted words differ from the cited source's beyond spelling and typography."""

    code = "CC401"
    name = "misquotation"
    severity = Severity.WARNING
    summary = "The quoted words differ from the cited source's beyond spelling and typography."
    thresholds: ClassVar[Mapping[str, float]] = MappingProxyType(
        {"source-match": SAME_WORDING, "translation-match": OTHER_TRANSLATION}
    )
    explanation = """\
**What it finds.** A quotation whose cited work is among the primary texts (`[tool.citecheck]
sources`), found there, in words that differ from the source's. Case, quotation marks, dashes,
British and American spellings, transliteration variants, line-end hyphens, ellipses and
[bracketed insertions] are not differences. The finding says what differs: a **changed word**,
an **omission without an ellipsis**, or an **insertion without brackets**, and the report shows
the source passage beside the quotation with a word diff. A quotation that matches a passage only
loosely (similarity under `source-match`, at least `translation-match`, sharing several phrases)
is reported at **info** as "a different translation?": translations of the same speech differ
everywhere, and that is not a misquotation.

**Why it matters.** A quotation is a promise that these are the author's words. A changed word
can change the meaning; an unmarked omission hides that something was left out.

**Example.** "If tomorrow we could supply one hundred thousand first-class tractors, provide them
with *petrol*" where *Collected Works* vol. 29 has "*fuel*": a changed word.

**How to fix.** Quote the source's words, mark omissions with an ellipsis and your own words with
[brackets]; or, for another translation, cite the edition you quote.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        for ref, _, m in found_as_cited(ctx):
            if m.kind == "exact":
                continue
            where = f"{locator(m)} ({m.work.path})"
            text = f"“{clip(ref.quotation.text, 70)}”"
            if m.kind == "translation":
                severity = Severity.INFO
                message = (
                    f"{text} matches {where} only loosely ({m.score:.0f}% alike): a different translation? "
                    "Cite the edition quoted"
                )
            else:
                severity = self.severity
                message = f"{text} differs from {where}: {differences(m)}"
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=severity,
                message=message,
                locations=(ctx.quote_location(ref, m.kind),),
                fingerprint=fingerprint(self.name, ref.path, " ".join(ref.words), m.work.key or m.work.path),
                data={"evidence": evidence(ref, m)},
            )
