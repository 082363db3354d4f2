"""The fixed locator grammar: what it finds in a reference string, and the normal forms."""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.locators import (
    first_year,
    locator_hints,
    normalise_pages,
    normalise_volume,
    volume_as_written,
)

HINTS = [
    ("Collected Works, vol. 32, p. 252 and p. 514", [("vol. 32", "volume"), ("p. 252 and p. 514", "pages")]),
    ("JV Stalin Works Vol 6, Moscow 1953, p270", [("Vol 6", "volume"), ("1953", "year"), ("p270", "pages")]),
    ("Sochineniya, XXV, p. 17.", [("p. 17", "pages")]),
    ("International Affairs. 31 (4): 201–219", [("31", "volume"), ("(4)", "issue"), ("201–219", "pages")]),
    (
        "in *Selected Writings* Vol. 2 (London: Pluto, 1977 (1921))",
        [("Vol. 2", "volume"), ("1977", "year"), ("1921", "origyear")],
    ),
    ("Surname, Given (1965) \\[1931\\]. Title", [("1965", "year"), ("1931", "origyear")]),
    ("The Old Road (1951; Boston: Beacon, 1988), 14", [("1951", "origyear"), ("1988", "year"), ("14", "pages")]),
    ("*Labour Review* 7, no. 2 (Spring 1962), 55", [("no. 2", "issue"), ("Spring 1962", "date"), ("55", "pages")]),
    ("Ivanov, *The Long Retreat*, 212--14", [("212--14", "pages")]),
    ("*Izvestiya*, March 12, 1920.", [("March 12, 1920", "date")]),
    ("Petrov, Memoirs, ch. 4", [("ch. 4", "locator")]),
    ("(Thesis 7)", [("Thesis 7", "locator")]),
    # GOST, in Cyrillic and transliterated: т./t. a volume, С./s. a page; "s c" of "Rome’s conquest" is no page
    ("Полн. собр. соч. Т. 35. С. 63.", [("Т. 35", "volume"), ("С. 63", "pages")]),
    ("PSS, t. 45, s. 343.", [("t. 45", "volume"), ("s. 343", "pages")]),
    ("who said of Rome’s conquest of Greece", []),
    ("K Morrow The red years London nd, pp12-13", [("nd", "nodate"), ("pp12-13", "pages")]),
]


@pytest.mark.parametrize(("text", "expected"), HINTS)
def test_hints(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], h) for s, e, h in locator_hints(text)] == expected


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("pp. 32-3", "32-33"),
        ("p. 12 and p. 40", "12, 40"),
        ("212--14", "212-214"),
        ("p. 243, p. 248 and p. 244", "243, 248, 244"),
        ("pp. 607, 610-612", "607, 610-612"),
        ("p98", "98"),
        ("pp306-413", "306-413"),
        ("pp. 536-542 ff.", "536-542"),
        ("138f", "138f"),
        ("p. xxxvi", "xxxvi"),
        ("page\n   840", "840"),
        ("S. 39", "39"),
        ("xii--xiv", "xii-xiv"),
        ("passim", "passim"),
        ("3–29, at 12", "12"),  # a chapter's pages, then the page cited
        # words the labeller took for pages locate nothing
        ("bourgeois", None),
        ("et seq.", None),
    ],
)
def test_pages(raw: str, normal: str | None) -> None:
    assert normalise_pages(raw) == normal


@pytest.mark.parametrize(
    ("raw", "normal", "written"),
    [
        ("Vol. XXIV", "24", "XXIV"),
        ("vol.\n 27", "27", "27"),
        ("CW 33", "33", "CW 33"),
        ("II", "2", "II"),
        ("Volume 9", "9", "9"),
    ],
)
def test_volumes(raw: str, normal: str, written: str) -> None:
    assert normalise_volume(raw) == normal
    assert volume_as_written(raw) == written


@pytest.mark.parametrize(("raw", "year"), [("Moscow, 1924-6", "1924-6"), ("(Autumn 1989)", "1989"), ("n.d.", None)])
def test_first_year(raw: str, year: str | None) -> None:
    assert first_year(raw) == year
