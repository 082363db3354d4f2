"""Normalisation: citations mapped to canonical or generated entries, with their variants."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.bibliography.normalise import normalise_all
from citecheck.models import NormalisedCitation
from tests.conftest import ROOT, extract_text


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


def _norm(cat: Catalogue, notes: list[str], path: str = "a.txt") -> list[NormalisedCitation]:
    body = " ".join(f"Text “words of the author number {i} here”.{i}" for i in range(1, len(notes) + 1))
    text = "Intro.\n\n" + body + "\n\nNotes\n\n" + "\n".join(f"  {i}. {n}" for i, n in enumerate(notes, 1)) + "\n"
    return list(normalise_all((extract_text(text, path=path, catalogue=cat),), cat))


@pytest.mark.parametrize(
    ("note", "key", "work_key", "dates"),
    [
        ("VI Lenin CW Vol 33, Moscow 1977, p287.", "lenin-cw-33", "lenin-cw", "1921-08/1923-03"),
        ("K Marx and F Engels CW Vol 24, Moscow 1989, p87.", "marx-engels-cw-24", "marx-engels-cw", None),
        ("JV Stalin Works Vol 6, Moscow 1953, p52.", "stalin-works-6", "stalin-works", "1924-01/1924-11"),
        (
            "L Trotsky, The Revolution Betrayed, New York 1972, p90.",
            "trotsky-revolution-betrayed",
            None,
            None,
        ),
    ],
)
def test_known_works_map_to_work_and_volume(
    cat: Catalogue, note: str, key: str, work_key: str | None, dates: str | None
) -> None:
    (n,) = _norm(cat, [note])
    assert n.known and n.key == key and n.work_key == (work_key or key) and n.contents_dates == dates


def test_volume_number_alone_never_identifies_a_work(cat: Catalogue) -> None:
    lenin, marx = _norm(
        cat, ["VI Lenin CW Vol 24, Moscow 1964, p10.", "K Marx and F Engels CW Vol 24, Moscow 1989, p87."]
    )
    assert lenin.key != marx.key and lenin.work_key != marx.work_key


def test_unknown_works_get_stable_readable_unique_keys(cat: Catalogue) -> None:
    a, b, c = _norm(
        cat,
        [
            "R Conquest, The Great Terror, London 1969, p12.",
            "R Conquest, The Great Terror, London 1972, p40.",
            "R Conquest, Harvest of Sorrow, London 1983, p5.",
        ],
    )
    assert not a.known and a.key == b.key == "conquest-1969-great"
    assert c.key != a.key and c.key.startswith("conquest-1983")


@pytest.mark.parametrize(
    ("note", "field", "kind"),
    [
        ("L Shapiro, The Communist Party of the Soviet Union, London 1964, p12.", "author", "spelling"),
        ("EH Carr, The Bolshevik Revolution Vol 1, Harmonsworth 1975, p12.", "place", "spelling"),
        ("L Trotsky, The Revolution Betrayed, New York 1950, p90.", "year", "unknown-edition"),
    ],
)
def test_variants_are_recorded(cat: Catalogue, note: str, field: str, kind: str) -> None:
    (n,) = _norm(cat, [note])
    assert [(v.field, v.kind) for v in n.variants] == [(field, kind)]


@pytest.mark.parametrize(
    "note",
    [
        "L Trotsky, The Revolution Betrayed, New York 1937, p90.",  # published 1937
        "L Trotsky, The Revolution Betrayed, New York 1936, p90.",  # written 1936
        "VI Lenin CW Vol 33, Moscow 1965, p287.",  # another printing of the same edition
        "L Trotsky, Kronstadt, New York 1971, p50.",  # one of the work's two authors
    ],
)
def test_no_variant_for_known_printings_and_co_authors(cat: Catalogue, note: str) -> None:
    (n,) = _norm(cat, [note])
    assert n.variants == ()


def test_output_independent_of_document_order(cat: Catalogue) -> None:
    d1 = extract_text(
        "Intro.\n\nA “quoted phrase of five words”.1\n\nNotes\n\n  1. R Conquest, Studies, London 1970, p1.\n",
        path="b.txt",
        catalogue=cat,
    )
    d2 = extract_text(
        "Intro.\n\nA “quoted phrase of five words”.1\n\nNotes\n\n  1. R Conquest, Studies, London 1964, p2.\n",
        path="a.txt",
        catalogue=cat,
    )
    assert normalise_all((d1, d2), cat) == normalise_all((d2, d1), cat)
    assert {n.key for n in normalise_all((d1, d2), cat)} == {"conquest-1964-studies"}


def test_a_reference_written_alike_is_looked_up_once(cat: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus cites the same few places over and over: each way of writing one is normalised once."""
    from citecheck.bibliography import normalise

    looked_up: list[str | None] = []
    real = normalise._entry
    monkeypatch.setattr(normalise, "_entry", lambda c, *a: looked_up.append(c.raw) or real(c, *a))
    notes = ["VI Lenin CW Vol 33, Moscow 1977, p287."] * 3 + ["VI Lenin CW Vol 32, Moscow 1977, p287."]
    once = _norm(cat, notes)
    assert len(looked_up) == 2 and [n.key for n in once] == ["lenin-cw-33"] * 3 + ["lenin-cw-32"]
    monkeypatch.setattr(normalise, "_entry", real)
    assert once == _norm(cat, notes)  # the same records as without the memo
