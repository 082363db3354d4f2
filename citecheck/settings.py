"""The settings a run uses: paths, outputs, which rules run, and their thresholds.

Built from defaults, then ``[tool.citecheck]`` in pyproject.toml (see
:mod:`citecheck.config`), then command-line flags.  Frozen, so every stage sees
the same values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from citecheck.models import Severity


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
    #: Rule names or codes to run; None runs every rule.
    select: frozenset[str] | None = None
    #: Rule names or codes never to run.
    ignore: frozenset[str] = frozenset()
    #: (glob, rule names or codes) pairs: findings in matching paths are dropped.
    per_path_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    #: Rule thresholds by name ("quote-match": 85.0 ...); rules fall back to their defaults.
    thresholds: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    #: Processes extracting files in parallel (1: in this process).
    jobs: int = 1
    #: Where per-file extraction results are cached; None: no cache.
    cache_dir: str | None = ".citecheck-cache"
    #: The configuration file these settings were read from (an input: never an output); None: none.
    config: str | None = None

    def threshold(self, name: str, default: float) -> float:
        """The configured value of threshold ``name``, else ``default``."""
        return float(self.thresholds.get(name, default))

    def rule_enabled(self, name: str, code: str) -> bool:
        """Whether the rule called ``name`` with code ``code`` runs."""
        if name in self.ignore or code in self.ignore:
            return False
        return self.select is None or name in self.select or code in self.select
