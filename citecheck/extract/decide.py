"""Decide which parsed candidates are references, without references.bib.

A note piece is a reference when it names a source: a title (in italics, bold or quotation
marks), a locator, a year or publication data, an ibid / op. cit., or an author and a short
title. A bracket or parenthesis in the body is one when it holds a locator (``p. 17``,
``vol. 33``, ``Thesis 5``), an ibid, an author with a year, or a titled work with an author or
a year; a bare number is a page reference only right after a quotation. A bracket inside an
inline quotation is an editorial insertion (``[the Marxists]``) unless it is plainly a
citation. A line under a block quotation is its attribution when it names an author or a work.
"""

from __future__ import annotations

import regex

from citecheck.extract.grammar.features import word_classes
from citecheck.models import Candidate, ParsedReference

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_BARE_NUMBER = regex.compile(r"^\d{1,4}(?:\s*+[-–]\s*+\d{1,4})?$")
_ONLY_URL = regex.compile(r"^\W*(?:\d+\.\s*)?(?:https?://|file://|www\.)\S*\W*$")
_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}{2,}+(?![\p{L}.])")
_LOWER_RUN = regex.compile(r"(?:\b\p{Ll}+\b[\s,]+){6,}")
#: What opens a gloss in brackets, never a reference: "i.e.", "viz.", "namely", "that is" (and German
#: "d. h.", Russian "т. е."); not "e.g.", which author–date citations use ("(e.g., Carr 1950)").
_ASIDE = regex.compile(r"^\W*+(?i:i\.\s*+e\b|viz\b|namely\b|that\s++is\b|d\.\s*+h\b|т\.\s*+е\b)")


_WORTH_PARSING = regex.compile(r"\d|[“”\"«»‘]|\b(?:[IVXLC]{1,6}|(?i:ibid|op|id|loc|quoted|cited|ebd|ebenda|там))\b")


def worth_parsing(text: str, marked: bool) -> bool:
    """Whether a bracket or parenthesis of the body could be a reference at all (before parsing it).

    :func:`judge` accepts one only with a digit (a locator, a year, a bare page), a roman volume, an
    ibid / op. cit., or a title set in italics, bold or quotation marks; anything else is prose.
    """
    return marked or bool(_WORTH_PARSING.search(text))


def judge(
    c: Candidate,
    p: ParsedReference,
    marked: bool,
    after_quote: bool,
    inside_quote: bool,
) -> str | None:
    """The citation kind of candidate ``c`` parsed as ``p``, or None when it is no reference.

    ``marked``: the candidate has italic or bold text or quotation marks; ``after_quote``: it
    follows the closing mark of a quotation (or ends a block quotation); ``inside_quote``: it lies
    inside an inline quotation.

    The verdict depends on the candidate's kind and these alone, and a reference string repeats
    ("Ibid.", a work cited again): each verdict is reached once.
    """
    key = (c.kind, p, marked, after_quote, inside_quote)
    try:
        return _JUDGED[key]
    except KeyError:
        pass
    if len(_JUDGED) > 20_000:
        _JUDGED.clear()
    verdict = _JUDGED[key] = _judge(c.kind, p, marked, after_quote, inside_quote)
    return verdict


#: Verdicts already reached in this process, by what they depend on (parses are immutable records).
_JUDGED: dict[tuple[str, ParsedReference, bool, bool, bool], str | None] = {}


def _judge(kind: str, p: ParsedReference, marked: bool, after_quote: bool, inside_quote: bool) -> str | None:
    """:func:`judge`, for a candidate of kind ``kind``."""
    text = p.text.strip()
    if not text or _ONLY_URL.match(text):
        return None
    hints = {h for _, _, h in p.locators}
    words = len(_WORD.findall(text))
    has_locator = bool(hints & {"pages", "volume", "locator"})
    has_pubdata = bool(hints & {"year", "date", "nodate"}) or p.place is not None or p.publisher is not None
    titled = (p.title or p.container or p.part) is not None and marked
    if kind == "note" or kind == "list":
        if p.ibid:
            return "ibid"
        if (_prose_words(p) >= 10 or _prose_verb(p)) and not has_locator and not (p.place or p.publisher):
            return None  # commentary: "the Ukrainian Boris Souvarine, expelled by the Comintern in 1924, …"
        cited = "quoted-in" if p.secondhand else "footnote" if kind == "note" else "list"
        if kind == "list" and not (p.author or p.editor or p.publisher or p.place):
            return None  # a list of titles ("*What Is to Be Done?* (1902)") is no list of references
        if has_locator or titled or (has_pubdata and (p.author or p.work)):
            return cited
        if p.author and p.work and words <= 12:
            return cited
        if p.author and 2 <= words <= 5 and "date" not in hints:
            return cited  # "Richardson interview", "Trotsky to Cannon"
        return None
    if kind in ("bracket", "paren"):
        if _ASIDE.match(text):
            return None  # "(i.e., bourgeois)", "(viz. the Tenth Congress)": the writer's gloss
        if _BARE_NUMBER.match(text):
            # "(117)" after a quotation is its page; "[3]" is a note marker's shape
            return "inline" if after_quote and kind == "paren" else None
        if inside_quote and not (has_locator and (titled or p.author or p.work)):
            return None
        if p.ibid:
            return "ibid"
        if p.secondhand and (p.author or p.work) and words <= 25:
            return "quoted-in"  # (Quoted by Carr.)
        if has_locator and words <= 40 and not _LOWER_RUN.search(text):
            return "inline"
        if p.author and "year" in hints and words <= 6:
            return "inline"  # author-date: (Carr 1950)
        if titled and (p.author or has_pubdata) and words <= 25 and (after_quote or has_locator):
            return "inline"
        if titled and after_quote and words <= 12 and _prose_words(p) <= 2:
            return "inline"  # [**Marx and Anarchism**] after the quotation it sources
        return None
    if kind == "attribution":
        return "attribution" if (p.author or p.work) and words <= 40 else None
    if kind == "wikilink":
        # a link to a work ("[[The State and Revolution (1917)]]"), not to a page about a person or a topic
        return "wikilink" if "year" in hints and ":" not in text else None
    return None


def _prose_verb(p: ParsedReference) -> bool:
    """True when a verb of prose ("is", "says", "wrote" …) stands outside the reference's titles."""
    verbs = word_classes().get("prose", frozenset())
    inside = [(s, e) for s, e, lab in p.spans if lab in ("part", "title", "container")]
    return any(
        m.group() in verbs and not any(s <= m.start() < e for s, e in inside) for m in _LOWER_WORD.finditer(p.text)
    )


def _prose_words(p: ParsedReference) -> int:
    """Lower-case words outside the titles and quotations of the reference: how much of it is prose."""
    inside = [(s, e) for s, e, lab in p.spans if lab in ("part", "title", "container", "note")]
    n = 0
    for m in _LOWER_WORD.finditer(p.text):
        if not any(s <= m.start() < e for s, e in inside):
            n += 1
    return n
