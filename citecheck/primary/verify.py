"""Find each quotation in the primary texts and compare its words with the source's.

A quotation is split at its ellipses and folded like the index
(:func:`citecheck.checks.match.normal_words`: [bracketed insertions] out, case,
quotation marks, dashes, spelling variants); a word broken at a line end
("revolu- tionary") is joined first.  Its word trigrams are looked up in the
index; hits that line up (the same offset between quotation and text, give or
take) are candidate passages, best first.  Only candidates are aligned: rapidfuzz
finds each part of the quotation in the candidate's text, in order, and its
word alignment (the most words in common) says which words were changed, left out
without an ellipsis, or added without brackets.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from citecheck.checks.match import normal_words
from citecheck.models import DiffOp, SourceMatch, SourceText, SourceVerdict
from citecheck.primary import OTHER_TRANSLATION, SAME_WORDING, SHORT
from citecheck.primary.index import SourceIndex, trigram_keys

#: A passage is the quotation's own wording, whatever the similarity, when this many words in a
#: row are the same (a long unbracketed insertion lowers the similarity, not the run).
SAME_RUN = 10
#: A loose match ("a different translation?") needs this many quoted words, of which this many
#: are found in the passage in order, ...  (Short phrases of stock terms, "the dictatorship of the
#: proletariat", resemble some passage of any Lenin volume that closely.)
LOOSE_MIN_WORDS = 15
LOOSE_MIN_SAME = 10
#: ... and this share of its words that are not function words found in the passage.
LOOSE_CONTENT = 0.35
#: A trigram found more often than this in the texts tells nothing about where a quotation is.
MAX_POSTINGS = 400
#: Candidate passages aligned per quotation.
CANDIDATES = 3
#: How far past a candidate the parts after an ellipsis are looked for, in words.
ELLIPSIS_REACH = 1500
#: Matches kept per quotation.
KEPT = 3

_ELLIPSIS = regex.compile(r"\[\s*(?:…|\.\s*\.\s*\.)\s*\]|…|\.\s*\.\s*\.")
_BROKEN_WORD = regex.compile(r"(\p{Ll})-\s+(\p{Ll})")
_KIND_RANK = {"exact": 0, "misquotation": 1, "translation": 2}


def quotation_parts(text: str) -> list[tuple[str, ...]]:
    """The folded words of each part of a quotation between its ellipses (empty parts dropped)."""
    joined = _BROKEN_WORD.sub(r"\1\2", text)
    return [words for piece in _ELLIPSIS.split(joined) if (words := normal_words(piece))]


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: int
    lo: int
    hi: int
    hits: int


class Verifier:
    """Quotations against one index: candidates by trigram, then alignment (see the module docstring)."""

    def __init__(self, index: SourceIndex, same: float = SAME_WORDING, loose: float = OTHER_TRANSLATION) -> None:
        self.index = index
        self.same = same
        self.loose = loose

    def verify(self, path: str, quotation_id: str, text: str) -> SourceVerdict:
        """Where the quotation ``text`` is in the sources, best match first."""
        parts = quotation_parts(text)
        matches = [m for c in self._candidates(parts) if (m := self._align(parts, c)) is not None]
        matches.sort(key=lambda m: (_KIND_RANK[m.kind], -m.score, m.work.path, m.start))
        kept: list[SourceMatch] = []
        for m in matches:  # the best place in each text
            if all(k.work.path != m.work.path for k in kept):
                kept.append(m)
        return SourceVerdict(path, quotation_id, tuple(kept[:KEPT]))

    def verify_all(self, items: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], SourceVerdict]:
        """``{(path, quotation id): verdict}`` for ``(path, quotation id, text)`` items."""
        return {(p, q): self.verify(p, q, t) for p, q, t in items}

    # ------------------------------------------------------------------ candidates
    def _candidates(self, parts: Sequence[tuple[str, ...]]) -> list[_Candidate]:
        index = self.index
        if index.size == 0:
            return []
        vocab = index.vocabulary
        flat = [w for part in parts for w in part]
        ids = np.fromiter((vocab.get(w, -1) for w in flat), dtype=np.int64, count=len(flat))
        keys: list[np.ndarray] = []
        offsets: list[np.ndarray] = []
        at = 0
        for part in parts:
            piece = ids[at : at + len(part)]
            if len(piece) >= 3:
                known = (piece[:-2] >= 0) & (piece[1:-1] >= 0) & (piece[2:] >= 0)
                keys.append(trigram_keys(np.maximum(piece, 0), index.packed)[known])
                offsets.append(np.flatnonzero(known) + at)
            at += len(part)
        if not keys:
            return []
        qkeys, qoffs = np.concatenate(keys), np.concatenate(offsets)
        lo, hi = index.lookup(qkeys)
        counts = hi - lo
        keep = (counts > 0) & (counts <= MAX_POSTINGS)
        if not keep.any():
            return []
        lo, counts, qoffs = lo[keep], counts[keep], qoffs[keep]
        gram = np.repeat(np.arange(len(counts)), counts)
        first = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        where = index.positions[first + np.arange(int(counts.sum()))]
        diag = where - np.repeat(qoffs, counts)
        order = np.argsort(diag, kind="stable")
        diag, where, gram = diag[order], where[order], gram[order]
        gap = 30 + len(flat) // 2
        text_of = np.searchsorted(index.starts, where, side="right") - 1
        breaks = np.flatnonzero((np.diff(diag) > gap) | (np.diff(text_of) != 0)) + 1
        bounds = np.concatenate(([0], breaks, [len(diag)]))
        sizes = np.diff(bounds)
        n_grams = len(qkeys)
        least = 1 if n_grams <= 3 else 2
        big = np.flatnonzero(sizes >= least)
        big = big[np.argsort(-sizes[big], kind="stable")][: CANDIDATES * 4]
        found: list[_Candidate] = []
        for c in big:
            a, b = int(bounds[c]), int(bounds[c + 1])
            hits = len(np.unique(gram[a:b]))
            if hits >= least:
                found.append(_Candidate(int(text_of[a]), int(diag[a]), int(diag[b - 1]), hits))
        found.sort(key=lambda c: (-c.hits, c.text, c.lo))
        # a candidate sharing less than half as many trigrams as the best is a chance resemblance
        top = found[0].hits if found else 0
        return [c for c in found[:CANDIDATES] if 2 * c.hits >= top]

    # ------------------------------------------------------------------ alignment
    def _align(self, parts: Sequence[tuple[str, ...]], cand: _Candidate) -> SourceMatch | None:
        index = self.index
        n = sum(len(p) for p in parts)
        start, end = int(index.starts[cand.text]), int(index.starts[cand.text + 1])
        slack = 10 + n // 5
        reach = ELLIPSIS_REACH if len(parts) > 1 else 0
        lo, hi = max(start, cand.lo - slack), min(end, cand.hi + n + slack + reach)
        words = index.words
        region = [words[i] for i in index.ids[lo:hi].tolist()]
        ops: list[DiffOp] = []
        spans: list[tuple[int, int]] = []
        cores: list[tuple[int, int]] = []
        quoted: list[str] = []
        found: list[str] = []
        cursor = 0
        for k, part in enumerate(parts):
            # the first part lies where the trigrams put it; each later one within reach of the one before
            limit = (cand.hi - lo) + len(part) + 2 * slack if k == 0 else len(part) + slack + ELLIPSIS_REACH
            located = _locate(part, region, cursor, limit)
            if located is None:
                return None
            a, b, part_ops, core = located
            if spans and a > spans[-1][1]:
                ops.append(DiffOp("ellipsis", "", " ".join(region[spans[-1][1] : a])))
            ops.extend(part_ops)
            spans.append((a, b))
            cores.append(core)
            quoted.extend(part)
            found.extend(region[a:b])
            cursor = b
        score = float(fuzz.ratio(" ".join(quoted), " ".join(found)))
        exact = all(op.kind in ("same", "ellipsis") for op in ops)
        same_runs = [len(op.quoted.split()) for op in ops if op.kind == "same"]
        if exact:
            kind = "exact"
        elif n < SHORT:
            return None
        elif score >= self.same or max(same_runs, default=0) >= SAME_RUN:
            kind = "misquotation"
        elif (
            score >= self.loose
            and cand.hits >= 3
            and n >= LOOSE_MIN_WORDS
            and sum(same_runs) >= LOOSE_MIN_SAME
            and _content_share(quoted, ops) >= LOOSE_CONTENT
        ):
            kind = "translation"
        else:
            return None
        # another translation: the passage runs from the first to the last word the two share
        outer = cores if kind == "translation" else spans
        first, last = lo + outer[0][0] - start, lo + outer[-1][1] - start
        text = index.texts[cand.text]
        work = index.works[cand.text]
        pages, exact_page = _pages(text, first, last, work.pages)
        return SourceMatch(
            work=work,
            start=first,
            end=last,
            passage=index.passage(cand.text, first, last),
            pages=pages,
            exact_page=exact_page,
            score=100.0 if exact else score,
            kind=kind,
            ops=tuple(_merge(ops)),
        )


def _locate(
    part: tuple[str, ...], region: list[str], cursor: int, limit: int
) -> tuple[int, int, list[DiffOp], tuple[int, int]] | None:
    """Where ``part`` is in ``region`` from word ``cursor`` to ``limit`` words on, how its words
    differ, and the span from the first to the last word found unchanged."""
    if cursor >= len(region):
        return None
    rest = region[cursor : cursor + limit]
    haystack = " ".join(rest)
    needle = " ".join(part)
    hit = fuzz.partial_ratio_alignment(needle, haystack)
    if hit is None or hit.score < 40:
        return None
    starts = list(itertools.accumulate((len(w) + 1 for w in rest), initial=0))
    at = bisect.bisect_right(starts, hit.dest_start) - 1
    last = min(len(rest), bisect.bisect_left(starts, hit.dest_end) + 3 + len(part) // 5)
    # From the word where the best window starts, or a few words earlier when that aligns more
    # words (the window can begin one word late, "If tomorrow we could" for "If we could
    # tomorrow"); on a tie the later start, or an earlier repetition of the first words
    # ("… is the state. The state is …") would take the passage.
    best: tuple[int, int, list[tuple[str, int, int, int, int]]] | None = None
    for first in (max(0, at), max(0, at - 3)):
        steps = _trimmed(part, rest[first:last])
        same = sum(s2 - s1 for tag, s1, s2, _, _ in steps if tag == "equal")
        if best is None or same > best[0]:
            best = (same, first, steps)
    assert best is not None
    _, first, steps = best
    window = rest[first:last]
    if not steps or not any(tag == "equal" for tag, *_ in steps):
        return None
    a, b = steps[0][3], steps[-1][4]
    kinds = {"equal": "same", "replace": "changed", "delete": "inserted", "insert": "omitted"}
    ops = [DiffOp(kinds[tag], " ".join(part[s1:s2]), " ".join(window[d1:d2])) for tag, s1, s2, d1, d2 in steps]
    # (a lone shared word, "it", "the", at either end says little about where a translation begins)
    equal = [(d1, d2) for tag, _, _, d1, d2 in steps if tag == "equal"]
    equal = [(d1, d2) for d1, d2 in equal if d2 - d1 >= 2] or equal
    base = cursor + first
    return base + a, base + b, ops, (base + equal[0][0], base + equal[-1][1])


@functools.cache
def _function_words() -> frozenset[str]:
    text = resources.files("citecheck").joinpath("data/function_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _content_share(quoted: Sequence[str], ops: Sequence[DiffOp]) -> float:
    """The share of the quotation's words other than function words that the alignment found in the passage."""
    stop = _function_words()
    content = [w for w in quoted if w not in stop]
    if not content:
        return 0.0
    found = sum(1 for op in ops if op.kind == "same" for w in op.quoted.split() if w not in stop)
    return found / len(content)


def _trimmed(part: Sequence[str], window: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """The word alignment of ``part`` with ``window``, without the source words before and after it.

    The alignment keeps the most words in common (rapidfuzz's Indel: insertions and deletions
    only), so a long unbracketed insertion shows as inserted words, not as a run of "changed"
    ones; words left out and words put in at the same place are a changed word.
    """
    steps: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(list(part), list(window)):
        step = (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        if steps and {steps[-1][0], op.tag} == {"insert", "delete"}:
            prev = steps.pop()
            step = ("replace", prev[1], op.src_end, prev[3], op.dest_end)
        steps.append(step)
    while steps and steps[0][0] == "insert":
        steps.pop(0)
    while steps and steps[-1][0] == "insert":
        steps.pop()
    return steps


def _merge(ops: list[DiffOp]) -> list[DiffOp]:
    """Adjacent steps of one kind as one step."""
    out: list[DiffOp] = []
    for op in ops:
        if out and out[-1].kind == op.kind and op.kind != "ellipsis":
            prev = out[-1]
            out[-1] = DiffOp(op.kind, f"{prev.quoted} {op.quoted}".strip(), f"{prev.source} {op.source}".strip())
        else:
            out.append(op)
    return out


def _pages(text: SourceText, first: int, last: int, declared: str | None) -> tuple[str | None, bool]:
    """The page(s) of a passage: exact where the text marks its pages, else the text's declared range."""
    if not text.pages:
        return declared, False
    begins = [i for i, _ in text.pages]

    def page(word: int) -> str | None:
        k = bisect.bisect_right(begins, word) - 1
        if k >= 0:
            return text.pages[k][1]
        label = text.pages[0][1]
        return str(int(label) - 1) if label.isdigit() and int(label) > 1 else None

    a, b = page(first), page(max(first, last - 1))
    if a is None or b is None:
        return declared, False
    return (a if a == b else f"{a}-{b}"), True
