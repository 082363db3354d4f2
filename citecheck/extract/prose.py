"""References made in the prose itself, naming both a work and its author.

Shapes (the title in italics, bold or quotation marks unless said otherwise):

* ``In his article, ‘Better fewer but better’, Lenin …``;
* ``Marx’s remarks in his Critique of the Gotha programme`` (a capitalised title, no marks needed);
* ``Marx wrote in *Capital*`` / ``Victor Serge wrote in his book *Year One of the Russian Revolution*``;
* ``*History of the Russian Revolution*, Trotsky quotes …``;
* ``Peter Fryer's essay **"Engels: A Man of his Time"**`` (a genre word is needed: ``Lenin's *State and
  Revolution* champions the soviets`` mentions a work, it does not cite it).

A bare title in running text is not a reference. Each is found in one pass, anchored on the
typography of the title or on the few cue words, and yields a parsed reference directly.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from citecheck.models import Candidate, ParsedReference, TextView

_GENRE = (
    r"(?:article|essay|pamphlet|book|speech|report|letter|preface|study|paper|theses|thesis|notes|memoirs|diary|"
    r"poem|review)"
)
_WORD = r"\p{Lu}[\p{L}-]++(?:[’'](?!s\b)\p{L}++)?"
_NAME = rf"(?P<name>{_WORD}(?:\s++{_WORD}){{0,2}})"
_VERB = r"(?:wrote|writes|argued|argues|noted|notes|explained|explains|observed|observes|said|says|put\s+it|declared)"
_IN_HIS = regex.compile(
    rf"\b[Ii]n\s++(?:his|her|their)\s++{_GENRE},?\s*+[‘“\"](?P<title>[^’”\"]{{3,160}}+)[’”\"],?\s++{_NAME}"
)
_REMARKS = regex.compile(
    rf"{_NAME}[’']s\s++(?:remarks|comments|critique|argument|analysis|discussion|observations|words|notes)\s++"
    rf"in\s++(?:his|her|their)\s++(?P<title>\p{{Lu}}[^.,;:()]{{2,120}}+)"
)
# what every _REMARKS match holds: scanning a block for this first skips the long name scan where it cannot match
_REMARKS_ANCHOR = regex.compile(
    r"[’']s\s++(?:remarks|comments|critique|argument|analysis|discussion|observations|words|notes)\s++"
    r"in\s++(?:his|her|their)\s++\p{Lu}"
)
_TITLE_END = regex.compile(r"\s++(?:concerning|about|on|where|which|that|when|in|of\s++\d)\b.*$")
# what comes before a marked title: "Marx wrote in", "Victor Serge wrote in his book", "Peter Fryer's essay"
_BEFORE_WROTE = regex.compile(rf"{_NAME}\s++{_VERB}\s++in\s++(?:(?:his|her|their|the)\s++(?:{_GENRE}\s++)?)?$")
_BEFORE_GENRE = regex.compile(rf"{_NAME}[’']s\s++{_GENRE}\s*+,?\s*+$")
# what comes after one: ", Trotsky quotes"
_AFTER_QUOTES = regex.compile(rf"\s*+,?\s*+{_NAME}\s++(?:quotes|cites|writes|recalls|notes)\b")


def find_prose_references(view: TextView, blocks: Sequence[int]) -> list[tuple[Candidate, ParsedReference]]:
    """The prose references of the given body blocks, as candidates with their parse."""
    text = view.text
    out: list[tuple[Candidate, ParsedReference]] = []
    wanted = set(blocks)
    titled: list[tuple[int, int, int]] = []  # (title start, title end, block)
    for m in view.marks:
        if m.kind in ("italic", "bold", "cite"):
            titled.append((m.start, m.end, -1))
    block_starts = [b.start for b in view.blocks]
    for bi in sorted(wanted):
        b = view.blocks[bi]
        for m in _IN_HIS.finditer(text, b.start, b.end):
            out.append(_make(view, bi, m.start(), m.end(), m.group("name"), m.group("title")))
        for m in _REMARKS.finditer(text, b.start, b.end) if _REMARKS_ANCHOR.search(text, b.start, b.end) else ():
            title = _TITLE_END.sub("", m.group("title")).strip()
            out.append(_make(view, bi, m.start(), m.start("title") + len(title), m.group("name"), title))
        for q in _QUOTED_TITLE.finditer(text, b.start, b.end):
            titled.append((q.start() + 1, q.end() - 1, bi))
    for s, e, bi in titled:
        if bi < 0:
            bi = max(0, bisect.bisect_right(block_starts, s) - 1)
        if bi not in wanted:
            continue
        b = view.blocks[bi]
        title = text[s:e].strip(' ,.;:“”"‘’')
        if not title or not title[0].isupper():
            continue
        open_at = s - 1 if s > b.start and text[s - 1] in '“"‘' else s
        before = text[max(b.start, open_at - 80) : open_at]
        m = _BEFORE_WROTE.search(before) or _BEFORE_GENRE.search(before)
        if m is not None:
            start = open_at - (len(before) - m.start())
            close = e + 1 if e < b.end and text[e] in '”"’' else e
            out.append(_make(view, bi, start, close, m.group("name"), title))
            continue
        m2 = _AFTER_QUOTES.match(text, e, min(b.end, e + 60))
        if m2 is not None:
            out.append(_make(view, bi, open_at, m2.end("name"), m2.group("name"), title))
    out.sort(key=lambda x: x[0].start)
    dedup: list[tuple[Candidate, ParsedReference]] = []
    for c, p in out:
        if dedup and c.start < dedup[-1][0].end:
            continue
        dedup.append((c, p))
    return dedup


_QUOTED_TITLE = regex.compile(r"[“\"‘][\p{Lu}\d][^”\"’\n]{2,160}+[”\"’]")


def _make(view: TextView, bi: int, s: int, e: int, name: str, title: str) -> tuple[Candidate, ParsedReference]:
    text = view.text[s:e]
    ts = text.find(title)
    spans: list[tuple[int, int, str]] = []
    ns = text.find(name)
    if ns >= 0:
        spans.append((ns, ns + len(name), "author"))
    if ts >= 0:
        spans.append((ts, ts + len(title), "title"))
    spans.sort()
    parsed = ParsedReference(text=text, spans=tuple(spans), author=name, title=title.strip(" ,."))
    return Candidate("prose", s, e, s, e, bi), parsed
