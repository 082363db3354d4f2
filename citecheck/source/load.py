"""Load: find the input files, read and decode them, and tell their format.

Bad input never raises out of this module: :func:`read_document` returns an
:class:`~citecheck.models.InputError` naming the file (and the line, where
there is one) instead, so the caller can report it and go on with the others.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from citecheck.models import Document, InputError

#: File endings read as input when a folder is given.
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml"}

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Expand files and folders into the files to read, sorted, each once.

    A folder contributes every file below it with a known text ending; hidden
    files and folders (``.git``, ``.citecheck-cache``) are skipped without
    being walked, and so are links to folders (they can loop).  A file reached
    twice, by two paths or a link, is read once.  A path that does not exist
    yields an :class:`InputError`.
    """
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for item in _walk(p):
                if isinstance(item, InputError):
                    yield item
                else:
                    found.append(item)
        elif p.is_file():
            found.append(p)
        else:
            yield InputError(str(raw), "no such file or folder")
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda q: q.as_posix()):
        try:
            st = f.stat()
        except OSError:  # vanished since the walk: reading it reports why
            yield f
            continue
        if (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            yield f


def _walk(folder: Path) -> Iterator[Path | InputError]:
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        yield InputError(folder.as_posix(), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
            yield Path(entry.path)


def decode(data: bytes) -> tuple[str, str] | tuple[None, str]:
    """Decode file bytes: ``(text, encoding)``, or ``(None, reason)`` when it can't be.

    UTF-8 with or without a BOM, and UTF-16 / UTF-32 with a BOM.  A NUL byte in
    anything else marks a binary file.  Invalid UTF-8 is reported with the line
    of the first bad byte.
    """
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc + ("-sig" if enc == "utf-8" else "")
            except UnicodeDecodeError as exc:
                return None, f"not valid {enc.upper()} ({exc.reason} at byte {exc.start + len(bom)})"
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return None, f"binary file (NUL byte on line {line})"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, f"not valid UTF-8 on line {line} ({exc.reason} at byte {exc.start})"


def sniff_format(path: str, text: str) -> str:
    """``"markdown"``, ``"html"`` or ``"text"``, from the ending and, for plain endings, the content."""
    suffix = Path(path).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")) or ("<p>" in head and "</p>" in head):
        return "html"
    if head.startswith("---") or _looks_like_markdown(text[:20000]):
        return "markdown"
    return "text"


def _looks_like_markdown(sample: str) -> bool:
    signals = 0
    for line in sample.splitlines():
        s = line.lstrip()
        if s.startswith(("# ", "## ", "### ", "> ", "```", "[^")):
            signals += 1
        if "[[" in s and "]]" in s:
            signals += 1
        if signals >= 2:
            return True
    return False


def read_document(path: str | os.PathLike[str], display_path: str | None = None) -> Document | InputError:
    """Read and decode one file; an :class:`InputError` (never an exception) when it can't be."""
    shown = display_path or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return InputError(shown, f"cannot read: {exc.strerror or exc}")
    text, how = decode(data)
    if text is None:
        return InputError(shown, how)
    return Document(
        path=shown,
        text=text,
        format=sniff_format(shown, text),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=how,
    )


def read_inputs(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Document], list[InputError]]:
    """Every readable file under ``paths`` as a :class:`Document`, sorted by path; and those that could not be read."""
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in iter_input_files(paths):
        loaded = item if isinstance(item, InputError) else read_document(item, display_path=item.as_posix())
        if isinstance(loaded, InputError):
            errors.append(loaded)
        else:
            docs.append(loaded)
    docs.sort(key=lambda d: d.path)
    return docs, errors


def document_from_text(path: str, text: str, fmt: str | None = None) -> Document:
    """A :class:`Document` from text already in memory (tests, the API)."""
    return Document(
        path=path,
        text=text,
        format=fmt or sniff_format(path, text),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )
