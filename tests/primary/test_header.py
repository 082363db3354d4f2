"""Header fields of primary texts: dates, volumes, page ranges and editions in the archive's spellings."""

from __future__ import annotations

import pytest

from citecheck.primary.header import edition_of, label_field, pages_of, parse_date, volume_of


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("March 1, 1918", "1918-03-01"),
        ("12-14 November, 1917", "1917-11-12/1917-11-14"),
        ("8-16 March, 1921", "1921-03-08/1921-03-16"),
        ("14 December, 1917", "1917-12-14"),
        ("March-April 1913", "1913-03/1913-04"),
        ("October—November, 1918.", "1918-10/1918-11"),
        ("August - September, 1917", "1917-08/1917-09"),
        ("Mach 6, 1918", "1918-03-06"),  # a typing slip in the archive's header
        ("Pravda, March 4, 1920", "1920-03-04"),
        ("March 1919, Ludovic Naudeau, special correspondent", "1919-03"),
        ("1933", "1933"),
        ("Pravda No. 38, March 1, 1918; published 1929", "1918-03-01"),
        ("Various; listed under each section.", None),
        ("the member of December", None),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    ("source", "volume", "pages", "edition"),
    [
        (
            "Lenin’s Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 29, pages 141-225",
            "29",
            "141-225",
            "4th English Edition",
        ),
        ("Collected Works, Volume 31, pp. 17–118", "31", "17-118", None),
        ("Collected Works, Volume 25, p. 381-492", "25", "381-492", None),
        ("Lenin's Collected Works, Progress Publishers, Moscow, Volume 26, 1972, pp. 483", "26", "483", None),
        ("Lenin’s Collected Works, Progress Publishers, Moscow, 1972 Volume 27, pages 235-77", "27", "235-277", None),
        ("Collected Works, Vol. XXIV, page 12", "24", "12", None),
        ("Lенинский Сборник XXII, Moscow, 1933, c347-8.", None, "347-348", None),
        ("Collected Works, Volume 31", "31", None, None),
    ],
)
def test_source_line(source: str, volume: str | None, pages: str | None, edition: str | None) -> None:
    assert (volume_of(source), pages_of(source), edition_of(source)) == (volume, pages, edition)


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Source:", "source"),
        ("Source", "source"),
        ("First Published:", "published"),
        ("Written", "written"),
        ("Delivered:", "delivered"),
        ("Translated:", None),
        ("Transcription\\HTML Markup:", None),
    ],
)
def test_labels(label: str, field: str | None) -> None:
    assert label_field(label) == field
