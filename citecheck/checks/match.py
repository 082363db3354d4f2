"""Which quotations are the same quotation, across every document.

"Same" tolerates what real texts do: ellipses, [bracketed insertions],
quotation marks and dashes, case, transliteration variants (Ilyich / Ilych),
one text being an excerpt of the other, small translation differences.
Candidate pairs come from an inverted index of word trigrams (frequent
trigrams skipped), so the work grows with the number of quotations, not with
its square; rapidfuzz scores the candidates.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import regex
from rapidfuzz import fuzz

from citecheck.models import DocumentResult, Quotation

#: Whole-quotation similarity (rapidfuzz ratio, 0-100) at or above which two quotations are one.
SAME_RATIO = 85.0
#: Similarity of the shorter quotation to the best-matching part of the longer one.
EXCERPT_RATIO = 92.0
#: An excerpt must have at least this many words to count as the same quotation.
MIN_EXCERPT_WORDS = 5
#: A trigram shared by more quotations than this says nothing about any pair of them.
MAX_POSTING = 50
#: A candidate pair is scored only when this share of the smaller one's word trigrams is in the
#: other: two wordings 85% alike, or an excerpt 92% alike, share far more.  Scoring two long
#: block quotations that merely share a phrase is what made matching slow.
MIN_SHARED = 0.3
#: An excerpt longer than this many characters is searched for only when at least
#: MIN_SHARED_LONG_EXCERPT of its trigrams are in the longer text: the search costs the
#: product of the lengths, and two block quotations sharing a sentence are not one.
LONG_EXCERPT = 300
MIN_SHARED_LONG_EXCERPT = 0.5

_BRACKETS = regex.compile(r"\[[^\]]{0,80}\]")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
#: [Bracketed insertions] as quotations mark them (and editors, in primary texts).
BRACKETS = _BRACKETS
#: A word as :func:`normal_words` sees it, apostrophes inside it kept: ``TOKEN.findall`` then
#: :func:`fold_word` gives the words of a (bracket-free, NFC) text as :func:`normal_words` does.
#: The standard library's engine, twice as fast on megabytes of primary text: ``[^\W_]`` is
#: exactly ``[\p{L}\p{N}]`` (a letter, or a character with a numeric value), as a test checks.
TOKEN = re.compile(r"[^\W_]+(?:['’]+[^\W_]+)*")


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quotation and the document it is in."""

    path: str
    quotation: Quotation
    words: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        """(path, quotation id): unique across the corpus."""
        return (self.path, self.quotation.id)


@functools.cache
def _spellings() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("citecheck").joinpath("data/spellings.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canon, _, variants = line.partition("|")
        for v in variants.split(";"):
            if v.strip():
                table[v.strip()] = canon.strip()
    return table


@functools.lru_cache(maxsize=65536)
def normal_words(text: str) -> tuple[str, ...]:
    """The words of a quotation as compared: no insertions, folded, variants unified."""
    text = _BRACKETS.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    table = _spellings()
    return tuple(table.get(w, w) for w in _WORD.findall(text.replace("’", "").replace("'", "")))


def fold_word(word: str) -> str:
    """One word as :func:`normal_words` folds it: no apostrophes or diacritics, case folded, variants unified."""
    word = word.replace("’", "").replace("'", "")
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    word = word.casefold()
    return _spellings().get(word, word)


def same_quotation(
    a: Sequence[str],
    b: Sequence[str],
    same: float = SAME_RATIO,
    excerpt: float = EXCERPT_RATIO,
    shared: float | None = None,
) -> bool:
    """Whether two normalised word sequences are one quotation (see the module docstring).

    ``shared`` is the share of the shorter one's word trigrams found in the
    other, when the caller knows it: long passages sharing too little of it are
    not searched for an excerpt, the one expensive comparison.
    """
    if not a or not b:
        return False
    if a == b:
        return True
    sa, sb = " ".join(a), " ".join(b)
    whole = fuzz.ratio(sa, sb)
    if whole >= same:
        return True
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    # An excerpt scoring p against a window of the longer text shares p·len(short) characters
    # with it, so the whole-text ratio is at least 2·p·r/(1 + r), r the ratio of the lengths:
    # below that bound the (expensive) excerpt search cannot succeed.
    r = len(short) / len(long_)
    if whole < 2 * excerpt * r / (1 + r):
        return False
    if shared is not None and len(short) > LONG_EXCERPT and shared < MIN_SHARED_LONG_EXCERPT:
        return False
    return min(len(a), len(b)) >= MIN_EXCERPT_WORDS and bool(fuzz.partial_ratio(short, long_, score_cutoff=excerpt))


def quote_refs(documents: Sequence[DocumentResult]) -> list[QuoteRef]:
    """Every quotation of the corpus, in path then document order."""
    return [
        QuoteRef(d.path, q, normal_words(q.text)) for d in sorted(documents, key=lambda d: d.path) for q in d.quotations
    ]


def cluster(refs: Sequence[QuoteRef], same: float = SAME_RATIO, excerpt: float = EXCERPT_RATIO) -> list[list[int]]:
    """Groups of indices into ``refs`` that are the same quotation (singletons left out).

    Identical wordings are grouped first, so a quotation repeated hundreds of
    times is one candidate, not hundreds (whose shared trigrams would all be
    too frequent to index).  Groups are the connected components of "same", so
    they do not depend on the order of comparison; they are sorted by their
    first index, members ascending.
    """
    by_words: dict[tuple[str, ...], list[int]] = {}
    for i, r in enumerate(refs):
        if r.words:
            by_words.setdefault(r.words, []).append(i)
    wordings = list(by_words)
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    sizes: list[int] = []
    for w, words in enumerate(wordings):
        grams = {words[k : k + 3] for k in range(len(words) - 2)} if len(words) >= 3 else {words}
        sizes.append(len(grams))
        for g in grams:
            postings[g].append(w)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= MAX_POSTING:
            shared.update(itertools.combinations(members, 2))  # counted in C: the pairs are most of the work
    overlap = {p: n / min(sizes[p[0]], sizes[p[1]]) for p, n in shared.items()}
    candidates = [p for p, share in overlap.items() if share >= MIN_SHARED]
    parent = list(range(len(wordings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(candidates):
        if find(i) != find(j) and same_quotation(wordings[i], wordings[j], same, excerpt, overlap[(i, j)]):
            a, b = find(i), find(j)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for w, words in enumerate(wordings):
        groups[find(w)].extend(by_words[words])
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
