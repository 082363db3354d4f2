"""Primary texts tied to references.bib: work, volume, pages, dates, inherited headers, problems."""

from __future__ import annotations

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import SourceCollection, SourceWork
from citecheck.primary.tie import NO_HEADER


def _work(collection: SourceCollection, suffix: str) -> SourceWork:
    return next(w for w in collection.works if w.path.endswith(suffix))


# (file, key, volume, pages, date, date kind, header from, problem)
CASES = [
    ("congress/index.htm", "lenin-cw-29", "29", "141-225", "1919-03-20", "delivered", None, None),
    ("congress/01.htm", "lenin-cw-29", "29", "141-225", "1919-03-20", "delivered", "congress/index.htm", None),
    ("vol30/speeches.md", "lenin-cw-30", "30", "17-19", "1919-11", "date", None, None),
    ("vol27/accounts.txt", "lenin-cw-27", "27", None, "1918-03", "date", None, None),
    ("loose/electrification.txt", None, None, None, None, None, None, NO_HEADER),
    ("misdated/text.txt", "lenin-cw-24", "24", None, "1919-03", "date", None, None),
]


@pytest.mark.parametrize(
    ("suffix", "key", "volume", "pages", "date", "kind", "header_from", "problem"), CASES, ids=[c[0] for c in CASES]
)
def test_own_sources(
    own_collection: SourceCollection,
    suffix: str,
    key: str | None,
    volume: str | None,
    pages: str | None,
    date: str | None,
    kind: str | None,
    header_from: str | None,
    problem: str | None,
) -> None:
    w = _work(own_collection, suffix)
    inherited = w.header_from.split("/")[-2] + "/" + w.header_from.split("/")[-1] if w.header_from else None
    assert (w.key, w.volume, w.pages, w.date, w.date_kind, inherited, w.problem) == (
        key,
        volume,
        pages,
        date,
        kind,
        header_from,
        problem,
    )


def test_author_and_completeness(own_collection: SourceCollection) -> None:
    assert _work(own_collection, "congress/01.htm").author == "Lenin, V. I."
    assert _work(own_collection, "vol27/accounts.txt").complete
    assert not _work(own_collection, "vol30/speeches.md").complete
    assert _work(own_collection, "vol30/speeches.md").paged


def test_date_outside_the_volume_is_reported(own_collection: SourceCollection) -> None:
    [(path, why)] = own_collection.date_disagreements
    assert path.endswith("misdated/text.txt")
    assert "1919-03" in why and "vol. 24 1917-04/1917-06" in why and "fits vol. 28 or 29" in why


def test_real_sample(catalogue: Catalogue) -> None:
    from citecheck.primary.load import load_sources
    from tests.primary.conftest import SAMPLE

    if not SAMPLE.is_dir():
        pytest.skip(f"the real sample is not at {SAMPLE}")
    sample = load_sources([SAMPLE], catalogue)
    chapter = _work(sample, "1919/rcp8th/06.htm")
    assert (chapter.key, chapter.pages, chapter.date, chapter.edition) == (
        "lenin-cw-29",
        "141-225",
        "1919-03-18/1919-03-23",
        "4th English Edition",
    )
    assert chapter.header_from is not None and chapter.header_from.endswith("1919/rcp8th/index.htm")
    assert (
        _work(sample, "1920/lwc/ch01.htm").key == "lenin-cw-31"
    )  # "Collected Works, Volume 31" by the byline's author
    assert _work(sample, "1920/oct/02.htm").pages is None  # a source without a page range
    assert _work(sample, "1920/oct/02-abs.htm").problem == NO_HEADER
    assert sample.date_disagreements == ()


def test_parts_the_index_lists_but_the_sources_lack(tmp_path: object, catalogue: Catalogue) -> None:
    from pathlib import Path

    from citecheck.primary.load import load_sources
    from tests.primary.conftest import MIA_INDEX, write_sources

    assert isinstance(tmp_path, Path)
    root = write_sources(tmp_path)
    (root / "congress/index.htm").write_text(
        MIA_INDEX.replace('<p class="toc">', '<p class="toc"><a href="02.htm">Second speech</a></p><p class="toc">'),
        encoding="utf-8",
    )
    loaded = load_sources([root], catalogue)
    assert _work(loaded, "congress/01.htm").missing_parts == ("02.htm",)
    assert _work(loaded, "congress/index.htm").missing_parts == ("02.htm",)
    assert _work(loaded, "vol30/speeches.md").missing_parts == ()
