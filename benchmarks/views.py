"""How fast the views are built (``citecheck.source.build_view``), per format, on one core.

Run from the repository root::

    .venv/bin/python benchmarks/views.py                       # devset, corpus/, a 20 MB synthetic corpus
    .venv/bin/python benchmarks/views.py --synthetic-mb 0      # the real texts only

Each document is read and decoded first; only building the view is timed (best of three per
folder).  A file that is not UTF-8 (load's business) is decoded as Latin-1 here so it still counts.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench import corpus_of  # noqa: E402

from citecheck.models import Document  # noqa: E402
from citecheck.source.build import build_view  # noqa: E402
from citecheck.source.load import document_from_text, read_document  # noqa: E402

MB = 1_000_000


def documents(folder: Path) -> list[Document]:
    """Every readable file of a folder, decoded."""
    out: list[Document] = []
    for p in sorted(folder.iterdir()):
        if not p.is_file():
            continue
        doc = read_document(p)
        out.append(doc if isinstance(doc, Document) else document_from_text(p.name, p.read_bytes().decode("latin-1")))
    return out


def measure(docs: list[Document], rounds: int = 3) -> dict[str, tuple[int, float]]:
    """Bytes and best seconds per format (and "all")."""
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    size: dict[str, int] = defaultdict(int)
    for doc in docs:
        size[doc.format] += len(doc.text.encode("utf-8"))
    size["all"] = sum(size.values())
    for _ in range(rounds):
        spent: dict[str, float] = defaultdict(float)
        for doc in docs:
            t0 = time.perf_counter()
            build_view(doc)
            spent[doc.format] += time.perf_counter() - t0
        spent["all"] = sum(spent.values())
        for k, v in spent.items():
            best[k] = min(best[k], v)
    return {k: (size[k], best[k]) for k in size}


def main() -> None:
    """Print a Markdown table of MB/s per folder and format."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic-mb", type=float, default=20.0, help="size of the synthetic corpus (0: none)")
    args = parser.parse_args()
    folders = [ROOT.parent / "shared" / "devset" / "texts", ROOT / "corpus"]
    if args.synthetic_mb:
        folders.append(corpus_of(args.synthetic_mb, HERE / "out")[0])
    build_view(document_from_text("warm.md", "# warm\n\n*up*\n"))  # imports out of the timing
    print("| folder | format | MB | seconds | MB/s |\n|---|---|---|---|---|")
    for folder in folders:
        if not folder.is_dir():
            continue
        for fmt, (nbytes, secs) in sorted(measure(documents(folder)).items()):
            rate = nbytes / MB / secs if secs else float("inf")
            print(f"| {folder.name} | {fmt} | {nbytes / MB:.2f} | {secs:.3f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
