"""The index of primary texts: every word trigram of the folded text, sorted, for candidate lookup.

Words are folded as quotations are (:func:`citecheck.checks.match.fold_word`:
case, apostrophes, diacritics, British/American and transliteration variants)
and numbered; the text of every source is one array of word numbers.  Each
trigram is packed into one 64-bit key, and the keys with their positions are
sorted, so the positions of a quotation's trigrams are found by binary search
(numpy ``searchsorted``): a quotation is compared only with the few places that
share its words, never with every page.  Building is linear in the text (one
regex pass, one dictionary lookup per word, one sort).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from citecheck.checks.match import TOKEN, fold_word
from citecheck.models import SourceCollection, SourceText, SourceWords, SourceWork

#: Word numbers are packed 21 bits each into a trigram key while the vocabulary fits.
_BITS = 21
_MASK = np.uint64((1 << _BITS) - 1)
#: Odd 64-bit constants for mixing word numbers into a key once the vocabulary outgrows 21 bits
#: (a collision only adds a candidate, which alignment then rejects).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))

IntArray = npt.NDArray[np.int64]
#: The text split into gaps and words (words at odd places), so word offsets come from lengths.
_SPLIT = re.compile(f"({TOKEN.pattern})")
KeyArray = npt.NDArray[np.uint64]
#: How :class:`SourceWords` stores its numbers (the same bytes on every machine).
_INT = np.dtype("<i4")
#: :func:`fold_word` for words already seen: a text of 10,000 words has a few thousand distinct ones,
#: and most of them are in every other text too.
_fold = functools.lru_cache(maxsize=1 << 18)(fold_word)


def text_words(text: str) -> SourceWords:
    """The words of ``text`` as the index numbers them: folded, each word's place among them, where each begins."""
    # [gap, word, gap, word, …, gap]: the words, and from the lengths where each begins
    pieces = _SPLIT.split(text)
    tokens = pieces[1::2]
    local = {w: n for n, w in enumerate(dict.fromkeys(tokens))}
    ids = np.fromiter(map(local.__getitem__, tokens), dtype=_INT, count=len(tokens))
    ends = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
    offsets = ends[0:-1:2].astype(_INT)
    # interned: the same few thousand words are in every text, once in memory (marshal keeps the interning)
    return SourceWords(tuple(map(sys.intern, map(_fold, local))), ids.tobytes(), offsets.tobytes())


def trigram_keys(ids: npt.NDArray[np.int32] | npt.NDArray[np.int64], packed: bool) -> KeyArray:
    """The key of every word trigram of ``ids`` (as many as the words, less two)."""
    if len(ids) < 3:
        return np.zeros(0, dtype=np.uint64)
    w = ids.astype(np.uint64)
    # in place: an index of ten million words should not hold four temporary copies of it
    keys: KeyArray = w[:-2].copy()
    if packed:
        keys <<= np.uint64(2 * _BITS)
        keys |= w[1:-1] << np.uint64(_BITS)
        keys |= w[2:]
    else:
        with np.errstate(over="ignore"):
            keys *= _MIX[0]
            keys ^= w[1:-1] * _MIX[1]
            keys ^= w[2:] * _MIX[2]
    return keys


@dataclass
class SourceIndex:
    """Primary texts, their folded words as numbers, and their trigrams sorted for lookup."""

    texts: tuple[SourceText, ...]
    works: tuple[SourceWork, ...]
    #: Folded word -> number.
    vocabulary: dict[str, int]
    #: Every text's word numbers, one after another.
    ids: npt.NDArray[np.int32]
    #: Where each text's words start in :attr:`ids` (one more entry than texts: the end).
    starts: IntArray
    #: Where each word begins in its text's characters (aligned with :attr:`ids`).
    offsets: npt.NDArray[np.int32]
    keys: KeyArray
    positions: npt.NDArray[np.int32]
    packed: bool
    #: (path, why) for each text whose date cannot be in its volume by references.bib.
    date_disagreements: tuple[tuple[str, str], ...] = ()
    _words: list[str] = field(default_factory=list, repr=False)

    @classmethod
    def build(
        cls,
        texts: Sequence[SourceText],
        works: Sequence[SourceWork],
        date_disagreements: Sequence[tuple[str, str]] = (),
        words: Sequence[SourceWords] = (),
    ) -> SourceIndex:
        """Index ``texts`` (with their ``works`` and, when known, their ``words``, in the same order)."""
        known = list(words) if len(words) == len(texts) else [text_words(t.text) for t in texts]
        vocabulary: dict[str, int] = {}
        chunks: list[npt.NDArray[np.int32]] = []
        places: list[npt.NDArray[np.int32]] = []
        starts = [0]
        for w in known:
            # the text's own numbering of its words, mapped onto the index's
            mapping = np.fromiter(
                (vocabulary.setdefault(f, len(vocabulary)) for f in w.folded), dtype=np.int32, count=len(w.folded)
            )
            local = np.frombuffer(w.ids, dtype=_INT)
            chunks.append(mapping[local] if len(local) else np.zeros(0, dtype=np.int32))
            places.append(np.frombuffer(w.offsets, dtype=_INT).astype(np.int32))
            starts.append(starts[-1] + len(local))
        ids = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
        offsets = np.concatenate(places) if places else np.zeros(0, dtype=np.int32)
        del chunks, places
        packed = len(vocabulary) < (1 << _BITS)
        keys = trigram_keys(ids, packed)
        valid = np.ones(len(keys), dtype=bool)
        for end in starts[1:-1]:  # no trigram runs from one text into the next
            valid[max(0, end - 2) : end] = False
        positions = np.flatnonzero(valid).astype(np.int32)
        keys = keys[valid]
        del valid
        order = np.argsort(keys, kind="stable")
        counted = tuple(_with_words(w, starts[i + 1] - starts[i]) for i, w in enumerate(works))
        return cls(
            tuple(texts),
            counted,
            vocabulary,
            ids,
            np.asarray(starts, dtype=np.int64),
            offsets,
            keys[order],
            positions[order],
            packed,
            tuple(date_disagreements),
        )

    @classmethod
    def of(cls, collection: SourceCollection) -> SourceIndex:
        """The index of every text of a :class:`SourceCollection` (from the words it read or found cached)."""
        return cls.build(collection.texts, collection.works, collection.date_disagreements, collection.words)

    @property
    def words(self) -> list[str]:
        """Folded words by number."""
        if len(self._words) != len(self.vocabulary):
            self._words = [""] * len(self.vocabulary)
            for word, n in self.vocabulary.items():
                self._words[n] = word
        return self._words

    def passage(self, text_no: int, first: int, last: int) -> str:
        """Words ``first`` to ``last`` (exclusive) of text ``text_no`` as the text writes them, on one line."""
        base = int(self.starts[text_no])
        if last <= first or base + first >= int(self.starts[text_no + 1]):
            return ""
        text = self.texts[text_no].text
        begin = int(self.offsets[base + first])
        end_word = TOKEN.match(text, int(self.offsets[base + last - 1]))
        end = end_word.end() if end_word else begin
        return " ".join(text[begin:end].split())

    def text_of(self, position: int) -> int:
        """The number of the text holding word ``position``."""
        return int(np.searchsorted(self.starts, position, side="right")) - 1

    def lookup(self, keys: KeyArray) -> tuple[IntArray, IntArray]:
        """For each of ``keys``, where its positions begin and end in :attr:`positions`."""
        return (
            np.searchsorted(self.keys, keys, side="left").astype(np.int64),
            np.searchsorted(self.keys, keys, side="right").astype(np.int64),
        )

    def covers(self, work_key: str) -> bool:
        """Whether any text is of the work ``work_key``."""
        return work_key in self.work_keys

    @property
    def work_keys(self) -> frozenset[str]:
        """The references.bib works the texts are of."""
        return frozenset(w.work_key for w in self.works if w.work_key)

    @property
    def size(self) -> int:
        """Words indexed."""
        return len(self.ids)


def _with_words(work: SourceWork, n: int) -> SourceWork:
    from dataclasses import replace

    return replace(work, words=n)
