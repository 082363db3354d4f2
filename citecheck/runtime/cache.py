"""The per-file extraction cache: a document's results, kept under a digest of everything they depend on.

An entry's key is the SHA-256 of the file's decoded text, its format, the
catalogue's text and citecheck's own source code, so editing a file, the
bibliography or citecheck itself misses the cache, while renaming or moving a
file does not.  Entries are written to a temporary file and renamed into
place, so concurrent runs never see half an entry; each carries a checksum, and
an entry that is unreadable, truncated or from another version is ignored and
rebuilt.  Entries hold only strings, numbers and tuples (:mod:`marshal`), so
reading a planted entry can give wrong results at worst, never run code; keep
the folder out of version control all the same (it is in ``.gitignore``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import operator
import os
from collections.abc import Callable
from dataclasses import fields
from importlib import resources
from itertools import starmap
from pathlib import Path
from typing import Any

from citecheck.models import Citation, Document, DocumentResult, OutputError, Quotation, Repair
from citecheck.output.atomic import write_bytes

_MAGIC = b"citecheck-cache/2\n"


@functools.cache
def code_digest() -> str:
    """A digest of citecheck's own modules and data: results from other code are never reused."""
    h = hashlib.sha256()
    root = resources.files("citecheck")
    for path in sorted(_package_files(Path(str(root)))):
        h.update(path.relative_to(Path(str(root))).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _package_files(root: Path) -> list[Path]:
    wanted = (".py", ".txt", ".j2")
    return [p for p in root.rglob("*") if p.is_file() and p.suffix in wanted and "__pycache__" not in p.parts]


class Cache:
    """Extraction results on disk, one file per entry under ``folder``."""

    def __init__(self, folder: str | os.PathLike[str], catalogue_digest: str) -> None:
        self.folder = Path(folder)
        self._salt = f"{code_digest()}:{catalogue_digest}"

    def key(self, doc: Document) -> str:
        """The entry key of ``doc``."""
        h = hashlib.sha256(self._salt.encode())
        h.update(b"\0" + doc.format.encode() + b"\0")
        h.update(doc.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.entry"

    def get(self, doc: Document) -> DocumentResult | None:
        """The cached result for ``doc`` (under its own path and text), or None."""
        path = self._path(self.key(doc))
        try:
            data = path.read_bytes()
        except OSError:
            return None
        result = _decode(data, doc)
        if result is None:
            with contextlib.suppress(OSError):
                path.unlink()  # corrupt: rebuilt by this run
            return None
        return result

    def put(self, doc: Document, result: DocumentResult) -> None:
        """Store ``result`` for ``doc`` (best effort: a read-only or full disk only costs speed)."""
        payload = marshal.dumps(_encode(result))
        data = _MAGIC + hashlib.sha256(payload).digest() + payload
        with contextlib.suppress(OSError, OutputError):
            write_bytes(self._path(self.key(doc)), data, durable=False)


def _decode(data: bytes, doc: Document) -> DocumentResult | None:
    """The result stored in ``data``, under ``doc``'s path and text; None when the entry is unusable."""
    if not data.startswith(_MAGIC):
        return None
    digest, payload = data[len(_MAGIC) : len(_MAGIC) + 32], data[len(_MAGIC) + 32 :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        _, _, fmt, citations, quotations, repairs = marshal.loads(payload)
        return DocumentResult(
            doc.path,
            doc.sha256,
            fmt,
            tuple(starmap(Citation, citations)),
            tuple(starmap(Quotation, quotations)),
            tuple(starmap(Repair, repairs)),
            source=doc.text,
        )
    except Exception:  # an entry from another version, or damaged past its checksum: rebuilt either way
        return None


def _encode(result: DocumentResult) -> tuple[Any, ...]:
    """A document's results as nested tuples of plain values (fields in declaration order)."""
    return (
        result.path,
        result.sha256,
        result.format,
        tuple(map(_CITATION_ROW, result.citations)),
        tuple(map(_QUOTATION_ROW, result.quotations)),
        tuple(map(_REPAIR_ROW, result.repairs)),
    )


def _row_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A record's field values in declaration order (``attrgetter`` gives a bare value for one field)."""
    names = [f.name for f in fields(cls)]
    assert len(names) > 1
    return operator.attrgetter(*names)


_CITATION_ROW = _row_of(Citation)
_QUOTATION_ROW = _row_of(Quotation)
_REPAIR_ROW = _row_of(Repair)
