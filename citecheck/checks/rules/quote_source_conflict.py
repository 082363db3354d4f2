"""CC101 quote-source-conflict: one quotation cited to different works, volumes or pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.match import QuoteRef
from citecheck.checks.rules.base import Rule, RuleContext, clip, describe, listing
from citecheck.checks.rules.evidence import RANK as _RANK
from citecheck.checks.rules.evidence import agrees, evidence, in_work
from citecheck.checks.rules.evidence import locator as found_at
from citecheck.checks.rules.pages import pages_agree
from citecheck.models import Finding, NormalisedCitation, Severity


def sources_agree(a: NormalisedCitation, b: NormalisedCitation) -> bool:
    """Whether two citations can source the same passage: same work, volume and overlapping pages."""
    if a.work_key != b.work_key:
        return False
    va, vb = a.citation.volume, b.citation.volume
    if va and vb and va != vb:
        return False
    return pages_agree(a.citation.pages, b.citation.pages)


class QuoteSourceConflict(Rule):
    """CC101 quote-source-conflict: The same quotation is cited to different works, volumes or pages."""

    code = "CC101"
    name = "quote-source-conflict"
    severity = Severity.ERROR
    summary = "The same quotation is cited to different works, volumes or pages."
    explanation = """\
**What it finds.** A quotation that appears more than once in the corpus (in one document or
several) and is sourced to different works, different volumes of one work, or pages that cannot
hold the same passage. "The same quotation" tolerates ellipses, [bracketed insertions], quotation
marks and dashes, spelling variants (Ilyich / Ilych), a shorter excerpt of a longer quotation and
small translation differences (thresholds `quote-match`, `excerpt-match`).

**Why it matters.** At most one of the sources can be right; a reader who follows the other finds
nothing.

**Example.** "the complete victory of socialism in one country is inconceivable" cited to
*Collected Works* vol. 27, p. 98 in one essay and vol. 26, p. 470 in another.

**How to fix.** Check the passage in the edition and correct the wrong reference. Second-hand
citations ("Quoted in Carr …") are not compared with first-hand ones. When primary texts are
configured (`[tool.citecheck] sources`) and hold the passage, the finding says where it is and
which of the citations that supports (`wrong-locator` reports each wrong one).
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        for group in ctx.clusters:
            sourced = []
            at = []  # the index of each of sourced
            for i in group:
                n = ctx.sources[i]
                if n is not None and not n.citation.secondhand:
                    sourced.append((ctx.quotes[i], n))
                    at.append(i)
            if len(sourced) < 2:
                continue
            # compare each distinct (work, volume, pages) once: a quotation cited a thousand times
            # to a handful of places is a handful of comparisons
            distinct_sources = list({(n.work_key, n.citation.volume, n.citation.pages): n for _, n in sourced}.values())
            if all(sources_agree(a, b) for a in distinct_sources for b in distinct_sources):
                continue
            labelled = [(r, describe(n)) for r, n in sourced]
            distinct = sorted({said for _, said in labelled})
            where = listing(labelled, lambda rs: f"{rs[1]} ({rs[0].path}:{rs[0].quotation.line})")
            first = sourced[0][0]
            message = f"“{clip(first.quotation.text, 70)}” is cited to {len(distinct)} different sources: {where}"
            data: dict[str, Any] = {"values": distinct, "wordings": [r.quotation.text for r, _ in sourced]}
            settled = _settled(ctx, sourced) if ctx.primary is not None else None
            if settled is not None:
                message += settled[0]
                data["evidence"] = settled[1]
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=message,
                locations=tuple([ctx.location_at(i, said) for i, (_, said) in zip(at, labelled, strict=True)]),
                fingerprint=fingerprint(self.name, " ".join(first.words), *distinct),
                data=data,
            )


def _settled(ctx: RuleContext, sourced: list[tuple[QuoteRef, NormalisedCitation]]) -> tuple[str, dict[str, Any]] | None:
    """What the primary texts say about the disagreement: where the passage is, and which citations that supports."""
    found = [(ref, m) for ref, n in sourced for m in in_work(ctx, ref, n)[:1]]
    if not found:
        return None
    ref, m = min(found, key=lambda rm: (_RANK[rm[1].kind], -rm[1].score, rm[1].work.path))
    supports = sorted({describe(n) for _, n in sourced if agrees(n, m)})
    where = f"{found_at(m)} ({m.work.path})"
    if supports:
        verdict = f"; the sources settle it: the passage is in {where}, as {' and '.join(supports)} says"
    else:
        verdict = f"; the sources settle it: the passage is in {where}, which none of these citations gives"
    return verdict, evidence(ref, m)
