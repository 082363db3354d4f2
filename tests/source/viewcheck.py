"""Helpers for the view tests: a view in a form a table row can state, and the source-map check."""

from __future__ import annotations

import html

from citecheck.models import TextView

#: Markdown markup a view character may stand for when it is blanked.
_MD_MARKUP = set("*_[]()<>#^!|~:-+=`\\ \t{}\"'./0123456789")


def blocks(view: TextView) -> list[tuple[str, str]]:
    """``(kind, text)`` of each block."""
    return [(b.kind, view.text[b.start : b.end]) for b in view.blocks]


def marks(view: TextView, kind: str) -> list[tuple[str, str | None]]:
    """``(raw source, data)`` of each mark of one kind."""
    return [(view.raw(m.start, m.end), m.data) for m in view.marks if m.kind == kind]


def mark_texts(view: TextView, kind: str) -> list[str]:
    """The view text under each mark of one kind."""
    return [view.text[m.start : m.end] for m in view.marks if m.kind == kind]


def check_source_map(view: TextView) -> None:
    """Every view character comes from the source as itself or as the markup that produced it.

    ``src`` and ``src_end`` are non-decreasing; a character either equals its source slice (or is
    whitespace standing for whitespace), or is a blank standing for markup, or was decoded from an
    entity or escape, or is a line break standing for a tag; repaired characters are skipped.
    """
    repaired = {(r.line, r.column) for r in view.repairs}
    prev_s = prev_e = -1
    for i, ch in enumerate(view.text):
        s, e = view.source_span(i, i + 1)
        assert s >= prev_s and e >= prev_e and e > s, (i, s, e, prev_s, prev_e)
        prev_s, prev_e = s, e
        raw = view.source[s:e]
        if raw == ch or (ch.isspace() and (raw.isspace() or html.unescape(raw).isspace())):
            continue  # whitespace standing for whitespace, written as such or as entities (&nbsp)
        if view.line_col(s) in repaired or any((view.line_col(s)[0], c) in repaired for c in range(1, 400)):
            continue
        if ch.isspace() and (raw.lstrip().startswith("<") or set(raw) <= _MD_MARKUP or len(raw) == 1):
            continue  # blanked markup, a tag (and the blanks before it) made a break
        if raw.startswith("&") and ch in html.unescape(raw):
            continue
        if raw.startswith("\\") and raw[1:] == ch:
            continue
        if raw in ("\r\n", "\r") and ch == "\n":
            continue
        if raw == "\x00" and ch == "\ufffd":
            continue
        raise AssertionError(f"view char {i} {ch!r} maps to {raw!r} at {s}")
