"""References the prose makes, naming a work and its author."""

from __future__ import annotations

import pytest

from tests.conftest import extract_text


def prose(text: str, fmt: str = "markdown") -> list[tuple[str, str | None, str | None]]:
    r = extract_text(text, fmt)
    return [(" ".join(c.raw.split()), c.author, c.work) for c in r.citations if c.kind == "prose"]


CASES = [
    (
        "In his article, ‘Fewer Councils, Better Councils’, Hale attacked it.\n",
        [("In his article, ‘Fewer Councils, Better Councils’, Hale", "Hale", "Fewer Councils, Better Councils")],
    ),
    (
        "Vandermeer’s remarks in his Critique of the Amsterdam programme concerning the state.\n",
        [
            (
                "Vandermeer’s remarks in his Critique of the Amsterdam programme",
                "Vandermeer",
                "Critique of the Amsterdam programme",
            )
        ],
    ),
    (
        "Hale wrote in *The Councils*: “nobody could stop them”.\n",
        [("Hale wrote in *The Councils*", "Hale", "The Councils")],
    ),
    (
        "Ilse Vandermeer wrote in her book *Year One of the Councils* that it was so.\n",
        [
            (
                "Ilse Vandermeer wrote in her book *Year One of the Councils*",
                "Vandermeer, I.",
                "Year One of the Councils",
            )
        ],
    ),
    (
        "In *The History of the Councils*, Hale quotes a delegate.\n",
        [("*The History of the Councils*, Hale", "Hale", "The History of the Councils")],
    ),
    (
        'Anna Fry\'s essay **"Engels: A Man of his Time"** is sharp.\n',
        [('Anna Fry\'s essay **"Engels: A Man of his Time"**', "Fry, A.", "Engels: A Man of his Time")],
    ),
    # a work mentioned is not a work cited
    ("Hale's *The Councils* champions the soviets.\n", []),
    # the name, a comma, "in" and the work, when the sentence goes on to quote
    (
        "Hale, in *The Councils*, called them “schools of self-government”.\n",
        [("Hale, in *The Councils*", "Hale", "The Councils")],
    ),
    ("Hale, in *The Councils*, described them at length.\n", []),
    ("A study by Anne Hale, in *Councils*; and “Soviets” by Orlov.\n", []),
    # a web essay links the work instead of setting it in italics (a link to a page, not a site)
    (
        "As Hale wrote in [The Councils](https://archive.example.org/hale/councils.htm), “nobody could stop them”.\n",
        [("As Hale wrote in [The Councils](https://archive.example.org/hale/councils.htm)", "Hale", "The Councils")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_prose_references(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert prose(text) == expected


def test_remarks_anchor_is_in_every_remarks_match() -> None:
    """Blocks are scanned for ``_REMARKS`` only when they hold its anchor: every match holds one."""
    import random

    from citecheck.extract.prose import _REMARKS, _REMARKS_ANCHOR

    slots = [
        ("Marx", "Karl Marx", "the", "ÉMILE Zola", ""),
        ("’s", "'s", "s", "’", ""),
        (" ", "\n", "  ", ""),
        ("remarks", "notes", "words", "Remarks", "book"),
        (" ", "\n", ""),
        ("in", "In", "on"),
        (" ", "\t", ""),
        ("his", "their", "her", "its"),
        (" ", "\n", ""),
        ("Critique of the Gotha programme", "critique", "Éléments", "X"),
    ]
    rng = random.Random(3)
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(slot) for slot in slots)
        if _REMARKS.search(text):
            found += 1
            assert _REMARKS_ANCHOR.search(text), text
    assert found > 50
