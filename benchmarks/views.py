"""How fast the views are built (``citecheck.source.build_view``), per format, on one core; and
whether a change left every view as it was.

Run from the repository root::

    .venv/bin/python benchmarks/views.py                       # devset, corpus/, a 20 MB synthetic corpus
    .venv/bin/python benchmarks/views.py --synthetic-mb 0      # the real texts only

Each document is read and decoded first; only building the view is timed (best of three per
folder).  A file that is not UTF-8 (load's business) is decoded as Latin-1 here so it still counts.

Same views before and after a change (``docs/view.md``)::

    git worktree add /tmp/before HEAD~3        # or any revision
    .venv/bin/python benchmarks/views.py --digest before.json --code /tmp/before
    .venv/bin/python benchmarks/views.py --digest after.json
    .venv/bin/python benchmarks/views.py --compare before.json after.json

``--digest`` hashes ``text``, ``src``, ``src_end``, ``line_starts``, ``blocks``, ``marks``,
``meta`` and ``repairs`` of the view of every file in the folders (each file also read as the
other two formats), of ``--generated`` seeded random documents per format, and of the documents
a test run recorded (``VIEWS_RECORD=FILE PYTHONPATH=benchmarks pytest -p views``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MB = 1_000_000
FORMATS = ("text", "markdown", "html")


def _imports(code: Path) -> tuple[Callable[[Any], Any], Callable[..., Any], Callable[..., Any], type]:
    """``build_view``, ``document_from_text``, ``read_document``, ``Document`` from the checkout ``code``.

    The first call decides which checkout's citecheck is imported.
    """
    if str(code) not in sys.path:
        sys.path.insert(0, str(code))
    from citecheck.models import Document
    from citecheck.source.build import build_view
    from citecheck.source.load import document_from_text, read_document

    return build_view, document_from_text, read_document, Document


def documents(folder: Path, code: Path = ROOT, recursive: bool = False) -> list[Any]:
    """Every readable file of a folder (and below it, when ``recursive``), decoded."""
    _, document_from_text, read_document, document = _imports(code)
    out: list[Any] = []
    for p in sorted(folder.rglob("*") if recursive else folder.iterdir()):
        if not p.is_file():
            continue
        doc = read_document(p)
        out.append(doc if isinstance(doc, document) else document_from_text(p.name, p.read_bytes().decode("latin-1")))
    return out


def measure(docs: list[Any], rounds: int = 3) -> dict[str, tuple[int, float]]:
    """Bytes and best seconds per format (and "all")."""
    build_view = _imports(ROOT)[0]
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


# --- the same views ---------------------------------------------------------------------------------

_COMMON = ["Lenin", "wrote", "“all power”", "1918", "—", "é", "a,", "b.", "Notes", "CW, vol. 24, p. 5.", "â€œxâ€\x9d",
           "thousandÉ", "ÒWordÓ", "¹²", "”.4", "[12]", "1. ", "2. ", "↩", "https://x.org/a", "[[Page|label]]",
           " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "  \n", "\x00"]  # fmt: skip
_PIECES = {
    "text": ["    ", "References:\n", "Congress41", "1,118,000", "[1] https://a.b/c\n", "1.2 Section", "* bullet"],
    "markdown": ["*em*", "**b**", "_u_", "\\[1\\]", "&amp;", "&#x2014;", "[^1]", "\n[^1]: Note.\n", "\n> ", "\n> > ",
                 "\n- ", "\n1. ", "\n## Notes\n", "\n```\n", "\n    code", "`c`", "<sup>1</sup>", "<i>it</i>", "<br>",
                 "<div>\n", "\n</div>\n", "<!-- c -->", "[l](http://a.b)", "![i](x.png)", "<http://a.b>", "\n---\n",
                 "\n| a | b |\n|---|---|\n| c | d |\n", "~~s~~", "\nTerm\n: def\n", "\\*", "---\ntitle: T\n---\n"],
    "html": ["<p>", "</p>", "<div>", "</div>", "<blockquote>", "</blockquote>", "<i>", "</i>", "<sup>", "</sup>",
             "<br>", "<h3>Notes</h3>", "<ol>", "</ol>", "<li>", "<pre>", "</pre>", '<a href="#n1" name="f1">',
             '<a href="#f1" name="n1">', "</a>", '<p class="endnote">', "<title>T</title>", "&mdash;", "&#xD800;",
             "&bogus;", "<script>a='<p>';</script>", "<style>p{}</style>", "<?pi x?>", "<", ">", '"', "<a \"",
             "<table><tr><td>", "</td></tr></table>", "<q>", '<aside epub:type="footnote" id="fn2">'],
}  # fmt: skip


def generated(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``n`` seeded random documents per format, ``(format, text)``: markup, entities, mojibake, line ends."""
    rng = random.Random(seed)
    for _ in range(n):
        for fmt in FORMATS:
            pool = _COMMON + _PIECES[fmt]
            yield fmt, "".join(rng.choice(pool) for _ in range(rng.randint(0, 120)))


def _digest(build_view: Callable[[Any], Any], doc: Any) -> str:
    try:
        v = build_view(doc)
    except Exception as e:  # a crash is part of what a view is
        return f"error {type(e).__name__}: {e}"[:300]
    parts = (
        v.text,
        None if v.src is None else list(v.src),
        None if v.src_end is None else list(v.src_end),
        list(v.line_starts),
        tuple((b.kind, b.start, b.end, b.note, b.group, b.indented, b.depth) for b in v.blocks),
        tuple((m.kind, m.start, m.end, m.data) for m in v.marks),
        v.meta,
        tuple((r.line, r.column, r.original, r.replacement, r.reason) for r in v.repairs),
    )
    return hashlib.sha256(pickle.dumps(parts, protocol=4)).hexdigest()


def digest(folders: list[Path], code: Path, n_generated: int, recorded: list[Path]) -> dict[str, str]:
    """The digest of every view, by a name for its document."""
    build_view, document_from_text, _, _ = _imports(code)
    out: dict[str, str] = {}
    for folder in folders:
        for doc in documents(folder, code, recursive=True):
            for fmt in FORMATS:  # every file through every builder
                d = doc if fmt == doc.format else document_from_text(doc.path, doc.text, fmt)
                out[f"{folder.name}/{Path(doc.path).name}" + ("" if fmt == doc.format else f"#{fmt}")] = _digest(
                    build_view, d
                )
    for i, (fmt, text) in enumerate(generated(n_generated)):
        out[f"generated/{i}.{fmt}"] = _digest(build_view, document_from_text(f"g{i}", text, fmt))
    for path in recorded:
        with path.open("rb") as f:
            for key, (fmt, text) in pickle.load(f).items():
                out[f"recorded/{key}"] = _digest(build_view, document_from_text("recorded", text, fmt))
    return out


def compare(before: Path, after: Path) -> int:
    """Print the documents whose views differ; 1 when one that was built before differs."""
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    differ = sorted(k for k in a if k in b and a[k] != b[k])
    fixed = [k for k in differ if a[k].startswith("error")]
    changed = [k for k in differ if k not in fixed]
    print(
        f"{len(a)} views before, {len(b)} after, {len(set(a) & set(b))} in both: {len(changed)} differ, "
        f"{len(fixed)} that raised before differ"
    )
    for k in changed[:50] + fixed[:10]:
        print(f"  {k}: {a[k][:70]} -> {b[k][:70]}")
    return 1 if changed else 0


# --- recording the documents of a test run (pytest -p views) ---------------------------------------


def pytest_configure(config: Any) -> None:
    """With ``VIEWS_RECORD`` set, record each document whose view a test builds (for ``--digest``)."""
    out = os.environ.get("VIEWS_RECORD")
    if not out:
        return
    import citecheck.source.build as build

    seen: dict[str, tuple[str, str]] = {}
    inner = build._build

    def recording(doc: Any) -> Any:
        key = hashlib.sha256(f"{doc.format}\0{doc.text}".encode("utf-8", "surrogatepass")).hexdigest()
        seen.setdefault(key, (doc.format, doc.text))
        return inner(doc)

    build._build = recording

    def write() -> None:
        with open(out, "wb") as f:
            pickle.dump(seen, f)

    config.add_cleanup(write)


def main() -> None:
    """Print a Markdown table of MB/s per folder and format; or digest and compare views."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic-mb", type=float, default=20.0, help="size of the synthetic corpus (0: none)")
    parser.add_argument("--digest", type=Path, metavar="OUT", help="write the digest of every view as JSON")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose citecheck builds the views")
    parser.add_argument("--generated", type=int, default=4000, help="random documents per format in the digest")
    parser.add_argument("--recorded", type=Path, nargs="*", default=[], help="documents recorded from a test run")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"), help="compare two digests")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    _imports(args.code.resolve() if args.digest else ROOT)  # before bench imports citecheck from here
    sys.path.insert(0, str(HERE))
    from bench import corpus_of

    folders = [ROOT.parent / "shared" / "devset" / "texts", ROOT / "corpus"]
    if args.synthetic_mb:
        folders.append(corpus_of(args.synthetic_mb, HERE / "out")[0])
    folders = [f for f in folders if f.is_dir()]
    if args.digest:
        views = digest(folders, args.code.resolve(), args.generated, args.recorded)
        args.digest.write_text(json.dumps(views, indent=0, sort_keys=True))
        print(f"{len(views)} views digested", file=sys.stderr)
        return
    build_view, document_from_text, _, _ = _imports(ROOT)
    build_view(document_from_text("warm.md", "# warm\n\n*up*\n"))  # imports out of the timing
    print("| folder | format | MB | seconds | MB/s |\n|---|---|---|---|---|")
    for folder in folders:
        for fmt, (nbytes, secs) in sorted(measure(documents(folder)).items()):
            rate = nbytes / MB / secs if secs else float("inf")
            print(f"| {folder.name} | {fmt} | {nbytes / MB:.2f} | {secs:.3f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
