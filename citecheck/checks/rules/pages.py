"""Page locators compared as sets of pages: "24" lies inside "23-25"."""

from __future__ import annotations

import regex

_RANGE = regex.compile(r"(\d+)\s*[-–]\s*(\d+)|(\d+)")


def page_spans(pages: str | None) -> list[tuple[int, int]]:
    """``"32-33, 40"`` -> ``[(32, 33), (40, 40)]``; Roman or empty locators give ``[]``."""
    out: list[tuple[int, int]] = []
    for m in _RANGE.finditer(pages or ""):
        if m.group(3):
            out.append((int(m.group(3)), int(m.group(3))))
        else:
            a, b = int(m.group(1)), int(m.group(2))
            out.append((min(a, b), max(a, b)))
    return out


def pages_agree(a: str | None, b: str | None) -> bool:
    """Whether two locators can point at the same passage (unknown pages always can)."""
    sa, sb = page_spans(a), page_spans(b)
    if not sa or not sb:
        return True
    return any(x0 <= y1 and y0 <= x1 for x0, x1 in sa for y0, y1 in sb)
