"""Run the rules over small corpora written for the purpose."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.bibliography.normalise import normalise_all
from citecheck.checks.run import run_rules
from citecheck.models import Finding
from citecheck.primary.index import SourceIndex
from citecheck.settings import Settings
from tests.conftest import ROOT, extract_text


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


def essay(body: str, notes: list[str] | None = None) -> str:
    """A plain-text essay: a title, the body, and numbered notes."""
    text = "An essay\n\n" + body + "\n"
    if notes:
        text += "\nNotes\n\n" + "".join(f"  {i}. {n}\n\n" for i, n in enumerate(notes, 1))
    return text


def run(catalogue: Catalogue, docs: dict[str, str], rule: str, primary: SourceIndex | None = None) -> list[Finding]:
    """Findings of ``rule`` on documents given as {path: text} (against the primary texts ``primary``)."""
    results = [extract_text(t, path=p, catalogue=catalogue) for p, t in sorted(docs.items())]
    normalised = normalise_all(results, catalogue)
    return list(run_rules(results, normalised, catalogue, Settings(select=frozenset({rule})), primary))


@pytest.fixture(scope="session")
def own_index(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> SourceIndex:
    """The primary texts of tests/primary/conftest.py, indexed."""
    from citecheck.primary.load import load_sources
    from tests.primary.conftest import write_sources

    return SourceIndex.of(load_sources([write_sources(tmp_path_factory.mktemp("sources"))], catalogue))
