"""Primary texts as read, on disk: a file is parsed once until it or citecheck changes.

A sibling of :mod:`citecheck.runtime.cache` with the same guarantees: an entry's
key is the SHA-256 of citecheck's own code, the reader and the file's bytes (a
renamed file hits, an edited one misses); entries are plain values
(:mod:`marshal`, never pickle) behind a checksum, written to a temporary file
and renamed into place, so concurrent runs are safe and a damaged entry is
ignored and rebuilt.  An entry holds the text as read and its words as the
index numbers them (:class:`~citecheck.models.SourceWords`), so rebuilding the
index after one source changed reads no other source again.  The checksum is
an HMAC-SHA256 of the entry's key and contents under the per-user key the
extraction cache authenticates with (:func:`citecheck.runtime.cache.user_key`),
so an entry planted in a project folder is not believed; and an entry that
verifies is used only when every value has the type it should.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
from pathlib import Path

from citecheck.models import Document, OutputError, SourceText, SourceWords
from citecheck.output.atomic import write_bytes
from citecheck.runtime.cache import code_digest, user_key

_MAGIC = b"citecheck-sources/2\n"


class SourceCache:
    """Read primary texts under ``folder/sources``, one file per entry."""

    def __init__(self, folder: str | os.PathLike[str], key: bytes | None = None) -> None:
        """A cache under ``folder/sources``; entries authenticated with ``key`` (default: the user's own).

        :class:`~citecheck.runtime.cache.CacheKeyError` when there is no key to be had.
        """
        self.folder = Path(folder) / "sources"
        self._salt = code_digest()
        self._secret = user_key() if key is None else key

    def key(self, doc: Document) -> str:
        """The entry key of ``doc``: its bytes and format, and citecheck's code."""
        return hashlib.sha256(f"{self._salt}\0{doc.format}\0{doc.sha256}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.entry"

    def get(self, doc: Document) -> tuple[SourceText, SourceWords] | None:
        """The text read from ``doc`` before (under ``doc``'s path) and its words, or None."""
        key = self.key(doc)
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest, payload = data[len(_MAGIC) : len(_MAGIC) + 32], data[len(_MAGIC) + 32 :]
        good = data.startswith(_MAGIC) and hmac.compare_digest(digest, self._digest(key, payload))
        text = _decode(payload, doc) if good else None
        if text is None:
            with contextlib.suppress(OSError):
                path.unlink()  # damaged: rebuilt by this run
        return text

    def put(self, doc: Document, text: SourceText, words: SourceWords) -> None:
        """Store ``text`` and its ``words`` for ``doc`` (best effort: a read-only or full disk only costs speed)."""
        payload = marshal.dumps(
            (text.format, text.text, text.fields, text.pages, text.header_line, words.folded, words.ids, words.offsets)
        )
        key = self.key(doc)
        with contextlib.suppress(OSError, OutputError):
            write_bytes(self._path(key), _MAGIC + self._digest(key, payload) + payload, durable=False)

    def _digest(self, key: str, payload: bytes) -> bytes:
        return hmac.new(self._secret, key.encode() + b"\0" + payload, hashlib.sha256).digest()


def _decode(payload: bytes, doc: Document) -> tuple[SourceText, SourceWords] | None:
    """The text and words stored in a verified entry's ``payload``, under ``doc``'s path; None when it is not one."""
    try:
        fmt, text, fields, pages, header_line, folded, ids, offsets = marshal.loads(payload)
    except Exception:  # from another version, or damaged past its checksum: rebuilt either way
        return None
    # Exact types, not conversions: str() would turn bytes where a string belongs into "b'...'".
    if not (
        type(fmt) is str
        and type(text) is str
        and type(header_line) is int
        and _pairs(fields, str, str)
        and _pairs(pages, int, str)
        and type(folded) is tuple
        and all(type(w) is str for w in folded)
        and type(ids) is bytes
        and type(offsets) is bytes
        and len(ids) == len(offsets)
    ):
        return None
    read = SourceText(doc.path, fmt, doc.sha256, text, fields, pages, header_line)
    return read, SourceWords(folded, ids, offsets)


def _pairs(value: object, first: type, second: type) -> bool:
    """Whether ``value`` is a tuple of pairs ``(first, second)``, by exact type."""
    return type(value) is tuple and all(
        type(p) is tuple and len(p) == 2 and type(p[0]) is first and type(p[1]) is second for p in value
    )
