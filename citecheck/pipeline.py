"""The whole job as one library call: load -> extract -> resolve -> normalise -> check.

This is the API the CLI, the report and the CI mode share.  Each stage lives in
its own module; this one only wires them together.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .catalogue import Catalogue
from .extract import extract_document
from .load import iter_input_files, read_document
from .models import CheckResult, DocumentResult, InputError
from .settings import Settings


@dataclass(frozen=True, slots=True)
class ExtractOutcome:
    """Documents extracted from the inputs, and the inputs that could not be read."""

    documents: tuple[DocumentResult, ...]
    errors: tuple[InputError, ...]


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    catalogue: Catalogue | None = None,
) -> ExtractOutcome:
    """Extract every readable file under ``paths``; unreadable ones become errors.

    Documents come out sorted by path, so the result does not depend on the
    order the paths were given in.
    """
    cat = catalogue or Catalogue.empty()
    docs: list[DocumentResult] = []
    errors: list[InputError] = []
    for item in iter_input_files(paths):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        loaded = read_document(item, display_path=item.as_posix())
        if isinstance(loaded, InputError):
            errors.append(loaded)
            continue
        docs.append(extract_document(loaded, cat))
    docs.sort(key=lambda d: d.path)
    return ExtractOutcome(tuple(docs), tuple(errors))


def run_check(
    paths: Sequence[str | os.PathLike[str]],
    catalogue: Catalogue,
    settings: Settings | None = None,
) -> CheckResult:
    """Extract, normalise and run the rules over ``paths``."""
    from .check import run_rules
    from .normalise import normalise_all

    outcome = extract_paths(paths, catalogue)
    normalised = normalise_all(outcome.documents, catalogue)
    findings = run_rules(outcome.documents, normalised, catalogue, settings)
    return CheckResult(outcome.documents, normalised, findings, outcome.errors)
