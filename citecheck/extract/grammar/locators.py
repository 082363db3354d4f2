"""The small fixed grammar of locators and publication data inside a reference string.

Volumes (``vol. 33``, ``Vol XXIV``, ``CW 33``), issues (``no. 3``, ``47 (2)``), pages (``p. 17``,
``pp. 32-3``, ``p98``, ``212--14``, ``138f``, ``p. xxxvi``, ``p. 12 and p. 40``, ``page 22``),
years (``1964 (1920)``, ``(1972) [1918]``, ``1924-6``, ``n.d.``) and dates (``March 18-23, 1919``,
``Jan. 24, 1934``, ``Autumn 1989``) are regular enough to be read by rules; the rules' findings are
features for the sequence labeller (which decides) and the normalisers below turn what it labels
into the schema's forms.

Every pattern is linear: possessive quantifiers, and no nested unbounded repetition.
"""

from __future__ import annotations

import regex

from citecheck.extract.grammar.tokens import roman_value

_DASH = r"(?:--|[-–—‑])"
_ROMAN = r"(?:[ivxlcdm]{1,7}+|[IVXLCDM]{1,7}+)"
_PAGE = rf"(?:\d{{1,5}}+[a-z]?|{_ROMAN})(?:\s*+{_DASH}\s*+(?:\d{{1,5}}+|{_ROMAN}))?(?:\s*+ff?\b\.?)?"
_PAGE_KW = r"(?:pp?|pgs?|pages?|P|S|s(?=\.\s*+\d)|[Сс]тр|[Сс])"  # "s. 343" (transliterated GOST)
_SEP = r"\s*+(?:,|\band\b|&)\s*+"

# "p. 12", "pp. 32-3", "p98", "p. 243, p. 248 and p. 244", "pp. 607, 610-612", "page 22", "p.\n 202"
_PAGES_KW = regex.compile(
    rf"(?<![\p{{L}}\d]){_PAGE_KW}(?:\.|\b|(?=\d))\s*+(?:{_PAGE})(?:{_SEP}(?:{_PAGE_KW}\.?\s*+)?(?:\d{{1,5}}+[a-z]?|[ivxlc]{{1,7}}+\b)"
    rf"(?:\s*+{_DASH}\s*+\d{{1,5}}+)?(?:\s*+ff?\b\.?)?)*+",
)
_VOLUME_KW = regex.compile(
    rf"(?<![\p{{L}}\d])(?:(?i:volumes?|vols?|tome|bd|band|том|т)\.?\s*+|[vt]\.\s*+)(?:\d{{1,4}}+(?:\s*+{_DASH}\s*+\d{{1,4}}+)?|{_ROMAN}\b)",
)
_ISSUE_KW = regex.compile(r"(?<![\p{L}\d])(?i:nos?|numbers?|nr|issue|вып)\.?\s*+\d{1,5}+\b|№\s*+\d{1,5}+")
# "47 (2): 135-176", "120 (827): 207-213"
_VOL_ISSUE_PAGES = regex.compile(
    rf"\b(\d{{1,4}}+)\s*+\((\d{{1,5}}+)\)\s*+:\s*+(\d{{1,5}}+(?:\s*+{_DASH}\s*+\d{{1,5}}+)?)"
)
_OTHER_LOCATOR = regex.compile(
    r"(?<![\p{L}\d])(?i:art|article|thesis|§|part|pt|ch|chap|chapter|sec|section|para|letter|appendix)\.?\s*+(?:\d{1,4}+|[IVXLC]{1,6}+)\b"
)
_YEAR = regex.compile(
    rf"(?<![\d\p{{L}}])(?:1[4-9]\d\d|20[0-4]\d)(?:\s*+{_DASH}\s*+(?:1[4-9]\d\d|20[0-4]\d|\d{{1,2}}\b))?(?![\d])"
)
_NO_DATE = regex.compile(r"(?<![\p{L}])(?i:n\.\s?d\.|nd)(?![\p{L}])")
_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_SEASONS = r"(?:Spring|Summer|Autumn|Fall|Winter)"
_DATE = regex.compile(
    rf"(?<![\p{{L}}])(?:{_MONTHS}(?:\s*+{_DASH}\s*+{_MONTHS})?\s++(?:\d{{1,2}}(?:\s*+{_DASH}\s*+\d{{1,2}})?,?\s++)?"
    rf"|\d{{1,2}}(?:\s*+{_DASH}\s*+\d{{1,2}})?\s++{_MONTHS}\s++|{_SEASONS}\s++)(?:1[4-9]\d\d|20[0-4]\d)(?!\d)"
)
# "1964 (1920)", "(1972) [1918]", "(1972) \[1918\]"; "(1946; New York: …, 1995)": the first is the original
_ORIGINAL_YEAR = regex.compile(
    r"(?:1[4-9]\d\d|20[0-4]\d)\)?\s*+[(\[]|\\\[\s*+(1[4-9]\d\d|20[0-4]\d)|\(\s*+(1[4-9]\d\d|20[0-4]\d)\s*+;"
    # "[1917] 1964" (Harvard's original year first, in brackets)
    r"|\[\s*+(1[4-9]\d\d|20[0-4]\d)\s*+\]\s*+(?=1[4-9]\d\d|20[0-4]\d)"
)
# A number ending the reference after a comma or colon: Chicago's page ("…, 1977), 139.")
_TRAILING_NUMBER = regex.compile(
    rf"(?:,|:|\))\s*+((?:\d{{1,5}}+|[ivxlc]{{1,6}}+)(?:\s*+{_DASH}\s*+(?:\d{{1,5}}+|[ivxlc]{{1,6}}+))?(?:\s*+ff?\b\.?)?"
    rf"(?:{_SEP}\d{{1,5}}+(?:\s*+{_DASH}\s*+\d{{1,5}}+)?)*+)\s*+[.;]?\s*+$"
)

#: The hint names the grammar gives to a stretch of a reference string.
HINTS = ("pages", "volume", "issue", "locator", "year", "date", "nodate", "origyear")


def locator_hints(text: str) -> list[tuple[int, int, str]]:
    """The stretches of ``text`` the fixed grammar recognises, as ``(start, end, hint)``, sorted.

    Stretches do not overlap: a date wins over the year inside it, a keyword locator over a bare one.
    """
    found: list[tuple[int, int, str]] = []
    for m in _DATE.finditer(text):
        found.append((m.start(), m.end(), "date"))
    for m in _VOL_ISSUE_PAGES.finditer(text):
        found += [(m.start(1), m.end(1), "volume"), (m.start(2) - 1, m.end(2) + 1, "issue"), (*m.span(3), "pages")]
    for pattern, hint in (
        (_VOLUME_KW, "volume"),
        (_PAGES_KW, "pages"),
        (_ISSUE_KW, "issue"),
        (_OTHER_LOCATOR, "locator"),
    ):
        found += [(m.start(), m.end(), hint) for m in pattern.finditer(text)]
    for m in _ORIGINAL_YEAR.finditer(text):
        g = 1 if m.group(1) else 2 if m.group(2) else 3 if m.group(3) else 0
        if g:
            found.append((m.start(g), m.end(g), "origyear"))
        else:
            after = _YEAR.search(text, m.end(), min(len(text), m.end() + 8))
            if after:
                found.append((after.start(), after.end(), "origyear"))
    found += [(m.start(), m.end(), "year") for m in _YEAR.finditer(text)]
    found += [(m.start(), m.end(), "nodate") for m in _NO_DATE.finditer(text)]
    m = _TRAILING_NUMBER.search(text)
    if m and not _YEAR.fullmatch(m.group(1).strip()):
        found.append((m.start(1), m.end(1), "pages"))
    return _disjoint(found)


def _disjoint(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the earliest-starting, then longest, of overlapping stretches."""
    order = {"date": 0, "origyear": 1, "volume": 2, "issue": 3, "pages": 4, "locator": 5, "nodate": 6, "year": 7}
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), order[f[2]]))
    out: list[tuple[int, int, str]] = []
    for s, e, h in found:
        if out and s < out[-1][1]:
            ph = out[-1][2]
            # an original year inside a longer year stretch, or a year inside a date: keep the finer one
            if h == "origyear" and ph == "year":
                out[-1] = (s, e, h)
            continue
        out.append((s, e, h))
    return out


_PAGE_PREFIX = regex.compile(rf"^\s*+(?:{_PAGE_KW})(?:\.|\b|(?=\d))\s*+", regex.I)
_PAGE_ITEM_SEP = regex.compile(rf"\s*+(?:,|;|\band\b|&)\s*+(?:(?:{_PAGE_KW})(?:\.|\b)\s*+)?", regex.I)
_RANGE = regex.compile(rf"^(\d+|{_ROMAN})\s*+{_DASH}\s*+(\d+|{_ROMAN})$")
# "pp. 536-542 ff." : a separate "f."/"ff." comments on the range and is dropped; a glued "138f" is kept
_SEPARATE_FF = regex.compile(r"\s++ff?\.?$")


def normalise_pages(raw: str) -> str | None:
    """The schema's pages: no ``p.``/``pp.``, ranges with ``-``, short ranges written out, lists joined by ``, ``.

    ``"pp. 32-3"`` -> ``"32-33"``; ``"p. 12 and p. 40"`` -> ``"12, 40"``; ``"212--14"`` -> ``"212-214"``;
    ``"138f"`` -> ``"138f"``; ``"p. xxxvi"`` -> ``"xxxvi"``; ``"3–29, at 12"`` -> ``"12"``;
    ``"bourgeois"`` (no locator) -> None.
    """
    s = _PAGE_PREFIX.sub("", " ".join(raw.split())).strip(" .;,")
    if not s:
        return None
    if (at := _AT_PAGE.search(s)) is not None:
        s = at.group(1)  # "3–29, at 12": a chapter's pages, then the page cited
    items = []
    for item in _PAGE_ITEM_SEP.split(s):
        item = _SEPARATE_FF.sub("", item.strip(" .")).strip(" .")
        if not item:
            continue
        m = _RANGE.match(item)
        if m:
            a, b = m.group(1), m.group(2)
            if a.isdigit() and b.isdigit() and len(b) < len(a):
                b = a[: len(a) - len(b)] + b
            item = f"{a}-{b}"
        items.append(item)
    if not any(_LOCATES.search(item) for item in items):
        return None  # "bourgeois", "et seq": words the labeller took for pages locate nothing
    return ", ".join(items) or None


#: "3–29, at 12": the page cited within the span of a chapter or an article.
_AT_PAGE = regex.compile(r"(?:^|[,;]\s*+)at\s++((?:\d{1,5}+|[ivxlc]{1,7}+)(?:\s*+" + _DASH + r"\s*+\d{1,5}+)?)\s*+$")

#: What a page locator holds: a digit, a roman numeral standing alone, or "passim".
_LOCATES = regex.compile(r"\d|^(?i:[ivxlcdm]{1,7}+)(?:\s*+" + _DASH + r"\s*+(?i:[ivxlcdm]{1,7}+))?$|(?i:passim)")


_VOLUME_PREFIX = regex.compile(r"^\s*+(?:(?i:volumes?|vols?|tome|bd|band|том|т)\.?|[vt]\.)\s*+")


_LEADING_WORDS = regex.compile(r"^(?:\p{L}+\.?\s+)+(?=(?:\d+|[IVXLCivxlc]+)$)")


def normalise_volume(raw: str) -> str | None:
    """The schema's volume: arabic numerals, other forms as written.

    ``"Vol. XXIV"`` -> ``"24"``; ``"CW 33"`` -> ``"33"``.
    """
    s = _VOLUME_PREFIX.sub("", " ".join(raw.split())).strip(" .,;:()")
    s = str(_LEADING_WORDS.sub("", s))
    if not s:
        return None
    value = roman_value(s)
    if value is not None and not s.isdigit():
        return str(value)
    return s


def volume_as_written(raw: str) -> str:
    """The volume as the text wrote it, without its keyword: ``"Vol. XXIV"`` -> ``"XXIV"``."""
    return str(_VOLUME_PREFIX.sub("", " ".join(raw.split()))).strip(" .,;:()")


def first_year(raw: str) -> str | None:
    """The first year written in ``raw`` (a range ``1924-6`` is kept whole), or None."""
    m = _YEAR.search(raw)
    return " ".join(m.group().split()) if m else None
