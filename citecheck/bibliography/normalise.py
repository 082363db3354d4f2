"""Normalise: map every extracted citation to a BibTeX entry, canonical or generated.

A citation maps to the references.bib entry for its work *and* volume
(``lenin-cw-33``) when the catalogue knows the work; a volume number alone never
picks a work.  Unknown works get a generated key that is stable, readable and
unique (``carr-1975-bolshevik``).  What the text wrote is kept in the citation;
how it differs from the canonical entry is listed as :class:`Variant` records
for the reference-variant rule.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

import regex
from rapidfuzz import fuzz

from citecheck.bibliography.catalogue import Catalogue, WorkRef
from citecheck.extract.names import surname
from citecheck.models import Citation, DocumentResult, NormalisedCitation, Variant
from citecheck.runtime.collector import paused

_VARIANTS_OF_RE1 = regex.compile(r"[*_]")
_VARIANTS_OF_RE2 = regex.compile(r"[^\w]")
_VARIANTS_OF_RE3 = regex.compile(r"[^\w]")

_SLUG = regex.compile(r"[^a-z0-9]+")
_STOP = frozenset(["a", "an", "the", "of", "on", "in", "and", "to", "for", "from", "with"])


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _slug(s: str) -> str:
    slug: str = _SLUG.sub("-", _ascii(s))
    return slug.strip("-")


def _letters(s: str) -> str:
    return "".join(ch for ch in _ascii(s) if ch.isalpha())


def _first_word(title: str) -> str:
    words = [w for w in _slug(title).split("-") if w and w not in _STOP]
    return words[0] if words else "untitled"


def normalise_all(documents: Sequence[DocumentResult], catalogue: Catalogue) -> tuple[NormalisedCitation, ...]:
    """Every citation of every document, normalised; sorted by path, then position.

    Citations that name no work (a page reference that continues nothing) are
    left out: there is no entry to map them to, and the dangling-ibid rule
    reports them from the extraction itself.
    """
    with paused():
        generated = _generated_keys(documents, catalogue)
        memo: dict[tuple[str | None, ...], _Entry] = {}
        out: list[NormalisedCitation] = []
        for doc in sorted(documents, key=lambda d: d.path):
            for c in sorted(doc.citations, key=lambda c: (c.start, c.id)):
                n = normalise_citation(doc.path, c, catalogue, generated, memo)
                if n is not None:
                    out.append(n)
        return tuple(out)


def normalise_citation(
    path: str,
    citation: Citation,
    catalogue: Catalogue,
    generated: dict[tuple[str, str], str] | None = None,
    memo: dict[tuple[str | None, ...], _Entry] | None = None,
) -> NormalisedCitation | None:
    """``citation`` mapped to its entry; None when it names no work.

    ``memo`` keeps the entry of each way of writing a reference for the next
    citation written the same way: a corpus cites the same few places over and over.
    """
    if not citation.work:
        return None
    c = citation
    written = (c.work, c.author, c.volume, c.author_raw, c.work_raw, c.place_raw, c.place, c.year)
    entry = memo.get(written) if memo is not None else None
    if entry is None:
        entry = _entry(c, catalogue, generated)
        if memo is not None:
            memo[written] = entry
    return NormalisedCitation(path, citation, *entry)


#: What a citation's normalisation depends on only through how it is written: key, work key, known,
#: author, title, volume, contents dates, variants (the fields of :class:`NormalisedCitation` after
#: path and citation).
_Entry = tuple[str, str, bool, str | None, str | None, str | None, str | None, tuple[Variant, ...]]


def _entry(citation: Citation, catalogue: Catalogue, generated: dict[tuple[str, str], str] | None) -> _Entry:
    work = _known_work(citation, catalogue)
    if work is not None:
        key = work.key
        contents = None
        if citation.volume and work.multivolume:
            vol = catalogue.volume(work.key, citation.volume)
            key = vol.key if vol is not None else f"{work.key}-{citation.volume}"
            contents = vol.contents_dates if vol is not None else None
        variants = _variants(citation, work, catalogue)
        return (key, work.key, True, work.author, work.title, citation.volume, contents, variants)
    ident = _identity(citation)
    work_key = (generated or {}).get(ident) or _base_key(citation)
    key = f"{work_key}-{citation.volume}" if citation.volume else work_key
    return (key, work_key, False, citation.author, citation.work, citation.volume, None, ())


def _known_work(c: Citation, catalogue: Catalogue) -> WorkRef | None:
    assert c.work is not None
    return catalogue.find_work(c.work, c.author)


def _identity(c: Citation) -> tuple[str, str]:
    """What makes two unknown citations the same work: surname and title, folded."""
    return (_ascii(surname(c.author) or ""), _slug(c.work or ""))


def _base_key(c: Citation) -> str:
    name = _slug(surname(c.author) or "anon") or "anon"
    year = c.year or "nd"
    return f"{name}-{year}-{_first_word(c.work or '')}"


def _generated_keys(documents: Sequence[DocumentResult], catalogue: Catalogue) -> dict[tuple[str, str], str]:
    """One key per unknown work, the same for every citation of it, never colliding.

    The year in the key is the earliest year any citation of the work gives,
    so the key does not depend on which document is read first.
    """
    taken = {w.key for w in catalogue.works()}
    years: dict[tuple[str, str], str] = {}
    firsts: dict[tuple[str, str], Citation] = {}
    for doc in documents:
        for c in doc.citations:
            if not c.work or _known_work(c, catalogue) is not None:
                continue
            ident = _identity(c)
            firsts.setdefault(ident, c)
            if c.year and (ident not in years or c.year < years[ident]):
                years[ident] = c.year
    out: dict[tuple[str, str], str] = {}
    for ident in sorted(firsts):
        c = firsts[ident]
        name = _slug(surname(c.author) or "anon") or "anon"
        base = f"{name}-{years.get(ident, 'nd')}-{_first_word(c.work or '')}"
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        taken.add(key)
        out[ident] = key
    return out


def _variants(c: Citation, work: WorkRef, catalogue: Catalogue) -> tuple[Variant, ...]:
    # corpora repeat the same reference many times: compare each written form once
    return _variants_of(c.author_raw or c.author, c.work_raw, c.place_raw, c.place, c.year, work, catalogue)


@functools.lru_cache(maxsize=16384)
def _variants_of(
    written_author: str | None,
    work_raw: str | None,
    place_raw: str | None,
    place: str | None,
    year: str | None,
    work: WorkRef,
    catalogue: Catalogue,
) -> tuple[Variant, ...]:
    out: list[Variant] = []
    if written_author and work.author:
        # a variant only when no canonical surname is in what was written ("K Marx, F Engels" is fine)
        written_letters = _letters(written_author)
        accepted = catalogue.accepted_spelling(surname(written_author) or written_author)
        if not accepted and not any(_letters(surname(a) or a) in written_letters for a in work.author.split(" and ")):
            out.append(Variant("author", written_author, work.author, "spelling"))
    if work_raw:
        written = _VARIANTS_OF_RE1.sub("", work_raw).strip()
        if _ascii(written) != _ascii(work.title) and catalogue.expand_abbreviation(written) is None:
            if _ascii(_VARIANTS_OF_RE2.sub("", written)) == _ascii(_VARIANTS_OF_RE3.sub("", work.title)):
                out.append(Variant("title", written, work.title, "case"))
            elif fuzz.ratio(_ascii(written), _ascii(work.title)) >= 90:
                out.append(Variant("title", written, work.title, "spelling"))
    # the extractor corrects known misspellings of places ("Harmonsworth"); the written form is kept
    if place_raw and place and _ascii(place_raw) != _ascii(place):
        out.append(Variant("place", place_raw, place, "spelling"))
    if year:
        known = catalogue.known_years(work.key)
        if known and year not in known:
            out.append(Variant("year", year, ", ".join(sorted(known)[:1] + sorted(known)[-1:]), "unknown-edition"))
    return tuple(out)
