"""CC105 unsourced-quote: a quotation with no reference (worse when sourced elsewhere)."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.match import QuoteRef
from citecheck.checks.rules.base import Rule, RuleContext, clip, describe
from citecheck.extract.scare import MIN_WORDS, word_count
from citecheck.models import Finding, NormalisedCitation, Severity


class UnsourcedQuote(Rule):
    """CC105 unsourced-quote: A quotation has no reference; a warning when the corpus sources it elsewhere."""

    code = "CC105"
    name = "unsourced-quote"
    severity = Severity.INFO
    summary = "A quotation has no reference; a warning when the corpus sources it elsewhere."
    explanation = """\
**What it finds.** A quotation that no note, parenthetical or attribution line sources. When the
same quotation is sourced elsewhere in the corpus, the finding is a warning and names that source.

**Why it matters.** Readers cannot check an unsourced quotation; when the corpus already knows
the source, adding it costs nothing.

**Example.** Krupskaya's "If Ilyich were alive…" sourced to Deutscher, *The Prophet Unarmed*,
p. 90 in one essay and unsourced in another.

**How to fix.** Add the reference (the suggestion names one the corpus uses).
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        # a sourced quotation, or a phrase ("today") rather than a passage, is not this rule's concern
        counted: dict[str, int] = {}  # a wording repeated unsourced is counted once

        def long_enough(text: str) -> bool:
            n = counted.get(text)
            if n is None:
                n = counted[text] = word_count(text)
            return n >= MIN_WORDS

        unsourced = [
            i for i, ref in enumerate(ctx.quotes) if ref.quotation.citation is None and long_enough(ref.quotation.text)
        ]
        group_of = {i: gi for gi, group in enumerate(ctx.clusters) for i in group} if unsourced else {}
        # per group that needs it, once: the members that have a source, and the documents they are in
        sourced: dict[int, tuple[list[tuple[QuoteRef, NormalisedCitation]], set[str]]] = {}
        for i in unsourced:
            ref = ctx.quotes[i]
            gi = group_of.get(i)
            if gi is not None and gi not in sourced:
                group = ctx.clusters[gi]
                pairs = [(ctx.quotes[j], n) for j in group if (n := ctx.sources[j]) is not None]
                sourced[gi] = (pairs, {q.path for q, _ in pairs})
            sources, paths = sourced[gi] if gi is not None else ([], set())
            if ref.path in paths:
                continue  # the document sources it where it first quotes it: a repetition
            text = f"“{clip(ref.quotation.text, 80)}”"
            who = f" ({ref.quotation.speaker})" if ref.quotation.speaker else ""
            if sources:
                other, n = sources[0]
                yield Finding(
                    code=self.code,
                    rule=self.name,
                    severity=Severity.WARNING,
                    message=(
                        f"{text}{who} has no reference here, but {other.path}:{other.quotation.line} "
                        f"cites it to {describe(n)}"
                    ),
                    locations=(ctx.quote_location(ref), ctx.quote_location(other, describe(n))),
                    fingerprint=fingerprint(self.name, ref.path, " ".join(ref.words)),
                    suggestion=describe(n),
                )
            else:
                yield Finding(
                    code=self.code,
                    rule=self.name,
                    severity=self.severity,
                    message=f"{text}{who} has no reference",
                    locations=(ctx.quote_location(ref),),
                    fingerprint=fingerprint(self.name, ref.path, " ".join(ref.words)),
                )
