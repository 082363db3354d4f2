"""Atomic output: write to a temporary file beside the target, then rename it into place.

An interrupted run therefore leaves the previous output intact, and a reader
never sees a half-written file.  A write that fails for any reason of the
system (a read-only folder, a full disk, a folder or a device where the file
should be, a path under a file) raises :class:`~citecheck.models.OutputError`
with one line naming the file and the reason; the temporary file is removed.
The written file keeps the mode of the file it replaces, else gets the
umask's default, like any file a program creates.

Temporary files are named ``.NAME.citecheck-PID-RANDOM.tmp``.  One that a
killed run left behind is removed by the next write to the same folder, once
its process is gone (or it is a day old).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from citecheck.models import OutputError
from citecheck.source.load import input_test, shown_path

#: A temporary file of a process that no longer runs is stale after this many seconds
#: (a little time, in case the folder is shared with a machine whose processes we cannot see) ...
STALE_AFTER_EXIT = 60.0
#: ... and any temporary file of ours after this many, whoever wrote it.
STALE_AFTER = 24 * 3600.0

_TEMP = re.compile(r"\A\.(?P<name>.+)\.citecheck-(?P<pid>\d+)-[0-9a-f]+\.tmp\Z", re.DOTALL)
#: What ``tempfile.mkstemp`` named them before: removed only beside their target, and when old.
_OLD_TEMP = re.compile(r"\A\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp\Z", re.DOTALL)
_cleaned: set[Path] = set()


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
    skip it for speed.  :class:`OutputError` when it cannot be written.
    """
    target = Path(path)
    mode = writable_target(target)
    _make_folder(target)
    _clean_stale(target.parent)
    fd, tmp = _create_temporary(target)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
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
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise


def writable_target(target: Path) -> int | None:
    """The permission bits of the file ``target`` would replace; None when there is none.

    :class:`OutputError` when ``target`` is something a write must never
    replace: a folder, a device, a FIFO or a socket.  A link is replaced by
    the file, never written through, so it is allowed whatever it points to.
    """
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise OutputError(_under_a_file(target)) from None
    except OSError as exc:
        raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from None
    if stat.S_ISREG(st.st_mode):
        return stat.S_IMODE(st.st_mode) & 0o777
    if stat.S_ISLNK(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {shown_path(target)}: it is a folder")
    raise OutputError(f"cannot write {shown_path(target)}: not a regular file, and never replaced by one")


def _make_folder(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(_under_a_file(target)) from None
    except OSError as exc:
        raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from None


def _under_a_file(target: Path) -> str:
    blocker = next((p for p in reversed(target.parents) if p.exists() and not p.is_dir()), target.parent)
    return f"cannot write {shown_path(target)}: {shown_path(blocker)} is a file, not a folder"


def check_targets(
    paths: Iterable[str | os.PathLike[str] | None],
    inputs: Iterable[str | os.PathLike[str]] = (),
    replaceable: Callable[[Path], bool] = lambda _path: False,
) -> None:
    """:class:`OutputError` when one of ``paths`` (None: not written) may not be written as an output.

    Never something a write must not replace (:func:`writable_target`), nor one
    of the files ``inputs`` (:func:`citecheck.source.load.input_test`), unless
    ``replaceable`` says that input is an earlier output after all.
    """
    targets = [Path(p) for p in paths if p is not None]
    for target in targets:
        writable_target(target)
    replaces_input = input_test(inputs)
    for target in targets:
        if replaces_input(target) and not replaceable(target):
            raise OutputError(f"refusing to write {shown_path(target)}: it is an input of this run")


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new temporary file beside ``target``, created with the umask's default mode (not 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = str(target.parent / f".{target.name}.citecheck-{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from None


def _clean_stale(folder: Path) -> None:
    """Remove the temporary files interrupted writes left in ``folder`` (once per folder and process)."""
    if folder in _cleaned:
        return
    _cleaned.add(folder)
    now = time.time()
    names: set[str] = set()
    entries: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as it:
            for e in it:
                names.add(e.name)
                if e.name.startswith(".") and e.name.endswith(".tmp"):
                    entries.append(e)
    except OSError:
        return
    for entry in entries:
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        m = _TEMP.match(entry.name)
        if m:
            stale = age > STALE_AFTER or (age > STALE_AFTER_EXIT and not _running(int(m["pid"])))
        else:
            old = _OLD_TEMP.match(entry.name)
            stale = old is not None and old["name"] in names and age > STALE_AFTER_EXIT
        if stale and entry.is_file(follow_symlinks=False):
            _remove(entry.path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
