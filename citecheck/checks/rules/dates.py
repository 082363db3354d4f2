"""ISO 8601 dates and intervals at year, month or day precision, as comparable day spans."""

from __future__ import annotations

import calendar
import functools

import regex

_DATE = regex.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _span(d: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    m = _DATE.match(d.strip())
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        day = (y, int(m.group(2)), int(m.group(3)))
        return day, day
    if m.group(2):
        mo = int(m.group(2))
        return (y, mo, 1), (y, mo, calendar.monthrange(y, mo)[1])
    return (y, 1, 1), (y, 12, 31)


@functools.lru_cache(maxsize=4096)
def interval(iso: str | None) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """``"1920-12/1921-08"`` -> first and last day covered; a single date covers its whole precision."""
    if not iso:
        return None
    start, _, end = iso.partition("/")
    a, b = _span(start), _span(end or start)
    if a is None or b is None:
        return None
    return a[0], b[1]


def overlaps(x: str | None, y: str | None) -> bool | None:
    """Whether two ISO dates or intervals share a day; None when either is unknown."""
    a, b = interval(x), interval(y)
    if a is None or b is None:
        return None
    return a[0] <= b[1] and b[0] <= a[1]
