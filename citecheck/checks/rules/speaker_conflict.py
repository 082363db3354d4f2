"""CC104 speaker-conflict: one quotation attributed to different people."""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, clip, listing
from citecheck.extract.names import default_people
from citecheck.models import Finding, Severity

#: Speaker evidence strong enough to compare: a cue in the prose, an attribution or a citation.
_FIRM = frozenset({"cue", "attribution", "citation"})


class SpeakerConflict(Rule):
    """CC104 speaker-conflict: The same quotation is attributed to different people."""

    code = "CC104"
    name = "speaker-conflict"
    severity = Severity.ERROR
    summary = "The same quotation is attributed to different people."
    explanation = """\
**What it finds.** A quotation that appears more than once (same tolerances as
quote-source-conflict) with different speakers, where each speaker is named by the text itself
(a cue such as "wrote Lenin", an attribution line, or the author of a first-hand citation).
Speakers guessed from context are not compared.

**Why it matters.** Misattributed quotations spread: one of the texts puts words in the wrong mouth.

**Example.** "Trust is good, control is better" given to Lenin in one essay and to Stalin in another.

**How to fix.** Find who said it and correct the attribution.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        people = default_people()
        for group in ctx.clusters:
            named = []
            at = []  # the index of each of named
            for i in group:
                ref = ctx.quotes[i]
                q = ref.quotation
                if q.speaker and q.speaker_basis in _FIRM:
                    named.append((ref, people.lookup(q.speaker) or q.speaker))
                    at.append(i)
            speakers = sorted({s for _, s in named})
            if len(speakers) < 2:
                continue
            first = named[0][0]
            where = listing(named, lambda rs: f"{rs[1]} ({rs[0].path}:{rs[0].quotation.line})")
            yield Finding(
                code=self.code,
                rule=self.name,
                severity=self.severity,
                message=f"“{clip(first.quotation.text, 70)}” is attributed to {' and to '.join(speakers)}: {where}",
                locations=tuple([ctx.location_at(i, s) for i, (_, s) in zip(at, named, strict=True)]),
                fingerprint=fingerprint(self.name, " ".join(first.words), *speakers),
                data={"values": speakers},
            )
