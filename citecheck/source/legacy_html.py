"""Build the :class:`~citecheck.source.view.TextView` of an HTML document.

Tags are dropped and entities decoded by the standard library's
:class:`html.parser.HTMLParser`; every character of the view keeps the source
offset it came from, so line and column numbers refer to the HTML file.
Paragraph-level tags become blocks; ``<blockquote>`` blocks are quotations;
``<li id="fn4">`` / ``<p id="note4">`` inside a notes list are note
definitions; ``<sup>4</sup>`` and ``<a href="#fn4">4</a>`` are note markers.
"""

from __future__ import annotations

import bisect
import html
from html.parser import HTMLParser

import regex

from citecheck.models import Document, Repair
from citecheck.source.repair import repair_line, to_repairs
from citecheck.source.view import Block, Marker, TextView, split_paragraphs

_BLOCK_TAGS = frozenset(
    "p div blockquote li ol ul h1 h2 h3 h4 h5 h6 br hr tr td th table section article aside footer header "
    "figure figcaption dl dt dd pre nav main body".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript"})
_NOTE_ID = regex.compile(r"^(?:fn|note|footnote|ftn|endnote|en|n)[-_:]?(\d{1,6})$", regex.I)
_NOTE_HREF = regex.compile(r"#(?:fn|note|footnote|ftn|endnote|en|n)[-_:]?(\d{1,6})$", regex.I)
_NOTES_CLASS = regex.compile(r"foot|endnote|notes", regex.I)


class _ViewBuilder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.chars: list[str] = []
        self.src: list[int] = []
        self.skip = 0
        self.stack: list[tuple[str, str, str | None]] = []  # (tag, kind, note label)
        self.block_marks: list[tuple[int, str, str | None]] = []  # (view pos, kind, note)
        self.markers: list[Marker] = []
        self.marker_start: int | None = None
        self.marker_label: str | None = None
        self.pre = 0
        self.ol_counter: list[int] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, at: int, contiguous: bool, keep_newlines: bool = False) -> None:
        for i, ch in enumerate(text):
            if ch in "\r\n\t" and not self.pre and not keep_newlines:
                ch = " "
            self.chars.append(ch)
            self.src.append(at + i if contiguous else at)

    def _break(self, at: int) -> None:
        self._emit("\n\n", at, False, keep_newlines=True)

    def _context(self) -> tuple[str, str | None]:
        for _tag, kind, note in reversed(self.stack):
            if kind != "para":
                return kind, note
        return "para", None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._pos()
        a = {k: (v or "") for k, v in attrs}
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag == "pre":
            self.pre += 1
        if tag == "ol":
            self.ol_counter.append(0)
        if tag in _BLOCK_TAGS:
            self._break(at)
            kind, note = "para", None
            m = _NOTE_ID.match(a.get("id", ""))
            in_notes = any(_NOTES_CLASS.search(t[1] if t[1] != "para" else "") for t in self.stack)
            if tag == "li" and self.ol_counter:
                self.ol_counter[-1] += 1
            if tag == "blockquote":
                kind = "quote"
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                kind = "heading"
            elif m:
                kind, note = "note", m.group(1)
            elif tag == "li" and (in_notes or _NOTES_CLASS.search(a.get("class", ""))) and self.ol_counter:
                kind, note = "note", str(self.ol_counter[-1])
            elif _NOTES_CLASS.search(a.get("class", "") + " " + a.get("id", "")) and tag in ("ol", "section", "div"):
                kind = "notes:" + tag
            if tag != "br" and tag != "hr":
                self.stack.append((tag, kind, note))
            ctx_kind, ctx_note = self._context()
            self.block_marks.append((len(self.chars), ctx_kind, ctx_note))
        elif tag in ("sup", "a"):
            href = a.get("href", "")
            hm = _NOTE_HREF.search(href)
            if tag == "sup" or hm:
                if self.marker_start is None:
                    self.marker_start = len(self.chars)
                    self.marker_label = hm.group(1) if hm else None
                elif hm and self.marker_label is None:
                    self.marker_label = hm.group(1)

    def handle_endtag(self, tag: str) -> None:
        at = self._pos()
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag == "ol" and self.ol_counter:
            self.ol_counter.pop()
        if tag in ("sup", "a") and self.marker_start is not None:
            text = "".join(self.chars[self.marker_start :])
            label = self.marker_label or (text.strip(" []") if text.strip(" []").isdigit() else None)
            if (label and tag == "sup") or (label and self.marker_label and tag == "a"):
                self.markers.append(Marker(label, self.marker_start, len(self.chars)))
                for k in range(self.marker_start, len(self.chars)):
                    self.chars[k] = " "
            if tag == "sup" or self.marker_label:
                self.marker_start, self.marker_label = None, None
        if tag in _BLOCK_TAGS:
            while self.stack:
                t, _, _ = self.stack.pop()
                if t == tag:
                    break
            self._break(at)
            ctx_kind, ctx_note = self._context()
            self.block_marks.append((len(self.chars), ctx_kind, ctx_note))

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._emit(data, self._pos(), True)

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self._emit(html.unescape(f"&{name};"), self._pos(), False)

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self._emit(html.unescape(f"&#{name};"), self._pos(), False)


def build_html_view(doc: Document) -> tuple[TextView, list[Repair]]:
    """The view of an HTML document, and the mojibake repairs made."""
    b = _ViewBuilder(doc.text)
    b.feed(doc.text)
    b.close()
    chars, src = b.chars, b.src
    repairs: list[Repair] = []
    text = "".join(chars)
    if not text.isascii():
        fixed_lines: list[str] = []
        line_at = 0  # view offset of the current line (kept, not recomputed: linear)
        for line in text.split("\n"):
            fixed, notes = repair_line(line)
            if notes and len(fixed) == len(line):
                for off, orig, rep, why in notes:
                    pos = line_at + off
                    s = src[pos] if pos < len(src) else len(doc.text)
                    ln = bisect.bisect_right(b.line_starts, s)
                    col = s - b.line_starts[ln - 1] + 1
                    repairs.extend(to_repairs([(0, orig, rep, why)], ln, col - 1))
                fixed_lines.append(fixed)
            else:
                fixed_lines.append(line)
            line_at += len(line) + 1
        text = "\n".join(fixed_lines)
    view = TextView(source=doc.text, text=text, src=src)
    view.markers = b.markers
    marks = b.block_marks
    blocks: list[Block] = []
    kind, note = "para", None
    mi = 0  # marks and paragraphs both ascend: one pass over each
    for s, e in split_paragraphs(text):
        while mi < len(marks) and marks[mi][0] <= s:
            _, kind, note = marks[mi]
            mi += 1
        blocks.append(Block("para" if kind.startswith("notes:") else kind, s, e, note=note))
    # one note may span several paragraphs: only its first block carries the label
    view.blocks = blocks
    return view, repairs
