"""Who speaks: the people (and bodies) a document names, and the cues that give a quotation its speaker.

**Mentions.** Every run of capitalised words is a candidate name (``Lenin``, ``Michael Albert``,
``the Tenth Party Congress``, ``Marx and Engels``). It is a name of someone who can be quoted when
it is the subject of a verb of saying or writing (``citecheck/data/speech.txt``), the owner of
words (``Trotsky's warning``), or starts with a given name; a capitalised word the document also
writes in lower case (``Socialism`` / ``socialism``) names nobody. ``data/people.txt`` only
normalises spellings: anyone the text names is visible. A first name alone (``Michael``) stands
for the full name seen with it (``Michael Albert``), and a surname for its full name.

**Cues** (every cue has word boundaries): ``NAME verb …“…”``, ``“…,” verb NAME`` / ``“…,”
NAME verb``, ``NAME: “…”``, ``according to NAME``, ``in NAME's words``, ``NAME's noun``, and a
pronoun subject (``he warned``) standing for the last person named. For a block quotation the cue
is in the sentence introducing it (ending in a colon).

Everything is linear: mentions are found in one pass and looked up by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from citecheck.extract.names import default_people
from citecheck.models import TextView

_NAME = regex.compile(
    r"(?<![\p{L}\p{N}’'-])(?:(?:[Tt]he\s++)?(?:\p{Lu}[\p{Ll}\p{Lu}’'\-]*+\.?|\p{Lu}\.)"
    r"(?:(?:\s++|\s*+-\s*+)(?:(?:of|the|de|van|von|der|den|la|le|du|da|di|and|&)\s++)?(?:\p{Lu}[\p{Ll}\p{Lu}’'\-]*+\.?|\p{Lu}\.)){0,5}+)"
)
_POSSESSIVE = regex.compile(r"^(?:['’]s?)\s*+")
_WORDS = regex.compile(r"[\p{L}’'-]+")


@lru_cache(maxsize=1)
def speech_words() -> dict[str, frozenset[str]]:
    """The classes of ``citecheck/data/speech.txt``: verb, noun, pronoun."""
    text = resources.files("citecheck").joinpath("data/speech.txt").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and ":" in line:
            k, _, v = line.partition(":")
            out[k.strip()] = frozenset(v.split())
    return out


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    text = resources.files("citecheck").joinpath("data/not_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _given() -> frozenset[str]:
    text = resources.files("citecheck").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text (view offsets), with the display name it stands for."""

    start: int
    end: int
    name: str
    #: True when followed by a possessive ('s).
    possessive: bool = False
    #: True for he/she/they (resolved later).
    pronoun: bool = False


class People:
    """The names of one document, findable by position."""

    def __init__(self, view: TextView, authors: Sequence[str] = ()) -> None:
        self.text = view.text
        text = self.text
        verbs = speech_words()["verb"]
        nouns = speech_words()["noun"]
        not_names = _not_names()
        lower_words = _lower_vocabulary(text)
        full_by_first: dict[str, str] = {}
        full_by_last: dict[str, str] = {}
        raw: list[tuple[int, int, list[str], bool]] = []
        for m in _NAME.finditer(text):
            words = m.group().split()
            s, e = m.start(), m.end()
            while words and (words[0] in not_names or words[0].lower() in ("the", "and", "of")):
                s = text.index(words[0], s) + len(words[0])
                words = words[1:]
            while words and words[-1].lower() in ("the", "and", "of", "&", "de", "van", "von"):
                words = words[:-1]
            if not words:
                continue
            s = text.index(words[0], s)
            e = text.rindex(words[-1], s, e) + len(words[-1])
            after = text[e : e + 30]
            poss = False
            if after[:1] in "'’":
                poss = True
            nxt = _WORDS.findall(after[:30])
            next_word = nxt[0].lower() if nxt and not poss else (nxt[1].lower() if poss and len(nxt) > 1 else "")
            first = words[0].rstrip(".")
            keep = (
                (next_word in verbs and not poss)
                or (poss and next_word in nouns)
                or first in _given()
                or (len(words) >= 2 and not all(w.lower() in lower_words for w in words))
                or default_people().is_known(words[-1])
                or (len(words) == 1 and words[0].lower() not in lower_words and not _sentence_initial(text, s))
            )
            if not keep or (len(words) == 1 and words[0] in not_names):
                continue
            raw.append((s, e, words, poss))
            if len(words) >= 2 and first in _given():
                full_by_first.setdefault(first, " ".join(words))
            if len(words) >= 2:
                full_by_last.setdefault(words[-1], " ".join(words))
        for a in authors:
            parts = a.replace(",", " ").split()
            if parts:
                full_by_last.setdefault(parts[0] if "," in a else parts[-1], a)
        self.mentions: list[Mention] = []
        for s, e, words, poss in raw:
            name = " ".join(words)
            if len(words) == 1 and words[0] in full_by_first:
                name = full_by_first[words[0]]
            self.mentions.append(Mention(s, e, display(name), poss))
        for m in _PRONOUN.finditer(text):
            self.mentions.append(Mention(m.start(), m.end(), m.group().lower(), pronoun=True))
        self.mentions.sort(key=lambda x: x.start)
        self.starts = [x.start for x in self.mentions]

    def between(self, s: int, e: int) -> list[Mention]:
        """Mentions starting in ``[s, e)``."""
        i = bisect.bisect_left(self.starts, s)
        j = bisect.bisect_left(self.starts, e)
        return self.mentions[i:j]

    def resolve(self, m: Mention) -> str | None:
        """The person a pronoun mention stands for: the last name before it (within 1,500 characters)."""
        return self.last_person_before(m.start, max(0, m.start - 1500))

    def last_person_before(self, pos: int, floor: int) -> str | None:
        """The last name (not a pronoun) mentioned before ``pos`` and after ``floor``."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            m = self.mentions[i]
            if not m.pronoun:
                return m.name
            i -= 1
        return None


_PRONOUN = regex.compile(r"\b(?:he|she|they|He|She|They)\b")


def _sentence_initial(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and text[k] in " \t\"“‘'(*_":
        k -= 1
    return k < 0 or text[k] in ".!?\n:"


def _lower_vocabulary(text: str) -> frozenset[str]:
    """Words the document writes in lower case (so a capitalised one is a common word, not a name)."""
    return frozenset(w for w in regex.findall(r"(?<![\p{L}])\p{Ll}[\p{Ll}’'-]*+", text))


def display(name: str) -> str:
    """How a speaker is reported: a person by the surname (``Michael Albert`` -> ``Albert``), people
    from the people list by their known name, a body (``Tenth Party Congress``) in full."""
    words = name.replace("’s", "").split()
    if not words:
        return name
    known = default_people().lookup(name)
    if known:
        return known
    if " and " in f" {name} " or "&" in name:
        return name
    if any(w.lower() in ("of", "the") for w in words[1:]) or len(words) > 3:
        return name
    if words[0].rstrip(".") in _given() or all(len(w.rstrip(".")) <= 2 for w in words[:-1]):
        return words[-1]
    return name


@dataclass(frozen=True, slots=True)
class Cue:
    """Who speaks, and how sure the text is: ``strong`` (a verb or possessive cue) or ``weak``."""

    name: str
    strength: str


_AFTER_QUOTE = 60


def cue_before(people: People, text: str, lo: int, open_mark: int) -> Cue | None:
    """A cue in ``text[lo:open_mark]``: the last name (or pronoun) there that speaks."""
    verbs = speech_words()["verb"]
    nouns = speech_words()["noun"]
    best: Cue | None = None
    for m in people.between(max(lo, open_mark - 400), open_mark):
        gap = text[m.end : open_mark]
        words = [w.lower() for w in _WORDS.findall(gap[:80])]
        speaks = False
        if m.possessive:
            speaks = len(words) > 1 and words[1] in nouns
        elif words and (words[0] in verbs or (len(words) > 1 and words[0].endswith("ly") and words[1] in verbs)):
            speaks = True
        elif gap.strip() in (":", ",:") or gap.strip().startswith(":"):
            speaks = True
        before = text[max(lo, m.start - 20) : m.start].lower()
        if before.rstrip().endswith("according to") or before.rstrip().endswith(" by"):
            speaks = True
        if regex.search(r"\bin\s*+$", before) and m.possessive:
            speaks = True  # in Lenin's words
        if speaks:
            name = people.resolve(m) if m.pronoun else m.name
            if name:
                best = Cue(name, "strong")
    return best


def cue_after(people: People, text: str, close_mark: int, hi: int) -> Cue | None:
    """A cue right after the closing mark: ``“…,” said Lenin`` / ``“…,” Michael says`` / ``he warned``."""
    verbs = speech_words()["verb"]
    seg_end = min(hi, close_mark + _AFTER_QUOTE)
    seg = text[close_mark:seg_end]
    if not seg[:3].strip(" ,.—-–;") == "" and not seg.lstrip().startswith((",", "—", "-", "–")):
        if not seg[:1].isspace():
            return None
    ms = people.between(close_mark, seg_end)
    if not ms:
        return None
    m = ms[0]
    pre = [w.lower() for w in _WORDS.findall(text[close_mark : m.start])]
    post = [w.lower() for w in _WORDS.findall(text[m.end : m.end + 30])]
    if (pre and pre[-1] in verbs and len(pre) <= 2) or (not pre and post and post[0] in verbs) or (
        len(pre) == 1 and pre[0] == "as" and post and post[0] in verbs
    ):
        name = people.resolve(m) if m.pronoun else m.name
        return Cue(name, "strong") if name else None
    return None
