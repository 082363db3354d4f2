"""Constraints on the publication data the labeller finds in a reference string.

The sequence labeller reads places, publishers and dates well when they follow the common
shapes; these rules mend the shapes it has seen too rarely: a publisher with no place
(``Oxford UP, 1954``, ``(Penguin, 1969)``, ``*Title* (Pluto).``), a publisher then a place with no
colon (``Boni and Liveright N.Y., 1919``), ``Paris, Gallimard, 1987``, a month in a date read as a
place (``(April 1938)``), Harvard's original year in brackets (``([1917] 1964)``). Each takes the
tokens and their labels and returns the labels, changed only where its shape holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.extract.grammar.features import word_classes, word_lexicon
from citecheck.models import TITLE_LABELS, Token


def _first_run(labels: Sequence[str], label: str) -> tuple[int, int] | None:
    """``(start, end)`` of the first run of tokens labelled ``label``, or None."""
    if label not in labels:
        return None
    first = labels.index(label)
    end = first
    while end < len(labels) and labels[end] == label:
        end += 1
    return first, end


def place_then_publisher(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``Paris, Grasset, 1936``: a place run holding a comma, a known place before it and, after it,
    words that are no place (not ``London, New York``, not ``Cambridge, MA``), is the place and the
    publisher, when the labeller found no publisher."""
    if "publisher" in labels or (run := _first_run(labels, "place")) is None:
        return labels
    first, end = run
    comma = next((k for k in range(first, end) if tokens[k].text == ","), None)
    if comma is None or comma + 1 >= end:
        return labels
    lexicon = word_lexicon()
    before = [t.text.lower() for t in tokens[first:comma]]
    after = [t for t in tokens[comma + 1 : end] if t.text[:1].isalnum()]
    if not before or "place" not in lexicon.get(before[-1], ()) or not after:
        return labels
    if any("place" in lexicon.get(t.text.lower(), ()) or t.text.isupper() for t in after):
        return labels
    out = list(labels)
    out[comma] = "other"
    for k in range(comma + 1, end):
        out[k] = "publisher"
    return out


def press_is_publisher(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """MLA's imprint has no place (``Oxford UP, 1954``), nor does ``(Penguin, 1969)``: a place run
    ending in ``UP`` or a press word, or made of a publisher's name that is no place, is the
    publisher, when the labeller found none."""
    if "publisher" in labels or (run := _first_run(labels, "place")) is None:
        return labels
    first, end = run
    last = tokens[end - 1].text
    if "," in (t.text for t in tokens[first:end]):
        return labels
    lexicon = word_lexicon()
    words = [t.text.lower() for t in tokens[first:end] if t.text[:1].isalnum()]
    # "(Penguin, 1969)": a publisher's name alone, no word of it a place's
    publisher_only = bool(words) and all(
        "publisher" in lexicon.get(w, ()) and "place" not in lexicon.get(w, ()) for w in words if w not in ("and", "&")
    )
    if not (last == "UP" or last.lower() in word_classes().get("press", frozenset()) or publisher_only):
        return labels
    return labels[:first] + ["publisher"] * (end - first) + labels[end:]


def publisher_then_place(text: str, tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``Boni and Liveright N.Y., 1919``: a run read as the place (or as a comment, inside the
    imprint's parentheses) that is a publisher's name, then a known place with no colon between, is
    the publisher and the place, when the labeller found no publisher and no other place."""
    if "publisher" in labels:
        return labels
    lexicon = word_lexicon()
    k = 0
    while k < len(tokens):
        lab = labels[k]
        end = k + 1
        while end < len(tokens) and labels[end] == lab:
            end += 1
        if (
            (lab == "place" or (lab == "note" and all(t.depth > 0 for t in tokens[k:end])))
            and not any(t.text in (",", ":") for t in tokens[k:end])
            and labels.count("place") == (end - k if lab == "place" else 0)
        ):
            cut = next(
                (a for a in range(k + 1, end) if tokens[a].text[:1].isupper() and _place_from(text, tokens, a, end)),
                None,
            )
            if cut is not None and any("publisher" in lexicon.get(t.text.lower(), ()) for t in tokens[k:cut]):
                return labels[:k] + ["publisher"] * (cut - k) + ["place"] * (end - cut) + labels[end:]
        k = end
    return labels


def publisher_in_parentheses(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """``*State Capitalism in Russia* (Pluto).``: capitalised words alone in parentheses after the
    title, one of them a publisher's (``data/reference_words.txt``), are the publisher."""
    if "publisher" in labels:
        return labels
    lexicon = word_lexicon()
    for k, tok in enumerate(tokens):
        if tok.text != "(" or not any(lab in TITLE_LABELS for lab in labels[:k]):
            continue
        close = next((j for j in range(k + 1, len(tokens)) if tokens[j].text == ")"), None)
        if close is None or close == k + 1:
            return labels
        inside = tokens[k + 1 : close]
        words = [t for t in inside if t.text[:1].isalnum()]
        if (
            words
            and all(labels[j] in ("note", "other") for j in range(k + 1, close))
            and all(t.text[:1].isupper() or t.text in ("and", "&") for t in words)
            and any("publisher" in lexicon.get(t.text.lower(), ()) or t.text == "UP" for t in words)
        ):
            return labels[: k + 1] + ["publisher"] * len(inside) + labels[close:]
    return labels


def _place_from(text: str, tokens: Sequence[Token], a: int, end: int) -> bool:
    """Whether tokens ``a..end`` spell a known place ("N.Y.", "New York")."""
    words = text[tokens[a].start : tokens[end - 1].end].lower().split()
    lexicon = word_lexicon()
    return bool(words) and all("place" in lexicon.get(w, ()) for w in words)


def dates_are_no_place(tokens: Sequence[Token], labels: list[str], hints: Sequence[tuple[int, int, str]]) -> list[str]:
    """A month the fixed grammar read as part of a date (``(April 1938): 103``) is the date, never
    a place or a publisher."""
    dates = [(s, e) for s, e, hint in hints if hint == "date"]
    if not dates:
        return labels
    out = labels
    for k, tok in enumerate(tokens):
        if labels[k] in ("place", "publisher") and any(s <= tok.start and tok.end <= e for s, e in dates):
            if out is labels:
                out = list(labels)
            out[k] = "date"
    return out


def bracketed_years(tokens: Sequence[Token], labels: list[str], hints: Sequence[tuple[int, int, str]]) -> list[str]:
    """A year the fixed grammar reads inside the string's parentheses (``([1917] 1964)``), in plain
    type, is a year, never part of the title that follows it."""
    years = {(s, e) for s, e, hint in hints if hint in ("year", "origyear")}
    out = labels
    for k, tok in enumerate(tokens):
        if (
            labels[k] in TITLE_LABELS
            and tok.depth > 0
            and not (tok.italic or tok.bold or tok.quoted)
            and (tok.start, tok.end) in years
        ):
            if out is labels:
                out = list(labels)
            out[k] = "year"
    return out
