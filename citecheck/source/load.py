"""Load: find the input files, read and decode them, and tell their format.

Bad input never raises out of this module: :func:`read_document` returns an
:class:`~citecheck.models.InputError` naming the file (and the line, where
there is one) instead, so the caller can report it and go on with the others.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from citecheck.models import Document, InputError

#: File endings read as input when a folder is given.
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml"}

#: Word-processor, PDF and e-book files: named directly, they get a hint rather than "binary file".
UNSUPPORTED_SUFFIXES = {".doc", ".docx", ".odt", ".rtf", ".pdf", ".epub"}
UNSUPPORTED = "unsupported format: convert it to text, Markdown or HTML first (for example with pandoc)"

#: Encodings a file that is not valid UTF-8 may be read in (with a warning): see :func:`decode`.
GUESSED_ENCODINGS = ("cp1252", "latin-1", "utf-8+cp1252")

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as valid text for any output: bytes that are not UTF-8 written as ``\\xff``.

    Python keeps such bytes of a file name as lone surrogates, which no UTF-8
    writer accepts (the HTML report, the merged bibliography) and strict JSON
    readers reject; shown this way the name stays readable and distinct.
    """
    name = os.fspath(path)
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name's bytes
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Expand files and folders into the files to read, sorted, each once.

    A folder contributes every file below it with a known text ending; hidden
    files and folders (``.git``, ``.citecheck-cache``) are skipped without
    being walked, and so are links to folders (they can loop).  A file reached
    twice, by two paths or a link, is read once.  A path that does not exist, a
    broken link or a link loop, and anything that is not a regular file (a FIFO,
    a device) yields an :class:`InputError` saying which.
    """
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except OSError as exc:
            yield InputError(shown_path(raw), _unreachable(p, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            for item in _walk(p):
                if isinstance(item, InputError):
                    yield item
                else:
                    found.append(item)
        elif stat.S_ISREG(st.st_mode):
            found.append(p)
        else:
            yield InputError(shown_path(raw), _not_regular(st.st_mode))
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


def _walk(top: Path) -> Iterator[Path | InputError]:
    """Every text file below ``top``, depth first in name order, with a stack rather than recursion.

    Folders nested thousands deep are walked like any other; links to folders are not followed.
    """
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(shown_path(folder.as_posix()), f"cannot read folder: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(Path(entry.path))
                    continue
                if os.path.splitext(entry.name)[1].lower() not in TEXT_SUFFIXES:
                    continue
                st = os.stat(entry.path)  # follows a link to a file; a link to a folder is skipped
            except OSError as exc:
                yield InputError(shown_path(entry.path), _unreachable(Path(entry.path), exc))
                continue
            if stat.S_ISREG(st.st_mode):
                yield Path(entry.path)
            elif not stat.S_ISDIR(st.st_mode):
                yield InputError(shown_path(entry.path), _not_regular(st.st_mode))
        stack.extend(reversed(subfolders))


def _unreachable(path: Path, exc: OSError) -> str:
    """Why ``path`` cannot be reached: a broken link, a link loop, nothing there, or the system's reason."""
    if exc.errno == errno.ELOOP:
        return "link loop (the link leads back to itself): skipped"
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken link (to {shown_path(target)}, which does not exist): skipped"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot read: {exc.strerror or exc}"


def _not_regular(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((name for test, name in kinds if test(mode)), "not a file")
    return f"not a regular file ({kind}): skipped"


def input_test(inputs: Iterable[str | os.PathLike[str]]) -> Callable[[str | os.PathLike[str]], bool]:
    """A test of whether writing a path would replace one of the files ``inputs``.

    The path is taken as an atomic write sees it: its folder with links
    resolved and its own name not followed (the write replaces a link, never
    the file behind it).  It replaces an input when that is the same file as
    one of ``inputs`` (links among the inputs followed: a corpus file that is a
    link to ``notes/a.txt`` makes ``notes/a.txt`` an input).
    """
    read: set[tuple[int, int]] = set()
    for path in inputs:
        with contextlib.suppress(OSError):
            st = os.stat(path)
            if stat.S_ISREG(st.st_mode):
                read.add((st.st_dev, st.st_ino))

    def replaces(target: str | os.PathLike[str]) -> bool:
        absolute = Path(os.path.abspath(target))
        try:
            st = os.lstat(absolute.parent.resolve() / absolute.name)
        except OSError:
            return False
        return stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in read

    return replaces


def decode(data: bytes, *, guess: bool = True) -> tuple[str, str] | tuple[None, str]:
    """Decode file bytes: ``(text, encoding)``, or ``(None, reason)`` when it can't be.

    UTF-8 with or without a BOM, and UTF-16 / UTF-32 with a BOM.  A NUL byte in
    anything else marks a binary file (or UTF-16 without its BOM, said so).
    Bytes that are not UTF-8 are, when ``guess``, read as Windows-1252: the
    whole file (``cp1252``, or ``latin-1`` when it uses bytes cp1252 leaves
    undefined) when it has no UTF-8 at all, else only those bytes
    (``utf-8+cp1252``).  Without ``guess``, invalid UTF-8 is reported with the
    line of the first bad byte.
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
        utf16 = _utf16_without_bom(data)
        if utf16:
            return None, f"{utf16} without a byte-order mark: save it as UTF-8 (or as UTF-16 with a BOM)"
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return None, f"binary file (NUL byte on line {line})"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if guess:
            return _legacy(data)
        return None, f"not valid UTF-8 on line {invalid_utf8_line(data)} ({exc.reason} at byte {exc.start})"


def invalid_utf8_line(data: bytes) -> int | None:
    """The line of the first byte of ``data`` that is not UTF-8; None when it all is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``"UTF-16-LE"``/``"UTF-16-BE"`` when ``data`` looks like text in it (every other byte NUL), else None."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    for zeros, others, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.1 * len(others):
            try:
                data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                return None
            return enc.upper()
    return None


_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """A decode error handler: the bytes that are not UTF-8, read as Windows-1252 (Latin-1 where it has none)."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return "".join(bytes([b]).decode("latin-1" if b in _CP1252_UNDEFINED else "cp1252") for b in bad), exc.end


codecs.register_error("citecheck-cp1252", _cp1252_bytes)


def _legacy(data: bytes) -> tuple[str, str]:
    """Text that is not valid UTF-8, read as Windows-1252 (see :func:`decode`)."""
    mixed = data.decode("utf-8", "citecheck-cp1252")
    # No UTF-8 at all when decoding byte by byte changed every non-ASCII byte into one character.
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    if len(mixed) - len(mixed.encode("ascii", "ignore")) != non_ascii:
        return mixed, "utf-8+cp1252"
    if _CP1252_UNDEFINED.isdisjoint(data):
        return data.decode("cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


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
    """Read and decode one file; an :class:`InputError` (never an exception) when it can't be.

    ``display_path`` names the document in results (default: ``path``); a name
    whose bytes are not UTF-8 is shown with ``\\xff`` escapes (:func:`shown_path`).
    A file that is not valid UTF-8 but reads as Windows-1252 is read, and its
    ``note`` says so.
    """
    shown = shown_path(display_path or path)
    if Path(path).suffix.lower() in UNSUPPORTED_SUFFIXES:
        return InputError(shown, UNSUPPORTED)
    data = _read_regular(path)
    if isinstance(data, str):
        return InputError(shown, data)
    text, how = decode(data)
    if text is None:
        return InputError(shown, how)
    note = None
    if how in GUESSED_ENCODINGS:
        where = f"line {invalid_utf8_line(data)}"
        note = (
            f"not valid UTF-8 (first at {where}): read as {how}"
            if how != "utf-8+cp1252"
            else f"not valid UTF-8 in places (first at {where}): those bytes read as cp1252"
        )
    return Document(
        path=shown,
        text=text,
        format=sniff_format(shown, text),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=how,
        note=note,
    )


def _read_regular(path: str | os.PathLike[str]) -> bytes | str:
    """The bytes of ``path``, or why they cannot be read.

    Opened without blocking and checked to be a regular file before reading, so
    a FIFO or a device put in the file's place since the walk is refused rather
    than waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK)
    except OSError as exc:
        return _unreachable(Path(path), exc)
    try:
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return _not_regular(mode)
            return fh.read()
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"


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
