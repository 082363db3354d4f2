"""The view of an HTML or XHTML document, built with lxml (libxml2's HTML parser).

libxml2 gives the structure: elements opened and closed in source order, implied tags, recovery
from broken markup.  It does not give source offsets, so the text is aligned back to the source:
the source is cut into markup (tags, comments, processing instructions, the raw text of
``<script>`` and ``<style>``) and text, the text is decoded (entities, line ends) into one stream
that keeps its way back to the source, and each run of text libxml2 reports is found in that
stream from where the last one ended (usually exactly there: a fast path).  So every view
character maps to the exact source characters it came from, entities included.

The events are recorded first and read in a second pass, which needs only the set of link targets
of the whole file (which anchors are note definitions); both passes are linear in the document,
however deep the nesting.
"""

from __future__ import annotations

import bisect
import functools
import html as htmllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import regex
from lxml import etree

from citecheck.models import Block, Document, Mark
from citecheck.source.notes import closing_notes, note_markers, notes_after_heading, notes_beside_markers
from citecheck.source.offsets import Assembler, OffsetMap, blank_spans, identity_map, trim_block

# --- Cutting the source into markup and text --------------------------------------------------

# A quoted attribute value may hold ">" but (here) not "<", so every attempt stops at the next "<":
# the scan is linear whatever the input.  Where libxml2 reads a tag differently, alignment recovers.
# ``name``: the name of a start tag (a tag whose text is raw, like <script>, runs to its end tag).
_MARKUP = regex.compile(
    r"""<!--.*?(?:-->|\Z)
      | <![^>]*+>?
      | <\?[^>]*+>?
      | <(?:/[A-Za-z]|(?P<name>[A-Za-z][A-Za-z0-9:_-]*+))[^<>"']*+(?:(?:"[^"<]*+"|'[^'<]*+'|["'])[^<>"']*+)*+>""",
    regex.S | regex.X,
)
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
_ENTITY = regex.compile(r"&(?:#[0-9]{1,10};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31}+;?)|\r\n?|\x00")


def markup_spans(source: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each piece of markup in ``source[lo:hi]``, in order (raw text included)."""
    hi = len(source) if hi is None else hi
    pos = lo
    while (m := _MARKUP.search(source, pos, hi)) is not None:  # a "<" that starts no markup is text
        lt, end = m.span()
        name = m.group("name")
        if name and name.lower() in _RAW_TEXT and source[end - 2] != "/":  # not <script/>
            close = regex.compile(r"</" + name + r"(?=[\s/>])", regex.I).search(source, end, hi)
            end = close.start() if close else hi
        yield lt, end
        pos = end


def decode_text(source: str, lo: int = 0, hi: int | None = None) -> tuple[str, OffsetMap]:
    """The text outside markup in ``source[lo:hi]``, entities decoded and line ends made LF.

    This is what libxml2 reports as character data (the raw text of scripts excepted), with a map
    back to the source.
    """
    hi = len(source) if hi is None else hi
    asm = Assembler()
    pos = lo
    for a, b in markup_spans(source, lo, hi):
        _decode_region(source, pos, a, asm)
        pos = b
    _decode_region(source, pos, hi, asm)
    text = asm.text()
    return text, asm.offset_map(-1) or identity_map(len(text))


#: An entity's text (``&nbsp;``, ``&#8220;`` come back thousands of times in a page).
_unescape = functools.lru_cache(maxsize=4096)(htmllib.unescape)


def _decode_region(source: str, a: int, b: int, asm: Assembler) -> None:
    if a >= b:
        return
    region = source[a:b]
    if "&" not in region and "\r" not in region and "\x00" not in region:
        asm.keep(a, region)
        return
    pos = a
    for m in _ENTITY.finditer(source, a, b):
        tok = m.group()
        if tok[0] == "&":
            out = _unescape(tok)
            if out == tok:
                continue
        else:
            out = "\n" if tok[0] == "\r" else "\ufffd"
        asm.keep(pos, source[pos : m.start()])
        asm.put(m.start(), m.end(), out)
        pos = m.end()
    asm.keep(pos, source[pos:b])


# --- Recording libxml2's events ----------------------------------------------------------------


class _Recorder:
    """An lxml parser target: the events in order, adjacent character data joined."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any, Any]] = []
        self._data: list[str] = []

    def _flush(self) -> None:
        if self._data:
            self.events.append(("d", "".join(self._data), None))
            self._data = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._flush()
        self.events.append(("s", tag.lower() if isinstance(tag, str) else "", dict(attrib)))

    def end(self, tag: str) -> None:
        self._flush()
        self.events.append(("e", tag.lower() if isinstance(tag, str) else "", None))

    def data(self, data: str) -> None:
        self._data.append(data)

    def comment(self, text: str) -> None:
        self._flush()

    def pi(self, target: str, data: str | None = None) -> None:
        self._flush()

    def close(self) -> list[tuple[str, Any, Any]]:
        self._flush()
        return self.events


def _events(source: str) -> list[tuple[str, Any, Any]]:
    target = _Recorder()
    parser = etree.HTMLParser(target=target, recover=True, huge_tree=True, remove_blank_text=False)
    try:
        parser.feed(source)
        result: list[tuple[str, Any, Any]] = parser.close()
    except etree.LxmlError:
        result = target.close()  # what was read before the error
    return result


# --- Structure -----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div blockquote li ol ul dl dt dd h1 h2 h3 h4 h5 h6 hr tr td th table thead tbody tfoot caption section "
    "article aside header footer nav main figure figcaption pre address center form fieldset legend details "
    "summary body html".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SKIP = frozenset("script style head template noscript title iframe object svg math select".split())
_INLINE_MARKS = {
    "i": "italic",
    "em": "italic",
    "cite": "italic",
    "b": "bold",
    "strong": "bold",
    "sup": "sup",
    "code": "code",
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "q": "quote",
}
_QUOTE_CLASS = regex.compile(r"quot", regex.I)
_NOTE_CLASS = regex.compile(r"(?:end|foot)note", regex.I)
_NOTES_SECTION = regex.compile(
    r"(?:^|[\s_-])(?:(?:end|foot|rear)?notes|footnotes?|endnotes?|rearnotes)(?:$|[\s_-])", regex.I
)
_EPUB_NOTE = regex.compile(r"\b(?:footnote|endnote|rearnote|note)\b")
_ID_NUMBER = regex.compile(r"([0-9]{1,5})$")
_LABEL = regex.compile(
    r"[\[(]?\s*+([0-9]{1,4}[a-z*]?|[A-Z]{1,2}[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}|[ivxlc]{1,6}|\*{1,3}|[†‡§])\s*+[\])]?\.?"
)
_PLURAL_NOTES = regex.compile(r"notes(?:$|[\s_-])", regex.I)
_LEADING_LABEL = regex.compile(
    r"[ \t]*+(?:\[\s*+([^\]\s]{1,8})\s*+\]|\(([0-9]{1,4})\)|([0-9]{1,4}|[ivxlc]{1,6})[.)](?=\s)"
    r"|([0-9]{1,4})[ \t]*+$)"  # a number alone: the label of a note whose text is in the next block
)
_NAV_WORDS = regex.compile(r"previous|next|contents|index|top|back|home|return|up\b|prev\b|archive", regex.I)
_NOT_SEPARATOR = regex.compile(r"[^\s|\[\]()·•\-–—»«‹›/:<>,.]")
_LOOKAHEAD = 4096
_NON_SPACE = regex.compile(r"\S")


def _spaced(text: str) -> str:
    """``text`` with line ends, tabs, form feeds and vertical tabs made spaces.

    Five ``str.replace`` passes: ``str.translate`` looks every character up in a table, a hundred
    times slower on text that is not ASCII.
    """
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ").replace("\f", " ").replace("\v", " ")


_BLANK_LINES = regex.compile(r"\n[ \t]*+\n\s*+")


@dataclass(slots=True)
class _Frame:
    """An open element and what it passes down to the elements inside it."""

    tag: str
    skip: int = 0
    pre: int = 0
    quote: int = 0  # <blockquote> depth
    group: int | None = None
    quote_class: bool = False
    notes_section: bool = False
    note: int | None = None  # the innermost element that may be a note definition (_Builder.notes)
    link: int = 0  # inside an <a href>
    ol_count: int = 0
    # an inline mark or note marker this element makes
    mark: str | None = None
    mark_start: int = -1
    data: str | None = None
    marker: bool = False
    sure_marker: bool = False


@dataclass(slots=True)
class _OpenBlock:
    start: int
    kind: str
    group: int | None
    depth: int
    note: int | None
    links: int = 0
    other_chars: int = 0
    link_text: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Note:
    """An element that may be a note definition; decided at the end."""

    sure: bool  # a class, a notes section or epub:type says so; else only when a marker targets it
    label: str | None
    keys: list[str]
    blocks: list[int] = field(default_factory=list)
    #: The element also holds a notes section (``<div class="footnotes">``): notes inside it are
    #: notes of their own, not parts of it.
    section: bool = False


@dataclass(slots=True)
class _Marker:
    start: int
    end: int
    label: str
    key: str | None
    sure: bool


class _Builder:
    """The second pass: the recorded events, in order, into view text, blocks and marks."""

    def __init__(self, source: str, events: list[tuple[str, Any, Any]]) -> None:
        self.source = source
        self.events = events
        self.stream, self.smap = decode_text(source)
        self.cur = 0  # how far the stream has been matched
        self.asm = Assembler()
        self.blocks: list[tuple[str, int, int, int | None, int, int | None]] = []
        self.marks: list[Mark] = []
        self.meta: list[tuple[str, str]] = []
        self.block: _OpenBlock | None = None
        self.pending_break = True
        self.pending_newlines = 0
        self.last_text_end = 0  # view offset after the last non-space character
        self.waiting: list[_Frame] = []  # marks that start at the next text
        self.groups = 0
        self.quote_class_group: int | None = None
        self.notes: list[_Note] = []
        self.markers: dict[tuple[int, int], _Marker] = {}
        self.title: list[str] = []
        self.in_title = 0
        self.stack: list[_Frame] = []
        self.returns: list[tuple[int, int]] = []

    # -- text --------------------------------------------------------------------------------
    def text(self, chunk: str, frame: _Frame, emit: bool) -> None:
        # Look a bounded way ahead (a miss costs the same however long the document): text that
        # libxml2 did not report between two chunks is short, or blank.
        p = self.stream.find(chunk, self.cur, self.cur + len(chunk) + _LOOKAHEAD)
        if p < 0 and chunk.strip():
            ws = _NON_SPACE.search(self.stream, self.cur)
            if ws is not None and ws.start() > self.cur + _LOOKAHEAD:
                p = self.stream.find(chunk, ws.start(), ws.start() + len(chunk) + _LOOKAHEAD)
        if p < 0:
            if emit:
                self._emit_unaligned(chunk, frame)
            return
        q = p + len(chunk)
        self.cur = q
        if not emit:
            return
        if frame.pre:
            for k, (a, b) in enumerate(_split_blank_lines(chunk)):
                if k:
                    self._break()
                self._emit(p + a, p + b, chunk[a:b], frame)
        else:
            self._emit(p, q, _spaced(chunk), frame)

    def _start_text(self, at_source: int, frame: _Frame) -> None:
        """Line breaks owed before the next text, then open the block if none is."""
        if self.pending_break or self.block is None:
            if self.asm.n:
                self.asm.put(self.asm.src_end, max(at_source, self.asm.src_end + 1), "\n\n")
            self.pending_break = False
            self.pending_newlines = 0
            self._open_block(frame)
        elif self.pending_newlines:
            two = self.pending_newlines > 1  # <br><br>: a paragraph break
            self.asm.put(self.asm.src_end, max(at_source, self.asm.src_end + 1), "\n\n" if two else "\n")
            self.pending_newlines = 0
            if two:
                self._close_block()
                self._open_block(frame)
        for f in self.waiting:
            f.mark_start = self.asm.n
        self.waiting.clear()

    def _emit(self, p: int, q: int, shown: str, frame: _Frame) -> None:
        """Put ``stream[p:q]``, shown as ``shown``, into the view."""
        if self.pending_break or self.block is None:
            k = len(shown) - len(shown.lstrip())
            if k == len(shown):
                return
            p, shown = p + k, shown[k:]
        self._start_text(self.smap[p], frame)
        start = self.asm.n
        self.asm.copy_runs(self.smap, self.stream, p, q, shown)
        self._after_text(start, shown, frame)

    def _emit_unaligned(self, chunk: str, frame: _Frame) -> None:
        """Text that the stream does not hold as libxml2 reports it: mapped to where matching stopped."""
        if not chunk.strip() or not self.source:
            return
        if self.pending_break or self.block is None:
            chunk = chunk.lstrip()
        at = min(self.smap[self.cur] if self.cur < len(self.stream) else len(self.source), len(self.source) - 1)
        self._start_text(at, frame)
        start = self.asm.n
        s = min(max(at, self.asm.src_end), len(self.source) - 1)
        self.asm.put(s, s + 1, _spaced(chunk))
        self._after_text(start, chunk, frame)

    def _after_text(self, start: int, shown: str, frame: _Frame) -> None:
        stripped = shown.rstrip()
        if stripped:
            self.last_text_end = start + len(stripped)
        b = self.block
        if b is None:
            return
        if frame.link:
            b.link_text.append(shown)
        elif b.other_chars == 0 and _NOT_SEPARATOR.search(shown):
            b.other_chars = 1

    def tail(self, start: int) -> str:
        """The view text from ``start`` to the end (short spans only)."""
        need = self.asm.n - start
        got: list[str] = []
        have = 0
        for part in reversed(self.asm.parts):
            if have >= need:
                break
            got.append(part)
            have += len(part)
        joined = "".join(reversed(got))
        return joined[len(joined) - need :] if need else ""

    # -- blocks ------------------------------------------------------------------------------
    def _open_block(self, frame: _Frame) -> None:
        if frame.quote:
            kind, group, depth = "quote", frame.group, frame.quote
            self.quote_class_group = None
        elif frame.quote_class:
            if self.quote_class_group is None:
                self.quote_class_group = self.groups
                self.groups += 1
            kind, group, depth = "quote", self.quote_class_group, 1
        else:
            kind, group, depth = "para", None, 0
            self.quote_class_group = None
        for f in reversed(self.stack):
            if f.tag in _HEADINGS:
                kind = "heading"
                break
            if f.tag in _BLOCK_TAGS:
                if f.tag in ("li", "dd", "dt") and kind == "para":
                    kind = "item"
                break
        self.block = _OpenBlock(self.asm.n, kind, group, depth, frame.note)
        if frame.note is not None:
            self.notes[frame.note].blocks.append(len(self.blocks))

    def _close_block(self) -> None:
        b = self.block
        if b is None:
            return
        self.block = None
        kind = b.kind
        if (
            kind in ("para", "item")
            and b.links
            and b.other_chars == 0
            and (b.links >= 2 or _NAV_WORDS.search("".join(b.link_text)))
        ):
            kind = "meta"  # navigation: links and separators only
        self.blocks.append((kind, b.start, max(self.last_text_end, b.start), b.group, b.depth, b.note))

    def _break(self) -> None:
        self._close_block()
        self.pending_break = True
        self.pending_newlines = 0

    def _at_block_start(self) -> bool:
        return self.block is None or self.pending_break or self.last_text_end <= self.block.start

    # -- the pass ------------------------------------------------------------------------------
    def run(self) -> None:
        """Read the events once, in order."""
        stack = self.stack
        stack.append(_Frame("#root"))
        for kind, a, b in self.events:
            top = stack[-1]
            if kind == "d":
                if self.in_title:
                    self.title.append(a)
                if top.tag not in _RAW_TEXT:
                    self.text(a, top, emit=not top.skip)
            elif kind == "s":
                stack.append(self._start(a, b, top))
            elif len(stack) > 1:
                self._end(stack.pop())
        self._close_block()

    def _start(self, tag: str, attrib: dict[str, str], parent: _Frame) -> _Frame:
        f = _Frame(
            tag,
            parent.skip,
            parent.pre,
            parent.quote,
            parent.group,
            parent.quote_class,
            parent.notes_section,
            parent.note,
            parent.link,
        )
        if tag == "title":
            self.in_title += 1
        elif tag == "meta" and attrib.get("name", "").lower() in ("author", "dc.creator") and attrib.get("content"):
            self.meta.append(("author", attrib["content"].strip()))
        if tag in _SKIP or f.skip:
            f.skip += tag in _SKIP
            return f
        if tag in _QUOTE_SOURCE and parent.tag == "blockquote":
            # <blockquote><p>…</p><cite>Lenin, …</cite></blockquote>: the source, not the quotation
            self._break()
            f.quote, f.group, f.quote_class = 0, None, False
        if tag in _BLOCK_TAGS:
            self._block_start(tag, attrib, f, parent)
        elif tag == "br":
            if self.block is not None and not self.pending_break:
                self.pending_newlines += 1
        else:
            self._inline_start(tag, attrib, f)
        return f

    def _block_start(self, tag: str, attrib: dict[str, str], f: _Frame, parent: _Frame) -> None:
        self._break()
        cls = attrib.get("class", "")
        epub = attrib.get("epub:type", "") + " " + attrib.get("role", "")
        if tag == "pre":
            f.pre += 1
        if tag == "blockquote":
            if f.quote == 0:
                f.group = self.groups
                self.groups += 1
            f.quote += 1
            f.quote_class = False
        elif cls and not f.quote and _QUOTE_CLASS.search(cls):
            f.quote_class = True
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"):
            f.quote_class = False
        ident = attrib.get("id", "")
        if tag in ("section", "div", "ol", "ul", "aside", "dl") and (
            _NOTES_SECTION.search(cls + " " + ident) or _EPUB_NOTE.search(epub)
        ):
            f.notes_section = True
        if tag == "ol":
            start = attrib.get("start", "1")
            f.ol_count = int(start) - 1 if start.isdigit() else 0
        if tag == "li" and parent.tag == "ol":
            parent.ol_count += 1
        key = ident or attrib.get("name", "")
        sure = bool(_NOTE_CLASS.search(cls)) or (bool(_EPUB_NOTE.search(epub)) and tag != "section")
        sure = sure or (tag == "li" and parent.tag == "ol" and parent.notes_section)
        outer = self.notes[parent.note] if parent.note is not None else None
        section = bool(_PLURAL_NOTES.search(cls + " " + ident))
        if sure and outer is not None and outer.sure and not outer.section and not section:
            return  # <div class="footnote"><a>1</a><div class="footnote-content"><p>…: one note
        if sure or (key and tag in ("p", "li", "div", "aside", "dd", "section", "blockquote")):
            label = None
            if tag == "li" and parent.tag == "ol":
                label = str(parent.ol_count)
            if key and (m := _ID_NUMBER.search(key)):
                label = m.group(1)
            self.notes.append(_Note(sure, label, [key] if key else [], section=section))
            f.note = len(self.notes) - 1

    def _inline_start(self, tag: str, attrib: dict[str, str], f: _Frame) -> None:
        key = attrib.get("id") or attrib.get("name")
        if key and self._at_block_start():
            # an anchor opening a block (<p><a name="n1" href="#fn1">[1]</a> …) names that block
            if f.note is not None and not self.notes[f.note].blocks:
                self.notes[f.note].keys.append(key)
            else:
                self.notes.append(_Note(False, None, [key]))
                f.note = len(self.notes) - 1
        mark = _INLINE_MARKS.get(tag)
        href = attrib.get("href")
        cls = attrib.get("class", "")
        epub = attrib.get("epub:type", "") + " " + attrib.get("role", "")
        if tag == "a" and href is not None:
            f.link += 1
            f.data = href
            mark = "wikilink" if "wikilink" in cls.split() else "link"
            if mark == "wikilink":
                f.data = wiki_target(href, attrib.get("title"))
            if self.block is not None and not self.pending_break:
                self.block.links += 1
            else:
                self._links_before_block += 1
            f.sure_marker = "noteref" in epub or bool(_NOTEREF_CLASS.search(cls))
            f.marker = f.sure_marker or not self._at_block_start()
        elif tag == "sup":
            f.marker = not self._at_block_start()
            f.sure_marker = f.marker
        if mark:
            f.mark = mark
            self.waiting.append(f)

    _links_before_block = 0

    def _end(self, f: _Frame) -> None:
        tag = f.tag
        if tag == "title":
            self.in_title -= 1
            t = " ".join("".join(self.title).split())
            if not self.in_title and t and not any(k == "title" for k, _ in self.meta):
                self.meta.append(("title", t))
        if f.skip:
            return
        if tag in _BLOCK_TAGS:
            self._break()
            return
        if f.mark is None:
            return
        if f.mark_start < 0:  # no text inside
            if f in self.waiting:
                self.waiting.remove(f)
            return
        start, end = f.mark_start, self.last_text_end
        if end <= start:
            return
        if tag == "a" and self._links_before_block and self.block is not None:
            self.block.links += self._links_before_block
        self._links_before_block = 0
        if f.marker and end - start <= 16:
            label = _LABEL.fullmatch(self.tail(start)[: end - start].strip())
            if label:
                href = f.data or ""
                key = unquote(href[1:]) if href.startswith("#") else None
                old = self.markers.get((start, end))
                if old is None:
                    self.markers[(start, end)] = _Marker(start, end, label.group(1), key, f.sure_marker)
                else:
                    old.sure = old.sure or f.sure_marker
                    old.key = old.key or key
                if tag == "sup":
                    self.marks.append(Mark("sup", start, end))
                return
        if f.mark == "link" and end - start <= 8 and _RETURN_MARK.fullmatch(self.tail(start)[: end - start].strip()):
            self.returns.append((start, end))  # the way back from a note to its marker
            return
        self.marks.append(Mark(f.mark, start, end, f.data if f.mark in ("link", "wikilink") else None))


_RETURN_MARK = regex.compile(r"[↩↑⤴^]\ufe0e?+\ufe0f?+|return|back", regex.I)
#: Elements that, directly inside a block quotation, name its source (WordPress, HTML5 quotations).
_QUOTE_SOURCE = frozenset({"cite", "footer", "figcaption"})
_NOTEREF_CLASS = regex.compile(r"noteref|fnref|footnote-ref|footnote_ref", regex.I)


def wiki_target(href: str, title: str | None) -> str:
    """The page a wikilink names: ``Aleksandr_Ulyanov.md`` -> ``Aleksandr Ulyanov``."""
    path = unquote(href.partition("#")[0]).rsplit("/", 1)[-1]
    for ext in (".md", ".html", ".htm"):
        if path.lower().endswith(ext):
            path = path[: -len(ext)]
    return path.replace("_", " ").strip() or (title or "")


def _split_blank_lines(chunk: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _BLANK_LINES.finditer(chunk):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(chunk)


def _resolve(b: _Builder) -> tuple[str, list[Block], list[Mark]]:
    """Decide markers and note definitions now that the whole file is read; blank the markers."""
    text = b.asm.text()
    by_key: dict[str, int] = {}
    for i, note in enumerate(b.notes):
        for k in note.keys:
            by_key.setdefault(k, i)
    label_of: dict[int, str] = {}
    marks = list(b.marks)
    blanks: list[tuple[int, int]] = []
    for m in b.markers.values():
        target = by_key.get(m.key) if m.key else None
        if target is not None and b.notes[target].blocks:
            first = b.blocks[b.notes[target].blocks[0]]
            if first[0] == "heading":
                target = None
        if not (m.sure or target is not None):
            continue
        if target is not None:
            label_of.setdefault(target, m.label)
        marks.append(Mark("noteref", m.start, m.end, m.label))
        blanks.append((m.start, m.end))
    note_kind: dict[int, str | None] = {}
    dropped: set[int] = set()
    for i, note in enumerate(b.notes):
        if not note.blocks or not (note.sure or i in label_of):
            continue
        opening = True
        for bi in note.blocks:
            if b.blocks[bi][0] == "heading":
                continue
            note_kind[bi] = None
            if opening:
                _kind, start, end = b.blocks[bi][:3]
                lead = _LEADING_LABEL.match(text, start, end)
                written = next((g for g in lead.groups() if g), None) if lead else None
                if lead:
                    blanks.append((start, lead.end()))
                note_kind[bi] = label_of.get(i) or written or note.label
                # a block that is only the label: the note's text starts in its next block
                opening = lead is not None and lead.group(4) is not None and end > start
                if opening:
                    dropped.add(bi)
                    label_of.setdefault(i, note_kind[bi] or "")
    blocks: list[Block] = []
    for bi, (kind, start, end, group, depth, _note) in enumerate(b.blocks):
        if end <= start or bi in dropped:
            continue
        if bi in note_kind:
            blocks.append(Block("note", start, end, note=note_kind[bi], depth=depth))
        else:
            blocks.append(Block(kind, start, end, group=group, depth=depth))
    blanks += b.returns
    labels = sorted(blanks)
    starts = [a for a, _ in labels]

    def blanked(m: Mark) -> bool:
        i = bisect.bisect_right(starts, m.start) - 1
        return m.kind == "link" and i >= 0 and labels[i][1] >= m.end

    return blank_spans(text, blanks), blocks, [m for m in marks if not blanked(m)]


@dataclass(frozen=True, slots=True)
class HtmlView:
    """What the HTML builder produces, before mojibake repair."""

    text: str
    offsets: OffsetMap | None
    blocks: tuple[Block, ...]
    marks: tuple[Mark, ...]
    meta: tuple[tuple[str, str], ...]


def build_html(doc: Document) -> HtmlView:
    """Text, map, blocks, marks and metadata of an HTML document."""
    b = _Builder(doc.text, _events(doc.text))
    b.run()
    text, blocks, marks = _resolve(b)
    trimmed = [t for blk in blocks if (t := trim_block(text, blk)) is not None]
    labels: list[tuple[int, int]] = []
    trimmed = notes_after_heading(text, trimmed, {}, labels)  # "<h2>Notes</h2><ol><li>…"
    text = blank_spans(text, labels)
    spans: list[tuple[int, int]] = []
    if not any(m.kind == "noteref" for m in marks):
        # notes no markup declares: "1. …" paragraphs closing the page, "[1]" in the text
        trimmed = closing_notes(text, trimmed, {}, spans)
        marks.extend(note_markers(text, trimmed, spans))
    trimmed, beside = notes_beside_markers(text, trimmed, spans)  # "[1] …" after its paragraph
    marks.extend(beside)
    text = blank_spans(text, spans)
    marks.sort(key=lambda m: (m.start, m.end))
    return HtmlView(text, b.asm.offset_map(len(doc.text)), tuple(trimmed), tuple(marks), tuple(b.meta))
