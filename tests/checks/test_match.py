"""Which quotations are the same quotation: the comparison, and clustering at scale."""

from __future__ import annotations

import random

import pytest

from citecheck.checks.match import QuoteRef, cluster, normal_words, same_quotation
from citecheck.models import Quotation

TRACTORS = (
    "If we could tomorrow give one hundred thousand first-class tractors, the peasant would say he is for the commune"
)

# (a, b, same?)
CASES = [
    (TRACTORS, TRACTORS, True),
    (TRACTORS, TRACTORS.upper(), True),
    (TRACTORS, TRACTORS.replace("first-class", "first class"), True),
    (TRACTORS, TRACTORS.replace("tomorrow", "[only] tomorrow"), True),  # editorial insertion
    (TRACTORS, "give one hundred thousand first-class tractors, the peasant would say", True),  # excerpt
    (
        TRACTORS,
        "If we could tomorrow give one hundred thousand … tractors, the peasant would say he is for the commune",
        True,
    ),
    ("If Ilyich were alive today, he would be in prison", "If Ilych were alive today, he would be in prison", True),
    (TRACTORS, "the peasant would say", False),  # too short to be an excerpt
    (TRACTORS, "We must learn to trade like cultured merchants, and not like Asiatic peddlers", False),
    ("", TRACTORS, False),
]


@pytest.mark.parametrize(("a", "b", "expected"), CASES)
def test_same_quotation(a: str, b: str, expected: bool) -> None:
    assert same_quotation(normal_words(a), normal_words(b)) is expected
    assert same_quotation(normal_words(b), normal_words(a)) is expected  # symmetric


def _refs(texts: list[str]) -> list[QuoteRef]:
    return [QuoteRef(f"d{i}.txt", Quotation(f"q{i}", 1, 1, 0, 1, t), normal_words(t)) for i, t in enumerate(texts)]


def test_a_quotation_repeated_hundreds_of_times_is_one_group() -> None:
    texts = (
        [TRACTORS] * 300 + [TRACTORS.replace("tomorrow", "to-morrow")] + ["An unrelated sentence of some length here"]
    )
    (group,) = cluster(_refs(texts))
    assert group == list(range(301))


def test_groups_do_not_depend_on_order() -> None:
    rng = random.Random(7)
    texts = [
        TRACTORS,
        TRACTORS[:60],
        "We must learn to trade like cultured merchants",
        "learn to trade like cultured merchants",
    ]
    texts = texts * 5
    base = {frozenset(texts[i] + str(i % 4) for i in g) for g in cluster(_refs(texts))}
    for _ in range(5):
        order = list(range(len(texts)))
        rng.shuffle(order)
        shuffled = [texts[i] for i in order]
        got = {frozenset(shuffled[i] + str(order[i] % 4) for i in g) for g in cluster(_refs(shuffled))}
        assert got == base


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


# characters Python's Unicode database knows (the regex module may carry a newer one)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cn",)), max_size=60))
def test_token_is_letters_and_numbers_as_the_unicode_classes_say(text: str) -> None:
    import regex

    from citecheck.checks.match import TOKEN

    reference = regex.compile(r"[\p{L}\p{N}]+(?:['’]+[\p{L}\p{N}]+)*")
    assert TOKEN.findall(text) == reference.findall(text)


@given(st.text(alphabet=st.sampled_from("abcÉé ’'-[]…. Ilyich labor"), max_size=80))
def test_fold_word_over_tokens_is_normal_words(text: str) -> None:
    from citecheck.checks.match import TOKEN, fold_word, normal_words

    if "[" in text or "]" in text:
        return
    assert tuple(fold_word(w) for w in TOKEN.findall(text)) == normal_words(text)


_WORDS = ["the", "state", "withers", "away", "power", "to", "soviets", "peasant", "tractors", "give", "all"]


def _pairs_by_hand(refs: list[QuoteRef]) -> set[frozenset[int]]:
    """Which quotations are one, by comparing every pair of wordings that share a word trigram (no index)."""
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(refs)):
        for j in range(i + 1, len(refs)):
            a, b = refs[i].words, refs[j].words
            grams = [{w[k : k + 3] for k in range(len(w) - 2)} or {w} for w in (a, b)]
            shared = len(grams[0] & grams[1]) / min(len(g) for g in grams)
            if shared >= 0.3 and same_quotation(a, b, shared=shared):
                parent[find(j)] = find(i)
    groups: dict[int, set[int]] = {}
    for i in range(len(refs)):
        groups.setdefault(find(i), set()).add(i)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=9).map(" ".join), max_size=12))
def test_the_trigram_index_finds_what_comparing_every_pair_finds(texts: list[str]) -> None:
    refs = _refs(texts)
    assert {frozenset(g) for g in cluster(refs)} == _pairs_by_hand(refs)
