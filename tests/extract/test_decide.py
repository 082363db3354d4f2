"""Which candidates are references: judged on their parse, without references.bib."""

from __future__ import annotations

import pytest

from citecheck.extract.decide import judge, worth_parsing
from citecheck.extract.grammar.parse import parse_reference
from citecheck.models import Candidate

# (kind, text, marked, after a quotation, inside an inline quotation) -> kind or None
CASES = [
    ("bracket", "p. 275", False, True, False, "inline"),
    ("bracket", "Figes p. 581", False, False, False, "inline"),
    ("paren", "117", False, True, False, "inline"),  # a bare page right after the quotation
    ("paren", "117", False, False, False, None),  # a bare number elsewhere
    ("bracket", "3", False, True, False, None),  # [3] has a note marker's shape
    ("paren", "1917", False, False, False, None),  # a year alone
    ("bracket", "the Marxists", False, False, True, None),  # an editorial insertion
    ("bracket", "sic", False, False, True, None),
    ("paren", "Carr 1950", False, False, False, "inline"),  # author-date
    ("paren", "Works, vol. 33, page 288, our emphasis", True, True, False, "inline"),
    ("paren", "Thesis 5", False, True, False, "inline"),
    ("paren", "ibid, page 474", True, True, False, "ibid"),
    ("paren", "Quoted by Orlov.", False, True, False, "quoted-in"),
    ("paren", "which the reader will remember from the first chapter of this book", False, False, False, None),
    # a gloss is no reference, whatever its typography
    ("paren", "*i.e.*, bourgeois", True, False, False, None),
    ("paren", "e.g., Carr 1950", False, False, False, "inline"),  # author-date's "for example"
    ("bracket", "viz., the Tenth Congress, 1921", False, True, False, None),
    ("note", "Orlov, Red Decade, 140.", True, False, False, "footnote"),
    ("note", "Ibid.", False, False, False, "ibid"),
    ("note", "quoted in Hall, Memoirs, 4.", True, False, False, "quoted-in"),
    ("note", "Richardson interview", False, False, False, "footnote"),
    (
        "note",
        "In this period Weber signed his pieces as the editor of the paper and wrote little else.",
        False,
        False,
        False,
        None,
    ),
    ("attribution", "Orlov, The Red Decade", True, False, False, "attribution"),
    ("wikilink", "The State and Revolution (1917)", False, False, False, "wikilink"),
    ("wikilink", "Category:Revolutionaries", False, False, False, None),
]


@pytest.mark.parametrize(("kind", "text", "marked", "after", "inside", "expected"), CASES)
def test_judge(kind: str, text: str, marked: bool, after: bool, inside: bool, expected: str | None) -> None:
    c = Candidate(kind, 0, len(text), 0, len(text), 0)
    assert judge(c, parse_reference(text), marked, after, inside) == expected


@pytest.mark.parametrize(
    ("text", "marked", "worth"),
    [
        ("the Marxists", False, False),
        ("p. 3", False, True),
        ("Works", True, True),
        ("sic", False, False),
        ("Quoted by Carr", False, True),
    ],
)
def test_worth_parsing(text: str, marked: bool, worth: bool) -> None:
    assert worth_parsing(text, marked) == worth
