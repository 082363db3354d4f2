"""References made in prose: the two shapes that name both a work and its author."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.extract.grammar.prose import find_prose_references

# (text, author as written, work as written, the span's text) -- without a catalogue
CASES = [
    (
        "In his article, ‘Better fewer but better’, Lenin attacked the apparatus.",
        "Lenin",
        "Better fewer but better",
        "In his article, ‘Better fewer but better’, Lenin",
    ),
    (
        'in her pamphlet "The Russian Revolution" Rosa Luxemburg warned of it.',
        "Rosa Luxemburg",
        "The Russian Revolution",
        'in her pamphlet "The Russian Revolution" Rosa Luxemburg',
    ),
    (
        "Marx’s remarks in his Critique of the Gotha Programme concerning the first phase.",
        "Marx",
        "Critique of the Gotha Programme",
        "Marx’s remarks in his Critique of the Gotha Programme",
    ),
    (
        "Trotsky's argument in his History of the Russian Revolution, volume three.",
        "Trotsky",
        "History of the Russian Revolution",
        "Trotsky's argument in his History of the Russian Revolution",
    ),
    (
        "Kollontai’s observations in her Autobiography of a Sexually Emancipated Woman.",
        "Kollontai",
        "Autobiography of a Sexually Emancipated Woman",
        "Kollontai’s observations in her Autobiography of a Sexually Emancipated Woman",
    ),
]

NOT_REFERENCES = [
    "In his view, the party was right.",  # no genre, no title
    "Lenin’s remarks were sharp.",  # no work named
    "Marx’s remarks in his old age were bitter.",  # "old age" is not a title (no capital)
    "In his article Lenin attacked the apparatus.",  # a title must be quoted
]


@pytest.mark.parametrize(("text", "name", "work", "span"), CASES)
def test_both_shapes_give_author_work_and_span(text: str, name: str, work: str, span: str) -> None:
    ((start, end, ref),) = find_prose_references(text, 0, len(text), None)
    assert (ref.author_raw, ref.work) == (name, work)
    assert text[start:end] == span


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_a_title_or_an_author_alone_is_not_a_prose_reference(text: str) -> None:
    assert find_prose_references(text, 0, len(text), None) == []


def test_only_the_given_range_is_read() -> None:
    text = "Marx’s remarks in his Critique of the Gotha Programme. " * 2
    half = len(text) // 2
    assert len(find_prose_references(text, 0, half, None)) == 1
    assert len(find_prose_references(text, half, len(text), None)) == 1


def test_with_a_catalogue_the_title_stops_where_the_known_work_does() -> None:
    bib = """@book{marx-gotha,
  author = {Marx, Karl},
  title = {Critique of the Gotha Programme},
  year = {1875},
}
"""
    catalogue = Catalogue.from_text(bib)
    text = "Marx’s remarks in his Critique of the Gotha Programme about the first phase of communism."
    ((start, end, ref),) = find_prose_references(text, 0, len(text), catalogue)
    assert ref.work == "Critique of the Gotha Programme"
    assert ref.known_work
    assert text[start:end] == "Marx’s remarks in his Critique of the Gotha Programme"
