"""Find quotations: text in quotation marks, and block quotations.

Inline quotations pair marks (“…”, "…", «…», „…“, ‘…’) inside a block, in one pass: curly and
angle marks with a stack, straight marks by whether they can open or close, single curly marks
only where a ``’`` is not an apostrophe. A quotation nested in another is a quotation of its own.

Block quotations are the quote blocks of the view (Markdown ``>``, HTML ``<blockquote>`` and quote
classes; one quotation per group of paragraphs), indented paragraphs of plain text, paragraphs
wholly inside quotation marks (also over several paragraphs, continuation paragraphs reopening
the mark), and in plain text the paragraphs between an introduction ending in a colon and an
attribution line. Inline quotations inside a block quotation are found too.

A title in quotation marks (after "article", "pamphlet" … or in Title Case without sentence
punctuation) is not a quotation. Everything is linear in the size of the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from citecheck.extract.speakers import speech_words, word_alternation  # the word lists live with the speakers
from citecheck.models import Block, QuoteSpan, TextView

_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "'": "'"}
_OPENERS = "“«‘\"„'"
_TITLE_CUE = regex.compile(
    r"(?:\b(?:article|essay|pamphlet|book|speech|report|letter|chapter|preface|poem|song|novel|film|"
    r"entitled|titled|headed|called|named|volume|paper|thesis|theses|resolution|magazine|newspaper|"
    r"column|review|series|headline|section|lecture|declaration|manifesto|programme|program))"
    r"[,:]?\s*+$",
    regex.I,
)
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_SMALL = frozenset("a an and the of in on to for at by from with or nor but as is into de la le du des".split())
_SENTENCE_PUNCT = re.compile(r"[.!?;]")
_DASH_LINE = regex.compile(r"^\s*+[-—–―]{1,2}+\s*+\p{Lu}")
#: A dash and a name after the closing mark of a block quotation, on the same line: its source.
INLINE_ATTRIBUTION = regex.compile(r"[”\"»][ \t]*+[-—–―]{1,2}+[ \t]*+(?=\p{Lu}|\[\[)")
_LAST_LINE_DASH = regex.compile(r"\n[ \t]*+(?=[-—–―]{1,2}+[ \t]*+\p{Lu}[^\n]*+$)")
_TRAILER = regex.compile(r"^[\s\d.,;:!?)\]]*+(?:\([^()]{0,300}+\)[\s.,;:]*+)?$")
_ATTR_DASH = regex.compile(r"^[-—–―]{1,2}\s*+\p{Lu}")
_ATTR_QUOTED = regex.compile(r"^\(?(?:as\s+)?(?:quoted|cited)\s+(?:in|by)\b", regex.I)
_SOURCEISH = regex.compile(
    r"\b(?:vol(?:ume)?s?\.?\s*+(?:[IVXLC]+|\d+)|collected\s+works|selected\s+works|works|writings|pp?\.\s*+\d)",
    regex.I,
)
_SENTENCE_END = regex.compile(r"\p{Ll}{2,}+[”’\"]?[.!?]$")
# plain sets of characters: the standard library's engine finds them the same, for less per call
_INLINE_OPENER = re.compile(r"[“«‘\"„']")
_PAIRED_MARK = re.compile(r"[“”«»„]")
_STRAIGHT = re.compile(r"\"")


# A verb of saying followed by "that", a quotation mark or a colon; or after its subject ("Carr
# calls", "who calls", "he wrote"). The word in group "verb" is checked against the verbs of
# citecheck/data/speech.txt afterwards: a pattern holding every verb takes long to compile.
_SAYS_THAT = regex.compile(
    r"(?<![\p{L}])(?P<verb>\p{Ll}++)\s++(?:that\b|[“\"‘«„:])"
    r"|(?:\b(?:who|which|he|she|they)|\p{Lu}\p{Ll}++(?:[’']s)?+)\s++(?:later\s++|also\s++)?(?P<verb>\p{Ll}++)\b"
)
# A closing mark, a short speech tag and an opening mark: ,” he said, “ / ," said Lenin: " (the tag's
# words are checked against the verbs afterwards)
_SPEECH_TAG = regex.compile(
    r"[,.!?;:]?+[”\"][ \t]*+(?P<tag>(?:[\p{L}.’'-]++[ \t]++){0,9}?[\p{L}.’'-]++)[ \t]*+[,:.;—–-][ \t]*+[“\"]"
)


def _says_that(s: str) -> bool:
    """Whether ``s`` reports speech in running prose: a verb of saying followed by "that", a
    quotation mark or a colon, or after its subject ("Trotsky wrote that", "Lenin declared: “…”",
    "who calls the NEP …")."""
    verbs = speech_words()["verb"]
    return any(m.group("verb") in verbs for m in _SAYS_THAT.finditer(s, overlapped=True))


def _speech_tag(text: str, lo: int, hi: int) -> bool:
    """Whether a closing mark, a speech tag of a few words holding a verb of saying (``he said``,
    ``said Lenin at the congress``) and an opening mark stand in ``text[lo:hi]``."""
    verbs = speech_words()["verb"]
    for m in _SPEECH_TAG.finditer(text, lo, hi, overlapped=True):
        words = m.group("tag").split()
        # the verb within the first four words, at most five after it
        if any(w.lower() in verbs and len(words) - k - 1 <= 5 for k, w in enumerate(words[:4])):
            return True
    return False


def interrupted(text: str, q: QuoteSpan) -> bool:
    """Whether block quotation ``q`` is one quotation broken by a speech tag (``"If we take Moscow,"
    he said, "with its …"``): it opens with a quotation mark, and a tag stands between two of its
    marks. Such a block frames the quotations inside it; it is not one itself."""
    k = q.open_mark
    while k < q.close_mark and text[k].isspace():
        k += 1
    if k >= q.close_mark or text[k] not in '“"':
        return False
    return _speech_tag(text, k + 1, min(q.close_mark, k + 2000))


def looks_like_attribution(line: str) -> bool:
    """True when a short paragraph reads as the source line of a block quotation."""
    s = " ".join(line.split())
    if not s or len(s) > 260 or len(s.split()) > 30 or s.endswith(":"):
        return False
    if _ATTR_DASH.match(s) or _ATTR_QUOTED.match(s):
        return True
    if _SENTENCE_END.search(s) or _says_that(s):
        return False  # a sentence: "Trotsky later wrote that the ban was “…” (*Betrayed*, p. 96)."
    if _SOURCEISH.search(s):
        return True
    words = _WORD.findall(s)
    content = [w for w in words if w.lower() not in _SMALL]
    return 1 <= len(words) <= 12 and bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def find_quotes(view: TextView, titles: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every quotation in the view, in document order (a nested one after the one holding it).

    ``titles``, when given, gathers the spans of titles in quotation marks (no quotations, but no
    names either: "The Years of Preparation for Revolution" names nobody)."""
    text = view.text
    blocks = view.blocks
    out: list[QuoteSpan] = []
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        if b.kind in ("heading", "code", "meta", "caption"):
            i += 1
            continue
        if b.kind == "quote":
            j = i
            while j + 1 < n and blocks[j + 1].kind == "quote" and blocks[j + 1].group == b.group:
                j += 1
            reopened = False
            while j + 1 < n and _reopened(text, blocks, i, j):
                # the next block quotation reopens the mark this one never closed: one quotation
                group = blocks[j + 1].group
                j += 1
                reopened = True
                while j + 1 < n and blocks[j + 1].kind == "quote" and blocks[j + 1].group == group:
                    j += 1
            q = _quote_blocks(view, i, j)
            out.append(q)
            for k in range(i, j + 1):
                inner = _inline_quotes(text, blocks[k], k, q.start, q.end, titles)
                if reopened or (k > i and _reopens(text, blocks[k - 1], blocks[k])):
                    # the mark a paragraph reopens is the quotation going on, not one inside it
                    inner = [x for x in inner if x.open_mark != blocks[k].start]
                out.extend(inner)
            i = j + 1
            continue
        whole = _whole_paragraph_quote(view, i) or _indented_block(view, i)
        if whole is not None:
            out.append(whole)
            for k in range(whole.block, whole.last_block + 1):
                inner = _inline_quotes(text, blocks[k], k, whole.start, whole.end, titles)
                if k > whole.block and _reopens(text, blocks[k - 1], blocks[k]):
                    inner = [x for x in inner if x.open_mark != blocks[k].start]
                out.extend(inner)
            i = whole.last_block + 1
            continue
        if b.kind == "para" and text[b.start : b.end].rstrip().endswith(":"):
            unmarked = _introduced_block(view, i)
            if unmarked is not None:
                out.extend(_inline_quotes(text, b, i, -1, -1, titles))
                out.append(unmarked)
                for k in range(unmarked.block, unmarked.last_block + 1):
                    out.extend(_inline_quotes(text, blocks[k], k, -1, -1, titles))
                i = unmarked.last_block + 1
                continue
        out.extend(_inline_quotes(text, b, i, -1, -1, titles))
        i += 1
    out.extend(_tagged_quotes(view, out))
    out.sort(key=lambda q: (q.start, -q.end))
    return out


def _tagged_quotes(view: TextView, found: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """HTML's ``<q>…</q>``: a quotation whose marks the browser draws (none are in the text); its
    "marks" are the characters just outside it."""
    tagged = [m for m in view.marks if m.kind == "quote"]
    if not tagged:
        return []
    starts = [b.start for b in view.blocks]
    spans = {(q.start, q.end) for q in found}
    block_quotes = sorted((q.start, q.end) for q in found if q.form == "block")  # disjoint
    block_starts = [s for s, _ in block_quotes]
    out: list[QuoteSpan] = []
    for m in tagged:
        if (m.start, m.end) in spans or m.end <= m.start:
            continue
        bi = max(0, bisect.bisect_right(starts, m.start) - 1)
        k = bisect.bisect_right(block_starts, m.start) - 1
        nested = k >= 0 and m.end <= block_quotes[k][1]
        out.append(QuoteSpan(m.start, m.end, "inline", bi, bi, max(0, m.start - 1), m.end, nested=nested))
    return out


def _reopened(text: str, blocks: Sequence[Block], i: int, j: int) -> bool:
    """Whether block quotation ``i..j`` opens with a quotation mark it never closes and the next
    block is another block quotation opening with the same mark: the convention of a quotation of
    several paragraphs, each reopening the mark."""
    nxt = blocks[j + 1]
    if nxt.kind != "quote" or nxt.group == blocks[j].group:
        return False
    s = blocks[i].start
    while s < blocks[i].end and text[s].isspace():
        s += 1
    opener = text[s] if s < blocks[i].end else ""
    if opener not in ('"', "“", "«") or text[nxt.start : nxt.start + 1] != opener:
        return False
    body = text[s : blocks[j].end]
    if opener == '"':
        return body.count('"') % 2 == 1
    return body.count(opener) > body.count(_PAIRS[opener])


def _reopens(text: str, before: Block, b: Block) -> bool:
    """Whether paragraph ``b`` of a block quotation reopens the quotation mark the paragraph
    ``before`` it opened and never closed: the convention of a quotation of several paragraphs,
    each opening with the mark and only the last closing it."""
    s, e = before.start, before.end
    while s < e and text[s].isspace():
        s += 1
    opener = text[s] if s < e else ""
    if opener not in ('"', "“", "«") or text[b.start : b.start + 1] != opener:
        return False
    body = text[s:e]
    if opener == '"':
        return body.count('"') % 2 == 1
    return body.count(opener) > body.count(_PAIRS[opener])


def _quote_blocks(view: TextView, i: int, j: int) -> QuoteSpan:
    """Quote blocks ``i..j``: their words, without outer quotation marks nor a dash attribution line."""
    text = view.text
    s, e = view.blocks[i].start, view.blocks[j].end
    last = j
    if j > i and _DASH_LINE.match(text[view.blocks[j].start : view.blocks[j].end]):
        e = view.blocks[j - 1].end
        last = j - 1
    else:
        # "> … the end of the quotation.\n> — Trotsky, *The Revolution Betrayed*": the last line is its source
        m = _LAST_LINE_DASH.search(text, view.blocks[j].start, e)
        if m is not None and m.start() > s:
            e = m.start()
        else:
            # "> “… office.” — Trotsky, [[The Revolution Betrayed]]": the source follows the closing mark
            m2 = INLINE_ATTRIBUTION.search(text, view.blocks[j].start, e)
            if m2 is not None:
                e = m2.start() + 1
    s2, e2 = _strip_marks(text, s, e)
    return QuoteSpan(s2, e2, "block", i, last, s, e)


def _indented_block(view: TextView, i: int) -> QuoteSpan | None:
    """A paragraph set off by indentation (plain text), unless it is itself a source line."""
    b = view.blocks[i]
    if b.kind != "para" or not b.indented or i == 0 or looks_like_attribution(view.text[b.start : b.end]):
        return None
    if view.blocks[i - 1].kind == "note":
        return None  # a note's second paragraph, indented under it, is the note going on
    j = i
    while (
        j + 1 < len(view.blocks)
        and view.blocks[j + 1].kind == "para"
        and view.blocks[j + 1].indented
        and not looks_like_attribution(view.text[view.blocks[j + 1].start : view.blocks[j + 1].end])
        and not view.text[view.blocks[j].start : view.blocks[j].end].rstrip().endswith(":")
    ):
        j += 1
    s, e = _strip_marks(view.text, b.start, view.blocks[j].end)
    return QuoteSpan(s, e, "block", i, j, b.start, view.blocks[j].end)


def _strip_marks(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e and text[s] in _OPENERS:
        close = _PAIRS[text[s]]
        if text[e - 1] == close and e - 1 > s:
            return s + 1, e - 1
        # the closing mark may come before a trailing reference: “…” (Works, vol. 33, page 288)
        k = text.rfind(close, s + 1, e)
        if k > s + 1 and _TRAILER.match(text[k + 1 : e]):
            return s + 1, k
        return s + 1, e
    return s, e


def _whole_paragraph_quote(view: TextView, i: int) -> QuoteSpan | None:
    """A paragraph (or run of paragraphs) wholly inside quotation marks."""
    text = view.text
    b = view.blocks[i]
    if b.kind not in ("para", "item") or b.start >= b.end or text[b.start] not in '“"«':
        return None
    opener = text[b.start]
    closer = _PAIRS[opener]
    for j in range(i, min(i + 12, len(view.blocks))):
        bj = view.blocks[j]
        if j > i and bj.kind != "para":
            return None
        close = _closing(text, b.start + 1 if j == i else bj.start, bj.end, opener, closer)
        if close is not None:
            if not _TRAILER.match(text[close + 1 : bj.end]):
                return None
            return QuoteSpan(b.start + 1, close, "block", i, j, b.start, close + 1)
    return None


def _closing(text: str, lo: int, hi: int, opener: str, closer: str) -> int | None:
    """Offset of the mark closing a quotation opened before ``lo`` (nesting counted)."""
    depth = 0
    k = lo
    close = text.find(closer, k, hi)
    while close >= 0:  # only the marks are read, in order, each once
        if opener != closer:
            nested = text.find(opener, k, close)
            if nested >= 0:
                depth += 1
                k = nested + 1
                continue
        if opener != '"' or _can_close(text, close):
            if depth == 0:
                return close
            depth -= 1
        k = close + 1
        close = text.find(closer, k, hi)
    return None


def _introduced_block(view: TextView, i: int) -> QuoteSpan | None:
    """Plain text: paragraphs after ``…:`` that end at an attribution line."""
    blocks = view.blocks
    text = view.text
    for j in range(i + 2, min(i + 7, len(blocks))):
        bj = blocks[j]
        if bj.kind not in ("para", "heading"):
            return None
        if looks_like_attribution(text[bj.start : bj.end]):
            first, last = blocks[i + 1], blocks[j - 1]
            if first.kind == "heading":
                return None
            if any(blocks[k].kind != "para" for k in range(i + 1, j)):
                return None
            if any(text[blocks[k].start : blocks[k].end].rstrip().endswith(":") for k in range(i + 1, j - 1)):
                return None
            return QuoteSpan(first.start, last.end, "block", i + 1, j - 1, first.start, last.end)
    return None


def _can_open(text: str, k: int, lo: int) -> bool:
    if k > lo and text[k - 1].isalnum():
        return False
    # “ « „ only ever open (a space after one may be blanked markup: «_emphasis_»); " and ‘ need a word after
    return text[k] in "“«„" or (k + 1 < len(text) and not text[k + 1].isspace())


def _can_close(text: str, k: int) -> bool:
    # a digit may follow: the note marker in `production."4`
    return k > 0 and not text[k - 1].isspace() and (k + 1 >= len(text) or not text[k + 1].isalpha())


def _inline_quotes(
    text: str,
    b: Block,
    bi: int,
    outer_start: int = -1,
    outer_end: int = -1,
    titles: list[tuple[int, int]] | None = None,
) -> list[QuoteSpan]:
    """Quotations in marks inside block ``b``; inside a block quotation (``outer``), not the one
    whose marks are the block quotation's own."""
    out: list[QuoteSpan] = []
    if b.start >= b.end or _INLINE_OPENER.search(text, b.start, b.end) is None:
        return out  # no mark opens a quotation here: no need to pair the block's closing marks
    closes = _Closers(text, b.start, b.end)
    enclosing: list[int] = []  # closing marks of the quotations the scan is inside
    k = b.start
    while (m := _INLINE_OPENER.search(text, k, b.end)) is not None:
        k = m.start()
        while enclosing and enclosing[-1] < k:
            enclosing.pop()
        if _can_open(text, k, b.start) and not (text[k] == "'" and (enclosing or outer_start >= 0)):
            # a straight ' inside a quotation is its writer's own quoting or scare quotes
            close = closes.find(k)
            if close is not None and enclosing and close > enclosing[-1]:
                close = None  # a quotation inside another closes inside it
            if close is not None:
                enclosing.append(close)
                s, e = k + 1, close
                whole = outer_start >= 0 and (e - s) >= 0.9 * (outer_end - outer_start)
                if e > s and not whole:
                    if not is_title(text, k, s, e, b.start):
                        out.append(QuoteSpan(s, e, "inline", bi, bi, k, close + 1, nested=outer_start >= 0))
                    elif titles is not None:
                        titles.append((s, e))
                # marks nested inside this quotation are quotations of their own
                k = k + 1
                continue
        k += 1
    return out


class _Closers:
    """Where each quotation opened in ``text[lo:hi]`` closes, found in one pass over the block.

    “ « „ pair with nesting counted (a stack), so the answer for every opener costs one scan of the
    block; a straight " closes at the next " that can close; ‘ is looked up within 600 characters.
    """

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.hi = text, hi
        self.paired: dict[int, int] = {}
        stacks: dict[str, list[int]] = {"“": [], "«": []}
        for m in _PAIRED_MARK.finditer(text, lo, hi):
            c, k = m.group(), m.start()
            if c == "„":
                stacks["“"].append(k)
            elif c == "“" and stacks["“"] and text[stacks["“"][-1]] == "„":
                self.paired[stacks["“"].pop()] = k  # „…“: German style, “ closes
            elif c in stacks:
                stacks[c].append(k)
            else:
                stack = stacks["“" if c == "”" else "«"]
                if stack:
                    self.paired[stack.pop()] = k
        self.straight = [m.start() for m in _STRAIGHT.finditer(text, lo, hi) if _can_close(text, m.start())]

    def find(self, k: int) -> int | None:
        """The offset of the mark closing the quotation opened at ``k``, if any."""
        opener = self.text[k]
        if opener in "‘'":
            return _single_close(self.text, k, self.hi)
        if opener == '"':
            i = bisect.bisect_right(self.straight, k)
            return self.straight[i] if i < len(self.straight) else None
        close = self.paired.get(k)
        if close is None and opener == "“":
            # “ left open in its paragraph, closed by a straight " (typed marks mixed with curly ones)
            i = bisect.bisect_right(self.straight, k)
            return self.straight[i] if i < len(self.straight) else None
        return close


_SINGLE_CLOSE_STOP = {"‘": regex.compile(r"[’“\n.!?]"), "'": regex.compile(r"['“\"\n.!?]")}


def _single_close(text: str, k: int, hi: int) -> int | None:
    """The ’ closing the ‘ at ``k`` (or the ' closing a '): not an apostrophe (``Lenin’s``); after an s
    and before a word (``workers’ state``) only when no better one comes, and then the last of them
    in the sentence."""
    fallback = None
    closer = _PAIRS[text[k]]
    for sm in _SINGLE_CLOSE_STOP[text[k]].finditer(text, k + 1, min(hi, k + 600)):  # the only characters read
        j: int = sm.start()
        if text[j] == closer and _can_close(text, j):
            nxt = text[j + 1] if j + 1 < hi else ""
            if text[j - 1] in "sS" and nxt == " " and j + 2 < hi and text[j + 2].islower():
                fallback = j
                continue  # "workers’ state": an apostrophe, probably
            return j
        if text[j] in '“"\n' or (text[j] in ".!?" and j + 1 < hi and text[j + 1] == " "):
            break
    return fallback


@lru_cache(maxsize=1)
def _slogan_cue() -> regex.Pattern[str]:
    """What introduces a slogan or a demand (``citecheck/data/speech.txt``, class ``slogan``): "the
    slogan", "the cry of", "calling for", "demanded"."""
    words = word_alternation("slogan")
    return regex.compile(rf"(?<![\p{{L}}])(?i:{words})(?:\s++of)?+[,:]?\s*+$")


def is_title(text: str, mark: int, s: int, e: int, floor: int) -> bool:
    """A title in quotation marks: after "article", or Title Case with no sentence punctuation; never
    a slogan ("calling for “All Power to the Soviets”")."""
    before = text[max(floor, mark - 40) : mark]
    if _slogan_cue().search(before):
        return False
    if _TITLE_CUE.search(before):
        return True
    inner = text[s:e].rstrip(",.")
    if _SENTENCE_PUNCT.search(inner):
        return False  # most quotations: a sentence, whose words need no reading
    words = _WORD.findall(inner)
    if len(words) < 2:
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    caps = [w for w in content if w[0].isupper() or w[0].isdigit()]
    return len(content) >= 2 and len(caps) == len(content) and not words[0].islower()
