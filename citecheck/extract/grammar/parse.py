"""Parse one reference string, in any style, into its parts.

``parse_reference("Leon Trotsky, *Writings, 1938--39* …")`` tokenizes the string with its
typography (:mod:`~citecheck.extract.grammar.tokens`), labels every token with the sequence
labeller (:mod:`~citecheck.extract.grammar.labeller`, whose features include the fixed locator
grammar of :mod:`~citecheck.extract.grammar.locators`) and assembles the fields
(:mod:`~citecheck.extract.grammar.fields`). It never consults references.bib: normalising what
was parsed against the curated bibliography is a later stage.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.extract.grammar.fields import assemble
from citecheck.extract.grammar.labeller import label_tokens
from citecheck.extract.grammar.locators import locator_hints
from citecheck.extract.grammar.tokens import tokenize
from citecheck.models import ParsedReference


def parse_reference(text: str, marks: Sequence[tuple[int, int, str]] = ()) -> ParsedReference:
    """The parts of the reference ``text``; ``marks`` are its ``(start, end, italic|bold)`` spans."""
    tokens = tokenize(text, marks)
    return assemble(text, tokens, label_tokens(text, tokens), locator_hints(text))
