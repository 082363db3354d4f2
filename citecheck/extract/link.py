"""Link each quotation to the reference that sources it.

A quotation is sourced by the attribution line under it, else by the note
marker or citation right after its closing mark, else by the next one in the
same sentence.  A reference also sources the quotations before it in the
paragraph when nothing else does and they have the same speaker cue ("“…,”
remarked Trotsky. “…” (Trotsky, …)").
"""

from __future__ import annotations

import bisect

import regex

from citecheck.extract.citations import FoundCitation
from citecheck.extract.quotes import FoundQuote
from citecheck.source.view import TextView

_SAME_OR_OWN_BLOCK_RE = regex.compile(r"\w")

_SKIP = regex.compile(r"[\s.,;:!?”’\"»)]*")


def link_quotes(
    view: TextView,
    quotes: list[FoundQuote],
    citations: list[FoundCitation],
    sentence_of: list[tuple[int, int]],
    cue_names: list[str | None],
) -> list[int | None]:
    """For each quotation, the index of its citation (or None).

    ``sentence_of[i]`` is the sentence span of quotation ``i``; ``cue_names``
    its speaker cue (used to carry a citation back over earlier quotations).
    """
    text = view.text
    note_primary = _note_primary(view, citations)
    tokens: list[tuple[int, int]] = []  # (view position, citation index)
    for m in view.markers:
        if m.label in note_primary:
            tokens.append((m.start, note_primary[m.label]))
    for ci, c in enumerate(citations):
        if c.kind in ("inline", "ibid", "quoted-in", "footnote") and c.quote_index is None:
            tokens.append((c.start, ci))
    tokens.sort()
    positions = [p for p, _ in tokens]
    links: list[int | None] = [None] * len(quotes)
    by_quote = {c.quote_index: ci for ci, c in enumerate(citations) if c.quote_index is not None}
    for qi, q in enumerate(quotes):
        if qi in by_quote:
            links[qi] = by_quote[qi]
            continue
        after = _SKIP.match(text, q.close_mark).end()
        k = bisect.bisect_left(positions, q.close_mark)
        if k < len(tokens) and tokens[k][0] <= after + 1 and _same_or_own_block(view, q, tokens[k], citations):
            links[qi] = tokens[k][1]
            continue
        s1 = sentence_of[qi][1]
        if k < len(tokens) and tokens[k][0] < max(s1, q.close_mark) + 1:
            links[qi] = tokens[k][1]
    # carry a citation back over earlier quotations of the same speaker in the paragraph
    for qi in range(len(quotes) - 2, -1, -1):
        nxt = qi + 1
        if links[qi] is not None or links[nxt] is None:
            continue
        q, q2 = quotes[qi], quotes[nxt]
        if q.block != q2.block or q.form == "block" or q2.form == "block":
            continue
        a, b = cue_names[qi], cue_names[nxt]
        if not a or not b or _fold(a) != _fold(b):
            continue
        k = bisect.bisect_left(positions, q.close_mark)
        if k < len(tokens) and tokens[k][0] < q2.open_mark:
            continue  # a reference stands between them: it is the earlier one's, or nobody's
        links[qi] = links[nxt]
    return links


def _same_or_own_block(view: TextView, q: FoundQuote, token: tuple[int, int], citations: list[FoundCitation]) -> bool:
    """The token is in the quotation's block, or is all there is of the next block."""
    pos, ci = token
    last = view.blocks[q.last_block]
    if pos < last.end:
        return True
    nxt = view.block_at(pos)
    if nxt is None:
        return False
    c = citations[ci]
    rest = view.text[nxt.start : c.start] + view.text[c.end : nxt.end] if c.start >= nxt.start else "x"
    return not _SAME_OR_OWN_BLOCK_RE.search(rest)


def _note_primary(view: TextView, citations: list[FoundCitation]) -> dict[str, int]:
    """The reference each note label stands for: the first one in the note that is not prose."""
    out: dict[str, int] = {}
    for ci, c in enumerate(citations):
        if c.note is not None and c.kind != "prose" and c.note not in out:
            out[c.note] = ci
    for ci, c in enumerate(citations):
        if c.note is not None and c.note not in out:
            out[c.note] = ci
    return out


def _fold(name: str) -> str:
    return name.split(" and ")[0].split()[-1].lower()
