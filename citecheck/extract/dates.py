"""Dates of cited material: "March 18-23, 1919", "In March 1918", "the Tenth Congress".

The date a quotation was spoken or written is what the volume-date rule
compares with the contents range of the cited volume.  It comes from the
citation itself (an attribution line naming a congress and its dates) or from
the prose introducing the quotation.  Dates are ISO 8601: ``1919-03``,
``1919-03-18/1919-03-23``, ``1922``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_CONGRESS_DATE_RE = regex.compile(r"\D")

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_DATE = regex.compile(
    rf"\b{_MONTH}\s+(?P<d1>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?,?\s+{_YEAR}\b"
    rf"|\b(?P<d1b>\d{{1,2}})(?:\s*[-–]\s*(?P<d2b>\d{{1,2}}))?\s+{_MONTH.replace('month', 'monthb')}\s+"
    rf"{_YEAR.replace('year', 'yearb')}\b"
    rf"|\b{_MONTH.replace('month', 'monthc')},?\s+{_YEAR.replace('year', 'yearc')}\b"
)
_PROSE_YEAR = regex.compile(r"\b(?:in|of|from|during|by)\s+(?P<year>1[6-9]\d\d|20\d\d)\b(?!\s*[-–]\s*\d)", regex.I)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
}  # fmt: skip
_CONGRESS = regex.compile(
    r"\b(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r")\s+(?:(?:party|RCP|R\.C\.P\.\s*\(B\.\)|"
    r"Communist\s+Party)\s+)?(?P<kind>congress|conference)(?P<ci>\s+of\s+the\s+(?:Comintern|Communist\s+International))?",
    regex.I,
)
# Congresses of the Russian party and of the Communist International (month of opening, closing).
_RCP_CONGRESSES = {
    6: ("1917-07", "1917-08"), 7: ("1918-03", "1918-03"), 8: ("1919-03", "1919-03"), 9: ("1920-03", "1920-04"),
    10: ("1921-03", "1921-03"), 11: ("1922-03", "1922-04"), 12: ("1923-04", "1923-04"), 13: ("1924-05", "1924-05"),
    14: ("1925-12", "1925-12"), 15: ("1927-12", "1927-12"), 16: ("1930-06", "1930-07"), 17: ("1934-01", "1934-02"),
}  # fmt: skip
_CI_CONGRESSES = {1: ("1919-03", "1919-03"), 2: ("1920-07", "1920-08"), 3: ("1921-06", "1921-07"),
                  4: ("1922-11", "1922-12"), 5: ("1924-06", "1924-07")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: its span and ISO 8601 form."""

    start: int
    end: int
    iso: str


def find_material_date(text: str) -> DateMatch | None:
    """The first full date (month and year, with or without days) in ``text``."""
    m = _DATE.search(text)
    if not m:
        return None
    g = m.groupdict()
    month_name = (g["month"] or g["monthb"] or g["monthc"] or "").lower().rstrip(".")
    month = MONTHS.get(month_name)
    year = g["year"] or g["yearb"] or g["yearc"]
    if month is None or year is None:
        return None
    d1 = g["d1"] or g["d1b"]
    d2 = g["d2"] or g["d2b"]
    if d1 and d2:
        iso = f"{year}-{month:02d}-{int(d1):02d}/{year}-{month:02d}-{int(d2):02d}"
    elif d1:
        iso = f"{year}-{month:02d}-{int(d1):02d}"
    else:
        iso = f"{year}-{month:02d}"
    return DateMatch(m.start(), m.end(), iso)


def congress_date(text: str) -> str | None:
    """The dates of a party or Comintern congress named in ``text`` ("the Tenth Congress")."""
    for m in _CONGRESS.finditer(text):
        raw = m.group("ord").lower()
        n = _ORDINALS.get(raw) or int(_CONGRESS_DATE_RE.sub("", raw))
        table = _CI_CONGRESSES if m.group("ci") else _RCP_CONGRESSES
        if m.group("kind").lower() == "congress" and n in table:
            a, b = table[n]
            return a if a == b else f"{a}/{b}"
    return None


def prose_date(text: str) -> str | None:
    """The date the prose before a quotation gives for it: a full date, a congress, or "in 1922"."""
    full = find_material_date(text)
    if full is not None:
        return full.iso
    congress = congress_date(text)
    if congress is not None:
        return congress
    years = _PROSE_YEAR.findall(text)
    return years[-1] if years else None
