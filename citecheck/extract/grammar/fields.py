"""From labelled tokens to the fields of a :class:`~citecheck.models.ParsedReference`.

Runs of tokens with one label become a field, cut from the reference string as written (so
spacing and inner punctuation survive); keywords that only announce a field (``vol.``, ``ed.``,
``quoted in``) and the punctuation around it are trimmed; locators go through the normalisers of
:mod:`citecheck.extract.grammar.locators`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from citecheck.extract.grammar.locators import first_year
from citecheck.models import ParsedReference, Token

_TRIM = " \t\r\n,;:.([)]/|—–-"
_QUOTES = "“”„«»‘’\"'"
_EDITOR_WORDS = regex.compile(
    r"^(?:(?i:ed(?:ited)?|eds|trans(?:lated)?|tr|transl|comp(?:iled)?)\.?(?:\s+(?i:and|&)\s+(?i:trans(?:lated)?)\.?)?(?:\s+by)?\s+)"
    r"|\s*,?\s*\(?(?i:eds?|editors?|trans)\.?(?:\s*&\s*(?i:trans)\.?)?\)?\s*$"
)
_GLUE_IN_AUTHORS = frozenset({",", ";", "and", "&", "with"})
# "op. cit.", "loc. cit.", German "a.a.O." (am angegebenen Ort: the work cited before)
_OPCIT = regex.compile(r"\b(?:op|loc)\b|\ba\.\s*+a\.\s*+o\b", regex.I)


def _runs(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, first token, last token)`` of each run of one label."""
    out: list[tuple[str, int, int]] = []
    for k, lab in enumerate(labels):
        if out and out[-1][0] == lab and out[-1][2] == k - 1:
            out[-1] = (lab, out[-1][1], k)
        else:
            out.append((lab, k, k))
    return out


def _clean(s: str) -> str:
    s = " ".join(s.split())
    prev = None
    while prev != s:
        prev = s
        s = s.strip(_TRIM)
        if not s:
            break
        if len(s) >= 2 and s[0] in _QUOTES and s[-1] in _QUOTES:
            s = s[1:-1]
        elif s[:1] in _QUOTES and s.count(s[0]) == 1 and s[0] not in "'’":
            s = s[1:]
        elif s[-1:] in _QUOTES and s.count(s[-1]) == 1 and s[-1] not in "'’":
            s = s[:-1]
    if not s.endswith(".") and _INITIAL_END.search(s) and len(s) > 2:
        s += "."  # "N.J" was "N.J.": an abbreviation keeps its full stop
    return s


# ends in an abbreviation whose full stop was trimmed: "Englewood Cliffs, N.J", "Washington, D.C"
_INITIAL_END = regex.compile(r"(?:^|[\s,])(?:\p{Lu}\.){1,3}\p{Lu}$")


def assemble(
    text: str, tokens: Sequence[Token], labels: Sequence[str], hints: Sequence[tuple[int, int, str]] = ()
) -> ParsedReference:
    """The parsed reference of ``text`` whose ``tokens`` carry ``labels``.

    ``hints`` are the locator grammar's findings; a year it calls an original year ("1964 (1920)",
    "(1946; New York: …, 1995)") is never taken as the year of the edition cited.
    """
    runs = _runs(tokens, labels)
    original_at = [(s, e) for s, e, h in hints if h == "origyear"]
    spans = tuple((tokens[a].start, tokens[b].end, lab) for lab, a, b in runs if lab != "other")
    first: dict[str, str] = {}
    every: dict[str, list[str]] = {}
    for lab, a, b in runs:
        if lab == "other":
            continue
        piece = text[tokens[a].start : tokens[b].end]
        every.setdefault(lab, []).append(piece)
        first.setdefault(lab, piece)
    author = _authors(text, tokens, labels, runs)
    years: list[str] = []
    originals: list[str] = []
    for lab, a, b in runs:
        if lab == "year" and (y := first_year(text[tokens[a].start : tokens[b].end])):
            s = tokens[a].start
            (originals if any(os <= s < oe for os, oe in original_at) else years).append(y)
    # two publications (an original and the reprint cited): the year is the last one's
    years = years[::-1] + originals
    date = first.get("date")
    year = years[0] if years else _issue_year(text, tokens, runs)
    original = years[1] if len(years) > 1 else None
    pages = ", ".join(p for p in every.get("pages", [])) or None
    ibid_text = " ".join(every.get("ibid", []))
    return ParsedReference(
        text=text,
        spans=spans,
        author=author,
        editor=_editor(first.get("editor")),
        part=_field(first.get("part")),
        title=_field(first.get("title")),
        container=_field(first.get("container")),
        volume=_field(first.get("volume")),
        issue=_field(first.get("issue")),
        pages=" ".join(pages.split()) if pages else None,
        place=_field(first.get("place")),
        publisher=_field(first.get("publisher")),
        year=year,
        original_year=original,
        date=_field(date),
        ibid=bool(ibid_text),
        opcit=bool(_OPCIT.search(ibid_text)),
        secondhand="secondhand" in first,
        locators=tuple(hints),
    )


def _issue_year(text: str, tokens: Sequence[Token], runs: list[tuple[str, int, int]]) -> str | None:
    """The year of what is cited when only dates give one: a periodical's issue date in parentheses
    ("*Fourth International* 4, no. 11 (Dec. 1943)"), else the first date when it is a letter's or a
    newspaper's; not the date of writing of a piece cited in a volume of collected works ("March
    18-23, 1919. “Report …”, Collected Works, Vol. XXIV")."""
    dates = [(a, b) for lab, a, b in runs if lab == "date"]
    if not dates:
        return None
    labels = {lab for lab, _, _ in runs}
    inside = [(a, b) for a, b in dates if tokens[a].depth > 0]
    if inside:
        a, b = inside[0]
    elif not ("volume" in labels and "container" in labels):
        a, b = dates[0]
    else:
        return None
    return first_year(text[tokens[a].start : tokens[b].end])


def _field(s: str | None) -> str | None:
    if s is None:
        return None
    return _clean(s) or None


def _editor(s: str | None) -> str | None:
    if s is None:
        return None
    return _clean(_EDITOR_WORDS.sub("", _clean(s))) or None


def _authors(text: str, tokens: Sequence[Token], labels: Sequence[str], runs: list[tuple[str, int, int]]) -> str | None:
    """The authors: the first author run, joined to later ones separated only by ``,``/``;``/``and``."""
    start = end = None
    for lab, a, b in runs:
        if start is None:
            if lab == "author":
                start, end = a, b
            continue
        if lab == "author":
            end = b
        elif lab == "other" and all(tokens[k].text.lower() in _GLUE_IN_AUTHORS for k in range(a, b + 1)):
            continue
        else:
            break
    if start is None or end is None:
        return None
    name = _clean(text[tokens[start].start : tokens[end].end])
    return _POSSESSIVE_END.sub("", name) or None


_POSSESSIVE_END = regex.compile(r"['’]s$")
