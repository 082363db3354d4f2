"""The data citecheck passes between its stages, in one place.

Every record is a frozen dataclass: a stage never mutates what an earlier stage
produced, it builds a new record (``dataclasses.replace``).  Offsets are indices
into the decoded source text of a document (``Document.text``); ``line`` and
``column`` are 1-based and refer to that same source text, so they stay right
for Markdown and HTML, whose markup the extractors never see.
"""

from __future__ import annotations

import bisect
import enum
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

#: The kinds of reference the extractor knows (the ``kind`` field of a citation).
CITATION_KINDS = ("footnote", "ibid", "inline", "attribution", "quoted-in", "list", "wikilink", "prose")

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


# --- The view: what the extractors read ------------------------------------------------------

#: The kinds of block a view is cut into.
BLOCK_KINDS = ("para", "heading", "quote", "caption", "note", "item", "code", "meta")

#: The kinds of inline annotation a view carries (see :class:`Mark`).
MARK_KINDS = ("italic", "bold", "quote", "sup", "link", "url", "code", "noteref", "wikilink", "cite")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit of the view, in view offsets ``[start, end)``, trimmed of outer blanks.

    ``kind`` is one of :data:`BLOCK_KINDS`: ``quote`` is a paragraph of a block quotation
    (Markdown ``>``, HTML ``<blockquote>`` or a class naming a quote, plain text set off by
    indentation is *not* a quote block: it is a ``para`` with ``indented``); ``note`` is a note
    definition (Markdown ``[^n]:``, an HTML endnote, a numbered note in a notes section) whose
    label is ``note``; ``caption`` is the line heading a block quotation that names its source
    (an Obsidian callout's title, ``> [!quote] Lenin, *CW* 33``); ``code`` and ``meta`` (front
    matter, navigation) are never extracted from.
    """

    kind: str
    start: int
    end: int
    #: The label of a note definition ("4", "iv", "A1.1"); for other kinds None.
    note: str | None = None
    #: Paragraphs of one block quotation share this number (document order, from 0).
    group: int | None = None
    #: Plain text only: the paragraph is indented (four spaces or a tab) like a block quotation.
    indented: bool = False
    #: Nesting depth of block quotations (0 outside, 1 inside one, 2 inside a quote in a quote).
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline annotation of the view, in view offsets ``[start, end)``.

    ``italic`` / ``bold``: emphasis (``*x*``, ``_x_``, ``<i>``, ``<em>``, ``<b>``, ``<strong>``,
    ``<cite>`` counts as italic); ``sup``: superscript; ``link``: the label of a hyperlink, ``data``
    its target; ``url``: a bare or autolinked address that stays in the text; ``code``: inline code;
    ``noteref``: a note marker (``[^4]``, ``<sup>4</sup>``, ``<a href="#n4">[4]</a>``, EPUB
    ``noteref``), ``data`` its label; the marker's own characters are blanked to spaces in the view
    so they never join a word or a quotation; ``wikilink``: ``[[Target|label]]``, ``data`` the target.
    """

    kind: str
    start: int
    end: int
    data: str | None = None


@dataclass(frozen=True, slots=True)
class TextView:
    """The plain text of a document as a reader sees it, with the way back to the source.

    ``text`` has the markup removed (HTML tags) or blanked to spaces (Markdown delimiters), entities
    decoded and mojibake repaired; block boundaries are blank lines. ``src[i]`` is the source offset
    of view character ``i`` (``None`` when view and source offsets are identical), so a span found in
    the view maps back to a ``line``, ``column`` and ``raw`` slice of the file as written.
    ``blocks`` and ``marks`` are sorted by start. ``meta`` holds document metadata as (key, value)
    pairs in document order: Markdown front matter keys, HTML ``<title>`` ("title") and
    ``<meta name="author">`` ("author").

    ``src_end[i]`` is where the source of view character ``i`` ends (exclusive): ``src[i] + 1`` for
    a character kept as written, the end of the entity (``&mdash;``), escape (``\\[``) or tag that
    produced it otherwise (``None``: always ``src[i] + 1``), so ``raw`` of a span ending in an
    entity holds the whole entity.
    """

    source: str
    text: str
    src: Sequence[int] | None
    line_starts: Sequence[int]
    blocks: tuple[Block, ...] = ()
    marks: tuple[Mark, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    repairs: tuple[Repair, ...] = ()
    src_end: Sequence[int] | None = None

    def _end(self, i: int) -> int:
        assert self.src is not None
        return self.src_end[i] if self.src_end is not None else self.src[i] + 1

    def to_source(self, i: int) -> int:
        """The source offset of view offset ``i`` (an end offset maps one past the last char)."""
        if self.src is None:
            return i
        if i >= len(self.text):
            return len(self.source) if not self.text else self._end(len(self.text) - 1)
        return self.src[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view span ``[start, end)``."""
        if self.src is None:
            return start, end
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.src[start], self._end(end - 1)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        idx = bisect.bisect_right(self.line_starts, source_offset) - 1
        return idx + 1, source_offset - self.line_starts[idx] + 1

    def raw(self, start: int, end: int) -> str:
        """The source text behind the view span ``[start, end)``, exactly as written."""
        s, e = self.source_span(start, end)
        return self.source[s:e]

    def meta_value(self, key: str) -> str | None:
        """The first metadata value under ``key`` (case-insensitive), or None."""
        key = key.lower()
        return next((v for k, v in self.meta if k.lower() == key), None)


# --- Extraction records ------------------------------------------------------------------------

#: The kinds of candidate reference (see :mod:`citecheck.extract.candidates`).
CANDIDATE_KINDS = ("note", "bracket", "paren", "attribution", "list", "wikilink", "prose")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of the view that may be a reference, before it is parsed and judged.

    ``start``/``end`` is the reference text (inside the brackets of a ``bracket`` or ``paren``);
    ``outer_start``/``outer_end`` includes the brackets. ``block`` is the index of its block.
    """

    kind: str
    start: int
    end: int
    outer_start: int
    outer_end: int
    block: int
    #: The label of the note it is in.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation found in the view: ``start``/``end`` hold the words, not the marks.

    ``open_mark``/``close_mark`` include the marks (equal to ``start``/``end`` for an unmarked
    block quotation); ``block``..``last_block`` are the blocks it spans; ``nested`` is True for a
    quotation inside a block quotation.
    """

    start: int
    end: int
    form: str
    block: int
    last_block: int
    open_mark: int
    close_mark: int
    nested: bool = False


# --- Reference strings ------------------------------------------------------------------------

#: What a part of a reference string can be (the labels of the reference parser).
REFERENCE_LABELS = (
    "author", "editor", "translator", "part", "title", "container", "volume", "issue", "pages",
    "place", "publisher", "year", "date", "ibid", "secondhand", "note", "other",
)  # fmt: skip

#: The labels of a reference's titles: an article or chapter, the work, the work it is part of.
TITLE_LABELS = ("title", "part", "container")


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number or punctuation mark of a reference string, with its typography."""

    text: str
    start: int
    end: int
    italic: bool = False
    bold: bool = False
    #: Inside quotation marks (the marks themselves are not).
    quoted: bool = False
    #: How many parentheses or brackets enclose it.
    depth: int = 0


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """The fields of one reference string, as written (normalising comes later).

    ``spans`` are the labelled parts, ``(start, end, label)`` in offsets of ``text``, with labels
    from :data:`REFERENCE_LABELS`. ``work`` is what the reference cites pages of: the container
    (the periodical, the collection, the multi-volume edition) when there is one, else the title,
    else the title of the part (an article cited with no periodical).
    """

    text: str
    spans: tuple[tuple[int, int, str], ...] = ()
    author: str | None = None
    editor: str | None = None
    part: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    place: str | None = None
    publisher: str | None = None
    year: str | None = None
    #: The year of first publication when an edition also gives it: ``1964 (1920)``, ``(1972) [1918]``.
    original_year: str | None = None
    #: The date of the cited material as written ("March 18-23, 1919", "Jan. 24, 1934").
    date: str | None = None
    #: "Ibid.", "Id.", "Op. cit.", "Loc. cit." (``opcit`` tells the two apart).
    ibid: bool = False
    opcit: bool = False
    #: "Quoted in X" / "cited in X": X is the source the writer read, not the speaker's own work.
    secondhand: bool = False
    #: What the fixed locator grammar found: ``(start, end, hint)`` (see ``grammar.locators``).
    locators: tuple[tuple[int, int, str], ...] = ()

    @property
    def work(self) -> str | None:
        """The container, else the title, else the part title."""
        return self.container or self.title or self.part


@dataclass(frozen=True, slots=True)
class Reference:
    """A candidate judged to be a reference, with its parse, before short forms are resolved."""

    kind: str  # a citation kind (see :data:`CITATION_KINDS`)
    #: "note" for references in notes and reference lists, "body" for those in the running text.
    stream: str
    start: int
    end: int
    parsed: ParsedReference
    candidate: Candidate
    #: The surname of a person named just before a body reference ("Figes [p. 470]"), if any.
    named_before: str | None = None
    #: The surname of the person the prose is discussing where the reference stands, if any.
    discussed: str | None = None
    #: The numbered reference (note) a body bracket cites with a locator of its own: ``[1, p. 45]``.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class NamedWork:
    """A work the text names outside a reference: ``Carr's *The Interregnum*``, ``*Title* by Name``,
    or the book a review is about (front matter ``title: X by Y``)."""

    title: str
    author: str | None
    start: int
    #: The people its paragraph names, when the text gives no author: "I've read *A People's
    #: Tragedy* … (Figes has blind spots …)" makes it the work a later "[Figes p. 581]" cites.
    nearby: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """A reference with what it repeats filled in: ibid, op. cit., short titles, bare pages."""

    author: str | None
    work: str | None
    volume: str | None
    pages: str | None
    year: str | None
    place: str | None
    publisher: str | None
    #: Index (in the document's references) of the reference this one repeats, if any.
    antecedent: int | None = None
    #: Why a short form could not be resolved, or why its antecedent is doubtful.
    problem: str | None = None


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
        return _flat_json(self)


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
        return _flat_json(self)


#: Per record class, its field names and a getter of their values (in field order).
_FLAT: dict[type, tuple[tuple[str, ...], operator.attrgetter[Any]]] = {}


def _flat_json(record: Citation | Quotation | Repair) -> dict[str, Any]:
    """``dataclasses.asdict(record)`` for a record whose fields are all strings, numbers, booleans
    or None (as a citation's, a quotation's and a repair's are): the same dict, in field order,
    without the recursive walk and the deep copy of each value (immutable values copy to themselves)."""
    cls = type(record)
    known = _FLAT.get(cls)
    if known is None:
        names = tuple(f.name for f in fields(record))
        known = _FLAT[cls] = (names, operator.attrgetter(*names))
    names, get = known
    return dict(zip(names, get(record), strict=True))


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
            "repairs": [_flat_json(r) for r in self.repairs],
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
