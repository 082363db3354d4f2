"""The whole job on the project's corpus: the discrepancies it holds are found, the traps are not."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import CheckResult, Finding
from citecheck.pipeline import run_check
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return run_check([str(ROOT / "corpus")], Catalogue.load(ROOT / "references.bib"))


def _with(result: CheckResult, rule: str, *needles: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule and all(n in f.message for n in needles)]


def test_cw32_p24_is_cited_for_two_wordings(result: CheckResult) -> None:
    assert _with(result, "locator-wording-conflict", "vol. 32, p. 24", "bureaucratic twist", "bureaucratic distortions")


def test_the_tractors_speech_is_dated_outside_vol_xxiv(result: CheckResult) -> None:
    (f,) = _with(result, "volume-date-mismatch", "vol. 24", "1919-03")
    assert "XXIV" in f.message and "29" in f.message


def test_krupskaya_unsourced_here_sourced_to_deutscher_there(result: CheckResult) -> None:
    (f,) = _with(result, "unsourced-quote", "Ilych")
    assert f.suggestion and "Prophet Unarmed" in f.suggestion and "90" in f.suggestion


def test_misspellings_of_places_and_authors(result: CheckResult) -> None:
    assert _with(result, "reference-variant", "Harmonsworth")
    assert _with(result, "reference-variant", "Harmonds-worth")
    assert _with(result, "reference-variant", "Shapiro")


def test_traps_are_not_flagged(result: CheckResult) -> None:
    conflicts = [f for f in result.findings if f.rule in {"quote-source-conflict", "speaker-conflict"}]
    assert conflicts == []  # M-E CW 24 vs Lenin CW 24, CW 33 p287/p288, quotations cited alike twice
    assert not [f for f in result.findings if f.rule == "reference-variant" and "year" in f.message]  # reprints
    assert not [f for f in result.findings if f.rule == "dangling-ibid"]
    assert [f.severity for f in result.findings] == sorted((f.severity for f in result.findings), reverse=True)
