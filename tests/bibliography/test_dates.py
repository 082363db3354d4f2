"""ISO 8601 dates and intervals: spans of days, and None for what is no date."""

from __future__ import annotations

import pytest

from citecheck.bibliography.dates import interval, overlaps


@pytest.mark.parametrize(
    ("iso", "span"),
    [
        ("1920-12/1921-08", ((1920, 12, 1), (1921, 8, 31))),
        ("1908", ((1908, 1, 1), (1908, 12, 31))),
        ("1920-02", ((1920, 2, 1), (1920, 2, 29))),  # a leap year
        ("1917-10-25", ((1917, 10, 25), (1917, 10, 25))),
        ("1917-10-25/1917-11", ((1917, 10, 25), (1917, 11, 30))),
        (None, None),
        ("", None),
        ("1921-00", None),  # month 00: calendar.IllegalMonthError before
        ("1921-13", None),
        ("1921-12/1923-13", None),
        ("1921-02-29", None),
        ("1921-04-31", None),
        ("1923/1921", None),
        ("c. 1921", None),
    ],
)
def test_interval(iso: str | None, span: tuple[tuple[int, int, int], tuple[int, int, int]] | None) -> None:
    assert interval(iso) == span


def test_overlaps_is_unknown_for_a_date_that_does_not_exist() -> None:
    assert overlaps("1921-05", "1921-01/1921-12") is True
    assert overlaps("1922-05", "1921-01/1921-12") is False
    assert overlaps("1921-13", "1921-01/1921-12") is None
