"""The last stage: known authors, works and places written one way (references.bib only here)."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.extract import canonical
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Harmonsworth", "Harmondsworth"),
        ("Harmonds-worth", "Harmondsworth"),
        ("Leeds", "Leeds"),
        ("Nowhere Town", "Nowhere Town"),
    ],
)
def test_places(written: str, place: str) -> None:
    assert canonical.place(written) == place


@pytest.mark.parametrize(
    ("written", "with_catalogue", "without"),
    [
        ("VI Lenin", "Lenin, V. I.", "Lenin, V. I."),
        ("Socialist Workers Party", "Socialist Workers Party", "Socialist Workers Party"),
        ("Kuusinen et al.", "Kuusinen et al.", "Kuusinen et al."),
        ("Кузнецов И. П.", "Кузнецов, И. П.", "Кузнецов, И. П."),  # surname first, no comma (GOST)
        ("Orlov N. A", "Orlov, N. A.", "Orlov, N. A."),
    ],
)
def test_authors(cat: Catalogue, written: str, with_catalogue: str, without: str) -> None:
    assert canonical.author(written, cat) == with_catalogue
    assert canonical.author(written, None) == without


def test_works_take_the_catalogue_title_only_when_it_knows_them(cat: Catalogue) -> None:
    assert canonical.work("CW", "Lenin, V. I.", cat) == ("Collected Works", "Lenin, V. I.")
    assert canonical.work("CW", "Lenin, V. I.", None) == ("CW", "Lenin, V. I.")
    assert canonical.work("An Unknown Book", None, cat) == ("An Unknown Book", None)


def test_an_abbreviation_of_one_authors_edition_gives_the_author(cat: Catalogue) -> None:
    assert canonical.work("LCW", None, cat) == ("Collected Works", "Lenin, V. I.")
