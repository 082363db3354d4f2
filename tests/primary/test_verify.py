"""Quotations against primary texts: found or not, and how their words differ from the source's."""

from __future__ import annotations

import pytest

from citecheck.primary.index import SourceIndex
from citecheck.primary.verify import Verifier, quotation_parts

# (case, quotation, kind of the best match or None, file it is in, pages, kinds of diff step besides "same")
OWN_CASES = [
    (
        "exact",
        "the grain monopoly must be kept at all costs, for without it the towns will starve",
        "exact",
        "congress/01.htm",
        "141-225",
        set(),
    ),
    (
        "exact, changed capitals and quotation marks",
        "THE GRAIN MONOPOLY MUST BE KEPT AT ALL COSTS, FOR WITHOUT IT THE TOWNS WILL STARVE",
        "exact",
        "congress/01.htm",
        "141-225",
        set(),
    ),
    (
        "ellipsis",
        "The grain monopoly must be kept at all costs … whatever the speculators say in their newspapers",
        "exact",
        "congress/01.htm",
        "141-225",
        {"ellipsis"},
    ),
    (
        "three-dot ellipsis",
        "The grain monopoly must be kept at all costs... whatever the speculators say in their newspapers",
        "exact",
        "congress/01.htm",
        "141-225",
        {"ellipsis"},
    ),
    (
        "bracketed insertion",
        "We shall not give up the [grain] monopoly, whatever the speculators say",
        "exact",
        "congress/01.htm",
        "141-225",
        set(),
    ),
    (
        "changed word, exact page",
        "Every cook must learn to run the state, and every worker must learn to keep accounts",
        "misquotation",
        "vol30/speeches.md",
        "18",
        {"changed"},
    ),
    (
        "omission without an ellipsis",
        "Every cook must learn to govern the state, and every worker must keep accounts of the grain he carries",
        "misquotation",
        "vol30/speeches.md",
        "18",
        {"omitted"},
    ),
    (
        "insertion without brackets",
        "the grain monopoly must be kept at all costs by the Soviet power, for without it the towns will starve",
        "misquotation",
        "congress/01.htm",
        "141-225",
        {"inserted"},
    ),
    (
        "different translation",
        "It is necessary that every kitchen maid be taught to govern the state, and that each labourer be taught how to keep an account of all the grain which he brings to the station",
        "translation",
        "vol30/speeches.md",
        "18",
        None,
    ),
    (
        "British for American spelling, page from a marker on its own line",
        "The Red Army has shown that the working class can organize an army of a new type",
        "exact",
        "vol30/speeches.md",
        "19",
        set(),
    ),
    (
        "passage over two pages",
        "not for one ministry alone, and it will take many years. Every cook must learn to govern the state",
        "exact",
        "vol30/speeches.md",
        "17-18",
        set(),
    ),
    (
        "line-end hyphen in the source",
        "the revolutionary workers of the towns must take the lead in the countryside",
        "exact",
        "vol27/accounts.txt",
        None,
        set(),
    ),
    (
        "line-end hyphen in the quotation",
        "the revolu- tionary workers of the towns must take the lead in the countryside",
        "exact",
        "vol27/accounts.txt",
        None,
        set(),
    ),
    (
        "source without a header is searched",
        "Communism is Soviet power plus the electrification of the whole country",
        "exact",
        "loose/electrification.txt",
        None,
        set(),
    ),
    (
        "endnote text is not in the source",
        "The grain monopoly was introduced by decree in the spring",
        None,
        None,
        None,
        None,
    ),
    (
        "quotation that is nowhere",
        "The bourgeoisie will never surrender its power without the most desperate resistance",
        None,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("case", "quotation", "kind", "where", "pages", "steps"), OWN_CASES, ids=[c[0] for c in OWN_CASES]
)
def test_own_texts(
    own_index: SourceIndex,
    case: str,
    quotation: str,
    kind: str | None,
    where: str | None,
    pages: str | None,
    steps: set[str] | None,
) -> None:
    verdict = Verifier(own_index).verify("essay.txt", "q1", quotation)
    if kind is None:
        assert verdict.matches == (), case
        return
    best = verdict.matches[0]
    assert (best.kind, best.work.path.endswith(where or ""), best.pages) == (kind, True, pages), (case, best)
    if steps is not None:
        assert {op.kind for op in best.ops} - {"same"} == steps, (case, best.ops)


def test_changed_word_is_named(own_index: SourceIndex) -> None:
    best = (
        Verifier(own_index)
        .verify("e", "q", "Every cook must learn to run the state, and every worker must learn to keep accounts")
        .matches[0]
    )
    assert [(op.quoted, op.source) for op in best.ops if op.kind == "changed"] == [("run", "govern")]
    assert best.exact_page and best.passage.startswith("Every cook must learn to govern the state")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("a b c … d e", [("a", "b", "c"), ("d", "e")]),
        ("a b [sic] c... d", [("a", "b", "c"), ("d",)]),
        ("a [...] b", [("a",), ("b",)]),
        ("revolu- tionary Workers’ power", [("revolutionary", "workers", "power")]),
    ],
)
def test_quotation_parts(text: str, parts: list[tuple[str, ...]]) -> None:
    assert quotation_parts(text) == parts


# The real sample: Lenin's Collected Works pages from the Marxists Internet Archive.
SAMPLE_CASES = [
    (
        "the corpus's tractors quotation: another translation, in vol. 29",
        "If we could tomorrow give 100,000 first-class tractors, supply them with benzine, supply them with mechanics… the middle peasant would say: ‘I am for Communism.’ But in order to do this, it is first necessary to conquer the international bourgeoisie, to compel it to give us these tractors.",
        "translation",
        "1919/rcp8th/06.htm",
        "29",
    ),
    (
        "the archive's own wording, from a chapter that inherits its folder's header",
        "If tomorrow we could supply one hundred thousand first-class tractors, provide them with fuel, provide them with drivers",
        "exact",
        "1919/rcp8th/06.htm",
        "29",
    ),
    (
        "changed word in the archive's wording",
        "If tomorrow we could supply one hundred thousand first-class tractors, provide them with petrol, provide them with drivers",
        "misquotation",
        "1919/rcp8th/06.htm",
        "29",
    ),
    (
        "The State and Revolution",
        "The state is a product and a manifestation of the irreconcilability of class antagonisms",
        "exact",
        "1917/staterev/ch01.htm",
        "25",
    ),
    (
        "a page with its own header",
        "War must be waged in earnest, or not waged at all",
        "exact",
        "1918/mar/01.htm",
        "27",
    ),
    ("nowhere in the sample", "The kulaks must be liquidated as a class within three years", None, None, None),
]


@pytest.mark.parametrize(
    ("case", "quotation", "kind", "where", "volume"), SAMPLE_CASES, ids=[c[0] for c in SAMPLE_CASES]
)
def test_real_sample(
    sample_index: SourceIndex, case: str, quotation: str, kind: str | None, where: str | None, volume: str | None
) -> None:
    verdict = Verifier(sample_index).verify("essay.txt", "q1", quotation)
    if kind is None:
        assert verdict.matches == (), case
        return
    best = verdict.matches[0]
    assert (best.kind, best.work.path.endswith(where or ""), best.work.volume) == (kind, True, volume), (
        case,
        best.kind,
        best.work.path,
    )
