"""Find references: where each one starts and ends, and what kind it is.

Reading the fields of a reference is :mod:`citecheck.extract.grammar.reference`'s
job; this module finds the strings: note definitions and the references
embedded in their prose, parenthetical and bracketed citations in the body,
attribution lines under block quotes, wikilinks and references in prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from citecheck.extract.grammar.prose import find_prose_references
from citecheck.extract.grammar.reference import ParsedRef, parse_reference
from citecheck.extract.quotes import FoundQuote
from citecheck.extract.sentences import sentence_spans
from citecheck.extract.spans import Spans
from citecheck.source.view import Block, TextView

_LEADING_DASH = regex.compile(r"^[-—–―]{1,2}\s*")
_WORD_OF_3 = regex.compile(r"[\p{L}]{3,}")
_PAGE_ABBREVIATION = regex.compile(r"\bpp?\b")
_TRAILING_YEAR = regex.compile(r"\(\s*\d{4}\s*\)\s*$")
_ABBREVIATION = regex.compile(r"\p{Lu}{2,6}")

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

_RETURN = regex.compile(r"[\s]*(?:↩\ufe0e?\ufe0f?|\[?\^?return\]?)[\s]*$", regex.I)
_NOTE_START = regex.compile(
    r"^\s*(?:\(\s*)?(?:(?i:see\s+(?:also\s+)?|cf\.?\s+)?"
    r"(?:(?:\p{Lu}{1,3}|\p{Lu}-\p{Lu}\.?|(?:\p{Lu}\.\s?)+)\s+\p{Lu}[\p{L}’'-]+"  # VI Lenin / E. H. Carr
    r"|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)*(?:\s+\p{Lu}[\p{L}’'-]+){0,2},"  # Leon Trotsky,  / Trotsky,
    r"|(?i:ibid|id\.|op\.?\s*cit|(?:as\s+)?(?:quoted|cited)\s+(?:in|by))|\p{Lu}{2,5}\b))"
)
_EMBEDDED = regex.compile(
    r"\((?=\s*(?:(?i:see|quoted|cited)\s|(?i:ibid)|\p{Lu}{1,3}\s+\p{Lu}|(?:\p{Lu}\.\s?)+\p{Lu}))"
    r"|(?:(?<=^)|(?<=[\s(–—-]))(?:see|See)\s+(?=(?:also\s+)?(?:\p{Lu}{1,3}\s+\p{Lu}|(?:\p{Lu}\.\s?)+\p{Lu}))"
    r"|(?:(?<=^)|(?<=[\s(]))(?:Quoted|Cited|quoted|cited)\s+(?:in|by)\s+(?=\p{Lu})",
)
_TITLE_CASE = regex.compile(r"\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|the|and|in|on|to|a|for)\s+)*\p{Lu}[\p{L}’'-]*)*")
_PAREN = regex.compile(r"\(([^()\n]{1,400})\)|\[([^\[\]\n]{1,400})\]")


@dataclass(frozen=True, slots=True)
class FoundCitation:
    """A reference string (view offsets) with its kind and fields."""

    start: int
    end: int
    kind: str
    ref: ParsedRef
    block: int
    note: str | None = None
    #: for an attribution: the index of the block quotation it sources
    quote_index: int | None = None


def find_citations(view: TextView, quotes: list[FoundQuote], catalogue: Catalogue | None) -> list[FoundCitation]:
    """Every reference in the view, in document order."""
    found: list[FoundCitation] = []
    quote_spans = sorted((q.start, q.end) for q in quotes if q.form == "inline" or q.open_mark == q.start)
    marked_spans = Spans((q.start, q.end) for q in quotes)
    attribution_spans: list[tuple[int, int]] = []
    for qi, q in enumerate(quotes):
        if q.attribution is not None:
            a, e = q.attribution
            c = _attribution(view, a, e, q, qi, catalogue)
            if c is not None:
                found.append(c)
                attribution_spans.append((c.start, c.end))
    for bi, b in enumerate(view.blocks):
        if b.kind == "heading":
            continue
        if b.kind == "note":
            found.extend(_note_citations(view, bi, b, catalogue))
        else:
            found.extend(_body_citations(view, bi, b, catalogue, marked_spans, quote_spans))
        found.extend(_prose(view, bi, b, catalogue))
    found.extend(_wikilinks(view, catalogue, attribution_spans))
    found = _dedupe(found)
    found.sort(key=lambda c: (c.start, c.end))
    return found


def _attribution(
    view: TextView, a: int, e: int, q: FoundQuote, qi: int, catalogue: Catalogue | None
) -> FoundCitation | None:
    text = view.text[a:e]
    body = _LEADING_DASH.sub("", text.strip())
    ref = parse_reference(body, catalogue)
    if not (ref.author or ref.work or ref.secondhand):
        return None
    kind = "quoted-in" if ref.secondhand else "attribution"
    while e > a and view.text[e - 1].isspace():
        e -= 1
    return FoundCitation(a, e, kind, ref, view.blocks.index(view.block_at(a) or view.blocks[q.block]), quote_index=qi)


def _note_citations(view: TextView, bi: int, b: Block, catalogue: Catalogue | None) -> list[FoundCitation]:
    text = view.text
    end = b.end
    m = _RETURN.search(text, b.start, end)
    if m:
        end = m.start()
    out: list[FoundCitation] = []
    taken: list[tuple[int, int]] = []
    sents = sentence_spans(text, b.start, end)
    if sents and _NOTE_START.match(text[sents[0][0] : sents[0][1]]):
        s0, e0 = sents[0]
        ref = parse_reference(text[s0:e0], catalogue)
        if _is_reference(ref, strict=False):
            out.append(FoundCitation(s0, _trim_end(text, s0, e0), _kind(ref, "footnote"), ref, bi, b.note))
            taken.append((s0, e0))
    for m2 in _EMBEDDED.finditer(text, b.start, end):
        a = m2.start()
        if any(x <= a < y for x, y in taken):
            continue
        stop = _embedded_end(text, a, end)
        ref = parse_reference(text[a:stop], catalogue)
        if _is_reference(ref, strict=False) and (ref.author or ref.secondhand or ref.ibid):
            out.append(FoundCitation(a, stop, _kind(ref, "footnote"), ref, bi, b.note))
            taken.append((a, stop))
    return out


def _embedded_end(text: str, a: int, hi: int) -> int:
    """Where a reference starting at ``a`` inside note prose ends."""
    if text[a] == "(":
        depth = 0
        for k in range(a, min(hi, a + 500)):
            if text[k] == "(":
                depth += 1
            elif text[k] == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
    spans = sentence_spans(text, a, hi)
    return _trim_end(text, a, spans[0][1] if spans else hi)


def _trim_end(text: str, a: int, e: int) -> int:
    while e > a and text[e - 1] in " \t\r\n↩\ufe0e\ufe0f":
        e -= 1
    return e


def _body_citations(
    view: TextView,
    bi: int,
    b: Block,
    catalogue: Catalogue | None,
    quote_blocks: Spans,
    quote_spans: list[tuple[int, int]],
) -> list[FoundCitation]:
    text = view.text
    out: list[FoundCitation] = []
    for m in _PAREN.finditer(text, b.start, b.end):
        if quote_blocks.contains(m.start()):
            continue
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        ref = parse_reference(inner, catalogue)
        after_quote = _after_quote(text, m.start(), quote_spans)
        if ref.pages and not (ref.author or ref.work or ref.volume or ref.ibid or ref.opcit) and not ref.secondhand:
            if not after_quote or _WORD_OF_3.search(_PAGE_ABBREVIATION.sub("", inner)):
                continue
            out.append(FoundCitation(m.start(), m.end(), "inline", ref, bi))
            continue
        if _is_reference(ref, strict=True):
            out.append(FoundCitation(m.start(), m.end(), _kind(ref, "inline"), ref, bi))
    return out


def _after_quote(text: str, pos: int, quote_spans: list[tuple[int, int]]) -> bool:
    k = pos - 1
    while k >= 0 and (text[k].isspace() or text[k] in ".,;:"):
        k -= 1
    return k >= 0 and text[k] in '”"’»'


def _is_reference(ref: ParsedRef, strict: bool) -> bool:
    """Enough fields to be a reference, not a parenthetical remark."""
    if ref.ibid or ref.opcit:
        return True
    if ref.secondhand:
        return bool(ref.author or ref.work)
    has_source = bool(ref.author_raw or ref.known_work or (ref.work and not strict))
    located = ref.has_locator() or bool(ref.year and (ref.place or not strict))
    abbreviation = bool(ref.work_raw and _ABBREVIATION.fullmatch(ref.work_raw))
    titled = bool(ref.work_raw and _TITLE_CASE.fullmatch(ref.work_raw) and ref.volume and ref.pages)
    if strict:
        return (bool(ref.author_raw or ref.known_work or abbreviation or titled) and located) or (
            ref.known_work and bool(ref.author)
        )
    return has_source and (located or bool(ref.place) or ref.known_work)


def _kind(ref: ParsedRef, default: str) -> str:
    if ref.ibid or ref.opcit:
        return "ibid"
    if ref.secondhand:
        return "quoted-in"
    return default


def _prose(view: TextView, bi: int, b: Block, catalogue: Catalogue | None) -> list[FoundCitation]:
    return [
        FoundCitation(s, e, "prose", ref, bi, b.note if b.kind == "note" else None)
        for s, e, ref in find_prose_references(view.text, b.start, b.end, catalogue)
    ]


def _wikilinks(view: TextView, catalogue: Catalogue | None, taken: list[tuple[int, int]]) -> list[FoundCitation]:
    out = []
    for s, e, target in view.wikilinks:
        if any(a <= s < z or s <= a < e for a, z in taken):
            continue
        ref = parse_reference(target, catalogue)
        has_year = _TRAILING_YEAR.search(target) is not None
        if not (has_year or ref.known_work):
            continue
        if ref.author_raw and not ref.known_work and not has_year:
            continue
        block = view.block_at(s)
        out.append(FoundCitation(s, e, "wikilink", ref, view.blocks.index(block) if block else 0))
    return out


def _dedupe(found: list[FoundCitation]) -> list[FoundCitation]:
    """Drop a reference wholly inside another one of the same block (kept: the longer)."""
    found = sorted(found, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[FoundCitation] = []
    for c in found:
        if out and out[-1].start <= c.start and c.end <= out[-1].end and c.kind != "prose":
            continue
        out.append(c)
    return out
