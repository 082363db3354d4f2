"""The reference grammar, style by style: one row a reference as texts write it."""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.reference import normalise_pages, parse_reference, roman_to_int

# (written, author, work, volume, pages, year, place) -- None: the field must be empty
CASES = [
    # endnotes, initials-first style
    ("VI Lenin CW Vol 30, Moscow 1977, p208.", "Lenin, V. I.", "CW", "30", "208", "1977", "Moscow"),
    ("JV Stalin Works Vol 6, Moscow 1953, p270", "Stalin, J. V.", "Works", "6", "270", "1953", "Moscow"),
    ("EH Carr The Bolshevik revolution Vol 3, Harmondsworth 1977, p218", "Carr, E. H.", "The Bolshevik revolution", "3", "218", "1977", "Harmondsworth"),
    ("A Berkman The Bolshevik myth London nd, pp42-3", "Berkman, A.", "The Bolshevik myth", None, "42-43", None, "London"),
    ("K Marx and F Engels Selected correspondence Moscow 1965, p384.", "Marx, K. and Engels, F.", "Selected correspondence", None, "384", "1965", "Moscow"),
    ("H Carrere d’Encausse Stalin London 1981, p70.", "Carrere d’Encausse, H.", "Stalin", None, "70", "1981", "London"),
    ("J Martov The state and the socialist revolution New York 1938.", "Martov, J.", "The state and the socialist revolution", None, None, "1938", "New York"),
    ("R Blackburn (ed) After the fall London 1991.", "Blackburn, R. (ed.)", "After the fall", None, None, "1991", "London"),
    ("G Zinoviev History of the Bolshevik party Basingstoke 1973, pp. 101-4", "Zinoviev, G.", "History of the Bolshevik party", None, "101-104", "1973", "Basingstoke"),
    # misspelled places are recognised, the spelling is kept in place_raw
    ("H Marcuse Soviet Marxism Harmonds-worth 1971, p9.", "Marcuse, H.", "Soviet Marxism", None, "9", "1971", "Harmondsworth"),
    ("EH Carr The Bolshevik revolution Vol 1, Harmonsworth 1975, p207.", "Carr, E. H.", "The Bolshevik revolution", "1", "207", "1975", "Harmondsworth"),
    # Chicago notes
    ("Leon Trotsky, The Revolution Betrayed (New York: Pathfinder, 1972), 90.", "Trotsky, L.", "The Revolution Betrayed", None, "90", "1972", "New York"),
    ("V. I. Lenin, Collected Works, vol. 33 (Moscow: Progress Publishers, 1966), 287.", "Lenin, V. I.", "Collected Works", "33", "287", "1966", "Moscow"),
    ("Isaac Deutscher, The Prophet Unarmed (Oxford: Oxford University Press, 1959), 90-91.", "Deutscher, I.", "The Prophet Unarmed", None, "90-91", "1959", "Oxford"),
    ("Trotsky, Revolution Betrayed, 92.", "Trotsky", "Revolution Betrayed", None, "92", None, None),
    # comma-separated parentheticals and brackets
    ("LCW, Vol. 27, p. 273.", None, "LCW", "27", "273", None, None),
    ("Trotsky, The Revolution Betrayed, p. 90.", "Trotsky", "The Revolution Betrayed", None, "90", None, None),
    ("Trotsky, Writings, 1935-36, p. 178.", "Trotsky", "Writings", "1935-36", "178", None, None),
    ("Collected Works, vol. 31, p. 82", None, "Collected Works", "31", "82", None, None),
    ("TRB, 76", None, "TRB", None, "76", None, None),
    # attribution lines
    ("Collected Works, Volume 33", None, "Collected Works", "33", None, None, None),
    ("Eighth Congress of the R.C.P.(B.), March 18-23, 1919. “6. Report on Work in the Countryside”, Collected Works, Vol. XXIV",
     None, "Collected Works", "24", None, None, None),
    ("Trotsky, The Revolution Betrayed (1937)", "Trotsky", "The Revolution Betrayed", None, None, "1937", None),
    # quoted in / by
    ("Quoted in I Deutscher The prophet unarmed Oxford 1982, p90.", "Deutscher, I.", "The prophet unarmed", None, "90", "1982", "Oxford"),
    ("Quoted by Carr, The Bolshevik Revolution", "Carr", "The Bolshevik Revolution", None, None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("written", "author", "work", "volume", "pages", "year", "place"), CASES)
def test_fields(
    written: str,
    author: str | None,
    work: str | None,
    volume: str | None,
    pages: str | None,
    year: str | None,
    place: str | None,
) -> None:
    ref = parse_reference(written)
    assert (ref.author, ref.work, ref.volume, ref.pages, ref.year, ref.place) == (
        author,
        work,
        volume,
        pages,
        year,
        place,
    )


@pytest.mark.parametrize(
    ("written", "ibid", "opcit", "secondhand", "volume", "pages"),
    [
        ("ibid Vol 29, p58.", True, False, False, "29", "58"),
        ("ibid p90.", True, False, False, None, "90"),
        ("Ibid., p. 148.", True, False, False, None, "148"),
        ("*Ibid*, 177.", True, False, False, None, "177"),
        ("Ibid.", True, False, False, None, None),
        ("Daniels, **Op. Cit.**, p. 87", False, True, False, None, "87"),
        ("Op. Cit., vol. 32, p. 21", False, True, False, "32", "21"),
        ("Quoted in The Platform of the Joint Opposition.", False, False, True, None, None),
        ("Quoted by Carr.", False, False, True, None, None),
    ],
)
def test_short_forms(
    written: str, ibid: bool, opcit: bool, secondhand: bool, volume: str | None, pages: str | None
) -> None:
    ref = parse_reference(written)
    assert (ref.ibid, ref.opcit, ref.secondhand, ref.volume, ref.pages) == (ibid, opcit, secondhand, volume, pages)


def test_original_spellings_are_kept() -> None:
    ref = parse_reference("EH Carr The Bolshevik revolution Vol XXIV, Harmonsworth 1975, pp. 32-3.")
    assert (ref.volume, ref.volume_raw, ref.place, ref.place_raw, ref.pages_raw) == (
        "24",
        "XXIV",
        "Harmondsworth",
        "Harmonsworth",
        "pp. 32-3",
    )


def test_material_date_is_not_a_publication_year() -> None:
    ref = parse_reference("Speech to the Tenth Congress, March 8, 1921, Collected Works, Vol. 32")
    assert ref.year is None
    assert ref.material_date == "1921-03-08"


def test_part_title_in_quotation_marks_is_not_the_work() -> None:
    ref = parse_reference(
        "K Marx and F Engels ‘Preface to 1882 Russian edition’ Manifesto of the Communist Party Moscow 1973, pp11,12."
    )
    assert (ref.part, ref.work, ref.pages) == (
        "Preface to 1882 Russian edition",
        "Manifesto of the Communist Party",
        "11,12",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("pp. 32-3", "32-33"),
        ("p208", "208"),
        ("pp606, 608", "606,608"),
        ("pp11,12", "11,12"),
        ("317–18", "317-318"),
        ("1001-9", "1001-1009"),
        ("12 and 14", "12,14"),
    ],
)
def test_pages(raw: str, expected: str) -> None:
    assert normalise_pages(raw) == expected


@pytest.mark.parametrize(
    ("roman", "value"), [("XXIV", 24), ("xlv", 45), ("IX", 9), ("MCM", 1900), ("ABC", None), ("", None)]
)
def test_roman(roman: str, value: int | None) -> None:
    assert roman_to_int(roman) == value


def test_two_authors_separated_by_a_comma_before_the_title() -> None:
    r = parse_reference("K Marx, F Engels Selected correspondence Moscow 1965, p421.")
    assert (r.author, r.work, r.place, r.year, r.pages) == (
        "Marx, K. and Engels, F.",
        "Selected correspondence",
        "Moscow",
        "1965",
        "421",
    )
