"""CC102 locator-wording-conflict: one work, volume and page cited for differing wordings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import ClassVar

from rapidfuzz import fuzz

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.match import QuoteRef
from citecheck.checks.rules.base import Rule, RuleContext, clip, describe
from citecheck.models import Finding, Severity

#: Shorter quotations are phrases ("towards socialism"), not wordings of a passage.
MIN_WORDING_WORDS = 4


class LocatorWordingConflict(Rule):
    """CC102 locator-wording-conflict: One work, volume and page is cited for quotations whose wording differs."""

    code = "CC102"
    name = "locator-wording-conflict"
    severity = Severity.WARNING
    summary = "One work, volume and page is cited for quotations whose wording differs."
    explanation = """\
**What it finds.** Two quotations cited to the same work, volume and page that are not the same
quotation (beyond the tolerances of quote-source-conflict) but still resemble each other: two
wordings of one passage. Quotations from one page that share little wording are different
passages and are not flagged (threshold `wording-similarity`, rapidfuzz ratio 0-100).

**Why it matters.** One of the wordings is misquoted, or comes from another translation or
another page.

**Example.** *Collected Works* vol. 32, p. 24 cited both for "a workers' state with a
bureaucratic twist to it" and for "a workers' state with bureaucratic distortions".

**How to fix.** Check the passage and correct the wording, or cite the translation it comes from.
"""
    thresholds: ClassVar[Mapping[str, float]] = {"wording-similarity": 55.0}

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        floor = ctx.settings.threshold("wording-similarity", self.thresholds["wording-similarity"])
        same_cluster = {i: g[0] for g in ctx.clusters for i in g}
        by_locator: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for i, ref in enumerate(ctx.quotes):
            n = ctx.sources[i]
            if n is None or n.citation.secondhand or not n.citation.pages or len(ref.words) < MIN_WORDING_WORDS:
                continue
            by_locator[(n.work_key, n.citation.volume or "", n.citation.pages)].append(i)
        for loc in sorted(by_locator):
            yield from self._conflicts(ctx, by_locator[loc], same_cluster, floor)

    def _conflicts(
        self, ctx: RuleContext, members: list[int], same_cluster: dict[int, int], floor: float
    ) -> Iterable[Finding]:
        """Each member whose wording is like an earlier, different quotation's, against the first such one.

        Wordings repeated at one locator are compared once (``distinct``), so a
        page cited a thousand times costs its number of wordings squared.
        """
        # (words, first member, its quotation group), in order of appearance
        distinct: list[tuple[tuple[str, ...], int, int]] = []
        first_of: dict[tuple[str, ...], int] = {}
        similar: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
        for j in members:
            words_j = ctx.quotes[j].words
            group_j = same_cluster.get(j, j)
            for words_i, i, group_i in distinct:
                if i >= j:
                    break
                if group_i == group_j:
                    continue
                key = (words_i, words_j)
                if key not in similar:
                    similar[key] = fuzz.ratio(" ".join(words_i), " ".join(words_j)) >= floor
                if similar[key]:
                    yield self._finding(ctx, ctx.quotes[i], ctx.quotes[j])
                    break
            if words_j not in first_of:
                first_of[words_j] = j
                distinct.append((words_j, j, group_j))

    def _finding(self, ctx: RuleContext, a: QuoteRef, b: QuoteRef) -> Finding:
        n = ctx.source_of(a)
        assert n is not None
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=(
                f"{describe(n)} is cited for two wordings: “{clip(a.quotation.text, 80)}” "
                f"({a.path}:{a.quotation.line}) and “{clip(b.quotation.text, 80)}” ({b.path}:{b.quotation.line})"
            ),
            locations=(ctx.quote_location(a), ctx.quote_location(b)),
            fingerprint=fingerprint(self.name, n.key, n.citation.pages or "", " ".join(a.words), " ".join(b.words)),
            data={"wordings": [a.quotation.text, b.quotation.text]},
        )
