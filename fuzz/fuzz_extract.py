"""Fuzz the loader and the extractor: any bytes in, a result or an InputError out, never an exception.

.venv/bin/python fuzz/fuzz_extract.py -atheris_runs=100000     # with atheris
.venv/bin/python fuzz/fuzz_extract.py --plain --runs 20000     # without
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import main

from citecheck.cli.extract_cmd import dumps
from citecheck.extract.engine import extract_document
from citecheck.source.load import decode, document_from_text

FORMATS = ("text", "markdown", "html")


def target(data: bytes) -> None:
    """One input: decode it, extract in every format, check spans and JSON."""
    text, _ = decode(data)
    if text is None:
        text = data.decode("utf-8", "surrogateescape")  # even undecodable text must not crash
    for fmt in FORMATS:
        result = extract_document(document_from_text(f"f.{fmt}", text, fmt))
        for c in result.citations:
            if text[c.start : c.end] != c.raw:
                raise AssertionError(f"citation raw does not match its span: {c}")
        json.loads(dumps(result.to_json()))


if __name__ == "__main__":
    main(target)
