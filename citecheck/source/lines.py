"""Lines of a text, whatever its line ends: the one place CRLF, CR and LF are told apart."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from itertools import accumulate, repeat

_EOL = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (CRLF, CR and LF all end a line)."""
    if "\r" in text:
        return [0] + [m.end() for m in _EOL.finditer(text)]
    # LF only (the usual case): the lengths of the split lines, summed in C, not a match per line
    starts = list(accumulate(map(operator.add, map(len, text.split("\n")), repeat(1)), initial=0))
    starts.pop()
    return starts


def iter_lines(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each line in ``text[lo:hi]`` without its line end (CR, LF or CRLF)."""
    hi = len(text) if hi is None else hi
    if 0 <= lo < hi <= len(text) and text.find("\r", lo, hi) < 0:
        lens = list(map(len, text[lo:hi].split("\n")))
        if not lens[-1]:
            lens.pop()  # the text ends with a line end: no empty line after it
        starts = list(accumulate(map(operator.add, lens, repeat(1)), initial=lo))
        return list(zip(starts, map(operator.add, starts, lens), strict=False))
    return _iter_lines_re(text, lo, hi)


def line_texts(text: str, lo: int = 0, hi: int | None = None) -> Iterable[tuple[int, str]]:
    """``(start, line)`` of each line in ``text[lo:hi]``, as :func:`iter_lines` (one slice, not one per line)."""
    hi = len(text) if hi is None else hi
    if 0 <= lo < hi <= len(text) and text.find("\r", lo, hi) < 0:
        lines = text[lo:hi].split("\n")
        if not lines[-1]:
            lines.pop()
        return zip(accumulate(map(operator.add, map(len, lines), repeat(1)), initial=lo), lines, strict=False)
    return [(a, text[a:b]) for a, b in _iter_lines_re(text, lo, hi)]


def _iter_lines_re(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    pos = lo
    for m in _EOL.finditer(text, lo, hi):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < hi:
        out.append((pos, hi))
    return out
