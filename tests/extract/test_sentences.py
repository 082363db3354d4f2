"""Sentence boundaries: abbreviations, initials, quotations and note numbers."""

from __future__ import annotations

import pytest

from citecheck.extract.sentences import sentence_spans

CASES = [
    ("Lenin wrote it. Then Trotsky replied.", ["Lenin wrote it.", "Then Trotsky replied."]),
    ("See Vol. 3, p. 12. Next sentence.", ["See Vol. 3, p. 12.", "Next sentence."]),
    ("Cited at pp. 4-5 and ibid. 7. Then more.", ["Cited at pp. 4-5 and ibid. 7.", "Then more."]),
    ("E. H. Carr wrote it. V.I. Lenin agreed.", ["E. H. Carr wrote it.", "V.I. Lenin agreed."]),
    ("He wrote to J.V. Stalin. Nothing came of it.", ["He wrote to J.V. Stalin.", "Nothing came of it."]),
    ("It ended.”3 Hence the rest.", ["It ended.”3", "Hence the rest."]),
    ("It was 1917. The year of revolutions!", ["It was 1917.", "The year of revolutions!"]),
    ("Was it? Yes… It was.", ["Was it?", "Yes…", "It was."]),
    ("A run-on with no end", ["A run-on with no end"]),
]


@pytest.mark.parametrize(("text", "sentences"), CASES)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text))] == sentences


# The quotation (between “ and ”) is opaque: its own full stops end nothing, but one that
# closes it ends the sentence around it.
QUOTED = [
    (
        "He said “It is over. We lost.” Then he left. After that, nothing.",
        ["He said “It is over. We lost.”", "Then he left.", "After that, nothing."],
    ),
    (
        "He said “It is over. We lost” and left. After that, nothing.",
        ["He said “It is over. We lost” and left.", "After that, nothing."],
    ),
    (
        "Lenin called it “a bureaucratic distortion.” Trotsky disagreed.",
        ["Lenin called it “a bureaucratic distortion.”", "Trotsky disagreed."],
    ),
]


@pytest.mark.parametrize(("text", "sentences"), QUOTED)
def test_quotations_are_opaque(text: str, sentences: list[str]) -> None:
    quote = (text.index("“") + 1, text.index("”"))
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text), [quote])] == sentences


def test_only_the_range_asked_for_is_split() -> None:
    text = "First one. Second one. Third one."
    lo = text.index("Second")
    assert [text[a:b] for a, b in sentence_spans(text, lo, len(text))] == ["Second one.", "Third one."]
