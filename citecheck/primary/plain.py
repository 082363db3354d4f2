"""Plain-text and Markdown primary texts: YAML front matter, page markers, line-end hyphens.

::

    ---
    author: Lenin
    title: Report on Work in the Countryside
    key: lenin-cw-29          # or: volume: 29 (with the work named by author and title)
    pages: 141-225
    date: 1919-03-23
    complete: false           # true: the text is the whole volume or work
    ---
    … the text … [p. 417] … {418} …
    page 419
    … more text …

A page marker (``[p. 417]``, ``{417}``, or ``page 417`` alone on a line) says
where a page begins, so a passage is located on its page, not only in a range.
Markdown is rendered with markdown-it-py and its text taken, so emphasis and
headings do not become words.
"""

from __future__ import annotations

import unicodedata

import lxml.html
import regex
import yaml
from markdown_it import MarkdownIt

from citecheck.checks.match import TOKEN
from citecheck.models import Document, SourceText

#: Front matter keys citecheck reads (others are kept and ignored).
FRONT_MATTER_KEYS = ("author", "title", "volume", "pages", "date", "key", "edition", "complete")

_FRONT = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
_MARKER = regex.compile(
    r"\[\s*p(?:age|p?\.)?\s*(?P<a>\d{1,4})\s*\]|\{(?P<b>\d{1,4})\}|^[ \t]*(?:page|p\.)[ \t]+(?P<c>\d{1,4})[ \t]*$",
    regex.I | regex.M,
)
# a word broken at a line end ("revolu-\ntionary"); hyphenated compounds keep a capital or a digit
_LINE_END_HYPHEN = regex.compile(r"(\p{Ll})-[ \t]*\r?\n[ \t]*(\p{Ll})")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "tr")
_PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")


class FrontMatterError(ValueError):
    """The front matter is not valid YAML, or not a mapping."""


def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """``(front matter as strings, the rest of the text, lines the front matter took)``.

    :class:`FrontMatterError` names the line when the YAML does not parse.
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text, 0
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise FrontMatterError(f"front matter is not valid YAML (line {line})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a mapping of key: value")
    fields = {str(k).strip().lower(): _scalar(v) for k, v in data.items() if v is not None}
    return fields, text[m.end() :], m.group(0).count("\n")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def read_plain(doc: Document) -> SourceText:
    """The front matter, the text without page markers, and where each marked page begins."""
    problem: str | None = None
    try:
        front, body, _ = split_front_matter(doc.text)
    except FrontMatterError as exc:
        front, body, problem = {}, _FRONT.sub("", doc.text, count=1), str(exc)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = _LINE_END_HYPHEN.sub(r"\1\2", body)
    if doc.format == "markdown":
        body = _markdown_text(body)
    pieces: list[str] = []
    pages: list[tuple[int, str]] = []
    words = 0
    last = 0
    for m in _MARKER.finditer(body):
        chunk = body[last : m.start()]
        pieces.append(chunk)
        words += len(TOKEN.findall(chunk))
        pages.append((words, m.group("a") or m.group("b") or m.group("c")))
        last = m.end()
    pieces.append(body[last:])
    text = _paragraphs(unicodedata.normalize("NFC", "".join(pieces)))
    fields = sorted(front.items())
    if problem:
        fields.append(("problem", problem))
    fmt = "markdown" if doc.format == "markdown" else "text"
    return SourceText(doc.path, fmt, doc.sha256, text, tuple(fields), tuple(pages), 1)


def _paragraphs(text: str) -> str:
    """Paragraphs separated by blank lines, each on one line (word order and count unchanged)."""
    return "\n\n".join(p for p in (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text)) if p)


def _markdown_text(body: str) -> str:
    """The text of Markdown, block by block; page markers survive (they are literal text to Markdown)."""
    html = MarkdownIt("commonmark", {"html": False}).render(body)
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    # a "page 417" line inside a paragraph is a marker only on its own line: keep the line ends
    return str(root.text_content())
