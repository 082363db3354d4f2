"""The run-length map from view offsets to source offsets, and the assembler that builds it."""

from __future__ import annotations

import pytest
import regex

from citecheck.source.lines import line_starts
from citecheck.source.offsets import Assembler, blank_spans, compose, identity_map, repair_starts, repair_view
from citecheck.source.repair import REPAIR_START_CHARS


def assembled() -> tuple[str, str, Assembler]:
    source = "a &amp; b<i>c</i>"
    asm = Assembler()
    asm.keep(0, "a ")
    asm.put(2, 7, "&")
    asm.keep(7, " b")
    asm.keep(12, "c")  # the tags are left out
    return source, asm.text(), asm


def test_lookups() -> None:
    source, text, asm = assembled()
    m = asm.offset_map(len(source))
    assert m is not None and text == "a & bc" and len(m) == 6
    assert list(m) == [0, 1, 2, 7, 8, 12]
    assert [m.end(i) for i in range(6)] == [1, 2, 7, 8, 9, 13]
    assert list(m.ends) == [1, 2, 7, 8, 9, 13] and m.ends[-1] == 13
    assert m[1:3] == [1, 2] and m[-1] == 12
    assert [m.to_view(s) for s in (0, 2, 5, 7, 9, 12, 13)] == [0, 2, 3, 3, 5, 5, 6]


def test_kept_runs_join() -> None:
    asm = Assembler()
    for i, ch in enumerate("abc"):
        asm.keep(i, ch)
    assert asm.offset_map(3) is None  # the same offsets: no map at all
    assert len(list(asm.offset_map(4).runs())) == 1  # type: ignore[union-attr]


def test_compose() -> None:
    source, text, asm = assembled()
    inner = asm.offset_map(len(source))
    outer_asm = Assembler()
    outer_asm.put(0, 3, "A")  # "a &" of the middle text becomes "A"
    outer_asm.keep(3, text[3:])
    outer = outer_asm.offset_map(len(text))
    m = compose(outer, inner, 4)
    assert m is not None and list(m) == [0, 7, 8, 12] and m.end(0) == 7
    assert compose(None, inner, 6) is inner and compose(outer, None, 4) is outer
    assert list(identity_map(3)) == [0, 1, 2]


def test_repair_view_moves_offsets_through_the_repair() -> None:
    source = "x\nthe â€œwordâ€\x9d"
    text, outer, repairs = repair_view(source, None, line_starts(source))
    assert text == "x\nthe “word”"
    assert outer is not None and outer.end(text.index("“")) == source.index("â€œ") + 3
    assert [(r.line, r.column, r.original) for r in repairs] == [(2, 5, "â€œ"), (2, 12, "â€\x9d")]
    assert repair_view("plain", None, [0]) == ("plain", None, ())


@pytest.mark.parametrize(
    "text", ["", "plain English", "â€œaâ€\x9d ÉÉ", "thousandÉ\nÒWordÓ doesnÕt ÃÂ", "é è ê: no repair starts here"]
)
def test_repair_starts_are_every_character_a_repair_can_start_at(text: str) -> None:
    every = [m.start() for m in regex.finditer("[" + REPAIR_START_CHARS + "]", text)]
    assert repair_starts(text) == every


def test_blank_spans_keeps_line_ends() -> None:
    assert blank_spans("ab\ncd", [(1, 4), (0, 1)]) == "  \n d"
    assert blank_spans("ab", []) == "ab"
