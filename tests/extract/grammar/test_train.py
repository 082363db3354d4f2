"""The training data and the training run of the reference labeller."""

from __future__ import annotations

import random
from pathlib import Path

import pycrfsuite
import pytest

from citecheck.extract.grammar.train.__main__ import main, sequences, token_labels
from citecheck.extract.grammar.train.render import STYLES, render
from citecheck.models import REFERENCE_LABELS


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_renders_labelled_text(style: str) -> None:
    rng = random.Random(7)
    for _ in range(20):
        text, spans, marks, name = render(rng, style)
        assert name == style and text
        for s, e, label in spans:
            assert 0 <= s < e <= len(text) and label in REFERENCE_LABELS
            assert text[s:e] == text[s:e].strip()  # a label never starts or ends on a space
        for s, e, kind in marks:
            assert 0 <= s <= e <= len(text) and kind in ("italic", "bold")


def test_rendering_is_seeded() -> None:
    assert sequences(30, 5) == sequences(30, 5)
    assert sequences(30, 5) != sequences(30, 6)


def test_token_labels_follow_the_spans() -> None:
    assert token_labels([0, 3, 9], [(0, 5, "author"), (9, 12, "pages")]) == ["author", "author", "pages"]
    assert token_labels([6], [(0, 5, "author")]) == ["other"]


def test_the_training_command_writes_a_model_that_labels(tmp_path: Path) -> None:
    out = tmp_path / "model.crfsuite"
    assert main(["--n", "150", "--iterations", "15", "--out", str(out)]) == 0
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    xs, _ = sequences(1, 99)[0]
    assert all(label in REFERENCE_LABELS for label in tagger.tag(xs))
