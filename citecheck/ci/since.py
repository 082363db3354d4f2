"""Diff-aware checking: which lines changed since a git revision, and which findings touch them.

``citecheck check --since REF`` reads the whole corpus (a new quotation can
conflict with an old one in an unchanged file) but fails only on findings with
at least one location on a line changed since ``REF``: lines added or modified
in the working tree compared with ``REF``, every line of files git does not
track yet, and the lines either side of a deletion.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from citecheck.models import DocumentResult, Finding, Location
from citecheck.source.view import line_starts

_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
#: Every line of a file: it is new to git.
WHOLE_FILE: frozenset[int] = frozenset({-1})


class GitError(Exception):
    """git is missing, this is not a repository, or the revision does not exist."""


@dataclass(frozen=True, slots=True)
class Changes:
    """Changed lines by absolute path (:data:`WHOLE_FILE` for untracked files)."""

    ref: str
    lines: dict[str, frozenset[int]]

    def touches(self, finding: Finding, related: Related | None = None) -> bool:
        """Whether any location of ``finding`` is on a changed line (see :meth:`touches_location`)."""
        return any(self.touches_location(loc, related) for loc in finding.locations)

    def touches_location(self, loc: Location, related: Related | None = None) -> bool:
        """Whether ``loc`` is on a changed line.

        ``related`` (from :func:`related_lines`) widens a location to every line
        of what is there: the whole quotation, and the reference that sources
        it, so re-citing a quotation to another volume in its note counts.
        """
        changed = self.lines.get(_key(loc.path))
        if changed is None:
            return False
        if changed is WHOLE_FILE:
            return True
        lines = (related or {}).get((loc.path, loc.line), (loc.line,))
        return any(n in changed for n in lines)

    def changed_first(self, finding: Finding, related: Related | None = None) -> Finding:
        """``finding`` with its first location on a changed line moved to the front.

        The first location is the one every output points at (the text listing,
        GitHub annotations, SARIF's primary location); on a pull request it must be
        inside the diff, or the annotation is never shown.
        """
        for i, loc in enumerate(finding.locations):
            if self.touches_location(loc, related):
                if i == 0:
                    return finding
                rest = finding.locations[:i] + finding.locations[i + 1 :]
                return replace(finding, locations=(loc, *rest))
        return finding


#: (path, line) -> every line that what starts there spans or leans on.
Related = dict[tuple[str, int], tuple[int, ...]]


def related_lines(documents: Iterable[DocumentResult]) -> Related:
    """For each quotation and citation start, the lines of it and of the references it rests on."""
    out: dict[tuple[str, int], set[int]] = {}
    for doc in documents:
        span = functools.partial(_line_span, line_starts(doc.source))
        by_id = {c.id: c for c in doc.citations}
        for c in doc.citations:
            lines = out.setdefault((doc.path, c.line), set())
            lines.update(span(c.start, c.end))
            if c.resolves_to and (ante := by_id.get(c.resolves_to)):
                lines.update(span(ante.start, ante.end))
        for q in doc.quotations:
            lines = out.setdefault((doc.path, q.line), set())
            lines.update(span(q.start, q.end))
            if q.citation and (source := by_id.get(q.citation)):
                lines.update(span(source.start, source.end))
                if source.resolves_to and (ante := by_id.get(source.resolves_to)):
                    lines.update(span(ante.start, ante.end))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def changes_since(ref: str, paths: Sequence[str] = (), cwd: str | os.PathLike[str] | None = None) -> Changes:
    """The lines changed under ``paths`` (default: the whole repository of ``cwd``) since ``ref``.

    Each path is looked up in the repository that holds it, so a run from a
    folder outside the repository works when the paths are inside one; paths
    that do not exist are left to the reader to report.
    """
    git = shutil.which("git")
    if git is None:
        raise GitError("--since needs git, and git is not on PATH")
    where = Path(cwd or Path.cwd())
    scopes: dict[Path, list[str]] = {}
    if not paths:
        scopes[_toplevel(git, where)] = []
    for p in paths:
        path = where / p
        if path.exists():
            folder = path if path.is_dir() else path.parent
            scopes.setdefault(_toplevel(git, folder), []).append(os.path.realpath(path))
    lines: dict[str, frozenset[int]] = {}
    for top, scope in scopes.items():
        lines.update(_changes_in(git, top, ref, scope))
    return Changes(ref, lines)


def _toplevel(git: str, folder: Path) -> Path:
    return Path(_git(git, folder, "rev-parse", "--show-toplevel").strip())


def _changes_in(git: str, top: Path, ref: str, paths: Sequence[str]) -> dict[str, frozenset[int]]:
    """The changed lines of one repository (under ``paths`` when given)."""
    _git(git, top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=f"no commit {ref!r}")
    scope = ["--", *paths] if paths else []
    diff = _git(git, top, "diff", "--no-color", "--no-ext-diff", "-U0", "--no-renames", ref, *scope)
    lines = _parse_diff(diff, top)
    untracked = _git(git, top, "ls-files", "--others", "--exclude-standard", "--full-name", "-z", *scope)
    for name in untracked.split("\0"):
        if name:
            lines[_key(top / name)] = WHOLE_FILE
    return lines


def _parse_diff(diff: str, top: Path) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")  # git ends a name holding a space with a tab
            current = None if target == "/dev/null" else out.setdefault(_key(top / _strip_prefix(target)), set())
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or "1")
            # A pure deletion (count 0) after line N marks lines N and N+1, either side of the gap.
            current.update(range(start, start + count) if count else (start, start + 1))
    return {k: frozenset(v) for k, v in out.items()}


def _strip_prefix(target: str) -> str:
    if target.startswith('"'):  # git quotes unusual names: "b/na\303\257ve.txt"
        target = codecs.escape_decode(target[1:-1].encode("utf-8", "surrogateescape"))[0].decode("utf-8", "replace")
    return target[2:] if target.startswith("b/") else target


def _git(git: str, cwd: Path, *args: str, what: str | None = None) -> str:
    try:
        proc = subprocess.run(
            [git, "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if proc.returncode != 0:
        message = what or (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitError(f"--since: {message}")
    return proc.stdout


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(path))


def _line_span(starts: list[int], start: int, end: int) -> range:
    """The 1-based lines the source span ``[start, end)`` is on."""
    first = bisect.bisect_right(starts, start)
    return range(first, bisect.bisect_right(starts, max(start, end - 1)) + 1)


def filter_touching(
    findings: Iterable[Finding], changes: Changes, documents: Iterable[DocumentResult] = ()
) -> list[Finding]:
    """The findings that touch a changed line (see :meth:`Changes.touches`), each with its location on a
    changed line first (see :meth:`Changes.changed_first`)."""
    related = related_lines(documents)
    return [changes.changed_first(f, related) for f in findings if changes.touches(f, related)]
