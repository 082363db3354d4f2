"""Benchmark of the primary-text checks: index 80 MB of archive pages, verify 5,000 quotations.

Run from the repository root (a few minutes)::

    .venv/bin/python benchmarks/primary_bench.py              # 80 MB, 5,000 quotations
    .venv/bin/python benchmarks/primary_bench.py --mb 10      # a quick look

It grows the real sample (``../shared/primary``: 80 Marxists Internet Archive pages) into
``--mb`` megabytes of pages under ``benchmarks/out/primary-<N>mb/``: copy after copy of the
sample, each with its header's volume and pages redrawn and about one word in thirty of every
paragraph replaced (deterministic seed).  Then, each in a fresh process on one core:

* **index, cold**: read every page (lxml), tie it to references.bib, build the trigram index;
* **index after an edit**: one page changed, the others (and their numbered words) from the
  cache, the index built again (what ``citecheck sources`` or ``check`` does on every run);
* **verify**: 5,000 quotations cut from the pages (exact, a changed word, an ellipsis, a
  [bracketed insertion], a word left out, and passages that are nowhere) against the index.

Peak memory (resident set) is reported per process.  Results are printed as a Markdown table
and saved as ``benchmarks/out/primary-results.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT.parent / "shared" / "primary"
MB = 1_000_000
_PARAGRAPH = regex.compile(r"(<p(?:\s[^>]*)?>)(.*?)(</p>)", regex.S)
_TAG = regex.compile(r"(<[^>]+>)")
_WORD = regex.compile(r"\b[a-z]{4,}\b")
_VOLUME = regex.compile(r"Volume (\d+)")
_PAGES = regex.compile(r"(pages|pp\.|p\.) (\d+)-(\d+)")


def _perturb(rng: random.Random, html: str, pool: list[str], copy: int) -> str:
    """The page with every paragraph's words varied, and its header's volume and pages redrawn."""

    def words(m: regex.Match[str]) -> str:
        if 'class="information"' in m.group(1):
            return str(m.group(0))
        parts = _TAG.split(m.group(2))
        for i in range(0, len(parts), 2):  # text between tags only
            parts[i] = _WORD.sub(lambda w: rng.choice(pool) if rng.random() < 1 / 30 else w.group(0), parts[i])
        return str(m.group(1)) + "".join(parts) + str(m.group(3))

    html = str(_PARAGRAPH.sub(words, html))
    html = str(_VOLUME.sub(lambda m: f"Volume {(int(m.group(1)) + copy) % 45 + 1}", html))
    first = rng.randrange(1, 600)
    return str(_PAGES.sub(lambda m: f"{m.group(1)} {first}-{first + rng.randrange(5, 90)}", html))


def generate(target: Path, size: int, seed: int = 1919) -> int:
    """Write ``size`` bytes of archive pages under ``target`` (reused when already there); bytes written."""
    done = target / ".complete"
    if done.is_file():
        return int(done.read_text())
    shutil.rmtree(target, ignore_errors=True)
    pages = sorted(p for p in SAMPLE.rglob("*.htm"))
    if not pages:
        raise SystemExit(f"the sample of primary texts is not at {SAMPLE}")
    originals = [(p.relative_to(SAMPLE), p.read_text(encoding="utf-8")) for p in pages]
    pool = sorted({w for _, t in originals for w in _WORD.findall(t)})
    rng = random.Random(seed)
    written, copy = 0, 0
    while written < size:
        for rel, html in originals:
            out = target / f"copy{copy:03d}" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            data = _perturb(rng, html, pool, copy).encode("utf-8")
            out.write_bytes(data)
            written += len(data)
        copy += 1
    done.write_text(str(written))
    return written


def _phase(args: argparse.Namespace) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.primary.index import SourceIndex
    from citecheck.primary.load import load_sources

    catalogue = Catalogue.load(ROOT / "references.bib")
    cache = args.cache_dir or None
    t0 = time.perf_counter()
    collection = load_sources([args.folder], catalogue, cache)
    t1 = time.perf_counter()
    index = SourceIndex.of(collection)
    t2 = time.perf_counter()
    out: dict[str, float] = {
        "texts": len(collection.texts),
        "chars": sum(len(t.text) for t in collection.texts),
        "words": index.size,
        "read": t1 - t0,
        "index": t2 - t1,
        "cached": collection.cached,
    }
    if args.phase == "verify":
        from citecheck.primary.verify import Verifier

        items, kinds = _cut_quotations(index, args.quotations)
        t3 = time.perf_counter()
        verdicts = Verifier(index).verify_all(items)
        out["verify"] = time.perf_counter() - t3
        found = {k: 0 for k in set(kinds.values())}
        for key, verdict in verdicts.items():
            found[kinds[key]] += bool(verdict.matches)
        total = {k: sum(1 for v in kinds.values() if v == k) for k in found}
        out.update({f"found {k}": found[k] / total[k] for k in sorted(found)})
    out["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


Items = list[tuple[str, str, str]]


def _cut_quotations(index: object, n: int, seed: int = 5) -> tuple[Items, dict[tuple[str, str], str]]:
    """``n`` quotations cut from random places of the texts: (path, id, text) and each one's kind."""
    from citecheck.checks.match import TOKEN
    from citecheck.primary.index import SourceIndex

    assert isinstance(index, SourceIndex)
    rng = random.Random(seed)
    texts = [t for t in index.texts if len(TOKEN.findall(t.text)) > 80]
    kinds = ["exact", "changed word", "ellipsis", "bracketed insertion", "omission", "nowhere"]
    items: list[tuple[str, str, str]] = []
    kind_of: dict[tuple[str, str], str] = {}
    vocabulary = sorted(index.vocabulary)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        text = rng.choice(texts).text
        words = text.split()
        length = rng.randrange(10, 40)
        start = rng.randrange(0, max(1, len(words) - length))
        cut = words[start : start + length]
        if kind == "changed word":
            cut[length // 2] = rng.choice(vocabulary)
        elif kind == "ellipsis":
            cut = [*cut[: length // 3], "…", *cut[2 * length // 3 :]]
        elif kind == "bracketed insertion":
            cut.insert(length // 2, "[the Bolsheviks]")
        elif kind == "omission":
            del cut[length // 2]
        elif kind == "nowhere":
            cut = [rng.choice(vocabulary) for _ in range(length)]
        key = ("essay.txt", f"q{i}")
        items.append((*key, " ".join(cut)))
        kind_of[key] = kind
    return items, kind_of


def _run(folder: Path, phase: str, cache_dir: Path | None, quotations: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", phase, "--folder", str(folder), "--quotations", str(quotations)]
    if cache_dir is not None:
        cmd += ["--cache-dir", str(cache_dir)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    taskset = shutil.which("taskset")
    if taskset:
        cmd = [taskset, "-c", "0", *cmd]  # one core
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Generate the pages, run the three measurements, print and save the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=80.0, help="megabytes of pages to index")
    parser.add_argument("--quotations", type=int, default=5000)
    parser.add_argument("--phase", choices=["index", "verify"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(_phase(args)))
        return
    out = HERE / "out"
    folder = out / f"primary-{args.mb:g}mb"
    size = generate(folder, int(args.mb * MB))
    cache = out / f"primary-{args.mb:g}mb-cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold = _run(folder, "index", None, 0)
    _run(folder, "index", cache, 0)  # fills the cache
    edited = next(folder.rglob("*.htm"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("</p>", " An edit.</p>", 1), encoding="utf-8")
    warm = _run(folder, "index", cache, 0)  # one page read again, the others from the cache
    verify = _run(folder, "verify", cache, args.quotations)
    rows = [
        "| measurement | time | peak memory | notes |",
        "|---|---|---|---|",
        f"| index, cold: read + tie {int(cold['texts']):,} pages ({size / MB:.1f} MB of HTML, "
        f"{cold['chars'] / MB:.1f} M characters of text), build the index ({int(cold['words']):,} words) "
        f"| {cold['read'] + cold['index']:.1f} s ({cold['read']:.1f} + {cold['index']:.1f}) "
        f"| {cold['peak MB']:.0f} MB | {size / MB / (cold['read'] + cold['index']):.1f} MB/s |",
        f"| index after an edit: {int(warm['cached']):,} pages (and their words) from the cache, one read again "
        f"| {warm['read'] + warm['index']:.1f} s ({warm['read']:.1f} + {warm['index']:.1f}) "
        f"| {warm['peak MB']:.0f} MB | |",
        f"| verify {args.quotations:,} quotations | {verify['verify']:.2f} s | {verify['peak MB']:.0f} MB "
        f"| {args.quotations / verify['verify']:,.0f} quotations/s |",
    ]
    found = ", ".join(f"{k[6:]} {v:.0%}" for k, v in sorted(verify.items()) if k.startswith("found "))
    rows.append(f"\nFound: {found}.")
    table = "\n".join(rows)
    print(table)
    (out / "primary-results.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
