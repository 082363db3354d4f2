"""A check result built from a small corpus whose quotations carry hostile markup."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.bibliography.normalise import normalise_all
from citecheck.checks.run import run_rules
from citecheck.models import CheckResult
from tests.conftest import ROOT, extract_text

HOSTILE = "a workers’ state with <script>document.title='pwned'</script> bureaucratic distortions \" onmouseover=\"x"


@pytest.fixture(scope="session")
def hostile_result() -> CheckResult:
    cat = Catalogue.load(ROOT / "references.bib")
    docs = [
        extract_text(
            "Essay one\n\nLenin called it “a workers’ state with a bureaucratic twist to it”.1\n\nNotes\n\n"
            "  1. VI Lenin CW Vol 32, Moscow 1965, p24.\n",
            path="one.txt",
            catalogue=cat,
        ),
        extract_text(
            f"Essay two\n\nLenin called it “{HOSTILE}”.1 <img src=x onerror=\"document.title='img'\">\n\nNotes\n\n"
            "  1. VI Lenin CW Vol 32, Moscow 1965, p24.\n",
            path="two.txt",
            catalogue=cat,
        ),
    ]
    normalised = normalise_all(docs, cat)
    return CheckResult(tuple(docs), normalised, run_rules(docs, normalised, cat))
