"""ISO 8601 dates and intervals at year, month or day precision, as comparable day spans.

Used for ``contentsdate`` in references.bib (checked when it is read) and for
the dates of cited material.  A date that does not exist (month 00 or 13,
30 February) or an interval that ends before it starts is no interval: None.
"""

from __future__ import annotations

import calendar
import datetime
import functools

import regex

_DATE = regex.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Day = tuple[int, int, int]


def _span(d: str) -> tuple[Day, Day] | None:
    m = _DATE.match(d.strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2) or 1)
    day = int(m.group(3) or 1)
    try:
        datetime.date(y, mo, day)
    except ValueError:
        return None
    if m.group(3):
        return (y, mo, day), (y, mo, day)
    if m.group(2):
        return (y, mo, 1), (y, mo, calendar.monthrange(y, mo)[1])
    return (y, 1, 1), (y, 12, 31)


@functools.lru_cache(maxsize=4096)
def interval(iso: str | None) -> tuple[Day, Day] | None:
    """``"1920-12/1921-08"`` -> first and last day covered; a single date covers its whole precision.

    None for no date, and for one that is not a real date or interval.
    """
    if not iso:
        return None
    start, _, end = iso.partition("/")
    a, b = _span(start), _span(end or start)
    if a is None or b is None or b[1] < a[0]:
        return None
    return a[0], b[1]


def overlaps(x: str | None, y: str | None) -> bool | None:
    """Whether two ISO dates or intervals share a day; None when either is unknown."""
    a, b = interval(x), interval(y)
    if a is None or b is None:
        return None
    return a[0] <= b[1] and b[0] <= a[1]
