"""Fuzz the bibliography reader: Catalogue.load and bibtexparser on any bytes.

A bad file must raise CatalogueError (one line for the user), nothing else.

    .venv/bin/python fuzz/fuzz_bib.py -atheris_runs=100000
    .venv/bin/python fuzz/fuzz_bib.py --plain --runs 20000
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

import bibtexparser
from _harness import main

from citecheck.bibliography.catalogue import Catalogue, CatalogueError

logging.disable(logging.CRITICAL)
_FD, _PATH = tempfile.mkstemp(suffix=".bib")
os.close(_FD)


def target(data: bytes) -> None:
    """One input: parse with bibtexparser, then load as the curated catalogue."""
    text = data.decode("utf-8", "replace")
    bibtexparser.parse_string(text)
    Path(_PATH).write_bytes(data)
    with contextlib.suppress(CatalogueError):
        Catalogue.load(Path(_PATH))


if __name__ == "__main__":
    main(target)
