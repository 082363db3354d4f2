"""Whether a change left every extraction as it was: digests of ``extract_document``'s JSON.

Run from the repository root, before and after a change (``--code`` picks the checkout)::

    git worktree add /tmp/before HEAD~3        # or: git archive HEAD~3 | tar -x -C /tmp/before
    .venv/bin/python benchmarks/extracts.py --digest before.json --code /tmp/before
    .venv/bin/python benchmarks/extracts.py --digest after.json
    .venv/bin/python benchmarks/views.py --compare before.json after.json

The digest covers every file of ``../shared/devset/texts``, ``corpus/`` and ``../shared/corpus``
read as each of the three formats, ``--generated`` seeded random documents per format
(``views.generated``), the synthetic corpora already written under ``benchmarks/out/``, and the
documents a test run recorded (``VIEWS_RECORD=FILE PYTHONPATH=benchmarks pytest -p views``). The
comparison is the one of ``views.py``: it prints the documents whose extraction differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from views import FORMATS, documents, generated  # noqa: E402


def _digest(extract: Any, catalogue: Any, doc: Any) -> str:
    try:
        out = json.dumps(extract(doc, catalogue).to_json(), sort_keys=True, ensure_ascii=True)
    except Exception as e:  # a crash is part of what an extraction is
        out = f"error {type(e).__name__}: {e}"[:300]
    return hashlib.sha256(out.encode()).hexdigest()


def digest(code: Path, n_generated: int, recorded: list[Path]) -> dict[str, str]:
    """The digest of every extraction, by a name for its document."""
    sys.path.insert(0, str(code))
    from citecheck.bibliography.catalogue import Catalogue
    from citecheck.extract.engine import extract_document
    from citecheck.source.load import document_from_text

    catalogue = Catalogue.load(ROOT / "references.bib")
    out: dict[str, str] = {}
    real = [ROOT.parent / "shared" / "devset" / "texts", ROOT / "corpus", ROOT.parent / "shared" / "corpus"]
    for folder in (f for f in real if f.is_dir()):
        for doc in documents(folder, code, recursive=True):
            for fmt in FORMATS:  # every file through every format
                d = doc if fmt == doc.format else document_from_text(doc.path, doc.text, fmt)
                out[f"{folder.name}/{Path(doc.path).name}#{fmt}"] = _digest(extract_document, catalogue, d)
    for folder in sorted((HERE / "out").glob("corpus-*")):
        for doc in documents(folder, code):
            out[f"{folder.name}/{Path(doc.path).name}"] = _digest(extract_document, catalogue, doc)
    for i, (fmt, text) in enumerate(generated(n_generated)):
        out[f"generated/{i}.{fmt}"] = _digest(extract_document, catalogue, document_from_text(f"g{i}", text, fmt))
    for path in recorded:
        with path.open("rb") as f:
            for key, (fmt, text) in pickle.load(f).items():
                doc = document_from_text("recorded", text, fmt)
                out[f"recorded/{key}"] = _digest(extract_document, catalogue, doc)
    return out


def main() -> None:
    """Write the digest of every extraction as JSON."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--digest", type=Path, metavar="OUT", required=True, help="write the digests here")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose citecheck extracts")
    parser.add_argument("--generated", type=int, default=1000, help="random documents per format")
    parser.add_argument("--recorded", type=Path, nargs="*", default=[], help="documents recorded from a test run")
    args = parser.parse_args()
    found = digest(args.code.resolve(), args.generated, args.recorded)
    args.digest.write_text(json.dumps(found, indent=0, sort_keys=True))
    print(f"{len(found)} extractions digested", file=sys.stderr)


if __name__ == "__main__":
    main()
