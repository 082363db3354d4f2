"""Plain-text and Markdown primary texts: front matter, page markers, line-end hyphens."""

from __future__ import annotations

import pytest

from citecheck.checks.match import TOKEN
from citecheck.primary.plain import FrontMatterError, read_plain, split_front_matter
from citecheck.source.load import document_from_text
from tests.primary.conftest import PAGED_MARKDOWN


def _page_of(text: str, pages: tuple[tuple[int, str], ...], phrase: str) -> str:
    word = len(TOKEN.findall(text[: text.index(phrase)]))
    return [label for first, label in pages if first <= word][-1]


@pytest.mark.parametrize(
    ("body", "fmt", "phrase", "page"),
    [
        ("one two\n[p. 417]\nthree four", "text", "three", "417"),
        ("one two [p. 417] three four [p. 418] five", "text", "five", "418"),
        ("one {12} two three", "text", "two", "12"),
        ("one\npage 9\ntwo", "text", "two", "9"),
        ("one\nPage 9\ntwo", "markdown", "two", "9"),
        ("one [pp. 20] two", "text", "two", "20"),
    ],
)
def test_page_markers(body: str, fmt: str, phrase: str, page: str) -> None:
    text = read_plain(document_from_text(f"x.{'md' if fmt == 'markdown' else 'txt'}", body, fmt))
    assert "[p." not in text.text and "{12}" not in text.text and "page 9" not in text.text.lower()
    assert _page_of(text.text, text.pages, phrase) == page


def test_the_word_page_in_a_sentence_is_not_a_marker() -> None:
    text = read_plain(document_from_text("x.txt", "He turned the page 9 times.", "text"))
    assert text.pages == () and "page 9" in text.text


def test_front_matter_and_markdown() -> None:
    text = read_plain(document_from_text("vol30.md", PAGED_MARKDOWN))
    assert (text.field("key"), text.field("pages"), text.field("date"), text.format) == (
        "lenin-cw-30",
        "17-19",
        "1919-11",
        "markdown",
    )
    assert "*" not in text.text and "#" not in text.text and "author:" not in text.text
    assert [label for _, label in text.pages] == ["17", "18", "19"]


def test_line_end_hyphen_is_joined_but_a_compound_is_kept() -> None:
    text = read_plain(
        document_from_text("x.txt", "the revolu-\ntionary workers and the well-\nknown Soviet-\nRussia", "text")
    ).text
    assert "revolutionary" in text and "Soviet- Russia" in text


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("---\nkey: [unclosed\n---\ntext", "front matter is not valid YAML (line 2)"),
        ("---\n- a list\n---\ntext", "front matter must be a mapping of key: value"),
    ],
)
def test_bad_front_matter(source: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        split_front_matter(source)
    read = read_plain(document_from_text("bad.md", source))
    assert read.field("problem") == message and "text" in read.text  # still searchable


def test_no_front_matter() -> None:
    assert split_front_matter("just text") == ({}, "just text", 0)
