"""The cache of read primary texts: hits, misses, damaged entries, atomic writes."""

from __future__ import annotations

from pathlib import Path

from citecheck.primary.cache import SourceCache
from citecheck.primary.load import load_sources, read_source
from citecheck.source.load import document_from_text
from tests.primary.conftest import PAGED_MARKDOWN, write_sources


def test_hit_miss_and_rename(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "cache")
    doc = document_from_text("a/vol30.md", PAGED_MARKDOWN)
    assert cache.get(doc) is None
    cache.put(doc, read_source(doc))
    assert cache.get(doc) == read_source(doc)
    moved = document_from_text("b/renamed.md", PAGED_MARKDOWN)
    hit = cache.get(moved)
    assert hit is not None and hit.path == "b/renamed.md"
    assert cache.get(document_from_text("a/vol30.md", PAGED_MARKDOWN + "more")) is None


def test_damaged_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "cache")
    doc = document_from_text("a.md", PAGED_MARKDOWN)
    cache.put(doc, read_source(doc))
    [entry] = list((tmp_path / "cache" / "sources").rglob("*.entry"))
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.get(doc) is None and not entry.exists()
    assert not list((tmp_path / "cache" / "sources").rglob("*.tmp"))


def test_load_uses_the_cache_incrementally(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src")
    first = load_sources([root], cache_dir=tmp_path / "cache")
    (root / "vol30/speeches.md").write_text(PAGED_MARKDOWN.replace("cook", "cook, every cook,"), encoding="utf-8")
    second = load_sources([root], cache_dir=tmp_path / "cache")
    assert (first.cached, first.read) == (0, 6)
    assert (second.cached, second.read) == (5, 1)
    assert second.texts != first.texts and len(second.texts) == 6


def test_entries_under_a_key_are_not_believed_under_another(tmp_path: Path) -> None:
    doc = document_from_text("a.md", PAGED_MARKDOWN)
    SourceCache(tmp_path, key=b"k" * 32).put(doc, read_source(doc))
    assert SourceCache(tmp_path, key=b"k" * 32).get(doc) == read_source(doc)
    assert SourceCache(tmp_path, key=b"x" * 32).get(doc) is None  # and the entry is dropped
    assert SourceCache(tmp_path, key=b"k" * 32).get(doc) is None


def test_the_index_is_kept_and_found_again(tmp_path: Path) -> None:
    from citecheck.primary.index import SourceIndex
    from citecheck.primary.verify import Verifier

    root = write_sources(tmp_path / "src")
    cache = tmp_path / "cache"
    collection = load_sources([root], cache_dir=cache)
    built = SourceIndex.of(collection, cache)
    [entry] = list((cache / "sources" / "index").glob("*.entry"))
    kept = SourceIndex.of(collection, cache)
    for name, array in built.arrays().items():
        assert (kept.arrays()[name] == array).all(), name
    assert kept.works == built.works and kept.vocabulary == built.vocabulary
    quote = "Every cook must learn to run the state"
    assert Verifier(kept).verify("e", "q", quote) == Verifier(built).verify("e", "q", quote)
    # damaged: ignored, dropped, built again
    entry.write_bytes(entry.read_bytes()[:-10])
    again = SourceIndex.of(collection, cache)
    assert again.size == built.size and len(list((cache / "sources" / "index").glob("*.entry"))) == 1
    # other texts: another index, which replaces the first
    (root / "loose/more.txt").write_text("Another text altogether.\n", encoding="utf-8")
    SourceIndex.of(load_sources([root], cache_dir=cache), cache)
    [other] = list((cache / "sources" / "index").glob("*.entry"))
    assert other.name != entry.name
