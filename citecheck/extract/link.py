"""Link each quotation to the reference that sources it.

In order of strength: the attribution line under a block quotation (or a reference ending the
block; for a quotation of several paragraphs each ending in a marker, the first); a note marker
or a bracketed or parenthetical reference right after the closing mark (punctuation between
allowed: ``”.(LCW, Vol. 33, p. 212.)``, ``,”[^4]``); the next reference or note marker in the
quotation's sentence; an author–date citation or a locator after a name just before
it in its sentence (``As Carr (1952: 58) put it, “…”``, ``Figes argues [p. 110] that “…”``).
Afterwards (:func:`chain`), a reference also sources the quotations before it in its paragraph
that have the same speaker with no other reference between.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from citecheck.models import QuoteSpan, Reference, TextView

#: How far after a closing mark a reference or marker still belongs to the quotation (characters).
NEAR = 6
#: A sentence ending between a closing mark and what follows it.
_SENTENCE_BREAK = regex.compile(r"[.!?]")
#: How far before a quotation an author–date citation naming its speaker may stand (characters).
_BEFORE = 120


class Linker:
    """Where references and note markers are, for finding the one after a quotation."""

    def __init__(self, view: TextView, refs: Sequence[Reference], quote_starts: Sequence[int] = ()) -> None:
        """Index the sources of ``refs`` and the note markers of ``view``; ``quote_starts`` are the
        sorted opening marks of the document's quotations."""
        self.view = view
        self.refs = refs
        self.quote_starts = list(quote_starts)
        first_in_note: dict[str, int] = {}
        for i, r in enumerate(refs):
            lab = r.candidate.note
            if r.stream == "note" and lab is not None:
                first_in_note.setdefault(lab, i)
        # body sources in document order: (position, ref index); markers point to their note's first ref
        sources: list[tuple[int, int, int]] = []  # (start, end, ref)
        for i, r in enumerate(refs):
            # references in the running text, and those in parentheses inside a note's commentary
            if r.stream == "body" or r.candidate.kind.startswith("note-"):
                sources.append((r.candidate.outer_start, r.candidate.outer_end, i))
        for m in view.marks:
            if m.kind == "noteref" and m.data is not None and m.data in first_in_note:
                sources.append((m.start, m.end, first_in_note[m.data]))
        sources.sort()
        self.sources = sources
        self.starts = [s for s, _, _ in sources]
        self.prose = sorted((r.candidate.outer_start, i) for i, r in enumerate(refs) if r.kind == "prose")
        self.attribution_by_block: dict[int, int] = {}
        for i, r in enumerate(refs):
            if r.kind == "attribution":
                self.attribution_by_block.setdefault(r.candidate.block, i)

    def _opens_next_sentence(self, source: tuple[int, int, int], close_mark: int) -> bool:
        """Whether ``source`` is a work the prose names to open the sentence after the quotation's
        ("“…”. Trotsky, in *The Revolution Betrayed*, …"): it sources what follows, not the quotation."""
        return (
            self.refs[source[2]].kind == "prose"
            and _SENTENCE_BREAK.search(self.view.text, close_mark, source[0]) is not None
        )

    def next_source(self, pos: int, limit: int) -> tuple[int, int, int] | None:
        """The first source starting in ``[pos, limit)``."""
        k = bisect.bisect_left(self.starts, pos)
        if k < len(self.sources) and self.sources[k][0] < limit:
            return self.sources[k]
        return None

    def prose_before(self, lo: int, hi: int) -> int | None:
        """The last prose reference starting in ``[lo, hi)`` ("Marx wrote in *Capital*: “…”")."""
        k = bisect.bisect_left(self.prose, (hi, -1)) - 1
        if k >= 0 and self.prose[k][0] >= lo:
            return self.prose[k][1]
        return None

    def link(self, q: QuoteSpan, sentence_end: int, sentence_start: int = -1) -> int | None:
        """The reference sourcing quotation ``q`` (None when nothing does)."""
        text = self.view.text
        if q.form == "block":
            att = self.attribution_by_block.get(q.last_block + 1)
            if att is None:
                att = self.attribution_by_block.get(q.last_block)
            if att is None and q.block > 0 and self.view.blocks[q.block - 1].kind == "caption":
                att = self.attribution_by_block.get(q.block - 1)  # the title of a callout: its source
            if att is not None:
                return att
            last = self.view.blocks[q.last_block]
            if q.last_block > q.block:
                # a quotation of several paragraphs, each ending in its marker: the first sources it
                for k in range(q.block, q.last_block):
                    b = self.view.blocks[k]
                    first = self.next_source(max(q.start, b.end - 400), b.end + 1)
                    while first is not None and text[first[1] : b.end].strip(' .,;:)]”’"\n\t') != "":
                        first = self.next_source(first[0] + 1, b.end + 1)
                    if first is not None:
                        return first[2]
            near = self.next_source(max(q.start, last.end - 400), last.end + 1)
            while near is not None and text[near[1] : last.end].strip(' .,;:)]”’"\n\t') != "":
                near = self.next_source(near[0] + 1, last.end + 1)
            if near is not None:
                return near[2]
            if q.block > 0:
                # the introduction names the work: "As Victor Serge wrote in his book *Year One*:"
                intro = self.view.blocks[q.block - 1]
                named = self.prose_before(intro.start, intro.end + 1)
                if named is not None:
                    return named
            nxt = q.last_block + 1
            if nxt < len(self.view.blocks):
                b = self.view.blocks[nxt]
                hit = self.next_source(b.start, b.start + 2)
                # a block of its own under the quotation: the reference, set like the quotation
                # (marxists.org's <p class="quoteb">(Collected Works, Vol. 25, p. 441)</p>) or not
                if hit is not None and (b.kind != "quote" or hit[1] >= b.end - 1):
                    return hit[2]
            return None
        after = self.next_source(q.close_mark, q.close_mark + NEAR + 1)
        # punctuation and a line break between: a hard-wrapped reference on the next line (not a work
        # the prose names to open the next sentence: "“…”. Trotsky, in *Betrayed*, …")
        if (
            after is not None
            and text[q.close_mark : after[0]].strip(' .,;:!?—–-”’"\n\t') == ""
            and not self._opens_next_sentence(after, q.close_mark)
        ):
            return after[2]
        later = self.next_source(q.close_mark, sentence_end + 3)
        if later is not None and not self._opens_next_sentence(later, q.close_mark):
            return later[2]
        before = self._author_date_before(q, sentence_start)
        if before is not None:
            return before
        # a work the prose names just before ("Marx wrote in *Capital*. “Therefore, save …”")
        block = self.view.blocks[q.block]
        named = self.prose_before(max(block.start, min(sentence_start, q.open_mark - 250)), q.open_mark)
        if named is not None:
            return named
        # one note for a paragraph: the marker closing the paragraph sources its last quotation
        block = self.view.blocks[q.last_block]
        closing = self.next_source(q.close_mark, block.end + 1)
        if (
            closing is not None
            and self.view.text[closing[1] : block.end].strip(' .,;:)]”’"\n\t') == ""
            and not self._quote_between(q.close_mark, closing[0])
        ):
            return closing[2]
        return None

    def _author_date_before(self, q: QuoteSpan, sentence_start: int) -> int | None:
        """``As Carr (1952: 58) put it, “…”``, ``Figes argues [p. 110] that “…”``: an author–date
        citation, or a locator right after a name, earlier in the sentence and close before the
        quotation, with no other quotation between, sources it."""
        k = bisect.bisect_left(self.starts, q.open_mark) - 1
        if k < 0:
            return None
        start, end, i = self.sources[k]
        r = self.refs[i]
        if start < max(sentence_start, q.open_mark - _BEFORE) or r.stream != "body":
            return None
        if r.parsed.year is None and r.named_before is None:
            return None  # neither "(1952: 58)" nor a locator right after a name ("Figes argues [p. 110]")
        if r.parsed.work is not None or self._quote_between(end, q.open_mark):
            return None
        return i

    def _quote_between(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.quote_starts, a)
        return k < len(self.quote_starts) and self.quote_starts[k] < b


def chain(
    quotes: Sequence[QuoteSpan], links: list[int | None], speakers: Sequence[str | None], refs: Sequence[Reference]
) -> list[int | None]:
    """A reference also sources the earlier quotations of its paragraph with the same speaker.

    Walking back from a sourced quotation, each unsourced one of the same paragraph and speaker
    takes its reference (two quotations whose speaker is unknown count as the same speaker); a
    quotation of another speaker, or one sourced otherwise, ends the run.
    """
    out = list(links)
    carry: tuple[int, str | None, int] | None = None  # (reference, speaker or None if unknown, block)
    for i in range(len(quotes) - 1, -1, -1):
        q = quotes[i]
        if q.form != "inline" or q.nested:
            continue
        if carry is not None and carry[2] != q.block:
            carry = None
        if out[i] is not None:
            who = speakers[i]
            carry = (out[i] or 0, who, q.block)
            continue
        if carry is None or speakers[i] != carry[1]:
            carry = None
            continue
        ref = refs[carry[0]]
        if ref.stream == "body" and ref.candidate.outer_start < q.close_mark:
            continue
        out[i] = carry[0]
    return out
