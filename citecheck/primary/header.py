"""Bibliographic headers of primary texts: the fields, the dates, the edition, volume and pages.

Marxists Internet Archive pages head each text with lines such as::

    Written: 12-14 November, 1917
    Delivered: Mach 6, 1918
    Source: Lenin's Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 29, pages 141-225
    Source: Collected Works, Volume 31, pp. 17–118

in many spellings (a missing colon, typing slips in month names, en and em dashes,
short page ranges "235-77").  This module turns them into plain values; tying
them to references.bib is :mod:`citecheck.primary.tie`.
"""

from __future__ import annotations

import regex
from rapidfuzz import fuzz, process

from citecheck.extract.dates import MONTHS
from citecheck.extract.grammar.reference import roman_to_int

#: Header labels as the archive spells them (lower case, colon and spaces dropped) -> field name.
LABELS = {
    "source": "source",
    "written": "written",
    "delivered": "delivered",
    "firstpublished": "published",
    "published": "published",
    "firstpublishedin": "published",
}

#: Which dates say when the words were written or spoken (a volume is ordered by them).
AUTHORED = ("written", "delivered")

_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
_TOKEN = regex.compile(r"(?P<year>\b1[6-9]\d\d\b|\b20\d\d\b)|(?P<day>\b\d{1,2}\b)|(?P<word>\p{L}+)")
_ISO = regex.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")
_VOLUME = regex.compile(r"\b(?:Volume|Vol\.?|Tom|Band)\s*(?P<n>\d{1,3}|[IVXLC]+)\b", regex.I)
_PAGES = regex.compile(
    r"(?:\bpages?\b|\bpp?\b\.?|\bc(?=\d))\s*(?P<a>\d{1,4})(?:\s*[-–—]\s*(?P<b>\d{1,4}))?",
    regex.I,
)
_EDITION = regex.compile(r"\b(?P<ed>\d(?:st|nd|rd|th)\s+(?:\p{L}+\s+)?Edition)\b", regex.I)


def label_field(label: str) -> str | None:
    """The field a header label names (``"First Published:"`` -> ``"published"``), else None."""
    key = regex.sub(r"[^a-z]", "", label.lower())
    return LABELS.get(key)


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if len(w) < 4:
        return None
    # typing slips in headers ("Mach 6, 1918"): a close spelling of a full month name
    hit = process.extractOne(w, _FULL_MONTHS, scorer=fuzz.ratio, score_cutoff=85)
    return MONTHS[hit[0]] if hit else None


def parse_date(text: str) -> str | None:
    """The ISO 8601 date or interval a header date gives.

    ``"March 1, 1918"`` -> ``1918-03-01``; ``"12-14 November, 1917"`` ->
    ``1917-11-12/1917-11-14``; ``"March-April 1913"`` -> ``1913-03/1913-04``;
    ``"1933"`` -> ``1933``.  Days are kept only when both ends have one.
    """
    iso = text.strip()
    if _ISO.match(iso):
        return iso  # front matter written in ISO 8601 already
    years: list[int] = []
    parts: list[list[int]] = []  # [month, day, day ...] in text order
    pending: list[int] = []  # days before the first month ("8-16 March")
    for m in _TOKEN.finditer(text):
        if m.group("year"):
            years.append(int(m.group("year")))
            if parts:
                break  # the date is complete; what follows is another date ("1918; published 1929")
        elif m.group("day"):
            day = int(m.group("day"))
            if 1 <= day <= 31 and not years:
                (parts[-1] if parts else pending).append(day)
        else:
            month = _month(m.group("word"))
            if month is not None:
                if years:
                    break
                parts.append([month, *pending])
                pending = []
    if not years:
        return None
    if not parts:
        a, b = str(years[0]), str(years[-1])
        return a if a == b else f"{a}/{b}"
    year = years[0]
    start, end = parts[0], parts[-1]
    if len(parts) == 1 and len(start) > 2:
        start, end = start[:2], [start[0], start[-1]]
    if len(start) >= 2 and len(end) >= 2:
        a, b = f"{year}-{start[0]:02d}-{start[1]:02d}", f"{year}-{end[0]:02d}-{end[-1]:02d}"
    else:
        a, b = f"{year}-{start[0]:02d}", f"{year}-{end[0]:02d}"
    return a if a == b else f"{a}/{b}"


def volume_of(source: str) -> str | None:
    """The volume a Source line names, in arabic numerals (``"Volume XXIV"`` -> ``"24"``)."""
    m = _VOLUME.search(source)
    if not m:
        return None
    n = m.group("n")
    if n.isdigit():
        return str(int(n))
    value = roman_to_int(n.upper())
    return str(value) if value else None


def pages_of(source: str) -> str | None:
    """The page range a Source line gives, short ranges written out (``"pages 235-77"`` -> ``"235-277"``)."""
    m = _PAGES.search(source)
    if not m:
        return None
    a, b = str(m.group("a")), m.group("b")
    if not b:
        return a
    if len(b) < len(a):
        b = a[: len(a) - len(b)] + b
    return f"{a}-{b}" if int(b) > int(a) else a


def edition_of(source: str) -> str | None:
    """The edition a Source line names ("4th English Edition"), else None."""
    m = _EDITION.search(source)
    return " ".join(m.group("ed").split()) if m else None
