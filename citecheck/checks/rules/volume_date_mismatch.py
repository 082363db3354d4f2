"""CC103 volume-date-mismatch: cited material dated outside the cited volume's range."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from citecheck.bibliography.catalogue import Catalogue
from citecheck.bibliography.dates import interval, overlaps
from citecheck.checks.fingerprint import fingerprint
from citecheck.checks.rules.base import Rule, RuleContext, describe
from citecheck.models import Finding, Location, NormalisedCitation, Severity


class VolumeDateMismatch(Rule):
    """CC103 volume-date-mismatch: The cited material is dated outside the date range of the cited volume."""

    code = "CC103"
    name = "volume-date-mismatch"
    severity = Severity.ERROR
    summary = "The cited material is dated outside the date range of the cited volume."
    explanation = """\
**What it finds.** A citation of a volume whose references.bib entry gives the dates of the
writings it holds (`contentsdate`), for material dated outside that range. The date comes from
the attribution line ("Eighth Congress of the R.C.P.(B.), March 18-23, 1919") or from the prose
around the quotation ("In March 1918, Lenin told the Party Congress", "(from 1920)").

**Why it matters.** The volume cannot contain the passage: the volume number is wrong, or it
refers to another edition (Roman numerals often mean the older 2nd/3rd Russian or 1920s-30s
English editions, numbered differently).

**Example.** The "100,000 first-class tractors" speech of March 1919 cited to *Collected Works*
vol. XXIV, which in the English edition holds April-June 1917; March 1919 is in vol. 29.

**How to fix.** Cite the volume the date points to, or name the edition the number belongs to.
Ranges references.bib marks unconfirmed give a warning rather than an error.
"""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
        seen: set[tuple[str, str]] = set()
        for i, (ref, n) in enumerate(zip(ctx.quotes, ctx.sources, strict=True)):
            if n is None:
                continue
            date = n.citation.material_date or ref.quotation.material_date
            if date and (n.path, n.citation.id) not in seen:
                seen.add((n.path, n.citation.id))
                yield from self._check(ctx, n, date, ctx.location_at(i, n.citation.raw))
        for n in ctx.normalised:
            if n.citation.material_date and (n.path, n.citation.id) not in seen:
                seen.add((n.path, n.citation.id))
                yield from self._check(ctx, n, n.citation.material_date, ctx.citation_location(n.path, n.citation))

    def _check(self, ctx: RuleContext, n: NormalisedCitation, date: str, where: Location) -> Iterable[Finding]:
        if not n.contents_dates or overlaps(date, n.contents_dates) is not False:
            return
        vol = ctx.catalogue.volume(n.work_key, n.citation.volume or "")
        confirmed = vol.confirmed if vol is not None else True
        right = _volumes_for(ctx, n.work_key, date)
        message = f"{describe(n)} holds writings of {n.contents_dates}, but the cited material is dated {date}"
        if right:
            message += f"; that date points to vol. {' or '.join(right)}"
        raw_volume = n.citation.volume_raw or ""
        if raw_volume and not raw_volume.isdigit():
            message += f" (the Roman numeral {raw_volume} may mean an older edition, numbered differently)"
        if not confirmed:
            message += " (the volume's date range is unconfirmed in references.bib)"
        yield Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity if confirmed else Severity.WARNING,
            message=message,
            locations=(where,),
            fingerprint=fingerprint(self.name, n.path, n.key, date, n.citation.raw),
            suggestion=f"vol. {' or '.join(right)}" if right else None,
            data={"values": [n.contents_dates, date]},
        )


def _volumes_for(ctx: RuleContext, work_key: str, date: str) -> list[str]:
    """Volumes whose range holds ``date``: the chronological series first (the narrowest ranges),
    so that letters and supplement volumes spanning decades are named only when nothing else fits."""
    return list(fitting_volumes(ctx.catalogue, work_key, date))


@functools.lru_cache(maxsize=4096)
def fitting_volumes(catalogue: Catalogue, work_key: str, date: str) -> tuple[str, ...]:
    """The volumes of ``work_key`` whose ``contentsdate`` holds ``date``, the narrowest (chronological) ones
    when any fits."""
    fits = [v for v in catalogue.volumes(work_key) if overlaps(date, v.contents_dates)]
    spans = {v.volume: interval(v.contents_dates) for v in fits}

    def years(vol: str) -> int:
        span = spans[vol]
        return span[1][0] - span[0][0] if span else 99

    narrow = [v.volume for v in fits if years(v.volume) <= 2]
    return tuple(narrow or [v.volume for v in fits])
