"""Tokens of one reference string, with the typography a reader sees around them.

A reference string is cut into words, numbers and punctuation; each token knows whether it is set
in italics or bold (from the view's marks), inside quotation marks, and how deep inside
parentheses or brackets it is. These are the strongest signals of what a part of a reference is
(a title in italics, an article in quotation marks, the publication data in parentheses), so they
are kept rather than thrown away with the markup.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import regex

from citecheck.models import Token

# One token: a URL, a word (letters with inner apostrophes or hyphens), a number glued to letters
# ("p98", "138f", "3rd"), a run of dashes or dots, or one other character. Possessive quantifiers:
# a long run of one character class is consumed once, never retried.
_TOKEN = regex.compile(
    r"(?:https?://|www\.)[^\s<>\]\)]++"
    r"|[\p{L}\p{M}](?:[\p{L}\p{M}]|['’\-](?=[\p{L}\p{M}]))*+"
    r"|\d++(?:[\p{L}]{1,3}+\b)?"
    r"|-{2,}+|\.{3}|…|\S",
)

_OPEN_QUOTES = {"“": "”", "„": "”", "«": "»", "‘": "’", '"': '"'}
_OPENERS = re.compile("[" + "".join(_OPEN_QUOTES) + "]")  # plain characters: the standard library's engine


def tokenize(text: str, marks: Sequence[tuple[int, int, str]] = ()) -> tuple[Token, ...]:
    """The tokens of ``text``; ``marks`` are ``(start, end, kind)`` spans (``italic``, ``bold``) in ``text``."""
    spans = _quote_spans(text)
    ital = sorted((s, e) for s, e, k in marks if k in ("italic", "cite"))
    bold = sorted((s, e) for s, e, k in marks if k == "bold")
    out: list[Token] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        t = m.group()
        s, e = m.span()
        if t in ")]" and depth:
            depth -= 1
        out.append(
            Token(
                text=t,
                start=s,
                end=e,
                italic=bool(ital) and _inside(ital, s, e),  # most references have no marks: no search
                bold=bool(bold) and _inside(bold, s, e),
                quoted=bool(spans) and _inside(spans, s, e) and t not in _OPEN_QUOTES and t not in ("”", "»", "’"),
                depth=depth,
            )
        )
        if t in "([":
            depth += 1
    return tuple(out)


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """True when ``[s, e)`` lies inside one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= s and e <= spans[i][1]


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside paired quotation marks (the marks excluded), outermost only.

    A straight ``"`` pairs with the next ``"``; ``‘`` pairs with a ``’`` that is not an apostrophe
    (a ``’`` followed by a letter, as in ``Lenin’s``, is one).
    """
    out: list[tuple[int, int]] = []
    unclosed: set[str] = set()  # a mark with no closing partner left: no later one has one either
    i = 0
    n = len(text)
    while i < n:
        opener = _OPENERS.search(text, i)  # the characters between are no opening marks: skip them at once
        if opener is None:
            break
        i = opener.start()
        ch = text[i]
        close = _OPEN_QUOTES.get(ch)
        if close is None or ch in unclosed or (ch == "‘" and i + 1 < n and not text[i + 1].isalnum()):
            i += 1
            continue
        j = i + 1
        while j < n:
            j = text.find(close, j)
            if j < 0:
                break
            if close == "’" and j + 1 < n and text[j + 1].isalpha():
                j += 1  # an apostrophe
                continue
            break
        if j < 0 or j >= n:
            unclosed.add(ch)
            i += 1
            continue
        out.append((i + 1, j))
        i = j + 1
    return out


def is_roman(word: str) -> bool:
    """True for a roman numeral of one to seven letters (``XXV``, ``iv``), not for ``I`` alone in a name."""
    return bool(_ROMAN.fullmatch(word))


_ROMAN = regex.compile(r"(?i:(?=[mdclxvi])m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3}))")


def roman_value(word: str) -> int | None:
    """The value of a roman numeral (``XXIV`` -> 24), or None."""
    if not word or not is_roman(word):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    w = word.lower()
    total = 0
    for k, c in enumerate(w):
        v = values[c]
        total += -v if k + 1 < len(w) and values[w[k + 1]] > v else v
    return total
