"""The imprint rule: ``(Place: Publisher, Year)`` read whole, or not at all."""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.imprint import imprint_spans
from citecheck.extract.grammar.parse import parse_reference


def fields(text: str) -> dict[str, str]:
    return {label: text[s:e] for s, e, label in imprint_spans(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hale, Councils (Leeds: Merlin, 1980), 3", {"place": "Leeds", "publisher": "Merlin"}),
        # a place of several words, a state abbreviation kept with its full stop
        (
            "Hale, Councils (Englewood Cliffs, N.J.: Prentice Hall, 1974), 141--42",
            {"place": "Englewood Cliffs, N.J.", "publisher": "Prentice Hall"},
        ),
        (
            "Hale, Unity (Long Island City: Workers Party Press, Jan. 1947).",
            {"place": "Long Island City", "publisher": "Workers Party Press"},
        ),
        # an original year and a reprint before the place
        ("Hale, Root (1946; New York: Autonomedia, 1995).", {"place": "New York", "publisher": "Autonomedia"}),
        (
            "Hale, Root (1978; reprint New Brunswick, N.J.: Transaction, 1991), 191",
            {"place": "New Brunswick, N.J.", "publisher": "Transaction"},
        ),
        ("Hale, Councils (NY/Westport CN: Greenwood, 1994)", {"place": "NY/Westport CN", "publisher": "Greenwood"}),
        # not an imprint: a title with a colon, a parenthesis without a year, a note in brackets
        ("Hale, Councils: A History, 1980", {}),
        ("Hale (London: Merlin)", {}),
        ("Hale, Councils (see: Orlov, p. 3)", {}),
    ],
)
def test_imprint_spans(text: str, expected: dict[str, str]) -> None:
    assert fields(text) == expected


@pytest.mark.parametrize(
    ("text", "after_title", "expected"),
    [
        # place and year alone, after a title
        ("Orlov, Sochineniya (Moscow, 1924-6), VI, pp. 599-600.", 13, {"place": "Moscow", "year": "1924-6"}),
        ("Orlov, Sochineniya (Moscow 1924), p. 5", 13, {"place": "Moscow", "year": "1924"}),
        # before any title it is an author and a date
        ("(Carr, 1950), p. 3", None, {}),
    ],
)
def test_place_and_year(text: str, after_title: int | None, expected: dict[str, str]) -> None:
    assert {label: text[s:e] for s, e, label in imprint_spans(text, after_title)} == expected


def test_the_parse_takes_the_imprint() -> None:
    p = parse_reference("Anton Hale, *Them and Us* (Englewood Cliffs, N.J.: Prentice Hall, 1974), 141--42")
    assert (p.place, p.publisher, p.year) == ("Englewood Cliffs, N.J.", "Prentice Hall", "1974")
    p = parse_reference("G. Orlov, *Sochineniya* (Moscow, 1924-6), VI, pp. 599-600.")
    assert (p.place, p.year) == ("Moscow", "1924-6")
