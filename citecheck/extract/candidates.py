"""Find every stretch of a document that may be a reference: recall first, judgment later.

Candidates are of six kinds:

* ``note`` — the text of a note definition, cut into one candidate per source: at semicolons
  outside parentheses and quotation marks, and before "quoted in" / "cited in" (the source the
  writer read is a reference of its own);
* ``bracket`` / ``paren`` — every balanced ``[…]`` and ``(…)`` of the body, across line breaks,
  including those that end a block quotation and those after a sentence's full stop;
* ``attribution`` — a line under a block quotation that names its source (``— Trotsky, *The
  Revolution Betrayed*``), or the last line of the quotation block when it does;
* ``list`` — an entry of a reference list (a "References" / "Bibliography" / "Works cited" section);
* ``wikilink`` — an ``[[Obsidian link]]`` to a work.

Whether a candidate *is* a reference is decided after parsing (:mod:`citecheck.extract.decide`),
with no help from references.bib. Everything here is one pass over the view.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

import regex

from citecheck.extract.grammar.features import given_names
from citecheck.extract.quotes import INLINE_ATTRIBUTION, looks_like_attribution
from citecheck.models import Candidate, Mark, QuoteSpan, TextView
from citecheck.source.notes import is_notes_title

#: Longest bracket or parenthesis taken as a candidate (characters); longer ones are prose asides.
MAX_BRACKET = 600
#: Longest note text parsed as references (characters); a longer note is cut at this length.
MAX_NOTE = 4000

_SECONDHAND = regex.compile(
    r"(?:(?<=[,.;:])\s*+|\s++)(?=(?i:as\s+)?(?i:quoted|cited|contained|reproduced)\s+(?:in|by)\b)"
)
# what every _SECONDHAND match looks ahead to: a piece without it (most) is not scanned position by position
_SECONDHAND_ANCHOR = regex.compile(r"(?i:quoted|cited|contained|reproduced)")
# a sentence of a note that names where the quoted words come from: "Quotation is from X, …"
_QUOTATION_FROM = regex.compile(
    r"(?<=[.;]\s{0,3}+)(?i:the\s++)?(?i:quotations?|quote|the\s++words)\s++(?i:is\s++|are\s++)?(?i:taken\s++)?(?i:from)\s++"
)
# a wiki page that is no work: "[[Category:Concepts]]", "[[File:Lenin.jpg]]"
_NAMESPACE = regex.compile(
    r"[\s\"“'‘]*+(?i:category|file|image|media|template|help|special|portal|wikipedia|talk|user|tag|tags)\s*+:"
)
_LIST_HEADING = regex.compile(
    r"^\W*(?i:references|bibliography|works\s+cited|sources|further\s+reading|literature|select\s+bibliography)\W*$"
)
# a heading that is a date ("Early September", "March 1921", "1920-21"): a section of a chronicle
_DATE_HEADING = regex.compile(
    r"^\W*(?:(?i:early|late|mid|the\s++end\s++of)[\s-]++)?(?:(?i:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|spring|summer|autumn|fall|winter)\b[\s\d,–-]*+|\d{4}+(?:\s*+[–-]\s*+\d{2,4}+)?)\W*$"
)
_DASH_START = regex.compile(r"^\s*+(?:[-–—―]{1,2}+|~)\s*+\S")
_QUOTE_CLOSERS = '”’"»'


def find_candidates(view: TextView, quotes: Sequence[QuoteSpan] = ()) -> list[Candidate]:
    """Every candidate reference of ``view``, in document order.

    ``quotes`` are the document's quotations: the paragraph right under a block quotation may be
    its attribution line even without a dash (``Collected Works, Volume 33``).
    """
    out: list[Candidate] = []
    under_quote = {q.last_block + 1 for q in quotes if q.form == "block"}
    text = view.text
    in_list = False
    blocks = view.blocks
    for i, b in enumerate(blocks):
        if b.kind in ("code", "meta"):
            continue
        if b.kind == "heading":
            # a short line alone under a block quotation is its source, not a heading (but "Notes"
            # is a heading wherever it stands)
            in_list = bool(_LIST_HEADING.match(text[b.start : b.end]))
            notes = in_list or is_notes_title(text, b.start, b.end)
            notes = notes or _DATE_HEADING.match(text[b.start : b.end]) is not None
            attribution = _attribution(view, i, i in under_quote) if i in under_quote and not notes else None
            if attribution is not None:
                out.append(attribution)
            continue
        if b.kind == "note":
            out.extend(_note_candidates(view, i))
            continue
        if b.kind == "caption":
            # the title heading a block quotation names its source: "> [!quote] Lenin, *CW* 33, p. 64"
            s, e = _trim(text, b.start, b.end)
            out.append(Candidate("attribution", s, e, s, e, i))
            continue
        if in_list and b.kind in ("para", "item"):
            s, e = _trim(text, b.start, b.end)
            if s < e and not _NAMESPACE.match(text, s, e):  # "[[Category:Concepts]]" is navigation
                out.append(Candidate("list", s, e, s, e, i))
            continue
        out.extend(_bracket_candidates(view, i))
        attribution = _attribution(view, i, i in under_quote) if i in under_quote or b.kind == "quote" else None
        if attribution is not None:
            out.append(attribution)
    block_starts = [b.start for b in blocks]
    out.extend(
        _wikilink(view, m, block_starts)
        for m in _marks(view, "wikilink")
        if not _NAMESPACE.match(m.data or view.text[m.start : m.end])
    )
    # one stretch found twice (an attribution line that ends in a link): keep the wider outer span
    widest: dict[tuple[str, int, int], Candidate] = {}
    for c in out:
        k = (c.kind, c.start, c.end)
        if k not in widest or c.outer_end - c.outer_start > widest[k].outer_end - widest[k].outer_start:
            widest[k] = c
    out = sorted(widest.values(), key=lambda c: (c.start, c.end))
    return _without_nested(out)


# "“…” - Trotsky, [[The Revolution Betrayed]]": a dash and a name before a link on its line
_DASH_NAME = regex.compile(r"(?:^|\s)(?P<dash>[-—–])\s*+(?P<name>\p{Lu}[\p{L}.’'\- ]{0,40}?),\s*+$")


def _wikilink(view: TextView, m: Mark, block_starts: list[int]) -> Candidate:
    """A link to a work; with the dash and name before it on its line, an attribution (``block_starts``:
    the starts of the view's blocks)."""
    text = view.text
    line_start = text.rfind("\n", 0, m.start) + 1
    d = _DASH_NAME.search(text, max(line_start, m.start - 60), m.start)
    if d is not None:
        end = m.end
        while end < min(len(text), m.end + 2) and text[end] == " ":
            end += 1  # the closing brackets, blanked in the view
        return Candidate("attribution", d.start("name"), m.end, d.start("dash"), end, block_of(block_starts, m.start))
    return Candidate("wikilink", m.start, m.end, m.start, m.end, block_of(block_starts, m.start))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _marks(view: TextView, kind: str) -> Iterator[Mark]:
    return (m for m in view.marks if m.kind == kind)


def block_of(block_starts: list[int], offset: int) -> int:
    """The index of the block holding ``offset``, by the starts of the blocks."""
    return max(0, bisect.bisect_right(block_starts, offset) - 1)


def _note_candidates(view: TextView, i: int) -> list[Candidate]:
    """One candidate per source named in the note of block ``i`` (and its continuation blocks)."""
    b = view.blocks[i]
    end = b.end
    j = i + 1
    # the paragraphs after a note's first one belong to it until the next note or other block
    while j < len(view.blocks) and view.blocks[j].kind == "note" and view.blocks[j].note is None:
        end = view.blocks[j].end
        j += 1
    s, e = _trim(view.text, b.start, min(end, b.start + MAX_NOTE))
    out: list[Candidate] = []
    for ps, pe in split_sources(view.text, s, e):
        ps, pe = _trim(view.text, ps, pe)
        if ps < pe:
            out.append(Candidate("note", ps, pe, ps, pe, i, note=b.note))
    # brackets inside the note: when the note is commentary with references in parentheses,
    # those are its references (the engine decides which reading holds)
    span = Candidate("note", s, e, s, e, i, note=b.note)
    out.extend(replace(c, kind="note-" + c.kind, note=b.note) for c in _bracket_candidates(view, i, span))
    return out


_REF_START = regex.compile(
    r"\s*+(?:[“\"‘'«(\[*_]|(?i:ibid|id\.|op\.|see|cf\.|also|and|quoted|cited|in\s|vgl\.|siehe|zit\.|voir|cité|a\.a\.o\.)|"
    r"(?:[Сс]м\.|[Цц]ит\.|[Тт]ам\s++же)|"
    r"(?:\p{Lu}[\p{Ll}’'\-]++\s++){1,2}to\s++(?:\p{Lu}|the\s++author|author|me\b)|"  # a letter: "Dave Eisen to Leo …"
    r"\p{Lu}[\p{L}’'\-]*+\s*+,|(?:\p{Lu}\.\s*+)+\p{Lu}|\p{Lu}{2,}+\b|(?P<first>\p{Lu}[\p{Ll}’'\-]++)\s++\p{Lu}"
    r"|\p{Lu}[\p{Ll}’'\-]++\s++\p{Ll})"
)
_SURNAME_GIVEN = regex.compile(r"^\s*+\p{Lu}[\p{L}’'\-]++,\s*+\p{Lu}[\p{L}.\-]*+(?:\s++\p{Lu}\.)*+\s*+$")


def _starts_reference(text: str, k: int, e: int) -> bool:
    """True when ``text[k:e]`` begins like a reference: a name, a quotation mark, "Ibid", "see" …"""
    m = _REF_START.match(text, k, e)
    if m is None:
        return False
    # two capitalised words: a given name and a surname, not "Herr Eugen Duhring's …" continuing a title
    return m.group("first") is None or m.group("first") in given_names()


# the characters split_sources reads: brackets, quotation marks, semicolons
_SPLIT_STATE = regex.compile(r"[()\[\]“”\";]")


def split_sources(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut ``text[s:e]`` into the sources it names.

    At a semicolon outside brackets and quotation marks when what follows starts like a reference
    (a name, a quotation mark, "Ibid", "see" …): ``Anti-Duhring; Herr Eugen Duhring's Revolution``
    is one title; and a piece that is only ``Surname, Given`` is an author of the next
    (``Pearson, Margaret M.; Rithmire, Meg; Tsai, Kellee S. (2022)``). Also before "quoted in".
    """
    pieces: list[tuple[int, int]] = []
    depth = 0
    quote: str | None = None
    start = s
    for sm in _SPLIT_STATE.finditer(text, s, e):  # every other character leaves the state as it is
        k = sm.start()
        ch = sm.group()
        if quote is not None:
            if ch == quote or (quote == "“" and ch == "”"):
                quote = None
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in "“" or (ch == '"' and (k == s or not text[k - 1].isalnum())):
            quote = "”" if ch == "“" else '"'
        elif ch == ";" and depth == 0 and _starts_reference(text, k + 1, e):
            pieces.append((start, k))
            start = k + 1
    pieces.append((start, e))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for ps, pe in pieces:
        if _SURNAME_GIVEN.match(text[ps:pe]) and (ps, pe) != pieces[-1]:
            carry = ps if carry is None else carry
            continue
        merged.append((carry if carry is not None else ps, pe))
        carry = None
    out: list[tuple[int, int]] = []
    for ps, pe in merged:
        cut = ps
        for m in _SECONDHAND.finditer(text, ps, pe) if _SECONDHAND_ANCHOR.search(text, ps, pe) else ():
            if m.end() > cut + 3 and _names_something(text, cut, m.start()):
                if not _NAME_ONLY.match(text[cut : m.start()]):
                    out.append((cut, m.start()))
                # else "Joshua Freeman quoted in Atleson, …": the person quoted, no source of their own
                cut = m.end()
        # "…, 215. Quotation is from Lipsitz, *Rainbow at Midnight*, 108.": the words' own source
        for m in _QUOTATION_FROM.finditer(text, cut, pe) if "from" in text[cut:pe] else ():
            if _names_something(text, cut, m.start()) and _starts_reference(text, m.end(), pe):
                out.append((cut, m.start()))
                cut = m.end()
        out.append((cut, pe))
    return out


# a person's name and nothing else: at most four capitalised words or initials, an optional comma
_NAME_ONLY = regex.compile(r"^\s*+(?:\p{Lu}[\p{L}.’'\-]*+\s++){0,3}\p{Lu}[\p{L}.’'\-]*+\s*+,?\s*+$")


def _names_something(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` names someone or something (so a split leaves a reference each side)."""
    return any(ch.isalpha() for ch in text[s:e])


def _bracket_candidates(view: TextView, i: int, within: Candidate | None = None) -> list[Candidate]:
    """Balanced ``(…)`` and ``[…]`` of block ``i`` (or of the span ``within``), nested ones too."""
    text = view.text
    b = within or view.blocks[i]
    out: list[Candidate] = []
    stack: list[tuple[str, int]] = []
    for m in _BRACKET.finditer(text, b.start, b.end):
        ch, k = m.group(), m.start()
        if ch in "([":
            if len(stack) < 64:
                stack.append((ch, k))
            continue
        want = "(" if ch == ")" else "["
        # drop unbalanced openers of the other kind ("(see [1" …)
        while stack and stack[-1][0] != want:
            stack.pop()
        if not stack:
            continue
        _, k0 = stack.pop()
        if k - k0 - 1 <= MAX_BRACKET and k > k0 + 1:
            s, e = _trim(text, k0 + 1, k)
            if s < e:
                out.append(Candidate("bracket" if ch == "]" else "paren", s, e, k0, k + 1, i))
    # a parenthesis opened near the end and never closed: "… (GV Plekhanov Selected works Vol 3, p306."
    if stack and stack[0][0] == "(" and b.end - stack[0][1] <= 4 * MAX_BRACKET:
        k0 = stack[0][1]
        # it ends where its sentence does
        end = _SENTENCE_END.search(text, k0, b.end)
        s, e = _trim(text, k0 + 1, end.start() + 1 if end else b.end)
        if s < e:
            out.append(Candidate("paren", s, e, k0, b.end, i))
    return out


_BRACKET = re.compile(r"[()\[\]]")  # a plain set of characters: the standard library's engine, for less per call
_SENTENCE_END = regex.compile(r"[.!?](?=\s++\p{Lu})")


def _attribution(view: TextView, i: int, under_quote: bool) -> Candidate | None:
    """The line naming the source of the block quotation just above block ``i``, if ``i`` is one."""
    b = view.blocks[i]
    if len(view.text[b.start : b.end]) > 300:
        return None
    line = view.text[b.start : b.end]
    last_of_quote = b.kind == "quote" and (i + 1 >= len(view.blocks) or view.blocks[i + 1].group != b.group)
    if b.kind not in ("para", "quote", "item", "heading"):
        return None
    if last_of_quote and not _DASH_START.match(line):
        m = INLINE_ATTRIBUTION.search(view.text, b.start, b.end)
        if m is not None:
            return Candidate("attribution", m.end(), b.end, m.end(), b.end, i)
    if not (
        (under_quote and (_DASH_START.match(line) or looks_like_attribution(line)))
        or (last_of_quote and _DASH_START.match(line))
    ):
        return None
    s = b.start + (len(line) - len(line.lstrip()))
    m = _DASH_START.match(line)
    if m:
        s = b.start + m.end() - 1
    if line.lstrip()[:1] in "([":
        return None  # a bracketed line is found as a bracket candidate
    return Candidate("attribution", s, b.end, s, b.end, i)


def _without_nested(cands: list[Candidate]) -> list[Candidate]:
    """Drop a body bracket candidate inside a note, list entry, attribution or wikilink candidate.

    A parenthesis inside a note (``(Moscow: Progress, 1964)``) is part of that note's reference;
    the note's own bracket readings (``note-paren``) are kept for the engine to weigh.
    """
    out: list[Candidate] = []
    ends: list[int] = []  # ends of the enclosing candidates
    for c in cands:
        while ends and ends[-1] <= c.start:
            ends.pop()
        if ends and c.kind in ("bracket", "paren") and c.outer_end <= ends[-1]:
            continue
        out.append(c)
        if c.kind in ("note", "list", "attribution", "wikilink"):
            ends.append(c.end)
    return out


def marks_within(view: TextView, s: int, e: int, starts: Sequence[int] | None = None) -> list[tuple[int, int, str]]:
    """The emphasis marks overlapping ``[s, e)``, clipped and made relative to ``s``."""
    keep = ("italic", "bold", "cite")
    starts = starts if starts is not None else [m.start for m in view.marks]
    out = []
    k = bisect.bisect_left(starts, s - 2000)
    while k < len(view.marks) and view.marks[k].start < e:
        m = view.marks[k]
        if m.kind in keep and m.end > s:
            out.append((max(m.start, s) - s, min(m.end, e) - s, "bold" if m.kind == "bold" else "italic"))
        k += 1
    return out
