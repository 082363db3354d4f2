"""Names of people: recognising them in prose and writing authors one way.

``format_author("EH Carr") == "Carr, E. H."``; ``People`` knows the people
essays quote (``data/people.txt``) with their accepted spellings and known
misspellings, which are corrected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
from rapidfuzz import fuzz, process

_INITIALS = regex.compile(r"^(?:\p{Lu}{1,3}|\p{Lu}-\p{Lu}\.?|(?:\p{Lu}\.\s?-?)+)$")
_PARTICLES = frozenset({"de", "d’", "d'", "von", "van", "le", "la", "du", "di", "da"})
_EDITOR = regex.compile(r"\s*\((eds?)\.?\)\s*$", regex.I)
_AND_SPLIT = regex.compile(r"\s*,?\s+(?:and|&)\s+|\s*;\s*")
_COMMA_NAMES = regex.compile(r"^(?:\p{Lu}{1,3}|\p{Lu}\.|(?:\p{Lu}\.\s?)+|\p{Lu}-\p{Lu}\.?)\s+\S")


def _split_authors(s: str) -> list[str]:
    """``"K Marx, F Engels"`` -> two names; ``"Marx, K. and Engels, F."`` -> two names."""
    out: list[str] = []
    for part in _AND_SPLIT.split(s):
        part = part.strip(" ,")
        if not part:
            continue
        pieces = [x.strip() for x in part.split(",")]
        if len(pieces) > 1 and all(_COMMA_NAMES.match(x) for x in pieces if x):
            out.extend(x for x in pieces if x)
        else:
            out.append(part)
    return out


_SURNAME_FIRST = regex.compile(r"^\p{Lu}\p{Ll}[\p{L}’'\-]*+\s++\p{Lu}(?:\.|$)\s*+(?:\p{Lu}\.?+\s*+)?$")
_ET_AL = regex.compile(r"\s*,?\s+et\.?\s+al\.?\s*$", regex.I)
_PERSON_TOKEN = regex.compile(
    r"^(?:\p{Lu}[\p{Ll}’'\-]+|\p{Lu}{1,3}\.?|(?:\p{Lu}\.\s?-?)+|\p{Lu}-\p{Lu}\.?|de|van|von|der|le|la|du|d[’']\p{Lu}[\p{L}-]+|O[’']\p{Lu}[\p{L}-]+)$"
)


def surname_first(name: str) -> bool:
    """True for a name written surname first with initials and no comma: ``Ленин В. И.``, ``Trotsky L. D.``."""
    return _SURNAME_FIRST.match(name) is not None


def looks_like_person(written: str) -> bool:
    """True when ``written`` reads as personal names (``V. I. Lenin``, ``Engels, Frederick``,
    ``K Marx and F Engels``), not a body (``Socialist Workers Party``) or a phrase."""
    s = _ET_AL.sub("", " ".join(written.split()))
    s = _EDITOR.sub("", s)
    if not s:
        return False
    from citecheck.extract.grammar.features import word_classes

    bodies = word_classes().get("organisation", frozenset())
    for part in _split_authors(s):
        part = part.replace(",", " ")
        toks = part.split()
        if not toks or len(toks) > 5 or not all(_PERSON_TOKEN.match(t) for t in toks):
            return False
        if any(t.lower().strip(".") in bodies for t in toks):
            return False
    return True


def format_author(written: str) -> str:
    """One author string in ``Surname, I. I.`` form: ``"VI Lenin"`` -> ``"Lenin, V. I."``.

    Several authors are joined with `` and ``; an editor mark is kept as ``(ed.)``.
    A name already in ``Surname, Initials`` form is tidied, not reordered.
    """
    s = " ".join(written.replace("’", "’").split())
    et_al = bool(_ET_AL.search(s))
    s = _ET_AL.sub("", s)
    editor = ""
    m = _EDITOR.search(s)
    if m:
        editor = " (eds.)" if m.group(1).lower() == "eds" else " (ed.)"
        s = s[: m.start()]
    return " and ".join(_one_author(p) for p in _split_authors(s)) + (" et al." if et_al else "") + editor


def _one_author(s: str) -> str:
    if "," in s:
        sur, _, given = s.partition(",")
        return f"{sur.strip()}, {_initials(given.strip())}".rstrip(", ")
    toks = s.split()
    if len(toks) == 1:
        return toks[0]
    if surname_first(s):
        # GOST and other Russian styles: "Ленин В. И.", "Trotsky L. D." (never "Nicholas II")
        return f"{toks[0]}, {_initials(' '.join(toks[1:]))}"
    n_init = 0
    while (
        n_init < len(toks) - 1 and _INITIALS.match(toks[n_init]) and toks[n_init].rstrip(".").replace("-", "").isupper()
    ):
        n_init += 1
    if n_init:
        # "H Carrere d’Encausse": everything after the initials is the surname
        return f"{' '.join(toks[n_init:])}, {_initials(' '.join(toks[:n_init]))}"
    # full given names: the surname starts at the first particle or at the last token
    k = len(toks) - 1
    for i, t in enumerate(toks[1:], start=1):
        if t.lower() in _PARTICLES or t.lower().startswith(("d’", "d'")):
            k = i
            break
    family = " ".join(toks[k:])
    return f"{family}, {_initials(' '.join(toks[:k]))}"


def _initials(given: str) -> str:
    if not given:
        return ""
    out = []
    for tok in given.replace(".", ". ").split():
        tok = tok.strip()
        if not tok:
            continue
        if "-" in tok and all(p[:1].isupper() for p in tok.split("-") if p):
            out.append("-".join(p[0] + "." for p in tok.split("-") if p))
        elif _INITIALS.match(tok) and tok.rstrip(".").isupper():
            out.extend(c + "." for c in tok if c.isalpha())
        else:
            out.append(tok[0].upper() + ".")
    return " ".join(out)


_AND = regex.compile(r"\s+and\s+")
_EDITORS = regex.compile(r"\s*\(eds?\.\)")
_AUTHOR_SEP = regex.compile(r"\s+and\s+|;")


@lru_cache(maxsize=8192)
def surname(author: str | None) -> str | None:
    """The first author's surname: ``"Marx, K. and Engels, F."`` -> ``"Marx"``."""
    if not author:
        return None
    first: str = _AUTHOR_SEP.split(author)[0]
    if "," in first:
        return first.split(",")[0].strip()
    toks = [t for t in first.split() if not _INITIALS.match(t)]
    return toks[-1] if toks else first.strip()


def display_name(author: str) -> str:
    """A speaker name from an author: ``"Marx, K. and Engels, F."`` -> ``"Marx and Engels"``."""
    names = [surname(a) or a for a in _AND.split(_EDITORS.sub("", author))]
    return " and ".join(n for n in names if n)


@dataclass(frozen=True, slots=True)
class Person:
    """A person from the people list."""

    name: str
    variants: tuple[str, ...]
    misspellings: tuple[str, ...]


class People:
    """The people essays quote, with accepted spellings and corrected misspellings."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self._index: dict[str, tuple[Person, bool]] = {}
        for p in people:
            self._index[_fold(p.name)] = (p, False)
            for v in p.variants:
                self._index.setdefault(_fold(v), (p, False))
                self._index.setdefault(_fold(v.split()[-1]), (p, False))
            for v in p.misspellings:
                self._index[_fold(v)] = (p, True)
        self._keys = sorted(self._index)
        self._looked_up: dict[str, str | None] = {}

    def lookup(self, written: str) -> str | None:
        """The display name for ``written`` when it names a known person, else None.

        An accepted variant is returned as written (its last word, title-cased);
        a known misspelling is corrected; a near miss (rapidfuzz, one edit in a
        long name) is corrected too.
        """
        if written not in self._looked_up:
            self._looked_up[written] = self._lookup(written)
        return self._looked_up[written]

    def _lookup(self, written: str) -> str | None:
        key = _fold(written)
        if not key:
            return None
        hit = self._index.get(key) or self._index.get(key.split()[-1])
        if hit is None and len(key) >= 6:
            best = process.extractOne(key.split()[-1], self._keys, scorer=fuzz.ratio, score_cutoff=88)
            if best is not None:
                hit = (self._index[best[0]][0], True)
        if hit is None:
            return None
        person, wrong = hit
        if wrong:
            return person.name
        last = written.split()[-1]
        return last if _fold(last) != _fold(person.name) else person.name

    def is_known(self, word: str) -> bool:
        """True when ``word`` (a single name) is a known person or spelling."""
        return _fold(word) in self._index


_NOT_NAME = regex.compile(r"[^\p{L}\s-]")


def _fold(s: str) -> str:
    return " ".join(_NOT_NAME.sub("", s).lower().split())


@lru_cache(maxsize=1)
def default_people() -> People:
    """The people list shipped with citecheck (``citecheck/data/people.txt``)."""
    text = resources.files("citecheck").joinpath("data/people.txt").read_text(encoding="utf-8")
    people = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, rest = line.partition("|")
        alts = [a.strip() for a in rest.split(";") if a.strip()]
        people.append(
            Person(
                name.strip(),
                tuple(a for a in alts if not a.startswith("!")),
                tuple(a[1:] for a in alts if a.startswith("!")),
            )
        )
    return People(people)
