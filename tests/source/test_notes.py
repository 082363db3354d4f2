"""Notes no markup declares, and their markers, in plain text and in Markdown alike."""

from __future__ import annotations

import pytest

from citecheck.models import TextView
from citecheck.source.build import build_view
from citecheck.source.load import document_from_text
from tests.source.viewcheck import check_source_map, marks

FORMATS = [("essay.txt", "text"), ("essay.md", "markdown")]

NOTES = [
    # (source, notes as (label, text), markers as (raw, label)); every row is read as plain text
    # and as Markdown, which must agree
    (  # two superscript markers and a closing numbered list: few notes, but every one is marked
        "Kamenev said “decrees alone.”¹ Zinoviev said “discipline first.”²\n\n"
        "1. Daniels, *Conscience*, 154.\n\n2. Ibid., 156.\n",
        [("1", "Daniels, *Conscience*, 154."), ("2", "Ibid., 156.")],
        [("¹", "1"), ("²", "2")],
    ),
    (  # bracketed markers and bracketed labels
        "Lenin said “the state withers”.[1] He added “no freedom”.[2]\n\n"
        "[1] Lenin, CW, vol. 25, p. 392.\n\n[2] Ibid., p. 473.\n",
        [("1", "Lenin, CW, vol. 25, p. 392."), ("2", "Ibid., p. 473.")],
        [("[1]", "1"), ("[2]", "2")],
    ),
    (  # a bracketed marker after a space
        "Lenin said “the state withers” [1].\n\n[1] Lenin, CW, vol. 25, p. 392.\n",
        [("1", "Lenin, CW, vol. 25, p. 392.")],
        [("[1]", "1")],
    ),
    (  # parenthesised markers and labels (where no note exists, "(1)" stays a page reference)
        "Stalin announced “the liquidation of the kulaks” (1). Orlov warned of “exploitation” (2).\n\n"
        "(1) Stalin, Works, vol. 12, p. 189.\n\n(2) Orlov, The Red Decade, p. 314.\n",
        [("1", "Stalin, Works, vol. 12, p. 189."), ("2", "Orlov, The Red Decade, p. 314.")],
        [("(1)", "1"), ("(2)", "2")],
    ),
    (  # superscript labels, one note a line with no blank line between, after a rule
        "Orlov said “the councils were everywhere”.¹ Keller said “none survived”.²\n\n---\n\n"
        "¹ Orlov, *The Red Decade*, 12.\n² Keller, *Councils*, 9.\n³ Ibid., 10.\n",
        [("1", "Orlov, *The Red Decade*, 12."), ("2", "Keller, *Councils*, 9."), ("3", "Ibid., 10.")],
        [("¹", "1"), ("²", "2")],
    ),
    (  # a short numbered list closing the text that nothing points at is a list
        "Do two things.\n\n1. Read the text.\n\n2. Check the quotations.\n",
        [],
        [],
    ),
    (  # markers out of order do not confirm a short list
        "First point.² Second point.¹\n\n1. One source.\n\n2. Another.\n",
        [],
        [],
    ),
    (  # notes at the foot of each printed page (text from a PDF): runs in the middle, counting on
        "Orlov said “the councils were everywhere”.12 Keller said “none survived”.13\n\n"
        "12 Orlov, The Red Decade, 12.\n13 Keller, Councils, 9.\n\n"
        "18 THE RED DECADE\n\nHollis said “all was lost”.14\n\n14 Ibid., 10.\n",
        [("12", "Orlov, The Red Decade, 12."), ("13", "Keller, Councils, 9."), ("14", "Ibid., 10.")],
        [("12", "12"), ("13", "13"), ("14", "14")],
    ),
    (  # ... but not numbered paragraphs the body does not mark
        "Orlov named three demands.\n\n12 Councils everywhere.\n13 No parties.\n\nHollis agreed.\n",
        [],
        [],
    ),
    (  # numbered references cited again ("… [2]. … [1]. … [2]."): each bracket is a marker
        "Orlov said “x y z w” [1]. Keller said “a b c d” [2]. Orlov again “e f g h” [1].\n\n"
        "## References\n\n[1] Orlov, The Red Decade.\n\n[2] Keller, Councils.\n",
        [("1", "Orlov, The Red Decade."), ("2", "Keller, Councils.")],
        [("[1]", "1"), ("[2]", "2"), ("[1]", "1")],
    ),
    (  # labels with a colon (International Socialism's notes)
        "Orlov said “the councils were everywhere”.¹ Keller said “none survived”.²\n\n## Notes\n\n"
        "1: Orlov, 1987, p. 12.\n\n2: Keller, 1980, p. 9.\n",
        [("1", "Orlov, 1987, p. 12."), ("2", "Keller, 1980, p. 9.")],
        [("¹", "1"), ("²", "2")],
    ),
    (  # the run must count down to 1
        "A claim.2 Another.3\n\n2. One source.\n\n3. Another.\n",
        [],
        [],
    ),
]


def view_of(name: str, fmt: str, text: str) -> TextView:
    view = build_view(document_from_text(name, text, fmt))
    check_source_map(view)
    return view


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
@pytest.mark.parametrize(("text", "notes", "markers"), NOTES)
def test_undeclared_notes_and_markers(
    name: str, fmt: str, text: str, notes: list[tuple[str, str]], markers: list[tuple[str, str]]
) -> None:
    view = view_of(name, fmt, text)
    assert [(b.note, view.raw(b.start, b.end)) for b in view.blocks if b.kind == "note"] == notes
    assert marks(view, "noteref") == markers
    for m in view.marks:
        if m.kind == "noteref":
            assert view.text[m.start : m.end].strip() == ""  # blanked: never part of a word


def test_escaped_brackets_in_markdown() -> None:
    text = "Lenin said “the state withers”.\\[1\\]\n\n\\[1\\] Lenin, CW, vol. 25, p. 392.\n"
    view = view_of("essay.md", "markdown", text)
    (note,) = [b for b in view.blocks if b.kind == "note"]
    assert (note.note, view.raw(note.start, note.end)) == ("1", "Lenin, CW, vol. 25, p. 392.")
    assert marks(view, "noteref") == [("\\[1\\]", "1")]


def test_declared_footnotes_are_left_alone() -> None:
    text = "He said “x y z w”.[^1] Also 2.\n\n[^1]: Carr, p. 5.\n\n1. One.\n\n2. Two.\n"
    view = view_of("essay.md", "markdown", text)
    assert [b.note for b in view.blocks if b.kind == "note"] == ["1"]
    assert marks(view, "noteref") == [("[^1]", "1")]


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
def test_wikipedia_backlinks_are_not_part_of_the_note(name: str, fmt: str) -> None:
    text = (
        "Orlov said “the councils were everywhere”.[1] Keller said “none survived”.[2]\n\n"
        "References\n\n1. ^ Orlov 1987, p. 12.\n2. ^ a b Keller 1980, p. 9.\n"
    )
    view = view_of(name, fmt, text)
    notes = [(b.note, view.raw(b.start, b.end)) for b in view.blocks if b.kind == "note"]
    assert notes == [("1", "Orlov 1987, p. 12."), ("2", "Keller 1980, p. 9.")]
    assert "^" not in view.text


def test_paragraphs_opened_by_a_marker_seen_before_are_the_notes() -> None:
    text = (
        "Orlov said “the councils were everywhere”.<sup>1</sup> Keller said “none survived”.<sup>2</sup>\n\n"
        "And again<sup>1</sup> here.\n\n### Notes\n\n<sup>1</sup> Orlov, *The Red Decade*, 12.\n\n"
        "<sup>2</sup> Keller, *Councils*, 9.\n"
    )
    view = view_of("essay.md", "markdown", text)
    notes = [(b.note, view.text[b.start : b.end]) for b in view.blocks if b.kind == "note"]
    assert notes == [("1", "Orlov,  The Red Decade , 12."), ("2", "Keller,  Councils , 9.")]
    assert [m.data for m in view.marks if m.kind == "noteref"] == ["1", "2", "1"]
    # a paragraph of the running text after a marker ending the one before is not a note
    assert [b.kind for b in view.blocks][:2] == ["para", "para"]


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
def test_pandoc_superscript_markers(name: str, fmt: str) -> None:
    text = "Orlov said “the councils were everywhere”.^1^ Keller said “none survived”.^2^\n\n1. Orlov, 12.\n\n2. Keller, 9.\n"
    view = view_of(name, fmt, text)
    assert [b.note for b in view.blocks if b.kind == "note"] == ["1", "2"]
    assert marks(view, "noteref") == [("^1^", "1"), ("^2^", "2")]


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
def test_numbered_paragraphs_under_a_notes_heading_are_notes_wherever_they_stand(name: str, fmt: str) -> None:
    text = (
        "Orlov said “the councils were everywhere”.[1] Keller said “none survived”.[2]\n\n## Notes\n\n"
        "[1] Orlov, *The Red Decade*, 12.\n\n[2] Keller, *Councils*, 9.\n\n## Further reading\n\n"
        "Hale, *Councils*, 1980.\n"
    )
    if fmt == "text":
        text = text.replace("## ", "")
    view = view_of(name, fmt, text)
    assert [b.note for b in view.blocks if b.kind == "note"] == ["1", "2"]
    assert marks(view, "noteref") == [("[1]", "1"), ("[2]", "2")]


@pytest.mark.parametrize(("name", "fmt"), [*FORMATS, ("essay.html", "html")])
def test_notes_set_after_the_paragraph_that_marks_them(name: str, fmt: str) -> None:
    paras = [
        "The documents were discovered to be forgeries;[1] and the charges fell.",
        "[1] Part of the famous collection of Orlov, *Red Decade*, p. 4.",
        "The committees,[2] once elected, stayed in office.",
        "[2] See Keller, *Councils*, p. 9.",
        "A paragraph that starts with [3] is not a note when nothing marks it.",
    ]
    if fmt == "html":
        text = (
            "".join(f"<p>{p}</p>" for p in paras)
            .replace("*Red Decade*", "<i>Red Decade</i>")
            .replace("*Councils*", "<i>Councils</i>")
        )
    else:
        text = "\n\n".join(paras) + "\n"
    view = view_of(name, fmt, text)
    assert [b.note for b in view.blocks if b.kind == "note"] == ["1", "2"]
    assert [m.data for m in view.marks if m.kind == "noteref"] == ["1", "2"]


def test_pandoc_markdown_attributes_and_fenced_divs_are_markup() -> None:
    """pandoc writes notes of converted documents as ``[\\[1\\]](#fn1){#fnref1 .footnote-ref}`` and
    a list of ``::: {#fn1}`` divs: the braces and the fences are markup, what they hold is text."""
    text = (
        'Orlov said “the councils were everywhere”.[\\[1\\]](#fn1){#fnref1 .footnote-ref role="doc-noteref"} '
        "Keller said “none survived”.[\\[2\\]](#fn2){#fnref2 .footnote-ref}\n\n"
        "::: {#footnotes .footnotes}\n\n---\n\n"
        "1.  ::: {#fn1}\n    Orlov, *The Red Decade*, 12.\n    :::\n\n"
        "2.  ::: {#fn2}\n    Keller, *Councils*, 9.\n    :::\n:::\n"
    )
    view = view_of("essay.md", "markdown", text)
    assert "{" not in view.text and ":::" not in view.text
    notes = [(b.note, view.raw(b.start, b.end)) for b in view.blocks if b.kind == "note"]
    assert notes == [("1", "Orlov, *The Red Decade*, 12."), ("2", "Keller, *Councils*, 9.")]
    assert [b.kind for b in view.blocks].count("para") == 1  # no "1." left over as a paragraph


SYMBOL_NOTES = [
    # notes labelled by symbols under the text, one a line or one a paragraph; each symbol paired
    # with the marker the body gave it last
    (
        "Orlov said “the councils were everywhere”.* Keller said “none survived”.**\n\n"
        "* Orlov, The Red Decade, p. 12.\n** Keller, Councils, p. 9.\n\n"
        "Hollis said “all was lost”.*\n\n* Ibid., p. 14.\n",
        [("*1", "Orlov, The Red Decade, p. 12."), ("**2", "Keller, Councils, p. 9."), ("*3", "Ibid., p. 14.")],
        [("*", "*1"), ("**", "**2"), ("*", "*3")],
    ),
    (
        "Orlov said “the councils were everywhere”.†\n\n† Orlov, The Red Decade, p. 12.\n",
        [("†1", "Orlov, The Red Decade, p. 12.")],
        [("†", "†1")],
    ),
    # emphasis between asterisks marks nothing, and a bulleted list stays a list
    ("He was *very* clear.\n\n* first point here\n* second point here\n", [], []),
]


@pytest.mark.parametrize(("text", "notes", "markers"), SYMBOL_NOTES)
def test_symbol_notes_in_plain_text(text: str, notes: list[tuple[str, str]], markers: list[tuple[str, str]]) -> None:
    view = view_of("essay.txt", "text", text)
    assert [(b.note, view.text[b.start : b.end]) for b in view.blocks if b.kind == "note"] == notes
    assert marks(view, "noteref") == markers
    check_source_map(view)
