"""Marxists Internet Archive pages: the bibliographic header, and the author's words without the editors'.

A page holds its header in ``<p class="information">`` as labelled lines
(``<span class="info">Source:</span> …``); a chapter of a multi-part work often
holds none and inherits its folder's ``index.htm`` header (done in
:mod:`citecheck.primary.load`).  What is not the author's text is dropped before
the words are taken: the header, endnotes (``p.endnote``), note markers
(``<sup class="enote">[20]</sup>``, ``<span class="note">``), editorial insertions
(``span.inote``, "[…—Ed.]"), tables of contents, navigation, scripts.
"""

from __future__ import annotations

import unicodedata

import lxml.html
import regex
from lxml import etree

from citecheck.models import Document, SourceText
from citecheck.primary.header import label_field, parse_date

#: Paragraph classes that hold no words of the author (header, notes, navigation).
DROPPED_PARAGRAPHS = frozenset({"information", "endnote", "footer", "toc", "index", "indexa", "indexb", "next", "skip"})
#: Inline classes that are editors' marks, not the author's words.
DROPPED_INLINE = frozenset({"enote", "ednote", "note", "inote"})
#: Headings that only label the editors' apparatus.
_APPARATUS_HEADINGS = frozenset({"endnotes", "notes", "footnotes", "table of contents", "contents"})
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "tr", "table", "pre", "center")
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_LABEL_MARK = regex.compile("\ue000([^\ue001]*)\ue001")
#: Labels written in the text rather than in ``span.info`` (or after one, in the same line).
_PLAIN_LABEL = regex.compile(
    r"(?:^|(?<=\s))(Source|Written|Delivered|First\s+Published|Published|Publisher|Translated(?:\s*\([^)]*\))?"
    r"|Transcri\p{L}*(?:\s*[/\\&]?\s*(?:HTML\s+)?Markup)?|HTML\s+Markup|Online\s+Version|Proof\s*read\p{L}*"
    r"|Copyleft|Public\s+Domain|Signed)\s*:",
    regex.I,
)
_YEAR = regex.compile(r"\b1[6-9]\d\d\b")
_PART = regex.compile(r"^[^/#?:\s]+\.html?$", regex.I)
_INDEX = regex.compile(r"^index\.html?$", regex.I)
_PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")


def _classes(el: etree._Element) -> set[str]:
    return set(str(el.get("class") or "").split())


def read_mia(doc: Document) -> SourceText:
    """The header fields and the author's text of an archive page (any HTML page reads, header or not)."""
    html = _XML_DECLARATION.sub("", doc.text)
    try:
        root = lxml.html.document_fromstring(html or "<html></html>")
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html></html>")
    fields: list[tuple[str, str]] = []
    header_line = 1
    title = " ".join(" ".join(root.xpath("//title//text()")).split())
    if title:
        fields.append(("title", title))
    author = root.xpath("//meta[@name='author']/@content")
    if author and " ".join(str(author[0]).split()):
        fields.append(("author", " ".join(str(author[0]).split())))
    byline = [" ".join(h.text_content().split()) for h in root.xpath("//h2")[:1]]  # <h2>V. I. Lenin</h2>
    if byline and byline[0]:
        fields.append(("byline", byline[0]))
    for para in root.xpath("//p[contains(concat(' ', normalize-space(@class), ' '), ' information ')]"):
        found = _header_fields(para)
        if found and not any(k == "source" for k, _ in fields):
            header_line = para.sourceline or 1
        for key, value in found:
            if not any(k == key for k, _ in fields):
                fields.append((key, value))
    if any(k == "source" for k, _ in fields) and not any(k in ("written", "delivered") for k, _ in fields):
        # an index page that gives the dates only as a heading ("<h4>March 18-23, 1919</h4>")
        for heading in root.xpath("//h3 | //h4"):
            words = " ".join(heading.text_content().split())
            if len(words) <= 40 and _YEAR.search(words) and parse_date(words):
                fields.append(("dated", words))
                break
    # the pages of the same folder this one links to: for an index page, the parts of the work
    parts = sorted({str(h) for h in root.xpath("//a/@href") if _PART.match(str(h)) and not _INDEX.match(str(h))})
    if parts:
        fields.append(("parts", " ".join(parts)))
    text = _body_text(root)
    return SourceText(doc.path, "mia", doc.sha256, text, tuple(fields), (), header_line)


def _header_fields(para: etree._Element) -> list[tuple[str, str]]:
    """The labelled fields of one information paragraph: ``[("source", "Collected Works, Volume 31 …")]``."""
    for span in para.xpath(".//span[contains(concat(' ', normalize-space(@class), ' '), ' info ')]"):
        label = span.text_content()
        for child in list(span):
            span.remove(child)
        span.text = f"\ue000{label}\ue001"
    for br in para.iter("br"):
        br.tail = "\n" + (br.tail or "")
    raw = para.text_content()
    out: list[tuple[str, str]] = []
    marked = _LABEL_MARK.split(raw)
    pairs: list[tuple[str, str]] = []
    for label, value in [("", marked[0]), *zip(marked[1::2], marked[2::2], strict=False)]:
        # a value may run on into labels the page did not mark up ("… pp. 17–118 Publisher: …")
        pieces = _PLAIN_LABEL.split(value.lstrip(" :"))
        if label:
            pairs.append((label, pieces[0]))
        pairs.extend(zip(pieces[1::2], pieces[2::2], strict=False))
    for label, value in pairs:
        name = label_field(label)
        value = " ".join(value.split()).strip(" ;,:")
        if name and value:
            out.append((name, unicodedata.normalize("NFC", value)))
    return out


def _body_text(root: etree._Element) -> str:
    """The author's words: paragraphs separated by blank lines, each on one line."""
    body = root.find("body")
    if body is None:
        body = root
    doomed: list[etree._Element] = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, etree._Comment | etree._ProcessingInstruction):
                doomed.append(el)
            continue
        tag = el.tag.lower()
        classes = _classes(el)
        if (
            tag in ("script", "style", "head", "h1", "h2", "hr", "noscript")
            or (tag == "p" and classes & DROPPED_PARAGRAPHS)
            or (tag in ("sup", "span", "a") and classes & DROPPED_INLINE)
        ):
            doomed.append(el)
        elif tag == "sup" and el.xpath(".//a[starts-with(@href, '#')]"):
            doomed.append(el)  # a note marker: [1], *9
        elif tag in ("h3", "h4") and " ".join(el.text_content().split()).lower() in _APPARATUS_HEADINGS:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for el in body.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = unicodedata.normalize("NFC", body.text_content())
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)
