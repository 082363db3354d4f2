"""The fixed grammar of author–date and author–page citations.

Harvard, APA and MLA citations name a work by its author and year, or its author alone, and leave
the title to the reference list: ``Trotsky, 1937, p. 94``, ``Carr 1952: 58``, ``Service 2000, pp.
310–12``, ``Figes 1996a, 701``, ``Lenin [1917] 1964: 392``, ``Lenin 212``, ``Deutscher 94–95``.
They are too short for the sequence labeller to read reliably (``Trotsky, 1937`` looks like a
title), and their shape is fixed, so a small grammar reads them: a surname (with a particle, a
second author or "et al."), then a year and a locator, or (MLA) a bare page number with no comma
between (``Anarchy, p. 43`` is a short title). The resolver ties them to the reference list. Only
the parentheses and brackets of the running text are read this way: in a note, ``(Autumn 1989)`` or
``(Verso 1998)`` is an imprint.

A surname here must look like one: a capitalised word that is not a month, a place, a people or a
structural word (``Chapter 3``, ``Article 58``, ``March 1917``, ``Petrograd 1917``); the words come
from ``citecheck/data/`` (``not_names.txt``, ``not_persons.txt``, ``places.txt``, the locator words
of ``reference_words.txt``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from citecheck.extract.grammar.features import word_classes, word_lexicon
from citecheck.models import ParsedReference

_NAME = r"(?:(?:de|De|van|Van|von|Von|la|La|le|Le|du|Du|di|Di|del|Del)\s+)?\p{Lu}[\p{Ll}'’]*+(?:-\p{Lu}[\p{Ll}'’]++)?"
_RANGE = r"[0-9]{1,4}+(?:\s*+(?:-{1,2}+|–|—)\s*+[0-9]{1,4}+)?+"
_PAGES = rf"(?:{_RANGE}(?:\s*+(?:,|and|&)\s*+{_RANGE})*+f{{0,2}}+)"
_GRAMMAR = regex.compile(
    rf"""
    (?P<author>{_NAME}(?:\s*+(?:,\s*+)?(?:and|&)\s++{_NAME}|\s++et\s++al\.?+)?+)
    (?:
        ,?+\s++(?:\[(?P<orig>1[5-9][0-9]{{2}}|20[0-9]{{2}})\]\s*+)?+(?P<year>1[5-9][0-9]{{2}}|20[0-9]{{2}})[a-z]?+
        (?:\s*+\[(?P<orig2>1[5-9][0-9]{{2}}|20[0-9]{{2}})\])?+
        (?:\s*+[,:]\s*+(?:(?P<vol>(?i:vol\.?+|volume)\s*+[0-9IVXL]{{1,6}}+),\s*+)?+(?:(?i:pp?\.)\s*+)?+(?P<pages>{_PAGES}))?+
    |
        \s++(?P<pages_only>{_PAGES})
    )
    \.?+
    """,
    regex.X,
)


@lru_cache(maxsize=1)
def _not_surnames() -> frozenset[str]:
    """Capitalised words that never stand for an author before a year or a page (lower case)."""
    words: set[str] = set(word_classes().get("locator", frozenset()))
    words.update(w for w, classes in word_lexicon().items() if "place" in classes)
    for file in ("data/not_names.txt", "data/not_persons.txt"):
        text = resources.files("citecheck").joinpath(file).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                words.update(w.lower() for w in line.split())
    return frozenset(words)


@lru_cache(maxsize=4096)
def author_date(text: str) -> ParsedReference | None:
    """``text`` read as an author–date or author–page citation, or None when it is not one."""
    s = text.strip()
    m = _GRAMMAR.fullmatch(s)
    if m is None:
        return None
    author = m.group("author")
    first = regex.sub(r"^(?:\p{Ll}+\s+)", "", author).split()[0].rstrip(",").lower()
    if first in _not_surnames():
        return None
    off = text.find(s)
    spans: list[tuple[int, int, str]] = [(off + m.start("author"), off + m.end("author"), "author")]
    year = m.group("year")
    pages = m.group("pages") or m.group("pages_only")
    volume = m.group("vol")
    original = m.group("orig") or m.group("orig2")  # "Lenin [1917] 1964": first published in 1917
    if year is not None:
        spans.append((off + m.start("year"), off + m.end("year"), "year"))
    if volume is not None:
        spans.append((off + m.start("vol"), off + m.end("vol"), "volume"))
    group = "pages" if m.group("pages") else "pages_only"
    if pages is not None:
        spans.append((off + m.start(group), off + m.end(group), "pages"))
    return ParsedReference(
        text=text,
        spans=tuple(spans),
        author=author,
        volume=volume,
        pages=pages,
        year=year,
        original_year=original,
        locators=tuple(sp for sp in spans if sp[2] != "author"),
    )
