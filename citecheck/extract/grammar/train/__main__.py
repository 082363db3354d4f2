"""Rebuild the reference parser's model: ``python -m citecheck.extract.grammar.train``.

Renders synthetic labelled references (seeded, so the model is reproducible), trains the CRF
and writes ``citecheck/data/reference.crfsuite``; prints the token accuracy per label on a
held-out synthetic set. No essay of ``corpus/`` or the dev set is used for training.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from citecheck.extract.grammar.features import token_features
from citecheck.extract.grammar.tokens import tokenize
from citecheck.extract.grammar.train.render import render

DEFAULT_OUT = Path(__file__).resolve().parents[3] / "data" / "reference.crfsuite"


def token_labels(tokens_starts: Iterable[int], spans: list[tuple[int, int, str]]) -> list[str]:
    """The label of each token: the labelled span that holds its first character, else ``other``."""
    out = []
    for s in tokens_starts:
        lab = "other"
        for a, b, name in spans:
            if a <= s < b:
                lab = name
                break
        out.append(lab)
    return out


def sequences(n: int, seed: int) -> list[tuple[list[list[str]], list[str]]]:
    """``n`` synthetic references as (features, labels) sequences."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text, spans, marks, _style = render(rng)
        toks = tokenize(text, marks)
        out.append((token_features(text, toks), token_labels((t.start for t in toks), spans)))
    return out


def train(out: Path, n: int, seed: int, iterations: int) -> None:
    """Train on ``n`` synthetic references and write the model to ``out``."""
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in sequences(n, seed):
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations, "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(out)
    print(f"trained on {n} synthetic references in {time.perf_counter() - t0:.0f} s -> {out}")


def evaluate(model: Path, n: int, seed: int) -> None:
    """Token accuracy per label on ``n`` held-out synthetic references."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for xs, ys in sequences(n, seed):
        for got, want in zip(tagger.tag(xs), ys, strict=True):
            total[want] += 1
            ok[want] += got == want
    for lab in sorted(total):
        print(f"  {lab:<11} {ok[lab] / total[lab]:.3f}  ({total[lab]} tokens)")
    print(f"  all         {sum(ok.values()) / sum(total.values()):.3f}")


def main(argv: list[str] | None = None) -> int:
    """The command line of the training run."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=12000, help="synthetic references to train on")
    ap.add_argument("--seed", type=int, default=1917)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--evaluate-only", action="store_true")
    args = ap.parse_args(argv)
    if not args.evaluate_only:
        train(args.out, args.n, args.seed, args.iterations)
    evaluate(args.out, 2000, args.seed + 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
