"""Extraction reads references without references.bib: the curated bibliography only normalises.

On the real essays of ``../shared/devset`` (skipped when absent), citation F1 with an empty
catalogue is within 0.02 of F1 with the project's references.bib.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.pipeline import extract_paths
from tests.conftest import ROOT, SHARED

DEVSET = SHARED / "devset"


def _f1(catalogue: Catalogue) -> float:
    sys.path.insert(0, str(SHARED / "tools"))
    try:
        import score_extraction as scorer
    finally:
        sys.path.pop(0)
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    outcome = extract_paths([DEVSET / "texts"], catalogue)
    pred = {"documents": [d.to_json() for d in outcome.documents]}
    docs = scorer.doc_map(pred, gold, Path.cwd())
    tp = fp = fn = 0
    for name in gold["documents"]:
        limit = gold.get("limits", {}).get(name, 10**9)
        gc = [c for c in gold["citations"] if c["doc"] == name]
        pc = [c for c in docs.get(name, {"citations": []})["citations"] if (c.get("line") or 0) <= limit]
        pairs = scorer.match_citations(gc, pc)
        tp += len(pairs)
        fn += len(gc) - len(pairs)
        fp += len(pc) - len(pairs)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return 2 * p * r / max(p + r, 1e-9)


@pytest.mark.skipif(not (DEVSET / "gold.json").exists(), reason="../shared/devset is not beside the project")
def test_an_empty_references_bib_costs_at_most_two_points_of_citation_f1() -> None:
    with_bib = _f1(Catalogue.load(ROOT / "references.bib"))
    without = _f1(Catalogue.empty())
    assert with_bib - without <= 0.02, (with_bib, without)
    assert without >= 0.9
