"""Parse one reference string into fields, whatever the style it is written in.

Styles handled (each has table-driven tests):

* endnote, "Weekly Worker" style: ``VI Lenin CW Vol 30, Moscow 1977, p208.``,
  ``EH Carr The Bolshevik revolution Vol 3, Harmondsworth 1977, p218``,
  ``A Berkman The Bolshevik myth London nd, pp42-3``;
* Chicago notes: ``Leon Trotsky, The Revolution Betrayed (New York: Pathfinder, 1972), 90.``
  and short forms ``Trotsky, Revolution Betrayed, 92.``;
* comma-separated parentheticals and brackets: ``LCW, Vol. 27, p. 273.``,
  ``Trotsky, Writings, 1935-36, p. 178.``, ``Collected Works, vol. 31, p. 82``, ``TRB, 76``;
* attribution lines: ``Collected Works, Volume 33``, ``Quoted by Carr, The Bolshevik Revolution``,
  ``Eighth Congress of the R.C.P.(B.), March 18-23, 1919. “6. Report …”, Collected Works, Vol. XXIV``;
* ibid / op. cit. with or without their own volume and page; "Quoted in/by", "See".

The caller decides where a reference starts and ends; this module only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import regex
from rapidfuzz import fuzz, process

from citecheck.extract.dates import find_material_date
from citecheck.extract.names import format_author

_CANONICAL_AUTHOR_RE1 = regex.compile(r"(?:\p{Lu}{1,3}\s+\p{Lu}[\p{L}’'-]+)(?:\s*,\s*\p{Lu}{1,3}\s+\p{Lu}[\p{L}’'-]+)+")
_CANONICAL_AUTHOR_RE2 = regex.compile(r"\s*,\s*")
_NORMALISE_PAGES_RE1 = regex.compile(r"^\s*pp?\.?\s*", regex.I)
_NORMALISE_PAGES_RE2 = regex.compile(r"\s*(?:,|\band\b|&)\s*")
_NORMALISE_PAGES_RE3 = regex.compile(r"(\d+)\s*-+\s*(\d+)")
_NORMALISE_PAGES_RE4 = regex.compile(r"\s+")
_PICK_TITLE_RE = regex.compile(r"\bcongress\b|\bconference\b|\bplenum\b", regex.I)
_STRIP_YEAR_RE = regex.compile(r"\s*\(\s*\d{4}\s*\)\s*$")
_TAKE_PAGES_RE1 = regex.compile(r"(?:1[5-9]|20)\d\d")
_TAKE_PAGES_RE2 = regex.compile(r"(?:vol(?:ume)?s?\.?|v\.)$", regex.I)

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

_LEAD_SEE = regex.compile(r"^(?:see\s+also|see|cf\.?|compare)\s+", regex.I)
_LEAD_QUOTED = regex.compile(r"^(?:as\s+)?(?:quoted|cited)\s+(?:in|by)\s*:?\s*", regex.I)
_IBID = regex.compile(r"^\W*(?:ibid(?:em)?|id)\b\.?\W*", regex.I)
_OPCIT = regex.compile(r"\b(?:op\.?\s*cit|loc\.?\s*cit)\b\.?", regex.I)
_VOLUME = regex.compile(
    r"\b(?:(?i:vol(?:ume)?s?\.?|tome|bd\.)\s*(?P<n>[IVXLC]+|[ivxlc]+|\d{1,3})|v\.\s*(?P<n2>\d{1,3}))\b(?:\s*,)?"
)
_PAGES = regex.compile(
    r"(?:(?<=^)|(?<=[\s,(:]))(?:(pp?)\.?\s*)?"
    r"(\d{1,4}(?:\s*[-–—]\s*\d{1,4})?(?:\s*(?:,|and|&)\s*\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)*)\s*(?:ff?\.?)?\s*[.;]?\s*$"
)
_CHICAGO_PUB = regex.compile(
    r"\(\s*(?:(?P<place>[^():,;]{2,60}?)\s*(?::\s*(?P<pub>[^();]{2,80}?))?\s*,\s*)?"
    r"(?P<year>1[5-9]\d\d|20\d\d|n\.?\s?d\.?)\s*\)"
)
_YEAR_END = regex.compile(r"(?:^|[\s,])(1[5-9]\d\d|20\d\d|nd|n\.d\.)\s*[,.]?\s*$")
_YEAR_RANGE = regex.compile(r"(?:^|,)\s*((?:1[89]|20)\d\d\s*[-–]\s*\d{2,4})\s*(?=,|$)")
_QUOTED_PART = regex.compile(r"[‘“\"]([^’”\"]{2,200})[’”\"]")
_AUTHOR_WW = regex.compile(
    r"^(?P<a>(?:(?:\p{Lu}{1,3}|\p{Lu}-\p{Lu}\.?|(?:\p{Lu}\.\s?)+)\s+(?:(?:de|von|van|le|la)\s+)?"
    r"\p{Lu}[\p{L}’'-]+(?:\s+d[’']\p{Lu}[\p{L}-]+)?)"
    r"(?:(?:\s+(?:and|&)\s+|\s*,\s*)(?:\p{Lu}{1,3}|\p{Lu}-\p{Lu}\.?|(?:\p{Lu}\.\s?)+)\s+\p{Lu}[\p{L}’'-]+)*"
    r"(?:\s*\(eds?\.?\))?)\s+(?P<rest>\S.*)$"
)
_FUNCTION_WORDS = frozenset("the of and in on to a an for from with by at as or de la le du des".split())
_SURNAME_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}’'-]*\.?|d[’']\p{Lu}[\p{L}-]*|de|von|van|le|la|\(eds?\.?\))$")
_STRIP = " \t\r\n.,;:()[]*_↩\ufe0e\ufe0f"


@dataclass(slots=True)
class ParsedRef:
    """Fields read from one reference string (before ibid resolution)."""

    author: str | None = None
    author_raw: str | None = None
    work: str | None = None
    work_raw: str | None = None
    part: str | None = None
    volume: str | None = None
    volume_raw: str | None = None
    pages: str | None = None
    pages_raw: str | None = None
    year: str | None = None
    place: str | None = None
    place_raw: str | None = None
    publisher: str | None = None
    material_date: str | None = None
    ibid: bool = False
    opcit: bool = False
    secondhand: bool = False
    known_work: bool = False
    notes: list[str] = field(default_factory=list)

    def has_locator(self) -> bool:
        """A volume or page is given."""
        return bool(self.volume or self.pages)


def roman_to_int(s: str) -> int | None:
    """``"XXIV"`` -> ``24``; None when not a Roman numeral."""
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def normalise_pages(raw: str) -> str:
    """``"pp. 32-3"`` -> ``"32-33"``; ``"606, 608"`` -> ``"606,608"``."""
    s = _NORMALISE_PAGES_RE1.sub("", raw.strip())
    s = s.replace("–", "-").replace("—", "-")
    out = []
    for chunk in _NORMALISE_PAGES_RE2.split(s):
        chunk = chunk.strip(" .;f")
        m = _NORMALISE_PAGES_RE3.fullmatch(chunk)
        if m:
            a, b = m.groups()
            if len(b) < len(a):
                b = a[: len(a) - len(b)] + b
            out.append(f"{a}-{b}")
        elif chunk:
            out.append(_NORMALISE_PAGES_RE4.sub("", chunk))
    return ",".join(out)


@lru_cache(maxsize=1)
def _places() -> tuple[str, ...]:
    text = resources.files("citecheck").joinpath("data/places.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


_SPACE_OR_HYPHEN = regex.compile(r"[\s-]+")


@lru_cache(maxsize=1)
def _folded_places() -> tuple[str, ...]:
    return tuple(_SPACE_OR_HYPHEN.sub("", p).lower() for p in _places())


@lru_cache(maxsize=4096)
def canonical_place(written: str) -> str | None:
    """The known place ``written`` names (misspellings tolerated), else None."""
    key = _SPACE_OR_HYPHEN.sub("", written).lower()
    if not key:
        return None
    best = process.extractOne(key, _folded_places(), scorer=fuzz.ratio, score_cutoff=88 if len(key) > 6 else 100)
    return _places()[best[2]] if best else None


def parse_reference(s: str, catalogue: Catalogue | None = None) -> ParsedRef:
    """Read the fields of one reference string (any of the styles above)."""
    ref = ParsedRef()
    text = " ".join(s.split()).strip(_STRIP.replace(")", "").replace("(", ""))
    text = text.strip(" []*_")
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:]
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    text = text.strip(" .;")
    text = _LEAD_SEE.sub("", text)
    m = _LEAD_QUOTED.match(text)
    if m:
        ref.secondhand = True
        text = text[m.end() :]
    if _IBID.match(text):
        ref.ibid = True
        text = _IBID.sub("", text, count=1)
    if _OPCIT.search(text):
        ref.opcit = True
        text = _OPCIT.sub("", text)
    text = " ".join(text.split()).strip(" ,.;")

    date = find_material_date(text)
    if date is not None:
        ref.material_date = date.iso
        text = (text[: date.start] + text[date.end :]).strip(" ,.;")

    part = _QUOTED_PART.search(text)
    if part and (part.start() > 0 or len(text) - part.end() > 3):
        ref.part = part.group(1).strip()
        text = (text[: part.start()] + " " + text[part.end() :]).strip(" ,.;")
        text = " ".join(text.split())

    text = _take_pages(ref, text)
    vm = _VOLUME.search(text)
    if vm:
        raw = vm.group("n") or vm.group("n2")
        ref.volume_raw = raw
        r = roman_to_int(raw)
        ref.volume = str(r) if r and not raw.isdigit() else raw.lstrip("0") or "0"
        text = (text[: vm.start()] + " " + text[vm.end() :]).strip(" ,.;")
        text = " ".join(text.split())
    text = _take_publication(ref, text)
    rm = _YEAR_RANGE.search(text)
    if rm and ref.volume is None:
        ref.volume_raw = ref.volume = rm.group(1).replace(" ", "")
        text = (text[: rm.start()] + text[rm.end() :]).strip(" ,.;")
    _take_author_and_title(ref, text.strip(" ,.;"), catalogue)
    return ref


def _take_pages(ref: ParsedRef, text: str) -> str:
    m = _PAGES.search(text)
    if not m:
        return text
    digits = m.group(2)
    explicit = bool(m.group(1))
    before = text[: m.start()].rstrip()
    is_year = _TAKE_PAGES_RE1.fullmatch(digits.strip()) is not None
    if not explicit:
        # a bare number is a page only after a comma (or alone), and never a year-like one
        if is_year or not (before.endswith(",") or before == "" or before.endswith(")")):
            return text
        if _TAKE_PAGES_RE2.search(before.rstrip(",")):
            return text
    ref.pages_raw = (m.group(0) if explicit else digits).strip(" .;")
    ref.pages = normalise_pages(digits)
    return before.rstrip(" ,")


def _take_publication(ref: ParsedRef, text: str) -> str:
    m = _CHICAGO_PUB.search(text)
    if m:
        year = m.group("year")
        ref.year = None if year.lower().startswith("n") else year
        if m.group("place"):
            _set_place(ref, m.group("place"))
        if m.group("pub"):
            ref.publisher = m.group("pub").strip()
        return (text[: m.start()] + text[m.end() :]).strip(" ,.;")
    m = _YEAR_END.search(text)
    if not m:
        return text
    year = m.group(1)
    head = text[: m.start()].rstrip(" ,")
    ref.year = None if year.lower().startswith("n") else year
    # the place: known place names at the end of what precedes the year
    words = head.split()
    for n in (3, 2, 1):
        if len(words) > n or (len(words) == n and n == 1):
            cand = " ".join(words[-n:]).strip(",")
            if canonical_place(cand):
                _set_place(ref, cand)
                return " ".join(words[:-n]).rstrip(" ,")
    # "…, Publisher, 1972" or an unknown capitalised place right before the year
    if "," in head:
        last = head.rsplit(",", 1)[1].strip()
        if last and last[0].isupper() and len(last.split()) <= 4:
            _set_place(ref, last)
            return head.rsplit(",", 1)[0]
    if words and words[-1][:1].isupper() and len(words) >= 3 and words[-2][:1].islower():
        _set_place(ref, words[-1])
        return " ".join(words[:-1])
    return head


def _set_place(ref: ParsedRef, raw: str) -> None:
    raw = raw.strip(" ,.;")
    ref.place_raw = raw
    ref.place = canonical_place(raw) or raw


def _is_name(seg: str, catalogue: Catalogue | None) -> bool:
    toks = seg.replace("(ed)", "(ed.)").split()
    if not toks or len(toks) > 6:
        return False
    if catalogue is not None and catalogue.expand_abbreviation(seg) is not None:
        return False
    if toks[0].lower() in _FUNCTION_WORDS:
        return False
    joined = [t for t in toks if t.lower() not in ("and", "&")]
    return all(_SURNAME_TOKEN.match(t) for t in joined) and not any(t.lower() in {"the", "of"} for t in toks)


def _take_author_and_title(ref: ParsedRef, text: str, catalogue: Catalogue | None) -> None:
    text = text.strip(" ,.;*_")
    if not text:
        return
    segs = [g.strip(" .;*_") for g in _split_commas(text) if g.strip(" .;*_")]
    author_raw = title_raw = None
    # "LCW" / "TRB": an abbreviation naming author and work
    if catalogue is not None:
        for i, g in enumerate(segs):
            exp = catalogue.expand_abbreviation(g)
            if exp is not None:
                if exp[0]:
                    ref.author = exp[0]
                ref.work_raw = g
                ref.work = exp[1]
                ref.known_work = True
                if i > 0 and _is_name(segs[0], catalogue):
                    ref.author_raw = segs[0]
                    ref.author = ref.author or _canonical_author(segs[0], catalogue)
                return
    joint = _AUTHOR_WW.match(f"{segs[0]}, {segs[1]}") if len(segs) >= 2 and _is_name(segs[0], catalogue) else None
    if joint is not None and "," in joint.group("a") and not _is_name(segs[1], catalogue):
        # "K Marx, F Engels Selected correspondence": two authors, the title after the second
        author_raw = joint.group("a")
        title_raw = ", ".join([joint.group("rest"), *segs[2:]])
    elif len(segs) >= 2 and _is_name(segs[0], catalogue):
        author_raw, title_raw = segs[0], _pick_title(segs[1:], catalogue)
    elif len(segs) == 1 and (ref.opcit or ref.secondhand) and _is_name(segs[0], catalogue):
        author_raw = segs[0]
    else:
        m = _AUTHOR_WW.match(segs[0]) if segs else None
        if m:
            author_raw = m.group("a")
            rest = m.group("rest")
            # "VI Lenin CW" / "JV Stalin Works": the abbreviation after the name
            title_raw = ", ".join([rest, *segs[1:]]) if len(segs) > 1 else rest
        else:
            title_raw = _pick_title(segs, catalogue) if segs else None
    if author_raw:
        ref.author_raw = author_raw
        ref.author = _canonical_author(author_raw, catalogue)
    if title_raw:
        title_raw = title_raw.strip(" ,.;*_")
        ref.work_raw = title_raw
        ref.work = title_raw
        if catalogue is not None:
            exp = catalogue.expand_abbreviation(title_raw)
            if exp is not None:
                ref.author = ref.author or exp[0]
                ref.work, ref.known_work = exp[1], True
                return
            found = catalogue.find_work(_strip_year(title_raw), ref.author)
            if found is not None:
                ref.work, ref.known_work = found.title, True
                ref.author = ref.author or found.author
    if ref.work is None and ref.author is None and len(segs) == 1 and catalogue is not None:
        found = catalogue.find_work(_strip_year(segs[0]), None)
        if found is not None:
            ref.work, ref.author, ref.known_work = found.title, found.author, True


def _pick_title(segs: list[str], catalogue: Catalogue | None) -> str | None:
    """The segment that names the work: a known title if one is, else the first title-like one."""
    if catalogue is not None:
        for g in segs:
            if catalogue.expand_abbreviation(g) is not None or catalogue.find_work(_strip_year(g), None):
                return g
    for g in segs:
        if not _PICK_TITLE_RE.search(g) and g[:1].isupper():
            return g
    return segs[0] if segs else None


def _strip_year(title: str) -> str:
    stripped: str = _STRIP_YEAR_RE.sub("", title)
    return stripped.strip()


def _canonical_author(raw: str, catalogue: Catalogue | None) -> str:
    if _CANONICAL_AUTHOR_RE1.fullmatch(raw):
        raw = _CANONICAL_AUTHOR_RE2.sub(" and ", raw)  # "K Marx, F Engels"
    if catalogue is not None:
        known = catalogue.canonical_author(raw)
        if known:
            return known
    return format_author(raw)


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses and quotation marks."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    quote = False
    for c in text:
        if c in "(“‘":
            depth += 1
        elif c in ")”’" and depth:
            depth -= 1
        elif c == '"':
            quote = not quote
        if c == "," and depth == 0 and not quote:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out
