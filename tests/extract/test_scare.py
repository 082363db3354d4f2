"""Scare quotes and the writer's own phrases are not reported as quotations."""

from __future__ import annotations

import pytest

from citecheck.extract.scare import is_mention, word_count
from tests.conftest import extract_text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("arrogant, self-satisfied bureaucracy", 3),
        ("the workers’ state is a fiction", 6),
        ("Ilyich", 1),
        ("", 0),
    ],
)
def test_word_count_counts_compounds_once(text: str, words: int) -> None:
    assert word_count(text) == words


def _mention(paragraph: str) -> bool:
    open_mark = paragraph.index("“")
    close = paragraph.index("”")
    return is_mention(paragraph, 0, open_mark, open_mark + 1, close)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Tensions grew with the “arrogant, self-satisfied bureaucracy” in the apparatus.", True),
        (
            "Reaction came sooner or later, in one way or another. The question of “one way or another” is decisive.",
            True,
        ),
        ("The party called it “a dictatorship over the proletariat itself” at the time.", False),
        # the same words after the quotation are not an earlier use by the writer
        ("They spoke of “the end of the civil war” and the end of the civil war came.", False),
    ],
)
def test_is_mention(paragraph: str, expected: bool) -> None:
    assert _mention(paragraph) is expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # unsourced and short: a scare quote
        ("The “new class” grew fat in the apparatus.\n", []),
        # short but sourced by a note: a quotation
        (
            "The state was reformed.\n\nThe apparatus was a “bureaucratic twist”.1\n\nNotes\n\n"
            "  1. VI Lenin CW Vol 32, Moscow 1965, p24.\n",
            ["bureaucratic twist"],
        ),
        # short but attributed by a cue: a quotation
        ("Lenin called it “a bureaucratic twist”.\n", ["a bureaucratic twist"]),
        # the writer's own phrase, repeated in quotation marks
        (
            "It would happen in one way or another. But “one way or another” matters in politics.\n",
            [],
        ),
        # a label the writer keeps quoting and nobody is said to have said: a term, every time
        (
            "The theory of “councils in every single factory” won. Later, “councils in every single factory” "
            "became a slogan.\n\nThe critics of “the councils in every single factory” were few.\n",
            [],
        ),
        # ... unless one of its uses is attributed: then all are the quotation
        (
            "Hale called for “councils in every single factory”.\n\nLater, “councils in every single factory” "
            "became a slogan.\n",
            ["councils in every single factory", "councils in every single factory"],
        ),
    ],
)
def test_extraction_drops_mentions_but_keeps_sourced_short_quotes(text: str, quoted: list[str]) -> None:
    assert [q.text for q in extract_text(text).quotations] == quoted
