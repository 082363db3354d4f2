"""References made in the prose itself, naming both a work and its author.

Shapes (the title in italics, bold or quotation marks unless said otherwise):

* ``In his article, ‘Better fewer but better’, Lenin …``;
* ``Marx’s remarks in his Critique of the Gotha programme`` (a capitalised title, no marks needed);
* ``Marx wrote in *Capital*`` / ``Victor Serge wrote in his book *Year One of the Russian Revolution*``;
* ``Trotsky, in *The Revolution Betrayed*, called …`` (the name, a comma, "in");
* ``*History of the Russian Revolution*, Trotsky quotes …``;
* ``Peter Fryer's essay **"Engels: A Man of his Time"**`` (a genre word is needed: ``Lenin's *State and
  Revolution* champions the soviets`` mentions a work, it does not cite it).

A bare title in running text is not a reference. Each is found in one pass, anchored on the
typography of the title or on the few cue words, and yields a parsed reference directly.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

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
# "Trotsky, in *The Revolution Betrayed*, called …": the name, a comma, "in" (an aside naming the work)
_BEFORE_IN = regex.compile(
    rf"(?:^|(?<=[.!?;:—]\s{{1,3}}+)|(?<=\b(?:and|but|while)\s++)){_NAME},\s++in\s++(?:(?:his|her|their)\s++(?:{_GENRE}\s++)?)?$"
)
# the rest of the sentence holds a quotation: "…, called the bureaucracy “a privileged caste”"
_QUOTE_FOLLOWS = regex.compile(r"[^.!?“\"«]{0,150}+[“\"«]")
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
        # a web essay links the work it names instead of setting it in italics
        if m.kind in ("italic", "bold", "cite") or (m.kind == "link" and m.data and _WORK_ADDRESS.search(m.data)):
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
        if m is None and _QUOTE_FOLLOWS.match(text, e, b.end):
            m = _BEFORE_IN.search(before)  # only as the source of the quotation its sentence goes on to
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


# a link to a text: a page of an archive or a library, not a site's front page ("https://x.org/")
_WORK_ADDRESS = regex.compile(r"(?i:https?://|www\.)[^/\s]++/\S")
_QUOTED_TITLE = regex.compile(r"[“\"‘][\p{Lu}\d][^”\"’\n]{2,160}+[”\"’]")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    text = resources.files("citecheck").joinpath("data/function_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _make(view: TextView, bi: int, s: int, e: int, name: str, title: str) -> tuple[Candidate, ParsedReference]:
    # "As Hale wrote in …": a capitalised word opening the sentence is no part of the name
    words = name.split()
    while len(words) > 1 and words[0].lower() in _function_words():
        words = words[1:]
    name = " ".join(words)
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
