"""CC201 reference-variant: one canonical work cited with variant metadata."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext
from citecheck.models import Finding, NormalisedCitation, Severity, Variant


class ReferenceVariant(Rule):
    """CC201 reference-variant: a work cited with variant metadata (spelling, case, place, year)."""

    code = "CC201"
    name = "reference-variant"
    severity = Severity.WARNING
    summary = "A work is cited with variant metadata: spelling, case, place, or a year no edition has."
    explanation = """\
**What it finds.** Citations of one canonical work (matched through references.bib) whose
metadata differs from the entry: the author's name spelt otherwise ("Shapiro" for Schapiro),
a misspelt place ("Harmonsworth", "Harmonds-worth" for Harmondsworth), a title spelt otherwise,
or a year that matches no edition or printing references.bib knows. Title case is reported only
when the corpus itself writes one title in more than one case.

**Why it matters.** Variant metadata makes one book look like several, hides which edition the
page numbers belong to, and reads as carelessness.

**Example.** `L Shapiro, The Communist Party of the Soviet Union, London 1964` against the entry
`Schapiro, L.`.

**How to fix.** Use the canonical form, or add the edition (`printings`) or accepted spelling
(`authorvariants`) to references.bib.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        groups: dict[tuple[str, str, str, str], list[tuple[NormalisedCitation, Variant]]] = defaultdict(list)
        for n in ctx.normalised:
            for v in n.variants:
                groups[(n.work_key, v.field, v.kind, v.written)].append((n, v))
        case_forms: dict[str, set[str]] = defaultdict(set)
        for n in ctx.normalised:
            if n.known and n.citation.work_raw:
                case_forms[n.work_key].add(n.citation.work_raw.strip("*_ "))
        for key in sorted(groups):
            work_key, field, kind, written = key
            items = groups[key]
            if kind == "case" and len(case_forms[work_key]) < 2:
                continue
            v = items[0][1]
            title = items[0][0].title or work_key
            if kind == "unknown-edition":
                message = (
                    f"{title} is cited with the year {written}, "
                    f"which matches no edition references.bib knows ({v.canonical})"
                )
            else:
                message = f"{title} is cited with the {field} “{written}”; the canonical form is “{v.canonical}”"
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=message,
                locations=tuple(ctx.citation_location(n.path, n.citation, written) for n, _ in items),
                fingerprint=fingerprint(self.name, work_key, field, kind, written),
                suggestion=v.canonical if kind != "unknown-edition" else None,
                data={"values": [written, v.canonical]},
            )
