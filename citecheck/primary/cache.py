"""Primary texts as read, on disk: a file is parsed once until it or citecheck changes.

A sibling of :mod:`citecheck.runtime.cache` with the same guarantees: an entry's
key is the SHA-256 of citecheck's own code, the reader and the file's bytes (a
renamed file hits, an edited one misses); entries are plain values
(:mod:`marshal`, never pickle) behind a checksum, written to a temporary file
and renamed into place, so concurrent runs are safe and a damaged entry is
ignored and rebuilt.  The trigram index of a set of texts is kept the same way
(numpy's ``.npz``, read with ``allow_pickle=False``), one at a time.  Given a
secret ``key`` (the per-user key the extraction cache authenticates with), the
checksum is an HMAC-SHA256 of the entry's key and contents, so an entry planted
in a project folder is not believed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import marshal
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from citecheck.models import Document, SourceText
from citecheck.output.atomic import write_bytes
from citecheck.runtime.cache import code_digest

_MAGIC = b"citecheck-sources/1\n"
_INDEX_MAGIC = b"citecheck-source-index/1\n"


class SourceCache:
    """Read primary texts under ``folder/sources``, one file per entry."""

    def __init__(self, folder: str | os.PathLike[str], key: bytes | None = None) -> None:
        """A cache under ``folder/sources``; entries authenticated with ``key`` when one is given."""
        self.folder = Path(folder) / "sources"
        self._salt = code_digest()
        self._secret = key

    def key(self, doc: Document) -> str:
        """The entry key of ``doc``: its bytes and format, and citecheck's code."""
        return hashlib.sha256(f"{self._salt}\0{doc.format}\0{doc.sha256}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.entry"

    def get(self, doc: Document) -> SourceText | None:
        """The text read from ``doc`` before (under ``doc``'s path), or None."""
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

    def put(self, doc: Document, text: SourceText) -> None:
        """Store ``text`` for ``doc`` (best effort: a read-only or full disk only costs speed)."""
        payload = marshal.dumps((text.format, text.text, text.fields, text.pages, text.header_line))
        key = self.key(doc)
        with contextlib.suppress(OSError):
            write_bytes(self._path(key), _MAGIC + self._digest(key, payload) + payload, durable=False)

    def index_key(self, texts: Sequence[SourceText]) -> str:
        """The key of the index of ``texts``: their paths, contents and formats, and citecheck's code."""
        h = hashlib.sha256(self._salt.encode())
        for t in texts:
            h.update(f"\0{t.path}\0{t.sha256}\0{t.format}".encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get_index(self, texts: Sequence[SourceText]) -> dict[str, npt.NDArray[Any]] | None:
        """The arrays of the index of ``texts`` kept by :meth:`put_index`, or None."""
        key = self.index_key(texts)
        path = self.folder / "index" / f"{key}.entry"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest, payload = data[len(_INDEX_MAGIC) : len(_INDEX_MAGIC) + 32], data[len(_INDEX_MAGIC) + 32 :]
        if not data.startswith(_INDEX_MAGIC) or not hmac.compare_digest(digest, self._digest(key, payload)):
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        try:
            with np.load(io.BytesIO(payload), allow_pickle=False) as npz:
                return {name: npz[name] for name in npz.files}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile):
            return None

    def put_index(self, texts: Sequence[SourceText], arrays: dict[str, npt.NDArray[Any]]) -> None:
        """Keep the index of ``texts``, in place of any other (an index is as large as the texts)."""
        key = self.index_key(texts)
        buffer = io.BytesIO()
        np.savez(buffer, allow_pickle=False, **arrays)
        payload = buffer.getvalue()
        folder = self.folder / "index"
        with contextlib.suppress(OSError):
            write_bytes(folder / f"{key}.entry", _INDEX_MAGIC + self._digest(key, payload) + payload, durable=False)
            for old in folder.glob("*.entry"):
                if old.name != f"{key}.entry":
                    old.unlink(missing_ok=True)

    def _digest(self, key: str, payload: bytes) -> bytes:
        if self._secret is None:
            return hashlib.sha256(payload).digest()
        return hmac.new(self._secret, key.encode() + b"\0" + payload, hashlib.sha256).digest()


def _decode(payload: bytes, doc: Document) -> SourceText | None:
    """The text stored in a verified entry's ``payload``, under ``doc``'s path; None when it is not one."""
    try:
        fmt, text, fields, pages, header_line = marshal.loads(payload)
        return SourceText(
            doc.path,
            str(fmt),
            doc.sha256,
            str(text),
            tuple((str(k), str(v)) for k, v in fields),
            tuple((int(i), str(p)) for i, p in pages),
            int(header_line),
        )
    except Exception:  # from another version, or damaged past its checksum: rebuilt either way
        return None
