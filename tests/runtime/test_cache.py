"""The extraction cache: reused when nothing changed, rebuilt when anything did, never trusted when damaged."""

from __future__ import annotations

import hashlib
import json
import marshal
import multiprocessing
import os
import shutil
import stat
from pathlib import Path

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import Document
from citecheck.pipeline import Execution, extract_paths
from citecheck.runtime import cache as cache_module
from citecheck.runtime.cache import Cache
from citecheck.source.load import document_from_text
from tests.conftest import ESSAY, ROOT


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"e{i}.txt").write_text(ESSAY.format(page=100 + i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


def _run(corpus: Path, catalogue: Catalogue, cache: Path | None, jobs: int = 1) -> tuple[str, int, int]:
    out = extract_paths([corpus], catalogue, Execution(jobs=jobs, cache_dir=str(cache) if cache else None))
    text = json.dumps([d.to_json() for d in out.documents], sort_keys=True)
    return text, out.cached, out.extracted


def test_second_run_reads_everything_from_the_cache(corpus: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run(corpus, catalogue, cache)
    second = _run(corpus, catalogue, cache)
    assert first[1:] == (0, 6) and second[1:] == (6, 0)
    assert first[0] == second[0] == _run(corpus, catalogue, None)[0]


def test_editing_one_file_re_extracts_only_it(corpus: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(corpus, catalogue, cache)
    (corpus / "e3.txt").write_text(ESSAY.format(page=999), encoding="utf-8")
    text, cached, extracted = _run(corpus, catalogue, cache)
    assert (cached, extracted) == (5, 1) and '"pages": "999"' in text


def test_a_renamed_file_is_a_hit_under_its_new_name(corpus: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(corpus, catalogue, cache)
    (corpus / "e0.txt").rename(corpus / "renamed.txt")
    text, cached, extracted = _run(corpus, catalogue, cache)
    assert (cached, extracted) == (6, 0) and "renamed.txt" in text and "e0.txt" not in text


def test_another_catalogue_misses(corpus: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(corpus, catalogue, cache)
    assert _run(corpus, Catalogue.empty(), cache)[1:] == (0, 6)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-5] + b"XXXXX",  # flipped bytes
        lambda b: b"",  # empty
        lambda b: b"not a cache entry at all",
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(
    corpus: Path, catalogue: Catalogue, tmp_path: Path, damage: object
) -> None:
    cache = tmp_path / "cache"
    clean = _run(corpus, catalogue, cache)[0]
    for entry in cache.rglob("*.entry"):
        entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    text, cached, extracted = _run(corpus, catalogue, cache)
    assert text == clean and (cached, extracted) == (0, 6)
    assert _run(corpus, catalogue, cache)[1:] == (6, 0)  # rebuilt


def test_no_cache_writes_nothing(corpus: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    _run(corpus, catalogue, None)
    assert not any(p.name == "cache" for p in tmp_path.iterdir())


def _fill(args: tuple[str, str]) -> int:
    folder, text = args
    cache = Cache(folder, "same")
    doc = document_from_text("a.txt", text)
    from citecheck.extract.engine import extract_document

    for _ in range(30):
        cache.put(doc, extract_document(doc, None))
        if cache.get(doc) is None:
            return 1
    return 0


def test_concurrent_writers_never_leave_a_bad_entry(tmp_path: Path) -> None:
    folder = str(tmp_path / "cache")
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert sum(pool.map(_fill, [(folder, ESSAY.format(page=1))] * 4)) == 0
    assert not list((tmp_path / "cache").rglob("*.tmp"))


# --- entries a repository could plant are not trusted (issue 17) ------------------------------


def _doc() -> Document:
    return document_from_text("e.txt", ESSAY.format(page=7))


def _forge(payload: bytes, mac: bytes) -> bytes:
    return cache_module._MAGIC + mac + payload


def _gutted(cache: Cache, doc: Document) -> bytes:
    """The doc's real results with every citation removed: what a planted entry would say."""
    from citecheck.extract.engine import extract_document

    real = cache_module._encode(extract_document(doc, None))
    return marshal.dumps((*real[:3], (), real[4], real[5]))


@pytest.mark.parametrize("how", ["sha256", "other-key", "other-slot"])
def test_a_planted_entry_is_ignored_and_rebuilt(tmp_path: Path, how: str) -> None:
    cache = Cache(tmp_path / "cache", "cat")
    doc = _doc()
    slot = cache._path(cache.key(doc))
    slot.parent.mkdir(parents=True)
    payload = _gutted(cache, doc)
    if how == "sha256":  # a checksum anyone can compute (the format before)
        slot.write_bytes(_forge(payload, hashlib.sha256(payload).digest()))
    elif how == "other-key":  # sealed, but with a key that is not this user's
        slot.write_bytes(Cache(tmp_path / "x", "cat", key=b"k" * 32).seal(cache.key(doc), payload))
    else:  # a genuine entry of this user's, for another text, copied into this slot
        slot.write_bytes(cache.seal(cache.key(document_from_text("other.txt", "other text")), payload))
    assert cache.get(doc) is None and not slot.exists()  # ignored and removed: this run rebuilds it


def _bad_payloads(cache: Cache, doc: Document) -> list[bytes]:
    from citecheck.extract.engine import extract_document

    path, sha, fmt, citations, quotations, repairs = cache_module._encode(extract_document(doc, None))

    def first_with(column: int, value: object) -> tuple[tuple[object, ...], ...]:
        """The first citation alone, one of its fields replaced."""
        return tuple((value,) if i == column else col[:1] for i, col in enumerate(citations))

    return [
        marshal.dumps((path, sha, fmt, first_with(0, b"c1"), quotations, repairs)),  # bytes for a string
        marshal.dumps((path, sha, fmt, first_with(0, frozenset({"c1"})), quotations, repairs)),
        marshal.dumps((path, sha, fmt, first_with(1, "1"), quotations, repairs)),  # str for an int
        marshal.dumps((path, sha, fmt, citations[:-1], quotations, repairs)),  # a field short
        marshal.dumps((path, sha, fmt, (*citations[:-1], citations[-1] + (None,)), quotations, repairs)),  # ragged
        marshal.dumps((path, sha, b"text", citations, quotations, repairs)),
        marshal.dumps((path, sha, fmt, list(citations), quotations, repairs)),  # a list for a tuple
        marshal.dumps((path, sha, fmt, (list(citations[0]), *citations[1:]), quotations, repairs)),
        marshal.dumps((path, sha, fmt)),
        marshal.dumps("not a tuple"),
        b"\xff\xfe not marshal at all",
    ]


def test_a_malformed_entry_with_a_valid_seal_is_rebuilt_never_a_type_error(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", "cat")
    doc = _doc()
    slot = cache._path(cache.key(doc))
    slot.parent.mkdir(parents=True)
    for payload in _bad_payloads(cache, doc):
        slot.write_bytes(cache.seal(cache.key(doc), payload))
        assert cache.get(doc) is None
    from citecheck.extract.engine import extract_document

    cache.put(doc, extract_document(doc, None))
    got = cache.get(doc)
    assert got is not None and got.citations and got.citations[0].id == "c1"


def test_planted_entries_do_not_change_the_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from citecheck.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ESSAY.format(page=100), encoding="utf-8")
    (corpus / "b.txt").write_text(ESSAY.format(page=200), encoding="utf-8")  # same words, another page: CC101
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    monkeypatch.chdir(tmp_path)
    args = ["check", "corpus", "--no-html", "--no-bib", "--format", "json"]
    clean = CliRunner().invoke(app, [*args, "--no-cache"])
    assert clean.exit_code == 1 and json.loads(clean.stdout)["summary"]["findings"] > 0
    assert CliRunner().invoke(app, args).stdout == clean.stdout  # fills the cache
    for entry in (tmp_path / ".citecheck-cache").rglob("*.entry"):  # every entry gutted, checksummed anew
        data = entry.read_bytes()
        stored = marshal.loads(data[len(cache_module._MAGIC) + 32 :])
        payload = marshal.dumps((*stored[:3], (), stored[4], stored[5]))
        entry.write_bytes(_forge(payload, hashlib.sha256(payload).digest()))
    planted = CliRunner().invoke(app, args)
    assert (planted.exit_code, planted.stdout) == (1, clean.stdout)


def test_the_key_is_made_once_per_user_outside_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_module.key_path() == tmp_path / "xdg" / "citecheck" / "key"
    first = cache_module.user_key()
    path = tmp_path / "xdg" / "citecheck" / "key"
    assert len(first) == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cache_module.user_key() == first and sorted(os.listdir(path.parent)) == ["key"]
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_module.key_path() == tmp_path / "home" / ".cache" / "citecheck" / "key"


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda p: p.chmod(0o644), "must be owned by you and readable by no one else (chmod 600)"),
        (lambda p: p.write_bytes(b"short"), "not a key of 32 bytes (delete it to make a new one)"),
    ],
)
def test_a_key_others_could_read_or_write_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path, catalogue: Catalogue, spoil: object, message: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache_module.user_key()
    spoil(tmp_path / "xdg" / "citecheck" / "key")  # type: ignore[operator]
    with pytest.raises(cache_module.CacheKeyError) as err:
        cache_module.user_key()
    assert str(err.value).endswith(message)
    out = extract_paths([corpus], catalogue, Execution(cache_dir=str(tmp_path / "cache")))
    assert (out.cached, out.extracted) == (0, 6) and not (tmp_path / "cache").exists()  # no cache, same results
    assert [str(w) for w in out.warnings] == [
        f"{tmp_path / 'cache'}: cache not used: {tmp_path / 'xdg'}/citecheck/key: {message}"
    ]


def test_a_key_that_cannot_be_made_only_costs_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path, catalogue: Catalogue
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file where the folder should be
    out = extract_paths([corpus], catalogue, Execution(cache_dir=str(tmp_path / "cache")))
    assert (out.cached, out.extracted) == (0, 6) and len(out.documents) == 6
    (warning,) = out.warnings
    assert "cache not used: cannot create" in warning.message


def test_equal_strings_are_stored_once_per_entry() -> None:
    """marshal writes an object it has seen as a reference: one author cited forty times is stored once."""
    from citecheck.models import Citation, DocumentResult

    names = ["Lenin, V. I.".upper().title() for _ in range(2)]  # equal, but two objects
    assert names[0] == names[1] and names[0] is not names[1]
    cites = tuple(Citation(f"c{i}", i, 1, 0, 1, "x", "footnote", author=name) for i, name in enumerate(names, 1))
    _, _, _, columns, _, _ = cache_module._encode(DocumentResult("a.txt", "0" * 64, "text", cites))
    authors = columns[[f.name for f in cache_module.fields(Citation)].index("author")]
    assert authors[0] is authors[1]


def test_a_cached_read_pauses_the_collector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    cache = Cache(tmp_path / "cache", "cat")
    seen: list[bool] = []
    monkeypatch.setattr(Cache, "get", lambda self, doc: seen.append(gc.isenabled()))
    assert cache.get_many([_doc(), _doc()]) == [None, None]
    assert seen == [False, False] and gc.isenabled()
