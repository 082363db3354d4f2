"""The Markdown view: markdown-it-py's blocks and inline tokens aligned back to the source."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from citecheck.models import TextView
from citecheck.source.build import build_view
from citecheck.source.load import document_from_text
from citecheck.source.markdown import (
    _FENCED_DIV,
    _MD,
    MAX_NESTING,
    _normalise,
    markdown_parser,
    parse_front_matter,
    plain_inline,
)
from tests.source.viewcheck import blocks, check_source_map, mark_texts, marks


def md(text: str) -> TextView:
    view = build_view(document_from_text("essay.md", text, "markdown"))
    check_source_map(view)
    return view


BLOCKS = [
    # a heading and the paragraph on the next line are two blocks, a blank line between them
    ("# Head\nText here.\n", [("heading", "Head"), ("para", "Text here.")]),
    ("Title\n=====\ntext\n\n***\n\nmore\n", [("heading", "Title"), ("para", "text"), ("para", "more")]),
    ("one\ntwo\n\nthree\n", [("para", "one\ntwo"), ("para", "three")]),
    ("> a\n>\n> > b\n\nc\n", [("quote", "a"), ("quote", "b"), ("para", "c")]),
    ("- one\n- two\n\n1. three\n", [("item", "one"), ("item", "two"), ("item", "three")]),
    ("```\ncode “x”\n```\nafter\n", [("code", "code “x”"), ("para", "after")]),
    ("    indented code\n\ntext\n", [("code", "indented code"), ("para", "text")]),
    ("| a | b |\n|---|---|\n| c | d |\n", [("para", "a   b"), ("para", "c   d")]),
    (
        '<div class="x">\n<p>Lenin &amp; Trotsky</p>\n</div>\n\nafter\n',
        [("para", "Lenin & Trotsky"), ("para", "after")],
    ),
    ("Term\n: the definition\n", [("para", "Term"), ("item", "the definition")]),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_blocks(text: str, expected: list[tuple[str, str]]) -> None:
    view = md(text)
    assert blocks(view) == expected
    # blocks are separated by blank lines in the text
    for a, b in zip(view.blocks, view.blocks[1:], strict=False):
        assert "\n" in view.text[a.end : b.start] and not view.text[a.end : b.start].strip(" \n")
        assert any(not line.strip() for line in view.text[a.end : b.start].split("\n")[1:-1])


def test_quote_groups_and_depth() -> None:
    view = md("> a\n>\n> > b\n\n> c\n\nd\n")
    assert [(b.kind, b.group, b.depth) for b in view.blocks] == [
        ("quote", 0, 1),
        ("quote", 0, 2),
        ("quote", 1, 1),
        ("para", None, 0),
    ]


def test_quotes_nested_past_the_parser_limit_keep_their_text() -> None:
    text = "".join(">" * k + f" line {k}\n" for k in range(1, MAX_NESTING + 10))
    view = md(text)
    assert [view.text[b.start : b.end] for b in view.blocks] == [f"line {k}" for k in range(1, MAX_NESTING + 10)]
    assert {b.kind for b in view.blocks} == {"quote"} and {b.group for b in view.blocks} == {0}
    assert view.blocks[-1].depth == MAX_NESTING + 9


FOOTNOTES = [
    # (source, notes as (label, text), markers as (raw, label))
    ("Text[^1] more.\n\n[^1]: Note one.\n", [("1", "Note one.")], [("[^1]", "1")]),
    # a hard-wrapped note with 4-space continuation lines is one note
    (
        "A[^n].\n\n[^n]: Lenin, *CW*, vol. 33,\n    p. 487.\n",
        [("n", "Lenin,  CW , vol. 33,\n    p. 487.")],
        [("[^n]", "n")],
    ),
    # several paragraphs of one note: the first carries the label
    ("A[^2].\n\n[^2]: First.\n\n    Second.\n", [("2", "First."), (None, "Second.")], [("[^2]", "2")]),
    # consecutive definitions without a blank line are two notes
    ("A[^1] b[^2].\n\n[^1]: One.\n[^2]: Two.\n", [("1", "One."), ("2", "Two.")], [("[^1]", "1"), ("[^2]", "2")]),
    # a numbered list under a "Notes" heading is the notes (numbers as written); elsewhere a list
    (
        "1. a\n2. b\n\n## Notes\n\n3. Lenin, CW.\n4. Carr.\n\n## More\n\n5. x\n",
        [("3", "Lenin, CW."), ("4", "Carr.")],
        [],
    ),
    # pandoc's inline note: its text is a note block where it stands, numbered as markdown-it counts notes
    (
        "Lenin wrote “x”.^[Lenin, *CW*, vol. 33, p. 5.] Carr agreed.\n",
        [("1", "Lenin,  CW , vol. 33, p. 5.")],
        [("^[", "1")],
    ),
    # brackets inside the note, and a note hard-wrapped over two lines
    (
        "A.^[See [Carr], p. 5.] B.^[Lenin,\n*CW*, vol. 33.]\n",
        [("1", "See [Carr], p. 5."), ("2", "Lenin,\n CW , vol. 33.")],
        [("^[", "1"), ("^[", "2")],
    ),
    # an inline note whose number a declared note already has takes a label of its own
    (
        "A.^[One.] B[^1].\n\n[^1]: Two.\n",
        [("inline-1", "One."), ("1", "Two.")],
        [("^[", "inline-1"), ("[^1]", "1")],
    ),
]


CALLOUTS = [
    # an Obsidian quote callout: its title is the quotation's caption (its source), the marker blanked
    (
        "> [!quote] Hale, *Councils*, p. 3\n> The councils were everywhere.\n",
        [("caption", "Hale,  Councils , p. 3"), ("quote", "The councils were everywhere.")],
    ),
    # folded, untitled
    ("> [!cite]-\n> The councils were everywhere.\n", [("quote", "The councils were everywhere.")]),
    # any other callout (GitHub alerts too) is the writer's aside: a heading and plain paragraphs
    (
        "> [!NOTE] To check\n> The 1966 printing differs.\n>\n> So does the 1974 one.\n",
        [("heading", "To check"), ("para", "The 1966 printing differs."), ("para", "So does the 1974 one.")],
    ),
    # a marker that is not at the start of the block quotation is text
    ("> The councils [!quote] were everywhere.\n", [("quote", "The councils [!quote] were everywhere.")]),
]


def test_a_tab_indented_continuation_in_a_list_item_maps_back() -> None:
    """markdown-it expands the tab into more spaces than the line has before its text (found by the
    property test of test_build.py): the text still maps to itself."""
    view = md("- Lenin\n\t&#8212;")
    assert view.text.split() == ["Lenin", "—"]
    check_source_map(view)


def test_link_definitions_to_addresses_are_markup() -> None:
    """``[1]: https://… "Title"`` is no text (its title is no quotation); ``[3]: Ibid.`` stays."""
    view = md('Text [one][1].\n\n[1]: https://example.org/a "Red Decade, ch. 5"\n\n[3]: Ibid.\n')
    assert blocks(view) == [("para", "Text  one    ."), ("para", "[3]: Ibid.")]
    check_source_map(view)


@pytest.mark.parametrize(("text", "expected"), CALLOUTS)
def test_callouts(text: str, expected: list[tuple[str, str]]) -> None:
    view = md(text)
    assert blocks(view) == expected
    check_source_map(view)


def test_inline_note_splits_its_paragraph_where_it_stands() -> None:
    view = md(
        "> “We need a breathing space.”^[Lenin, *CW*, vol. 32, p. 179.]\n\nHe said it twice.^[Ibid.] Then he left.\n"
    )
    assert blocks(view) == [
        ("quote", "“We need a breathing space.”"),
        ("note", "Lenin,  CW , vol. 32, p. 179."),
        ("para", "He said it twice."),
        ("note", "Ibid."),
        ("para", "Then he left."),
    ]
    assert [b.group for b in view.blocks][:2] == [0, 0]
    check_source_map(view)


@pytest.mark.parametrize(("text", "notes", "markers"), FOOTNOTES)
def test_footnotes(text: str, notes: list[tuple[str | None, str]], markers: list[tuple[str, str]]) -> None:
    view = md(text)
    assert [(b.note, view.text[b.start : b.end]) for b in view.blocks if b.kind == "note"] == notes
    assert marks(view, "noteref") == markers
    assert all(not t.strip() for t in mark_texts(view, "noteref"))  # blanked


INLINE = [
    # (source, expected view text of the paragraph, marks as (kind, view text, data))
    ("Text *em* and **bold**.", "Text  em  and   bold  .", [("italic", "em", None), ("bold", "bold", None)]),
    ("A \\[1918\\] &amp; x\\*y", "A [1918] & x*y", []),
    ('[label](http://x.y "t") end', " label" + " " * 17 + " end", [("link", "label", "http://x.y")]),
    ("see <http://a.b/c> now", "see  http://a.b/c  now", [("url", "http://a.b/c", None)]),
    ("at www.c.d/e. now", "at www.c.d/e. now", [("url", "www.c.d/e", None)]),
    (
        "[[Target|label]] and [[Solo]]",
        "         label   and   Solo  ",
        [("wikilink", "label", "Target"), ("wikilink", "Solo", "Solo")],
    ),
    (
        'founder of the\n"<a   href="October_Revolution.md" class="wikilink"\ntitle="October Revolution">"October Revolution</a>, which',
        'founder of the\n""October Revolution, which',
        [("wikilink", '"October Revolution', "October Revolution")],
    ),
    (
        "word<sup>3</sup> and <i>it</i>",
        "word  and it",
        [("noteref", " ", "3"), ("sup", " ", None), ("italic", "it", None)],
    ),
    ("one<br>two", "one\ntwo", []),
    ("use `code *x*` here", "use  code *x*  here", [("code", "code *x*", None)]),
    ("a\\\nb", "a \nb", []),
    ("x ![alt](p.png) y", "x " + " " * 13 + " y", []),
]


@pytest.mark.parametrize(("text", "expected", "expected_marks"), INLINE)
def test_inline(text: str, expected: str, expected_marks: list[tuple[str, str, str | None]]) -> None:
    view = md(text + "\n")
    assert view.text.rstrip("\n") == expected
    assert [(m.kind, view.text[m.start : m.end], m.data) for m in view.marks] == expected_marks


def test_escapes_and_entities_map_to_their_whole_source() -> None:
    view = md("A \\[1918\\] &mdash; B\n")
    i = view.text.index("[")
    assert view.raw(i, i + 1) == "\\["
    j = view.text.index("—")
    assert view.raw(j, j + 1) == "&mdash;"
    assert view.raw(i, j + 1) == "\\[1918\\] &mdash;"
    assert view.line_col(view.to_source(view.text.index("B"))) == (1, 20)


def test_crlf_source_maps_back() -> None:
    view = md("a\r\nb\r\n\r\n> c &amp; d\r\n")
    assert blocks(view) == [("para", "a\nb"), ("quote", "c & d")]
    c = view.text.index("c")
    assert view.line_col(view.to_source(c)) == (4, 3)


def test_front_matter() -> None:
    view = md(
        "---\ntitle: 'Lenin and #Occupy'\nauthors:\n- Ben Lewis\n- Tom Riley\ntags: [a, \"b\"]\ndate: 2012-06-07\n---\n\n# Intro\n"
    )
    assert view.meta == (
        ("title", "Lenin and #Occupy"),
        ("authors", "Ben Lewis; Tom Riley"),
        ("tags", "a; b"),
        ("date", "2012-06-07"),
    )
    assert view.meta_value("TITLE") == "Lenin and #Occupy"
    assert [b.kind for b in view.blocks] == ["meta", "heading"]


FRONT_MATTER = [
    ("a: b\nc:\n  nested: x\nd: 'q'", [("a", "b"), ("d", "q")]),
    ('aliases: [\n  "/x/y"\n]\nissue: "47"', [("aliases", "/x/y"), ("issue", "47")]),
    ("# comment\nk: v # not a comment in a plain scalar", [("k", "v # not a comment in a plain scalar")]),
    ("text: |\n  block\n", []),
]


@pytest.mark.parametrize(("yaml", "expected"), FRONT_MATTER)
def test_parse_front_matter(yaml: str, expected: list[tuple[str, str]]) -> None:
    assert parse_front_matter(yaml) == expected


# --- the parser: markdown-it's text rule runs on over characters no rule here starts at ----------


def _tokens(tokens: list[Token]) -> list[tuple[object, ...]]:
    fields = ("type", "tag", "map", "content", "markup", "info", "meta", "attrs", "nesting", "level", "hidden")
    return [
        (*(getattr(t, f) for f in fields), None if t.children is None else tuple(_tokens(t.children))) for t in tokens
    ]


_MD_PIECES = st.sampled_from(
    ["a", "b c", " ", "  ", "\n", "\n\n", "-", ":", "#", "=", "+", "@", "{", "}", "$", "%", ">", "[", "]", "(", ")",
     "*", "_", "~~", "`", "\\", "&amp;", "&", "<", "<i>", "</i>", "!", "^", "[^1]", "[^1]: n", "[l](u)", "[l]",
     "[l]: u", "![i](s)", "<http://a.b>", "- ", "1. ", "> ", "# ", "|", "---", "\t", " \n", "  \n", "   \n",
     "\n\t ", "\x0c", "\u00a0", "\u2028", "word word", "Lenin's “words”", "\r\n", "\r", "\x00"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_MD_PIECES, max_size=40).map("".join))
@example(":::")
@example("a\n\n1.  ::: {#fn1}\n    x [l](u){#r .c}\n    :::\n:::\n")
def test_narrowed_text_rule_gives_markdown_its_own_tokens(text: str) -> None:
    # and prose without markup, whose tokens are made without the inline parser
    stock = markdown_parser()  # markdown-it's own terminator characters
    assert stock.inline.terminator_re.pattern != _MD.inline.terminator_re.pattern
    # the view takes pandoc's fenced div markers out first: markdown-it is given the text without them
    assert _tokens(_MD.parse(_normalise(text)[0])) == _tokens(stock.parse(_FENCED_DIV.sub("", text)))


_PROSE_PIECES = st.sampled_from(
    ["a", "word", " ", "  ", "   ", "\n", " \n", "  \n", "   \n", "\n\t", "\n  ", "\t", "\x0c", "\u00a0", "-", ":",
     "#", "“", "”", "1918", ".", "1. ", "> ", "- ", "\n\n", "=", "+", "\r\n", "  \r\n", "\r", "\x00"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PROSE_PIECES, max_size=30).map("".join))
def test_prose_gets_markdown_its_own_tokens(text: str) -> None:
    assert _tokens(_MD.parse(_normalise(text)[0])) == _tokens(markdown_parser().parse(_FENCED_DIV.sub("", text)))


PLAIN_INLINE = [
    # content, the tokens markdown-it makes of it (text content, or the break)
    ("", []),
    ("a b", ["a b"]),
    ("a\nb", ["a", "softbreak", "b"]),
    ("a \nb", ["a", "softbreak", "b"]),  # one space before the line end: taken off the text
    ("a  \n\t b", ["a", "hardbreak", "b"]),  # two or more: a hard break; the next line's indent skipped
    ("a\x0c\n b", ["a\x0c", "softbreak", "b"]),  # only spaces count
]


@pytest.mark.parametrize(("content", "expected"), PLAIN_INLINE)
def test_plain_inline(content: str, expected: list[str]) -> None:
    tokens = plain_inline(content)
    assert [t.content if t.type == "text" else t.type for t in tokens] == expected
    assert _tokens(tokens) == _tokens(markdown_parser().parseInline(content)[0].children or [])


_SAME_SPAN = '[<a href="x">a</a>](y) text\n'  # an HTML link inside a Markdown one: two marks, one span


def test_marks_on_one_span_come_in_one_order_whatever_the_hash_seed() -> None:
    assert [(m.kind, m.data) for m in md(_SAME_SPAN).marks] == [("link", "x"), ("link", "y")]
    code = (
        "from citecheck.source.build import build_view\n"
        "from citecheck.source.load import document_from_text\n"
        f"print([m.data for m in build_view(document_from_text('e.md', {_SAME_SPAN!r}, 'markdown')).marks])\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)}, capture_output=True,
            text=True, check=True,
        ).stdout
        for seed in range(1, 7)
    }  # fmt: skip
    assert runs == {"['x', 'y']\n"}
