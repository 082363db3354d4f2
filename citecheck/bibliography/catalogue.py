"""The curated references.bib as a catalogue of works, volumes, authors and aliases.

Read with bibtexparser 2.x and an explicit parse stack; queried by the
extractor (canonical author names, abbreviations, fuzzy titles) and by the
normaliser and the rules (volumes and the dates they cover, known printings).
The fields beyond standard BibTeX are described at the top of references.bib.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex
from bibtexparser import middlewares as mw
from bibtexparser.entrypoint import parse_string as _parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares.middleware import Middleware
from bibtexparser.model import DuplicateBlockKeyBlock, Entry
from rapidfuzz import fuzz, process

from citecheck.bibliography.dates import interval
from citecheck.extract.names import format_author, surname
from citecheck.source.load import decode, invalid_utf8_line

_CANONICAL_AUTHOR_RE = regex.compile(r"\s+(?:and|&)\s+|\s*;\s*")


def parse_stack() -> list[Middleware]:
    """The parse middlewares, pinned: resolve ``@string`` macros, strip braces and quotes."""
    return [
        mw.ResolveStringReferencesMiddleware(allow_inplace_modification=False),
        mw.RemoveEnclosingMiddleware(allow_inplace_modification=False),
    ]


class CatalogueError(Exception):
    """references.bib cannot be used: it does not parse, or a key is defined twice."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True, slots=True)
class WorkRef:
    """A work of the catalogue: a one-volume book or a multi-volume edition."""

    key: str
    author: str | None
    title: str
    multivolume: bool


@dataclass(frozen=True, slots=True)
class VolumeInfo:
    """One volume of a multi-volume work and the dates of the writings it holds."""

    key: str
    volume: str
    contents_dates: str | None
    confirmed: bool


_YEAR_RANGE = regex.compile(r"(\d{4})\s*(?:-{1,2}|–)\s*(\d{4})|(\d{4})")
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_TRAILING_YEARS = regex.compile(r"[\s,:(]*\d{4}(?:\s*[-–]\s*\d{2,4})?\)?\s*$")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    folded: str = _NOT_WORD.sub(" ", s.replace("’", "'").replace("'", ""))
    return folded.strip().casefold()


def _title_key(title: str) -> str:
    """Titles compared without case, punctuation, a leading article or trailing years."""
    t = title.split(":")[0] if ":" in title else title
    t = _TRAILING_YEARS.sub("", t)
    f = _fold(t)
    return f[4:] if f.startswith("the ") else f


def _split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _field(entry: Entry, name: str) -> str | None:
    f = entry.fields_dict.get(name)
    return str(f.value).strip() if f is not None and str(f.value).strip() else None


class Catalogue:
    """Works, volumes and authors of a references.bib, indexed for lookup."""

    def __init__(
        self, library: Library, raw: Library | None = None, path: str = "references.bib", text: str = ""
    ) -> None:
        self.path = path
        #: The BibTeX text the catalogue was read from ("" when built from a library).
        self.text = text
        self._library = library
        self._raw = raw if raw is not None else library
        self._entries: dict[str, Entry] = {e.key: e for e in library.entries}
        self._works: dict[str, WorkRef] = {}
        self._volumes: dict[str, dict[str, VolumeInfo]] = {}
        self._authors: dict[str, str] = {}  # folded surname or variant -> canonical author
        self._same_person: dict[str, str] = {}  # folded variant or misspelling -> folded surname
        self._accepted: set[str] = set()  # folded accepted spellings (authorvariants)
        self._aliases: dict[str, list[str]] = {}  # folded alias -> work keys
        self._titles: list[tuple[str, str]] = []  # (title key, work key)
        for e in library.entries:
            parent = _field(e, "crossref")
            if parent is not None and _field(e, "volume") is not None:
                self._volumes.setdefault(parent, {})[str(_field(e, "volume"))] = VolumeInfo(
                    e.key,
                    str(_field(e, "volume")),
                    _field(e, "contentsdate"),
                    (_field(e, "contentsdatestatus") or "confirmed") != "unconfirmed",
                )
        for e in library.entries:
            if _field(e, "crossref") is not None:
                continue
            title = _field(e, "title")
            if title is None:
                continue
            author = _field(e, "author") or _field(e, "editor")
            multi = _field(e, "volumes") is not None or e.key in self._volumes
            self._works[e.key] = WorkRef(e.key, author, title, multi)
            for t in [title, *_split_list(_field(e, "titlevariants"))]:
                self._titles.append((_title_key(t), e.key))
            for a in _split_list(_field(e, "aliases")):
                self._aliases.setdefault(_fold(a), []).append(e.key)
            if author:
                for one in author.split(" and "):
                    name = surname(one)
                    if name:
                        self._authors.setdefault(_fold(name), one.strip())
                main = author.split(" and ")[0].strip()
                for v in _split_list(_field(e, "authorvariants")) + _split_list(_field(e, "authormisspellings")):
                    self._same_person[_fold(v)] = _fold(surname(main) or main)
                for v in _split_list(_field(e, "authormisspellings")):
                    self._authors.setdefault(_fold(v), main)  # corrected to the canonical spelling
                initials = main.partition(",")[2].strip()
                self._accepted.update(_fold(v) for v in _split_list(_field(e, "authorvariants")))
                for v in _split_list(_field(e, "authorvariants")):
                    # an accepted spelling is kept as written, in the canonical form
                    self._authors.setdefault(_fold(v), f"{v}, {initials}" if initials else v)
        self._title_keys = [t for t, _ in self._titles]

    # ------------------------------------------------------------------ loading
    @classmethod
    def empty(cls) -> Catalogue:
        """A catalogue that knows no work."""
        return cls(Library())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Catalogue:
        """Read ``path``; :class:`CatalogueError` when it does not parse or repeats a key."""
        name = os.fspath(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise CatalogueError(name, None, f"cannot read: {exc.strerror or exc}") from None
        # UTF-8 (a BOM allowed) or UTF-16/32 with a BOM, as for the corpus; but nothing guessed: the
        # curated bibliography is copied into merged.bib, so a wrong guess would spread.
        text, how = decode(data, guess=False)
        if text is None:
            line = invalid_utf8_line(data) if how.startswith("not valid UTF-8") else None
            raise CatalogueError(name, line, how.replace(f" on line {line}", "") if line else how)
        return cls.from_text(text, name)

    @classmethod
    def from_text(cls, text: str, path: str = "references.bib") -> Catalogue:
        """The catalogue of BibTeX ``text`` (``path`` names it in errors)."""
        # bibtexparser logs each failed block itself; we report failures as one line naming the line
        logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
        raw = _parse_string(text, parse_stack=[])
        _raise_failures(raw, path)
        library = _parse_string(text, parse_stack=parse_stack())
        _raise_failures(library, path)
        _check_dates(library, path)
        return cls(library, raw, path, text)

    @property
    def digest(self) -> str:
        """A digest of the catalogue: what extraction results cached under it depend on.

        The BibTeX text when there is one; for a catalogue built from a library in
        memory, its entries and their fields.
        """
        content = self.text or repr(
            sorted(
                (e.key, e.entry_type, sorted((f.key, str(f.value)) for f in e.fields)) for e in self._entries.values()
            )
        )
        return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()

    # ------------------------------------------------------------------ queries
    def library(self) -> Library:
        """The library as written (``@string`` macros unresolved), for lossless export."""
        return self._raw

    def entry(self, key: str) -> Entry | None:
        """The entry with ``key``, macros resolved and braces removed."""
        return self._entries.get(key)

    def works(self) -> tuple[WorkRef, ...]:
        """Every work, sorted by key."""
        return tuple(self._works[k] for k in sorted(self._works))

    def work(self, work_key: str) -> WorkRef | None:
        """The work with ``work_key``."""
        return self._works.get(work_key)

    def volumes(self, work_key: str) -> tuple[VolumeInfo, ...]:
        """The volumes references.bib lists for a work, in volume order."""
        vols = self._volumes.get(work_key, {})
        return tuple(vols[v] for v in sorted(vols, key=lambda v: (len(v), v)))

    def volume(self, work_key: str, volume: str) -> VolumeInfo | None:
        """Volume ``volume`` of ``work_key``, when references.bib lists it."""
        return self._volumes.get(work_key, {}).get(volume)

    def known_years(self, work_key: str) -> frozenset[str]:
        """Years of the known editions, printings and reprints of a work."""
        e = self._entries.get(work_key)
        if e is None:
            return frozenset()
        years: set[str] = set()
        for text in (_field(e, "year"), _field(e, "printings")):
            for m in _YEAR_RANGE.finditer(text or ""):
                if m.group(3):
                    years.add(m.group(3))
                else:
                    years.update(str(y) for y in range(int(m.group(1)), int(m.group(2)) + 1))
        return frozenset(years)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - the catalogue lives as long as the run
    def canonical_author(self, written: str) -> str | None:
        """``"VI Lenin"``, ``"Lenin"``, ``"Shapiro"`` -> the form references.bib uses, else None."""
        parts = _CANONICAL_AUTHOR_RE.split(written.strip())
        out: list[str] = []
        for part in parts:
            name = surname(format_author(part)) if part else None
            canon = self._authors.get(_fold(name)) if name else None
            if canon is None:
                return None
            out.append(canon)
        return " and ".join(out) if out else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019
    def expand_abbreviation(self, token: str) -> tuple[str | None, str] | None:
        """``"LCW"`` -> (Lenin, Collected Works); ``"CW"`` -> (None, Collected Works); unknown -> None."""
        keys = self._aliases.get(_fold(token))
        if not keys:
            return None
        works = [self._works[k] for k in keys]
        authors = {w.author for w in works}
        titles = {w.title for w in works}
        if len(works) == 1 or (len(authors) == 1 and len(titles) == 1):
            return works[0].author, works[0].title
        if len(titles) == 1:
            return None, works[0].title
        return None

    @functools.lru_cache(maxsize=8192)  # noqa: B019
    def find_work(self, title: str, author: str | None = None, *, cutoff: float = 88.0) -> WorkRef | None:
        """The work ``title`` names (fuzzy, aliases included), by ``author`` when given.

        A title several authors share ("Collected Works") names no work without an author.
        """
        key = _title_key(title)
        if not key:
            return None
        candidates: set[str] = set(self._aliases.get(_fold(title), []))
        for _match, score, idx in process.extract(
            key, self._title_keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            del score
            candidates.add(self._titles[idx][1])
        works = [self._works[k] for k in sorted(candidates)]
        if author:
            works = self._by(works, author)
        if not works:
            return None
        best = max(works, key=lambda w: (fuzz.ratio(key, _title_key(w.title)), w.key))
        if author is None and len({(w.author, w.title) for w in works}) > 1:
            tops = [w for w in works if _title_key(w.title) == _title_key(best.title)]
            if len({w.author for w in tops}) > 1:
                return None
        return best

    def resolve_key(self, key: str) -> tuple[WorkRef, VolumeInfo | None] | None:
        """The work and volume a key names: ``"lenin-cw-29"`` -> (Collected Works, vol. 29); unknown -> None."""
        work = self._works.get(key)
        if work is not None:
            return work, None
        entry = self._entries.get(key)
        parent = _field(entry, "crossref") if entry is not None else None
        volume = _field(entry, "volume") if entry is not None else None
        if parent is None or volume is None or parent not in self._works:
            return None
        return self._works[parent], self.volume(parent, volume)

    def work_named_in(self, text: str, author: str | None = None) -> WorkRef | None:
        """The work whose title (or a title variant) ``text`` contains, by ``author`` when given.

        For headers such as "Lenin's Collected Works, 4th English Edition, …":
        the longest title found wins; a title several authors share names no
        work unless ``author`` says whose it is.
        """
        folded = f" {_fold(text)} "
        found: dict[str, int] = {}
        for title_key, work_key in self._titles:
            if title_key and f" {title_key} " in folded:
                found[work_key] = max(found.get(work_key, 0), len(title_key))
        if not author:  # a one-word title ("Writings") says too little without an author
            found = {k: n for k, n in found.items() if " " in self._longest_title(k, folded)}
        works = [self._works[k] for k in sorted(found)]
        if author:
            works = self._by(works, author)
        if not works:
            return None
        longest = max(found[w.key] for w in works)
        best = [w for w in works if found[w.key] == longest]
        return best[0] if len(best) == 1 else None

    def _by(self, works: list[WorkRef], author: str) -> list[WorkRef]:
        """The works of ``works`` that ``author`` (any spelling references.bib knows) wrote or co-wrote."""
        name = self._person(surname(author) or author)
        return [
            w for w in works if w.author and name in {self._person(surname(a) or a) for a in w.author.split(" and ")}
        ]

    def _longest_title(self, work_key: str, folded: str) -> str:
        keys = [t for t, k in self._titles if k == work_key and t and f" {t} " in folded]
        return max(keys, key=len, default="")

    def accepted_spelling(self, name: str) -> bool:
        """Whether ``name`` (a surname) is an accepted variant spelling listed in ``authorvariants``."""
        return _fold(name) in self._accepted

    def _person(self, name: str) -> str:
        f = _fold(name)
        return self._same_person.get(f, f)


def _raise_failures(library: Library, path: str) -> None:
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            prev = block.previous_block.start_line if block.previous_block is not None else None
            first = prev + 1 if prev is not None else None
            where = f" (first defined at line {first})" if first else ""
            raise CatalogueError(path, line, f"duplicate key {block.key!r}{where}")
        raise CatalogueError(path, line, f"cannot parse this block: {_first_line(block.raw)}")


def _check_dates(library: Library, path: str) -> None:
    """:class:`CatalogueError` for a ``contentsdate`` that is not a real ISO 8601 date or interval."""
    for e in library.entries:
        value = _field(e, "contentsdate")
        if value is not None and interval(value) is None:
            raise CatalogueError(
                path,
                (e.start_line or 0) + 1,
                f"contentsdate {value!r} of {e.key!r} is not an ISO 8601 date or interval "
                "(1917, 1917-10 or 1917-10-25, or two of them joined by / in order)",
            )


def _first_line(raw: str | None) -> str:
    return (raw or "").strip().splitlines()[0][:80] if (raw or "").strip() else "(empty)"
