"""Notes that no markup declares: numbered notes closing a text, and the markers pointing at them.

Plain text never declares its notes, and Markdown often does not either: an essay pasted from a
word processor ends in an ordinary numbered list (``1. Daniels, …``) or in paragraphs that begin
with an escaped bracket (``\\[1\\] Lenin, …``), and its body carries superscript digits (``alone.¹``),
bracketed numbers (``alone.[1]``) or digits glued to the punctuation (``alone.”1``). Both builders
hand their blocks to this module, which

* turns a numbered run of paragraphs or list items into notes when it follows a notes heading, or
  closes the text and starts at 1 — with three notes or more, or with fewer when the body marks
  every one of them in order (:func:`closing_notes`);
* finds the markers of the notes in the body, in order, and only for notes that exist
  (:func:`note_markers`).

A marker's characters and a note's label are returned as spans to blank, so that they never join a
word, a page number or a quotation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from citecheck.models import Block, Mark
from citecheck.source.offsets import blank_spans

#: ``12.``, ``12)``, ``12:`` (International Socialism's notes), ``(12)``, ``[12]``, ``¹²`` or (text
#: from a PDF) ``12`` before a capital opening a note; never ``1.2`` (a section number).
#: The label is group 1 (superscript digits as written: see :func:`note_label`).
NOTE_NUM = regex.compile(
    r"[ \t]{0,8}+(?|\[([0-9]{1,6})\]|\(([0-9]{1,6})\)|\^([0-9]{1,6})\^|([0-9]{1,6})[.)]|([0-9]{1,3}):"
    r"|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}+)|([0-9]{1,3}+)(?=[ \t]++[\p{Lu}“\"‘«*_]))[ \t]++(?![0-9])"
)
# A note marker glued to a word or a closing mark: ”4  .12  Congress41 (never 1,118,000).  The scan
# finds runs of digits right after a letter or a closing mark (most digits follow a space: page
# numbers, years) and checks the characters around each in Python.
_DIGITS = regex.compile(
    r"(?<=[\p{L}.,;:!?”’\"')\]])[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]++|\[[0-9]{1,4}+\]|(?<=[\p{L}.,;:!?”’\"'\s])\([0-9]{1,3}+\)"
    r"|\^[0-9]{1,4}+\^"
)
_BEFORE_MARKER = regex.compile(r"[\p{L}.,;:!?”’\"')\]]")
_AFTER_MARKER = frozenset(" \t\r\n.,;:)]")
_SUPER_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: Kinds of block a marker is looked for in.
_BODY = frozenset({"para", "quote", "item"})
#: How far the numbering may jump between two markers found in order (a note cited twice, a
#: marker lost in conversion).
_SKIP = 3


def label_of(m: regex.Match[str]) -> str:
    """The note number of a :data:`NOTE_NUM` match, in ASCII digits."""
    return str(m.group(1)).translate(_SUPER_DIGITS)


def note_label(text: str, b: Block, labels: Mapping[int, str]) -> tuple[str, int] | None:
    """The number of a block that may be a note, and where its text starts; None if it has none.

    ``labels`` gives the numbers that are not in the text (a Markdown list item's ``3.`` is
    markup), by block start.
    """
    label = labels.get(b.start)
    if label is not None:
        return label, b.start
    m = NOTE_NUM.match(text, b.start, b.end)
    if m is None:
        return None
    return label_of(m), m.end()


def numbered_lines(text: str, blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with each paragraph that lists numbered notes one a line (``¹ Orlov …`` then
    ``² Ibid.`` with no blank line between) cut into one paragraph a note; only where each line
    that starts a piece is numbered one more than the last."""
    out: list[Block] = []
    for b in blocks:
        m = NOTE_NUM.match(text, b.start, b.end) if b.kind == "para" else None
        if m is None or text.find("\n", b.start, b.end) < 0:
            out.append(b)
            continue
        starts = [b.start]
        prev = int(label_of(m))
        pos = text.find("\n", b.start, b.end)
        while pos >= 0:
            n = NOTE_NUM.match(text, pos + 1, b.end)
            if n is not None and int(label_of(n)) == prev + 1:
                prev += 1
                line = text[pos + 1 : n.end()]
                starts.append(pos + 1 + len(line) - len(line.lstrip()))
            pos = text.find("\n", pos + 1, b.end)
        if len(starts) == 1:
            out.append(b)
            continue
        for a, z in zip(starts, [*starts[1:], b.end], strict=True):
            while z > a and text[z - 1].isspace():
                z -= 1
            out.append(Block("para", a, z, depth=b.depth))
    return out


# a heading (or a paragraph alone) that announces notes; not "References": a bibliography follows it
_NOTES_TITLE = regex.compile(r"\W*+(?i:(?:end|foot)?notes)\W*+")


def is_notes_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a heading that announces notes ("Notes", "Endnotes:")."""
    return _NOTES_TITLE.fullmatch(text, start, end) is not None


def notes_after_heading(
    text: str, blocks: Sequence[Block], labels: Mapping[int, str], blanks: list[tuple[int, int]]
) -> list[Block]:
    """``blocks`` with the run of numbered paragraphs or list items under a "Notes" heading made
    notes: items of a list the view does not number are numbered from 1 in order; a paragraph
    needs its number written (``[1] …``, ``1. …``). Written labels are added to ``blanks``. A text
    that already has notes is left as it is."""
    if any(b.kind == "note" for b in blocks):
        return list(blocks)
    out = list(blocks)
    for i, b in enumerate(blocks):
        if b.kind not in ("heading", "para") or b.end - b.start > 40 or not is_notes_title(text, b.start, b.end):
            continue
        n = 0
        for j in range(i + 1, len(blocks)):
            bj = blocks[j]
            found = note_label(text, bj, labels) if bj.kind in ("para", "item") else None
            if found is None and bj.kind == "item":
                found = (str(n + 1), bj.start)
            if found is None:
                break
            label, body = found
            if body > bj.start:
                blanks.append((bj.start, body))
            n = int(label)
            out[j] = Block("note", body, bj.end, note=label, depth=bj.depth)
        break
    return out


def closing_notes(
    text: str, blocks: Sequence[Block], labels: Mapping[int, str], blanks: list[tuple[int, int]]
) -> list[Block]:
    """``blocks`` with the numbered run that closes the text made notes, when it is one.

    The run is the longest sequence of numbered paragraphs or list items at the end of the text
    counting down to 1. It becomes notes when it has three items or more, or when the body marks
    every one of its numbers in order; the labels written in the text are added to ``blanks``.
    A text that already has notes is left as it is.
    """
    if any(b.kind == "note" for b in blocks):
        return list(blocks)
    run: list[tuple[int, str, int]] = []
    expected: int | None = None
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        found = note_label(text, b, labels) if b.kind in ("para", "item") else None
        if found is None:
            if b.kind == "item" and run:
                continue  # a second paragraph of a list item
            if b.kind == "meta" and not run:
                continue  # navigation after the notes
            break
        n = int(found[0])
        if expected is not None and n != expected:
            break
        run.append((i, found[0], found[1]))
        expected = n - 1
    if not run or expected != 0:
        return list(blocks)
    if len(run) < 3:
        first = blocks[run[-1][0]].start
        wanted = {label for _, label, _ in run}
        marked = {label for _, _, label in _find_markers(text, blocks, wanted, first)}
        marked |= _cited_with_locator(text, blocks, wanted, first)
        if len(marked) < len(wanted):
            return list(blocks)
    out = list(blocks)
    for i, label, body in run:
        b = blocks[i]
        if body > b.start:
            blanks.append((b.start, body))
        out[i] = Block("note", body, b.end, note=label, depth=b.depth)
    return out


def notes_at_page_feet(text: str, blocks: Sequence[Block], blanks: list[tuple[int, int]]) -> list[Block]:
    """``blocks`` with the notes of a text taken from printed pages made notes: runs of numbered
    paragraphs in the middle of the text (``12 V. I. Lenin, …`` then ``13 Ibid.``, at the foot of
    each page), each run numbered in order, counting on from the run before, and every number of
    it marked in the body since that run (``vigorously”.12``); the run closing the text too, when
    one before it was notes. Their labels are added to ``blanks``.
    A text that already has notes is left as it is."""
    if any(b.kind == "note" for b in blocks):
        return list(blocks)
    runs: list[list[tuple[int, str, int]]] = []
    for i, b in enumerate(blocks):
        found = note_label(text, b, {}) if b.kind == "para" else None
        if found is None or not found[0].isdigit():
            continue
        label, body = found
        if runs and runs[-1][-1][0] == i - 1 and int(runs[-1][-1][1]) + 1 == int(label):
            runs[-1].append((i, label, body))
        else:
            runs.append([(i, label, body)])
    out = list(blocks)
    last_body = max((i for i, b in enumerate(blocks) if b.kind in _BODY), default=-1)
    since = 0  # the first block after the run before
    last: int | None = None
    for run in runs:
        # each block is searched once: a run's markers are in the body since the run before it
        lo, since = since, run[-1][0] + 1
        first_label = int(run[0][1])
        if last is not None and first_label <= last:
            continue
        start = blocks[run[0][0]].start
        if last_body <= run[-1][0] and last is None:
            continue  # a run closing the text is closing_notes' to judge, unless pages came before
        wanted = {label for _, label, _ in run}
        between = blocks[lo : run[0][0]]
        if len({label for _, _, label in _find_markers(text, between, wanted, start, first=first_label)}) < len(wanted):
            continue
        for i, label, text_start in run:
            b = blocks[i]
            blanks.append((b.start, text_start))
            out[i] = Block("note", text_start, b.end, note=label, depth=b.depth)
        last = int(run[-1][1])
    return out


# A note opened by a symbol (printed books, older essays): "* V. I. Lenin, …", "** Ibid.", "† …"
_SYMBOL_LABEL = regex.compile(r"[ \t]{0,8}+(\*{1,3}+|†{1,2}+|‡)[ \t]++(?=\S)")
# its marker: the same symbol glued to a word or a closing mark, then a space, punctuation or the end
_SYMBOL_MARKER = regex.compile(r"(?<=[\p{L}.,;:!?”’\"')\]])(\*{1,3}+|†{1,2}+|‡)(?=[\s.,;:)]|$)")


def symbol_notes(text: str, blocks: Sequence[Block], blanks: list[tuple[int, int]]) -> tuple[list[Block], list[Mark]]:
    """Notes labelled by a symbol (``party".*`` … ``* V. I. Lenin, …``; ``**``, ``†``, ``‡``), as
    printed books set them under the page: a paragraph, or each line of one, opened by a symbol is a
    note when the body before it (since the last such note) marks that symbol. A symbol is reused
    page after page, so each note's label is the symbol and its number among the symbol notes
    (``*1``, ``*2``), shared with its marker. Labels and markers go to ``blanks``."""
    if not any(b.kind == "para" and _SYMBOL_LABEL.match(text, b.start, b.end) for b in blocks):
        return list(blocks), []
    out: list[Block] = []
    marks: list[Mark] = []
    pending: dict[str, list[tuple[int, int]]] = {}  # by symbol: markers in the body not yet paired
    count = 0
    for b in blocks:
        pieces = _symbol_pieces(text, b) if b.kind == "para" else None
        if pieces is None:
            out.append(b)
            if b.kind in _BODY:
                for m in _SYMBOL_MARKER.finditer(text, b.start, b.end):
                    if not _emphasis_close(text, b.start, m.start(), m.group(1)):
                        pending.setdefault(m.group(1), []).append((m.start(), m.end()))
            continue
        for start, body, end, symbol in pieces:
            if not pending.get(symbol):
                out.append(Block("para", start, end, depth=b.depth))
                continue
            ms, me = pending[symbol].pop()
            count += 1
            label = f"{symbol}{count}"
            marks.append(Mark("noteref", ms, me, label))
            blanks.extend([(ms, me), (start, body)])
            out.append(Block("note", body, end, note=label, depth=b.depth))
    return out, marks


def _emphasis_close(text: str, lo: int, at: int, symbol: str) -> bool:
    """Whether the symbol at ``at`` closes an emphasis its word (or phrase, on the line) opened:
    ``*very*``, ``**the party**``."""
    line_start = max(lo, text.rfind("\n", lo, at) + 1)
    opener = text.rfind(symbol, line_start, at)
    return (
        opener >= 0
        and (opener == line_start or not text[opener - 1].isalnum())
        and text[opener + len(symbol) : opener + len(symbol) + 1].isalnum()
    )


def _symbol_pieces(text: str, b: Block) -> list[tuple[int, int, int, str]] | None:
    """``(start, text start, end, symbol)`` of each symbol note a paragraph lists (one a line), or
    None when it does not open with one."""
    m = _SYMBOL_LABEL.match(text, b.start, b.end)
    if m is None:
        return None
    starts = [(b.start, m.end(), m.group(1))]
    pos = text.find("\n", b.start, b.end)
    while pos >= 0:
        n = _SYMBOL_LABEL.match(text, pos + 1, b.end)
        if n is not None:
            starts.append((pos + 1 + len(n.group()) - len(n.group().lstrip()), n.end(), n.group(1)))
        pos = text.find("\n", pos + 1, b.end)
    out = []
    for i, (s, body, symbol) in enumerate(starts):
        e = starts[i + 1][0] if i + 1 < len(starts) else b.end
        while e > body and text[e - 1].isspace():
            e -= 1
        out.append((s, body, e, symbol))
    return out


def note_markers(text: str, blocks: Sequence[Block], blanks: list[tuple[int, int]]) -> list[Mark]:
    """Note markers in the body, in sequence, for numbered notes that exist.

    A marker is a run of digits glued to a word or a closing mark (``alone.”4``, ``Congress41``),
    superscript digits (``alone.¹²``, pandoc's ``alone.^4^``) or a bracketed or parenthesised
    number (``alone [4]``, ``alone (4)``: only where a note 4 exists, else a page). Markers are taken in
    order: each must be the next note's number or skip at most a few. Their spans are added to
    ``blanks``.
    """
    notes = {b.note for b in blocks if b.kind == "note" and b.note and b.note.isdigit()}
    if not notes:
        return []
    marks = []
    first = min(int(n) for n in notes)  # a chapter's notes may count on from an earlier one's
    for s, e, label in _find_markers(text, blocks, notes, None, first=first):
        marks.append(Mark("noteref", s, e, label))
        blanks.append((s, e))
    return marks


def _find_markers(
    text: str, blocks: Sequence[Block], notes: set[str], before: int | None, first: int = 1
) -> list[tuple[int, int, str]]:
    """The markers of ``notes`` in the body blocks (those starting before ``before``, if given),
    counting from note ``first``."""
    out: list[tuple[int, int, str]] = []
    expected = first
    for b in blocks:
        if b.kind not in _BODY or (before is not None and b.start >= before):
            continue
        for m in _DIGITS.finditer(text, b.start, b.end):
            s, e = m.span()
            found = m.group()
            label = found[1:-1] if found[0] in "[(^" else _glued(text, s, e, found, b.start) or ""
            if label in notes and expected <= int(label) <= expected + _SKIP:
                out.append((s, e, label))
                expected = int(label) + 1
            elif found[0] == "[" and label in notes and int(label) < expected:
                out.append((s, e, label))  # a numbered reference cited again: "… [2]. … [1]. … [2]."
    return out


_NUMBER_WITH_LOCATOR = regex.compile(r"\[([0-9]{1,3}+)\s*+[,:;]\s*+[^\[\]\n]{1,40}+\]")


def _cited_with_locator(text: str, blocks: Sequence[Block], notes: set[str], before: int) -> set[str]:
    """The numbers of ``notes`` that the body cites with a locator (``[2, p. 10]``: numbered
    references), in the blocks before ``before``; no marker is made of them (the bracket is a
    citation of its own)."""
    out: set[str] = set()
    for b in blocks:
        if b.kind in _BODY and b.start < before and text.find("[", b.start, b.end) >= 0:
            out.update(m.group(1) for m in _NUMBER_WITH_LOCATOR.finditer(text, b.start, b.end) if m.group(1) in notes)
    return out


def _glued(text: str, s: int, e: int, digits: str, block_start: int) -> str | None:
    """The note number of digits glued to the character before them, or None if not a marker."""
    sup = digits[0] > "9"
    plain = digits.translate(_SUPER_DIGITS)
    if s == block_start or len(digits) > (4 if sup else 3) or not plain.isdigit() or not plain.isascii():
        return None
    if not sup and not digits.isascii():
        return None  # a run mixing both kinds
    before = text[s - 1]
    if not _BEFORE_MARKER.match(before) or (before == "," and text[s - 2 : s - 1].isdigit()):
        return None
    if not sup and e < len(text) and text[e] not in _AFTER_MARKER:
        return None
    return plain


# Wikipedia's way back from a note to its markers: "^" and, for a note cited several times, one
# letter a marker ("^ a b"); like "↩" it is navigation, not part of the reference
_BACKLINK = regex.compile(r"\^(?:[ \t]++[a-z](?=[ \t]))*+[ \t]++")


def without_backlinks(text: str, blocks: Sequence[Block]) -> tuple[str, list[Block]]:
    """``text`` and ``blocks`` with the ``^ a b`` opening a note blanked and left out of the note."""
    spans: list[tuple[int, int]] = []
    out: list[Block] = []
    for b in blocks:
        m = _BACKLINK.match(text, b.start, b.end) if b.kind == "note" and text[b.start] == "^" else None
        if m is not None and m.end() < b.end:
            spans.append(m.span())
            b = Block(b.kind, m.end(), b.end, b.note, b.group, b.indented, b.depth)
        out.append(b)
    return (blank_spans(text, spans), out) if spans else (text, out)


def opened_by_markers(text: str, blocks: Sequence[Block], marks: Sequence[Mark]) -> tuple[list[Block], list[Mark]]:
    """Paragraphs opened by a note marker whose number the body marked before (``<sup>1</sup> V. I.
    Lenin, …`` under the essay): those are the notes, and the mark opening each is its label.

    Only for numbers no note has; a marker in the running text stays a marker.
    """
    have = {b.note for b in blocks if b.kind == "note"}
    refs = sorted((m for m in marks if m.kind == "noteref" and m.data), key=lambda m: m.end)
    if not refs:
        return list(blocks), list(marks)
    seen: set[str] = set()
    labels: dict[int, Mark] = {}
    k = 0
    for i, b in enumerate(blocks):
        while k < len(refs) and refs[k].end <= b.start:
            m = refs[k]
            k += 1
            gap = text[m.end : b.start]
            opening = not gap.strip() and "\n" not in gap  # on the block's first line, before its text
            if opening and b.kind == "para" and m.data in seen and m.data not in have and i not in labels:
                labels[i] = m
            else:
                seen.add(m.data or "")
        # markers inside this block are seen before the next block is asked about
        while k < len(refs) and refs[k].end <= b.end:
            seen.add(refs[k].data or "")
            k += 1
    if not labels:
        return list(blocks), list(marks)
    out = [
        Block("note", b.start, b.end, note=labels[i].data, depth=b.depth) if i in labels else b
        for i, b in enumerate(blocks)
    ]
    dropped = {id(m) for m in labels.values()}
    return out, [m for m in marks if id(m) not in dropped]


_BRACKET_LABEL = regex.compile(r"\[([0-9]{1,3}+)\][ \t]++(?=\S)")
#: How many blocks back from a note set after its paragraph its marker may stand.
_BESIDE = 3


def notes_beside_markers(
    text: str, blocks: Sequence[Block], blanks: list[tuple[int, int]]
) -> tuple[list[Block], list[Mark]]:
    """Notes set right after the paragraph that marks them, as book transcriptions do
    (``… were forgeries;[1] and …`` then a paragraph ``[1] Part of the “Sisson Documents”.``): a
    paragraph opened by ``[n]`` is note n when one of the few blocks before it holds ``[n]``,
    which is its marker. Only for numbers no note has; the label and the marker go to ``blanks``.
    """
    have = {b.note for b in blocks if b.kind == "note"}
    out = list(blocks)
    marks: list[Mark] = []
    for i, b in enumerate(blocks):
        if b.kind != "para" or text[b.start] != "[":
            continue
        m = _BRACKET_LABEL.match(text, b.start, b.end)
        if m is None or m.group(1) in have:
            continue
        label = m.group(1)
        for k in range(i - 1, max(-1, i - 1 - _BESIDE), -1):
            before = out[k]
            if before.kind not in _BODY:
                continue
            pos = text.find(f"[{label}]", before.start + 1, before.end)
            if pos > before.start:
                marks.append(Mark("noteref", pos, pos + len(label) + 2, label))
                blanks.extend([(pos, pos + len(label) + 2), (b.start, m.end())])
                out[i] = Block("note", m.end(), b.end, note=label, depth=b.depth)
                have.add(label)
                break
    return out, marks
