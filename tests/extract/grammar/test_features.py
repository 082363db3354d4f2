"""Features of the tokens of a reference string, for the labeller."""

from __future__ import annotations

import pytest

from citecheck.extract.grammar.features import _OWN_CACHE, shape, token_features
from citecheck.extract.grammar.tokens import tokenize


def features(text: str, marks: list[tuple[int, int, str]] | None = None) -> list[list[str]]:
    return token_features(text, tokenize(text, marks or []))


@pytest.mark.parametrize(
    ("text", "k", "present", "absent"),
    [
        # the first token: no neighbours before it, its next ones by distance, without their affixes
        ("Lenin, Collected Works", 0, ["bias", "w=lenin", "cap", "first", "pos=0", "seg=0", "inseg=0", "-2:none",
                                       "-1:none", "prev=^", "next=,", "1:w=,", "2:w=collected", "2:cap"],
         ["last", "2:p3=col", "2:s3=ted", "1:none"]),
        # the last token, after a comma: the second segment, its neighbours before it
        ("Lenin, Collected Works", 3, ["last", "seg=1", "inseg=1", "1:none", "2:none", "-1:w=collected",
                                       "-2:w=,", "next=$", "pos=3", "p3=wor", "s3=rks"], ["first", "-1:none"]),
        # typography and the locator grammar
        ("CW, vol. 24, p. 5", 4, ["w=24", "digits2"], ["first"]),
        ("Trotsky, My Life", 2, ["italic", "w=my", "1:italic"], ["1:none", "-1:italic"]),
        ("Lenin\nCW", 1, ["linebreak"], []),
        ("V. I. Lenin, CW", 1, ["seg=0", "punct"], []),  # the full stop of an initial starts no segment
    ],
)  # fmt: skip
def test_token_features(text: str, k: int, present: list[str], absent: list[str]) -> None:
    marks = [(text.index("My"), len(text), "italic")] if "My" in text else None
    got = features(text, marks)[k]
    assert set(present) <= set(got), set(present) - set(got)
    assert not set(absent) & set(got)


@pytest.mark.parametrize(
    "text", ["Lenin, Collected Works, vol. 24, p. 5", "Ibid.", "Trotsky, “The Class Nature”, 1937"]
)
def test_features_are_the_same_from_the_cache(text: str) -> None:
    """A token's features built once and reused (the per-token cache) are those built afresh, in order."""
    _OWN_CACHE.clear()
    fresh = features(text)
    again = features(text)
    assert fresh == again
    tokens = tokenize(text)
    for k, f in enumerate(fresh):  # each neighbour's block is its own features, prefixed, in their order
        for d in (-2, -1, 1, 2):
            if 0 <= k + d < len(tokens):
                own = [x for x in fresh[k + d][1:] if "=" in x and not x.startswith(("p3=", "s3=", "pos=", "seg="))]
                own = [x for x in own if not x.startswith(("inseg=", "prev=", "next=")) and ":" not in x]
                prefixed = [x[len(f"{d}:") :] for x in f if x.startswith(f"{d}:")]
                assert [x for x in prefixed if "=" in x] == own


def test_shape() -> None:
    assert [shape(w) for w in ("Lenin", "CW", "1977", "p98")] == ["Xx", "X", "dddd", "xdd"]
