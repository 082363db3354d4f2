"""The cache of read primary texts: hits, misses, damaged entries, atomic writes."""

from __future__ import annotations

from pathlib import Path

from citecheck.models import Document, SourceText, SourceWords
from citecheck.primary.cache import SourceCache
from citecheck.primary.index import text_words
from citecheck.primary.load import load_sources, read_source
from citecheck.source.load import document_from_text
from tests.primary.conftest import PAGED_MARKDOWN, write_sources


def _read(doc: Document) -> tuple[SourceText, SourceWords]:
    text = read_source(doc)
    return text, text_words(text.text)


def test_hit_miss_and_rename(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "cache")
    doc = document_from_text("a/vol30.md", PAGED_MARKDOWN)
    assert cache.get(doc) is None
    cache.put(doc, *_read(doc))
    assert cache.get(doc) == _read(doc)
    moved = document_from_text("b/renamed.md", PAGED_MARKDOWN)
    hit = cache.get(moved)
    assert hit is not None and hit[0].path == "b/renamed.md"
    assert cache.get(document_from_text("a/vol30.md", PAGED_MARKDOWN + "more")) is None


def test_damaged_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "cache")
    doc = document_from_text("a.md", PAGED_MARKDOWN)
    cache.put(doc, *_read(doc))
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
    SourceCache(tmp_path, key=b"k" * 32).put(doc, *_read(doc))
    assert SourceCache(tmp_path, key=b"k" * 32).get(doc) == _read(doc)
    assert SourceCache(tmp_path, key=b"x" * 32).get(doc) is None  # and the entry is dropped
    assert SourceCache(tmp_path, key=b"k" * 32).get(doc) is None


def test_an_index_from_cached_words_is_the_index_built_afresh(tmp_path: Path) -> None:
    from citecheck.primary.index import SourceIndex

    root = write_sources(tmp_path / "src")
    fresh = load_sources([root], cache_dir=tmp_path / "cache")
    cached = load_sources([root], cache_dir=tmp_path / "cache")
    assert cached.cached == len(cached.texts) and cached.words == fresh.words
    a, b = SourceIndex.of(fresh), SourceIndex.build(fresh.texts, fresh.works)  # from words, and from the texts
    assert a.vocabulary == b.vocabulary and a.works == b.works
    for name in ("ids", "starts", "offsets", "keys", "positions"):
        assert (getattr(a, name) == getattr(b, name)).all(), name


def _slot(cache: SourceCache, doc: Document) -> Path:
    path = cache._path(cache.key(doc))
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_a_planted_entry_is_not_believed(tmp_path: Path) -> None:
    import hashlib
    import marshal

    from citecheck.primary import cache as module

    cache = SourceCache(tmp_path)  # the user's own key
    doc = document_from_text("a.md", PAGED_MARKDOWN)
    text, words = _read(doc)
    forged = marshal.dumps(("text", "words the source never said", (), (), 1, (), b"", b""))
    _slot(cache, doc).write_bytes(module._MAGIC + hashlib.sha256(forged).digest() + forged)  # a checksum anyone makes
    assert cache.get(doc) is None
    cache.put(doc, text, words)
    assert cache.get(doc) == (text, words)


def test_a_malformed_entry_with_a_valid_seal_is_rebuilt(tmp_path: Path) -> None:
    import marshal

    from citecheck.primary import cache as module

    cache = SourceCache(tmp_path, key=b"k" * 32)
    doc = document_from_text("a.md", PAGED_MARKDOWN)
    key = cache.key(doc)
    good = ("markdown", "text", (("title", "x"),), ((0, "1"),), 1, ("text",), b"\0\0\0\0", b"\0\0\0\0")
    for bad in (
        (b"markdown", *good[1:]),  # bytes for a string (str() made it "b'markdown'")
        (*good[:2], ((b"title", "x"),), *good[3:]),
        (*good[:3], (("0", "1"),), *good[4:]),  # a string for a number
        (*good[:5], frozenset({"text"}), *good[6:]),
        (*good[:6], b"\0\0\0\0", b""),
    ):
        payload = marshal.dumps(bad)
        _slot(cache, doc).write_bytes(module._MAGIC + cache._digest(key, payload) + payload)
        assert cache.get(doc) is None, bad
    payload = marshal.dumps(good)
    _slot(cache, doc).write_bytes(module._MAGIC + cache._digest(key, payload) + payload)
    assert cache.get(doc) is not None
