"""Baselines: the fingerprints of accepted findings, so CI fails only on new ones.

A baseline is a multiset: two identical findings baselined and three present
means one is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from citecheck.models import Finding
from citecheck.output.atomic import write_text

FORMAT = "citecheck-baseline/1"


class BaselineError(Exception):
    """The baseline file cannot be read."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Findings split against a baseline."""

    new: tuple[Finding, ...]
    baselined: tuple[Finding, ...]
    fixed: int


def dumps(findings: Sequence[Finding]) -> str:
    """The baseline document for ``findings``: sorted, one record per finding, with a hint for people."""
    records = sorted(
        (
            {"fingerprint": f.fingerprint, "rule": f.rule, "path": f.locations[0].path if f.locations else ""}
            for f in findings
        ),
        key=lambda r: (r["fingerprint"], r["path"]),
    )
    return json.dumps({"format": FORMAT, "findings": records}, indent=1, ensure_ascii=True) + "\n"


def write(path: str | os.PathLike[str], findings: Sequence[Finding]) -> None:
    """Write the baseline atomically."""
    write_text(path, dumps(findings))


def load(path: str | os.PathLike[str]) -> Counter[str]:
    """The fingerprints of a baseline file, counted; :class:`BaselineError` when it is unusable."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        records = doc["findings"]
        if doc.get("format") != FORMAT or not isinstance(records, list):
            raise ValueError(f"not a {FORMAT} file")
        return Counter(str(r["fingerprint"]) for r in records)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{os.fspath(path)}: cannot use this baseline: {exc}") from None


def compare(findings: Sequence[Finding], baseline: Counter[str]) -> Comparison:
    """Which findings are new, which the baseline accepts, and how many baselined ones are gone."""
    left = Counter(baseline)
    new: list[Finding] = []
    old: list[Finding] = []
    for f in findings:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
            old.append(f)
        else:
            new.append(f)
    return Comparison(tuple(new), tuple(old), sum(left.values()))
