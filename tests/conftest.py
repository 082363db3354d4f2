"""Shared helpers for the test suite."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from citecheck.extract.engine import extract_document
from citecheck.models import DocumentResult, TextView
from citecheck.source.build import build_view
from citecheck.source.load import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: A short essay with one sourced quotation; ``{page}`` is the page cited (two pages: a CC101 conflict).
ESSAY = "An essay\n\nLenin said “we must learn to trade like cultured merchants”.1\n\nNotes\n\n  1. VI Lenin CW Vol 33, Moscow 1965, p{page}.\n"

_USER_CACHE = tempfile.mkdtemp(prefix="citecheck-test-xdg-")

# The property tests draw the same examples on every run (a seed from each test's own code), so
# that the suite, and CI, is the same on every run; HYPOTHESIS_PROFILE=explore draws new ones (and
# tests/property/ has a "long" profile) to look for what the fixed examples miss.
settings.register_profile("citecheck", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "citecheck"))


def pytest_configure(config: pytest.Config) -> None:
    """The suite's own user cache folder, so the cache key it creates is never the user's real one."""
    os.environ["XDG_CACHE_HOME"] = _USER_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the suite's user cache folder."""
    shutil.rmtree(_USER_CACHE, ignore_errors=True)


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
