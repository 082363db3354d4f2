"""Resolve short forms: ibid, op. cit., page-only continuations and short titles.

Like eyecite's "Id." resolution, this is its own stage.  A short form takes
the author, work and volume of the reference it repeats and keeps its own
volume and page where it gives them.  Notes and body text are two streams:
an ibid in a note repeats the previous note's reference, an "(Ibid., p. 148.)"
in the body the previous reference in the body.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from citecheck.extract.citations import FoundCitation
from citecheck.extract.grammar.reference import ParsedRef
from citecheck.extract.names import surname


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a short form resolved to: the index of its antecedent, or why not."""

    antecedent: int | None
    problem: str | None = None


def resolve(citations: list[FoundCitation], in_note: list[bool]) -> tuple[list[ParsedRef], list[Resolution | None]]:
    """Fields after resolution for each citation, and each one's resolution (None: not a short form)."""
    refs = [replace(c.ref) for c in citations]
    res: list[Resolution | None] = [None] * len(citations)
    last: dict[bool, int] = {}
    seen = _Seen()
    for i, c in enumerate(citations):
        if c.kind == "prose":
            continue
        stream = in_note[i]
        ref = refs[i]
        prev = last.get(stream)
        if ref.ibid and not ref.opcit:
            res[i] = _inherit(refs, i, prev, "ibid has no earlier reference to repeat")
        elif ref.opcit:
            res[i] = _opcit(refs, i, prev, seen)
        elif _page_only(ref) and c.kind == "inline":
            res[i] = _inherit(refs, i, prev, "page reference with no earlier reference to continue")
        elif stream and ref.author and ref.work and not (ref.year or ref.place or ref.publisher):
            j = _short_title_antecedent(refs, i, seen)
            if j is not None:
                res[i] = _inherit(refs, i, j, "")
                ref.work = refs[j].work  # the short title stands for the full one
        last[stream] = i
        seen.add(i, refs[i])
    return refs, res


class _Seen:
    """The references resolved so far, indexed so each lookup is not a scan of every earlier note."""

    def __init__(self) -> None:
        self.works: set[tuple[str | None, str | None]] = set()
        #: surname -> earlier references that are not ibid / op. cit. themselves
        self.by_author: dict[str | None, list[int]] = {}
        #: surname -> earlier full references (a work, and a year or place)
        self.full_by_author: dict[str | None, list[int]] = {}

    def add(self, i: int, ref: ParsedRef) -> None:
        if ref.work:
            self.works.add((ref.author, ref.work))
        name = surname(ref.author)
        if not ref.opcit and not ref.ibid:
            self.by_author.setdefault(name, []).append(i)
        if ref.work and (ref.year or ref.place):
            self.full_by_author.setdefault(name, []).append(i)


def _page_only(ref: ParsedRef) -> bool:
    return bool(ref.pages) and not (ref.author or ref.work or ref.volume)


def _inherit(refs: list[ParsedRef], i: int, j: int | None, problem: str) -> Resolution:
    if j is None:
        return Resolution(None, problem)
    ante, ref = refs[j], refs[i]
    if not ref.author or (ante.author and surname(ref.author) == surname(ante.author)):
        ref.author = ante.author  # "Schapiro, op. cit." takes the full "Schapiro, L."
    ref.work = ante.work if (ref.work is None or ante.known_work) and ante.work else ref.work
    ref.known_work = ref.known_work or ante.known_work
    if ref.volume is None:
        ref.volume, ref.volume_raw = ante.volume, ante.volume_raw
        if ref.pages is None:
            ref.pages, ref.pages_raw = ante.pages, ante.pages_raw
    ref.secondhand = ref.secondhand or ante.secondhand
    if ref.material_date is None and ref.volume == ante.volume:
        ref.material_date = ante.material_date
    return Resolution(j)


def _opcit(refs: list[ParsedRef], i: int, prev: int | None, seen: _Seen) -> Resolution:
    ref = refs[i]
    if not ref.author:
        r = _inherit(refs, i, prev, "op. cit. has no earlier reference to repeat")
        if r.antecedent is not None and len(seen.works) > 1:
            return Resolution(
                r.antecedent, "op. cit. without an author is ambiguous: taken to repeat the previous reference"
            )
        return r
    name = surname(ref.author)
    candidates = seen.by_author.get(name, [])
    if not candidates:
        return Resolution(None, f"op. cit.: no earlier work by {name}")
    titles = {(refs[j].work or "").lower() for j in candidates}
    r = _inherit(refs, i, candidates[-1], "")
    if len(titles) > 1:
        listed = " or ".join(sorted(w for w in titles if w))
        return Resolution(r.antecedent, f"op. cit. is ambiguous: {name} is cited for {listed}")
    return r


#: How many of an author's earlier full references a short title is compared with (latest first).
SHORT_TITLE_LOOKBACK = 200


def _short_title_antecedent(refs: list[ParsedRef], i: int, seen: _Seen) -> int | None:
    ref = refs[i]
    title = (ref.work or "").lower()
    for j in reversed(seen.full_by_author.get(surname(ref.author), [])[-SHORT_TITLE_LOOKBACK:]):
        if fuzz.partial_ratio(title, (refs[j].work or "").lower()) >= 90:
            return j
    return None
