"""Tokens of a reference string keep the typography a reader sees."""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.tokens import is_roman, roman_value, tokenize


def flags(text: str, marks: list[tuple[int, int, str]] = []) -> list[tuple[str, str]]:  # noqa: B006
    out = []
    for t in tokenize(text, marks):
        f = "".join(c for c, on in (("i", t.italic), ("b", t.bold), ("q", t.quoted), ("(", t.depth > 0)) if on)
        out.append((t.text, f))
    return out


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("Orlov, Red Decade", [(7, 17, "italic")], [("Orlov", ""), (",", ""), ("Red", "i"), ("Decade", "i")]),
        (
            "“On Tax,” Works",
            [(10, 15, "bold")],
            [("“", ""), ("On", "q"), ("Tax", "q"), (",", "q"), ("”", ""), ("Works", "b")],
        ),
        ("(Moscow, 1977)", [], [("(", ""), ("Moscow", "("), (",", "("), ("1977", "("), (")", "")]),
        # an apostrophe is no closing mark: the quotation runs on to the real one
        (
            "‘Lenin’s last fight’ p98",
            [],
            [("‘", ""), ("Lenin’s", "q"), ("last", "q"), ("fight", "q"), ("’", ""), ("p", ""), ("98", "")],
        ),
        (
            "pp306-413 212--14 http://x.org/a",
            [],
            [
                ("pp", ""),
                ("306", ""),
                ("-", ""),
                ("413", ""),
                ("212", ""),
                ("--", ""),
                ("14", ""),
                ("http://x.org/a", ""),
            ],
        ),
    ],
)
def test_tokens(text: str, marks: list[tuple[int, int, str]], expected: list[tuple[str, str]]) -> None:
    assert flags(text, marks) == expected


@pytest.mark.parametrize(
    ("word", "value"), [("XXIV", 24), ("ix", 9), ("XL", 40), ("MCM", 1900), ("Lenin", None), ("IIII", None)]
)
def test_roman(word: str, value: int | None) -> None:
    assert roman_value(word) == value
    assert is_roman(word) == (value is not None)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("“On Tax,” Works", [(1, 8)]),
        ("Lenin’s ‘Left-Wing’ Communism", [(9, 18)]),  # an apostrophe closes nothing
        ("‘ x’ and ‘Y’", [(10, 11)]),  # a ‘ before a space opens nothing
        ('"a" b "c', [(1, 2)]),  # the last " has no partner
        ("“a” “b", [(1, 2)]),
        ("«Pravda» and „Iskra”", [(1, 7), (14, 19)]),
        ("no marks at all, 1917", []),
        ("‘Lenin’s book’", [(1, 13)]),
    ],
)
def test_quote_spans(text: str, spans: list[tuple[int, int]]) -> None:
    from citecheck.extract.grammar.tokens import _quote_spans

    assert _quote_spans(text) == spans
