"""Mentions of people and bodies in prose: the candidates for who is speaking.

A mention is a known person (``data/people.txt``, or an author in the
catalogue), an unknown capitalised name directly before a verb of saying, a
party or Comintern congress, or the pronoun "he" / "she".
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from citecheck.extract.dates import _CONGRESS, _ORDINALS
from citecheck.extract.names import People
from citecheck.extract.spans import Spans

_BODY_NAME_RE = regex.compile(r"\D")
_JOIN_PAIRS_RE = regex.compile(r"\s+(?:and|&)\s+")

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue

SPEECH_VERBS = (
    "said|says|say|told|tells|wrote|writes|write|declared|declares|remarked|remarks|explained|explains|argued|argues|"
    "warned|warns|noted|notes|observed|observes|stated|states|commented|comments|insisted|insists|added|adds|"
    "replied|replies|asked|asks|answered|announced|proclaimed|proclaims|described|describes|characterised|"
    "characterized|characterise|characterize|called|calls|claimed|claims|complained|complains|admitted|admits|"
    "conceded|concedes|concluded|concludes|demanded|demands|suggested|suggests|vowed|recalled|recalls|"
    "reiterated|exclaimed|defined|defines|urged|predicted|retorted|responded|acknowledged|confessed|"
    "expressed|denounced|put\\s+it|puts\\s+it|pointed\\s+out|points\\s+out|summed\\s+up|sums\\s+up|"
    "made\\s+the\\s+point|makes\\s+the\\s+point|sounded|spoke|speaks|cried|thundered|protested|objected|"
    "recognised|recognized|feared|fears|believed|believes|considered|considers|maintained|maintains|"
    "commented|testified|recorded|records|reported|reports|insisted|affirmed|emphasised|emphasized|stressed"
)
SPEECH_VERB = regex.compile(rf"\b(?:{SPEECH_VERBS})\b")
SPEECH_NOUNS = frozenset(
    "remarks remark words comments comment view views argument arguments claim statement phrase formula letter "
    "article speech testament report reply answer warning advice thesis theses opinion judgement judgment "
    "conclusion estimation assessment verdict description definition slogan proposal question".split()
)
_CAP_SEQ = regex.compile(
    r"\b(?:(?:\p{Lu}{1,3}|(?:\p{Lu}\.\s?)+)\s+)?\p{Lu}[\p{Ll}’'-]+(?:[-\s]\p{Lu}[\p{Ll}’'-]+){0,2}(?P<poss>[’']s\b)?"
)
_NEXT_WORD = regex.compile(r"\s+([\p{L}]+)")
_PRONOUN = regex.compile(r"\b(?P<p>[Hh]e|[Ss]he)\b")
_NOT_NAMES = frozenset(
    """The A An And But Or If In On At As By For From To Of With Without When While Where Which Who What Why How
    This That These Those There Their They Them It Its He She His Her We Our You Your I My Me Yet So Thus Hence
    Although Though Since After Before During Under Over Between Among Against Indeed However Nevertheless Moreover
    Soviet Soviets Russia Russian Russians Bolshevik Bolsheviks Menshevik Mensheviks Communist Communists Party
    Congress Moscow Petrograd Europe European Germany German Britain British France French America American
    Marxist Marxists Marxism Leninism Stalinism Trotskyism Trotskyist Stalinist Stalinists Revolution October
    February March April May June July August September October November December January NEP Red White Whites
    Reds Cheka Politburo Comintern International State Opposition Left Right Workers Worker Central Committee
    Old Guard Civil War World Kronstadt Kronshtadt Georgian Georgia Great God Tsar Tsarist Union Republic""".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of someone who could be speaking (view offsets)."""

    start: int
    end: int
    name: str
    kind: str  # "person" | "body" | "pronoun"
    possessive: bool = False
    #: a possessive followed by a word of speech ("Marx’s remarks", "Lenin’s argument")
    speech_possessive: bool = False


class MentionIndex:
    """The mentions of a document, found one block at a time, the first time a block is asked about.

    Speakers are looked for only near quotations, so most blocks of a long
    essay (and all its notes) are never searched.
    """

    def __init__(
        self, text: str, blocks: Sequence[tuple[int, int]], people: People, catalogue: Catalogue | None = None
    ) -> None:
        self._text, self._people, self._catalogue = text, people, catalogue
        self._blocks = sorted(blocks)
        self._block_starts = [a for a, _ in self._blocks]
        self._found: dict[int, tuple[list[Mention], list[int]]] = {}

    def in_range(self, a: int, b: int) -> list[Mention]:
        """Mentions that start within ``[a, b)``, in order."""
        out: list[Mention] = []
        i = max(0, bisect.bisect_right(self._block_starts, a) - 1)
        while i < len(self._blocks) and self._blocks[i][0] < b:
            if self._blocks[i][1] > a:
                mentions, starts = self._block(i)
                out.extend(mentions[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)])
            i += 1
        return out

    def _block(self, i: int) -> tuple[list[Mention], list[int]]:
        if i not in self._found:
            lo, hi = self._blocks[i]
            mentions = find_mentions(self._text, lo, hi, self._people, self._catalogue)
            self._found[i] = (mentions, [m.start for m in mentions])
        return self._found[i]


def find_mentions(text: str, lo: int, hi: int, people: People, catalogue: Catalogue | None = None) -> list[Mention]:
    """Mentions in ``text[lo:hi]``, in order; "Marx and Engels" is one mention."""
    out: list[Mention] = []
    for m in _CONGRESS.finditer(text, lo, hi):
        out.append(Mention(m.start(), m.end(), _body_name(m), "body"))
    bodies = Spans((b.start, b.end) for b in out) if out else None
    for m in _CAP_SEQ.finditer(text, lo, hi):
        if bodies is not None and bodies.contains(m.start()):
            continue
        poss = m.group().endswith(("’s", "'s"))
        raw = m.group()[:-2] if poss else m.group()
        name = _person_name(raw, text, m.end(), people, catalogue)
        if name is None:
            continue
        nxt = _NEXT_WORD.match(text, m.end(), m.end() + 30) if poss else None
        speechy = nxt is not None and nxt.group(1).lower() in SPEECH_NOUNS
        out.append(Mention(m.start(), m.end(), name, "person", poss, speechy))
    for m in _PRONOUN.finditer(text, lo, hi):
        out.append(Mention(m.start(), m.end(), m.group("p").lower(), "pronoun"))
    out.sort(key=lambda x: x.start)
    return _join_pairs(text, out)


def _person_name(raw: str, text: str, end: int, people: People, catalogue: Catalogue | None) -> str | None:
    toks = raw.split()
    if not toks or (toks[0] in _NOT_NAMES and len(toks) == 1):
        return None
    while toks and toks[0] in _NOT_NAMES:
        toks = toks[1:]
    if not toks:
        return None
    cand = " ".join(toks)
    known = people.lookup(cand)
    if known is not None:
        return known
    if catalogue is not None:
        author = catalogue.canonical_author(toks[-1])
        if author:
            return author.split(",")[0]
    if SPEECH_VERB.match(text, end + 1) and toks[-1] not in _NOT_NAMES and len(toks[-1]) > 2:
        return toks[-1]
    return None


def _body_name(m: regex.Match[str]) -> str:
    raw = m.group("ord").lower()
    n = _ORDINALS.get(raw) or int(_BODY_NAME_RE.sub("", raw))
    kind = m.group("kind").title()
    if m.group("ci"):
        return f"{_ordinal(n)} {kind} of the Comintern"
    return f"{_ordinal(n)} Party {kind}"


def _ordinal(n: int) -> str:
    words = {v: k for k, v in _ORDINALS.items()}
    return words.get(n, str(n)).title()


def _join_pairs(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and m.kind == out[-1].kind == "person"
            and not out[-1].possessive
            and _JOIN_PAIRS_RE.fullmatch(text[out[-1].end : m.start])
        ):
            prev = out.pop()
            out.append(
                Mention(prev.start, m.end, f"{prev.name} and {m.name}", "person", m.possessive, m.speech_possessive)
            )
        else:
            out.append(m)
    return out
