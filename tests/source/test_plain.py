"""The plain-text view: paragraphs, headings, indented quotations, notes and their markers."""

from __future__ import annotations

import pytest

from citecheck.models import TextView
from citecheck.source.build import build_view
from citecheck.source.load import document_from_text
from citecheck.source.plain import build_plain
from tests.source.viewcheck import check_source_map, marks


def plain(text: str) -> TextView:
    view = build_view(document_from_text("essay.txt", text, "text"))
    check_source_map(view)
    return view


def kinds(view: TextView) -> list[tuple[str, str]]:
    return [(b.kind, view.text[b.start : b.end]) for b in view.blocks]


BLOCKS = [
    (
        "Chapter One\n\nThe text of a paragraph,\nwrapped.\n",
        [("heading", "Chapter One"), ("para", "The text of a paragraph,\nwrapped.")],
    ),
    (
        "A sentence that ends.\n\n(Lenin, CW, vol. 24)\n\n— Trotsky\n",
        [("para", "A sentence that ends."), ("para", "(Lenin, CW, vol. 24)"), ("para", "— Trotsky")],
    ),
    ("1.1. Party and class\n\nText.\n", [("heading", "1.1. Party and class"), ("para", "Text.")]),
    ("x\r\n\r\ny\r\n", [("para", "x"), ("para", "y")]),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_blocks(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(plain(text)) == expected


INDENTED = [
    # body at the margin: a paragraph set in four spaces is indented, a first-line indent is not
    (
        "Body text goes on here,\nand on.\n\n    Quoted words here,\n    more of them.\n\n  First line in,\nthen out.\n",
        [False, True, False],
    ),
    # an html2txt dump: body set in three spaces, quotations in five
    (
        '   Body text goes on\n   and on.\n\n     "Quoted words\n     more."\n\n   Body again\n   and on.\n',
        [False, True, False],
    ),
    ("\tTabbed quotation\n\tcontinues.\n\nBody text,\nmore body.\n", [True, False]),
]


@pytest.mark.parametrize(("text", "expected"), INDENTED)
def test_indented(text: str, expected: list[bool]) -> None:
    assert [b.indented for b in plain(text).blocks if b.kind == "para"] == expected


NOTES = [
    # (source, notes as (label, text), markers as (raw, label))
    (
        "He said “difficulties”.1 And “more”.2\n\nNotes\n\n1. Lenin, CW, vol. 33, p. 487.\n\n2. Ibid., p. 488.\n",
        [("1", "Lenin, CW, vol. 33, p. 487."), ("2", "Ibid., p. 488.")],
        [("1", "1"), ("2", "2")],
    ),
    (  # one note a line, bracketed and parenthesised numbers
        "Text.1 More.2\n\nReferences\n[1] Carr, p. 5.\n[2] Deutscher, p. 9.\n",
        [("1", "Carr, p. 5."), ("2", "Deutscher, p. 9.")],
        [("1", "1"), ("2", "2")],
    ),
    ("Word¹ and word².\n\nNotes\n\n1) One.\n2) Two.\n", [("1", "One."), ("2", "Two.")], [("¹", "1"), ("²", "2")]),
    (  # no note 7: the digits stay text; 1,118,000 is a number
        "It cost 1,118,000 roubles.7\n\nNotes\n\n1. One.\n",
        [("1", "One.")],
        [],
    ),
    (  # a numbered run closing the text is notes even without a heading; return marks are blanked
        "One thing.1 Another.2 A third.3\n\n1. One. ↩︎\n\n2. Two.\n\n3. Three.\n",
        [("1", "One."), ("2", "Two."), ("3", "Three.")],
        [("1", "1"), ("2", "2"), ("3", "3")],
    ),
    ("Steps:\n\n1. Do this.\n\n2. Do that.\n", [], []),
    (  # text from a PDF: the number alone before the note, notes wrapped over lines
        "He said “we must trade”.1 And “the peasant must be satisfied”.2\n\nNotes\n\n"
        "1 V. I. Lenin, Collected Works, vol. 32 (Moscow: Progress,\n1965), p. 215.\n2 Ibid., p. 61.\n",
        [("1", "V. I. Lenin, Collected Works, vol. 32 (Moscow: Progress,\n1965), p. 215."), ("2", "Ibid., p. 61.")],
        [("1", "1"), ("2", "2")],
    ),
    ("In all 12 Workers and 3 Peasants came.\n\n12 Workers came first.\n", [], []),
]


@pytest.mark.parametrize(("text", "notes", "markers"), NOTES)
def test_notes_and_markers(text: str, notes: list[tuple[str, str]], markers: list[tuple[str, str]]) -> None:
    view = plain(text)
    assert [(b.note, view.text[b.start : b.end]) for b in view.blocks if b.kind == "note"] == notes
    assert marks(view, "noteref") == markers


def test_html2txt_references_are_links_not_notes() -> None:
    text = (
        "   As we indicated in [1]section B.1, and [2]H.4.2, they do not.\n\n"
        "References\n\n   1. file://localhost/home/x/secB1.html\n   2. file://localhost/home/x/secH4.html#sech42\n"
    )
    view = plain(text)
    assert [b.kind for b in view.blocks] == ["para", "heading", "meta", "meta"]
    assert marks(view, "link") == [
        ("[1]", "file://localhost/home/x/secB1.html"),
        ("[2]", "file://localhost/home/x/secH4.html#sech42"),
    ]
    assert "in    section B.1" in view.text


def test_mojibake_is_repaired_and_reported() -> None:
    view = plain("a few thousandÉ Down â€œhereâ€\x9d.\n")
    assert view.text.startswith("a few thousand… Down “here”.")
    assert [(r.line, r.column, r.original, r.replacement) for r in view.repairs] == [
        (1, 15, "É", "…"),
        (1, 22, "â€œ", "“"),
        (1, 29, "â€\x9d", "”"),
    ]
    h = view.text.index("here")
    assert view.raw(h, h + 4) == "here"
    q = view.text.index("“")
    assert view.raw(q, q + 1) == "â€œ"


MOJIBAKE_LINE_ENDS = [
    # the repaired line is found whatever ends the lines (classic Mac files end them with CR)
    ("a\rthousandÉ more\r", "a\rthousand… more\r", [(2, 9, "É")]),
    ("one\r\rtwo thousandÉ\r", "one\r\rtwo thousand…\r", [(3, 13, "É")]),
    ("x\r\nthe â€œwordâ€\x9d\r\nz", "x\r\nthe “word”\r\nz", [(2, 5, "â€œ"), (2, 12, "â€\x9d")]),
    ("x\nÒWordÓ\ry", "x\n“Word”\ry", [(2, 1, "Ò"), (2, 6, "Ó")]),
]


@pytest.mark.parametrize(("text", "expected", "repairs"), MOJIBAKE_LINE_ENDS)
def test_mojibake_is_repaired_whatever_the_line_ends(
    text: str, expected: str, repairs: list[tuple[int, int, str]]
) -> None:
    view = plain(text)
    assert view.text == expected
    assert [(r.line, r.column, r.original) for r in view.repairs] == repairs


def test_a_note_that_is_only_its_number() -> None:
    # "[1] " alone on its line, then the next note: note 1 is empty, its marker still a marker
    view = plain("Text.1\n\nNotes\n[1] \n[2] Lenin, p. 5.\n")
    assert kinds(view) == [("para", "Text."), ("heading", "Notes"), ("note", "Lenin, p. 5.")]
    assert [(b.kind, b.note) for b in view.blocks][-1] == ("note", "2")
    assert marks(view, "noteref") == [("1", "1")]
    assert "[1]" not in view.text


def test_view_offsets_equal_source_offsets() -> None:
    view = build_plain("Text.1\n\nNotes\n\n1. Note.\n")
    assert view.src is None and len(view.text) == len(view.source)
