"""Who is speaking: the speaker cue of each quotation.

In order of strength: a verb of saying right beside the quotation ("wrote
Lenin", "Lenin told the Congress that"); a phrase naming the speaker ("in the
words of", "as Trotsky put it", "in Lenin’s words"); the subject of a verb of
saying in the same sentence (or, for a block quotation, in the sentence that
introduces it); the nearest person named before it in its sentence; and the
speaker of the previous quotation in the paragraph.  Pronouns resolve to the
person named before them in the sentence, else to the subject of an earlier
sentence.  The stronger cues beat the author of the cited work; the weaker ones
lose to it (see :mod:`citecheck.extract.engine`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from citecheck.extract.mentions import SPEECH_VERB, SPEECH_VERBS, Mention, MentionIndex
from citecheck.extract.spans import Spans

_CUE_FOR_RE1 = regex.compile(r"\s+by\s+")
_CUE_FOR_RE2 = regex.compile(r"\s+(\S+(?:\s+\S+){0,2})")
_NAMED_PHRASE_RE1 = regex.compile(
    r"in\s+the\s+(?:\w+\s+)?words\s+of\s+|according\s+to\s+|to\s+paraphrase\s+|to\s+quote\s+"
    r"|\bas\s+(?=\S+(?:\s+\S+)?\s+put\s+it)",
    regex.I,
)
_NAMED_PHRASE_RE2 = regex.compile(r"\bin\s+(\S+)[’']s?\s+words\b", regex.I)

_TRAIL = regex.compile(
    rf"^[\s,;:]*(?:(?P<verb1>{SPEECH_VERBS})\s+(?P<after>\S)|(?P<before>[^.!?\s][^.!?]{{0,40}}?)\s+(?:\w+ly,?\s+)?"
    rf"(?P<verb2>{SPEECH_VERBS})\b)"
)


#: How far before and after an inline quotation its sentence is searched for a speaker.
CUE_WINDOW = 1000


@dataclass(frozen=True, slots=True)
class Cue:
    """A speaker and how strongly the text says so ("strong" beats a cited author)."""

    name: str
    strength: str  # "strong" | "weak"


@dataclass(slots=True)
class SentenceContext:
    """The sentences of a paragraph with their mentions, for one document."""

    #: (start, end) of every sentence in the document, in order
    sentences: list[tuple[int, int]]
    #: mentions in the document, found block by block as they are asked for
    mentions: MentionIndex

    def in_range(self, a: int, b: int) -> list[Mention]:
        """Mentions that start within ``[a, b)``, in order."""
        return self.mentions.in_range(a, b)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the nearest one before it when between sentences)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid][0] <= pos:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best


def resolve_pronoun(ctx: SentenceContext, m: Mention, depth: int = 0, prev_speaker: str | None = None) -> str | None:
    """The person a "he"/"she" refers to: someone named before it in its sentence, else
    the speaker of the previous quotation in the paragraph, else the subject of an earlier sentence."""
    si = ctx.sentence_of(m.start)
    s0 = max(ctx.sentences[si][0], m.start - CUE_WINDOW)
    for x in reversed(ctx.in_range(s0, m.start)):
        if x.kind == "person" and (not x.possessive or x.speech_possessive):
            return x.name
    if prev_speaker:
        return prev_speaker
    for back in range(si - 1, max(-1, si - 6), -1):
        a, b = ctx.sentences[back]
        ms = [x for x in ctx.in_range(a, b) if x.kind in ("person", "pronoun")]
        if not ms:
            continue
        first = ms[0]
        if first.kind == "person":
            return first.name
        if depth < 3:
            return resolve_pronoun(ctx, first, depth + 1)
        return None
    return None


def _name(ctx: SentenceContext, m: Mention, prev_speaker: str | None = None) -> str | None:
    return resolve_pronoun(ctx, m, prev_speaker=prev_speaker) if m.kind == "pronoun" else m.name


def cue_for(
    ctx: SentenceContext,
    text: str,
    open_mark: int,
    close_mark: int,
    intro: tuple[int, int] | None,
    opaque: Spans,
    prev_speaker: str | None = None,
) -> Cue | None:
    """The speaker cue of a quotation spanning ``[open_mark, close_mark)``.

    ``intro`` is the sentence introducing a block quotation (else the
    quotation's own sentence is used); ``opaque`` are the quotations (this one
    among them), whose words are never read as cues.
    """
    # 1. a verb of saying right after the closing mark: “…,” wrote Lenin / “…,” he said
    if intro is None:
        tail = _mask(text, close_mark, min(len(text), close_mark + 60), opaque, (open_mark, close_mark))
        t = _TRAIL.match(tail)
        if t:
            pos = close_mark + (t.start("after") if t.group("verb1") else t.start("before"))
            ms = [x for x in ctx.in_range(pos, close_mark + (t.end() if t.group("verb2") else t.end() + 40))]
            if ms:
                name = _name(ctx, ms[0], prev_speaker)
                if name:
                    return Cue(name, "strong")
    if intro is not None:
        s0, s1 = intro
        before_end = s1
    else:
        si = ctx.sentence_of(open_mark)
        s0, s1 = ctx.sentences[si]
        # A "sentence" of thousands of characters (a run-on list of quotations, or
        # no punctuation at all) is read only near the quotation, so the work per
        # quotation stays bounded.
        s0, s1 = max(s0, open_mark - CUE_WINDOW), min(s1, close_mark + CUE_WINDOW)
        before_end = open_mark
    head = _mask(text, s0, before_end, opaque)
    # 2. "in the words of X", "as X put it", "according to X", "in X’s words"
    named = _named_phrase(ctx, text, s0, before_end, head)
    if named:
        return Cue(named, "strong")
    # 3. the subject of a verb of saying in the sentence
    sentence = _mask(text, s0, s1, opaque)
    # mentions that can be the subject of a verb of saying: not "Marx’s" (unless "Marx’s words"),
    # not inside a quotation
    subjects = [
        x for x in ctx.in_range(s0, s1) if (not x.possessive or x.speech_possessive) and not opaque.contains(x.start)
    ]
    subject_starts = [x.start for x in subjects]
    for v in SPEECH_VERB.finditer(sentence):
        vpos = s0 + v.start()
        after = _CUE_FOR_RE1.match(sentence[v.end() :])
        if after:
            ms = [x for x in ctx.in_range(s0 + v.end(), s1) if x.kind != "pronoun"]
            if ms and ms[0].start - (s0 + v.end()) < 60:
                return Cue(ms[0].name, "strong")
        ms = subjects[: bisect.bisect_left(subject_starts, vpos)]
        if ms:
            name = _name(ctx, ms[-1], prev_speaker)
            if name:
                return Cue(name, "strong")
        inverted = _CUE_FOR_RE2.match(sentence[v.end() :])
        if inverted:
            ms = [x for x in ctx.in_range(vpos, vpos + len(v.group()) + 1 + len(inverted.group(1)) + 1)]
            if ms and ms[0].kind != "pronoun":
                return Cue(ms[0].name, "strong")
    # 4. the nearest person named before the quotation in its sentence
    ms = subjects[: bisect.bisect_left(subject_starts, before_end)]
    if ms:
        name = _name(ctx, ms[-1], prev_speaker)
        if name:
            return Cue(name, "weak")
    return None


def _named_phrase(ctx: SentenceContext, text: str, s0: int, end: int, head: str) -> str | None:
    for m in _NAMED_PHRASE_RE1.finditer(head):
        ms = [x for x in ctx.in_range(s0 + m.end(), end) if x.kind == "person"]
        if ms and ms[0].start - (s0 + m.end()) < 25:
            return ms[0].name
    m2 = _NAMED_PHRASE_RE2.search(head)
    if m2:
        ms = [x for x in ctx.in_range(s0 + m2.start(1), s0 + m2.end(1) + 2) if x.kind == "person"]
        if ms:
            return ms[0].name
    return None


def _mask(text: str, a: int, b: int, opaque: Spans, keep: tuple[int, int] | None = None) -> str:
    """``text[a:b]`` with the words of the quotations in ``opaque`` (but ``keep``) blanked (same length)."""
    pieces: list[str] = []
    pos = a
    for x, y in opaque.overlapping(a, b):
        if (x, y) == keep:
            continue
        lo, hi = max(x, pos), min(y, b)
        if hi > lo:
            pieces += [text[pos:lo], " " * (hi - lo)]
            pos = hi
    if not pieces:
        return text[a:b]
    pieces.append(text[pos:b])
    return "".join(pieces)
