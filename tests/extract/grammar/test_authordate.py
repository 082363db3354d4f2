"""The fixed author–date / author–page grammar: one row a form, with forms it must refuse."""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.authordate import author_date

ROWS = [
    # (parenthesis contents, (author, year, volume, pages)) or None: not an author-date citation
    ("Trotsky, 1937, p. 94", ("Trotsky", "1937", None, "94")),
    ("Orlov 1987: 112", ("Orlov", "1987", None, "112")),
    ("Keller 1980, pp. 310–12", ("Keller", "1980", None, "310–12")),
    ("Keller 1980a, 701", ("Keller", "1980", None, "701")),
    ("Brandt 1961, vol. 2, p. 58", ("Brandt", "1961", "vol. 2", "58")),
    ("Marx and Engels 1848: 12", ("Marx and Engels", "1848", None, "12")),
    ("Orlov et al. 1990", ("Orlov et al.", "1990", None, None)),
    ("de Man 1926, 14", ("de Man", "1926", None, "14")),
    ("Orlov 1987", ("Orlov", "1987", None, None)),
    ("Orlov 212", ("Orlov", None, None, "212")),  # MLA: author and page, no comma
    ("Keller 94-95", ("Keller", None, None, "94-95")),
    # the year first published, in brackets, before or after the edition's
    ("Orlov [1917] 1964: 392", ("Orlov", "1964", None, "392")),
    ("Orlov 1964 [1917], p. 392", ("Orlov", "1964", None, "392")),
    ("Anarchy, p. 43", None),  # a short title: left to the sequence labeller
    ("Chapter 3", None),
    ("Article 58", None),
    ("March 1917", None),
    ("Autumn 1989", None),
    ("Petrograd 1917", None),
    ("see Orlov 1987", None),
    ("1987: 112", None),
    ("the Red Decade 1987", None),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_author_date(text: str, expected: tuple[str, str | None, str | None, str | None] | None) -> None:
    p = author_date(text)
    if expected is None:
        assert p is None
        return
    assert p is not None
    assert (p.author, p.year, p.volume, p.pages) == expected
    for s, e, label in p.spans:
        assert text[s:e] == {"author": p.author, "year": p.year, "volume": p.volume, "pages": p.pages}[label]


def test_the_original_year_is_kept() -> None:
    p = author_date("Orlov [1917] 1964: 392")
    assert p is not None and (p.year, p.original_year) == ("1964", "1917")
