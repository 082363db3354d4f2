"""The imprint in parentheses: ``(Place: Publisher, 1970)``, ``(Moscow, 1924-6)``, read by a fixed rule.

Chicago and most note styles give the publication data as one parenthesis: an optional original
year or "reprint", the place, a colon, the publisher, a comma and the date. That shape is regular
enough that a rule reads it better than the sequence labeller, which has to guess where a place of
several words (``Englewood Cliffs, N.J.``, ``Long Island City``) ends. The rule only speaks when the
whole parenthesis has the shape; anything else is left to the labeller.
"""

from __future__ import annotations

import regex

# ( [1946; ] [reprint ] Place [, ST] : Publisher , [Month] [day,] Year )
_IMPRINT = regex.compile(
    r"\(\s*+(?:(?:1[4-9]\d\d|20[0-4]\d)\s*+;\s*+)?(?:(?i:reprint(?:ed)?|repr\.)\s++)?"
    r"(?P<place>\p{Lu}[\p{L}.'’\- ]{1,40}+(?:,\s*+\p{Lu}[\p{L}.]{0,8}+)?"
    r"(?:\s*+(?:and|&|/)\s*+\p{Lu}[\p{L}.'’\- ]{1,30}+)?)"
    r"\s*+:\s*+(?P<publisher>[^:;()\[\]]{2,80}?)\s*+,\s*+"
    r"(?:(?:\p{Lu}\p{Ll}{2,8}+\.?(?:\s*+(?:--|[-–])\s*+\p{Lu}\p{Ll}{2,8}+\.?)?\s++)?(?:\d{1,2},?\s++)?)?"
    r"(?:1[4-9]\d\d|20[0-4]\d)(?:\s*+(?:--|[-–])\s*+\d{2,4}+)?\s*+\)"
)

# ( Place, Year ): no publisher; read only after a title (else "(Carr, 1950)" is an author and a date)
_PLACE_YEAR = regex.compile(
    r"\(\s*+(?P<place>\p{Lu}\p{Ll}++(?:[ \-]\p{Lu}\p{Ll}++){0,2}+)(?:\s*+,\s*+|\s++)"
    r"(?P<year>(?:1[4-9]\d\d|20[0-4]\d)(?:\s*+(?:--|[-–])\s*+\d{1,4}+)?)\s*+\)"
)


# GOST (Russian bibliographic standard): "… // Container. 5-е изд. М.: Политиздат, 1969. Т. 35. С. 63."
# The imprint is a sentence of its own after a full stop: an optional edition, the place (the
# standard abbreviates the two capitals, М. and Л.; СПб., Пг.), a colon and the publisher, a year.
_GOST_PLACE = r"(?:М\.|Л\.|СПб\.|Пг\.|M\.|L\.|SPb\.|Pg\.|\p{Lu}\p{Ll}{2,20}+)"
_GOST = regex.compile(
    rf"(?<=\.\s++|^)(?P<edition>\d{{1,2}}+-?(?:е|ое|th|nd|rd|st)\s++(?:изд|ed)\.\s*+,?\s*+)?"
    rf"(?P<place>{_GOST_PLACE}(?:\s*+;\s*+{_GOST_PLACE})?)"
    r"(?:\s*+:\s*+(?P<publisher>[^,.:;()\[\]]{2,60}+))?\s*+,\s*+"
    r"(?P<year>(?:1[4-9]\d\d|20[0-4]\d))(?=\s*+[.,;]|\s*+$)"
)


def gost_imprint_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, note|place|publisher|year)`` of a GOST imprint sentence (``М.: Политиздат,
    1969``) in ``text``; only a string that uses the standard's ``//`` or its abbreviated places."""
    out: list[tuple[int, int, str]] = []
    for m in _GOST.finditer(text):
        place = m.group("place")
        if "//" not in text and not (place.endswith(".") and len(place) <= 4):
            continue  # "Moscow, 1991." in an ordinary note is left to the labeller
        for label, group in (("note", "edition"), ("place", "place"), ("publisher", "publisher"), ("year", "year")):
            if m.group(group):
                s, e = m.span(group)
                while e > s and text[e - 1] in " ,":
                    e -= 1
                out.append((s, e, label))
    return out


def imprint_spans(text: str, after_title: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, place|publisher|year)`` for each imprint parenthesis of ``text``; a
    ``(Place, Year)`` one only from ``after_title`` on (the end of the title), when given."""
    out: list[tuple[int, int, str]] = []
    if after_title is not None:
        for m in _PLACE_YEAR.finditer(text, after_title):
            out += [(*m.span("place"), "place"), (*m.span("year"), "year")]
    for m in _IMPRINT.finditer(text):
        for label in ("place", "publisher"):
            s, e = m.span(label)
            while e > s and text[e - 1] in " ,":
                e -= 1
            if e > s:
                out.append((s, e, label))
    return out
