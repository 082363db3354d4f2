"""Shared helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.extract.engine import extract_document
from citecheck.models import DocumentResult, TextView
from citecheck.source.build import build_view
from citecheck.source.load import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def extract_text(text: str, fmt: str = "text", path: str | None = None, catalogue: object = None) -> DocumentResult:
    """Extract from text in memory, as if read from a file of that format."""
    name = path or {"text": "essay.txt", "markdown": "essay.md", "html": "essay.html"}[fmt]
    return extract_document(document_from_text(name, text, fmt), catalogue)  # type: ignore[arg-type]


def view_of(text: str, fmt: str = "text") -> TextView:
    """The view of text in memory, as if read from a file of that format."""
    name = {"text": "essay.txt", "markdown": "essay.md", "html": "essay.html"}[fmt]
    return build_view(document_from_text(name, text, fmt))


@pytest.fixture(scope="session")
def root() -> Path:
    """The project's top folder."""
    return ROOT
