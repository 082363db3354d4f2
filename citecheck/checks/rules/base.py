"""What every rule is and what every rule sees."""

from __future__ import annotations

import abc
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TypeVar

from citecheck.bibliography.catalogue import Catalogue
from citecheck.checks.match import QuoteRef, cluster, quote_refs
from citecheck.checks.suppress import Marker
from citecheck.models import (
    Citation,
    DocumentResult,
    Finding,
    Location,
    NormalisedCitation,
    Severity,
    SourceVerdict,
)
from citecheck.settings import Settings

if TYPE_CHECKING:
    from citecheck.primary.index import SourceIndex

#: path, line, column, excerpt and context span of a quotation (the parts of its locations that never vary).
_Place = tuple[str, int, int, str, tuple[int, int, int, int] | None]


@dataclass(frozen=True)
class RuleContext:
    """The corpus as the rules see it, with the lookups several rules share (computed once)."""

    documents: tuple[DocumentResult, ...]
    normalised: tuple[NormalisedCitation, ...]
    catalogue: Catalogue
    settings: Settings = field(default_factory=Settings)
    #: Inline markers that silenced nothing, with why; filled in before the
    #: rules that run after suppression (:attr:`Rule.after_suppressions`).
    unused_suppressions: tuple[tuple[Marker, str], ...] = ()
    #: The primary texts of ``[tool.citecheck] sources``, indexed; None when there are none.
    primary: SourceIndex | None = None

    @functools.cached_property
    def docs(self) -> dict[str, DocumentResult]:
        """Documents by path."""
        return {d.path: d for d in self.documents}

    @functools.cached_property
    def by_citation(self) -> dict[tuple[str, str], NormalisedCitation]:
        """Normalised citations by (path, citation id)."""
        return {(n.path, n.citation.id): n for n in self.normalised}

    @functools.cached_property
    def quotes(self) -> list[QuoteRef]:
        """Every quotation, in path then document order."""
        return quote_refs(self.documents)

    @functools.cached_property
    def clusters(self) -> list[list[int]]:
        """Groups of :attr:`quotes` indices that are the same quotation."""
        from citecheck.checks.match import EXCERPT_RATIO, SAME_RATIO

        return cluster(
            self.quotes,
            self.settings.threshold("quote-match", SAME_RATIO),
            self.settings.threshold("excerpt-match", EXCERPT_RATIO),
        )

    @functools.cached_property
    def sources(self) -> list[NormalisedCitation | None]:
        """The normalised citation that sources each of :attr:`quotes` (None when unsourced), by index."""
        return [self.source_of(ref) for ref in self.quotes]

    @functools.cached_property
    def verdicts(self) -> dict[tuple[str, str], SourceVerdict]:
        """What the primary texts say of each quotation they can speak to, by (path, quotation id).

        Verified: every quotation whose citation names a work the sources cover
        (first-hand only), and every unsourced quotation of at least four words.
        Empty without sources.
        """
        if self.primary is None:
            return {}
        from citecheck.extract.scare import MIN_WORDS
        from citecheck.primary import OTHER_TRANSLATION, SAME_WORDING
        from citecheck.primary.verify import Verifier

        covered = self.primary.work_keys
        items = []
        for ref, n in zip(self.quotes, self.sources, strict=True):
            if len(ref.words) < MIN_WORDS:
                continue
            if n is None or (not n.citation.secondhand and n.work_key in covered):
                items.append((ref.path, ref.quotation.id, ref.quotation.text))
        verifier = Verifier(
            self.primary,
            self.settings.threshold("source-match", SAME_WORDING),
            self.settings.threshold("translation-match", OTHER_TRANSLATION),
        )
        return verifier.verify_all(items)

    def source_of(self, ref: QuoteRef) -> NormalisedCitation | None:
        """The normalised citation that sources a quotation, if any."""
        cid = ref.quotation.citation
        return self.by_citation.get((ref.path, cid)) if cid else None

    def quote_location(self, ref: QuoteRef, detail: str | None = None) -> Location:
        """Where a quotation is, with where its paragraph is (the context reports show)."""
        q = ref.quotation
        place = self._places.get((ref.path, q.id))
        if place is None:
            place = self._place(ref)
        return Location(place[0], place[1], place[2], place[3], detail, place[4])

    def location_at(self, i: int, detail: str | None = None) -> Location:
        """:meth:`quote_location` of ``quotes[i]``: rules that walk groups of quotations by index (a
        quotation cited in 700 places is 700 locations per finding) look its place up in a list."""
        place = self._indexed[i]
        if place is None:
            ref = self.quotes[i]
            place = self._indexed[i] = self._places.get((ref.path, ref.quotation.id)) or self._place(ref)
        return Location(place[0], place[1], place[2], place[3], detail, place[4])

    @functools.cached_property
    def _indexed(self) -> list[_Place | None]:
        return [None] * len(self.quotes)

    def citation_location(self, path: str, c: Citation, detail: str | None = None) -> Location:
        """Where a citation is."""
        return Location(path, c.line, c.column, clip(c.raw), detail)

    def _place(self, ref: QuoteRef) -> _Place:
        """A quotation's place as locations show it, made once however many findings show it
        (the excerpt once per wording: a quotation repeated in 700 places is clipped once)."""
        q = ref.quotation
        span = (q.context_start, q.context_end, q.start, q.end) if q.context_end > q.context_start else None
        excerpt = self._excerpts.get(q.text)
        if excerpt is None:
            excerpt = self._excerpts[q.text] = clip(q.text)
        place = self._places[(ref.path, q.id)] = (ref.path, q.line, q.column, excerpt, span)
        return place

    @functools.cached_property
    def _places(self) -> dict[tuple[str, str], _Place]:
        return {}

    @functools.cached_property
    def _excerpts(self) -> dict[str, str]:
        return {}


T = TypeVar("T")

#: How many places a message lists before "and N more" (the locations carry them all).
LISTED = 8


def listing(items: Sequence[T], show: Callable[[T], str]) -> str:
    """The first LISTED of ``items`` as ``show`` writes them, joined with "; ", then how many more there are.

    Only the items the message shows are written: a quotation cited a thousand
    times lists eight places, and formats eight.
    """
    shown = "; ".join(show(item) for item in items[:LISTED])
    return shown if len(items) <= LISTED else f"{shown}; and {len(items) - LISTED} more"


def clip(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(n: NormalisedCitation) -> str:
    """A citation in words: "Lenin, Collected Works, vol. 32, p. 24"."""
    c = n.citation
    return _described(n.author or c.author, n.title or c.work, c.volume, c.pages)


@functools.lru_cache(maxsize=8192)
def _described(author: str | None, title: str | None, volume: str | None, pages: str | None) -> str:
    # a corpus cites the same few places over and over: say each once
    parts = [p for p in (author, title) if p]
    if volume:
        parts.append(f"vol. {volume}")
    if pages:
        parts.append(f"p. {pages}")
    return ", ".join(parts)


def locator(n: NormalisedCitation) -> str:
    """Volume and page of a citation: "vol. 32, p. 24"."""
    c = n.citation
    bits = ([f"vol. {c.volume}"] if c.volume else []) + ([f"p. {c.pages}"] if c.pages else [])
    return ", ".join(bits) or "no volume or page"


class Rule(abc.ABC):
    """A discrepancy rule: a stable code, a name, a default severity, documentation, a check."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    #: Markdown: what it finds, why it matters, an example, how to fix it.
    explanation: ClassVar[str]
    thresholds: ClassVar[Mapping[str, float]] = {}
    #: True for rules about the suppressions themselves: they run after the
    #: inline markers have been applied to the other rules' findings.
    after_suppressions: ClassVar[bool] = False

    @abc.abstractmethod
    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on the corpus in ``ctx``."""
