"""The imprint in parentheses: ``(Place: Publisher, 1970)``, read by a fixed rule.

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


def imprint_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, place|publisher)`` for each imprint parenthesis of ``text``."""
    out: list[tuple[int, int, str]] = []
    for m in _IMPRINT.finditer(text):
        for label in ("place", "publisher"):
            s, e = m.span(label)
            while e > s and text[e - 1] in " ,":
                e -= 1
            if e > s:
                out.append((s, e, label))
    return out
