"""Parse one reference string, in any style, into its parts.

``parse_reference("Leon Trotsky, *Writings, 1938--39* …")`` tokenizes the string with its
typography (:mod:`~citecheck.extract.grammar.tokens`), labels every token with the sequence
labeller (:mod:`~citecheck.extract.grammar.labeller`, whose features include the fixed locator
grammar of :mod:`~citecheck.extract.grammar.locators`) and assembles the fields
(:mod:`~citecheck.extract.grammar.fields`). It never consults references.bib: normalising what
was parsed against the curated bibliography is a later stage.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from citecheck.extract.grammar.features import word_classes
from citecheck.extract.grammar.fields import assemble
from citecheck.extract.grammar.imprint import imprint_spans
from citecheck.extract.grammar.labeller import label_tokens
from citecheck.extract.grammar.locators import locator_hints
from citecheck.extract.grammar.tokens import tokenize
from citecheck.models import ParsedReference, Token

#: How an address starts (a token starting so is an address, never a title or a publisher).
_URL_STARTS = ("http://", "https://", "www.", "file://")


def parse_reference(text: str, marks: Sequence[tuple[int, int, str]] = ()) -> ParsedReference:
    """The parts of the reference ``text``; ``marks`` are its ``(start, end, italic|bold)`` spans."""
    key = (text, tuple(marks))
    hit = _PARSED.get(key)
    if hit is not None:
        return hit
    tokens = tokenize(text, marks)
    hints = locator_hints(text)
    labels = label_tokens(text, tokens, hints)
    # an address is never a title or a publisher: it is a comment on where to read the work
    labels = ["note" if tok.text.startswith(_URL_STARTS) else lab for tok, lab in zip(tokens, labels, strict=True)]
    labels = _one_title_per_quotation(tokens, labels)
    labels = _a_title_is_no_author(tokens, labels)
    labels = _imprint(text, tokens, labels)
    labels = _possessive_author(tokens, labels)
    parsed = assemble(text, tokens, labels, hints)
    if len(_PARSED) > 20_000:
        _PARSED.clear()
    _PARSED[key] = parsed
    return parsed


_TITLES = ("title", "part", "container")


def _one_title_per_quotation(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """A title in quotation marks is one title: when the labeller splits the words of one quoted
    run between title fields (``"SWP and European Revolutions"`` as title + part), the run takes
    the field most of its words have (the first word's, on a tie), and so do the words between
    them the labeller left out ("and"), when title words are at least half the run."""
    out = list(labels)
    i = 0
    while i < len(tokens):
        if not tokens[i].quoted:
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].quoted:
            j += 1
        run = [k for k in range(i, j) if out[k] in _TITLES]
        if run and 2 * len(run) >= j - i:
            counts = {lab: sum(1 for k in run if out[k] == lab) for lab in {out[k] for k in run}}
            best = max(counts.values())
            chosen = next(out[k] for k in run if counts[out[k]] == best)
            for k in range(run[0], run[-1] + 1):
                out[k] = chosen
        i = j
    return out


def _a_title_is_no_author(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``[Marx-Engels Reader, p. 731]``: when nothing is labelled a title and the one author run
    holds a title noun (``reader``, ``essays``, ``memoirs``; ``citecheck/data/reference_words.txt``),
    the run is the title."""
    if any(lab in _TITLES for lab in labels):
        return labels
    runs: list[tuple[int, int]] = []
    for k, lab in enumerate(labels):
        if lab == "author":
            if runs and runs[-1][1] == k - 1:
                runs[-1] = (runs[-1][0], k)
            else:
                runs.append((k, k))
    nouns = word_classes().get("title", frozenset())
    if len(runs) != 1 or not any(tokens[k].text.lower() in nouns for k in range(runs[0][0], runs[0][1] + 1)):
        return labels
    out = list(labels)
    for k in range(runs[0][0], runs[0][1] + 1):
        out[k] = "title"
    return out


def _possessive_author(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``Deutscher's detailed accounts in *Soviet Trade Unions*``: with no author labelled, a name in
    the possessive before the title is its author."""
    if "author" in labels:
        return labels
    first_title = next((k for k, lab in enumerate(labels) if lab in _TITLES), None)
    if first_title is None:
        return labels
    for k in range(first_title - 1, -1, -1):
        t = tokens[k].text
        if t[:1].isupper() and t.endswith(("'s", "’s")) and labels[k] in ("other", "note"):
            out = list(labels)
            out[k] = "author"
            return out
    return labels


def _imprint(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """Place and publisher as the imprint rule reads them (:mod:`~citecheck.extract.grammar.imprint`)."""
    title_ends = [tok.end for tok, lab in zip(tokens, labels, strict=True) if lab in _TITLES]
    spans = imprint_spans(text, title_ends[0] if title_ends else None)
    if not spans:
        return labels
    out = list(labels)
    for k, tok in enumerate(tokens):
        for s, e, label in spans:
            if s <= tok.start and tok.end <= e:
                out[k] = label
            elif s <= tok.start < e + 2 and out[k] in ("place", "publisher", "year") and tok.text in ",.":
                out[k] = "other"
    return out


#: Parses already made in this process: the same reference string ("Ibid.", a repeated note)
#: parses the same way, so it is parsed once (the result is an immutable record).
_PARSED: dict[tuple[str, tuple[tuple[int, int, str], ...]], ParsedReference] = {}


def segments(p: ParsedReference) -> list[tuple[int, int]]:
    """Where one parsed string holds several references ("X," *Journal* 899 (2012), "Y," *Journal* 907 …),
    the ``(start, end)`` of each in ``p.text``: a new one starts where an author, article or title
    follows a reference that already has a title and a locator or publication data."""
    cuts = [0]
    seen: set[str] = set()
    long_title = False
    comment_at: int | None = None  # where commentary began after the last field
    for s, e, lab in p.spans:
        if lab == "note":
            if comment_at is None and seen:
                comment_at = s
            continue
        has_data = bool(seen & {"volume", "issue", "pages", "year", "date", "place", "publisher"})
        # the new reference starts at the commentary leading to it ("… 215. Quotation is from Lipsitz …")
        at = comment_at if comment_at is not None else s
        boundary = p.text[:at].rstrip(" \t\n“\"‘'«*")[-1:] in (",", ";", ".", ")")
        if (
            has_data
            and boundary
            and (
                (lab == "author" and long_title and seen & {"part", "title", "container"})
                or (lab == "part" and seen & {"title", "container"})
                or (lab == "title" and "container" in seen)
            )
        ):
            cuts.append(at)
            seen = set()
            long_title = False
        comment_at = None
        seen.add(lab)
        if lab in ("part", "title", "container") and len(p.text[s:e].split()) >= 2:
            long_title = True
    cuts.append(len(p.text))
    out = list(itertools.pairwise(cuts))
    # a cut falls on a field's first character; the opening quotation mark before it goes with it
    for k in range(1, len(out)):
        a = out[k][0]
        if p.text[a - 1 : a] in ("“", '"', "‘", "'", "«"):
            out[k - 1] = (out[k - 1][0], a - 1)
            out[k] = (a - 1, out[k][1])
    return out
