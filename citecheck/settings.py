"""The settings a run uses: paths, outputs, which rules run, how severe they are, and their thresholds.

Built from defaults, then ``[tool.citecheck]`` in pyproject.toml (see
:mod:`citecheck.config`), then command-line flags.  Frozen, so every stage sees
the same values.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from types import MappingProxyType

from citecheck.models import Severity

#: Folders never read when a folder is walked (files named directly are always read), as in ruff.
DEFAULT_EXCLUDE: tuple[str, ...] = ("__pycache__", "_build", "build", "dist", "node_modules", "site-packages", "venv")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable about a ``citecheck check`` run."""

    paths: tuple[str, ...] = ("corpus",)
    references: str = "references.bib"
    report: str | None = "reports/discrepancies.html"
    bibliography: str | None = "reports/merged.bib"
    #: Compare against this baseline (when the file exists); None: report every finding as new.
    baseline: str | None = None
    fail_on: Severity | None = Severity.ERROR  # None: never fail
    #: The least severe finding shown; None: the output's own default (see the README).
    min_severity: Severity | None = None
    #: Rule names or codes to run; None runs every rule.
    select: frozenset[str] | None = None
    #: Rule names added to ``select`` (ruff's ``extend-select``).
    extend_select: frozenset[str] = frozenset()
    #: Rule names or codes never to run.
    ignore: frozenset[str] = frozenset()
    #: Severity by rule name, over the rule's own; None: the rule is off.
    severity: Mapping[str, Severity | None] = field(default_factory=lambda: MappingProxyType({}))
    #: Globs of files and folders not read when a folder is walked; ``extend_exclude`` adds to them.
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    #: (glob, rule names or codes) pairs: findings in matching paths are dropped.
    per_path_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    #: Rule thresholds by name ("quote-match": 85.0 ...); rules fall back to their defaults.
    thresholds: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    #: Processes extracting files in parallel (1: in this process).
    jobs: int = 1
    #: Where per-file extraction results are cached; None: no cache.
    cache_dir: str | None = ".citecheck-cache"
    #: Folders (or files) of primary texts quotations are checked against; none: no such checks.
    sources: tuple[str, ...] = ()
    #: The settings a configuration file or a flag gave (field names): the others are defaults.
    explicit: frozenset[str] = frozenset()
    #: The configuration file these settings were read from (an input: never an output); None: none.
    config: str | None = None

    def threshold(self, name: str, default: float) -> float:
        """The configured value of threshold ``name``, else ``default``."""
        return float(self.thresholds.get(name, default))

    def rule_enabled(self, name: str, code: str) -> bool:
        """Whether the rule called ``name`` with code ``code`` runs."""
        if name in self.ignore or code in self.ignore:
            return False
        if name in self.severity and self.severity[name] is None:
            return False
        return self.select is None or bool({name, code} & (self.select | self.extend_select))

    def severity_of(self, name: str, default: Severity) -> Severity:
        """The severity findings of rule ``name`` are reported with: the configured one, else ``default``."""
        return self.severity.get(name) or default

    @property
    def exclude_globs(self) -> tuple[str, ...]:
        """Every exclude glob: ``exclude`` then ``extend_exclude``."""
        return (*self.exclude, *self.extend_exclude)


def path_matches(path: str, glob: str) -> bool:
    """Whether ``path`` is matched by ``glob``: the glob, or a folder the path is under (``corpus/drafts``)."""
    path = path.replace("\\", "/").removeprefix("./")
    glob = glob.replace("\\", "/").removeprefix("./")
    # "corpus/drafts" and "corpus/drafts/" ignore everything under the folder.
    if not any(ch in glob for ch in "*?[") and (path == glob or path.startswith(glob.rstrip("/") + "/")):
        return True
    return fnmatch.fnmatchcase(path, glob)


def excluded(path: str, globs: Iterable[str]) -> bool:
    """Whether ``path`` is excluded: a glob with a slash matches the path (see :func:`path_matches`),
    one without names any file or folder on it (``drafts``, ``*.draft.md``), as in ruff."""
    with_slash, name_matches = _globs(tuple(globs))
    if name_matches is not None and any(map(name_matches, PurePosixPath(path.replace("\\", "/")).parts)):
        return True
    return any(path_matches(path, glob) for glob in with_slash)


@functools.lru_cache(maxsize=64)
def _globs(globs: tuple[str, ...]) -> tuple[tuple[str, ...], Callable[[str], re.Match[str] | None] | None]:
    """The globs with a slash, and one pattern matching a name any glob without one matches (what
    ``fnmatchcase`` does glob by glob, in one call: a walk asks for every file it finds)."""
    with_slash = tuple(g for g in globs if "/" in g.strip("/"))
    names = [fnmatch.translate(g.strip("/")) for g in globs if "/" not in g.strip("/")]
    return with_slash, (re.compile("|".join(names)).match if names else None)
