"""Archive pages: the header in its spellings, and the author's words without the editors' notes."""

from __future__ import annotations

import pytest

from citecheck.primary.mia import read_mia
from citecheck.source.load import document_from_text, read_document
from tests.primary.conftest import MIA_CHAPTER, MIA_INDEX, SAMPLE


def test_header_fields_of_an_index_page() -> None:
    text = read_mia(document_from_text("congress/index.htm", MIA_INDEX))
    assert (
        text.field("source")
        == "Lenin’s Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 29, pages 141-225"
    )
    assert (text.field("delivered"), text.field("published"), text.field("author")) == (
        "March 20, 1919",
        "Pravda, 1929",
        "Vladimir Lenin",
    )
    assert text.header_line == 6  # the line of <p class="information">


def test_notes_markers_and_navigation_are_not_the_authors_words() -> None:
    text = read_mia(document_from_text("congress/01.htm", MIA_CHAPTER)).text
    assert "kept at all costs, for without it" in text  # the note marker [3] is gone, the words close up
    for editors in (
        "[3]",
        "Petrograd",
        "introduced by decree",
        "Table of Contents",
        "navigation",
        "V. I. Lenin",
        "Endnotes",
    ):
        assert editors not in text
    assert text.count("\n\n") >= 2  # paragraphs stay paragraphs


def test_labels_written_without_markup() -> None:
    html = '<html><body><p class="information">Written: April–May 1920 Source: Collected Works, Volume 31, pp. 17–118 Publisher: Progress Publishers</p><p>Text.</p></body></html>'
    text = read_mia(document_from_text("lwc/index.htm", html))
    assert (text.field("written"), text.field("source")) == ("April–May 1920", "Collected Works, Volume 31, pp. 17–118")


def test_a_page_that_is_not_html_at_all_reads_empty() -> None:
    assert read_mia(document_from_text("x.htm", "")).text == ""


@pytest.mark.parametrize(
    ("page", "field", "value"),
    [
        (
            "1919/rcp8th/index.htm",
            "source",
            "Lenin’s Collected Works, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 29, pages 141-225",
        ),
        ("1919/rcp8th/index.htm", "dated", "March 18-23, 1919"),
        ("1918/7thcong/index.htm", "delivered", "Mach 6, 1918"),
        ("1920/lwc/index.htm", "source", "Collected Works, Volume 31, pp. 17–118"),
        ("1917/dec/14b.htm", "delivered", "14 December, 1917"),
        ("1919/rcp8th/06.htm", "source", None),  # a chapter: the header is its folder's
    ],
)
def test_real_sample_headers(page: str, field: str, value: str | None) -> None:
    path = SAMPLE / "marxists-org/archive/lenin/works" / page
    if not path.is_file():
        pytest.skip(f"the real sample is not at {SAMPLE}")
    doc = read_document(path)
    assert not isinstance(doc, Exception) and hasattr(doc, "text")
    assert read_mia(doc).field(field) == value  # type: ignore[arg-type]


def test_real_sample_endnote_markers_are_dropped() -> None:
    path = SAMPLE / "marxists-org/archive/lenin/works/1919/rcp8th/06.htm"
    if not path.is_file():
        pytest.skip(f"the real sample is not at {SAMPLE}")
    doc = read_document(path)
    text = read_mia(doc).text  # type: ignore[arg-type]
    assert "one hundred thousand first-class tractors" in text
    assert "[20]" not in text and "Endnotes" not in text
