"""The data citecheck passes between its stages, in one place.

Every record is a frozen dataclass: a stage never mutates what an earlier stage
produced, it builds a new record (``dataclasses.replace``).  Offsets are indices
into the decoded source text of a document (``Document.text``); ``line`` and
``column`` are 1-based and refer to that same source text, so they stay right
for Markdown and HTML, whose markup the extractors never see.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

#: The kinds of reference the extractor knows (the ``kind`` field of a citation).
CITATION_KINDS = ("footnote", "ibid", "inline", "attribution", "quoted-in", "wikilink", "prose")

#: How a quotation is set: inside quotation marks in running text, or set off as a block.
QUOTATION_FORMS = ("inline", "block")


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded input file.

    ``text`` is the whole file decoded to ``str`` with line ends kept as written
    (``\\r\\n`` and bare ``\\r`` included), so offsets and line numbers agree with
    what an editor shows.
    """

    path: str
    text: str
    format: str  # "text" | "markdown" | "html"
    sha256: str
    encoding: str = "utf-8"
    #: What the reader had to guess to read the file (an encoding), for a warning; None when nothing.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Repair:
    """A mojibake repair made while reading a document (reported, never silent)."""

    line: int
    column: int
    original: str
    replacement: str
    reason: str


@dataclass(frozen=True, slots=True)
class Citation:
    """One bibliographic reference found in a document.

    The parsed fields are normalised (``volume`` in arabic numerals, ``pages``
    without ``p.``/``pp.`` and with short ranges written out, ``author`` in one
    canonical ``Surname, Initials`` form); what the text actually said is kept
    beside them in the ``*_raw`` fields so that later stages can compare spellings.
    """

    id: str
    line: int
    column: int
    start: int
    end: int
    raw: str
    kind: str
    author: str | None = None
    work: str | None = None
    volume: str | None = None
    pages: str | None = None
    year: str | None = None
    place: str | None = None
    publisher: str | None = None
    note: int | None = None
    resolves_to: str | None = None
    #: True for "Quoted in/by X": X is the (secondary) source, not the speaker.
    secondhand: bool = False
    #: The date of the cited material as an ISO 8601 date or interval, when the
    #: citation itself names one (an attribution line "March 18-23, 1919").
    material_date: str | None = None
    author_raw: str | None = None
    work_raw: str | None = None
    volume_raw: str | None = None
    pages_raw: str | None = None
    place_raw: str | None = None
    #: For ibid / op. cit. / short forms: why resolution failed or is doubtful.
    resolution_problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The citation as a JSON-ready dict (the documented schema)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: words of someone else, in quotation marks or set as a block."""

    id: str
    line: int
    column: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    form: str = "inline"
    citation: str | None = None
    #: How the speaker was found ("cue", "attribution", "citation", "echo", "context").
    speaker_basis: str | None = None
    #: Date of the quoted words when the surrounding prose names one (ISO 8601).
    material_date: str | None = None
    #: The paragraph around the quotation, for reports (source offsets).
    context_start: int = 0
    context_end: int = 0

    def to_json(self) -> dict[str, Any]:
        """The quotation as a JSON-ready dict (the documented schema)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one document."""

    path: str
    sha256: str
    format: str
    citations: tuple[Citation, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    repairs: tuple[Repair, ...] = ()
    #: The decoded source text (for context in reports and inline suppressions);
    #: not part of the JSON output.
    source: str = field(default="", repr=False, compare=False)
    #: How the file was decoded: ``utf-8``, ``utf-8-sig``, ``utf-16-le`` ..., or ``cp1252`` /
    #: ``latin-1`` / ``utf-8+cp1252`` for a file that is not valid UTF-8 (read with a warning).
    encoding: str = "utf-8"

    def citation(self, cid: str | None) -> Citation | None:
        """The citation with id ``cid`` (None when absent)."""
        if cid is None:
            return None
        for c in self.citations:
            if c.id == cid:
                return c
        return None

    def to_json(self) -> dict[str, Any]:
        """The document as a JSON-ready dict (the documented schema)."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "citations": [c.to_json() for c in self.citations],
            "quotations": [q.to_json() for q in self.quotations],
            "repairs": [asdict(r) for r in self.repairs],
        }


@dataclass(frozen=True, slots=True)
class InputError:
    """A file that could not be read, or a line that could not be processed."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something about an input the user should know that does not stop it being read (an encoding guessed)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class OutputError(Exception):
    """An output cannot be written (or may not be); the message is one line naming it and why."""


class SchedulerError(Exception):
    """The Dask scheduler cannot be reached or used."""


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``error > warning > info``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        """``"warning"`` -> ``Severity.WARNING`` (case-insensitive)."""
        try:
            return cls[name.strip().upper()]
        except KeyError as exc:
            raise ValueError(f"unknown severity {name!r} (info, warning, error)") from exc

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the corpus that a finding points at."""

    path: str
    line: int
    column: int
    excerpt: str
    #: What this location contributes to the conflict ("Vol. 24", "p. 287", a wording).
    detail: str | None = None
    #: Where the paragraph around the location is, for reports that show it: source offsets of
    #: the paragraph and of the quotation in it (``paragraph_start, paragraph_end, start, end``).
    #: Offsets rather than text, so runs that never show the paragraph never build it.
    context_span: tuple[int, int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy reported by a rule."""

    code: str
    rule: str
    severity: Severity
    message: str
    locations: tuple[Location, ...]
    fingerprint: str
    #: A source the corpus gives elsewhere, when the rule knows one.
    suggestion: str | None = None
    #: Rule-specific data for reports (the conflicting values, wordings to diff ...).
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict (the documented schema)."""
        locations = []
        for loc in self.locations:
            place: dict[str, Any] = {"path": loc.path, "line": loc.line, "column": loc.column, "excerpt": loc.excerpt}
            if loc.detail:
                place["detail"] = loc.detail
            locations.append(place)
        out: dict[str, Any] = {
            "rule": self.rule,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "locations": locations,
            "fingerprint": self.fingerprint,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if "evidence" in self.data:  # what a primary text says: the passage, where it is, how it differs
            out["evidence"] = self.data["evidence"]
        return out


@dataclass(frozen=True, slots=True)
class Variant:
    """A way a citation's metadata differs from the canonical entry it maps to."""

    field: str  # "author" | "title" | "place" | "year" | "publisher" ...
    written: str
    canonical: str
    kind: str  # "spelling" | "case" | "unknown-edition" | "conflict"


@dataclass(frozen=True, slots=True)
class NormalisedCitation:
    """A citation mapped to a BibTeX entry (canonical from references.bib, or generated)."""

    path: str
    citation: Citation
    #: Key of the entry for this work *and volume* in the merged bibliography ("lenin-cw-33").
    key: str
    #: Key of the work regardless of volume ("lenin-cw"); equal to ``key`` for one-volume works.
    work_key: str
    #: True when references.bib has the entry; False for a generated one.
    known: bool
    author: str | None = None
    title: str | None = None
    volume: str | None = None
    #: ISO 8601 interval of the writings the volume holds ("1920-12/1921-08"), when known.
    contents_dates: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What ``citecheck check`` computes: documents, their normalised citations, findings."""

    documents: tuple[DocumentResult, ...]
    normalised: tuple[NormalisedCitation, ...]
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...] = ()
    warnings: tuple[InputWarning, ...] = ()


# ---------------------------------------------------------------------------- primary texts
#: How a primary text was read: a Marxists Internet Archive page, plain text, Markdown.
SOURCE_FORMATS = ("mia", "text", "markdown")


@dataclass(frozen=True, slots=True)
class SourceWork:
    """What a primary text is, as its header, front matter or folder index says, tied to references.bib."""

    path: str
    format: str
    author: str | None = None
    title: str | None = None
    edition: str | None = None
    volume: str | None = None
    #: The pages the text fills in its edition ("141-225"), when the header gives them.
    pages: str | None = None
    #: ISO 8601 date or interval of writing or delivery (else of first publication).
    date: str | None = None
    #: Which date ``date`` is: "written", "delivered", "published" or "date" (front matter).
    date_kind: str | None = None
    #: The references.bib key of the volume ("lenin-cw-29"), or of a one-volume work.
    key: str | None = None
    #: The references.bib key of the work regardless of volume ("lenin-cw").
    work_key: str | None = None
    #: The folder's index page the header came from, when the text has none of its own.
    header_from: str | None = None
    #: The "Source:" line as written, for the listing.
    source_line: str | None = None
    #: Front matter says the text is the whole volume (or work): a passage not in it is not in the volume.
    complete: bool = False
    #: Why the text cannot be tied to a work ("no bibliographic header; add front matter").
    problem: str | None = None
    #: How many words of text the source has.
    words: int = 0
    #: Whether page markers in the text locate each page exactly.
    paged: bool = False
    #: Parts its folder's index page lists that are not among the sources (the text of ``pages``
    #: is then held only in part).
    missing_parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceText:
    """A primary text as read: its own header fields, its text, and where its pages begin.

    ``fields`` are the header as written (``source``, ``written``, ``delivered``,
    ``published``, ``author``, ``title``; front matter keys as given), before
    inheritance from a folder index and before the tie to references.bib.
    """

    path: str
    format: str
    sha256: str
    text: str
    fields: tuple[tuple[str, str], ...] = ()
    #: (index of the first word of the page, page label), in text order.
    pages: tuple[tuple[int, str], ...] = ()
    #: 1-based line of the header in the file (for findings about it).
    header_line: int = 1

    def field(self, name: str) -> str | None:
        """The header field ``name`` as written, or None."""
        for key, value in self.fields:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class SourceWords:
    """A primary text's words as the index numbers them (computed once, kept in the cache with the text).

    ``folded`` are the text's distinct words as written, folded
    (:func:`citecheck.checks.match.fold_word`); ``ids`` gives, for each word of the
    text in order, its place in ``folded``; ``offsets`` where it begins in the
    text.  Both are little-endian 32-bit integers.
    """

    folded: tuple[str, ...] = ()
    ids: bytes = b""
    offsets: bytes = b""


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word diff between a quotation and its source passage.

    ``kind``: "same"; "changed" (words replaced); "omitted" (source words left out with no
    ellipsis); "inserted" (words not in the source, with no brackets); "ellipsis" (words
    left out where the quotation has an ellipsis: as it should be).
    """

    kind: str
    quoted: str
    source: str


@dataclass(frozen=True, slots=True)
class SourceMatch:
    """Where a quotation is in a primary text, and how its words compare."""

    work: SourceWork
    #: Word span of the passage in the source text.
    start: int
    end: int
    #: The passage as the source writes it.
    passage: str
    #: The page or pages of the passage ("417", "417-418") when markers locate it, else the text's range.
    pages: str | None
    exact_page: bool
    #: Similarity of the quoted words to the passage, 0-100 (rapidfuzz, after normalising).
    score: float
    #: "exact", "misquotation" (same words but for a few) or "translation" (a loose match).
    kind: str
    ops: tuple[DiffOp, ...] = ()

    def count(self, kind: str) -> int:
        """How many diff steps of ``kind`` the comparison has."""
        return sum(1 for op in self.ops if op.kind == kind)


@dataclass(frozen=True, slots=True)
class SourceVerdict:
    """What the primary texts say about one quotation: its matches, best first (empty: not found)."""

    path: str
    quotation: str
    matches: tuple[SourceMatch, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceCollection:
    """Every primary text under the configured folders: as read, as tied to references.bib, and what failed."""

    texts: tuple[SourceText, ...] = ()
    #: One per text, in the same order (sorted by path).
    works: tuple[SourceWork, ...] = ()
    errors: tuple[InputError, ...] = ()
    #: (path, why) for each text whose date cannot be in its volume by references.bib's ``contentsdate``.
    date_disagreements: tuple[tuple[str, str], ...] = ()
    #: One per text, in the same order: its words as the index numbers them.
    words: tuple[SourceWords, ...] = ()
    #: How many texts came from the cache, and how many were read by this run.
    cached: int = 0
    read: int = 0
