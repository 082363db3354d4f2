"""The rules against primary texts (CC401-CC405) and the evidence CC101 gains, on essays written for them.

The sources are those of tests/primary/conftest.py: a congress in vol. 29 (pp. 141-225, a chapter
inheriting its folder's header), a Markdown text of vol. 30 with page markers (pp. 17-19), a
complete text of vol. 27, a text without a header, and a text misdated for its volume.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import Severity
from citecheck.primary.index import SourceIndex
from tests.checks.rules.conftest import essay, run

GRAIN = "the grain monopoly must be kept at all costs, for without it the towns will starve"
COOK = "Every cook must learn to govern the state, and every worker must learn to keep accounts"
NOWHERE = "The bourgeoisie will never surrender its power without the most desperate resistance"


def cited(quotation: str, note: str, path: str = "a.txt") -> dict[str, str]:
    return {path: essay(f"Lenin said “{quotation}”.1", [note])}


# (case, rule, documents, [(severity, words in the message)], suggestion of the first finding)
CASES = [
    (
        "exact, right place: nothing to say",
        "misquotation",
        cited(GRAIN, "VI Lenin CW Vol 29, Moscow 1965, p150."),
        [],
        None,
    ),
    (
        "exact, right place: no locator problem",
        "wrong-locator",
        cited(GRAIN, "VI Lenin CW Vol 29, Moscow 1965, p150."),
        [],
        None,
    ),
    (
        "changed word",
        "misquotation",
        cited(COOK.replace("govern", "run"), "VI Lenin CW Vol 30, Moscow 1965, p18."),
        [(Severity.WARNING, "a changed word (“run” for “govern”)")],
        None,
    ),
    (
        "omission without an ellipsis",
        "misquotation",
        cited(COOK.replace("must learn to keep", "must keep"), "VI Lenin CW Vol 30, Moscow 1965, p18."),
        [(Severity.WARNING, "an omission without an ellipsis (“learn to”)")],
        None,
    ),
    (
        "insertion without brackets",
        "misquotation",
        cited(GRAIN.replace("costs,", "costs by the Soviet power,"), "VI Lenin CW Vol 29, Moscow 1965, p150."),
        [(Severity.WARNING, "an insertion without brackets (“by the soviet power”)")],
        None,
    ),
    (
        "ellipsis and [insertion] are not misquotations",
        "misquotation",
        cited(
            "the grain monopoly must be kept at all costs … whatever the [bourgeois] speculators say in their newspapers",
            "VI Lenin CW Vol 29, Moscow 1965, p150.",
        ),
        [],
        None,
    ),
    (
        "another translation, at a lower severity",
        "misquotation",
        cited(
            "It is necessary that every kitchen maid be taught to govern the state, and that each labourer be taught how to keep an account of all the grain which he brings to the station",
            "VI Lenin CW Vol 30, Moscow 1965, p18.",
        ),
        [(Severity.INFO, "a different translation?")],
        None,
    ),
    (
        "right passage, another volume",
        "wrong-locator",
        cited(GRAIN, "VI Lenin CW Vol 31, Moscow 1965, p150."),
        [(Severity.ERROR, "cited to vol. 31, but the sources have it in vol. 29, in pp. 141-225")],
        "vol. 29, in pp. 141-225",
    ),
    (
        "page out of range",
        "wrong-locator",
        cited(GRAIN, "VI Lenin CW Vol 29, Moscow 1965, p300."),
        [(Severity.ERROR, "cited to p. 300")],
        "vol. 29, in pp. 141-225",
    ),
    (
        "page markers give the exact page",
        "wrong-locator",
        cited(COOK, "VI Lenin CW Vol 30, Moscow 1965, p17."),
        [(Severity.ERROR, "cited to p. 17, but the sources have it in vol. 30, p. 18")],
        "vol. 30, p. 18",
    ),
    ("the right exact page", "wrong-locator", cited(COOK, "VI Lenin CW Vol 30, Moscow 1965, p18."), [], None),
    (
        "source without a page range: its pages are not judged",
        "wrong-locator",
        cited(
            "We must learn from the capitalists how to keep accounts, and we must learn it quickly",
            "VI Lenin CW Vol 27, Moscow 1965, p999.",
        ),
        [],
        None,
    ),
    (
        "a work the sources do not hold is not checked",
        "wrong-locator",
        cited(GRAIN, "Carr, The Bolshevik Revolution, vol. 2, p. 150."),
        [],
        None,
    ),
    (
        "cited pages held, passage nowhere",
        "not-in-source",
        cited(NOWHERE, "VI Lenin CW Vol 29, Moscow 1965, p150."),
        [(Severity.WARNING, "is not in Lenin, V. I., Collected Works, vol. 29, p. 150")],
        None,
    ),
    (
        "cited pages not held: nothing said",
        "not-in-source",
        cited(NOWHERE, "VI Lenin CW Vol 29, Moscow 1965, p300."),
        [],
        None,
    ),
    (
        "volume held only in part, no pages cited: nothing said",
        "not-in-source",
        cited(NOWHERE, "VI Lenin CW Vol 29, Moscow 1965."),
        [],
        None,
    ),
    (
        "complete volume, no pages cited",
        "not-in-source",
        cited(NOWHERE, "VI Lenin CW Vol 27, Moscow 1965."),
        [(Severity.WARNING, "nor anywhere else in the sources")],
        None,
    ),
    (
        "found elsewhere is not 'not in source'",
        "not-in-source",
        cited(GRAIN, "VI Lenin CW Vol 31, Moscow 1965, p150."),
        [],
        None,
    ),
    (
        "unsourced, found: citation suggested",
        "found-in-source",
        {"a.txt": essay(f"Lenin said “{COOK}”, and went on.")},
        [(Severity.INFO, "it is in Lenin, V. I., Collected Works, vol. 30, p. 18")],
        "Lenin, V. I., Collected Works, vol. 30, p. 18",
    ),
    (
        "unsourced, found in a text without a header",
        "found-in-source",
        {
            "a.txt": essay(
                "Lenin said “Communism is Soviet power plus the electrification of the whole country”, and went on."
            )
        },
        [(Severity.INFO, "electrification.txt")],
        None,
    ),
    (
        "unsourced short phrase: not looked up",
        "found-in-source",
        {"a.txt": essay("Lenin spoke of “the grain monopoly” and went on.")},
        [],
        None,
    ),
    (
        "sourced quotation is not 'found'",
        "found-in-source",
        cited(COOK, "VI Lenin CW Vol 30, Moscow 1965, p18."),
        [],
        None,
    ),
    (
        "a source misdated for its volume",
        "source-date-mismatch",
        cited(COOK, "VI Lenin CW Vol 30, Moscow 1965, p18."),
        [(Severity.WARNING, "references.bib dates vol. 24 1917-04/1917-06")],
        None,
    ),
    (
        "the sources settle a conflict",
        "quote-source-conflict",
        {
            **cited(GRAIN, "VI Lenin CW Vol 29, Moscow 1965, p150.", "a.txt"),
            **cited(GRAIN, "VI Lenin CW Vol 31, Moscow 1965, p150.", "b.txt"),
        },
        [(Severity.ERROR, "the sources settle it: the passage is in vol. 29, in pp. 141-225")],
        None,
    ),
]


@pytest.mark.parametrize(("case", "rule", "docs", "expected", "suggestion"), CASES, ids=[c[0] for c in CASES])
def test_source_rules(
    catalogue: Catalogue,
    own_index: SourceIndex,
    case: str,
    rule: str,
    docs: dict[str, str],
    expected: list[tuple[Severity, str]],
    suggestion: str | None,
) -> None:
    found = run(catalogue, docs, rule, own_index)
    assert len(found) == len(expected), (case, [f.message for f in found])
    for f, (severity, words) in zip(found, expected, strict=True):
        assert f.severity == severity and words in f.message, (case, f.severity, f.message)
    if suggestion is not None:
        assert found[0].suggestion == suggestion, (case, found[0].suggestion)


#: The rules that need primary texts: without any, each finds nothing.
SOURCE_RULES = ["misquotation", "wrong-locator", "not-in-source", "found-in-source", "source-date-mismatch"]


@pytest.mark.parametrize("rule", SOURCE_RULES)
def test_without_sources_nothing_is_found(catalogue: Catalogue, rule: str) -> None:
    docs = {
        **cited(GRAIN, "VI Lenin CW Vol 31, Moscow 1965, p150."),
        "b.txt": essay(f"Lenin said “{COOK}”, and went on."),
    }
    assert run(catalogue, docs, rule) == []


def test_conflict_without_the_passage_in_the_sources_is_unchanged(catalogue: Catalogue, own_index: SourceIndex) -> None:
    docs = {
        **cited(NOWHERE, "VI Lenin CW Vol 29, Moscow 1965, p150.", "a.txt"),
        **cited(NOWHERE, "VI Lenin CW Vol 31, Moscow 1965, p150.", "b.txt"),
    }
    [finding] = run(catalogue, docs, "quote-source-conflict", own_index)
    assert "settle" not in finding.message and "evidence" not in finding.data


def test_evidence_for_the_report(catalogue: Catalogue, own_index: SourceIndex) -> None:
    [finding] = run(
        catalogue,
        cited(COOK.replace("govern", "run"), "VI Lenin CW Vol 30, Moscow 1965, p18."),
        "misquotation",
        own_index,
    )
    ev = finding.data["evidence"]
    assert ev["passage"].startswith("Every cook must learn to govern the state") and ev["locator"] == "vol. 30, p. 18"
    assert ev["steps"] == [("changed", "run", "govern")] and ev["kind"] == "misquotation"


def test_a_range_held_only_in_part_says_nothing_of_a_missing_passage(catalogue: Catalogue, tmp_path: Path) -> None:
    from citecheck.primary.load import load_sources
    from tests.primary.conftest import MIA_INDEX, write_sources

    root = write_sources(tmp_path)
    (root / "congress/index.htm").write_text(
        MIA_INDEX.replace('<p class="toc">', '<p class="toc"><a href="02.htm">Second speech</a></p><p class="toc">'),
        encoding="utf-8",
    )
    partial = SourceIndex.of(load_sources([root], catalogue))
    docs = cited(NOWHERE, "VI Lenin CW Vol 29, Moscow 1965, p150.")
    assert run(catalogue, docs, "not-in-source", partial) == []
