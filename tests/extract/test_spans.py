"""Spans: every lookup agrees with a scan of all the spans, for spans that nest and overlap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citecheck.extract.spans import Spans

span = st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1]))
spans = st.lists(span, max_size=25)
query = st.tuples(st.integers(0, 90), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))


@given(spans, query)
def test_overlapping_and_starting_in_agree_with_a_scan(items: list[tuple[int, int]], q: tuple[int, int]) -> None:
    a, b = q
    s = Spans(items)
    assert s.overlapping(a, b) == sorted(x for x in items if x[0] < b and x[1] > a)
    assert s.starting_in(a, b) == sorted(x for x in items if a <= x[0] < b)


@given(spans, st.integers(0, 90))
def test_contains_agrees_with_a_scan(items: list[tuple[int, int]], pos: int) -> None:
    assert Spans(items).contains(pos) == any(x <= pos < y for x, y in items)


@given(spans, query)
def test_encloses_agrees_with_a_scan(items: list[tuple[int, int]], q: tuple[int, int]) -> None:
    a, b = q
    assert Spans(items).encloses(a, b) == any(x <= a and b <= y for x, y in items)
