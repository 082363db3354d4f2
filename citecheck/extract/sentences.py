"""Sentence boundaries that know about quotations and citation abbreviations.

A period inside a quotation does not end the sentence around it, and "Vol.",
"p.", "pp.", "ed.", "ibid.", "i.e." and initials ("E. H. Carr") end none.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

ABBREVIATIONS = frozenset(
    """vol vols p pp no nos ed eds trans tr cf ibid id op cit loc ie eg i.e e.g viz etc al ch chap
    sec fig st mr mrs ms dr prof gen col lt capt sgt rev hon jr sr vs jan feb mar apr jun jul aug sep sept
    oct nov dec ff pt bk n nn esp repr rpt comp cp""".split()
)

_BOUNDARY = regex.compile(r"[.!?…]+[”’\"')\]]*\d{0,3}(?=\s+[“\"‘'(\[*_]?[\p{Lu}\d])|[.!?…]+[”’\"')\]]*\d{0,3}$")


def sentence_spans(text: str, start: int, end: int, opaque: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as ``(start, end)`` offsets.

    ``opaque`` spans (quotations, sorted) are never cut: a boundary inside one
    is ignored.
    """
    spans: list[tuple[int, int]] = []
    opaque_starts = [a for a, _ in opaque]
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if _inside(cut - 1, opaque, opaque_starts) and not _ends_quote(text, m, opaque, opaque_starts):
            continue
        if _is_abbreviation(text, m.start(), start):
            continue
        if cut > cur:
            spans.append((cur, cut))
        cur = cut
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end and text[cur:end].strip():
        spans.append((cur, end))
    return spans


def _inside(pos: int, opaque: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and opaque[i][0] <= pos < opaque[i][1]


def _ends_quote(text: str, m: regex.Match[str], opaque: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    """A boundary whose punctuation closes a quotation (``…it.”3 Hence``) does end a sentence."""
    i = bisect.bisect_right(starts, m.start()) - 1
    return i >= 0 and opaque[i][1] <= m.end() + 1 and opaque[i][1] >= m.start()


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    if text[dot] != ".":
        return False
    # the run of letters and dots before the dot, within 12 characters
    lo = max(floor, dot - 12)
    start = dot
    while start > lo and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    if start == dot:
        return False
    word = text[start:dot].lower().strip(".")
    if word in ABBREVIATIONS:
        return True
    # initials: "E. H. Carr", "V.I. Lenin"
    initials = all(len(part) == 1 and part.isalpha() for part in word.split("."))
    return initials and (start == floor or not text[start - 1].isalpha())
