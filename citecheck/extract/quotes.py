"""Find quotations: text in quotation marks, and block quotes.

Inline quotations are found by pairing marks (“…”, "…", «…», ‘…’) inside a
block; marks nested in a quotation belong to it.  Block quotations are
paragraphs set off as quotes: Markdown ``>`` / HTML ``<blockquote>`` blocks,
paragraphs wholly inside quotation marks (also over several paragraphs), and
in plain text the paragraphs between an introduction ending in a colon and an
attribution line.  Titles in quotation marks are not quotations.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import regex

from citecheck.extract.grammar.attribution import looks_like_attribution, names_a_source
from citecheck.source.view import Block, TextView

_IS_TITLE_RE1 = regex.compile(r"[.!?;,]\s*$")
_IS_TITLE_RE2 = regex.compile(r"[.!?;]")

_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}
_OPENERS = '“«‘"„'
_TITLE_CUE = regex.compile(
    r"(?:article|essay|pamphlet|book|speech|report|letter|chapter|preface|poem|song|novel|film|"
    r"entitled|titled|headed|called|named|volume|paper|thesis|theses|resolution|slogan|magazine|newspaper)"
    r"[,:]?\s*$",
    regex.I,
)
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_SMALL = frozenset("a an and the of in on to for at by from with or nor but as is into de la le".split())
_MD_ATTR = regex.compile(r"([”\"»])?[ \t]*(?:\r?\n[ \t]*)?([-—–―]{1,2})[ \t]*(?=\p{Lu}|\S)")
_DASH_LINE = regex.compile(r"^\s*[-—–―]{1,2}\s*\p{Lu}")
_TRAILER = regex.compile(r"^[\s\d.,;:!?)\]]*(?:\([^()]{0,300}\)[\s.,;:]*)?$")


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quotation in view offsets: ``start``/``end`` hold the words, not the marks."""

    start: int
    end: int
    form: str
    block: int  # index of the (first) block
    last_block: int
    open_mark: int  # view offset of the opening mark (== start for unmarked blocks)
    close_mark: int  # view offset just past the closing mark (== end when unmarked)
    #: view span of an attribution line or clause that sources a block quote
    attribution: tuple[int, int] | None = None


def find_quotes(view: TextView) -> list[FoundQuote]:
    """Every quotation in the view, in document order."""
    text = view.text
    blocks = view.blocks
    out: list[FoundQuote] = []
    consumed: set[int] = set()
    for i, b in enumerate(blocks):
        if i in consumed or b.kind == "heading":
            continue
        if b.kind == "quote":
            j = i
            while j + 1 < len(blocks) and blocks[j + 1].kind == "quote":
                j += 1
            out.append(_quote_blocks(view, i, j))
            consumed.update(range(i, j + 1))
            continue
        whole = _whole_paragraph_quote(view, i) or _indented_block(view, i)
        if whole is not None:
            whole = _with_attribution_below(view, whole)
            out.append(whole)
            consumed.update(range(whole.block, whole.last_block + (2 if whole.attribution else 1)))
            continue
        if b.kind == "para" and text[b.start : b.end].rstrip().endswith(":"):
            unmarked = _introduced_block(view, i)
            if unmarked is not None:
                out.append(unmarked)
                consumed.update(range(unmarked.block, unmarked.last_block + 2))
                out.extend(_inline_quotes(text, b, i))
                continue
        out.extend(_inline_quotes(text, b, i))
    out.sort(key=lambda q: q.start)
    return out


def _quote_blocks(view: TextView, i: int, j: int) -> FoundQuote:
    """Markdown ``>`` / HTML ``<blockquote>`` blocks ``i..j``: their words, without outer
    quotation marks and without the attribution ("- Trotsky, [[...]]" / "— Trotsky, *...*")."""
    text = view.text
    s, e = view.blocks[i].start, view.blocks[j].end
    attribution = None
    if j > i and _DASH_LINE.match(text[view.blocks[j].start : view.blocks[j].end]):
        attribution = (view.blocks[j].start, e)
        e = view.blocks[j - 1].end
        j -= 1
    else:
        last = None
        for m in _MD_ATTR.finditer(text, s, e):
            at_line_start = text[s : m.start(2)].strip() == "" or "\n" in text[m.start() : m.start(2)]
            if m.group(1) or at_line_start:
                last = m
        if last is not None:
            attribution = (last.start(2), e)
            e = last.start() + len(last.group(1) or "")
    s2, e2 = _strip_marks(text, s, e)
    return FoundQuote(s2, e2, "block", i, j, s, e, attribution)


def _indented_block(view: TextView, i: int) -> FoundQuote | None:
    """A paragraph set off by indentation (plain text), unless it is itself a source line."""
    b = view.blocks[i]
    if b.kind != "para" or not b.indented or i == 0 or looks_like_attribution(view.text[b.start : b.end]):
        return None
    return FoundQuote(b.start, b.end, "block", i, i, b.start, b.end)


def _with_attribution_below(view: TextView, q: FoundQuote) -> FoundQuote:
    """A block quotation takes the source line set in the paragraph right under it."""
    j = q.last_block + 1
    if q.attribution is not None or j >= len(view.blocks):
        return q
    nxt = view.blocks[j]
    line = view.text[nxt.start : nxt.end]
    indented = view.blocks[q.block].indented and nxt.indented
    if nxt.kind != "para" or not (looks_like_attribution(line) if indented else names_a_source(line)):
        return q
    return replace(q, attribution=(nxt.start, nxt.end))


def _strip_marks(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e and text[s] in _OPENERS and text[e - 1] == _PAIRS[text[s]]:
        return s + 1, e - 1
    if s < e and text[s] in _OPENERS:
        return s + 1, e
    return s, e


def _whole_paragraph_quote(view: TextView, i: int) -> FoundQuote | None:
    """A paragraph (or run of paragraphs) wholly inside quotation marks."""
    text = view.text
    b = view.blocks[i]
    if b.kind not in ("para", "note") or text[b.start] not in '“"«':
        return None
    opener = text[b.start]
    closer = _PAIRS[opener]
    for j in range(i, min(i + 12, len(view.blocks))):
        bj = view.blocks[j]
        # continuation paragraphs may or may not repeat the opening mark
        if j > i and bj.kind != "para":
            return None
        close = _closing(text, b.start + 1 if j == i else bj.start, bj.end, opener, closer)
        if close is not None:
            if not _TRAILER.match(text[close + 1 : bj.end]):
                return None
            return FoundQuote(b.start + 1, close, "block", i, j, b.start, close + 1)
        if j == i and b.kind == "note":
            return None
    return None


def _closing(text: str, lo: int, hi: int, opener: str, closer: str) -> int | None:
    """Offset of the mark closing a quotation opened before ``lo`` (nesting counted)."""
    depth = 0
    for k in range(lo, hi):
        c = text[k]
        if opener != closer and c == opener:
            depth += 1
        elif c == closer and (opener != '"' or _can_close(text, k)):
            if depth == 0:
                return k
            depth -= 1
    return None


def _introduced_block(view: TextView, i: int) -> FoundQuote | None:
    """Plain text: paragraphs after ``...:`` that end at an attribution line."""
    blocks = view.blocks
    text = view.text
    for j in range(i + 2, min(i + 7, len(blocks))):
        bj = blocks[j]
        if bj.kind != "para":
            return None
        if looks_like_attribution(text[bj.start : bj.end]):
            first, last = blocks[i + 1], blocks[j - 1]
            if any(blocks[k].kind != "para" for k in range(i + 1, j)):
                return None
            if any(text[blocks[k].start : blocks[k].end].rstrip().endswith(":") for k in range(i + 1, j - 1)):
                return None
            return FoundQuote(first.start, last.end, "block", i + 1, j - 1, first.start, last.end, (bj.start, bj.end))
    return None


def _can_open(text: str, k: int, lo: int) -> bool:
    return (k == lo or not text[k - 1].isalnum()) and k + 1 < len(text) and not text[k + 1].isspace()


def _can_close(text: str, k: int) -> bool:
    # a digit may follow: the note marker in `production."4`
    return k > 0 and not text[k - 1].isspace() and (k + 1 >= len(text) or not text[k + 1].isalpha())


def _inline_quotes(text: str, b: Block, bi: int) -> list[FoundQuote]:
    out: list[FoundQuote] = []
    closes = _Closers(text, b.start, b.end)
    k = b.start
    while (m := _INLINE_OPENER.search(text, k, b.end)) is not None:
        k = m.start()
        if _can_open(text, k, b.start):
            close = closes.find(k)
            if close is not None:
                s, e = k + 1, close
                if e > s and not _is_title(text, k, s, e, b.start):
                    out.append(FoundQuote(s, e, "inline", bi, bi, k, close + 1))
                k = close + 1
                continue
        k += 1
    return out


_INLINE_OPENER = regex.compile(r"[“«‘\"]")
_PAIRED_MARK = regex.compile(r"[“”«»]")
_STRAIGHT = regex.compile(r"\"")


class _Closers:
    """Where each quotation opened in ``text[lo:hi]`` closes, found in one pass over the block.

    “ and « pair with nesting counted (a stack), so the answer for every opener
    costs one scan of the block, not one each; a straight " closes at the next
    " that can close.  ‘ is looked up on demand within 600 characters.
    """

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.hi = text, hi
        self.paired: dict[int, int] = {}
        stacks: dict[str, list[int]] = {"“": [], "«": []}
        for m in _PAIRED_MARK.finditer(text, lo, hi):
            c, k = m.group(), m.start()
            if c in stacks:
                stacks[c].append(k)
            else:
                stack = stacks["“" if c == "”" else "«"]
                if stack:
                    self.paired[stack.pop()] = k
        self.straight = [m.start() for m in _STRAIGHT.finditer(text, lo, hi) if _can_close(text, m.start())]

    def find(self, k: int) -> int | None:
        """The offset of the mark closing the quotation opened at ``k``, if any."""
        opener = self.text[k]
        if opener == "‘":
            return _single_close(self.text, k, self.hi)
        if opener == '"':
            i = bisect.bisect_right(self.straight, k)
            return self.straight[i] if i < len(self.straight) else None
        return self.paired.get(k)


def _single_close(text: str, k: int, hi: int) -> int | None:
    fallback = None
    for j in range(k + 1, min(hi, k + 600)):
        if text[j] == "’" and _can_close(text, j):
            nxt = text[j + 1] if j + 1 < hi else ""
            if text[j - 1] in "sS" and nxt == " " and j + 2 < hi and text[j + 2].islower():
                fallback = fallback if fallback is not None else j
                continue  # "workers’ state": an apostrophe, probably
            return j
        if text[j] == "“":
            break
    return fallback


def _is_title(text: str, mark: int, s: int, e: int, floor: int) -> bool:
    """A title in quotation marks: after "article", or Title Case with no sentence punctuation."""
    before = text[max(floor, mark - 40) : mark]
    if _TITLE_CUE.search(before):
        return True
    words = _WORD.findall(text[s:e])
    if len(words) < 2 or _IS_TITLE_RE1.search(text[s:e]) or _IS_TITLE_RE2.search(text[s:e]):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    caps = [w for w in content if w[0].isupper()]
    return len(content) >= 2 and len(caps) == len(content) and not words[0].islower()
