"""Sorted half-open spans ``[start, end)`` with logarithmic lookups.

Several stages ask "which quotations overlap this sentence?" or "is this
offset inside a quotation?" once per quotation or block; a scan of every span
each time made a document with thousands of quotations quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """Half-open spans, sorted; may nest or overlap."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.items: list[tuple[int, int]] = sorted(spans)
        self._starts = [a for a, _ in self.items]
        #: reach[i]: the furthest end among items[0..i] (non-decreasing, so it can be bisected)
        self._reach = list(accumulate((b for _, b in self.items), max))

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """The spans sharing at least one offset with ``[a, b)``."""
        lo = bisect.bisect_right(self._reach, a)
        hi = bisect.bisect_left(self._starts, b)
        return [s for s in self.items[lo:hi] if s[1] > a]

    def starting_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """The spans whose start is in ``[a, b)``."""
        return self.items[bisect.bisect_left(self._starts, a) : bisect.bisect_left(self._starts, b)]

    def contains(self, pos: int) -> bool:
        """Whether some span holds offset ``pos``."""
        return bool(self.overlapping(pos, pos + 1))

    def encloses(self, a: int, b: int) -> bool:
        """Whether some span holds all of ``[a, b)``."""
        lo = bisect.bisect_left(self._reach, b)
        hi = bisect.bisect_right(self._starts, a)
        return any(s[1] >= b for s in self.items[lo:hi])
