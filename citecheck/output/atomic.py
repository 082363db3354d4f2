"""Atomic output: write to a temporary file beside the target, then rename it into place.

An interrupted run therefore leaves the previous output intact, and a reader
never sees a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (parent folders are created)."""
    write_bytes(path, text.encode(encoding))


def write_chunks(path: str | os.PathLike[str], chunks: Iterable[str], encoding: str = "utf-8") -> None:
    """Write the text of ``chunks`` to ``path`` atomically, without joining them in memory first."""
    write_bytes(path, (c.encode(encoding) for c in chunks))


def write_bytes(path: str | os.PathLike[str], data: bytes | Iterable[bytes], *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (parent folders are created).

    ``durable`` also flushes the data to disk before the rename, so a crash of
    the machine cannot leave an empty file; caches, which check their entries,
    skip it for speed.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
