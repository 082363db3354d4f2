"""The view of a plain-text document.

The view is the text as written (offsets are the source's) except that note markers and the
labels of note definitions are blanked to spaces and mojibake is repaired.  Blocks are the runs of
non-blank lines: headings (a short line standing alone; ``Notes``, ``References`` …), paragraphs
(``indented`` when every line is set in further than the body, like a block quotation), and note
definitions (``12.``, ``[12]``, ``12)`` after a notes heading, or a numbered run closing the text).
A numbered list of bare links at the end (the ``References`` of an ``html2txt`` dump) is ``meta``,
and its ``[n]`` markers in the body become ``link`` marks; a marker glued to a word
(``difficulties”.4``, ``¹²``) becomes a ``noteref`` only when a note with that number exists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from citecheck.models import Block, Mark, TextView
from citecheck.source.build import finish
from citecheck.source.lines import iter_lines, line_texts
from citecheck.source.notes import NOTE_NUM as _NOTE_NUM
from citecheck.source.notes import (
    closing_notes,
    label_of,
    note_markers,
    notes_at_page_feet,
    notes_beside_markers,
    symbol_notes,
)
from citecheck.source.offsets import blank_spans

_NOTES_HEADING = regex.compile(
    r"[ \t]*+(?:notes|endnotes|footnotes|references|sources|bibliography|works cited)[ \t]*+:?[ \t]*+", regex.I
)
_SECTION_NUM = regex.compile(r"[ \t]*+[0-9]++\.[0-9]")
_RETURN_MARK = regex.compile(r"[ \t]*+↩\ufe0e?+\ufe0f?+[ \t]*+$")
_LINK_ONLY = regex.compile(r"[ \t]*+(?:[a-z][a-z0-9+.-]{1,10}+://|www\.)\S++[ \t]*+$", regex.I)
_BRACKET_MARKER = regex.compile(r"\[([0-9]{1,4}+)\]")
# what may follow a sentence's last word: closing marks, then a note marker (4, ¹, [4], ^4^, (4))
_MARKER_TAIL = r"(?:[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{0,3}+|\[[0-9]{1,4}\]|\^[0-9]{1,4}\^|\([0-9]{1,3}\)|\*{1,3}+|†{1,2}+|‡)"
_HEADING_END = regex.compile(rf"(?:[.,;:!\-–—]['’”“»\")]?+|['’”“»\")]){_MARKER_TAIL}$")
_NOT_HEADING_START = regex.compile(r"[\-–—(\[\"“‘'*•]")
# a sentence ending inside the line (``difficulties”.4 And``): prose, not a heading
_SENTENCE_INSIDE = regex.compile(rf"\p{{Ll}}[”’“»\"')\]]?+[.;!?][”’“»\"')\]]?+{_MARKER_TAIL}\s")


@dataclass(slots=True)
class _Para:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    lines: int
    lead: int  # least indentation of its lines
    first_line_end: int


def _paragraphs(text: str, lo: int = 0, hi: int | None = None) -> list[_Para]:
    out: list[_Para] = []
    cur: _Para | None = None
    for a, line in line_texts(text, lo, hi):
        body = line.lstrip()
        if not body:
            cur = None
            continue
        lead = len(line) - len(body)
        end = a + len(line.rstrip())
        width = _width(line[:lead]) if lead else 0
        if cur is None:
            cur = _Para(a + lead, end, 1, width, end)
            out.append(cur)
        else:
            cur.end, cur.lines, cur.lead = end, cur.lines + 1, min(cur.lead, width)
    return out


def _split_headings(text: str, paras: list[_Para]) -> list[_Para]:
    """A notes heading written on the line just above its first note is a block of its own."""
    out: list[_Para] = []
    for p in paras:
        if p.lines > 1 and _NOTES_HEADING.fullmatch(text, p.start, p.first_line_end):
            out.append(_Para(p.start, p.first_line_end, 1, p.lead, p.first_line_end))
            out.extend(_paragraphs(text, p.first_line_end + 1, p.end))
        else:
            out.append(p)
    return out


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _is_heading(text: str, p: _Para, notes_heading: bool) -> bool:
    if p.lines != 1:
        return False
    if notes_heading:
        return True
    if p.end - p.start > 80:
        return False
    line = text[p.start : p.end]
    return (
        len(line) <= 80
        and len(line.split()) <= 12
        and not _HEADING_END.search(line)
        and not _NOT_HEADING_START.match(line)
        and not _SENTENCE_INSIDE.search(line)
        and (line[0].isupper() or line[0].isdigit())
        and _NOTE_NUM.match(line) is None
    )


def build_plain(source: str) -> TextView:
    """The view of a plain-text document."""
    text = source
    paras = _paragraphs(text)
    leads = Counter(p.lead for p in paras if p.lines > 1 or p.end - p.start > 80)
    top = max(leads.values(), default=0)
    base = min((lead for lead, n in leads.items() if n == top), default=0)
    blocks: list[Block] = []
    blanks: list[tuple[int, int]] = []
    notes_zone = False
    links: dict[str, str] = {}
    prev_note: str | None = None
    for p in _split_headings(text, paras):
        named = _NOTES_HEADING.fullmatch(text, p.start, p.first_line_end) is not None
        if _is_heading(text, p, named) and not (notes_zone and _NOTE_NUM.match(text, p.start, p.first_line_end)):
            blocks.append(Block("heading", p.start, p.end))
            notes_zone = notes_zone or named
            prev_note = None
            continue
        # notes listed one per line with no blank line between: each number starts a note
        for a, b, label in _numbered_items(text, p):
            if label is None:
                blocks.append(_para(p, a, b, base))
                prev_note = None
                continue
            sure = notes_zone or _return_mark(text, a, b) is not None
            follows = prev_note is not None and prev_note.isdigit() and int(label) == int(prev_note) + 1
            if not (sure or follows):
                blocks.append(_para(p, a, b, base))
                continue
            m = _NOTE_NUM.match(text, a, b)
            body = m.end() if m else b  # None: the number alone on its line, an empty note
            if _LINK_ONLY.match(text, body, b):
                links[label] = text[body:b].strip()
                blocks.append(Block("meta", a, b))
            else:
                back = _return_mark(text, body, b)
                end = _rstrip_end(text, body, back.start()) if back else b
                blanks.append((a, body))
                if back:
                    blanks.append((back.start(), b))
                blocks.append(Block("note", body, end, note=label))
            prev_note = label
            notes_zone = True
    blocks = closing_notes(text, blocks, {}, blanks)
    blocks = notes_at_page_feet(text, blocks, blanks)
    marks = _link_markers(text, blocks, links, blanks) + note_markers(text, blocks, blanks)
    blocks, beside = notes_beside_markers(text, blocks, blanks)  # "[1] …" after its paragraph
    marks += beside
    blocks, symbols = symbol_notes(text, blocks, blanks)  # "party".*" … "* V. I. Lenin, …"
    marks += symbols
    return finish(source, blank_spans(text, blanks), None, blocks, marks)


def _return_mark(text: str, a: int, b: int) -> regex.Match[str] | None:
    """The ↩ closing ``text[a:b]`` (the search tries every position: only where there is one)."""
    return _RETURN_MARK.search(text, a, b) if text.find("↩", a, b) >= 0 else None


def _para(p: _Para, a: int, b: int, base: int) -> Block:
    return Block("para", a, b, indented=p.lead >= max(4, base + 2))


def _numbered_items(text: str, p: _Para) -> list[tuple[int, int, str | None]]:
    """The paragraph, or the notes it lists one per line (``1. …`` then ``2. …``)."""
    m = _NOTE_NUM.match(text, p.start - 0, p.end)
    if m is None or _SECTION_NUM.match(text, p.start, p.end):
        return [(p.start, p.end, None)]
    label = label_of(m)
    items: list[tuple[int, int, str | None]] = [(p.start, p.end, label)]
    if p.lines == 1:
        return items
    for a, b in iter_lines(text, p.first_line_end + 1, p.end):
        n = _NOTE_NUM.match(text, a, b)
        prev = items[-1][2]
        if n and prev is not None and int(label_of(n)) == int(prev) + 1:
            s = a + len(text[a:b]) - len(text[a:b].lstrip())
            items[-1] = (items[-1][0], _rstrip_end(text, items[-1][0], a), prev)
            items.append((s, p.end, label_of(n)))
    return items


def _rstrip_end(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def _link_markers(text: str, blocks: list[Block], links: dict[str, str], blanks: list[tuple[int, int]]) -> list[Mark]:
    """``[n]`` references to a closing list of links, for numbers no note has."""
    notes = {b.note for b in blocks if b.kind == "note" and b.note}
    marks: list[Mark] = []
    if not links:
        return marks
    for b in blocks:
        if b.kind in ("note", "heading", "meta", "code"):
            continue
        for m in _BRACKET_MARKER.finditer(text, b.start, b.end):
            url = links.get(m.group(1))
            if url is not None and m.group(1) not in notes:
                marks.append(Mark("link", m.start(), m.end(), url))
                blanks.append(m.span())
    return marks
