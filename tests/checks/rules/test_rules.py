"""Every rule on corpora written for it: cases it must flag, and cases it must leave alone."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.checks.rules import ALL_RULES, rule_by_name
from citecheck.models import Severity
from tests.checks.rules.conftest import essay, run

TRACTORS = (
    "If we could tomorrow give one hundred thousand first-class tractors, the peasant would say he is for the commune"
)
ILYICH = "If Ilyich were alive today, he would probably already be in prison."

# (name, rule, documents, expected number of findings, what the case is about)
CASES = [
    # ---- quote-source-conflict
    (
        "same quote, two volumes",
        "quote-source-conflict",
        {
            "a.txt": essay(f"Lenin said “{TRACTORS}”.1", ["VI Lenin CW Vol 29, Moscow 1965, p214."]),
            "b.txt": essay(f"Lenin said “{TRACTORS}”.1", ["VI Lenin CW Vol 24, Moscow 1977, p214."]),
        },
        1,
    ),
    (
        "excerpt with ellipsis, other page",
        "quote-source-conflict",
        {
            "a.txt": essay(f"Lenin said “{TRACTORS}”.1", ["VI Lenin CW Vol 29, Moscow 1965, p214."]),
            "b.txt": essay(
                "Lenin said “If we could tomorrow give one hundred thousand first-class tractors … the peasant would say "
                "he is for the commune”.1",
                ["VI Lenin CW Vol 29, Moscow 1965, p300."],
            ),
        },
        1,
    ),
    (
        "same quote cited the same way twice",
        "quote-source-conflict",
        {
            "a.txt": essay(f"Lenin said “{TRACTORS}”.1", ["VI Lenin CW Vol 29, Moscow 1965, p214."]),
            "b.txt": essay(f"Lenin said “{TRACTORS}”.1", ["VI Lenin CW Vol 29, Moscow 1977, pp213-4."]),
        },
        0,
    ),
    (
        "different quotes, neighbouring pages",
        "quote-source-conflict",
        {
            "a.txt": essay(
                "Lenin said “the apparatus is borrowed from tsarism and barely anointed”.1 He added “we must learn to trade "
                "like cultured merchants”.2",
                ["VI Lenin CW Vol 33, Moscow 1965, p287.", "VI Lenin CW Vol 33, Moscow 1965, p288."],
            ),
        },
        0,
    ),
    (
        "Marx-Engels CW 24 and Lenin CW 24, different quotes",
        "quote-source-conflict",
        {
            "a.txt": essay(
                "Marx wrote “between capitalist and communist society lies the period of transformation”.1 Lenin wrote "
                "“all power to the soviets is the slogan of the day”.2",
                ["K Marx and F Engels CW Vol 24, Moscow 1989, p95.", "VI Lenin CW Vol 24, Moscow 1964, p95."],
            ),
        },
        0,
    ),
    # ---- locator-wording-conflict
    (
        "one page, two wordings",
        "locator-wording-conflict",
        {
            "a.txt": essay(
                "Lenin called it “a workers’ state with a bureaucratic twist to it”.1",
                ["VI Lenin CW Vol 32, Moscow 1965, p24."],
            ),
            "b.txt": essay(
                "Lenin called it “a workers’ state with bureaucratic distortions”.1",
                ["VI Lenin CW Vol 32, Moscow 1965, p24."],
            ),
        },
        1,
    ),
    (
        "one page, two unrelated passages",
        "locator-wording-conflict",
        {
            "a.txt": essay(
                "Lenin wrote “the trade unions are a school of communism for the masses”.1 He also wrote “our state apparatus "
                "is in a deplorable condition today”.2",
                ["VI Lenin CW Vol 32, Moscow 1965, p24.", "ibid."],
            ),
        },
        0,
    ),
    # ---- volume-date-mismatch
    (
        "attribution line dated outside the volume",
        "volume-date-mismatch",
        {
            "a.txt": "Essay.\n\nLenin summed it up:\n\n"
            + TRACTORS
            + ".\n\nEighth Congress of the R.C.P.(B.), March 18-23, 1919. Collected Works, Vol. XXIV\n\nThen prose.\n"
        },
        1,
    ),
    (
        "prose date inside the volume",
        "volume-date-mismatch",
        {
            "a.txt": essay(
                "In March 1919, Lenin told the Party Congress that “" + TRACTORS + "”.1",
                ["VI Lenin CW Vol 29, Moscow 1965, p214."],
            )
        },
        0,
    ),
    (
        "prose date outside the volume",
        "volume-date-mismatch",
        {
            "a.txt": essay(
                "In March 1918, Lenin told the Party Congress that “the bricks of socialism have not yet been made”.1",
                ["VI Lenin CW Vol 33, Moscow 1965, p148."],
            )
        },
        1,
    ),
    # ---- speaker-conflict
    (
        "one quote, two speakers",
        "speaker-conflict",
        {
            "a.txt": essay("As Lenin wrote, “trust is good but control over everything is better”."),
            "b.txt": essay("As Stalin wrote, “trust is good but control over everything is better”."),
        },
        1,
    ),
    (
        "one quote, one speaker",
        "speaker-conflict",
        {
            "a.txt": essay("As Lenin wrote, “trust is good but control over everything is better”."),
            "b.txt": essay("Lenin insisted that “trust is good but control over everything is better”."),
        },
        0,
    ),
    # ---- unsourced-quote
    (
        "unsourced here, sourced elsewhere",
        "unsourced-quote",
        {
            "a.txt": essay(
                f"Krupskaya remarked that “{ILYICH}”1", ["I Deutscher, The prophet unarmed, Oxford 1982, p90."]
            ),
            "b.txt": essay(
                "Krupskaya pointed out: “If Ilych [Lenin] were alive, he would probably already be in prison.”"
            ),
        },
        1,
    ),
    (
        "sourced everywhere",
        "unsourced-quote",
        {
            "a.txt": essay(
                f"Krupskaya remarked that “{ILYICH}”1", ["I Deutscher, The prophet unarmed, Oxford 1982, p90."]
            )
        },
        0,
    ),
    # ---- reference-variant
    (
        "misspelt author and place",
        "reference-variant",
        {
            "a.txt": essay(
                "Schapiro says “the party lost its inner democracy in these years”.1 Carr says “the revolution "
                "was isolated from the start”.2",
                [
                    "L Shapiro, The Communist Party of the Soviet Union, London 1964, p12.",
                    "EH Carr, The Bolshevik Revolution Vol 1, Harmonsworth 1975, p207.",
                ],
            )
        },
        2,
    ),
    (
        "reprint years of one edition",
        "reference-variant",
        {
            "a.txt": essay(
                "Lenin said “the state apparatus is in a deplorable condition”.1 He said “we must learn from the "
                "capitalists”.2",
                ["VI Lenin CW Vol 33, Moscow 1965, p487.", "VI Lenin CW Vol 33, Moscow 1977, p488."],
            )
        },
        0,
    ),
    # ---- dangling-ibid
    (
        "ibid with nothing before it",
        "dangling-ibid",
        {"a.txt": essay("Lenin said “we must fight the bureaucracy again and again”.1", ["Ibid., p. 12."])},
        1,
    ),
    (
        "ibid after a reference",
        "dangling-ibid",
        {
            "a.txt": essay(
                "Lenin said “we must fight the bureaucracy again”.1 And “again and again and again”.2",
                ["VI Lenin CW Vol 33, Moscow 1965, p12.", "ibid p13."],
            )
        },
        0,
    ),
    # ---- unknown-reference
    (
        "work not in references.bib",
        "unknown-reference",
        {
            "a.txt": essay(
                "Nove wrote “the plan was a bargaining process from top to bottom”.1",
                ["A Nove, An Economic History of the USSR, London 1969, p12."],
            )
        },
        1,
    ),
    (
        "work in references.bib",
        "unknown-reference",
        {
            "a.txt": essay(
                "Trotsky wrote “the bureaucracy devours the surplus value of the people”.1",
                ["L Trotsky, The Revolution Betrayed, New York 1972, p90."],
            )
        },
        0,
    ),
    # ---- unused-suppression (the run selects only this rule, so other rules find nothing to silence)
    (
        "marker naming no rule",
        "unused-suppression",
        {"a.txt": essay("<!-- citecheck: ignore quote-sauce-conflict -->\nLenin said “we must learn to trade”.")},
        1,
    ),
    (
        "bare marker with nothing to silence",
        "unused-suppression",
        {"a.txt": essay("Lenin said “we must learn to trade”. <!-- citecheck: ignore -->")},
        1,
    ),
    (
        "marker for a rule switched off in this run",
        "unused-suppression",
        {"a.txt": essay("<!-- citecheck: ignore CC105 -->\nLenin said “we must learn to trade like merchants”.")},
        0,
    ),
]


@pytest.mark.parametrize(("case", "rule", "docs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_cases(catalogue: Catalogue, case: str, rule: str, docs: dict[str, str], expected: int) -> None:
    found = run(catalogue, docs, rule)
    assert len(found) == expected, [f.message for f in found]
    for f in found:
        assert f.rule == rule and f.locations and f.message and len(f.fingerprint) == 16


def test_every_rule_has_a_case_each_way() -> None:
    from tests.checks.rules.test_source_rules import CASES as SOURCE_CASES  # the rules against primary texts
    from tests.checks.rules.test_source_rules import SOURCE_RULES

    every = [(c[1], c[3]) for c in CASES] + [(c[1], len(c[3])) for c in SOURCE_CASES] + [(r, 0) for r in SOURCE_RULES]
    for r in ALL_RULES:
        counts = [n for name, n in every if name == r.name]
        assert any(n > 0 for n in counts) and any(n == 0 for n in counts), r.name


def test_rules_have_stable_codes_and_documentation() -> None:
    codes = [r.code for r in ALL_RULES]
    assert codes == sorted(set(codes))
    for r in ALL_RULES:
        assert rule_by_name(r.name) is r and rule_by_name(r.code.lower()) is r
        for part in ("What it finds", "Why it matters", "Example", "How to fix"):
            assert part in r.explanation, (r.name, part)


def test_unsourced_warning_names_the_source(catalogue: Catalogue) -> None:
    (f,) = run(catalogue, CASES[12][2], "unsourced-quote")
    assert f.severity is Severity.WARNING and f.suggestion is not None and "Prophet Unarmed" in f.suggestion


def test_volume_date_message_names_the_right_volume_and_the_roman_numeral(catalogue: Catalogue) -> None:
    (f,) = run(catalogue, CASES[7][2], "volume-date-mismatch")
    assert "vol. 28 or 29" in f.message and "Roman numeral XXIV" in f.message


def test_fingerprints_survive_moved_lines(catalogue: Catalogue) -> None:
    docs = CASES[0][2]
    moved = {p: "Inserted paragraph.\n\n" + t for p, t in docs.items()}
    assert [f.fingerprint for f in run(catalogue, docs, "quote-source-conflict")] == [
        f.fingerprint for f in run(catalogue, moved, "quote-source-conflict")
    ]


def test_a_conflict_across_many_documents_lists_a_few_places_and_locates_all(catalogue: Catalogue) -> None:
    docs = {
        f"e{i:02d}.txt": essay(f"Lenin said “{TRACTORS}”.1", [f"VI Lenin CW Vol {20 + i}, Moscow 1965, p214."])
        for i in range(12)
    }
    (f,) = run(catalogue, docs, "quote-source-conflict")
    assert len(f.locations) == 12 and f.message.endswith("; and 4 more")
    assert f.message.count("vol.") == 8


def test_a_location_by_index_is_the_quotation_location(catalogue: Catalogue) -> None:
    from citecheck.bibliography.normalise import normalise_all
    from citecheck.checks.rules import RuleContext
    from tests.conftest import extract_text

    docs = tuple(
        extract_text(essay(f"Lenin said “{TRACTORS}”.1 And “{ILYICH}”", ["VI Lenin CW Vol 29, p214."]), path=p)
        for p in ("b.txt", "a.txt")
    )
    ctx = RuleContext(docs, normalise_all(docs, catalogue), catalogue)
    assert len(ctx.quotes) == 4
    for i, ref in enumerate(ctx.quotes):
        assert ctx.location_at(i, "vol. 29") == ctx.quote_location(ref, "vol. 29")
        assert ctx.location_at(i).context_span is not None and ctx.location_at(i).detail is None


def test_a_wording_repeated_unsourced_is_counted_once(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    from citecheck.checks.rules import unsourced_quote

    counted: list[str] = []
    real = unsourced_quote.word_count
    monkeypatch.setattr(unsourced_quote, "word_count", lambda text: counted.append(text) or real(text))
    docs = {f"{p}.txt": essay(f"Lenin said “{ILYICH}” and later “{ILYICH}”.") for p in "abc"}
    found = run(catalogue, docs, "unsourced-quote")
    assert len(found) == 6 and counted == [ILYICH]  # six quotations, one wording counted
