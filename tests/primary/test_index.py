"""The trigram index: keys, text boundaries, lookup."""

from __future__ import annotations

import numpy as np

from citecheck.models import SourceText, SourceWork
from citecheck.primary.index import SourceIndex, trigram_keys


def _index(*texts: str) -> SourceIndex:
    sources = [SourceText(f"t{i}.txt", "text", "", t) for i, t in enumerate(texts)]
    return SourceIndex.build(sources, [SourceWork(s.path, "text") for s in sources])


def test_packed_and_mixed_keys_agree_on_equality() -> None:
    ids = np.array([1, 2, 3, 1, 2, 3, 4], dtype=np.int64)
    for packed in (True, False):
        keys = trigram_keys(ids, packed)
        assert len(keys) == 5 and keys[0] == keys[3] and len(set(keys.tolist())) == 4


def test_no_trigram_runs_across_texts() -> None:
    index = _index("a b c", "d e f")
    assert index.size == 6 and len(index.keys) == 2
    words = index.vocabulary
    key = trigram_keys(np.array([words["b"], words["c"], words["d"]], dtype=np.int64), index.packed)
    lo, hi = index.lookup(key)
    assert (hi - lo).tolist() == [0]


def test_words_fold_like_quotations() -> None:
    index = _index("Workers’ ORGANIZATION", "organisation of labor")
    assert index.vocabulary.keys() >= {"workers", "organisation", "labour"}
    assert index.works[1].words == 3 and index.text_of(3) == 1
