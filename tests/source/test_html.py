"""The HTML view: libxml2's structure, every character aligned back to the source."""

from __future__ import annotations

import pytest

from citecheck.models import TextView
from citecheck.source.build import build_view
from citecheck.source.html import decode_text, markup_spans
from citecheck.source.load import document_from_text
from tests.source.viewcheck import blocks, check_source_map, marks


def html(text: str, name: str = "essay.html") -> TextView:
    view = build_view(document_from_text(name, text, "html"))
    check_source_map(view)
    return view


BLOCKS = [
    (
        "<h1>Head</h1><p>One <b>two</b></p>\n\n<p>Three</p>",
        [("heading", "Head"), ("para", "One two"), ("para", "Three")],
    ),
    ("<p>line one<br>line two<br><br>new para</p>", [("para", "line one\nline two"), ("para", "new para")]),
    (
        "<ul><li>a</li><li>b</li></ul><dl><dt>t</dt><dd>d</dd></dl>",
        [("item", "a"), ("item", "b"), ("item", "t"), ("item", "d")],
    ),
    ("<p>a\n\n   b</p>", [("para", "a     b")]),  # a blank line inside a paragraph is not a break
    ("<pre>x\n  y\n\nz</pre>", [("para", "x\n  y"), ("para", "z")]),
    # legacy markup: SSI comments, PHP, <font> around paragraphs, tables for layout
    (
        '<!--#include virtual="/x.htmlf" --><table><tr><td><?php include "t" ?></td><td>'
        '<font face="Times"><P>Para <b>bold</b></font><P>Next</P></td></tr></table>',
        [("para", "Para bold"), ("para", "Next")],
    ),
    ("<div><div><div>deep</div></div>tail</div>", [("para", "deep"), ("para", "tail")]),
    ("<p>a &mdash; b&nbsp;c &amp d &#150; e &unknown; f</p>", [("para", "a — b\xa0c & d – e &unknown; f")]),
    ("<p>a\r\nb</p>", [("para", "a b")]),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_blocks(text: str, expected: list[tuple[str, str]]) -> None:
    assert blocks(html(text)) == expected


def test_skipped_elements_and_metadata() -> None:
    view = html(
        '<html><head><meta name="Author" content="Maurice Brinton"><title>The State &amp; Revolution</title>'
        '<style>p { x: "<p>" }</style><script>var s = "</p><p>no";</script></head>'
        "<body><noscript>no</noscript><template><p>no</p></template><p>yes</p></body></html>"
    )
    assert blocks(view) == [("para", "yes")]
    assert view.meta == (("author", "Maurice Brinton"), ("title", "The State & Revolution"))


QUOTES = [
    # (source, [(kind, text, group, depth)])
    (
        '<p>Intro:</p><p class="quoteb">"one</p><p class="quoteb">two"</p><p>x</p><p class="quote">three</p>',
        [
            ("para", "Intro:", None, 0),
            ("quote", '"one', 0, 1),
            ("quote", 'two"', 0, 1),
            ("para", "x", None, 0),
            ("quote", "three", 1, 1),
        ],
    ),
    (
        "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote><blockquote><p>c</p></blockquote>",
        [("quote", "a", 0, 1), ("quote", "b", 0, 2), ("quote", "c", 1, 1)],
    ),
    ('<div class="blockquote">q</div><p>p</p>', [("quote", "q", 0, 1), ("para", "p", None, 0)]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_quote_blocks_and_groups(text: str, expected: list[tuple[str, str, int | None, int]]) -> None:
    view = html(text)
    assert [(b.kind, view.text[b.start : b.end], b.group, b.depth) for b in view.blocks] == expected


NOTES = [
    # (source, notes as (label, text), markers as (raw source, label))
    (  # MIA: markers and definitions link to each other; the class says endnote
        '<p>He wrote “so”.<a href="#n1" name="fn1">[1]</a> More.</p>\n'
        '<p class="endnote"><a name="n1" href="#fn1">[1]</a> Lenin, <i>CW</i>, vol. 33.</p>',
        [("1", "Lenin, CW, vol. 33.")],
        [("[1]", "1")],
    ),
    (  # the same without a class: the anchor a marker targets opens the note
        '<p>Text.<a href="#n2" name="fn2">[2]</a></p><p><a name="n2" href="#fn2">[2]</a> Carr, p. 5.</p>',
        [("2", "Carr, p. 5.")],
        [("[2]", "2")],
    ),
    (  # <sup><a href="#fn4">4</a></sup> and a bare <sup>5</sup>; a note of two paragraphs, a return link
        '<p>Text<sup><a href="#fn4" id="r4">4</a></sup> and<sup>5</sup>.</p><ol class="footnotes">'
        '<li id="fn4"><p>Note four <a href="#r4">↩</a></p><p>second</p></li><li>Five</li></ol>',
        [("4", "Note four"), (None, "second"), ("2", "Five")],
        [("4", "4"), ("5", "5")],
    ),
    (  # EPUB: a note reference into another file is still a marker
        '<p>Workers<a href="appendix-1.xhtml#appendix-1-1" id="noteref-1-1" epub:type="noteref">A1.1</a> went.</p>',
        [],
        [("A1.1", "A1.1")],
    ),
    (  # a paragraph whose id a marker targets; its written label is blanked
        '<p>See<a href="#note7">7</a>.</p><p id="note7">7. Deutscher, p. 9.</p>',
        [("7", "Deutscher, p. 9.")],
        [("7", "7")],
    ),
    (  # pandoc: a notes section, items numbered by the list
        '<p>Text<a href="#fn1" class="footnote-ref">1</a>.</p><section class="footnotes"><ol><li id="fn1"><p>The note.</p></li></ol></section>',
        [("1", "The note.")],
        [("1", "1")],
    ),
    (  # a link to a heading is not a marker, a numbered link at the start of a paragraph neither
        '<p><a href="#h1">1920</a></p><h2><a name="h1">1920</a></h2><p>In <a href="#x">1921</a></p><p id="x">x</p>',
        [("1921", "x")],
        [("1921", "1921")],
    ),
    (  # Substack: the note is a div holding its number's link, then a div of its text
        '<p>Text.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p>'
        '<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a>'
        '<div class="footnote-content"><p>Orlov, <em>The Red Decade</em>, 12.</p></div></div>',
        [("1", "Orlov, The Red Decade, 12.")],
        [("1", "1")],
    ),
    (  # notes inside a notes div stay notes of their own
        '<p>A<a href="#n1">1</a> b<a href="#n2">2</a></p><div class="footnotes">'
        '<p class="footnote" id="n1">1. One.</p><p class="footnote" id="n2">2. Two.</p></div>',
        [("1", "One."), ("2", "Two.")],
        [("1", "1"), ("2", "2")],
    ),
    (  # no markup declares the notes: "[1]" in the text, "1. …" paragraphs closing the page
        "<p>He wrote “so”[1] and “more”.[2]</p><h3>Notes</h3><p>1. Hale, <i>Councils</i>, p. 3.</p>"
        "<p>2. Orlov, p. 9.</p>",
        [("1", "Hale, Councils, p. 3."), ("2", "Orlov, p. 9.")],
        [("[1]", "1"), ("[2]", "2")],
    ),
    (  # a plain <ol> under a "Notes" heading, <sup> markers; the page goes on after the notes
        "<p>He wrote “so”<sup>1</sup> and “more”.<sup>2</sup></p><h2>Notes</h2><ol><li>Hale, <em>Councils</em>, 3.</li>"
        "<li>Orlov, 9.</li></ol><footer><p>Share this article</p></footer>",
        [("1", "Hale, Councils, 3."), ("2", "Orlov, 9.")],
        [("1", "1"), ("2", "2")],
    ),
    (  # a bold "Notes" paragraph, notes opened by their number in <sup>
        "<p>He wrote “so”<sup>[1]</sup>.</p><p><strong>Notes</strong></p><p><sup>[1]</sup> Hale, <em>Councils</em>, 3.</p>",
        [("1", "Hale, Councils, 3.")],
        [("[1]", "1")],
    ),
    ("<p>the 1<sup>st</sup> and M<sup>me</sup></p>", [], []),
]


@pytest.mark.parametrize(("text", "notes", "markers"), NOTES)
def test_notes_and_markers(text: str, notes: list[tuple[str | None, str]], markers: list[tuple[str, str]]) -> None:
    view = html(text)
    assert [(b.note, view.text[b.start : b.end]) for b in view.blocks if b.kind == "note"] == notes
    assert marks(view, "noteref") == markers
    for m in view.marks:
        if m.kind == "noteref":
            assert not view.text[m.start : m.end].strip()


MARKS = [
    (
        "<p><i>a</i> <em>b</em> <cite>c</cite> <b>d</b> <strong>e</strong> <sup>th</sup> <code>f</code> <q>g</q></p>",
        [
            ("italic", "a", None),
            ("italic", "b", None),
            ("italic", "c", None),
            ("bold", "d", None),
            ("bold", "e", None),
            ("sup", "th", None),
            ("code", "f", None),
            ("quote", "g", None),
        ],
    ),
    ('<p>See <a href="secJ2.html">section J.2</a>.</p>', [("link", "section J.2", "secJ2.html")]),
    (
        '<p>the <a href="Bolsheviks.md" class="wikilink" title="B">Bolsheviks</a></p>',
        [("wikilink", "Bolsheviks", "Bolsheviks")],
    ),
    ("<p><i></i>x</p>", []),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_marks(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    view = html(text)
    assert [(m.kind, view.text[m.start : m.end], m.data) for m in view.marks] == expected


NAVIGATION = [
    (
        '<p><a href="04.htm">Previous: 1919</a> | <a href="06.htm">Next: 1921</a><br><a href="index.htm">Table of Contents</a></p>',
        "meta",
    ),
    ('<div class="page-links"><a href="a.html">‹ Section H</a> <a href="b.html">up</a></div>', "meta"),
    ('<p><a href="#Top">Back to the top</a></p>', "meta"),
    ('<p>See <a href="secJ2.html">section J.2</a>.</p>', "para"),
    ('<p><a href="secJ2.html">section J.2</a></p>', "para"),
]


@pytest.mark.parametrize(("text", "kind"), NAVIGATION)
def test_navigation_is_meta(text: str, kind: str) -> None:
    assert [b.kind for b in html(text).blocks] == [kind]


def test_xhtml() -> None:
    view = html(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Chapter 1</title></head><body>'
        '<section epub:type="chapter"><h2 epub:type="title">I</h2><p>x &#8212; y<br/>z</p></section></body></html>',
        "ch1.xhtml",
    )
    assert blocks(view) == [("heading", "I"), ("para", "x — y\nz")]
    assert view.meta == (("title", "Chapter 1"),)


def test_entities_map_to_the_whole_entity() -> None:
    view = html("<p>“a&mdash;b” &amp; <i>c</i></p>")
    i = view.text.index("—")
    assert view.raw(i, i + 1) == "&mdash;"
    assert view.raw(0, view.text.index("”") + 1) == "“a&mdash;b”"
    assert view.line_col(view.to_source(view.text.index("c"))) == (1, 25)


def test_text_libxml2_reads_differently_still_maps() -> None:
    # a quoted attribute holding "<": the tokenizer here and libxml2 disagree; the text is kept
    view = html('<p title="a<b">Lenin</p><p>Trotsky</p>')
    assert "Lenin" in view.text and "Trotsky" in view.text


def test_markup_spans_and_decoding() -> None:
    src = 'a<!-- c --><b class="x>y">b</b><script>if (a<b) {}</script>c &amp; d'
    assert [src[s:e] for s, e in markup_spans(src)] == [
        "<!-- c -->",
        '<b class="x>y">',
        "</b>",
        "<script>if (a<b) {}",
        "</script>",
    ]
    text, offsets = decode_text(src)
    assert text == "abc & d"
    assert offsets[text.index("&")] == src.index("&amp;") and offsets.end(text.index("&")) == src.index("&amp;") + 5


MARKUP = [
    # source, the markup found (a raw-text element runs to its end tag, whatever the case)
    ("a < b <i>c</i>", ["<i>", "</i>"]),
    ("<STYLE>p<q{}</Style >x", ["<STYLE>p<q{}", "</Style >"]),
    ("<script/>x<b>y</b>", ["<script/>", "<b>", "</b>"]),  # self-closed: no raw text
    ("<scripts>x<b>", ["<scripts>", "<b>"]),  # another name that starts the same
    ("<xmp><b>kept</b></xmp>", ["<xmp><b>kept</b>", "</xmp>"]),
    ("<plaintext>a<b", ["<plaintext>a<b"]),  # never closed: raw to the end
    ("<!DOCTYPE html><?xml x?><!-- open", ["<!DOCTYPE html>", "<?xml x?>", "<!-- open"]),
    ("<a b='<'>x", []),  # a quoted attribute value may not hold "<" here: not markup
    ("</>x<1>", []),
]


@pytest.mark.parametrize(("src", "expected"), MARKUP)
def test_markup_spans(src: str, expected: list[str]) -> None:
    assert [src[s:e] for s, e in markup_spans(src)] == expected
