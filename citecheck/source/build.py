"""Build the :class:`~citecheck.models.TextView` of a document, whatever its format.

Each format has its own module (:mod:`~citecheck.source.markdown`, :mod:`~citecheck.source.html`,
:mod:`~citecheck.source.plain`); they produce view text, a map to the source, blocks, marks and
metadata, and this module finishes the view the same way for all: mojibake is repaired (and
reported), offsets are moved past any repair that changed a length, blocks and marks are sorted.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from operator import attrgetter

from citecheck.models import Block, Document, Mark, TextView
from citecheck.source.lines import line_starts
from citecheck.source.notes import without_backlinks
from citecheck.source.offsets import OffsetMap, compose, repair_view, trim_block

_BY_SPAN = attrgetter("start", "end")


def build_view(doc: Document) -> TextView:
    """The view of ``doc``: plain text as a reader sees it, with blocks, marks and a map to the source."""
    # The builders make many small objects and no reference cycles: a collection during the build
    # finds nothing and, repeated as the heap grows, made large documents superlinear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(doc)
    finally:
        if enabled:
            gc.enable()


def _build(doc: Document) -> TextView:
    if doc.format == "html":
        from citecheck.source.html import build_html

        h = build_html(doc)
        return finish(doc.text, h.text, h.offsets, h.blocks, h.marks, h.meta)
    if doc.format == "markdown":
        from citecheck.source.markdown import build_markdown

        m = build_markdown(doc.text)
        return finish(doc.text, m.text, m.offsets, m.blocks, m.marks, m.meta)
    from citecheck.source.plain import build_plain

    return build_plain(doc.text)


def finish(
    source: str,
    text: str,
    offsets: OffsetMap | None,
    blocks: Iterable[Block],
    marks: Iterable[Mark],
    meta: Iterable[tuple[str, str]] = (),
) -> TextView:
    """Repair mojibake in a built view and make the :class:`TextView`.

    A repair that changes a length (``â€œ`` -> ``“``) moves the offsets of the blocks and marks
    after it; the map then goes through the repair to the source.
    """
    text, blocks = without_backlinks(text, list(blocks))
    starts = line_starts(source)
    new_text, outer, repairs = repair_view(text, offsets, starts)
    block_list = sorted(
        (t for b in blocks if (t := trim_block(new_text if outer is None else text, b)) is not None),
        key=_BY_SPAN,
    )
    mark_list = sorted(marks, key=_BY_SPAN)
    if outer is not None:
        block_list = [_moved(b, outer) for b in block_list]
        mark_list = [Mark(m.kind, outer.to_view(m.start), _end(outer, m.end), m.data) for m in mark_list]
        offsets = compose(outer, offsets, len(new_text))
    return TextView(
        source=source,
        text=new_text,
        src=offsets,
        line_starts=starts,
        blocks=tuple(block_list),
        marks=tuple(mark_list),
        meta=tuple(meta),
        repairs=repairs,
        src_end=offsets.ends if offsets is not None else None,
    )


def _end(outer: OffsetMap, end: int) -> int:
    """The new view offset of an old end offset (one past the char before it)."""
    return outer.to_view(end)


def _moved(b: Block, outer: OffsetMap) -> Block:
    return Block(b.kind, outer.to_view(b.start), _end(outer, b.end), b.note, b.group, b.indented, b.depth)
