"""Lines whatever their ends: the LF-only fast paths give exactly what the general scan gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citecheck.source.lines import _iter_lines_re, iter_lines, line_starts, line_texts

_EOL = re.compile(r"\r\n|\r|\n")


CASES = [
    # text, line starts, lines
    ("", [0], []),
    ("a", [0], [(0, 1)]),
    ("a\n", [0, 2], [(0, 1)]),
    ("a\n\nb", [0, 2, 3], [(0, 1), (2, 2), (3, 4)]),
    ("\n", [0, 1], [(0, 0)]),
    ("a\r\nb\rc\nd", [0, 3, 5, 7], [(0, 1), (3, 4), (5, 6), (7, 8)]),
    ("a\u2028b\n", [0, 4], [(0, 3)]),  # only CR and LF end a line
]


@pytest.mark.parametrize(("text", "starts", "lines"), CASES)
def test_lines(text: str, starts: list[int], lines: list[tuple[int, int]]) -> None:
    assert line_starts(text) == starts
    assert iter_lines(text) == lines
    assert list(line_texts(text)) == [(a, text[a:b]) for a, b in lines]


_PIECES = st.sampled_from(["a", "bc ", "\n", "\n\n", "\r", "\r\n", "é", "\u2028", " "])


@given(st.lists(_PIECES, max_size=20).map("".join), st.integers(-2, 30), st.integers(-2, 30) | st.none())
def test_fast_paths_match_the_definition(text: str, lo: int, hi: int | None) -> None:
    assert line_starts(text) == [0] + [m.end() for m in _EOL.finditer(text)]
    # the general scan (one match per line end) is the definition
    expected = _iter_lines_re(text, lo, len(text) if hi is None else hi)
    assert iter_lines(text, lo, hi) == expected
    assert list(line_texts(text, lo, hi)) == [(a, text[a:b]) for a, b in expected]
