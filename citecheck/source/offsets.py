"""The map from view offsets back to source offsets, and the assembler that builds both.

A view is assembled piece by piece: a piece is either source text kept one character for one
character (possibly blanked or with whitespace changed: an *identity* run) or text that replaces a
whole source span (an entity, an escape, a tag turned into a line break: a *replacement* run).
The map stores runs, not one number per character, so it costs memory in proportion to the markup,
not to the text; a lookup is a binary search.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from typing import overload

import regex

from citecheck.models import Block, Repair
from citecheck.source.lines import line_starts
from citecheck.source.repair import REPAIR_START_CHARS, repair_line

_NO_END = -1
_NOT_LF = regex.compile(r"[^\n]")


class OffsetMap(Sequence[int]):
    """``map[i]``: the source offset where view character ``i`` comes from.

    :meth:`end` is where its source ends (exclusive): one past it for a kept character, the end of
    the entity, escape or tag for a replacement. Both are non-decreasing in ``i``.
    """

    __slots__ = ("_e", "_n", "_s", "_v")

    def __init__(self, v: array[int], s: array[int], e: array[int], n: int) -> None:
        self._v, self._s, self._e, self._n = v, s, e, n

    def __len__(self) -> int:
        return self._n

    def _run(self, i: int) -> int:
        if not 0 <= i < self._n:
            raise IndexError(i)
        return bisect.bisect_right(self._v, i) - 1

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        k = self._run(i)
        return self._s[k] + (i - self._v[k]) if self._e[k] == _NO_END else self._s[k]

    def __iter__(self) -> Iterator[int]:
        for k in range(len(self._v)):
            hi = self._v[k + 1] if k + 1 < len(self._v) else self._n
            if self._e[k] == _NO_END:
                yield from range(self._s[k], self._s[k] + hi - self._v[k])
            else:
                yield from (self._s[k] for _ in range(hi - self._v[k]))

    def end(self, i: int) -> int:
        """The source end (exclusive) of view character ``i``."""
        k = self._run(i)
        return self._s[k] + (i - self._v[k]) + 1 if self._e[k] == _NO_END else self._e[k]

    @property
    def ends(self) -> Sequence[int]:
        """:meth:`end` of every view character, as a sequence."""
        return _Ends(self)

    def to_view(self, source_offset: int) -> int:
        """The first view offset whose character comes from ``source_offset`` or later."""
        k = bisect.bisect_left(self._s, source_offset)
        # the run before may still reach it (identity runs cover a range)
        if k > 0:
            j = k - 1
            hi = self._v[j + 1] if j + 1 < len(self._v) else self._n
            if self._e[j] == _NO_END and self._s[j] + (hi - self._v[j]) > source_offset:
                return self._v[j] + max(0, source_offset - self._s[j])
        return self._v[k] if k < len(self._v) else self._n

    def runs(self) -> Iterator[tuple[int, int, int, int]]:
        """``(view start, view end, source start, source end or -1 for kept text)`` of each run."""
        for k in range(len(self._v)):
            hi = self._v[k + 1] if k + 1 < len(self._v) else self._n
            yield self._v[k], hi, self._s[k], self._e[k]


class _Ends(Sequence[int]):
    __slots__ = ("_m",)

    def __init__(self, m: OffsetMap) -> None:
        self._m = m

    def __len__(self) -> int:
        return len(self._m)

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self._m.end(k) for k in range(*i.indices(len(self._m)))]
        return self._m.end(i + len(self._m) if i < 0 else i)


class Assembler:
    """Builds view text and its :class:`OffsetMap` from pieces given in source order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._v: array[int] = array("q")
        self._s: array[int] = array("q")
        self._e: array[int] = array("q")
        self.n = 0  # view length so far
        self.src_end = 0  # source offset just after the last piece

    def keep(self, s: int, text: str) -> None:
        """``text`` stands for ``source[s : s + len(text)]`` character for character."""
        if not text:
            return
        v = self._v
        if v and self._e[-1] == _NO_END and self._s[-1] + (self.n - v[-1]) == s:
            pass  # continues the last kept run
        else:
            v.append(self.n)
            self._s.append(s)
            self._e.append(_NO_END)
        self.parts.append(text)
        self.n += len(text)
        self.src_end = s + len(text)

    def put(self, s: int, e: int, text: str) -> None:
        """``text`` replaces the source span ``[s, e)`` as a whole (``e > s``)."""
        if not text:
            return
        self._v.append(self.n)
        self._s.append(s)
        self._e.append(max(e, s + 1))
        self.parts.append(text)
        self.n += len(text)
        self.src_end = max(e, s + 1)

    def copy_runs(self, other: OffsetMap, text: str, lo: int, hi: int, shown: str | None = None) -> None:
        """Append ``text[lo:hi]``, a slice of another view, with that view's map for it.

        ``shown``: what to put in the view instead (same length: whitespace made spaces).
        """
        k = max(0, bisect.bisect_right(other._v, lo) - 1)
        pos = lo
        while pos < hi:
            run_hi = other._v[k + 1] if k + 1 < len(other._v) else other._n
            stop = min(hi, run_hi)
            piece = text[pos:stop] if shown is None else shown[pos - lo : stop - lo]
            if other._e[k] == _NO_END:
                self.keep(other._s[k] + pos - other._v[k], piece)
            else:
                self.put(other._s[k], other._e[k], piece)
            pos = stop
            k += 1

    def text(self) -> str:
        """The view text so far (joined once; cache the result)."""
        return "".join(self.parts)

    def offset_map(self, source_len: int) -> OffsetMap | None:
        """The map, or None when every view offset equals its source offset."""
        if not self._v or (len(self._v) == 1 and self._e[0] == _NO_END and self._s[0] == 0 and self.n == source_len):
            return None
        return OffsetMap(self._v, self._s, self._e, self.n)


def identity_map(n: int) -> OffsetMap:
    """The map of a view equal in offsets to its source."""
    return OffsetMap(array("q", [0]), array("q", [0]), array("q", [_NO_END]), n)


def compose(outer: OffsetMap | None, inner: OffsetMap | None, n: int) -> OffsetMap | None:
    """A map view -> source from ``outer`` (view -> middle) and ``inner`` (middle -> source)."""
    if outer is None:
        return inner
    if inner is None:
        return outer
    v: array[int] = array("q")
    s: array[int] = array("q")
    e: array[int] = array("q")

    def add(at: int, src: int, end: int) -> None:
        if v and v[-1] == at:  # an empty run before it: replace it
            s[-1], e[-1] = src, end
        elif not (end == _NO_END and e and e[-1] == _NO_END and s[-1] + at - v[-1] == src):
            v.append(at)
            s.append(src)
            e.append(end)

    for v0, v1, s0, e0 in outer.runs():
        if e0 != _NO_END:
            add(v0, inner[s0], inner.end(max(s0, e0 - 1)))
            continue
        lo, hi = s0, s0 + v1 - v0
        k = bisect.bisect_right(inner._v, lo) - 1
        while lo < hi:
            run_hi = inner._v[k + 1] if k + 1 < len(inner._v) else inner._n
            stop = min(hi, run_hi)
            if inner._e[k] == _NO_END:
                add(v0 + lo - s0, inner._s[k] + lo - inner._v[k], _NO_END)
            else:
                add(v0 + lo - s0, inner._s[k], inner._e[k])
            lo = stop
            k += 1
    return OffsetMap(v, s, e, n)


def repair_view(
    text: str, offsets: OffsetMap | None, starts: Sequence[int]
) -> tuple[str, OffsetMap | None, tuple[Repair, ...]]:
    """Undo mojibake in a view: the new text, its map to the old view, and the repairs made.

    Only the lines holding a character a repair can start at are looked at, so text without
    any costs one scan.  ``line`` and ``column`` of a repair are those of the source.
    """
    found = repair_starts(text)
    if not found:
        return text, None, ()
    asm = Assembler()
    repairs: list[Repair] = []
    vstarts = line_starts(text)
    pos = 0
    last_end = -1
    for at in found:
        if at < last_end:
            continue
        # the line holding it, whatever ends it (a plain-text view keeps CR and CRLF as written)
        k = bisect.bisect_right(vstarts, at) - 1
        a = vstarts[k]
        if k + 1 < len(vstarts):
            b = vstarts[k + 1] - (2 if text.startswith("\r\n", vstarts[k + 1] - 2) else 1)
        else:
            b = len(text)
        last_end = b
        _fixed, notes = repair_line(text[a:b])
        if not notes:
            continue
        asm.keep(pos, text[pos:a])
        cur = a
        for off, orig, rep, why in notes:
            if a + off < cur:
                continue
            asm.keep(cur, text[cur : a + off])
            asm.put(a + off, a + off + len(orig), rep)
            cur = a + off + len(orig)
            s = offsets[a + off] if offsets is not None else a + off
            line = bisect.bisect_right(starts, s) - 1
            repairs.append(Repair(line + 1, s - starts[line] + 1, orig, rep, why))
        asm.keep(cur, text[cur:b])
        pos = b
    if not repairs:
        return text, None, ()
    asm.keep(pos, text[pos:])
    return asm.text(), asm.offset_map(len(text)), tuple(repairs)


def repair_starts(text: str) -> list[int]:
    """Where a repair may start in ``text`` (a character of ``REPAIR_START_CHARS``), in order.

    One ``str.find`` per occurrence of each character: a text without any costs ten quick scans,
    far less than one regular-expression scan of it.
    """
    found: list[int] = []
    for ch in REPAIR_START_CHARS:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans turned into spaces (line ends kept); same length."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for a, e in sorted(spans):
        a = max(a, pos)
        if e <= a:
            continue
        # a span within a line (markers, labels: nearly all) is only spaces, no substitution needed
        out += [
            text[pos:a],
            _NOT_LF.sub(" ", text[a:e]) if text.find("\n", a, e) >= 0 else " " * max(0, min(e, len(text)) - a),
        ]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def trim_block(text: str, block: Block) -> Block | None:
    """``block`` without the blanks at its ends (None when nothing is left)."""
    s, e = block.start, block.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    return (
        block
        if (s, e) == (block.start, block.end)
        else Block(block.kind, s, e, block.note, block.group, block.indented, block.depth)
    )


__all__ = [
    "Assembler",
    "OffsetMap",
    "blank_spans",
    "compose",
    "identity_map",
    "line_starts",
    "repair_view",
    "trim_block",
]
