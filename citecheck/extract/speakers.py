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
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from citecheck.extract.grammar.features import given_names, word_classes
from citecheck.extract.grammar.tokens import is_roman
from citecheck.extract.names import default_people, surname_first
from citecheck.models import TextView

# a first word may end in a plural's apostrophe when a capitalised word follows: "Workers' Opposition"
_NAME = regex.compile(
    r"(?<![\p{L}\p{N}’'-])(?:(?:[Tt]he\s++)?(?:(?:\p{Lu}\.){1,4}+|\p{Lu}[\p{Ll}\p{Lu}\-]*+"
    r"(?:['’](?!s\b)[\p{L}]++|(?<=s)['’](?=[ \t]++\p{Lu}))?)"
    r"(?:(?:[ \t]++|[ \t]*+\n[ \t]*+)(?:(?:of|the|de|van|von|der|den|la|le|du|da|di|and|&)\s++)?"
    r"(?:(?:\p{Lu}\.){1,4}+|\p{Lu}[\p{Ll}\p{Lu}\-]*+(?:['’](?!s\b)[\p{L}]++)?)){0,5}+)"
)
# two capitalised words: a first name and a surname ("Murray Bookchin"), read overlapping
_NAME_PAIR = regex.compile(r"(?<![\p{L}\p{N}_])(\p{Lu}[\p{L}'’-]*+)\s++(\p{Lu}\p{Ll}++)\b")
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


@lru_cache(maxsize=8)
def word_alternation(cls: str) -> str:
    """A regular-expression alternation of the words of class ``cls`` of ``citecheck/data/speech.txt``,
    longest first ("+" joins the words of a phrase: ``calling+for``)."""
    words = sorted(speech_words().get(cls, frozenset()), key=lambda w: (-len(w), w))
    return "|".join(r"\s++".join(map(regex.escape, w.split("+"))) for w in words)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    text = resources.files("citecheck").joinpath("data/not_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _given() -> frozenset[str]:
    return given_names()


class Mention(NamedTuple):
    """A name in the text (view offsets), with the display name it stands for.

    A named tuple rather than a frozen dataclass: a document makes thousands, and a tuple is built
    several times faster."""

    start: int
    end: int
    name: str
    #: True when followed by a possessive ('s).
    possessive: bool = False
    #: True for he/she/they (resolved later).
    pronoun: bool = False
    #: True when the text treats it as a person or body who speaks (a given name, a speech verb or
    #: possessive cue anywhere in the document, the people list, an author of a reference).
    person: bool = False
    #: True for a body that issues documents: a congress, a conference, a committee, a council.
    body: bool = False


class People:
    """The names of one document, findable by position."""

    def __init__(
        self,
        view: TextView,
        authors: Sequence[str] = (),
        opaque: Sequence[tuple[int, int]] = (),
        regions: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """Find the names of ``view``; ``opaque`` spans (quotations, titles in italics) hold none.

        ``regions`` (sorted, disjoint) limit the search to where a speaker or an author is looked
        for (around quotations and references); None searches the whole text.
        """
        self.text = view.text
        hidden = sorted(opaque)
        hidden_starts = [s for s, _ in hidden]
        text = self.text
        verbs = speech_words()["verb"]
        nouns = speech_words()["noun"]
        not_names = _not_names()
        lower_words = _lower_vocabulary(text)
        given = _given()
        known = _known_person
        full_by_first: dict[str, str] = {}
        full_by_last: dict[str, str] = {}
        raw: list[tuple[int, int, list[str], bool]] = []
        speakers_seen: set[str] = set()
        finite = word_classes().get("prose", frozenset())  # "Vandermeer was …": a subject
        bodies = word_classes().get("organisation", frozenset())
        initial_only: list[int] = []  # single words seen so far only at the start of a sentence
        mid_caps: set[str] = set()
        spans = regions if regions is not None else [(0, len(text))]
        # the names of the cited authors: "Keller (1980: 9) disagrees" opens a sentence with a name
        author_names = {w for a in authors for w in a.replace(",", " ").split() if w[:1].isupper() and len(w) > 2}
        # what a run of capitalised words is, by the run: a name repeats, and all but where it stands
        # (is it hidden, does a verb follow) depends on its words alone
        read: dict[str, _Run | None] = {}
        for m in (m for a, b in spans for m in _NAME.finditer(text, a, b)):
            g = m.group()
            run = read.get(g, _UNREAD)
            if run is _UNREAD:
                run = read[g] = _read_run(g, not_names, given, lower_words)
            if run is None:
                continue
            s = m.start()
            if run.common and not _speaks_after(text, m.end(), verbs, nouns):
                continue  # one common word, capitalised; unless it speaks ("Cliff's claim", "Hill wrote")
            h = bisect.bisect_right(hidden_starts, s) - 1
            if h >= 0 and hidden[h][0] <= s < hidden[h][1]:
                continue
            words = run.words
            s, e = s + run.start, s + run.end
            nm = _NEXT.match(text, e)
            poss = bool(nm and nm.group(1))
            next_word = (nm.group(2) or "").lower() if nm else ""
            first = words[0].rstrip(".")
            cue = (next_word in verbs and not poss) or (poss and next_word in nouns)
            single_new = len(words) == 1 and words[0].lower() not in lower_words
            keep = (
                cue
                or first in _given()
                or (len(words) >= 2 and not all(w.lower() in lower_words for w in words))
                or known(words[-1])
                or single_new
            )
            if not keep or (len(words) == 1 and words[0] in not_names):
                continue
            if single_new and not (cue or first in given or known(first)) and _NUMBER_NEXT.match(text, e):
                continue  # "Catch 22", "Article 5": a thing with a number
            if single_new and not (cue or first in given or known(first) or first in author_names):
                if first.endswith("ly") and text[e : e + 1] in ",:" and _sentence_initial(text, s):
                    continue  # "Unfortunately: …"
                if _POSSESSED.search(text, max(0, s - 8), s):
                    continue  # "his Critique", "their Programme": a thing someone has

                if _sentence_initial(text, s):
                    # "Turning the tables, he …": a word capitalised only because it starts a sentence,
                    # unless the document also capitalises it elsewhere, or an aside or verb follows
                    # not "Similarly, he …", "Blanching, the Americans …"
                    aside = text[e : e + 1] == "," and not first.endswith(("ly", "ing", "ed"))
                    if not (aside or poss or next_word in finite):
                        initial_only.append(len(raw))
                else:
                    mid_caps.add(words[0])
            raw.append((s, e, words, poss))
            if cue:
                speakers_seen.add(words[-1])
            if len(words) >= 2 and first in _given():
                full_by_first.setdefault(first, " ".join(words))
            if (
                len(words) >= 2
                and (first in _given() or all(len(w.rstrip(".")) <= 2 for w in words[:-1]))
                and words[-1] not in _not_persons()  # "UE Stalinists" is no person's full name
            ):
                full_by_last.setdefault(words[-1], " ".join(words))
        dropped = {k for k in initial_only if raw[k][2][0] not in mid_caps}
        raw = [r for k, r in enumerate(raw) if k not in dropped]
        singles = {words[0] for _, _, words, _ in raw if len(words) == 1}
        alone = {w for w in singles if w in given}
        # "Murray" is no given name the list knows, but "Murray Bookchin" and "Bookchin" alone say it is one
        unplaced = {w for w in singles - alone if w not in full_by_last and not known(w) and w not in _not_persons()}
        speakers_named = speakers_seen | {w for a in authors for w in a.replace(",", " ").split()}
        # a first name alone near a quotation: the surname the text gives it most often, anywhere ("Michael"
        # is Michael Albert in a debate with him, though a Michael Fox is named once); one pass over the text
        pairs: dict[str, dict[str, int]] = {}
        if alone or unplaced:
            for w, sur in _pairs_of(text, alone | unplaced):
                if w in alone:
                    ok = sur not in not_names and sur.lower() not in lower_words
                else:
                    ok = w in unplaced and sur in singles and (sur in speakers_named or known(sur)) and sur != w
                if ok:
                    seen = pairs.setdefault(w, {})
                    seen[sur] = seen.get(sur, 0) + 1
        for w in sorted(pairs):
            seen = pairs[w]
            full_by_first[w] = f"{w} {max(seen, key=lambda x: seen[x])}"  # the first seen of equals: dicts keep order
        for a in authors:
            parts = a.replace(",", " ").split()
            if parts:
                full_by_last.setdefault(parts[0] if "," in a else parts[-1], a)
        self.mentions: list[Mention] = []
        named: dict[str, tuple[str, bool, bool, bool]] = {}  # by the words of a name: what it names (it repeats)
        for s, e, words, poss in raw:
            as_written = " ".join(words)
            found = named.get(as_written)
            if found is None:
                name = as_written
                if len(words) == 1 and words[0] in full_by_first:
                    name = full_by_first[words[0]]
                elif len(words) == 1 and words[0] in full_by_last:
                    name = full_by_last[words[0]]
                single = len(words) == 1 and name == words[0]
                place_or_party = (single and (words[0] in _not_persons() or _is_body(words, bodies))) or all(
                    len(w.rstrip(".")) <= 1 for w in name.split()
                )  # "U.S.", "U.K.": initials alone
                person = not place_or_party and (
                    words[0].rstrip(".") in _given()
                    or words[-1] in speakers_seen
                    or words[-1] in author_names
                    or known(words[-1])
                    or name != as_written
                    or _person_like(words, lower_words)
                )
                body = not person and _is_body(words, bodies)
                found = named[as_written] = (display(name), person, body, single)
            shown, person, body, single = found
            if (
                person
                and single
                and text[max(0, s - 4) : s].lower() == "the "
                and not known(words[0])
                and words[0] not in speakers_seen
                and words[0] not in author_names
            ):
                # "the Thermidor", "the Kremlin": one capitalised word after "the" is a thing, unless
                # known as a person or seen speaking
                person, body = False, _is_body(words, bodies)
            self.mentions.append(Mention(s, e, shown, poss, person=person, body=body))
        for lo, hi in spans:
            for cm in congresses(text, lo, hi):
                # a congress speaks ("the eighth party congress recognised …") but is never "he"
                self.mentions.append(Mention(cm.start(), cm.end(), _congress_name(cm.group()), body=True))
            for pm in _PRONOUN.finditer(text, lo, hi):
                self.mentions.append(Mention(pm.start(), pm.end(), pm.group().lower(), pronoun=True))
        self.mentions.sort(key=lambda x: x.start)
        self.starts = [x.start for x in self.mentions]
        self._persons = [i for i, x in enumerate(self.mentions) if not x.pronoun and x.person]
        self._person_starts = [self.mentions[i].start for i in self._persons]
        self._salience: dict[int, _Salience] = {}  # salient() by floor
        self._pronouns: dict[int, str | None] = {}
        self._resolve_pronouns()

    def between(self, s: int, e: int) -> list[Mention]:
        """Mentions starting in ``[s, e)``."""
        i = bisect.bisect_left(self.starts, s)
        j = bisect.bisect_left(self.starts, e)
        return self.mentions[i:j]

    def persons_between(self, s: int, e: int) -> Iterator[Mention]:
        """The mentions of people (not pronouns) starting in ``[s, e)``, in order, found by bisection."""
        k = bisect.bisect_left(self._person_starts, s)
        while k < len(self._person_starts) and self._person_starts[k] < e:
            yield self.mentions[self._persons[k]]
            k += 1

    def salient(self, pos: int, floor: int) -> str | None:
        """The person named most often in ``[floor, pos)``, by name or by pronoun (the latest of equals):
        who the passage is about."""
        # the mentions after one floor are counted once, for every quotation of the passage (_Salience)
        table = self._salience.get(floor)
        if table is None:
            table = self._salience[floor] = _Salience(bisect.bisect_left(self.starts, floor))
        return table.at(self, pos)

    def _counts_as(self, m: Mention) -> str | None:
        """Who mention ``m`` counts for in :meth:`salient`: nobody when named in passing, in an aside
        ("(which comrade Binh cited)"); for "he", the person it stands for."""
        if _in_aside(self.text, m.start):
            return None
        return self.resolve(m) if m.pronoun else (m.name if m.person else None)

    def resolve(self, m: Mention) -> str | None:
        """The person a pronoun mention stands for: the last name before it (within 1,500 characters),
        or, past a mere object, whom the same pronoun before it stood for ("Weber eluded the Nazis.
        He … was resisting Hitler. He had written …" is Weber)."""
        return self._pronouns[m.start]

    def _resolve_pronouns(self) -> None:
        # in document order, so that each pronoun's predecessor is resolved before it
        previous: dict[str, tuple[int, str | None]] = {}  # "he" / "she": the last one's position and person
        for m in self.mentions:
            if m.pronoun:
                chain = previous.get(m.name)
                if chain is not None and chain[0] < m.start - 1500:
                    chain = None
                self._pronouns[m.start] = who = self.last_person_before(m.start, max(0, m.start - 1500), chain)
                previous[m.name] = (m.start, who)

    def last_person_before(self, pos: int, floor: int, chain: tuple[int, str | None] | None = None) -> str | None:
        """The last person (not a pronoun, not a mere capitalised word) named before ``pos``, after
        ``floor``: a subject before an object ("in Trotsky's case, he …", "a bombshell for Stalin.
        He …" go back past the name after the preposition; "Lenin wrote, according to his secretary
        Fotieva, …. He …" past the relation), else the last person at all.

        ``chain`` (for a pronoun) is the position and resolution of the same pronoun before it: reached
        before any subject, it is the answer."""
        # only the people are walked back over: a passage of pronouns or bodies is not read per question
        k = bisect.bisect_left(self._person_starts, pos) - 1
        fallback: str | None = None
        while k >= 0 and self._person_starts[k] >= floor:
            i = self._persons[k]
            k -= 1
            m = self.mentions[i]
            if fallback is not None and m.start < pos - _PAST_OBJECT:
                break  # the subject before the object is too far back to be the one meant
            if chain is not None and chain[1] and m.start < chain[0]:
                return chain[1]
            if self._speaks_in_possessive(m) or not (
                _AFTER_PREPOSITION.search(self.text, max(0, m.start - 8), m.start)
                or _RELATION.search(self.text, max(0, m.start - 40), m.start)
                or _in_aside(self.text, m.start)
                or _AFTER_VERB.search(self.text, max(0, m.start - 24), m.start)
                or (m.possessive and self._subject_before(i))
            ):
                return m.name
            fallback = fallback or m.name
        if (
            chain is not None
            and chain[1]
            and chain[0] >= floor
            and (fallback is None or chain[0] >= pos - _PAST_OBJECT)
        ):
            return chain[1]  # the walk ran out of people before reaching the same pronoun before
        return fallback

    def _speaks_in_possessive(self, m: Mention) -> bool:
        """True for "Lenin's words", "Trotsky's warning": the one whose words these are is who a
        later "he" means, even after a preposition ("in Lenin's words …. He …")."""
        if not m.possessive:
            return False
        nm = _NEXT.match(self.text, m.end)
        return bool(nm and (nm.group(2) or "").lower() in speech_words()["noun"])

    def _subject_before(self, i: int) -> bool:
        """True when a person is named, not in the possessive, earlier in mention ``i``'s sentence
        ("Osinsky endorsed Shlyapnikov's idea. He …": Osinsky is the subject)."""
        m = self.mentions[i]
        k = i - 1
        while k >= 0:
            p = self.mentions[k]
            if _SENTENCE_END.search(self.text, p.end, m.start):
                return False
            if p.person and not p.pronoun and not p.possessive:
                return True
            k -= 1
        return False


class _Salience:
    """:meth:`People.salient` for one floor and every position after it.

    The mentions from the floor on are counted once, in order; after each, the name the count
    makes salient is kept, so a question is one bisection. Counting one more mention only raises
    its own name, to the latest position: that name is salient now when its count is at least the
    salient one's (of the same count and position, the first counted stays, as ``max`` keeps it).
    """

    def __init__(self, first: int) -> None:
        self.first = first  # the first mention at or after the floor (no reference to People: no cycle)
        self.after: list[str | None] = []  # the salient name after mentions first … first + k
        self.counts: dict[str, int] = {}
        self.last: dict[str, int] = {}
        self.order: dict[str, int] = {}
        self.top: str | None = None

    def at(self, people: People, pos: int) -> str | None:
        """The salient name of the mentions of ``people`` in ``[floor, pos)``."""
        j = bisect.bisect_left(people.starts, pos)
        while self.first + len(self.after) < j:
            m = people.mentions[self.first + len(self.after)]
            name = people._counts_as(m)
            if name:
                self.counts[name] = self.counts.get(name, 0) + 1
                self.last[name] = m.start
                self.order.setdefault(name, len(self.order))
                if self.top is None or self._rank(name) > self._rank(self.top):
                    self.top = name
            self.after.append(self.top)
        return self.after[j - self.first - 1] if j > self.first else None

    def _rank(self, name: str) -> tuple[int, int, int]:
        return self.counts[name], self.last[name], -self.order[name]


# nouns of ideas and qualities, which argue only figuratively
# an idea ("Anarchism", "Bureaucracy" is none): what a one-word run ends with
_ABSTRACT = tuple(f"{end}{s}" for end in ("ism", "ity", "tion", "ness", "ment") for s in ("", "s"))
# "He'd", "I’m": how a contraction starts
_CONTRACTION = tuple(f"{w}{q}" for w in "He She It I We They You That There What Who".split() for q in "'’")
# after a name: a possessive, then the next word ("Lenin wrote", "Trotsky's warning")
_NEXT = regex.compile(r"(['’]s?+)?[\s,]*+([\p{L}’'-]++)?")
_POSSESSED = regex.compile(r"\b(?:his|her|their|its|our|my|your)\s++$", regex.I)
_WRITTEN_BY = regex.compile(r"\b(?:authored|written|signed|penned|issued)\s++by\s++$")
# ", said Trotsky, would …": a verb of saying inverted between commas
_INVERTED = regex.compile(r"[,—–(]\s*+\p{Ll}++\s++$")


def before_verb(before: str) -> str:
    """The last word of ``before`` (lower case)."""
    words = _WORDS.findall(before)
    return words[-1].lower() if words else ""


_AUTHORS_SPLIT = regex.compile(r"\s+(?:and|&)\s+|;")
# "For Carr, the NEP was “…”": a sentence opening on whose view it gives
_FOR_VIEW = regex.compile(r"(?:^|[.!?:;]\s*+|\n\s*+)[Ff]or\s++$")
_ACCORDING_TO = regex.compile(r"according\s++to(?:\s++\p{Ll}++){0,3}\s*+$")
_IN_END = regex.compile(r"\bin\s*+$")
_LOWER_ONLY = regex.compile(r"[\s\p{Ll}'’]*+")
_TO_QUOTE = regex.compile(r"\b(?:re)?quot(?:e|ing)\s++$")
_REPROACHED = regex.compile(r"\b\p{Ll}++\s++$")
_FOR_DOING = regex.compile(r"\bfor\s++\p{Ll}{1,20}ing\b")
# "was resisting Hitler", "welcomed Trotsky": the object of a verb, not who a later "he" is
_AFTER_VERB = regex.compile(
    r"\b(?!(?:includ|regard|concern|follow|exclud|consider|involv|nam|call|titl|dubb|nicknam)(?:ed|ing))"
    r"\p{Ll}{2,}(?:ed|ing)[ \t]++$"
)  # not "including Sartre", "a man named Hale": who comes next may well be them
_PAST_OBJECT = 600
# "his stenographer Fotieva", "her friend Hale": someone's relation, named beside the one "he" stands for
_RELATION = regex.compile(r"\b(?:his|her|their)\s++\p{Ll}++\s++$", regex.I)
_NUMBER_NEXT = regex.compile(r"[ \t]++\d")
# a full stop, perhaps after a closing quotation mark, bracket or note marker, then a space
_SENTENCE_END = regex.compile(r"[.!?][\"”’')\]]*+(?:\[\^?[\w-]++\])*+\s")
_AFTER_PREPOSITION = regex.compile(r"\b(?:in|of|on|for|to|with|about|from|at|by|into)\s++$", regex.I)
_PRONOUN = regex.compile(r"\b(?:he|she|He|She)\b")
_CONGRESS = regex.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|\d{1,2}(?:st|nd|rd|th))\s++(?:(?:party|all-russian|soviet|comintern|communist)\s++)?"
    r"(?:congress|conference|plenum))\b",
    regex.I,
)

# what every _CONGRESS match ends with
_CONGRESS_WORD = regex.compile(r"(?:congress|conference|plenum)", regex.I)


def congresses(text: str, lo: int, hi: int) -> Iterator[regex.Match[str]]:
    """The matches of ``_CONGRESS.finditer(text, lo, hi)``, found by scanning only just before each
    "congress", "conference" or "plenum" instead of trying the long ordinal alternation everywhere.

    Every match ends with one of these words and holds no other: an ordinal (at most 10 characters),
    white space, perhaps one word (at most 11), white space, the word. So the matches ending at an
    occurrence start no earlier than :func:`_reach_back` of it, and searching that window, up to one
    character past the word (which its closing ``\\b`` reads), finds exactly them.
    """
    pos = lo
    for k in _CONGRESS_WORD.finditer(text, lo, hi):
        if k.start() < pos:
            continue
        m = _CONGRESS.search(text, max(pos, _reach_back(text, k.start(), lo)), min(hi, k.end() + 1))
        if m is not None:
            yield m
            pos = m.end()


def _reach_back(text: str, at: int, lo: int) -> int:
    """A position at or before where an ordinal, white space, a word and white space ending at
    ``at`` can start (not before ``lo``): twice, skip white space back, then at most 12 other characters."""
    j = at
    for _ in range(2):
        while j > lo and text[j - 1].isspace():  # str.isspace holds for every character regex's \s matches
            j -= 1
        stop = max(lo, j - 12)
        while j > stop and not text[j - 1].isspace():
            j -= 1
    return j


def _congress_name(s: str) -> str:
    """``the eighth party congress`` -> ``Eighth Party Congress``."""
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


@lru_cache(maxsize=1)
def _not_persons() -> frozenset[str]:
    """Places, peoples, movements and named bodies: never a "he" or "she"."""
    return _word_list("not_persons.txt") | _bodies()


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Named bodies that issue documents and speak (``citecheck/data/bodies.txt``)."""
    return _word_list("bodies.txt")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("citecheck").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of capitalised words (a match of ``_NAME``) read as a name, apart from where it stands."""

    #: The words of the name, leading and trailing small words ("The", "and", "Like") dropped.
    words: list[str]
    #: Where the name starts and ends in the run.
    start: int
    end: int
    #: One common word capitalised ("Socialism"): a name only when a verb of saying follows it.
    common: bool


_UNREAD = _Run([], 0, 0, common=False)  # not read yet (a run read as no name is None)


def _read_run(g: str, not_names: frozenset[str], given: frozenset[str], lower_words: frozenset[str]) -> _Run | None:
    """The name in the run of capitalised words ``g``, or None when it holds none wherever it stands."""
    if g in not_names or g.startswith(_CONTRACTION):
        return None  # the common case: a capitalised word starting a sentence; or "He'd", "I'm"
    common = False
    if " " not in g and "\n" not in g and g not in given and not _known_person(g):
        if g.endswith(_ABSTRACT):  # a run of one word ends with a letter or a full stop, never a line break
            return None  # an idea ("Anarchism argues …"): nobody speaks
        common = g.lower() in lower_words
    words = g.split()
    s = 0
    while words and (
        words[0] in not_names
        or words[0].lower() in ("the", "and", "of")
        or (len(words) > 1 and words[0].lower() in lower_words)  # "Nonetheless Murray", "Like Lenin"
    ):
        s = g.index(words[0], s) + len(words[0])
        words = words[1:]
    if len(words) > 2 and words[-1] == "I" and words[-2].lower() == "and":
        words = words[:-2]  # "Michael and I"
    while words and words[-1].lower() in ("the", "and", "of", "&", "de", "van", "von"):
        words = words[:-1]
    if not words:
        return None
    s = g.index(words[0], s)
    return _Run(words, s, g.rindex(words[-1], s) + len(words[-1]), common)


#: Up to this many first words, each one's pairs are found where it occurs; more, in one pass over the text.
_FEW_FIRSTS = 16


def _pairs_of(text: str, firsts: set[str]) -> Iterator[tuple[str, str]]:
    """The (first word, second word) of each match of ``_NAME_PAIR`` in ``text`` (overlapped) whose
    first word is one of ``firsts``: each first word's in the order of the text.

    A match's first word is a whole run of letters starting where the match does, so the matches
    of a few words are found at their occurrences (``str.find``) instead of trying every position.
    """
    if len(firsts) > _FEW_FIRSTS:
        for pm in _NAME_PAIR.finditer(text, overlapped=True):
            if pm.group(1) in firsts:
                yield pm.group(1), pm.group(2)
        return
    for w in sorted(firsts):
        at = text.find(w)
        while at >= 0:
            pm = _NAME_PAIR.match(text, at)
            if pm is not None and pm.group(1) == w:
                yield w, pm.group(2)
            at = text.find(w, at + 1)


def _is_body(words: list[str], organisations: frozenset[str]) -> bool:
    """A body: a name ending in an organisation word, a listed body, or an acronym not a place."""
    last = words[-1]
    acronym = 2 <= len(last) <= 8 and last.isupper() and last.isalpha() and last not in _not_persons()
    return last.lower() in organisations or last in _bodies() or acronym


def _person_like(words: list[str], lower_words: frozenset[str]) -> bool:
    """A name that can be a "he" or "she": no word a place, a people or a body, none a common word."""
    from citecheck.extract.grammar.features import word_classes

    bodies = word_classes().get("organisation", frozenset())
    return (
        len(words) <= 3
        and not any(
            w in _not_persons() or w in _not_names() or w.lower() in bodies or w.lower().removesuffix("s") in bodies
            for w in words
        )
        and not all(w.lower() in lower_words for w in words)
    )


def _speaks_after(text: str, e: int, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """True when a verb of saying, or a possessive and a noun of saying, follows ``text[:e]``."""
    nm = _NEXT.match(text, e)
    if nm is None:
        return False
    nxt = (nm.group(2) or "").lower()
    return (nxt in nouns) if nm.group(1) else (nxt in verbs)


@lru_cache(maxsize=65536)
def _known_person(word: str) -> bool:
    """True when the people list knows ``word`` (a name or an accepted spelling)."""
    return default_people().is_known(word)


def _in_aside(text: str, pos: int) -> bool:
    """True when ``pos`` is inside parentheses opened at most 120 characters before it."""
    seg = text[max(0, pos - 120) : pos]
    return seg.rfind("(") > seg.rfind(")")


def _sentence_initial(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and (text[k].isspace() or text[k] in "\"“‘'(*_”’"):
        k -= 1
    return k < 0 or text[k] in ".!?\n:"


# lower-case words (the standard library's engine: a plain character class is all this needs, fast)
_LOWER = re.compile(r"(?<!\w)[^\W\d_A-Z\u00C0-\u00DE][\w'’-]*")


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(map(chr, range(0xC0, 0xDF))))


def _lower_vocabulary(text: str) -> frozenset[str]:
    """Words the document writes in lower case (so a capitalised one is a common word, not a name)."""
    # _LOWER.findall(text), read once per distinct space-separated token (no match crosses white space,
    # and its look-behind sees the same character): a token of letters is all one word or none
    # a word with punctuation around it ("word,", "(word", "“word”.") is read as that word: the
    # punctuation stripped is no word character, apostrophe or hyphen, so _LOWER finds the word alone
    out: list[str] = []
    for tok in set(text.split()):
        if tok.isalpha():
            if tok[0] not in _CAPITALS:
                out.append(tok)
            continue
        core = tok.strip(_EDGE)
        if core.isalpha():
            if core[0] not in _CAPITALS:
                out.append(core)
        else:
            out.extend(_LOWER.findall(tok))
    return frozenset(out)


#: Punctuation around a word: none of it a word character (``\w``), an apostrophe or a hyphen.
_EDGE = ',.;:!?()[]{}"“”‘«»*…/'


def person_name(author: str) -> str:
    """A display name from an author as written: ``Lenin, V. I.`` -> ``V. I. Lenin`` (the first of several)."""
    first = str(_AUTHORS_SPLIT.split(author)[0]).strip()
    if "," in first:
        sur, _, given = first.partition(",")
        return f"{given.strip()} {sur.strip()}".strip()
    if surname_first(first):
        sur, _, given = first.partition(" ")
        return f"{given.strip()} {sur}"  # "Ленин В. И." (GOST) is В. И. Ленин
    return first


# "Carr, E.H.", "Lenin, V. I.", "Deutscher, Isaac": a surname, a comma, then given names or initials
_SURNAME_COMMA_GIVEN = regex.compile(r"^\p{Lu}[\p{L}'’-]++,\s*+(?:\p{Lu}[\p{L}]*+\.?+\s*+){1,3}$")
_DOTTED_INITIALS = regex.compile(r"^(?:\p{Lu}\.){2,3}$")


@lru_cache(maxsize=16384)
def display(name: str) -> str:
    """How a speaker is reported: a person by the surname (``Michael Albert`` -> ``Albert``), people
    from the people list by their known name, a body (``Tenth Party Congress``) in full."""
    if " and " in f" {name} " or "&" in name:
        return name
    if _SURNAME_COMMA_GIVEN.match(name):
        name = person_name(name)  # an author as a reference writes it: "Carr, E.H." is E.H. Carr
    words = name.replace("’s", "").split()
    if not words:
        return name
    known = default_people().lookup(name)
    if known:
        return known
    if any(w.lower() in ("of", "the") for w in words[1:]) or len(words) > 3 or is_roman(words[-1]):
        return name  # "Nicholas II" is no "II"
    if words[0].rstrip(".") in _given() or all(len(w.rstrip(".")) <= 2 for w in words[:-1]):
        return words[-1]
    if all(_DOTTED_INITIALS.match(w) for w in words[:-1]) and _person_like(words[-1:], frozenset()):
        return words[-1]
    if len(words) == 2 and _person_like(words, frozenset()) and words[-1] not in _not_names():
        return words[-1]  # "Ilse Vandermeer": a given name the list does not know
    return name


@dataclass(frozen=True, slots=True)
class Cue:
    """Who speaks, and how sure the text is: ``strong`` (a verb or possessive cue) or ``weak``."""

    name: str
    strength: str
    #: True when the speaker is a body (a congress, a committee): it speaks, but writes no book.
    body: bool = False


_AFTER_QUOTE = 60


_AUX = frozenset(
    "has had have would once later also then famously rightly correctly memorably himself herself always often "
    "to".split()  # "led Lenin to describe Russia as …"
)
_OF_CUE = regex.compile(
    r"\b(?:words|phrase|view|verdict|description|judgement|judgment|formulation|opinion)\s++of\s*+$"
    r"|\b(?:passage|passages|lines|sentence|quotation)\s++(?:in|from|of|by)\s*+$",  # "the passage in Marx"
    regex.I,
)
_CLAUSE_START = regex.compile(r"(?:^|[.;:!?—–(]|,\s*+(?:and|but|as|while|when))\s*+$")


# "The Kronstadt sailors demanded …", "The resolution declared that …" before a quotation: a common
# noun phrase, then a word checked against the verbs of saying afterwards (a pattern holding every
# verb takes long to compile)
_COMMON_SUBJECT = regex.compile(
    r"(?:^|(?<=[.;:!?—]\s*+))\s*+(?:[Tt]he|[Tt]hese|[Tt]hose|[Mm]any|[Ss]ome|[Aa]ll\s++the)\s++"
    r"(?P<phrase>(?:\p{Lu}[\p{L}'’\-]*+\s++){0,3}(?P<noun>\p{Ll}[\p{Ll}\-]++))\s++(?:\p{Ll}++ly\s++)?"
    r"(?P<verb>\p{Ll}++)\b[^“\"«.;!?]{0,60}+$"
)


def common_subject(text: str, lo: int, open_mark: int) -> tuple[str | None] | None:
    """The subject of the clause before a quotation when it is a common noun phrase with a verb of
    saying: ``(group,)`` for people in the plural ("The Kronstadt sailors demanded “…”": "Kronstadt
    sailors"), ``(None,)`` for a thing that speaks ("The resolution declared that “…”": nobody the
    text names); None when the clause has no such subject (a name, a pronoun, no verb)."""
    verbs = speech_words()["verb"]
    m = next(
        (
            m
            for m in _COMMON_SUBJECT.finditer(text, max(lo, open_mark - 200), open_mark, overlapped=True)
            if m.group("verb") in verbs
        ),
        None,
    )
    if m is None:
        return None
    noun = m.group("noun")
    if noun in speech_words().get("group", frozenset()):
        return (" ".join(m.group("phrase").split()),)
    return (None,)


def cue_before(people: People, text: str, lo: int, open_mark: int) -> Cue | None:
    """A cue in ``text[lo:open_mark]``: the name (or pronoun) there nearest the quotation that speaks.

    ``NAME (aux/adverb)* verb …``, ``NAME, aside, verb``, ``NAME's noun``, ``according to NAME``,
    ``the words of NAME``, ``in NAME's words``, ``NAME: “…”`` at the start of a clause.
    """
    verbs = speech_words()["verb"]
    nouns = speech_words()["noun"]
    best: Cue | None = None
    clause = False  # the cue so far opens a that-clause: "Cliff's claim that Lenin's book displayed “…”"
    for m in people.between(max(lo, open_mark - 400), open_mark):
        gap = text[m.end : open_mark]
        head = gap[:120]
        words = [w.lower() for w in _WORDS.findall(head)]
        speaks = False
        opens = False
        if m.possessive:
            speaks = len(words) > 1 and words[1] in nouns and not clause
            opens = speaks and words[2:3] == ["that"]
        else:
            k = 0
            while k < len(words) and (
                words[k] in _AUX or (words[k] in ("was", "is") and words[k + 1 : k + 2] == ["to"])
            ):
                k += 2 if words[k] in ("was", "is") else 1  # "Lenin was to say:"

            upto = head[: head.find(words[k]) if k < len(words) and words[k] in head else 0]
            direct = "," not in upto and "]" not in upto and ")" not in upto  # not from inside an aside
            # "the class Marx had written about no longer existed: “…”" names a topic; "spoke of “…”" quotes
            topic = k + 1 < len(words) and words[k + 1] in ("about", "of") and len(words) - k - 2 > 0
            if (
                direct
                and not topic
                and k < len(words)
                and (words[k] in verbs or (words[k].endswith("ly") and k + 1 < len(words) and words[k + 1] in verbs))
            ) or (k < len(words) and words[k] == "who" and len(words) > k + 1 and words[k + 1] in verbs):
                speaks = True
                opens = words[k + 1 : k + 2] == ["that"]
            elif _conjoined_verb(words, verbs) and not _CLAUSE_BREAK.search(gap):
                speaks = True  # "Kropotkin criticized the chaos and warned: “…”"
            elif head.lstrip().startswith((",", "[", "(")):
                # "Lenin, in a simple example, summed up the situation:", "Parvus [an exile] explained"
                opener = head.lstrip()[0]
                aside_end = head.find({",": ",", "[": "]", "(": ")"}[opener], head.find(opener) + 1)
                if 0 < aside_end < 80:
                    rest = [w.lower() for w in _WORDS.findall(head[aside_end : aside_end + 40])]
                    speaks = bool(rest) and rest[0] in verbs
            if not speaks and gap.strip().startswith(":") and len(gap.strip()) <= 3:
                speaks = bool(_CLAUSE_START.search(text[max(lo, m.start - 30) : m.start]))
        before = text[max(lo, m.start - 30) : m.start].lower()
        if (
            _ACCORDING_TO.search(before)
            or _OF_CUE.search(before)
            or (_TO_QUOTE.search(before) and gap.lstrip().startswith(","))  # "To requote Malatesta, …"
            or (_FOR_VIEW.search(before) and gap.lstrip().startswith(",") and not m.pronoun)  # "For Carr, …"
            or _WRITTEN_BY.search(before)  # "an official response, authored by Goldman and Morrow, …"
            or (_INVERTED.search(before) and gap.lstrip().startswith(",") and before_verb(before) in verbs)
        ):
            speaks = True
        if not m.pronoun and _REPROACHED.search(before) and _FOR_DOING.search(gap):
            last = _WORDS.findall(before)
            speaks = (
                bool(last) and last[-1].lower() in speech_words()["reproach"]
            )  # "criticised Kamenev for dismissing …"
        if m.possessive and _IN_END.search(before) and any(w in nouns for w in words[1:3]):
            speaks = True  # in Lenin's (own) words
        if speaks:
            name = people.resolve(m) if m.pronoun else m.name
            if name:
                best = Cue(name, "strong", body=m.body)
                clause = opens
    return best


_PARENTHESES = regex.compile(r"\([^()]*+\)")
_THE_WORK = regex.compile(r"\b(?:the|this)\s++(\p{Ll}++)\b", regex.I)


def work_speaks(text: str, lo: int, open_mark: int, close_mark: int, hi: int) -> bool:
    """True when the quotation's sentence gives it to "the book" or "the author" (of the book a review
    is about): ``the book notes that “…”``, ``according to the book, “…”``, ``“…” (p. 9), the book states``."""
    verbs = speech_words()["verb"]
    works = speech_words().get("work", frozenset())
    for m in _THE_WORK.finditer(text, max(lo, open_mark - 200), open_mark):
        if m.group(1).lower() not in works:
            continue
        after = [w.lower() for w in _WORDS.findall(text, m.end(), min(open_mark, m.end() + 60))]
        while after and (after[0] in _AUX or after[0].endswith("ly")):
            after = after[1:]
        if (after and after[0] in verbs) or _ACCORDING_TO.search(text[max(lo, m.start() - 30) : m.start()].lower()):
            return True
    tail = text[close_mark : min(hi, close_mark + _AFTER_QUOTE)]
    m = _THE_WORK.search(tail)
    if m and m.group(1).lower() in works and not _WORDS.search(_PARENTHESES.sub("", tail[: m.start()])):
        after = [w.lower() for w in _WORDS.findall(tail, m.end())][:2]
        return bool(after) and after[0] in verbs
    return False


_CLAUSE_BREAK = regex.compile(r"[.;!?]\s")


def _conjoined_verb(words: list[str], verbs: frozenset[str]) -> bool:
    """``NAME verbed … and said``: a verb (in the past tense) right after the name, then "and" and a
    verb of saying; not "Lenin attacked Kautsky and wrote", where "and" follows Kautsky at once."""
    if not words or not (words[0] in verbs or words[0].endswith("ed")):
        return False
    return any(words[j - 1] == "and" and words[j] in verbs for j in range(2, min(len(words), 16)))


def cue_after(people: People, text: str, close_mark: int, hi: int) -> Cue | None:
    """A cue right after the closing mark: ``“…,” said Lenin`` / ``“…,” Michael says`` / ``he warned``."""
    verbs = speech_words()["verb"]
    seg_end = min(hi, close_mark + _AFTER_QUOTE)
    seg = text[close_mark:seg_end]
    punct_only = seg[:3].strip(" ,.—-–;") == "" or seg.lstrip().startswith((",", "—", "-", "–"))
    if not punct_only and not seg[:1].isspace():
        return None
    ms = people.between(close_mark, seg_end)
    if not ms:
        return None
    m = ms[0]
    pre = [w.lower() for w in _WORDS.findall(text[close_mark : m.start])]
    post = [w.lower() for w in _WORDS.findall(text[m.end : m.end + 40])]
    while post and post[0] in _AUX:
        post = post[1:]  # "Murray once told me"
    if (
        (pre and pre[-1] in verbs and len(pre) <= 2)
        or (not pre and post and post[0] in verbs)
        or (len(pre) == 1 and pre[0] == "as" and post and post[0] in verbs)
    ):
        if not m.person and not m.pronoun and len(ms) > 1 and ms[1].person:
            between = text[m.end : ms[1].start]
            if _LOWER_ONLY.fullmatch(between):
                m = ms[1]  # "said SWP chairman James P. Cannon": the person, not the body
        name = people.resolve(m) if m.pronoun else m.name
        return Cue(name, "strong", body=m.body) if name else None
    return None
