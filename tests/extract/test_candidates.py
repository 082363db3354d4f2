"""Candidate references: every bracket, note piece, attribution line and wikilink, recall first."""

from __future__ import annotations

import pytest

from citecheck.extract.candidates import find_candidates, split_sources
from citecheck.extract.quotes import find_quotes
from tests.conftest import view_of


def cands(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    view = view_of(text, fmt)
    return [(c.kind, " ".join(view.text[c.start : c.end].split())) for c in find_candidates(view, find_quotes(view))]


CASES = [
    # a dash and a name before a link to a work: an attribution with its author
    (
        "markdown",
        "> “When goods are short, the buyers queue.” - Orlov, [[The Queue Betrayed (1937)]]\n\nMore.\n",
        [("attribution", "Orlov, The Queue Betrayed (1937)")],
    ),
    ("markdown", "See [[The Queue Betrayed]] for more.\n", [("wikilink", "The Queue Betrayed")]),
    # a bracket across a hard line break, with a bold title
    (
        "markdown",
        "He wrote “this” [Anna Petrova,\n**Against the State**, p. 87] and more.\n",
        [("bracket", "Anna Petrova, Against the State , p. 87")],
    ),
    # a parenthesis after the sentence's full stop
    ("text", "“We shall win,” he warned. (LCW, Vol. 33, p. 212.)\n", [("paren", "LCW, Vol. 33, p. 212.")]),
    # nested brackets are candidates too; the decision picks between them
    ("text", "As noted (see [Orlov, p. 3]) here.\n", [("paren", "see [Orlov, p. 3]"), ("bracket", "Orlov, p. 3")]),
    # a note naming three sources, and one read second hand
    (
        "markdown",
        "Text.[^1]\n\n[^1]: Orlov, *Red Decade*, 3; Keller, *Councils*, 9; Petrov, quoted in Hall, *Memoirs*, 4.\n",
        [
            ("note", "Orlov, Red Decade , 3"),
            ("note", "Keller, Councils , 9"),
            ("note", "quoted in Hall, Memoirs , 4."),
        ],
    ),
    # a semicolon inside a title does not cut it; "Surname, Given;" is one author of several
    (
        "markdown",
        "Text.[^1]\n\n[^1]: Hall, Anne; Moreau, Paul (1999). Old Songs; New Words. Leeds: Merlin.\n",
        [("note", "Hall, Anne; Moreau, Paul (1999). Old Songs; New Words. Leeds: Merlin."), ("note-paren", "1999")],
    ),
    # the line under a plain-text block quotation names its source, dash or no dash
    (
        "text",
        "He put it so:\n\nThe state withers away as the classes disappear from the scene.\n\nSelected Works, Volume 2\n\nMore.\n",
        [("attribution", "Selected Works, Volume 2")],
    ),
    # a Markdown block quotation with its source after the closing mark
    (
        "markdown",
        "> “The state withers away as the classes go.” — Orlov, *Red Decade*\n\nMore.\n",
        [("attribution", "Orlov, Red Decade")],
    ),
    # a sentence reporting speech under a block quotation is prose with a reference, not a source line
    (
        "html",
        "<blockquote><p>The state withers away as the classes go.</p></blockquote>"
        "<p>Orlov later wrote that it was “a passing phase” (<em>Red Decade</em>, p. 96).</p>",
        [("paren", "Red Decade, p. 96")],
    ),
    (
        "markdown",
        "> The state withers away as the classes go.\n\nCompare Hollis, who calls it “a passing phase” (vol. 2, p. 271).\n",
        [("paren", "vol. 2, p. 271")],
    ),
    # entries of a reference list
    (
        "markdown",
        "Text.\n\n## References\n\nOrlov, N. (1987). Red Decade. London: Verso.\n",
        [("list", "Orlov, N. (1987). Red Decade. London: Verso.")],
    ),
    # wiki pages that are no works: categories, files, tags
    (
        "markdown",
        "See [[Category:Councils]] and [[File:Orlov.jpg]] and [[The Red Decade]].\n",
        [("wikilink", "The Red Decade")],
    ),
    ("markdown", "Text.\n\n## References\n\n[[Category:Councils]] [[Category:Soviets]]\n", []),
    # a heading under a block quotation that is a date or "Notes" starts a section: no attribution
    ("html", "<blockquote><p>The state withers away as the classes go.</p></blockquote><h4>Early September</h4>", []),
    ("html", "<blockquote><p>The state withers away as the classes go.</p></blockquote><h4>March 1921</h4>", []),
    ("html", "<blockquote><p>The state withers away as the classes go.</p></blockquote><h4>Notes</h4>", []),
    (
        "html",
        "<blockquote><p>The state withers away as the classes go.</p></blockquote><h4>Orlov, Red Decade</h4>",
        [("attribution", "Orlov, Red Decade")],
    ),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), CASES)
def test_candidates(fmt: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert cands(text, fmt) == expected


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("A, T, 3; B, U, 4", ["A, T, 3", " B, U, 4"]),
        ('A, "x; y," T, 3', ['A, "x; y," T, 3']),
        ("A (x; y), 3", ["A (x; y), 3"]),
        ("A [x (y; z]; w), 3; B, 4", ["A [x (y; z]; w), 3", " B, 4"]),  # brackets counted, not paired
        ("A “x; y” T, 3; “B,” U, 4", ["A “x; y” T, 3", " “B,” U, 4"]),
        ('A “x; y" z; B, 4', ['A “x; y" z; B, 4']),  # “ is closed by ” only
        ('A5"; B, 4', ['A5"', " B, 4"]),  # a " after a letter or digit opens nothing
        ("A); B, 4", ["A)", " B, 4"]),  # a closing bracket with none open
        ("Anti-Power; Herr Karl Smith's Revolution", ["Anti-Power; Herr Karl Smith's Revolution"]),
        # the marker stays with the source read, so that its parse knows it is second hand
        # a name alone before it is the person quoted, not a source
        ("Lenin, quoted in Carr, History, 3", ["quoted in Carr, History, 3"]),
        ("Joshua Freeman quoted in Carr, History, 3", ["quoted in Carr, History, 3"]),
        # a work before it is a source of its own
        ("Lenin, State, 5, quoted in Carr, History, 3", ["Lenin, State, 5,", "quoted in Carr, History, 3"]),
        # a letter after a semicolon starts a source of its own
        (
            "Orlov, Decade, 3; Dave Hale to Leo Keller, May 27, 1946",
            ["Orlov, Decade, 3", " Dave Hale to Leo Keller, May 27, 1946"],
        ),
        # "Quotation is from …": the quoted words' own source, cut without the phrase
        (
            "Orlov, Decade, 215. Quotation is from Keller, Councils, 108.",
            ["Orlov, Decade, 215. ", "Keller, Councils, 108."],
        ),
        (
            "Orlov, Decade, 215. The quotation is taken from the same page.",
            ["Orlov, Decade, 215. The quotation is taken from the same page."],
        ),
    ],
)
def test_split_sources(text: str, pieces: list[str]) -> None:
    assert [text[a:b] for a, b in split_sources(text, 0, len(text))] == pieces


@pytest.mark.parametrize(("offset", "block"), [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (99, 2), (-1, 0)])
def test_block_of(offset: int, block: int) -> None:
    from citecheck.extract.candidates import block_of

    assert block_of([0, 5, 10], offset) == block
