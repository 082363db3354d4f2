"""Lines of a text, whatever its line ends: the one place CRLF, CR and LF are told apart."""

from __future__ import annotations

import re

_EOL = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (CRLF, CR and LF all end a line)."""
    return [0] + [m.end() for m in _EOL.finditer(text)]


def iter_lines(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each line in ``text[lo:hi]`` without its line end (CR, LF or CRLF)."""
    hi = len(text) if hi is None else hi
    out = []
    pos = lo
    for m in _EOL.finditer(text, lo, hi):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < hi:
        out.append((pos, hi))
    return out
