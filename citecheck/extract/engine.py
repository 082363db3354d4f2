"""Extract: one document in, its citations and quotations out.

The stages, each a module of :mod:`citecheck.extract` (or of :mod:`citecheck.source` for the view):

1. the view (:func:`citecheck.source.build_view`): plain text, blocks, emphasis, notes and markers;
2. quotations (:mod:`.quotes`) and candidate references (:mod:`.candidates`);
3. each candidate parsed (:mod:`.grammar`) and judged (:mod:`.decide`);
4. short forms resolved (:mod:`.resolve`), with the works the prose names;
5. quotations linked to references (:mod:`.link`) and given speakers (:mod:`.speakers`);
6. references.bib, only now, to write known authors and works one way (:mod:`.canonical`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from citecheck.extract import canonical
from citecheck.extract.candidates import block_of, find_candidates, marks_within
from citecheck.extract.dates import congress_date, find_material_date, prose_date
from citecheck.extract.decide import judge, worth_parsing
from citecheck.extract.grammar.authordate import author_date
from citecheck.extract.grammar.features import word_classes
from citecheck.extract.grammar.locators import normalise_pages, normalise_volume, volume_as_written
from citecheck.extract.grammar.parse import parse_reference, segments
from citecheck.extract.link import Linker, chain
from citecheck.extract.names import default_people, surname
from citecheck.extract.prose import find_prose_references
from citecheck.extract.quotes import find_quotes, interrupted, is_title
from citecheck.extract.resolve import resolve
from citecheck.extract.scare import is_mention, word_count
from citecheck.extract.sentences import sentence_spans
from citecheck.extract.speakers import (
    Cue,
    People,
    common_subject,
    cue_after,
    cue_before,
    display,
    person_name,
    speech_words,
    work_speaks,
)
from citecheck.models import (
    Candidate,
    Citation,
    Document,
    DocumentResult,
    NamedWork,
    ParsedReference,
    Quotation,
    QuoteSpan,
    Reference,
    Resolution,
    TextView,
)
from citecheck.source.build import build_view

_WORDS = regex.compile(r"[\p{L}’'-]+")

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

_WS = regex.compile(r"\s+")
_ALNUM = regex.compile(r"[\p{L}\p{N}]+")
_TITLE_TOO_LONG = regex.compile(r"(?:\S++\s++){16}")  # more words than the longest title's
_ASSEMBLY = regex.compile(r"\b(?:Congress|Conference|Plenum|Assembly|Convention)\b")
_QUOTE_CHARS = regex.compile(r"[“”\"‘’«»„]")
_SUBJECT = regex.compile(r"^\W*(?P<title>.+?)\W*,?\s+by\s+(?P<author>[^,;()]+?)\W*$")


def extract_document(doc: Document, catalogue: Catalogue | None = None) -> DocumentResult:
    """Every citation and quotation in ``doc``, linked, with speakers."""
    view = build_view(doc)
    return extract_view(doc, view, catalogue)


def extract_view(doc: Document, view: TextView, catalogue: Catalogue | None = None) -> DocumentResult:
    """Extraction from an already built view (the stages after the document layer)."""
    titles: list[tuple[int, int]] = []
    quotes = find_quotes(view, titles)
    inline = [q for q in quotes if q.form == "inline"]
    inline_open = [q.open_mark for q in inline]
    close_marks = sorted(q.close_mark for q in quotes)
    block_quote_ends = {q.last_block for q in quotes if q.form == "block"}
    mark_starts = [m.start for m in view.marks]

    judged: list[Reference] = []
    numbered = {b.note for b in view.blocks if b.kind == "note" and b.note and b.note.isdigit()}
    for c in find_candidates(view, quotes):
        text, marks, offset = _candidate_text(view, c, mark_starts)
        if not text.strip():
            continue
        cited_note: str | None = None
        if c.kind == "bracket" and numbered and (nm := _NUMBERED_REF.match(text)) and nm.group(1) in numbered:
            # "[1, p. 45]": the numbered reference 1, at page 45
            cited_note, cut = nm.group(1), nm.end()
            text, offset = text[cut:], offset + cut
            marks = [(s - cut, e - cut, k) for s, e, k in marks if s >= cut]
        if c.kind in ("bracket", "paren", "note-bracket", "note-paren") and not worth_parsing(text, bool(marks)):
            continue
        # the running text's "(Trotsky, 1937, p. 94)", "(Lenin 212)": the fixed author-date grammar
        short = author_date(text) if c.kind in ("bracket", "paren") and not marks else None
        parsed = short or parse_reference(text, marks)
        readings = [(c, parsed, marks, offset)]
        if c.kind in ("note", "list"):
            segs = segments(parsed)
            if len(segs) > 1:
                readings = []
                for a, b in segs:
                    sub = [(max(s, a) - a, min(e, b) - a, k) for s, e, k in marks if e > a and s < b]
                    seg_c = replace(c, start=offset + a, end=offset + b, outer_start=offset + a, outer_end=offset + b)
                    readings.append((seg_c, parse_reference(text[a:b], sub), sub, offset + a))
        elif c.kind in ("bracket", "paren") and ";" in text and not marks:
            readings = _author_date_list(c, text, offset) or readings
        for rc, rp, rmarks, roff in readings:
            if rc.kind == "note" and not rmarks and (ad := author_date(rp.text)) is not None and ad.year:
                rp = ad  # a short note in author-date form: "Service 2000, p. 123."
            marked = bool(rmarks) or bool(_QUOTE_CHARS.search(rp.text))
            after = _after_quote(view.text, rc.outer_start, close_marks) or (
                rc.kind in ("bracket", "paren") and rc.block in block_quote_ends and _ends_block(view, rc)
            )
            inside = _inside_inline(inline, inline_open, rc.outer_start, rc.outer_end)
            as_body = replace(rc, kind=rc.kind[5:]) if rc.kind.startswith("note-") else rc
            kind = judge(as_body, rp, marked, after, inside)
            if kind is None:
                continue
            start, end = _reference_extent(as_body, rp, roff)
            stream = "note" if rc.kind in ("note", "list") or rc.kind.startswith("note-") else "body"
            judged.append(Reference(kind, stream, start, end, rp, rc, note=cited_note))
    refs = _note_readings(view, judged)
    refs = _outermost(refs)
    refs = _with_prose_references(view, refs)

    opaque = [(q.start, q.end) for q in quotes if q.form == "inline"] + titles
    opaque += [
        (m.start, m.end)
        for m in view.marks
        if m.kind in ("italic", "cite")
        and m.end - m.start > 3
        and not _a_known_name(view.text[m.start : m.end])
        and not _TITLE_TOO_LONG.search(view.text, m.start, m.end)  # a whole question in italics is no title
    ]
    opaque += [(r.candidate.outer_start, r.candidate.outer_end) for r in refs if r.kind != "prose"]
    people = People(
        view, [r.parsed.author for r in refs if r.parsed.author], _disjoint(opaque), _regions(view, quotes, refs)
    )
    refs = [_with_context(view, people, r) for r in refs]
    named = _named_works(view, people, refs)
    subject = _subject(view)
    writer = _writer(view)

    # a quoted title inside a reference is not a quotation
    ref_spans = sorted((r.candidate.outer_start, r.candidate.outer_end) for r in refs)
    quotes = [q for q in quotes if not _within(ref_spans, q.open_mark, q.close_mark)]

    sentences = _sentences(view, quotes)
    sent_starts = [s for s, _ in sentences]
    linker = Linker(view, refs, sorted(q.open_mark for q in quotes))
    cues: list[Cue | None] = []
    links: list[int | None] = []
    for q in quotes:
        k = max(0, bisect.bisect_right(sent_starts, q.open_mark) - 1)
        s_start, s_end = sentences[k]
        links.append(linker.link(q, s_end, s_start))
        cues.append(_cue(view, people, q, s_start, s_end, sentences, sent_starts, subject, writer))
    links = _prose_by_its_author(refs, links, cues)
    refs = _discussed_by_cues(refs, links, cues)
    resolutions = resolve(refs, named, subject, _read_at(view, refs))
    speakers = _speakers(view, people, quotes, cues, links, refs, resolutions, subject, sentences, sent_starts)
    links = chain(quotes, links, [s for s, _ in speakers], refs)
    links = _nested_take_the_block(quotes, links)
    authored = _authors_from_speakers(refs, resolutions, links, cues)
    speakers = _speakers_from_authors(speakers, links, refs, resolutions, authored)
    resolutions = authored

    ids = [f"c{i + 1}" for i in range(len(refs))]
    citations = tuple(_citation(view, ids[i], r, resolutions[i], ids, catalogue) for i, r in enumerate(refs))
    terms = _terms(view.text, quotes, [links[i] is not None or speakers[i][1] == "cue" for i in range(len(quotes))])
    kept = [
        i
        for i, q in enumerate(quotes)
        if _is_quotation(view, q, links[i], speakers[i], terms)
        # '> "If we take Moscow," he said, "with its …"': the pieces are the quotations (sourced and
        # spoken as the block is), not the block
        and not (q.form == "block" and interrupted(view.text, q))
    ]
    quotations = tuple(
        _quotation(view, f"q{n + 1}", quotes[i], speakers[i], links[i], ids, sentences, sent_starts, quotes)
        for n, i in enumerate(kept)
    )
    return DocumentResult(
        doc.path, doc.sha256, doc.format, citations, quotations, view.repairs, source=doc.text, encoding=doc.encoding
    )


# a person's name alone, then "quoted in": the person whose words the note's source quotes
_QUOTED_PERSON = regex.compile(r"\s*+((?:\p{Lu}[\p{L}.’'\-]*+\s++){0,3}\p{Lu}[\p{L}’'\-]++)\s*+,?\s*+$")


def _quoted_person(view: TextView, r: Reference) -> str | None:
    """For a "quoted in" reference of a note, the person named alone before it in the note."""
    if not (r.kind == "quoted-in" or r.parsed.secondhand) or r.stream != "note":
        return None
    b = view.blocks[r.candidate.block]
    m = _QUOTED_PERSON.match(view.text, b.start, max(b.start, r.candidate.outer_start))
    return display(m.group(1)) if m is not None else None


#: A numbered reference with a locator of its own: ``[1, p. 45]``, ``[12: 304]``.
_NUMBERED_REF = regex.compile(r"\s*+([0-9]{1,3}+)\s*+[,:;]\s*+(?=\S)")


def _read_at(view: TextView, refs: Sequence[Reference]) -> list[int]:
    """Where each reference is read: a note's at its first marker in the running text (never before
    the note before it: notes are read in their order, and "ibid" in a note repeats the note
    before it), any other reference where it stands."""
    marker: dict[str, int] = {}
    for m in view.marks:
        if m.kind == "noteref" and m.data is not None:
            marker.setdefault(m.data, m.start)
    for r in refs:
        if r.note is not None:  # "[1, p. 45]" marks reference 1 as a marker does
            marker[r.note] = min(marker.get(r.note, r.candidate.outer_start), r.candidate.outer_start)
    out: list[int] = []
    last_note = -1
    for r in refs:
        if r.stream == "note" and r.candidate.note is not None:
            at = max(marker.get(r.candidate.note, last_note), last_note)
            last_note = at
            out.append(at)
        elif r.stream == "note":
            out.append(max(r.start, last_note) if r.candidate.kind != "list" else r.start)
        else:
            out.append(r.start + (r.note is not None))  # after the reference it cites, read at its start
    return out


def _author_date_list(
    c: Candidate, text: str, offset: int
) -> list[tuple[Candidate, ParsedReference, list[tuple[int, int, str]], int]]:
    """``(Service 2000, pp. 310–12; Figes 1996: 701)``: one reading per author–date citation of a
    parenthesis that lists several, or none when a part is something else."""
    out: list[tuple[Candidate, ParsedReference, list[tuple[int, int, str]], int]] = []
    a = 0
    author: str | None = None
    for part in text.split(";"):
        b = a + len(part)
        lead = len(part) - len(part.lstrip())
        s, e = a + lead, a + len(part.rstrip())
        parsed = author_date(text[s:e]) if e > s else None
        if parsed is None and author and e > s and text[s].isdigit():
            # "(Carr 1952a: 5; 1953: 7)": a year and its locator, by the author named before
            whole = author_date(f"{author} {text[s:e]}")
            shift = len(author) + 1
            if whole is not None and whole.year:
                spans = tuple((x - shift, y - shift, lab) for x, y, lab in whole.spans if lab != "author")
                parsed = replace(whole, text=text[s:e], spans=spans, locators=spans)
        if parsed is None:
            return []
        author = parsed.author
        seg_c = replace(c, start=offset + s, end=offset + e, outer_start=offset + s, outer_end=offset + e)
        out.append((seg_c, parsed, [], offset + s))
        a = b + 1
    return out


class _WordsAround:
    """Whether one of ``words`` is written in a sentence outside a quotation's marks.

    The same answer as reading the words of ``text[s:open_mark]`` and ``text[close_mark:e]`` for
    each quotation (``_WORDS``), which is what is done the first time a sentence is asked about; from
    the second, its words are found once and each quotation asks by bisection: a sentence of a
    thousand quotations is read twice, not a thousand times. The words of a stretch are the runs of
    word characters cut at its ends, so only a run crossing the quotation's mark is read again, cut
    there.
    """

    def __init__(self, text: str, words: frozenset[str]) -> None:
        self.text = text
        self.words = words
        self._sentences: dict[tuple[int, int], tuple[list[int], list[int], list[int]]] = {}
        self._asked: set[tuple[int, int]] = set()

    def outside(self, s: int, e: int, open_mark: int, close_mark: int) -> bool:
        """True when a word of ``text[s:open_mark]`` or of ``text[close_mark:e]`` is one of the words."""
        first_time = (s, e) not in self._asked
        self._asked.add((s, e))
        # a sentence asked about once (most) is read as written; an index is built when it is asked again
        if first_time or not s <= open_mark <= close_mark <= e:
            outside = (*_WORDS.findall(self.text, s, open_mark), *_WORDS.findall(self.text, close_mark, e))
            return any(w.lower() in self.words for w in outside)
        starts, ends, hits = self._read(s, e)
        # before: the runs starting before the mark; the last may cross it and is read cut there
        j = bisect.bisect_left(starts, open_mark)
        crossing = j > 0 and ends[j - 1] > open_mark
        h = bisect.bisect_left(hits, open_mark)  # the word runs starting before the mark
        if crossing and h > 0 and hits[h - 1] == starts[j - 1]:
            h -= 1  # the crossing run is a word whole, not necessarily cut
        if h > 0:
            return True
        if crossing and self.text[starts[j - 1] : open_mark].lower() in self.words:
            return True
        # after: the runs starting at or after the closing mark, and one crossing it, read from the mark
        if len(hits) - bisect.bisect_left(hits, close_mark) > 0:
            return True
        i = bisect.bisect_left(starts, close_mark)
        return i > 0 and ends[i - 1] > close_mark and self.text[close_mark : ends[i - 1]].lower() in self.words

    def _read(self, s: int, e: int) -> tuple[list[int], list[int], list[int]]:
        """The starts and ends of the word runs of ``text[s:e]``, and the starts of those that are words."""
        found = self._sentences.get((s, e))
        if found is None:
            starts: list[int] = []
            ends: list[int] = []
            hits: list[int] = []
            for m in _WORDS.finditer(self.text, s, e):
                starts.append(m.start())
                ends.append(m.end())
                if m.group().lower() in self.words:
                    hits.append(m.start())
            found = self._sentences[(s, e)] = (starts, ends, hits)
        return found


# --- candidates -----------------------------------------------------------------------------------


def _candidate_text(
    view: TextView, c: Candidate, mark_starts: list[int]
) -> tuple[str, list[tuple[int, int, str]], int]:
    """The text a candidate's parse reads, its marks, and its view offset."""
    s, e = c.start, c.end
    if c.kind in ("note", "list", "attribution"):
        # a whole note in parentheses or brackets: "(See A Berkman The Bolshevik myth London nd, pp42-3)"
        t = view.text[s:e]
        if t[:1] in "([" and t.rstrip(" .")[-1:] in ")]":
            s += 1
            e = s + len(t.rstrip(" .")) - 2
    text = view.text[s:e]
    marks = marks_within(view, s, e, mark_starts)
    if c.kind == "attribution" and any(ms <= _lead(text) and me >= len(text.rstrip(" .;,")) for ms, me, _ in marks):
        # a whole source line in italics (set in <cite>): its typography marks no title
        marks = [m for m in marks if not (m[0] <= _lead(text) and m[1] >= len(text.rstrip(" .;,")))]
    return text, marks, s


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _reference_extent(c: Candidate, p: ParsedReference, offset: int) -> tuple[int, int]:
    """View span of the reference as written: brackets included for the body, comments left out of notes."""
    if c.kind in ("bracket", "paren") or (c.kind == "attribution" and c.outer_start < c.start):
        return c.outer_start, c.outer_end  # the dash and the link's brackets of "- Name, [[Work]]" too
    content = [(s, e) for s, e, lab in p.spans if lab not in ("note", "other")]
    if not content:
        return c.start, c.end
    # from the start of the piece (a note's leading words stay: "These summaries are based on …")
    # to the end of its last field (trailing comments and addresses go)
    s = len(p.text) - len(p.text.lstrip())
    e = content[-1][1]
    # keep a closing mark or bracket that belongs to the last field, and the full stop ending the note
    while e < len(p.text) and p.text[e] in '”’"»)]*':
        e += 1
    if e < len(p.text) and p.text[e] == "." and p.text[e + 1 : e + 2] in ("", " ", "\n"):
        e += 1
    return offset + s, offset + e


def _after_quote(text: str, pos: int, close_marks: list[int]) -> bool:
    """True when ``pos`` follows a quotation's closing mark with at most punctuation between."""
    k = bisect.bisect_right(close_marks, pos) - 1
    return k >= 0 and pos - close_marks[k] <= 6 and text[close_marks[k] : pos].strip(" .,;:!?\n\t") == ""


def _ends_block(view: TextView, c: Candidate) -> bool:
    b = view.blocks[c.block]
    return view.text[c.outer_end : b.end].strip(" .,;:\n\t") == ""


def _inside_inline(inline: Sequence[QuoteSpan], opens: list[int], s: int, e: int) -> bool:
    k = bisect.bisect_right(opens, s) - 1
    while k >= 0 and k > bisect.bisect_right(opens, s) - 4:
        q = inline[k]
        if q.open_mark < s and e <= q.close_mark:
            return True
        k -= 1
    return False


def _within(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    k = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= s and e <= spans[k][1]


_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}{2,}+(?![\p{L}])")


def _note_readings(view: TextView, judged: list[Reference]) -> list[Reference]:
    """For each note, its pieces as references, or — when the note is commentary holding references
    in parentheses — those parenthesised references instead."""
    out: list[Reference] = []
    k = 0
    while k < len(judged):
        r = judged[k]
        if r.stream != "note" or r.candidate.kind == "list":
            out.append(r)
            k += 1
            continue
        block = r.candidate.block
        group = []
        while k < len(judged) and judged[k].stream == "note" and judged[k].candidate.block == block:
            group.append(judged[k])
            k += 1
        pieces = [g for g in group if g.candidate.kind == "note"]
        inner = _outermost([g for g in group if g.candidate.kind.startswith("note-")])
        if inner and _is_commentary(view, block, inner):
            out.extend(inner)
        else:
            out.extend(pieces)
    out.sort(key=lambda r: r.start)
    return out


def _is_commentary(view: TextView, block: int, inner: Sequence[Reference]) -> bool:
    """True when the note's text outside its bracketed references is prose: eight lower-case words
    or more, or three with a verb of prose ("As Service notes (*Lenin*, 317), the decision …")."""
    b = view.blocks[block]
    pos = b.start
    words: list[str] = []
    for r in sorted(inner, key=lambda r: r.candidate.outer_start):
        words += _LOWER_WORD.findall(view.text, pos, r.candidate.outer_start)
        pos = r.candidate.outer_end
    words += _LOWER_WORD.findall(view.text, pos, b.end)
    prose = word_classes().get("prose", frozenset())
    return len(words) >= 8 or (len(words) >= 3 and any(w in prose for w in words))


def _with_prose_references(view: TextView, refs: list[Reference]) -> list[Reference]:
    """Add the references the prose makes ("In his article, ‘…’, Lenin"), where no other reference is."""
    body = [i for i, b in enumerate(view.blocks) if b.kind in ("para", "quote", "item", "note")]
    taken = sorted((r.candidate.outer_start, r.candidate.outer_end) for r in refs)
    starts = [s for s, _ in taken]
    out = list(refs)
    for c, p in find_prose_references(view, body):
        k = bisect.bisect_right(starts, c.end) - 1
        if k >= 0 and taken[k][1] > c.start:
            continue
        out.append(Reference("prose", "body", c.start, c.end, p, c))
    out.sort(key=lambda r: r.start)
    return out


def _regions(view: TextView, quotes: Sequence[QuoteSpan], refs: Sequence[Reference]) -> list[tuple[int, int]]:
    """Where names are looked for: before and after each quotation (as far as a speaker search
    reaches), before each reference of the running text, and around each title in italics."""
    blocks = view.blocks
    spans: list[tuple[int, int]] = []
    for q in quotes:
        floor = blocks[max(0, q.block - 3)].start
        spans.append((max(floor, q.open_mark - 1600), min(blocks[q.last_block].end, q.close_mark + 120)))
    for r in refs:
        if r.stream == "body":
            spans.append((max(0, r.candidate.outer_start - 1600), r.candidate.outer_start))
    for m in view.marks:
        if m.kind in ("italic", "cite"):
            spans.append((max(0, m.start - 80), m.end + 80))
    return _disjoint(spans)


def _a_known_name(s: str) -> bool:
    """``<i>Trotsky</i> reiterated …``: a name in italics is a name, not a title."""
    words = s.split()
    return 0 < len(words) <= 3 and default_people().lookup(" ".join(words)) is not None


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _outermost(refs: list[Reference]) -> list[Reference]:
    """Of references nested in one another (a parenthesis inside a bracket), keep the outer."""
    out: list[Reference] = []
    for r in sorted(refs, key=lambda r: (r.candidate.outer_start, -r.candidate.outer_end)):
        nested = out and r.stream == out[-1].stream and r.candidate.outer_end <= out[-1].candidate.outer_end
        if nested and r.candidate.kind in ("bracket", "paren", "note-bracket", "note-paren"):
            continue
        out.append(r)
    return out


# --- context: people, named works, the book under review --------------------------------------------


def _with_context(view: TextView, people: People, r: Reference) -> Reference:
    # the running text's references, and those in parentheses inside a note's commentary ("As
    # Service notes (*Lenin*, 317), …")
    if r.stream != "body" and not r.candidate.kind.startswith("note-"):
        return r
    s = r.candidate.outer_start
    b = view.blocks[r.candidate.block]
    named = None
    for m in reversed(people.between(max(b.start, s - 60), s)):
        between = view.text[m.end : s]
        # not a name inside the quotation the reference closes ("… of Stalinist bureaucracy" (p. 22))
        if not m.pronoun and between.count(".") == 0 and not _CLOSING_MARKS.search(between):
            named = surname(m.name)
            break
    discussed = people.last_person_before(s, b.start)
    return replace(r, named_before=named, discussed=surname(discussed) if discussed else None)


_CLOSING_MARKS = regex.compile(r"[”»\"]")


# "*Title* by Name", "*Title*, a one-volume history by Name"
_BY = regex.compile(r"\s*+,?\s*+(?:(?:an?|the|his|her)\s++[^.;:!?*_“”\"]{0,60}?\s++)?by\s++")


def _named_works(view: TextView, people: People, refs: Sequence[Reference]) -> list[NamedWork]:
    """Works the prose names in italics: ``Carr's *The Interregnum*``, ``*Title* by Name``."""
    ref_spans = sorted((r.candidate.outer_start, r.candidate.outer_end) for r in refs)
    out: list[NamedWork] = []
    text = view.text
    block_starts = [b.start for b in view.blocks]
    named_in: dict[tuple[int, int], tuple[str, ...]] = {}  # the people named in a block
    for m in view.marks:
        if m.kind not in ("italic", "cite"):
            continue
        b = view.blocks[block_of(block_starts, m.start)]
        if b.kind in ("note", "code", "meta") or _within(ref_spans, m.start, m.end):
            continue
        title = text[m.start : m.end].strip(" ,.;:")
        words = title.split()
        if not words or len(words) > 16 or not words[0][:1].isupper():
            continue
        author = None
        before = people.between(max(b.start, m.start - 40), m.start)
        if before and before[-1].possessive and text[before[-1].end : m.start].strip(" '’s") == "":
            author = before[-1].name
        after = people.between(m.end, min(b.end, m.end + 60))
        if author is None and after and _BY.fullmatch(text[m.end : after[0].start]):
            author = after[0].name
        nearby: tuple[str, ...] = ()
        if author is None:
            if (b.start, b.end) not in named_in:
                named_in[b.start, b.end] = tuple(dict.fromkeys(x.name for x in people.persons_between(b.start, b.end)))
            nearby = named_in[b.start, b.end]
        out.append(NamedWork(title, author, m.start, nearby))
    return out


_BYLINE = regex.compile(r"[Bb]y\s++(\p{Lu}[\p{L}.'’-]*+(?:\s++\p{Lu}[\p{L}.'’-]*+){1,3})\s*+(?:[|,·—–-]|$)")
_FIRST_PERSON = regex.compile(r"\b(?:my\s++(\p{Ll}++)|I\s++(?:had\s++|have\s++)?(\p{Ll}++))")


def _writer(view: TextView) -> str | None:
    """Who wrote the document: its metadata's author, else a byline ("By Alan Maass") among its first
    blocks; None when unknown ("Unknown", "Anonymous")."""
    author = view.meta_value("author")
    if author and author.strip().lower() not in ("unknown", "anonymous", "anon", "n/a"):
        return display(person_name(author.strip()))
    for b in view.blocks[:12]:
        m = _BYLINE.match(view.text, b.start, b.end)
        if m:
            return display(m.group(1))
    return None


def _writer_speaks(text: str, lo: int, open_mark: int) -> bool:
    """True when the writer quotes themself just before the quotation: "To repeat my argument: “…”",
    "as I wrote, “…”" (at most three words between)."""
    words = speech_words()
    for m in _FIRST_PERSON.finditer(text, lo, open_mark):
        said = (m.group(1) and m.group(1) in words["noun"]) or (m.group(2) and m.group(2) in words["verb"])
        if said and len(_WORDS.findall(text, m.end(), open_mark)) <= 3:
            return True
    return False


def _subject(view: TextView) -> NamedWork | None:
    """The book a review is about, from a title of the form "X by Y"."""
    title = view.meta_value("title")
    if not title:
        return None
    m = _SUBJECT.match(title)
    if not m:
        return None
    return NamedWork(m.group("title").strip(" \"“”'"), m.group("author").strip(), -1)


# --- quotations: sentences, cues, speakers ------------------------------------------------------------


def _sentences(view: TextView, quotes: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    """The sentences of the blocks that hold a quotation or introduce a block quotation (the only
    places sentences are asked about), quotations never cut."""
    opaque = sorted((q.open_mark, q.close_mark) for q in quotes if q.form == "inline")
    starts = [a for a, _ in opaque]
    wanted = sorted({q.block for q in quotes} | {q.block - 1 for q in quotes if q.form == "block" and q.block > 0})
    out: list[tuple[int, int]] = []
    for b in (view.blocks[k] for k in wanted):
        i = bisect.bisect_left(starts, b.start)
        j = bisect.bisect_left(starts, b.end)
        spans = sentence_spans(view.text, b.start, b.end, opaque[i:j])
        out.extend(spans or [(b.start, b.end)])
    if not out:
        out = [(0, len(view.text))]
    out.sort()
    return out


def _cue(
    view: TextView,
    people: People,
    q: QuoteSpan,
    s_start: int,
    s_end: int,
    sentences: list[tuple[int, int]],
    sent_starts: list[int],
    subject: NamedWork | None = None,
    writer: str | None = None,
) -> Cue | None:
    text = view.text
    if q.form == "block":
        if q.block == 0:
            return None
        prev = view.blocks[q.block - 1]
        intro = text[prev.start : prev.end].rstrip()
        if prev.kind in ("heading", "meta", "code") or intro.endswith((".", "!", "?", "”", '"')):
            return None
        k = max(0, bisect.bisect_right(sent_starts, prev.end - 1) - 1)
        return cue_before(people, text, sentences[k][0], prev.end)
    cue = cue_before(people, text, s_start, q.open_mark) or cue_after(people, text, q.close_mark, s_end)
    if (
        cue is None
        and subject is not None
        and subject.author
        and work_speaks(text, s_start, q.open_mark, q.close_mark, s_end)
    ):
        return Cue(display(person_name(subject.author)), "strong")
    if cue is None and writer is not None and _writer_speaks(text, max(s_start, q.open_mark - 200), q.open_mark):
        return Cue(writer, "strong")  # "To repeat my argument: “…”"
    return cue


def _speakers(
    view: TextView,
    people: People,
    quotes: Sequence[QuoteSpan],
    cues: Sequence[Cue | None],
    links: Sequence[int | None],
    refs: Sequence[Reference],
    res: Sequence[Resolution],
    subject: NamedWork | None,
    sentences: list[tuple[int, int]],
    sent_starts: list[int],
) -> list[tuple[str | None, str | None]]:
    """Speaker and basis of each quotation: cue > cited author > echo > subject of a review > previous speaker."""
    out: list[tuple[str | None, str | None]] = []
    for qi in range(len(quotes)):
        cue = cues[qi]
        link = links[qi]
        if cue is not None:
            out.append((cue.name, "cue"))
            continue
        if (
            link is not None
            and res[link].author
            and refs[link].kind != "quoted-in"
            and not refs[link].parsed.secondhand
        ):
            out.append((display(person_name(res[link].author or "")), "citation"))
            continue
        if link is not None and (quoted := _quoted_person(view, refs[link])) is not None:
            out.append((quoted, "citation"))  # "Lenin, quoted in Carr, …": Lenin's words
            continue
        out.append((None, None))
    # echoes: the same words attributed elsewhere in the document (a dictionary, not all pairs)
    words = [_ALNUM.findall(view.text[q.start : q.end].lower()) for q in quotes]  # read once, for both passes
    keys = [_echo_key(w) for w in words]
    by_words: dict[str, str] = {}
    for qi, key in enumerate(keys):
        if key and out[qi][0] is not None and key not in by_words:
            by_words[key] = out[qi][0] or ""
    for qi, key in enumerate(keys):
        if out[qi][0] is None and key and key in by_words:
            out[qi] = (by_words[key], "echo")
    _echo_inside(words, out)
    # a body's document: "the 10th Congress carried a resolution ordering the “…”"
    documents = _WordsAround(view.text, speech_words()["document"])
    for qi, q in enumerate(quotes):
        if out[qi][0] is None and q.form == "inline":
            k = max(0, bisect.bisect_right(sent_starts, q.open_mark) - 1)
            s, e = sentences[k]
            if documents.outside(s, e, q.open_mark, q.close_mark):
                # the nearest word of the class within reach of the marks (bounded: linear in the sentence)
                lo, hi = max(s, q.open_mark - _DOCUMENT_REACH), min(e, q.close_mark + _DOCUMENT_REACH)
                doc = next(
                    (
                        w
                        for w in (
                            *_WORDS.finditer(view.text, lo, q.open_mark),
                            *_WORDS.finditer(view.text, q.close_mark, hi),
                        )
                        if w.group().lower() in documents.words
                    ),
                    None,
                )
                floor = view.blocks[max(0, q.block - 3)].start
                body = _issuer(view.text, people, s, e, doc.start(), doc.end(), floor) if doc else None
                if body:
                    out[qi] = (body, "context")
    # a common noun speaking: "The Kronstadt sailors demanded “…”" (a group), "The resolution declared
    # that “…”" (nobody the text names: no one is guessed from the passage either)
    blocked: set[int] = set()
    for qi, q in enumerate(quotes):
        if out[qi][0] is None and q.form == "inline":
            k = max(0, bisect.bisect_right(sent_starts, q.open_mark) - 1)
            common = common_subject(view.text, sentences[k][0], q.open_mark)
            if common is not None and common[0]:
                out[qi] = (common[0], "context")
            elif common is not None:
                blocked.add(qi)
    # the person the sentence is about: its subject, at the start of the sentence or clause
    subjects: dict[tuple[int, int], str | None] = {}
    for qi, q in enumerate(quotes):
        if out[qi][0] is None and q.form == "inline" and qi not in blocked:
            who = _sentence_subject(people, view.text, sentences, sent_starts, q, subjects)
            if who:
                out[qi] = (who, "context")
    # a quotation continuing one attributed just before it in the same block
    for qi in range(1, len(quotes)):
        # in the same block, or opening the block right after a block quotation
        after_block = quotes[qi - 1].form == "block" and quotes[qi].block == quotes[qi - 1].last_block + 1
        same_block = (quotes[qi].block == quotes[qi - 1].block or after_block) and not (
            quotes[qi].nested or quotes[qi - 1].nested
        )
        if out[qi][0] is None and same_block and out[qi - 1][0] is not None and qi not in blocked:
            prev = out[qi - 1][0]
            others = [
                m
                for m in people.between(quotes[qi - 1].close_mark, quotes[qi].open_mark)
                if (m.person or m.pronoun) and (people.resolve(m) if m.pronoun else m.name) != prev
            ]
            if not others:  # "… he had “prepared a bombshell”. He refers to …" is no continuation of her words
                out[qi] = (prev, "context")
    # reported speech going on, in a paragraph with no quotation before: "Shachtman retorted that … .
    # It was a prison camp, “…”" (a cue before an earlier quotation is that one's)
    for qi, q in enumerate(quotes):
        first = qi == 0 or quotes[qi - 1].last_block < q.block
        if out[qi][0] is None and q.form == "inline" and first and qi not in blocked:
            said = cue_before(people, view.text, view.blocks[q.block].start, q.open_mark)
            if said is not None:
                out[qi] = (said.name, "context")
    if subject is not None and subject.author:
        who = display(person_name(subject.author))
        for qi, q in enumerate(quotes):
            if out[qi][0] is None and q.form == "block":
                out[qi] = (who, "context")
    # the person the passage is about: named most often in its paragraph and the one before
    for qi, q in enumerate(quotes):
        if out[qi][0] is None and qi not in blocked:
            floor = view.blocks[max(0, q.block - 1)].start
            who = people.salient(q.open_mark, floor) or people.last_person_before(
                q.open_mark, view.blocks[max(0, q.block - 3)].start
            )
            if who:
                out[qi] = (who, "context")
    return out


_DOCUMENT_REACH = 400  # characters around a quotation searched for the document and its issuer
_OF_BODY = regex.compile(r"\s++(?:of|by|from)\s++(?:the\s++)?")


def _issuer(text: str, people: People, s: int, e: int, doc_start: int, doc_end: int, floor: int) -> str | None:
    """Who issued the document a sentence names: a body named before the word ("the 10th Congress
    carried a resolution"), or right after it ("a resolution of the Tenth Congress"), not one the
    document addresses ("The resolution instructed the Central Committee …"); else the congress or
    conference named last before the sentence ("Ninth Party Conference. … A resolution was passed …")."""
    found = [m for m in people.between(max(s, doc_start - _DOCUMENT_REACH), min(e, doc_end + 80)) if m.body]
    before = [m for m in found if m.start < doc_start]
    if before:  # the nearest; of two overlapping ("10th Congress", "Congress"), the longer
        return max(before, key=lambda m: (m.end, m.end - m.start)).name
    for m in found:
        if m.start >= doc_end and _OF_BODY.fullmatch(text, doc_end, m.start):
            return m.name
    for m in reversed(people.between(floor, s)):
        if m.body and _ASSEMBLY.search(m.name):
            return m.name
    return None


def _sentence_subject(
    people: People,
    text: str,
    sentences: list[tuple[int, int]],
    sent_starts: list[int],
    q: QuoteSpan,
    known: dict[tuple[int, int], str | None],
) -> str | None:
    """The person named first in the quotation's sentence, when the sentence (or a clause) starts with it.

    ``known``: the answers so far, by sentence and first person (the same for every quotation after it).
    """
    k = max(0, bisect.bisect_right(sent_starts, q.open_mark) - 1)
    s = sentences[k][0]
    for m in people.persons_between(s, q.open_mark):
        if (s, m.start) in known:
            return known[(s, m.start)]
        lead = text[s : m.start].strip().lower()
        opens = lead in ("", "but", "and", "yet", "so", "then", "later", "as", "thus") or lead.endswith((",", ";", ":"))
        # "Trotsky's assumption … was wrong: “…”" is about Trotsky's idea, not in his words
        if opens and not m.possessive:
            known[(s, m.start)] = m.name
            return m.name
        known[(s, m.start)] = None
        break
    return None


def _prose_by_its_author(
    refs: Sequence[Reference], links: Sequence[int | None], cues: Sequence[Cue | None]
) -> list[int | None]:
    """A work the prose names sources a quotation only when the quotation is not said to be someone
    else's ("As Lenin wrote in *State and Revolution*, “…”. Trotsky called it “…”": not Lenin's)."""
    out = list(links)
    for qi, ci in enumerate(links):
        cue = cues[qi]
        if ci is None or cue is None or cue.strength != "strong" or refs[ci].kind != "prose":
            continue
        author = refs[ci].parsed.author
        if author and (surname(author) or author).lower() != (surname(cue.name) or cue.name).lower():
            out[qi] = None
    return out


def _discussed_by_cues(
    refs: list[Reference], links: Sequence[int | None], cues: Sequence[Cue | None]
) -> list[Reference]:
    """An op. cit. without an author repeats the work of whoever the quotation it sources is by, when
    the text says who ("Engels wrote that “…” [Op. Cit., p. 731]")."""
    out = list(refs)
    for qi, ci in enumerate(links):
        cue = cues[qi]
        if ci is None or cue is None:
            continue
        r = out[ci]
        if r.parsed.opcit and not r.parsed.author:
            out[ci] = replace(r, discussed=surname(cue.name) or cue.name)
    return out


def _nested_take_the_block(quotes: Sequence[QuoteSpan], links: list[int | None]) -> list[int | None]:
    """A quotation inside a block quotation, with no reference of its own, is sourced with the block."""
    out = list(links)
    outer: QuoteSpan | None = None
    outer_link: int | None = None
    for i, q in enumerate(quotes):
        if q.form == "block":
            outer, outer_link = q, out[i]
        elif q.nested and outer is not None and outer.open_mark <= q.open_mark < outer.end and out[i] is None:
            out[i] = outer_link
    return out


_ECHO_GRAM = 5  # words: a shorter run of words is too common a phrase to say who spoke it
_ECHO_FANOUT = 8  # attributed quotations tried per run of words (keeps the pass linear)


def _echo_inside(words: Sequence[list[str]], out: list[tuple[str | None, str | None]]) -> None:
    """Words taken from inside a longer quotation attributed elsewhere in the document (those who
    "command in the name of the capitalist", after Marx's sentence that ends so) are its speaker's.

    ``words`` are each quotation's words (lower case). Only the runs of words some quotation
    without a speaker starts with are looked up, so only those are indexed in the attributed ones.
    """
    wanted = {tuple(w[:_ECHO_GRAM]) for qi, w in enumerate(words) if out[qi][0] is None and len(w) >= _ECHO_GRAM}
    if not wanted:
        return
    firsts = {g[0] for g in wanted}
    grams: dict[tuple[str, ...], list[int]] = {}
    for qi, w in enumerate(words):
        if out[qi][0] is None or len(w) <= _ECHO_GRAM:
            continue
        for k in range(len(w) - _ECHO_GRAM + 1):
            if w[k] not in firsts:
                continue
            gram = tuple(w[k : k + _ECHO_GRAM])
            if gram not in wanted:
                continue
            seen = grams.setdefault(gram, [])
            if len(seen) < _ECHO_FANOUT and (not seen or seen[-1] != qi):
                seen.append(qi)
    joined: dict[int, str] = {}

    def spaced(i: int) -> str:
        found = joined.get(i)
        if found is None:
            found = joined[i] = f" {' '.join(words[i])} "
        return found

    for qi, w in enumerate(words):
        if out[qi][0] is not None or len(w) < _ECHO_GRAM:
            continue
        for ci in grams.get(tuple(w[:_ECHO_GRAM]), ()):
            if spaced(qi) in spaced(ci):
                out[qi] = (out[ci][0], "echo")
                break


def _echo_key(words: list[str]) -> str | None:
    """The first twelve of a quotation's words (lower case), when it has four or more."""
    return " ".join(words[:12]) if len(words) >= 4 else None


def _authors_from_speakers(
    refs: Sequence[Reference], res: list[Resolution], links: Sequence[int | None], cues: Sequence[Cue | None]
) -> list[Resolution]:
    """A work cited without its author ("Works, vol. 33") takes the speaker of the quotation it sources
    (a person: a congress speaks, but its record has no author), and later citations of the same
    work, and the short forms repeating it, take that author too."""
    out = list(res)
    from_cue: dict[int, str] = {}
    for qi, ci in enumerate(links):
        cue = cues[qi]
        if ci is not None and cue is not None and not cue.body and ci not in from_cue:
            from_cue[ci] = cue.name
    by_work: dict[str, str] = {}
    for i, r in enumerate(out):
        if r.author is None and r.antecedent is not None and out[r.antecedent].author:
            out[i] = r = replace(r, author=out[r.antecedent].author)
        # an ibid repeats its antecedent's author, even when that is nobody (a congress record)
        if r.author is None and not refs[i].parsed.secondhand and not refs[i].parsed.ibid:
            name = from_cue.get(i) or (by_work.get(r.work.lower()) if r.work else None)
            if name:
                out[i] = r = replace(r, author=name)
        # a work's author is every later citation's author; the container of an article is not its author's
        if r.author and r.work and not refs[i].parsed.part:
            by_work.setdefault(r.work.lower(), r.author)
    # and every earlier one's: "(*Cogito*, page 22)" long before "Johnstone states: … (*Cogito*, page 22)"
    for i, r in enumerate(out):
        if r.author is None and r.work and not refs[i].parsed.secondhand and not refs[i].parsed.ibid:
            name = by_work.get(r.work.lower())
            if name:
                out[i] = replace(r, author=name)
    return out


def _speakers_from_authors(
    speakers: list[tuple[str | None, str | None]],
    links: Sequence[int | None],
    refs: Sequence[Reference],
    before: Sequence[Resolution],
    after: Sequence[Resolution],
) -> list[tuple[str | None, str | None]]:
    """A quotation sourced by a citation that has just gained its author (from another citation of the
    work) is that author's, unless a cue, its citation or an echo already said whose it is."""
    out = list(speakers)
    for qi, ci in enumerate(links):
        if ci is None or out[qi][1] not in (None, "context"):
            continue
        author = after[ci].author
        if author and not before[ci].author and refs[ci].kind != "quoted-in" and not refs[ci].parsed.secondhand:
            out[qi] = (display(person_name(author)), "citation")
    return out


#: A phrase of at most this many words, put in quotation marks twice or more, is a term.
_TERM_WORDS = 8


def _terms(text: str, quotes: Sequence[QuoteSpan], attributed: Sequence[bool]) -> frozenset[str]:
    """Short phrases the document puts in quotation marks more than once and never attributes
    ("socialism in one country", "the party of a new type"): coined labels it keeps using, not
    quotations (``attributed``: whether each quotation has a source or a speaking cue)."""
    seen: dict[str, int] = {}
    owned: set[str] = set()
    for q, known in zip(quotes, attributed, strict=True):
        if q.form == "inline" and word_count(text[q.start : q.end]) <= _TERM_WORDS:
            key = _term_key(text[q.start : q.end])
            seen[key] = seen.get(key, 0) + 1
            if known:
                owned.add(key)
    return frozenset(k for k, n in seen.items() if n > 1 and k and k not in owned)


def _term_key(phrase: str) -> str:
    return " ".join(w.lower() for w in _WORDS.findall(phrase) if w.lower() not in ("the", "a", "an"))


def _is_quotation(
    view: TextView,
    q: QuoteSpan,
    link: int | None,
    speaker: tuple[str | None, str | None],
    terms: frozenset[str] = frozenset(),
) -> bool:
    """Unsourced, unattributed short phrases are scare quotes, and so are the terms a document keeps
    quoting; a title in marks is no quotation."""
    if q.form == "block" or link is not None or speaker[1] == "cue":
        return True
    if is_title(view.text, q.open_mark, q.start, q.end, max(0, q.open_mark - 40)):
        return False
    if terms and _term_key(view.text[q.start : q.end]) in terms:
        return False
    # the writer's own words, used unquoted earlier in the paragraph, are a mention
    b = view.blocks[q.block]
    return not is_mention(view.text, b.start, q.open_mark, q.start, q.end)


# --- records ----------------------------------------------------------------------------------------


def _citation(
    view: TextView, cid: str, r: Reference, res: Resolution, ids: list[str], catalogue: Catalogue | None
) -> Citation:
    s, e = _balanced_markup(view.source, *view.source_span(r.start, r.end))
    line, col = view.line_col(s)
    p = r.parsed
    note = int(r.candidate.note) if r.candidate.note and r.candidate.note.isdigit() else None
    work, author = canonical.work(res.work, canonical.author(res.author, catalogue), catalogue)
    return Citation(
        id=cid,
        line=line,
        column=col,
        start=s,
        end=e,
        raw=view.source[s:e],
        kind=r.kind,
        author=author,
        work=work,
        volume=normalise_volume(res.volume) if res.volume else None,
        pages=normalise_pages(res.pages) if res.pages else None,
        year=res.year,
        place=canonical.place(res.place),
        publisher=res.publisher,
        note=note,
        resolves_to=ids[res.antecedent] if res.antecedent is not None else None,
        secondhand=p.secondhand,
        material_date=_material_date(p, r.kind),
        author_raw=p.author,
        work_raw=p.work,
        volume_raw=volume_as_written(p.volume) if p.volume else None,
        pages_raw=p.pages,
        place_raw=p.place,
        resolution_problem=res.problem,
    )


_OPEN_TAG_BEFORE = regex.compile(r"<(i|em|b|strong|cite|u)\b[^<>]{0,40}+>\s*+$", regex.I)


_CLOSE_TAG = regex.compile(r"</([A-Za-z][A-Za-z0-9]*+)\s*+>")


def _balanced_markup(source: str, s: int, e: int) -> tuple[int, int]:
    """Widen a source span over the emphasis delimiters it opens or closes, so that ``raw`` reads
    ``*Councils*``, not ``*Councils``."""
    for ch in ("**", "*", "__", "_"):
        raw = source[s:e]
        if raw.count(ch) % 2 == 0:
            continue
        if source.startswith(ch, e):
            e += len(ch)
        elif s >= len(ch) and source[s - len(ch) : s] == ch:
            s -= len(ch)
    if "</" in source[s:e]:
        # HTML: "<em>Ibid.</em>, p. 4", not "Ibid.</em>, p. 4"
        opened = _OPEN_TAG_BEFORE.search(source, max(0, s - 60), s)
        if opened is not None and source.count(f"</{opened.group(1)}", s, e) > source.count(
            f"<{opened.group(1)}", s, e
        ):
            s = opened.start()
    if "<" in source[s:e]:
        # and "<i>State Capitalism in Russia</i>", not "<i>State Capitalism in Russia"
        while (closing := _CLOSE_TAG.match(source, e)) is not None and source.count(
            f"<{closing.group(1)}", s, e
        ) > source.count(f"</{closing.group(1)}", s, e):
            e = closing.end()
    if source.count("[", s, e) > source.count("]", s, e) and source.startswith("](", e):
        # Markdown: "[The Councils](https://…)", not "[The Councils"
        close = source.find(")", e, e + 400)
        if close > 0 and "\n" not in source[e:close]:
            e = close + 1
    return s, e


def _material_date(p: ParsedReference, kind: str) -> str | None:
    """The date of the cited material the reference gives: a full date, or a congress it names."""
    if p.date:
        found = find_material_date(p.date)
        if found is not None:
            return found.iso
    return congress_date(p.text) if kind == "attribution" else None


def _quotation(
    view: TextView,
    qid: str,
    q: QuoteSpan,
    speaker: tuple[str | None, str | None],
    link: int | None,
    ids: list[str],
    sentences: list[tuple[int, int]],
    sent_starts: list[int],
    quotes: Sequence[QuoteSpan],
) -> Quotation:
    s, e = view.source_span(q.start, q.end)
    line, col = view.line_col(s)
    b0, b1 = view.blocks[q.block], view.blocks[q.last_block]
    cs, ce = view.source_span(b0.start, b1.end)
    date_text = ""
    if q.form == "block" and q.block > 0:
        prev = view.blocks[q.block - 1]
        cs = view.source_span(prev.start, prev.end)[0]
        intro = view.text[prev.start : prev.end]
        date_text = intro if intro.rstrip().endswith(":") else ""
    elif q.form == "inline":
        k = max(0, bisect.bisect_right(sent_starts, q.open_mark) - 1)
        date_text = view.text[sentences[k][0] : q.open_mark]
    return Quotation(
        id=qid,
        line=line,
        column=col,
        start=s,
        end=e,
        text=_WS.sub(" ", view.text[q.start : q.end]).strip(),
        speaker=speaker[0],
        form=q.form,
        citation=ids[link] if link is not None else None,
        speaker_basis=speaker[1],
        material_date=prose_date(date_text[-400:]) if date_text else None,
        context_start=cs,
        context_end=ce,
    )


__all__ = ["extract_document", "extract_view"]
