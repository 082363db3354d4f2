"""The per-file extraction cache: a document's results, kept under a digest of everything they depend on.

An entry's key is the SHA-256 of the file's decoded text, its format, the
catalogue's text and citecheck's own source code, so editing a file, the
bibliography or citecheck itself misses the cache, while renaming or moving a
file does not.  Entries are written to a temporary file and renamed into
place, so concurrent runs never see half an entry.

The cache folder usually sits inside the project, where a repository could
plant entries of its own.  So every entry carries an HMAC-SHA256 of its key and
contents under a per-user secret kept outside any project
(``$XDG_CACHE_HOME/citecheck/key`` or ``~/.cache/citecheck/key``, 32 random
bytes, mode 0600, created on first use): an entry that does not verify under
this user's key, or whose contents are not records of the expected shape and
types, is ignored, deleted and rebuilt.  Entries hold only strings, numbers and
tuples (:mod:`marshal`, never pickle), so even reading one runs no code.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import marshal
import operator
import os
import stat
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from importlib import resources
from pathlib import Path
from typing import Any

from citecheck.models import Citation, Document, DocumentResult, OutputError, Quotation, Repair
from citecheck.output.atomic import write_bytes
from citecheck.runtime.collector import paused

_MAGIC = b"citecheck-cache/4\n"
_MAC_BYTES = 32

#: Bytes of the per-user key.
KEY_BYTES = 32


class CacheKeyError(Exception):
    """The per-user cache key cannot be created, or is not safe to trust; the cache is not used."""


def key_path() -> Path:
    """Where the per-user key lives: ``$XDG_CACHE_HOME/citecheck/key``, else ``~/.cache/citecheck/key``."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "citecheck" / "key"


def user_key(path: Path | None = None) -> bytes:
    """The per-user key that authenticates cache entries, created on first use.

    :class:`CacheKeyError` when it cannot be created, or when the file is not a
    regular file of :data:`KEY_BYTES` bytes, owned by this user and readable by
    no one else (another user, or a repository, could then have supplied it).
    """
    where = path or key_path()
    try:
        return _read_key(where)
    except FileNotFoundError:
        _create_key(where)
    try:
        return _read_key(where)
    except FileNotFoundError:
        raise CacheKeyError(f"{where}: vanished as it was created") from None


def _read_key(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise FileNotFoundError(path) from None  # to be created (which says why, if it cannot be)
    except OSError as exc:
        raise CacheKeyError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        key = fh.read(KEY_BYTES + 1)
    if not stat.S_ISREG(st.st_mode) or len(key) != KEY_BYTES:
        raise CacheKeyError(f"{path}: not a key of {KEY_BYTES} bytes (delete it to make a new one)")
    if hasattr(os, "geteuid") and (st.st_uid != os.geteuid() or st.st_mode & 0o077):
        raise CacheKeyError(f"{path}: must be owned by you and readable by no one else (chmod 600)")
    return key


def _create_key(path: Path) -> None:
    """Write a new random key to ``path`` unless another process gets there first (then theirs is used)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(KEY_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # never replaces a key another process created meanwhile
    except OSError as exc:
        raise CacheKeyError(f"cannot create {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


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

    def __init__(self, folder: str | os.PathLike[str], catalogue_digest: str, key: bytes | None = None) -> None:
        """A cache in ``folder``; entries authenticated with ``key`` (default: :func:`user_key`)."""
        self.folder = Path(folder)
        self._root = os.fspath(self.folder)
        self._salt = f"{code_digest()}:{catalogue_digest}"
        self._key = user_key() if key is None else key

    def key(self, doc: Document) -> str:
        """The entry key of ``doc``."""
        h = hashlib.sha256(self._salt.encode())
        h.update(b"\0" + doc.format.encode() + b"\0")
        h.update(doc.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.entry"

    def get_many(self, docs: Sequence[Document]) -> list[DocumentResult | None]:
        """:meth:`get` of each of ``docs``, in order (the collector paused: a re-check reads thousands)."""
        with paused():
            return [self.get(d) for d in docs]

    def get(self, doc: Document) -> DocumentResult | None:
        """The cached result for ``doc`` (under its own path and text), or None."""
        key = self.key(doc)
        path = os.path.join(self._root, key[:2], f"{key[2:]}.entry")  # as _path gives, without pathlib's cost
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        result = self._decode(data, key, doc)
        if result is None:
            with contextlib.suppress(OSError):
                os.unlink(path)  # forged, damaged or malformed: rebuilt by this run
            return None
        return result

    def put(self, doc: Document, result: DocumentResult) -> None:
        """Store ``result`` for ``doc`` (best effort: a read-only or full disk only costs speed)."""
        key = self.key(doc)
        data = self.seal(key, marshal.dumps(_encode(result)))
        with contextlib.suppress(OSError, OutputError):
            write_bytes(self._path(key), data, durable=False)

    def seal(self, key: str, payload: bytes) -> bytes:
        """An entry: ``payload`` with the HMAC that binds it to entry ``key`` under this user's secret."""
        return _MAGIC + self._mac(key, payload) + payload

    def _mac(self, key: str, payload: bytes) -> bytes:
        return hmac.digest(self._key, key.encode() + b"\0" + payload, "sha256")

    def _decode(self, data: bytes, key: str, doc: Document) -> DocumentResult | None:
        """The result stored in ``data``, under ``doc``'s path and text; None when the entry is unusable."""
        if not data.startswith(_MAGIC):
            return None
        mac, payload = data[len(_MAGIC) : len(_MAGIC) + _MAC_BYTES], data[len(_MAGIC) + _MAC_BYTES :]
        if not hmac.compare_digest(mac, self._mac(key, payload)):
            return None
        try:
            stored = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        if not _well_formed(stored):
            return None
        _, _, fmt, citations, quotations, repairs = stored
        return DocumentResult(
            doc.path,
            doc.sha256,
            fmt,
            tuple(map(Citation, *citations)),
            tuple(map(Quotation, *quotations)),
            tuple(map(Repair, *repairs)),
            source=doc.text,
        )


def _types_of(cls: type) -> tuple[frozenset[type], ...]:
    """The types each field of record ``cls`` may hold, in declaration order (``str | None``: str, NoneType)."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in fields(cls):
        hint = hints[f.name]
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        out.append(frozenset(options))
    return tuple(out)


_CITATION_TYPES = _types_of(Citation)
_QUOTATION_TYPES = _types_of(Quotation)
_REPAIR_TYPES = _types_of(Repair)


def _columns_fit(columns: object, types_: tuple[frozenset[type], ...]) -> bool:
    """Whether ``columns`` holds one column per field, all as long, each value of its field's type
    (exactly: no bytes for str).

    Checked column by column at C speed: a cached re-check reads tens of thousands of records.
    """
    return (
        type(columns) is tuple
        and len(columns) == len(types_)
        and set(map(type, columns)) == {tuple}
        and len(set(map(len, columns))) == 1
        and all(set(map(type, column)) <= allowed for column, allowed in zip(columns, types_, strict=True))
    )


def _well_formed(stored: object) -> bool:
    """Whether a decoded entry has the shape :func:`_encode` gives: rebuilt otherwise, never a TypeError later."""
    return (
        type(stored) is tuple
        and len(stored) == 6
        and type(stored[2]) is str
        and _columns_fit(stored[3], _CITATION_TYPES)
        and _columns_fit(stored[4], _QUOTATION_TYPES)
        and _columns_fit(stored[5], _REPAIR_TYPES)
    )


def _encode(result: DocumentResult) -> tuple[Any, ...]:
    """A document's results as tuples of plain values: per record type, one column per field (in
    declaration order), so reading an entry checks each column at once and builds records by ``map``.

    Equal strings are stored once (:mod:`marshal` writes a repeated object as a reference), so an
    entry of a document that cites one work forty times is smaller and reads faster.
    """
    seen: dict[str, str] = {}
    return (
        result.path,
        result.sha256,
        result.format,
        _columns(map(_CITATION_ROW, result.citations), len(_CITATION_TYPES), seen),
        _columns(map(_QUOTATION_ROW, result.quotations), len(_QUOTATION_TYPES), seen),
        _columns(map(_REPAIR_ROW, result.repairs), len(_REPAIR_TYPES), seen),
    )


def _columns(rows: Iterable[tuple[Any, ...]], width: int, seen: dict[str, str]) -> tuple[tuple[Any, ...], ...]:
    """``rows`` as ``width`` columns (empty ones when there are no rows), each string its first equal's object."""
    columns = tuple(zip(*rows, strict=True)) or ((),) * width
    return tuple(tuple([seen.setdefault(v, v) if type(v) is str else v for v in column]) for column in columns)


def _row_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A record's field values in declaration order (``attrgetter`` gives a bare value for one field)."""
    names = [f.name for f in fields(cls)]
    assert len(names) > 1
    return operator.attrgetter(*names)


_CITATION_ROW = _row_of(Citation)
_QUOTATION_ROW = _row_of(Quotation)
_REPAIR_ROW = _row_of(Repair)
