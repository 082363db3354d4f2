"""Features of each token of a reference string, for the sequence labeller.

What a token looks like (its shape, whether it is a year, an initial, a roman numeral), its
typography (italic, bold, quoted, inside parentheses), the word classes it belongs to
(``citecheck/data/reference_words.txt``, given names, places), what the fixed locator grammar says
of it, and where it stands (first in the string, first after a comma, just after "in"), with the
same facts for its neighbours. No feature looks at references.bib: the parser reads references it
has never seen.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import regex

from citecheck.extract.grammar.locators import locator_hints
from citecheck.extract.grammar.tokens import is_roman
from citecheck.models import Token

_YEAR = regex.compile(r"(?:1[4-9]\d\d|20[0-4]\d)")
_INITIALS = regex.compile(r"\p{Lu}{1,3}|\p{Lu}-\p{Lu}")


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Word classes of ``citecheck/data/reference_words.txt``: class -> folded words."""
    text = resources.files("citecheck").joinpath("data/reference_words.txt").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        name, _, words = line.partition(":")
        out[name.strip()] = frozenset(words.split())
    return out


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    """Folded word -> the classes it belongs to (word classes, ``given``, ``place``)."""
    index: dict[str, list[str]] = {}
    for name, words in word_classes().items():
        for w in words:
            index.setdefault(w, []).append(name)
    for name, file in (("given", "data/given_names.txt"), ("place", "data/places.txt")):
        text = resources.files("citecheck").joinpath(file).read_text(encoding="utf-8")
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                for w in line.lower().split():
                    index.setdefault(w, []).append(name)
    return {w: tuple(sorted(set(c))) for w, c in index.items()}


def word_lexicon() -> dict[str, tuple[str, ...]]:
    """Folded word -> the classes it belongs to: word classes, ``given`` names, ``place`` names."""
    return _lexicon()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of ``citecheck/data/given_names.txt``."""
    text = resources.files("citecheck").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def shape(word: str) -> str:
    """A coarse shape: ``Lenin`` -> ``Xx``, ``CW`` -> ``XX``, ``1977`` -> ``dddd``, ``p98`` -> ``xd``."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c or c == "d":
            out.append(c)
    s = "".join(out)
    return s if len(s) <= 5 else s[:5]


def _own(tok: Token, hint: str) -> list[str]:
    w = tok.text
    low = w.lower()
    f = [f"w={low}", f"sh={shape(w)}"]
    if len(w) > 3:
        f += [f"p3={low[:3]}", f"s3={low[-3:]}"]
    if w.isalpha():
        if w[0].isupper():
            f.append("cap")
        if w.isupper() and len(w) > 1:
            f.append("upper")
        if _INITIALS.fullmatch(w) and len(w) <= 3:
            f.append("initials")
        if is_roman(w):
            f.append("roman")
    elif w.isdigit():
        f.append("year" if _YEAR.fullmatch(w) else f"digits{min(len(w), 4)}")
    elif not w[0].isalnum():
        f.append("punct")
    for c in _lexicon().get(low.rstrip("."), ()) or _lexicon().get(low.replace("-", ""), ()):
        f.append(f"lex={c}")
    if tok.italic:
        f.append("italic")
    if tok.bold:
        f.append("bold")
    if tok.quoted:
        f.append("quoted")
    if tok.depth:
        f.append("paren")
    if hint:
        f.append(f"g={hint}")
    return f


#: A token's own features and, per neighbour distance (-2, -1, 1, 2), the same prefixed with the
#: distance, by what they depend on: a reference's tokens repeat, so each is built once.
_OWN_CACHE: dict[tuple[str, bool, bool, bool, bool, str], tuple[list[str], tuple[list[str], ...]]] = {}
_DISTANCES = ((-2, 0), (-1, 1), (1, 2), (2, 3))
_NONE = {d: f"{d}:none" for d, _ in _DISTANCES}
_POS = [f"pos={k}" for k in range(5)]
_SEG = [f"seg={k}" for k in range(5)]
_INSEG = [f"inseg={k}" for k in range(4)]


def token_features(
    text: str, tokens: Sequence[Token], hints: Sequence[tuple[int, int, str]] | None = None
) -> list[list[str]]:
    """One list of feature strings per token (for python-crfsuite); ``hints`` from :func:`locator_hints`."""
    hints = locator_hints(text) if hints is None else hints
    starts = [h[0] for h in hints]
    own: list[list[str]] = []
    near: list[tuple[list[str], ...]] = []
    for tok in tokens:
        i = bisect.bisect_right(starts, tok.start) - 1
        hint = hints[i][2] if i >= 0 and tok.start < hints[i][1] else ""
        key = (tok.text, tok.italic, tok.bold, tok.quoted, tok.depth > 0, hint)
        hit = _OWN_CACHE.get(key)
        if hit is None:
            feats = _own(tok, hint)
            hit = (feats, tuple(_context(d, feats) for d, _ in _DISTANCES))
            if len(_OWN_CACHE) > 50_000:
                _OWN_CACHE.clear()
            _OWN_CACHE[key] = hit
        own.append(hit[0])
        near.append(hit[1])
    n = len(tokens)
    out: list[list[str]] = []
    seg = 0  # comma/period-separated segment number
    in_seg = 0  # token number within its segment
    # each token's word as its neighbours name it ("prev=…", "next=…"), with the ends of the string
    lows = ["^", *(tok.text.lower() for tok in tokens), "$"]
    for k, tok in enumerate(tokens):
        f = ["bias", *own[k]]
        if k == 0:
            f.append("first")
        if k == n - 1:
            f.append("last")
        f.append(_POS[min(4, 5 * k // n)])
        f.append(_SEG[min(seg, 4)])
        f.append(_INSEG[min(in_seg, 3)])
        f.append(f"prev={lows[k]}")
        f.append(f"next={lows[k + 2]}")
        # the neighbours at distances -2, -1, 1, 2 (_DISTANCES), in that order
        if k >= 2:
            f += near[k - 2][0]
        else:
            f.append(_NONE[-2])
        if k >= 1:
            f += near[k - 1][1]
        else:
            f.append(_NONE[-1])
        if k + 1 < n:
            f += near[k + 1][2]
        else:
            f.append(_NONE[1])
        if k + 2 < n:
            f += near[k + 2][3]
        else:
            f.append(_NONE[2])
        if k and tokens[k - 1].end < tok.start and "\n" in text[tokens[k - 1].end : tok.start]:
            f.append("linebreak")
        out.append(f)
        if tok.text in (",", ";", ":") or (tok.text == "." and not _after_initial(tokens, k)):
            seg += 1
            in_seg = 0
        elif tok.text.isalnum():
            in_seg += 1
    return out


def _context(d: int, feats: list[str]) -> list[str]:
    """A neighbour's own features, prefixed with its distance."""
    return [f"{d}:{x}" for x in feats if not x.startswith(("p3=", "s3="))]


def _after_initial(tokens: Sequence[Token], k: int) -> bool:
    """True when the full stop at ``k`` ends an initial or an abbreviation (``V.``, ``vol.``)."""
    if k == 0:
        return False
    prev = tokens[k - 1].text
    return (len(prev) <= 2 and prev[:1].isupper()) or prev.lower() in word_classes().get("locator", frozenset())
