"""Shared driver for the fuzz harnesses: atheris when installed, else a plain random loop.

The fallback feeds random bytes and mutations (byte flips, splices, repeats) of
corpus snippets, so the harness runs anywhere: ``--runs N``, ``--seed S``.
"""

from __future__ import annotations

import argparse
import random
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seeds() -> list[bytes]:
    """Snippets of the corpus and of references.bib to mutate."""
    out: list[bytes] = []
    for p in [*sorted((ROOT / "corpus").glob("*")), ROOT / "references.bib"]:
        if p.is_file():
            data = p.read_bytes()
            out.extend(data[i : i + 2000] for i in range(0, min(len(data), 40000), 2000))
    return out or [b"Lenin wrote \xe2\x80\x9call power\xe2\x80\x9d.1\n\n1. Ibid., p. 4.\n"]


def mutate(rng: random.Random, pool: list[bytes]) -> bytes:
    """A random input: raw bytes, or a corpus snippet with flips, splices and repeats."""
    if rng.random() < 0.15:
        return rng.randbytes(rng.randrange(0, 500))
    data = bytearray(rng.choice(pool))
    for _ in range(rng.randrange(1, 8)):
        op = rng.randrange(4)
        i = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(i, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            other = rng.choice(pool)
            j = rng.randrange(len(other) + 1)
            data[i:i] = other[j : j + rng.randrange(1, 200)]
        elif op == 2:
            data[i:i] = data[i : i + rng.randrange(1, 20)] * rng.randrange(2, 50)
        else:
            del data[i : i + rng.randrange(1, 50)]
    return bytes(data)


def main(target: Callable[[bytes], None]) -> None:
    """Run ``target`` under atheris when it is installed (and not ``--plain``), else the random loop."""
    if "--plain" not in sys.argv:
        try:
            import atheris
        except ImportError:
            pass
        else:
            atheris.instrument_all()  # coverage feedback for the Python code under test
            atheris.Setup(sys.argv, target)
            atheris.Fuzz()
            return
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--plain", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = seeds()
    for n in range(args.runs):
        data = mutate(rng, pool)
        try:
            target(data)
        except Exception:
            crash = ROOT / "fuzz" / f"crash-{args.seed}-{n}.bin"
            crash.write_bytes(data)
            traceback.print_exc()
            sys.exit(f"crash on run {n}; input saved to {crash}")
    print(f"{args.runs} runs, no crash")
