"""References made in prose: "In his article, ‘Better fewer but better’, Lenin",
"Marx’s remarks in his Critique of the Gotha programme".

Only two shapes are read, because they name both a work and its author; a bare
title in running text is not a reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from citecheck.extract.grammar.reference import ParsedRef
from citecheck.extract.names import format_author

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

_GENRE = r"(?:article|essay|pamphlet|book|speech|report|letter|preface|study|paper|theses|thesis|notes|memoirs|diary)"
_NAME = r"(?P<name>\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})"
# In his article, ‘Title’, Name
_IN_HIS = regex.compile(
    rf"\b[Ii]n\s+(?:his|her|their)\s+{_GENRE},?\s*[‘“\"](?P<title>[^’”\"]{{3,160}})[’”\"],?\s+{_NAME}"
)
# Name’s remarks in his Title
_REMARKS = regex.compile(
    rf"{_NAME}[’']s\s+(?:remarks|comments|critique|argument|analysis|discussion|observations|words|notes)\s+"
    rf"in\s+(?:his|her|their)\s+(?P<title>\p{{Lu}}[^.,;:()]{{2,120}})"
)
# What the second shape needs, whatever the name: looked for first, since a name can start at any capital.
_REMARKS_CUE = regex.compile(
    r"[’']s\s+(?:remarks|comments|critique|argument|analysis|discussion|observations|words|notes)\s+"
    r"in\s+(?:his|her|their)\s"
)
_TITLE_END = regex.compile(r"\s+(?:concerning|about|on|where|which|that|when|in|of\s+\d)\b.*$")


def find_prose_references(text: str, lo: int, hi: int, catalogue: Catalogue | None) -> list[tuple[int, int, ParsedRef]]:
    """``(start, end, fields)`` of each prose reference in ``text[lo:hi]``."""
    out = []
    for m in _IN_HIS.finditer(text, lo, hi):
        out.append((m.start(), m.end(), _ref(m.group("name"), m.group("title"), catalogue)))
    if not _REMARKS_CUE.search(text, lo, hi):
        return out
    for m in _REMARKS.finditer(text, lo, hi):
        title, end = _title(m, catalogue)
        out.append((m.start(), end, _ref(m.group("name"), title, catalogue)))
    return out


def _title(m: regex.Match[str], catalogue: Catalogue | None) -> tuple[str, int]:
    raw = m.group("title")
    words = raw.split()
    if catalogue is not None:
        author = catalogue.canonical_author(m.group("name"))
        for n in range(min(len(words), 9), 0, -1):
            cand = " ".join(words[:n])
            found = catalogue.find_work(cand, author, cutoff=92.0)
            if found is not None:
                return cand, m.start("title") + len(cand)
    cut = _TITLE_END.sub("", raw).strip()
    return cut, m.start("title") + len(cut)


def _ref(name: str, title: str, catalogue: Catalogue | None) -> ParsedRef:
    author = (catalogue.canonical_author(name) if catalogue is not None else None) or format_author(name)
    ref = ParsedRef(author=author, author_raw=name, work=title.strip(), work_raw=title.strip())
    if catalogue is not None:
        found = catalogue.find_work(title, author)
        if found is not None:
            ref.work, ref.known_work = found.title, True
    return ref
