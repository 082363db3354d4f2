"""citecheck's benchmark: throughput per stage, growth with size, peak memory, --jobs, the cache.

Run from the repository root (about five minutes with the defaults)::

    .venv/bin/python benchmarks/bench.py                 # 10, 20, 40, 80 MB
    .venv/bin/python benchmarks/bench.py --sizes 2,4     # a quick look

It writes synthetic corpora (``synth.py``: the texts of ``corpus/`` with their
volumes, pages and quotations varied, deterministic seed) under
``benchmarks/out/``, and prints a Markdown table of what it measured, also
saved as ``benchmarks/out/results.md``.  Nothing here is a test: the targets
are checked by reading the numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from synth import write_corpus  # noqa: E402

from citecheck.bibliography.catalogue import Catalogue  # noqa: E402
from citecheck.bibliography.export import render as render_bib  # noqa: E402
from citecheck.bibliography.normalise import normalise_all  # noqa: E402
from citecheck.checks.match import cluster, quote_refs  # noqa: E402
from citecheck.checks.run import run_rules  # noqa: E402
from citecheck.extract.engine import extract_document  # noqa: E402
from citecheck.models import CheckResult, Document  # noqa: E402
from citecheck.output.html import render_html  # noqa: E402
from citecheck.source.load import iter_input_files, read_document  # noqa: E402

MB = 1_000_000
T = TypeVar("T")


def corpus_of(size_mb: float, out: Path, file_size: int | None = None) -> tuple[Path, int]:
    """A synthetic corpus of ``size_mb`` MB (reused when already written); its folder and byte count."""
    folder = out / (f"corpus-{size_mb:g}mb" + (f"-{file_size}b" if file_size else ""))
    if not folder.is_dir():
        tmp = folder.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        write_corpus(ROOT / "corpus", tmp, int(size_mb * MB), file_size=file_size)
        tmp.rename(folder)
    return folder, sum(p.stat().st_size for p in folder.iterdir())


def stages(folder: Path, catalogue: Catalogue) -> tuple[dict[str, float], dict[str, float]]:
    """CPU seconds, and wall seconds, spent in each stage of ``check``, in this process.

    The stages run in this one process, so on an idle machine the two agree; on
    one shared with other work the wall clock also counts the waits for a core.
    """
    cpu: dict[str, float] = {}
    wall: dict[str, float] = {}

    def timed(stage: str, work: Callable[[], T]) -> T:
        c0, w0 = time.process_time(), time.perf_counter()
        out = work()
        cpu[stage], wall[stage] = time.process_time() - c0, time.perf_counter() - w0
        return out

    docs = timed(
        "load", lambda: [read_document(p, p.as_posix()) for p in iter_input_files([folder]) if isinstance(p, Path)]
    )
    results = timed("extract", lambda: [extract_document(d, catalogue) for d in docs if isinstance(d, Document)])
    normalised = timed("normalise", lambda: normalise_all(results, catalogue))
    timed("match", lambda: cluster(quote_refs(results)))
    findings = timed("rules (with match)", lambda: run_rules(results, normalised, catalogue))
    result = CheckResult(tuple(results), normalised, findings, ())
    timed("reports", lambda: (render_html(result, inputs=[str(folder)]), render_bib(catalogue, normalised)))
    return cpu, wall


_RUNNER = """
import resource, sys
from citecheck.cli import main
peak_file, sys.argv = sys.argv[1], ["citecheck", *sys.argv[2:]]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
open(peak_file, "w").write(f"{me.ru_maxrss} {children.ru_maxrss} {cpu}")
sys.exit(code)
"""


def end_to_end(folder: Path, *args: str) -> tuple[float, float]:
    """Wall seconds and peak resident MB (the largest process, main or worker) of ``citecheck check FOLDER``.

    The run's CPU seconds (its own and its workers') are kept in :data:`CPU_SECONDS`: on a machine
    shared with other work the wall time includes waiting for a core, the CPU time does not.
    """
    out = HERE / "out" / "e2e"
    peak_file = out / "peak.txt"
    cmd = ["check", str(folder), "--fail-on", "never", "--format", "json", "-o", str(out / "f.json")]
    cmd += ["--html", str(out / "r.html"), "--bib", str(out / "m.bib"), *args]
    # As an installed citecheck runs: with its bytecode compiled and kept (pip compiles on
    # install), even where the environment asks Python not to write bytecode.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUNNER, str(peak_file), *cmd], cwd=ROOT, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"bench: citecheck {' '.join(cmd)} failed: {proc.stderr.decode()}")
    own, workers, cpu = peak_file.read_text().split()
    CPU_SECONDS.append(float(cpu))
    return wall, max(int(own), int(workers)) / 1024


#: The CPU seconds of each :func:`end_to_end` run, in order.
CPU_SECONDS: list[float] = []


def incremental(out: Path, files: int, file_size: int, edits: int = 7) -> dict[str, float]:
    """A corpus of ``files`` files: a cold check, then re-checks after editing one file (the median of ``edits``).

    Each re-check edits a different file, and the edit is undone before the next.
    One unmeasured re-check comes first: the machine this was written on
    reclaims idle file pages within seconds, and the figure wanted is
    citecheck's work, not the disk's.
    """
    folder, size = corpus_of(files * file_size / MB, out, file_size=file_size)
    cache = out / "cache-incremental"
    shutil.rmtree(cache, ignore_errors=True)
    args = ("--cache-dir", str(cache), "--no-html", "--no-bib")
    cold, _ = end_to_end(folder, *args)
    end_to_end(folder, *args)
    names = sorted(folder.iterdir())
    warm: list[float] = []
    cpu: list[float] = []
    for k in range(edits):
        victim = names[(k + 1) * len(names) // (edits + 1)]
        original = victim.read_bytes()
        try:
            victim.write_bytes(original.replace(b"vol.", b"vol. 1", 1) + b"\nAn added line.\n")
            warm.append(end_to_end(folder, *args)[0])
            cpu.append(CPU_SECONDS[-1])
        finally:
            victim.write_bytes(original)
    warm.sort()
    cpu.sort()
    return {
        "files": len(names),
        "MB": size / MB,
        "cold": cold,
        "after one edit": warm[len(warm) // 2],
        "fastest": warm[0],
        "slowest": warm[-1],
        "CPU after one edit": cpu[len(cpu) // 2],
    }


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,20,40,80", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="processes for the --jobs run")
    parser.add_argument("--incremental-files", type=int, default=2000)
    parser.add_argument("--incremental-file-size", type=int, default=3000, help="bytes per file")
    parser.add_argument("--only-incremental", action="store_true", help="measure only the cached re-check")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    opts = parser.parse_args()
    opts.out.mkdir(parents=True, exist_ok=True)
    (opts.out / "e2e").mkdir(exist_ok=True)
    catalogue = Catalogue.load(ROOT / "references.bib")
    if opts.only_incremental:
        end_to_end(ROOT / "corpus", "--no-cache")  # warm-up: bytecode compiled, files in the page cache
        inc = incremental(opts.out, opts.incremental_files, opts.incremental_file_size)
        print(f"Incremental: {inc}")
        return
    sizes = [float(s) for s in opts.sizes.split(",")]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        "| corpus | files | check, 1 core, cold | MB/s | peak memory | time vs half the size |"
        " load | extract | normalise | match | rules (with match) | reports |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    # Every fresh-process measurement comes first: on Linux a process's peak memory survives
    # exec, so a child started after the in-process stage timings would inherit their peak.
    end_to_end(ROOT / "corpus", "--no-cache")  # warm-up: bytecode compiled, files in the page cache
    # The re-check first: on this machine it ran a fifth slower straight after the 80 MB runs.
    inc = incremental(opts.out, opts.incremental_files, opts.incremental_file_size)
    corpora = [corpus_of(size, opts.out) for size in sizes]
    runs = [end_to_end(folder, "--no-cache", "--jobs", "1") for folder, _ in corpora]
    one, _ = end_to_end(corpora[0][0], "--no-cache", "--jobs", "1")
    many, jobs_peak = end_to_end(corpora[0][0], "--no-cache", "--jobs", str(opts.jobs))
    previous: float | None = None
    walls: list[str] = []
    for (folder, nbytes), (wall, peak) in zip(corpora, runs, strict=True):
        mb = nbytes / MB
        st, st_wall = stages(folder, catalogue)
        ratio = f"{wall / previous:.2f}×" if previous else "–"
        previous = wall
        per_stage = " | ".join(f"{mb / max(st[k], 1e-9):.1f} MB/s" for k in st)
        walls.append(
            f"{mb:.1f} MB by the wall clock: rules {mb / st_wall['rules (with match)']:.1f} MB/s, "
            f"reports {mb / st_wall['reports']:.1f} MB/s"
        )
        files = len(list(folder.iterdir()))
        lines.append(
            f"| {mb:.1f} MB | {files} | {wall:.1f} s | {mb / wall:.2f} | {peak:.0f} MB | {ratio} | {per_stage} |"
        )
        print(lines[-1], flush=True)
    lines += [
        "",
        "Stages in MB per second of CPU time; " + "; ".join(walls) + ".",
        f"`--jobs {opts.jobs}` on {corpora[0][1] / MB:.1f} MB: {many:.1f} s against {one:.1f} s with one process "
        f"({one / many:.2f}× faster; the largest process peaks at {jobs_peak:.0f} MB).",
        f"Incremental: {inc['files']:.0f} files ({inc['MB']:.1f} MB), cold check {inc['cold']:.1f} s; "
        f"after editing one file {inc['after one edit']:.2f} s, the median of seven edits "
        f"({inc['fastest']:.2f}-{inc['slowest']:.2f} s; the cache re-extracts only the edited file), "
        f"{inc['CPU after one edit']:.2f} s of CPU (median).",
    ]
    table = "\n".join(lines) + "\n"
    (opts.out / "results.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
