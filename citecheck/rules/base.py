"""What every rule is and what every rule sees."""

from __future__ import annotations

import abc
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from ..catalogue import Catalogue
from ..match import QuoteRef, cluster, quote_refs
from ..models import Citation, DocumentResult, Finding, Location, NormalisedCitation, Quotation, Severity
from ..settings import Settings
from ..suppress import Marker


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
        from ..match import EXCERPT_RATIO, SAME_RATIO

        return cluster(
            self.quotes,
            self.settings.threshold("quote-match", SAME_RATIO),
            self.settings.threshold("excerpt-match", EXCERPT_RATIO),
        )

    def source_of(self, ref: QuoteRef) -> NormalisedCitation | None:
        """The normalised citation that sources a quotation, if any."""
        cid = ref.quotation.citation
        return self.by_citation.get((ref.path, cid)) if cid else None

    def quote_location(self, ref: QuoteRef, detail: str | None = None) -> Location:
        """Where a quotation is, with its paragraph as context."""
        q = ref.quotation
        excerpt, context = self._shown(ref)
        return Location(ref.path, q.line, q.column, excerpt, detail, context)

    def citation_location(self, path: str, c: Citation, detail: str | None = None) -> Location:
        """Where a citation is."""
        return Location(path, c.line, c.column, clip(c.raw), detail)

    def _shown(self, ref: QuoteRef) -> tuple[str, str | None]:
        """The excerpt and the context a location shows for a quotation, made once per quotation."""
        shown = self._shown_cache.get(ref.key)
        if shown is None:
            q = ref.quotation
            shown = self._shown_cache[ref.key] = (clip(q.text), _paragraph_around(self.docs.get(ref.path), q))
        return shown

    @functools.cached_property
    def _shown_cache(self) -> dict[tuple[str, str], tuple[str, str | None]]:
        # however many findings show a quotation, its strings are built and stored once
        return {}


#: How much of a quotation's paragraph, on each side of it, a finding shows as context.
CONTEXT_CHARS = 300


def _paragraph_around(doc: DocumentResult | None, q: Quotation) -> str | None:
    """The quotation's paragraph on one line, cut to CONTEXT_CHARS either side of the quotation."""
    if doc is None or not doc.source or q.context_end <= q.context_start:
        return None
    start = max(q.context_start, min(q.start, q.context_end) - CONTEXT_CHARS)
    end = min(q.context_end, max(q.end, start) + CONTEXT_CHARS)
    text = " ".join(doc.source[start:end].split())
    return ("…" if start > q.context_start else "") + text + ("…" if end < q.context_end else "")


def clip(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(n: NormalisedCitation) -> str:
    """A citation in words: "Lenin, Collected Works, vol. 32, p. 24"."""
    c = n.citation
    parts = [p for p in (n.author or c.author, n.title or c.work) if p]
    if c.volume:
        parts.append(f"vol. {c.volume}")
    if c.pages:
        parts.append(f"p. {c.pages}")
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
