"""citecheck: extract, normalise and cross-check quotations and citations in a corpus of essays.

The library API, stage by stage (source -> extract -> bibliography -> checks -> output)::

    >>> import citecheck
    >>> catalogue = citecheck.Catalogue.load("references.bib") # doctest: +SKIP
    >>> result = citecheck.run_check(["corpus"], catalogue)           # doctest: +SKIP
    >>> doc = citecheck.read_document("essay.md")                     # doctest: +SKIP
    >>> citecheck.extract_document(doc).citations                     # doctest: +SKIP
    >>> sources = citecheck.load_sources(["sources"], catalogue)       # doctest: +SKIP
    >>> citecheck.run_rules(docs, normalised, catalogue, primary=citecheck.SourceIndex.of(sources))  # doctest: +SKIP

The names are imported on first use, so ``import citecheck`` stays cheap for the CLI.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = {
    "extract_paths": "citecheck.pipeline",
    "run_check": "citecheck.pipeline",
    "Execution": "citecheck.pipeline",
    "ExtractOutcome": "citecheck.pipeline",
    "extract_document": "citecheck.extract.engine",
    "read_document": "citecheck.source.load",
    "Catalogue": "citecheck.bibliography.catalogue",
    "normalise_all": "citecheck.bibliography.normalise",
    "run_rules": "citecheck.checks.run",
    "Settings": "citecheck.settings",
    "load_sources": "citecheck.primary.load",
    "SourceIndex": "citecheck.primary.index",
    "Citation": "citecheck.models",
    "Quotation": "citecheck.models",
    "Document": "citecheck.models",
    "DocumentResult": "citecheck.models",
    "Finding": "citecheck.models",
    "CheckResult": "citecheck.models",
    "Severity": "citecheck.models",
}

__all__ = [
    "Catalogue",
    "CheckResult",
    "Citation",
    "Document",
    "DocumentResult",
    "Execution",
    "ExtractOutcome",
    "Finding",
    "Quotation",
    "Settings",
    "Severity",
    "SourceIndex",
    "__version__",
    "extract_document",
    "extract_paths",
    "load_sources",
    "normalise_all",
    "read_document",
    "run_check",
    "run_rules",
]

if TYPE_CHECKING:
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.bibliography.normalise import normalise_all
    from citecheck.checks.run import run_rules
    from citecheck.extract.engine import extract_document
    from citecheck.models import CheckResult, Citation, Document, DocumentResult, Finding, Quotation, Severity
    from citecheck.pipeline import Execution, ExtractOutcome, extract_paths, run_check
    from citecheck.primary.index import SourceIndex
    from citecheck.primary.load import load_sources
    from citecheck.settings import Settings
    from citecheck.source.load import read_document


def __getattr__(name: str) -> Any:
    """Import an API name from its stage module the first time it is used."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
