"""Label each token of a reference string with the part of the reference it belongs to.

A linear-chain CRF (python-crfsuite) trained on labelled references
(``python -m citecheck.extract.grammar.train``, see the README) and shipped as package data
(``citecheck/data/reference.crfsuite``). It decides between the readings the features allow: an
italic phrase after "in" is a container, a capitalised phrase before the first comma of a note is
its author, a number after ``vol.`` is a volume.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import pycrfsuite

from citecheck.extract.grammar.features import token_features
from citecheck.models import Token

MODEL = "data/reference.crfsuite"


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("citecheck").joinpath(MODEL)) as path:
        tagger.open(str(path))
    return tagger


def label_tokens(text: str, tokens: Sequence[Token], hints: Sequence[tuple[int, int, str]] | None = None) -> list[str]:
    """One label (of :data:`citecheck.models.REFERENCE_LABELS`) per token of ``text``."""
    if not tokens:
        return []
    return list(_tagger().tag(token_features(text, tokens, hints)))


def model_digest() -> str:
    """A short digest of the shipped model (it is part of what the extraction cache is keyed by)."""
    import hashlib

    data = resources.files("citecheck").joinpath(MODEL).read_bytes()
    return hashlib.sha256(data).hexdigest()[:16]
