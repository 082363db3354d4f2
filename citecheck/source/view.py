"""The plain view of a document: what the extractors read.

Markup is removed and mojibake repaired, but every character of the view knows
the source offset it came from, so what is found in the view maps back to a
``line``, ``column`` and ``raw`` slice of the file as written.  The view is cut
into :class:`Block` s (paragraphs, headings, block quotes, note definitions),
the unit the extractors work in.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

BLOCK_KINDS = ("para", "heading", "quote", "note", "item")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit of the view (offsets into the view text)."""

    kind: str
    start: int
    end: int
    #: The note number (or label) for a note definition.
    note: str | None = None
    #: For a quote block: the attribution written inside it ("- Trotsky, [[...]]"), view offsets.
    attribution: tuple[int, int] | None = None
    #: True when the block is indented like a block quote in plain text.
    indented: bool = False


@dataclass(frozen=True, slots=True)
class Marker:
    """A note marker in the body (``”4``, ``[^4]``, ``<sup>4</sup>``), view offsets."""

    label: str
    start: int
    end: int


@dataclass(slots=True)
class TextView:
    """The text the extractors read, with the way back to the source."""

    source: str
    text: str
    #: ``src[i]`` is the source offset of view character ``i`` (``None``: identical offsets).
    src: list[int] | None = None
    blocks: list[Block] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    #: Wikilinks as (view start, view end, target).
    wikilinks: list[tuple[int, int, str]] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list)
    _block_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._line_starts = line_starts(self.source)

    def to_source(self, i: int) -> int:
        """The source offset of view offset ``i`` (end offsets map one past the last char)."""
        if self.src is None:
            return i
        if i >= len(self.text):
            return len(self.source) if not self.text else self.src[len(self.text) - 1] + 1
        return self.src[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view span ``[start, end)``."""
        if self.src is None:
            return start, end
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.src[start], self.src[end - 1] + 1

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        idx = bisect.bisect_right(self._line_starts, source_offset) - 1
        return idx + 1, source_offset - self._line_starts[idx] + 1

    def raw(self, start: int, end: int) -> str:
        """The source text behind the view span ``[start, end)``, exactly as written."""
        s, e = self.source_span(start, end)
        return self.source[s:e]

    def block_at(self, offset: int) -> Block | None:
        """The block holding view offset ``offset``."""
        if len(self._block_starts) != len(self.blocks):
            self._block_starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None


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


def split_paragraphs(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the runs of non-blank lines in ``text[lo:hi]``, trimmed of outer blanks."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    last_end = lo
    for a, b in iter_lines(text, lo, hi):
        line = text[a:b]
        stripped = line.strip()
        if stripped:
            if start is None:
                start = a + (len(line) - len(line.lstrip()))
            last_end = a + len(line.rstrip())
        elif start is not None:
            out.append((start, last_end))
            start = None
    if start is not None:
        out.append((start, last_end))
    return out
