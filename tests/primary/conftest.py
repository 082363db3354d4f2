"""Primary texts written for the tests: an archive-style congress (index page and a chapter without
a header), a paged Markdown volume, a complete volume in plain text, a text without a header,
and a text whose date its volume cannot hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import SourceCollection
from citecheck.primary.index import SourceIndex
from citecheck.primary.load import load_sources
from tests.conftest import ROOT, SHARED

SAMPLE = SHARED / "primary"

MIA_INDEX = """<!DOCTYPE html>
<html><head><title>Ninth Congress of the Grain Workers</title>
<meta name="author" content="Vladimir Lenin" /></head>
<body><h2>V. I. Lenin</h2><h1>Ninth Congress of the Grain Workers<a href="#fw01" name="bk01"><sup class="enote">[1]</sup></a></h1>
<h4>March 18-23, 1919</h4>
<p class="information">
 <span class="info">Delivered:</span> March 20, 1919<br />
 <span class="info">First Published:</span> Pravda, 1929<br />
 <span class="info">Source:</span> Lenin&#8217;s <em>Collected Works</em>, 4th English Edition, Progress Publishers, Moscow, 1972 Volume 29, pages 141-225<br />
 <span class="info">Translated:</span> A. Translator
</p>
<h3>Table of Contents</h3><p class="toc"><a href="01.htm">Speech on the grain monopoly</a></p>
<h3>Endnotes</h3><p class="endnote"><a name="fw01">[1]</a> The congress met in Moscow.</p>
</body></html>
"""

MIA_CHAPTER = """<!DOCTYPE html>
<html><head><title>Ninth Congress of the Grain Workers: Section One</title>
<meta name="author" content="Vladimir Lenin" /></head>
<body><h2>V. I. Lenin</h2><h4>Ninth Congress of the Grain Workers</h4>
<h3>Speech on the grain monopoly</h3>
<p class="fst">Comrades, the grain monopoly must be kept at all costs<a href="#fw03" name="bk03"><sup
 class="enote">[3]</sup></a>, for without it the towns will starve before the spring sowing is over.
 <span class="inote">[The Moscow and Petrograd districts.&#8212;Ed.]</span> We shall not give up the
 monopoly, whatever the speculators say in their newspapers.</p>
<p>The peasant who sells his surplus to the state is our ally, and the peasant who hoards it for the
 speculator is our enemy, however poor he may be.</p>
<h3>Endnotes</h3>
<p class="endnote"><a name="fw03">[3]</a> The grain monopoly was introduced by decree in the spring.</p>
<p class="footer"><a href="index.htm">Table of Contents</a></p>
<script>document.write("navigation")</script>
</body></html>
"""

PAGED_MARKDOWN = """---
author: Lenin
title: Speeches on Organisation
key: lenin-cw-30
pages: 17-19
date: 1919-11
---
# Speeches on *Organisation*

[p. 17]
The electrification of the railways is a matter for the whole country and not for one ministry
alone, and it will take many years.

{18}
Every cook must learn to govern the state, and every worker must learn to keep accounts of the
grain he carries to the station.

page 19
The Red Army has shown that the working class can organise an army of a new type, and *that*
no general of the old regime believed possible.
"""

COMPLETE_TEXT = """---
author: Lenin
key: lenin-cw-27
complete: true
date: 1918-03
---
We must learn from the capitalists how to keep accounts, and we must learn it quickly, for the
revolu-
tionary workers of the towns must take the lead in the countryside.
"""

NO_HEADER = """Communism is Soviet power plus the electrification of the whole country, for without
electrification industry cannot be rebuilt and the peasants will not follow us.
"""

MISDATED = """---
author: Lenin
key: lenin-cw-24
date: 1919-03
---
A text whose date its volume cannot hold, for the tests of the date check.
"""


def write_sources(root: Path) -> Path:
    """Write the test sources under ``root``; return ``root``."""
    files = {
        "congress/index.htm": MIA_INDEX,
        "congress/01.htm": MIA_CHAPTER,
        "vol30/speeches.md": PAGED_MARKDOWN,
        "vol27/accounts.txt": COMPLETE_TEXT,
        "loose/electrification.txt": NO_HEADER,
        "misdated/text.txt": MISDATED,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


@pytest.fixture(scope="session")
def own_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sources(tmp_path_factory.mktemp("sources"))


@pytest.fixture(scope="session")
def own_collection(own_sources: Path, catalogue: Catalogue) -> SourceCollection:
    return load_sources([own_sources], catalogue)


@pytest.fixture(scope="session")
def own_index(own_collection: SourceCollection) -> SourceIndex:
    return SourceIndex.of(own_collection)


@pytest.fixture(scope="session")
def sample_index(catalogue: Catalogue) -> SourceIndex:
    if not SAMPLE.is_dir():
        pytest.skip(f"the real sample of primary texts is not at {SAMPLE}")
    return SourceIndex.of(load_sources([SAMPLE], catalogue))
