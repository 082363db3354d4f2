"""Build the :class:`~citecheck.source.view.TextView` of a plain-text or Markdown document.

Markdown markup is blanked out with spaces rather than removed, so view and
source offsets stay equal (except where a mojibake repair changed a length).
HTML is handled by :mod:`citecheck.source.legacy_html`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from citecheck.models import Document, Repair
from citecheck.source.repair import MAY_NEED_REPAIR, align, repair_line, to_repairs
from citecheck.source.view import Block, Marker, TextView, iter_lines, line_starts

_FENCE = regex.compile(r"^\s{0,3}(```|~~~)")
_HEADING = regex.compile(r"^\s{0,3}(#{1,6})\s")
_SETEXT = regex.compile(r"^\s{0,3}(=+|-+)\s*$")
_QUOTE_PREFIX = regex.compile(r"^\s{0,3}((?:>\s?)+)")
_FOOTDEF = regex.compile(r"^\s{0,3}(\[\^([^\]\s]{1,40})\]:)\s?")
_FOOTREF = regex.compile(r"\[\^([^\]\s]{1,40})\](?!:)")
_WIKILINK = regex.compile(r"\[\[([^\[\]\n|]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]")
_LINK = regex.compile(r"(?<!!)\[([^\[\]\n]{1,300})\]\(([^()\s]{0,500})\)")
_EMPH = regex.compile(r"(?<![\w*\\])(\*\*|__|\*|_)(?=\S)([^\n]{1,400}?)(?<=\S)\1(?![\w*])")
_INLINE_TAG = regex.compile(r"</?(?:b|i|em|strong|u|sup|sub|span|small|cite|q|a|abbr|mark)\b[^<>\n]{0,300}>", regex.I)
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.S)
_LINE_CONTENT = regex.compile(r"[^\r\n]")
_NOTE_NUM = regex.compile(r"^\s{0,8}(\d{1,6})[.)]\s+(?!\d)")
_NOTE_BRACKET = regex.compile(r"^\s{0,8}\[(\d{1,6})\]\s+")
_SECTION_NUM = regex.compile(r"^\s*\d+\.\d+")
_NOTES_HEADING = regex.compile(r"^\s*(?:#+\s*)?(notes|endnotes|footnotes|references|sources)\s*:?\s*$", regex.I)
_RETURN_MARK = regex.compile(r"\s*↩\ufe0e?\ufe0f?\s*$")
# A note marker glued to the end of a word or a closing mark: ”4  .12  Congress41
_BODY_MARKER = regex.compile(r"(?<=[\p{L}.,;:!?”’\"')\]])(\d{1,3})(?=[\s.,;:)\]]|$)")


def build_view(doc: Document) -> tuple[TextView, list[Repair]]:
    """The view of a plain-text or Markdown document, and the repairs made."""
    if doc.format == "html":
        from citecheck.source.legacy_html import build_html_view

        return build_html_view(doc)
    text, src, repairs = _repaired_text(doc.text)
    view = TextView(source=doc.text, text=text, src=src)
    if doc.format == "markdown":
        view.text = _mask_markdown(view)
    _find_blocks(view, markdown=doc.format == "markdown")
    _find_body_markers(view, markdown=doc.format == "markdown")
    return view, repairs


def _repaired_text(source: str) -> tuple[str, list[int] | None, list[Repair]]:
    """Repair mojibake line by line; a source map only when a length changed.

    Only the lines holding a character a repair starts at are looked at.
    """
    starts: list[int] | None = None
    fixes: list[tuple[int, int, int, str, str, list[tuple[int, str, str, str]]]] = []
    last_line = -1
    for m in MAY_NEED_REPAIR.finditer(source):
        if starts is None:
            starts = line_starts(source)
        k = bisect.bisect_right(starts, m.start()) - 1
        if k == last_line:
            continue
        last_line = k
        ((a, b),) = iter_lines(source, starts[k], starts[k + 1] if k + 1 < len(starts) else len(source))
        line = source[a:b]
        fixed, notes = repair_line(line)
        if notes:
            fixes.append((k + 1, a, b, line, fixed, notes))
    if not fixes:
        return source, None, []
    need_map = any(len(fixed) != len(line) for _, _, _, line, fixed, _ in fixes)
    src: list[int] | None = [] if need_map else None
    out: list[str] = []
    repairs: list[Repair] = []
    pos = 0
    for lineno, a, b, line, fixed, notes in fixes:
        repairs.extend(to_repairs(notes, lineno, 0))
        out += [source[pos:a], fixed]
        if src is not None:
            src.extend(range(pos, a))
            src.extend(range(a, b) if len(fixed) == len(line) else align(line, notes, a))
        pos = b
    out.append(source[pos:])
    if src is not None:
        src.extend(range(pos, len(source)))
    return "".join(out), src, repairs


def _mask_markdown(view: TextView) -> str:
    """Blank Markdown markup (same length); record wikilinks and footnote markers.

    Each stage finds its matches in the text the earlier stages left and
    blanks them in one pass, so the whole is linear in the text.
    """
    text = view.text
    lines = iter_lines(text)
    cuts: list[tuple[int, int]] = []
    # YAML front matter
    first = 0
    if lines and text[lines[0][0] : lines[0][1]].strip() == "---":
        for i, (a, b) in enumerate(lines[1:], start=1):
            if text[a:b].strip() in ("---", "..."):
                cuts.append((lines[0][0], b))
                first = i + 1
                break
    in_fence = False
    for a, b in lines[first:]:
        fence = _FENCE.match(text[a:b])
        if fence or in_fence:
            in_fence = in_fence != bool(fence)
            cuts.append((a, b))
    text = _blanked(text, cuts, keep_line_ends=True)
    text = _blanked(text, (m.span() for m in _HTML_COMMENT.finditer(text)), keep_line_ends=True)
    text = _blanked(text, (m.span() for m in _INLINE_TAG.finditer(text)))
    cuts = []
    for m in _WIKILINK.finditer(text):
        label = 2 if m.group(2) else 1
        cuts += [(m.start(), m.start(label)), (m.end(label), m.end())]
        view.wikilinks.append((m.start(), m.end(), m.group(1).strip()))
    text = _blanked(text, cuts)
    # [label](target): the label stays
    text = _blanked(
        text, (cut for m in _LINK.finditer(text) for cut in ((m.start(), m.start() + 1), (m.end(1), m.end())))
    )
    cuts = []
    for m in _FOOTREF.finditer(text):
        view.markers.append(Marker(m.group(1), m.start(), m.end()))
        cuts.append(m.span())
    text = _blanked(text, cuts)
    for _ in range(2):  # nested emphasis: ***x***, **x *y* z**
        text = _blanked(text, (cut for m in _EMPH.finditer(text) for cut in _delimiters(m)))
    return text


def _delimiters(m: regex.Match[str]) -> tuple[tuple[int, int], tuple[int, int]]:
    d = len(m.group(1))
    return (m.start(), m.start() + d), (m.end() - d, m.end())


def _blanked(text: str, cuts: Iterable[tuple[int, int]], keep_line_ends: bool = False) -> str:
    """``text`` with the sorted, disjoint spans ``cuts`` turned into spaces (same length)."""
    pieces: list[str] = []
    pos = 0
    for a, b in cuts:
        assert a >= pos, "cuts must be sorted and disjoint"
        if b > a:
            gap = text[a:b]
            pieces += [text[pos:a], _LINE_CONTENT.sub(" ", gap) if keep_line_ends else " " * (b - a)]
            pos = b
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _find_blocks(view: TextView, markdown: bool) -> None:
    """Cut the view into blocks: headings, quotes, note definitions, paragraphs."""
    text = view.text
    cuts: list[tuple[int, int]] = []  # markup to blank, at most one span a line: blanked at the end (linear)
    lines = iter_lines(text)
    blocks: list[Block] = []
    cur: list[int] | None = None  # [start, end]
    cur_kind = "para"
    cur_note: str | None = None
    cur_indented = False
    notes_zone = False

    def flush() -> None:
        nonlocal cur, cur_note
        if cur is not None:
            blocks.append(Block(cur_kind, cur[0], cur[1], note=cur_note, indented=cur_indented))
        cur = None
        cur_note = None

    prev_blank = True
    for a, b in lines:
        line = text[a:b]
        stripped = line.strip()
        if not stripped:
            if cur_kind != "note" or markdown:
                flush()
            prev_blank = True
            continue
        lead = len(line) - len(line.lstrip())
        s0 = a + lead
        e0 = a + len(line.rstrip())
        src_line = view.source[view.to_source(a) : view.to_source(b)] if markdown else line
        heading = markdown and _HEADING.match(src_line)
        quote = markdown and _QUOTE_PREFIX.match(src_line)
        footdef = markdown and _FOOTDEF.match(src_line)
        if markdown and quote:
            # blank the ">" prefixes (same length)
            qa, qb = quote.span(1)
            cuts.append((a + qa, a + qb))
            line = line[:qa] + " " * (qb - qa) + line[qb:]
            s0 = a + len(line) - len(line.lstrip())
        if heading or (not markdown and _NOTES_HEADING.match(line) and prev_blank):
            flush()
            if heading:
                ha, hb = heading.span(1)
                cuts.append((a + ha, a + hb))
                line = line[:ha] + " " * (hb - ha) + line[hb:]
            blocks.append(Block("heading", s0, e0))
            notes_zone = notes_zone or bool(_NOTES_HEADING.match(line.replace("#", " ")))
            prev_blank = False
            continue
        if footdef:
            flush()
            cuts.append((a + footdef.start(1), a + footdef.end(1)))
            cur, cur_kind, cur_note, cur_indented = [a + footdef.end(0), e0], "note", footdef.group(2), False
            prev_blank = False
            continue
        if markdown and quote:
            if cur is None or cur_kind != "quote":
                flush()
                cur, cur_kind, cur_indented = [s0, e0], "quote", False
            else:
                cur[1] = e0
            prev_blank = False
            continue
        note_m = None if markdown else (_NOTE_NUM.match(line) or _NOTE_BRACKET.match(line))
        # notes listed one per line with no blank line between: the next number starts the next note
        next_note = (
            note_m is not None
            and cur is not None
            and cur_kind == "note"
            and cur_note is not None
            and cur_note.isdigit()
            and int(note_m.group(1)) == int(cur_note) + 1
        )
        if (
            note_m
            and not _SECTION_NUM.match(line)
            and (prev_blank or next_note)
            and (notes_zone or _RETURN_MARK.search(line))
        ):
            flush()
            cur, cur_kind, cur_note, cur_indented = [a + note_m.end(), e0], "note", note_m.group(1), False
            notes_zone = True
            prev_blank = False
            continue
        if cur is not None and not prev_blank:
            cur[1] = e0
        elif cur is not None and cur_kind == "note" and lead >= 2:
            cur[1] = e0  # an indented continuation paragraph of a note
        else:
            flush()
            cur, cur_kind, cur_indented = [s0, e0], "para", lead >= 4 and not markdown
        prev_blank = False
    flush()
    view.text = text = _blanked(text, cuts)
    # A numbered paragraph run at the end counts as notes even without ↩ marks
    view.blocks = _promote_trailing_notes(text, blocks) if not markdown else blocks


def _promote_trailing_notes(text: str, blocks: list[Block]) -> list[Block]:
    if any(b.kind == "note" for b in blocks):
        return blocks
    run: list[int] = []
    expected = None
    for i in range(len(blocks) - 1, -1, -1):
        m = _NOTE_NUM.match(text[blocks[i].start : blocks[i].end])
        if blocks[i].kind != "para" or not m:
            break
        n = int(m.group(1))
        if expected is not None and n != expected:
            break
        run.append(i)
        expected = n - 1
    if len(run) < 3 or expected != 0:
        return blocks
    out = list(blocks)
    for i in run:
        b = blocks[i]
        m = _NOTE_NUM.match(text[b.start : b.end])
        assert m is not None
        out[i] = Block("note", b.start + m.end(), b.end, note=m.group(1))
    return out


def _find_body_markers(view: TextView, markdown: bool) -> None:
    """Note markers glued to words in plain text (``difficulties”.4``), in sequence."""
    if markdown:
        return
    notes = {b.note for b in view.blocks if b.kind == "note" and b.note}
    if not notes:
        return
    expected = 1
    text = view.text
    for b in view.blocks:
        if b.kind in ("note", "heading"):
            continue
        for m in _BODY_MARKER.finditer(text, b.start, b.end):
            n = int(m.group(1))
            before = text[m.start() - 1]
            if before == "," and m.start() >= 2 and text[m.start() - 2].isdigit():
                continue  # 1,118,000
            if str(n) in notes and (n == expected or expected < n <= expected + 3):
                view.markers.append(Marker(str(n), m.start(), m.end()))
                expected = n + 1
