"""The view of a Markdown document, built with markdown-it-py and mdit-py-plugins.

The parser gives the block structure (``token.map`` line ranges) and the inline tokens of each
paragraph.  The view keeps the source's lines: text stays where it is, Markdown markup is blanked
to spaces (emphasis delimiters, ``>`` prefixes, link destinations, footnote markers, fences), and
only what the parser decodes changes length (backslash escapes, entities; inline HTML tags are
removed).  Each inline token is found in its paragraph's content from where the previous one
ended, and the content is found line by line in the source, so every view character maps to the
exact source characters it came from.

Lines the parser gives up on (deeper than ``maxNesting`` block quotes) are still kept as text, in
``quote`` blocks of their depth.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

import regex
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from citecheck.models import Block, Mark
from citecheck.source.html import decode_text, markup_spans, wiki_target
from citecheck.source.lines import line_starts
from citecheck.source.notes import (
    closing_notes,
    note_markers,
    notes_after_heading,
    notes_at_page_feet,
    notes_beside_markers,
    numbered_lines,
    opened_by_markers,
)
from citecheck.source.offsets import Assembler, OffsetMap, blank_spans, compose, identity_map, trim_block

#: Block quotes, lists and inline nesting deeper than this are read as text (markdown-it's guard).
MAX_NESTING = 20


def markdown_parser() -> MarkdownIt:
    """markdown-it as the view reads Markdown: CommonMark, HTML, footnotes, front matter, tables …"""
    md = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        .use(footnote_plugin)
        .use(front_matter_plugin)
        .use(deflist_plugin)
        .use(attrs_plugin)  # pandoc's "[text](#fn1){#fnref1 .footnote-ref}": the braces are markup
        .enable(["table", "strikethrough"])
    )
    # keep escapes and entities as tokens of their own, so they can be mapped to their source
    md.disable("text_join")
    return md


#: The characters each inline rule in use can start at.  markdown-it's text rule stops at every
#: character some rule might want ("-", ":", "#" … are kept for plugins), and at each one every rule
#: is tried and declines; a character no rule here starts at can go on with the text.  "]" stays:
#: a link label is scanned for it.  The tokens are the same (``test_markdown.py`` compares them).
_RULE_STARTS = {
    "text": "",
    "newline": "\n",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "!",
    "footnote_inline": "^",
    "footnote_ref": "[",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "attr": "{",
}


def _narrow_terminators(md: MarkdownIt) -> None:
    """Let the text rule run on over characters no inline rule in use starts at.

    And where an inline token's content holds none of them but line ends (most paragraphs of
    prose), make its text and line-break tokens directly: the text rule and the newline rule are
    then the only rules that apply, and the parse would cost as much as a paragraph full of markup.
    """
    rules = md.inline.ruler.get_active_rules()
    if not all(r in _RULE_STARTS for r in rules):  # a rule not known here: markdown-it's own set stays
        return
    chars = sorted(set("]").union(*(_RULE_STARTS[r] for r in rules)))
    md.inline.terminator_re = re.compile("[" + re.escape("".join(chars)) + "]")
    markup = re.compile("[" + re.escape("".join(c for c in chars if c != "\n")) + "]")

    def inline(state: StateCore) -> None:
        """markdown-it's core ``inline`` rule, with plain lines made into tokens directly."""
        for token in state.tokens:
            if token.type == "inline":
                if token.children is None:
                    token.children = []
                if markup.search(token.content) is None:
                    token.children.extend(plain_inline(token.content))
                else:
                    md.inline.parse(token.content, md, state.env, token.children)

    md.core.ruler.at("inline", inline)


def plain_inline(content: str) -> list[Token]:
    """The inline tokens of content with no markup but line ends, as markdown-it makes them.

    The text rule takes each line; the newline rule makes a ``hardbreak`` after two spaces or more
    (taken off the text), else a ``softbreak`` (one space taken off), and skips the spaces and tabs
    that start the next line.
    """
    out: list[Token] = []
    pos, n = 0, len(content)
    while pos < n:
        q = content.find("\n", pos)
        if q < 0:
            out.append(Token("text", "", 0, content=content[pos:]))
            break
        pending = content[pos:q]
        kind = "softbreak"
        if pending.endswith(" "):
            if pending.endswith("  "):
                ws = len(pending) - 2
                while ws >= 1 and pending[ws - 1] == " ":
                    ws -= 1
                pending, kind = pending[:ws], "hardbreak"
            else:
                pending = pending[:-1]
        if pending:
            out.append(Token("text", "", 0, content=pending))
        out.append(Token(kind, "br", 0))
        pos = q + 1
        while pos < n and content[pos] in " \t":
            pos += 1
    return out


#: The one parser (configured once; a parse keeps its state in the parse, not here).  It reads
#: text _normalise made (LF line ends, no NUL), so markdown-it's own normalising pass, two
#: substitutions over the whole text that would change nothing, is off.
_MD = markdown_parser()
_MD.disable("normalize")
_narrow_terminators(_MD)

_NONSPACE = regex.compile(r"\S")
_NOTES_HEADING = regex.compile(r"\s*+(?:(?:end|foot)?notes|references|sources)\s*+:?\s*+", regex.I)
_QUOTE_PREFIX = regex.compile(r"[ \t]{0,3}+(?:>[ \t]?+)++")
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*+)([^>]*+)>", regex.S)
_ATTR = regex.compile(r"""([A-Za-z_:][-\w:.]*+)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'>]++))""")
_LABEL = regex.compile(r"\[?\s*+([0-9]{1,4}[a-z*]?|[ivxlc]{1,6}|\*{1,3})\s*+\]?")
_WIKILINK = regex.compile(r"\[\[([^\[\]\n|]{1,200}+)(?:\|([^\[\]\n]{1,200}+))?\]\]")
_BARE_URL = regex.compile(r"(?<![\w/])(?:https?://|www\.)[^\s<>\"'()\[\]]++")
_YAML_KEY = regex.compile(r"([A-Za-z_][\w.-]*+)[ \t]*+:(?:[ \t]++(.*))?$")
#: Tokens whose lines are wholly theirs (underlines, table rules, thematic breaks are markup).
_LEAVES = frozenset({"paragraph_open", "heading_open", "table_open", "hr"})
_INLINE_MARKS = {
    "i": "italic",
    "em": "italic",
    "cite": "italic",
    "b": "bold",
    "strong": "bold",
    "sup": "sup",
    "code": "code",
}


@dataclass(frozen=True, slots=True)
class MarkdownView:
    """What the Markdown builder produces, before mojibake repair."""

    text: str
    offsets: OffsetMap | None
    blocks: tuple[Block, ...]
    marks: tuple[Mark, ...]
    meta: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class _Leaf:
    """A block found by the parser, in source offsets until the view exists."""

    kind: str
    start: int = -1
    end: int = -1
    note: str | None = None
    group: int | None = None
    depth: int = 0
    #: The number of the ordered list item this block opens (``3.``), which the view does not show.
    label: str | None = None


@dataclass(slots=True)
class _Ctx:
    quote: int = 0
    group: int | None = None
    item: int = 0
    note: str | None = None
    note_first: bool = False
    groups: int = 0
    notes_zone: bool = False  # after a "Notes" heading: a numbered list there is the notes
    list_note: int = 0  # item depth of a list item that is a note
    item_label: str | None = None  # the number of the ordered list item just opened
    top_quotes: list[tuple[int, int, int]] = field(default_factory=list)  # line range, group


class _Builder:
    def __init__(self, norm: str) -> None:
        self.src = norm
        self.starts = line_starts(norm)
        self.nlines = len(self.starts)
        self.edits: list[tuple[int, int, str | None]] = []  # (start, end, replacement | None: keep)
        self.leaves: list[_Leaf] = []
        self.marks: list[tuple[str, int, int, str | None]] = []  # kind, source start, end, data
        self.blanks: list[tuple[int, int]] = []  # source spans blanked after the view is built
        self.meta: list[tuple[str, str]] = []
        self.covered = bytearray(self.nlines + 1)
        #: markdown-it's environment of the parse: the footnotes, pandoc's inline ``^[…]`` ones with their text
        self.env: dict[str, Any] = {}

    def line_end(self, k: int) -> int:
        """Offset of the line end (the LF, or the end of the text) of line ``k``."""
        return self.starts[k + 1] - 1 if k + 1 < self.nlines else len(self.src)

    # -- aligning parsed content with the source ------------------------------------------
    def align(self, content: str, first: int, last: int, cursor: int = -1) -> list[tuple[int, int, int]]:
        """Where each line of ``content`` is in the source lines ``first..last``.

        ``(content offset, source offset, length)`` per line; a line of content is the end of a
        source line (block prefixes stripped) or, for table cells and ATX headings, a part of one.
        """
        segs: list[tuple[int, int, int]] = []
        src, starts = self.src, self.starts
        c = 0
        k = first
        for piece in content.split("\n"):
            while k <= last:
                a, b = starts[k], self.line_end(k)
                lo = max(a, cursor) if cursor >= a else a
                p = -1
                if lo <= b and src.endswith(piece, lo, b):  # the usual case, without a copy of the line
                    p = b - lo - len(piece)
                    k += 1
                    segs.append((c, lo + p, len(piece)))
                    self.covered[k - 1] = 1
                    break
                line = src[lo:b]
                if line.endswith(piece):
                    p = len(line) - len(piece)
                else:
                    r = line.rstrip()
                    if r.endswith(piece):
                        p = len(r) - len(piece)
                    else:
                        p = line.find(piece)
                        if p < 0 and piece.strip():
                            stripped = piece.lstrip()
                            q = line.find(stripped)
                            lead = len(piece) - len(stripped)
                            if q >= lead:
                                p = q - lead  # spaces from an expanded tab
                            elif q >= 0:
                                # more spaces than the source has characters before the text (a tab
                                # expanded inside a list item): the text maps to itself, the spaces
                                # to the line's start
                                k += 1
                                segs.append((c + lead, lo + q, len(stripped)))
                                self.covered[k - 1] = 1
                                break
                k += 1
                if p >= 0 or not piece.strip():
                    segs.append((c, lo + max(p, 0), len(piece)))
                    self.covered[k - 1] = 1
                    break
            c += len(piece) + 1
        return segs

    @staticmethod
    def to_src(segs: Sequence[tuple[int, int, int]], c: int) -> int:
        """The source offset of content offset ``c`` (a line end maps to the source line end)."""
        i = bisect.bisect_right(segs, (c, 1 << 62, 0)) - 1
        if i < 0:
            return segs[0][1] if segs else 0
        c0, s0, n = segs[i]
        return s0 + min(c - c0, n)

    # -- inline tokens --------------------------------------------------------------------
    def inline(self, tok: Token, leaf: _Leaf, cursor: int = -1) -> int:
        """Edits, marks and the source extent of one inline token; returns where it ends."""
        assert tok.map is not None
        content = tok.content
        segs = self.align(content, tok.map[0], tok.map[1] - 1, cursor)
        if not segs:
            return cursor
        cc = 0
        opened: list[tuple[str, int, str | None]] = []  # kind, source start (-1: next text), data
        html_open: list[tuple[str, int, str | None]] = []
        lo_seen, hi_seen = 1 << 62, -1
        edits = self.edits

        def src(c: int) -> int:
            return self.to_src(segs, c)

        def keep(a: int, b: int) -> None:
            nonlocal lo_seen, hi_seen
            if b <= a:
                return
            first = bisect.bisect_right(segs, (a, 1 << 62, 0)) - 1
            i = max(0, first)
            while i < len(segs) and segs[i][0] < b:  # walk the lines from a's (no copy of the list)
                seg_c, seg_s, n = segs[i]
                x, y = max(a, seg_c), min(b, seg_c + n)
                if y > x:
                    edits.append((seg_s + x - seg_c, seg_s + y - seg_c, None))
                    lo_seen = min(lo_seen, seg_s + x - seg_c)
                    hi_seen = max(hi_seen, seg_s + y - seg_c)
                i += 1
            if (opened and opened[-1][1] < 0) or (html_open and html_open[-1][1] < 0):
                c0, s0, n0 = segs[max(0, first)]
                resolve(s0 if first < 0 else s0 + min(a - c0, n0))  # src(a)

        def put(a: int, b: int, text: str) -> None:
            nonlocal lo_seen, hi_seen
            s, e = src(a), src(b - 1) + 1
            self.edits.append((s, e, text))
            lo_seen, hi_seen = min(lo_seen, s), max(hi_seen, e)
            resolve(s)

        def resolve(s: int) -> None:
            for stack in (opened, html_open):
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i][1] >= 0:
                        break
                    stack[i] = (stack[i][0], s, stack[i][2])

        children = tok.children or []
        i = 0
        while i < len(children):
            ch = children[i]
            t = ch.type
            if t == "text":
                p = content.find(ch.content, cc)
                if p >= 0:
                    keep(p, p + len(ch.content))
                    cc = p + len(ch.content)
            elif t == "text_special":
                p = content.find(ch.markup, cc)
                if p >= 0:
                    put(p, p + len(ch.markup), ch.content)
                    cc = p + len(ch.markup)
            elif t in ("softbreak", "hardbreak"):
                p = content.find("\n", cc)
                cc = p + 1 if p >= 0 else cc
            elif t == "code_inline":
                p = content.find(ch.markup, cc)
                q = content.find(ch.markup, p + len(ch.markup)) if p >= 0 else -1
                if q > p:
                    keep(p + len(ch.markup), q)
                    self.marks.append(("code", src(p + len(ch.markup)), src(q - 1) + 1, None))
                    cc = q + len(ch.markup)
            elif t == "footnote_ref" and "label" not in ch.meta:
                # pandoc's inline note "text.^[Lenin, *CW*, vol. 33, p. 5.] More text": the note is a
                # block of its own where it stands, between the two halves of the paragraph
                p = content.find("^[", cc)
                note = self.inline_note(ch)
                if p >= 0 and note is not None:
                    label, body = note
                    q = p + 2 + len(body.content)
                    if hi_seen >= 0:
                        leaf.start = lo_seen if leaf.start < 0 else min(leaf.start, lo_seen)
                        leaf.end = max(leaf.end, hi_seen)
                    marker = src(p)
                    self.marks.append(("noteref", marker, marker + 2, label))
                    self.edits.append((marker, marker + 2, "\n\n"))
                    note_leaf = _Leaf("note", note=label, depth=leaf.depth, group=leaf.group)
                    self.leaves.append(note_leaf)
                    body.map = tok.map
                    self.inline(body, note_leaf, marker + 2)
                    close = src(q)
                    self.edits.append((close, close + 1, "\n\n"))
                    leaf = _Leaf(leaf.kind, group=leaf.group, depth=leaf.depth)  # the paragraph goes on
                    self.leaves.append(leaf)
                    lo_seen, hi_seen = 1 << 62, -1
                    cc = q + 1
            elif t == "footnote_ref":
                label = str(ch.meta.get("label", ""))
                ref = f"[^{label}]"
                p = content.find(ref, cc)
                if p >= 0:
                    s, e = src(p), src(p + len(ref) - 1) + 1
                    self.marks.append(("noteref", s, e, label))
                    cc = p + len(ref)
            elif t == "link_open" and ch.markup == "autolink":
                p = content.find("<", cc)
                q = content.find(">", p) if p >= 0 else -1
                if q > p:
                    keep(p + 1, q)
                    self.marks.append(("url", src(p + 1), src(q - 1) + 1, None))
                    cc = q + 1
                while i + 1 < len(children) and children[i].type != "link_close":
                    i += 1
            elif t == "image":
                p = content.find("![", cc)
                q = content.find(")", p) if p >= 0 else -1
                cc = q + 1 if q > p else cc
            elif t.endswith("_open"):
                kind = {"em_open": "italic", "strong_open": "bold", "link_open": "link"}.get(t)
                href = ch.attrs.get("href")
                opened.append((kind or "", -1, str(href) if href is not None else None))
            elif t.endswith("_close"):
                if opened:
                    kind, s, data = opened.pop()
                    if kind and 0 <= s < hi_seen:
                        self.marks.append((kind, s, hi_seen, data))
            elif t == "html_inline":
                p = content.find(ch.content, cc)
                if p >= 0:
                    self.html_tag(ch.content, src(p), src(p + len(ch.content) - 1) + 1, html_open, hi_seen)
                    cc = p + len(ch.content)
            i += 1
        if hi_seen >= 0:
            leaf.start = lo_seen if leaf.start < 0 else min(leaf.start, lo_seen)
            leaf.end = max(leaf.end, hi_seen)
        return hi_seen

    def inline_note(self, ref: Token) -> tuple[str, Token] | None:
        """The label and the text (an ``inline`` token with its children) of the inline note ``ref`` marks.

        The label is the note's number as markdown-it counts notes, unless a declared note
        (``[^2]: …``) already has that label."""
        data = self.env.get("footnotes", {})
        entry = data.get("list", {}).get(ref.meta.get("id"))
        if not entry or "content" not in entry:
            return None
        number = str(int(ref.meta["id"]) + 1)
        declared = f":{number}" in data.get("refs", {})  # markdown-it keys declared notes ":label"
        label = f"inline-{number}" if declared else number
        body = Token("inline", "", 0, content=str(entry["content"]), children=list(entry.get("tokens") or []))
        return label, body

    def html_tag(self, tag: str, s: int, e: int, stack: list[tuple[str, int, str | None]], last: int) -> None:
        """An inline HTML tag: removed from the view; what it means becomes a mark."""
        m = _TAG.fullmatch(tag)
        if m is None:
            self.edits.append((s, e, ""))
            return
        name = m.group(2).lower()
        if name == "br":
            self.edits.append((s, e, "\n"))
            return
        self.edits.append((s, e, ""))
        if not m.group(1):
            attrs = {
                a.group(1).lower(): a.group(2) or a.group(3) or a.group(4) or "" for a in _ATTR.finditer(m.group(3))
            }
            kind = _INLINE_MARKS.get(name)
            data = None
            if name == "a" and "href" in attrs:
                kind, data = (
                    ("wikilink", wiki_target(attrs["href"], None))
                    if "wikilink" in attrs.get("class", "").split()
                    else ("link", attrs["href"])
                )
            if kind:
                stack.append((kind + ("+" + name), -1, data))
            return
        for k in range(len(stack) - 1, max(-1, len(stack) - 4), -1):
            kind, start, data = stack[k]
            if kind.endswith("+" + name):
                del stack[k:]
                if 0 <= start < s:
                    self.close_html_mark(kind.split("+")[0], name, start, s, data)
                break

    def close_html_mark(self, kind: str, name: str, start: int, end: int, data: str | None) -> None:
        """``<sup>4</sup>`` and ``<a href="#fn4">4</a>`` are note markers; the rest plain marks."""
        inner = self.src[start:end]
        inner_text = regex.sub(r"<[^>]*+>", "", inner).strip()
        label = _LABEL.fullmatch(inner_text) if len(inner) < 80 else None
        if label and (name == "sup" or (data or "").startswith("#")):
            self.marks.append(("noteref", start, end, label.group(1)))
            self.blanks.append((start, end))
            if name == "sup":
                self.marks.append(("sup", start, end, None))
            return
        self.marks.append((kind, start, end, data))

    # -- blocks ---------------------------------------------------------------------------
    def run(self, tokens: list[Token]) -> None:
        """Walk the token stream once."""
        ctx = _Ctx()
        row: _Leaf | None = None
        row_cursor = -1
        heading = False
        for tok in tokens:
            t = tok.type
            if t == "front_matter":
                self.front_matter(tok)
            elif t == "blockquote_open":
                if ctx.quote == 0:
                    ctx.group = ctx.groups
                    ctx.groups += 1
                    if tok.map:
                        ctx.top_quotes.append((tok.map[0], tok.map[1], ctx.group))
                ctx.quote += 1
            elif t == "blockquote_close":
                ctx.quote -= 1
                if ctx.quote == 0:
                    ctx.group = None
            elif t in ("list_item_open", "dd_open"):
                ctx.item += 1
                ctx.item_label = tok.info if tok.info.isdigit() and tok.markup in ".)" else None
                if ctx.notes_zone and ctx.note is None and tok.info.isdigit() and tok.markup in ".)":
                    ctx.note, ctx.note_first, ctx.list_note = tok.info, True, ctx.item
            elif t in ("list_item_close", "dd_close"):
                if ctx.list_note == ctx.item:
                    ctx.note, ctx.list_note = None, 0
                ctx.item -= 1
            elif t == "footnote_open":
                ctx.note, ctx.note_first = str(tok.meta.get("label", "")), True
            elif t == "footnote_close":
                ctx.note = None
            elif t == "heading_open":
                heading = True
            elif t == "heading_close":
                heading = False
            elif t == "tr_open":
                row, row_cursor = self.new_leaf(ctx, False), -1
            elif t == "tr_close":
                row = None
            elif t == "inline" and tok.map:
                if row is not None:
                    row_cursor = self.inline(tok, row, row_cursor)
                    continue
                leaf = self.new_leaf(ctx, heading)
                self.inline(tok, leaf)
                if heading and ctx.quote == 0:
                    ctx.notes_zone = _NOTES_HEADING.fullmatch(tok.content) is not None
                if ctx.note is not None and leaf.end > leaf.start:
                    leaf.note = ctx.note if ctx.note_first else None
                    ctx.note_first = False
            elif t in ("fence", "code_block") and tok.map:
                self.code(tok)
            elif t == "html_block" and tok.map:
                self.html_block(tok, ctx)
            if tok.map and t in _LEAVES:
                for k in range(tok.map[0], tok.map[1]):
                    self.covered[k] = 1
        self.link_definitions()
        self.fallback(ctx)

    def link_definitions(self) -> None:
        """Lines of link definitions (``[1]: https://… "Title"``) are markup, not text. Only those
        whose target is an address: ``[3]: Ibid.`` parses as a definition too, but is a note."""
        for ref in self.env.get("references", {}).values():
            where = ref.get("map")
            if where and _ADDRESS.match(str(ref.get("href", ""))):
                for k in range(where[0], min(where[1], self.nlines)):
                    self.covered[k] = 1

    def new_leaf(self, ctx: _Ctx, heading: bool) -> _Leaf:
        """A block in the current context."""
        if ctx.note is not None:
            kind = "note"
        elif heading:
            kind = "heading"
        elif ctx.quote:
            kind = "quote"
        elif ctx.item:
            kind = "item"
        else:
            kind = "para"
        leaf = _Leaf(kind, group=ctx.group if ctx.quote else None, depth=ctx.quote)
        if kind == "item":
            leaf.label, ctx.item_label = ctx.item_label, None
        self.leaves.append(leaf)
        return leaf

    def front_matter(self, tok: Token) -> None:
        """YAML front matter: a ``meta`` block, and its top-level keys as metadata."""
        assert tok.map is not None
        first, last = tok.map[0] + 1, tok.map[1] - 2
        for k in range(tok.map[0], tok.map[1]):
            self.covered[k] = 1
        if last < first:
            return
        s, e = self.starts[first], self.line_end(last)
        self.edits.append((s, e, None))
        self.leaves.append(_Leaf("meta", s, e))
        self.meta.extend(parse_front_matter(self.src[s:e]))

    def code(self, tok: Token) -> None:
        """Fenced or indented code: kept as written, a ``code`` block."""
        assert tok.map is not None
        first, last = tok.map[0], tok.map[1] - 1
        for k in range(first, last + 1):
            self.covered[k] = 1
        if tok.type == "fence":
            first, last = first + 1, last - 1 if self.src[self.starts[last] : self.line_end(last)].strip() else last
        if last < first:
            return
        s, e = self.starts[first], self.line_end(last)
        self.edits.append((s, e, None))
        self.leaves.append(_Leaf("code", s, e))

    def html_block(self, tok: Token, ctx: _Ctx) -> None:
        """A block of HTML in Markdown: its text kept, tags removed, entities decoded."""
        assert tok.map is not None
        first, last = tok.map[0], tok.map[1] - 1
        for k in range(first, last + 1):
            self.covered[k] = 1
        s, e = self.starts[first], self.line_end(last)
        text, dmap = decode_text(self.src, s, e)
        if not text.strip():
            return
        leaf = self.new_leaf(ctx, False)
        for a, b in markup_spans(self.src, s, e):
            self.edits.append((a, b, ""))
        for v0, v1, s0, e0 in dmap.runs():
            if e0 >= 0:
                self.edits.append((s0, e0, text[v0:v1]))
            else:
                self.edits.append((s0, s0 + v1 - v0, None))
        leaf.start, leaf.end = s, e

    def fallback(self, ctx: _Ctx) -> None:
        """Text on lines no block covers (quotes nested past MAX_NESTING): kept, in quote blocks."""
        cur: _Leaf | None = None
        tops = ctx.top_quotes
        k = -1
        while (j := self.covered.find(0, k + 1, self.nlines)) >= 0:  # the next line no block covers
            if j > k + 1:
                cur = None  # covered lines between
            k = j
            a, b = self.starts[k], self.line_end(k)
            m = _QUOTE_PREFIX.match(self.src, a, b)
            body = m.end() if m else a
            if not self.src[body:b].strip() or _MARKER_ALONE.fullmatch(self.src, body, b):
                cur = None  # a blank line, or a list item's marker whose text starts on the next line
                continue
            depth = m.group().count(">") if m else 0
            if cur is None or cur.depth != depth:
                i = bisect.bisect_right(tops, (k, 1 << 62, 0)) - 1
                group = tops[i][2] if i >= 0 and tops[i][0] <= k < tops[i][1] else None
                cur = _Leaf("quote" if depth else "para", body, b, group=group, depth=depth)
                self.leaves.append(cur)
            cur.end = b
            self.edits.append((body, b, None))

    # -- the view ---------------------------------------------------------------------------
    def separate(self) -> None:
        """A blank line between blocks the source writes on adjacent lines (``# H`` then text).

        Lines between two blocks belong to neither, so they are blank in the view already.
        """
        spans = sorted((lf.start, lf.end) for lf in self.leaves if lf.end > lf.start)
        for (_, e0), (s1, _) in itertools.pairwise(spans):
            k = bisect.bisect_right(self.starts, max(e0 - 1, 0)) - 1
            if k + 1 < self.nlines and self.starts[k + 1] <= s1 < self.line_end(k + 1) + 1:
                nl = self.starts[k + 1] - 1
                self.edits.append((nl, nl + 1, "\n\n"))

    def assemble(self) -> tuple[str, Assembler]:
        """The view: kept text, replacements, everything else blanked (line ends kept)."""
        asm = Assembler()
        pos = 0
        src = self.src
        for s, e, rep in sorted(self.edits, key=itemgetter(0, 1)):
            if s < pos:
                continue
            if s > pos:
                gap = src[pos:s]
                asm.keep(pos, gap if gap.isspace() else _NONSPACE.sub(" ", gap))
            if rep is None:
                asm.keep(s, src[s:e])
            else:
                asm.put(s, e, rep) if rep else None
            pos = e
        if pos < len(src):
            gap = src[pos:]
            asm.keep(pos, gap if gap.isspace() else _NONSPACE.sub(" ", gap))
        return asm.text(), asm


def parse_front_matter(yaml: str) -> list[tuple[str, str]]:
    """The top-level ``key: value`` pairs of simple YAML, values as strings.

    A block list (``- item`` lines) or a flow list (``[a, b]``) under a key is joined with "; ";
    quotes around a scalar are removed; nested mappings are skipped.  PyYAML is not needed for
    this (and would turn dates and numbers into other types).
    """
    out: list[tuple[str, str]] = []
    key: str | None = None
    items: list[str] = []
    flow: list[str] | None = None

    def flush() -> None:
        nonlocal key, items
        if key is not None and items:
            out.append((key, "; ".join(items)))
        key, items = None, []

    for line in yaml.split("\n"):
        if flow is not None:
            flow.append(line.strip())
            if "]" in line:
                items.extend(_flow_items(" ".join(flow)))
                flow = None
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] not in " \t-":
            flush()
            m = _YAML_KEY.match(line)
            if m is None:
                continue
            key, value = m.group(1), (m.group(2) or "").strip()
            if value.startswith("[") and "]" not in value:
                flow = [value]
            elif value.startswith("["):
                items.extend(_flow_items(value))
            elif value and value not in ("|", ">", "|-", ">-"):
                items.append(_scalar(value))
        elif line.lstrip().startswith("- ") and key is not None:
            items.append(_scalar(line.lstrip()[2:].strip()))
    flush()
    return out


def _flow_items(value: str) -> list[str]:
    inner = value.strip().removeprefix("[").split("]")[0]
    return [_scalar(v.strip()) for v in inner.split(",") if v.strip()]


def _scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


# pandoc's fenced divs: "::: {#fn1}", ":::", after a list marker too ("1.  ::: {#fn1}")
_FENCED_DIV = regex.compile(r"(?m)^[ \t]*+(?:[0-9]{1,6}[.)][ \t]++)?\K:{3,}+[ \t]*+(?:\{[^}\n]*+\}|[\w-]++)?[ \t]*+$")
_MARKER_ALONE = regex.compile(r"[ \t]*+(?:[0-9]{1,9}[.)]|[-+*])[ \t]*+")
_NORMALISED = regex.compile(r"\r\n?+|\x00")


def _normalise(source: str) -> tuple[str, OffsetMap | None]:
    """Line ends made LF and NUL made U+FFFD, as markdown-it does, and pandoc's fenced div markers
    (``::: {#fn1}``, ``:::``) taken out, so that what they hold reads as the blocks it is; with a
    map back."""
    divs = list(_FENCED_DIV.finditer(source)) if ":::" in source else []
    if not divs and "\r" not in source and "\x00" not in source:
        return source, None
    asm = Assembler()
    pos = 0
    edits = sorted(
        [(m.start(), m.end(), "") for m in divs]
        + [(m.start(), m.end(), "\n" if m.group()[0] == "\r" else "\ufffd") for m in _NORMALISED.finditer(source)]
    )
    for start, end, new in edits:
        if start < pos:
            continue
        asm.keep(pos, source[pos:start])
        asm.put(start, end, new)
        pos = end
    asm.keep(pos, source[pos:])
    text = asm.text()
    return text, asm.offset_map(len(source))


def build_markdown(source: str) -> MarkdownView:
    """Text, map, blocks, marks and metadata of a Markdown document."""
    norm, nmap = _normalise(source)
    b = _Builder(norm)
    b.run(_MD.parse(norm, b.env))
    b.separate()
    text, asm = b.assemble()
    omap = asm.offset_map(len(norm))
    m = omap or identity_map(len(text))

    def view(s: int) -> int:
        return m.to_view(s)

    blanks = [(view(s), view(e)) for s, e in b.blanks]
    marks: list[Mark] = []
    for kind, s, e, data in b.marks:
        vs, ve = view(s), view(e)
        if ve > vs:
            marks.append(Mark(kind, vs, ve, data))
            if kind == "noteref":
                blanks.append((vs, ve))
    blocks: list[Block] = []
    labels: dict[int, str] = {}
    for lf in b.leaves:
        if lf.end <= lf.start:
            continue
        blocks.append(Block(lf.kind, view(lf.start), view(lf.end), lf.note, lf.group, False, lf.depth))
        if lf.label is not None:
            labels[blocks[-1].start] = lf.label
    text = blank_spans(text, blanks)
    text, extra = _wikilinks_and_urls(text, blocks)
    marks.extend(extra)
    trimmed: list[Block] = []
    numbers: dict[int, str] = {}
    for blk in blocks:
        if (t := trim_block(text, blk)) is not None:
            trimmed.append(t)
            if blk.start in labels:
                numbers[t.start] = labels[blk.start]
    blocks = trimmed
    spans: list[tuple[int, int]] = []
    blocks = callouts(text, blocks, spans)
    if any(m.kind == "noteref" for m in marks):
        blocks, marks = opened_by_markers(text, blocks, marks)
    else:
        # notes no Markdown syntax declares: "\[1\]" paragraphs under "Notes", a numbered list
        # closing the text
        blocks = numbered_lines(text, blocks)
        blocks = notes_after_heading(text, blocks, numbers, spans)
        blocks = closing_notes(text, blocks, numbers, spans)
        blocks = notes_at_page_feet(text, blocks, spans)
        marks.extend(note_markers(text, blocks, spans))
    blocks, beside = notes_beside_markers(text, blocks, spans)  # "\[1\] …" after its paragraph
    marks.extend(beside)
    text = blank_spans(text, spans)
    # the data last, so that two marks on one span (a Markdown link around an HTML one) come in
    # one order, not in the set's, which changes with the string hash seed from run to run
    marks = sorted(set(marks), key=lambda m: (m.start, m.end, m.kind, m.data is not None, m.data or ""))
    return MarkdownView(
        text, compose(omap, nmap, len(text)) if nmap else omap, tuple(blocks), tuple(marks), tuple(b.meta)
    )


#: A link target that is an address: a scheme, "www.", a path or a fragment.
_ADDRESS = regex.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*+:|www\.|/|#")

#: An Obsidian callout or a GitHub alert opening a block quotation: ``[!quote]``, ``[!NOTE]-``.
_CALLOUT = regex.compile(r"\[!([A-Za-z][\w-]{0,20}+)\][+-]?+[ \t]*+")
#: Callout types whose block holds someone's words; the title is their source.
_QUOTING_CALLOUTS = frozenset({"quote", "cite", "quotation"})


def callouts(text: str, blocks: Sequence[Block], blanks: list[tuple[int, int]]) -> list[Block]:
    """Block quotations that open with a callout marker (Obsidian ``> [!quote] Title``, GitHub
    ``> [!NOTE]``): the marker is blanked (added to ``blanks``). A ``quote`` or ``cite`` callout is a
    quotation whose title line is its ``caption`` (its source); any other type (note, tip, warning,
    abstract …) is the writer's own aside: its title a heading, its paragraphs plain ones."""
    out: list[Block] = []
    aside: int | None = None  # the group of the aside callout being read
    for i, b in enumerate(blocks):
        if b.kind == "quote" and aside is not None and b.group == aside:
            out.append(Block("para", b.start, b.end))
            continue
        aside = None
        first = b.kind == "quote" and (i == 0 or blocks[i - 1].kind != "quote" or blocks[i - 1].group != b.group)
        m = _CALLOUT.match(text, b.start, b.end) if first and text.startswith("[!", b.start) else None
        if m is None:
            out.append(b)
            continue
        blanks.append((m.start(), m.end()))
        nl = text.find("\n", m.end(), b.end)
        title_end = nl if nl >= 0 else b.end
        quoting = m.group(1).lower() in _QUOTING_CALLOUTS
        if not quoting:
            aside = b.group
        if text[m.end() : title_end].strip():
            title = trim_block(text, Block("caption" if quoting else "heading", m.end(), title_end))
            if title is not None:
                out.append(title if not quoting else replace(title, group=b.group, depth=b.depth))
        if nl >= 0:
            rest = trim_block(text, Block("quote" if quoting else "para", nl + 1, b.end, group=b.group, depth=b.depth))
            if rest is not None:
                out.append(rest if quoting else replace(rest, group=None, depth=0))
    return out


def _wikilinks_and_urls(text: str, blocks: list[Block]) -> tuple[str, list[Mark]]:
    """``[[Target|label]]``: the label stays, the rest is blanked; bare URLs get ``url`` marks."""
    marks: list[Mark] = []
    blanks: list[tuple[int, int]] = []
    for blk in blocks:
        if blk.kind in ("code", "meta"):
            continue
        # the scans only where their literal part is (most blocks have neither)
        if text.find("[[", blk.start, blk.end) >= 0:
            for m in _WIKILINK.finditer(text, blk.start, blk.end):
                lab = 2 if m.group(2) else 1
                blanks += [(m.start(), m.start(lab)), (m.end(lab), m.end())]
                marks.append(Mark("wikilink", m.start(lab), m.end(lab), m.group(1).strip()))
        if text.find("http", blk.start, blk.end) < 0 and text.find("www.", blk.start, blk.end) < 0:
            continue
        for m in _BARE_URL.finditer(text, blk.start, blk.end):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?":
                end -= 1
            marks.append(Mark("url", m.start(), end))
    return blank_spans(text, blanks), marks
