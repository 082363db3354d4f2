"""The CI gate: which findings count against a run, given a baseline and the lines changed since a revision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.ci import baseline as bl
from citecheck.ci.since import Changes, filter_touching
from citecheck.models import DocumentResult, Finding, Severity


@dataclass(frozen=True, slots=True)
class Gate:
    """The findings that count, and a sentence for each filter applied ("baseline", "since")."""

    counted: tuple[Finding, ...]
    notes: dict[str, str] = field(default_factory=dict)

    def fails(self, fail_on: Severity | None) -> bool:
        """Whether a counted finding is at least ``fail_on`` (never, when it is None)."""
        return fail_on is not None and any(f.severity >= fail_on for f in self.counted)


def gate(
    findings: Sequence[Finding],
    documents: Sequence[DocumentResult],
    accepted: Counter[str] | None = None,
    changes: Changes | None = None,
) -> Gate:
    """Count the findings not in the ``accepted`` baseline and touching ``changes`` (each filter optional)."""
    counted = list(findings)
    notes: dict[str, str] = {}
    if accepted is not None:
        cmp = bl.compare(counted, accepted)
        counted = list(cmp.new)
        notes["baseline"] = (
            f"{len(cmp.new)} new, {len(cmp.baselined)} baselined, "
            f"{cmp.fixed} fixed (baselined findings no longer present)"
        )
    if changes is not None:
        touching = filter_touching(counted, changes, documents)
        notes["since"] = (
            f"{len(touching)} on lines changed since {changes.ref}, {len(counted) - len(touching)} elsewhere"
        )
        counted = touching
    return Gate(tuple(counted), notes)
