"""The view of plain text and Markdown: markup blanked in place, mojibake repaired, offsets kept."""

from __future__ import annotations

import pytest

from citecheck.source.legacy import build_view
from citecheck.source.load import document_from_text


def _view(text: str, fmt: str = "markdown") -> tuple[str, object]:
    view, _ = build_view(document_from_text("essay.md" if fmt == "markdown" else "essay.txt", text, fmt))
    return view.text, view


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Some **bold** and *italic* and __under__ text.", "Some   bold   and  italic  and   under   text."),
        ("***both*** and **outer *inner* outer**", "   both    and   outer  inner  outer  "),
        ("See [the text](https://example.org/x) here.", "See  the text                         here."),
        ("Cited in [[Collected Works|CW]], vol. 1.", "Cited in                   CW  , vol. 1."),
        ("A note.[^12] More.", "A note.      More."),
        ("x <sup>3</sup> y", "x      3       y"),
    ],
)
def test_markup_is_blanked_in_place(source: str, expected: str) -> None:
    text, _ = _view(source)
    assert text == expected
    assert len(text) == len(source)


def test_front_matter_fences_and_comments_are_blanked_but_keep_their_line_ends() -> None:
    source = "---\r\ntitle: x\r\n---\r\nBody one.\n```\ncode “not a quote”\n```\n<!-- a\ncomment -->\nBody two.\n"
    text, _ = _view(source)
    assert len(text) == len(source)
    assert [i for i, ch in enumerate(text) if ch in "\r\n"] == [i for i, ch in enumerate(source) if ch in "\r\n"]
    assert text.split() == ["Body", "one.", "Body", "two."]


def test_wikilinks_and_footnote_markers_are_recorded_with_view_offsets() -> None:
    source = "As [[The State and Revolution (1917)|Lenin wrote]], the state withers.[^3]\n\n[^3]: Collected Works.\n"
    text, view = _view(source)
    ((start, end, target),) = view.wikilinks  # type: ignore[attr-defined]
    assert target == "The State and Revolution (1917)"
    assert text[start:end].strip() == "Lenin wrote"
    (marker,) = view.markers  # type: ignore[attr-defined]
    assert (marker.label, source[marker.start : marker.end]) == ("3", "[^3]")


def test_block_quote_prefixes_and_heading_marks_are_blanked() -> None:
    source = "# Notes\n\n> First line\n> second line\n\nAfter.\n"
    text, view = _view(source)
    assert text == "  Notes\n\n  First line\n  second line\n\nAfter.\n"
    assert [b.kind for b in view.blocks] == ["heading", "quote", "para"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_repairs_keep_offsets_and_line_numbers_whatever_the_line_ends(newline: str) -> None:
    # â€œ is three characters of mojibake for one “: the view is shorter than the source
    lines = ["Plain line, no repair.", "He said â€œstopâ€\x9d and left.", "A thousandÉ Then more."]
    source = newline.join(lines) + newline
    view, repairs = build_view(document_from_text("essay.txt", source, "text"))
    assert "He said “stop” and left." in view.text
    assert "A thousand… Then more." in view.text
    # each mojibake sequence is its own repair, so the words between keep their own offsets
    assert [(r.line, r.column, r.original, r.replacement) for r in repairs] == [
        (2, 9, "â€œ", "“"),
        (2, 16, "â€\x9d", "”"),
        (3, 11, "É", "…"),
    ]
    # every view character maps back to the source character it came from
    start = view.text.index("stop")
    s, e = view.source_span(start, start + 4)
    assert source[s:e] == "stop"
    assert view.line_col(view.to_source(view.text.index("Then")))[0] == 3


def test_text_without_a_repair_character_is_the_view_unchanged() -> None:
    source = "“Curly quotes”, dashes — and accents: Radek, Bukharin, Rakovsky, Krestinsky, Miliukov, déjà.\n"
    view, repairs = build_view(document_from_text("essay.txt", source, "text"))
    assert (view.text, view.src, repairs) == (source, None, [])


def test_a_long_run_of_mojibake_without_spaces_is_one_repair() -> None:
    source = "x" + "â€œ" * 5000 + "y\n"
    view, repairs = build_view(document_from_text("essay.txt", source, "text"))
    assert view.text == "x" + "“" * 5000 + "y\n"
    assert [(r.column, len(r.original), len(r.replacement)) for r in repairs] == [(2, 15000, 5000)]
