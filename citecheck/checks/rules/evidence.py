"""What the primary texts say about a cited quotation: the rules of the CC4xx block share these."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citecheck.checks.match import QuoteRef
from citecheck.checks.rules.base import RuleContext
from citecheck.checks.rules.pages import page_spans, pages_agree
from citecheck.models import NormalisedCitation, SourceMatch, SourceWork

#: Better matches first: the source's own words, then a misquotation of them, then another translation.
RANK = {"exact": 0, "misquotation": 1, "translation": 2}


def in_work(ctx: RuleContext, ref: QuoteRef, n: NormalisedCitation) -> list[SourceMatch]:
    """The quotation's matches in texts of the cited work, those the citation agrees with first."""
    verdict = ctx.verdicts.get(ref.key)
    if verdict is None:
        return []
    same = [m for m in verdict.matches if m.work.work_key == n.work_key]
    return sorted(same, key=lambda m: (not agrees(n, m), RANK[m.kind], -m.score, m.work.path))


def found_as_cited(ctx: RuleContext) -> Iterator[tuple[QuoteRef, NormalisedCitation, SourceMatch]]:
    """Each sourced quotation found in a text of the work it cites, with its best match there (see :func:`in_work`)."""
    if ctx.primary is None:
        return
    for ref, n in zip(ctx.quotes, ctx.sources, strict=True):
        if n is not None and ref.key in ctx.verdicts:
            matches = in_work(ctx, ref, n)
            if matches:
                yield ref, n, matches[0]


def agrees(n: NormalisedCitation, m: SourceMatch) -> bool:
    """Whether a citation's volume and pages can point at the passage found."""
    cited, found = n.citation.volume, m.work.volume
    if cited and found and cited != found:
        return False
    return pages_agree(n.citation.pages, m.pages)


def locator(m: SourceMatch) -> str:
    """Where a passage is, in words: "vol. 29, pp. 141-225" (the exact page when markers give it)."""
    bits = [f"vol. {m.work.volume}"] if m.work.volume else []
    if m.pages:
        single = "-" not in m.pages
        if m.exact_page:
            bits.append(f"p. {m.pages}" if single else f"pp. {m.pages}")
        else:
            bits.append(f"in pp. {m.pages}" if not single else f"p. {m.pages}")
    return ", ".join(bits) or "no volume or page given"


def cite_as(ctx: RuleContext, work: SourceWork, m: SourceMatch | None = None) -> str:
    """A citation of a source text: "Lenin, V. I., Collected Works, vol. 29, pp. 141-225"."""
    known = ctx.catalogue.work(work.work_key) if work.work_key else None
    parts = [p for p in (work.author, known.title if known else work.title) if p]
    if work.volume:
        parts.append(f"vol. {work.volume}")
    pages = m.pages if m is not None else work.pages
    if pages:
        parts.append(f"p. {pages}" if "-" not in pages else f"pp. {pages}")
    return ", ".join(parts) or work.path


def evidence(ref: QuoteRef, m: SourceMatch) -> dict[str, Any]:
    """What a report shows beside the quotation: the source passage, where it is, and the word diff steps."""
    return {
        "source": m.work.path,
        "locator": locator(m),
        "passage": m.passage,
        "quotation": ref.quotation.text,
        "kind": m.kind,
        "score": round(m.score, 1),
        "steps": [(op.kind, op.quoted, op.source) for op in m.ops if op.kind != "same"],
    }


def differences(m: SourceMatch) -> str:
    """The word differences in words: "a changed word ('fuel' for 'petrol'); words left out without an ellipsis …"."""
    said = []
    changed = [op for op in m.ops if op.kind == "changed"]
    omitted = [op for op in m.ops if op.kind == "omitted"]
    inserted = [op for op in m.ops if op.kind == "inserted"]
    if changed:
        shown = "; ".join(f"“{op.quoted}” for “{op.source}”" for op in changed[:3])
        said.append(f"{'a changed word' if len(changed) == 1 else f'{len(changed)} changed words'} ({shown})")
    if omitted:
        shown = "; ".join(f"“{op.source}”" for op in omitted[:3])
        said.append(f"an omission without an ellipsis ({shown})")
    if inserted:
        shown = "; ".join(f"“{op.quoted}”" for op in inserted[:3])
        said.append(f"an insertion without brackets ({shown})")
    return "; ".join(said)


def pages_within(cited: str | None, available: list[str | None]) -> bool:
    """Whether every page of ``cited`` lies in one of the ``available`` page ranges."""
    spans = [s for a in available for s in page_spans(a)]
    wanted = page_spans(cited)
    return bool(wanted) and all(any(lo <= a and b <= hi for lo, hi in spans) for a, b in wanted)
