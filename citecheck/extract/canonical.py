"""The last stage of extraction: write known authors, works and places one way.

Everything before this stage reads the text alone. Here, and only here, the curated bibliography
(references.bib, through :class:`~citecheck.bibliography.catalogue.Catalogue`) and the list of
places (``citecheck/data/places.txt``) turn what was parsed into canonical forms: ``VI Lenin`` and
``LCW`` become ``Lenin, V. I.``, ``CW`` becomes ``Collected Works``, ``Harmonsworth`` becomes
``Harmondsworth``. What the text wrote stays in the ``*_raw`` fields.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import regex
from rapidfuzz import fuzz, process

from citecheck.extract.names import format_author, looks_like_person

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

_SPACE_OR_HYPHEN = regex.compile(r"[\s-]+")


@lru_cache(maxsize=1)
def _places() -> tuple[str, ...]:
    text = resources.files("citecheck").joinpath("data/places.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _folded_places() -> tuple[str, ...]:
    return tuple(_SPACE_OR_HYPHEN.sub("", p).lower() for p in _places())


@lru_cache(maxsize=4096)
def canonical_place(written: str) -> str | None:
    """The known place ``written`` names, misspellings within one or two edits tolerated, else None."""
    key = _SPACE_OR_HYPHEN.sub("", written).lower()
    if not key:
        return None
    best = process.extractOne(key, _folded_places(), scorer=fuzz.ratio, score_cutoff=88 if len(key) > 6 else 100)
    return _places()[best[2]] if best else None


def place(written: str | None) -> str | None:
    """A place of publication in its known spelling, else as written."""
    if written is None:
        return None
    return canonical_place(written) or " ".join(written.split())


def author(written: str | None, catalogue: Catalogue | None) -> str | None:
    """An author in one ``Surname, I. I.`` form: the catalogue's when it knows the person."""
    if written is None:
        return None
    if catalogue is not None:
        known = catalogue.canonical_author(written)
        if known:
            return known
    return format_author(written) if looks_like_person(written) else " ".join(written.split())


def work(written: str | None, author: str | None, catalogue: Catalogue | None) -> tuple[str | None, str | None]:
    """A work under the catalogue's title when it knows it, else as written; and its author, which
    an abbreviation of one author's edition gives (``LCW`` is Lenin's *Collected Works*)."""
    if written is None:
        return None, author
    if catalogue is not None:
        known = catalogue.find_work(written, author)
        if known is not None:
            return known.title, author or known.author
    return " ".join(written.split()), author
