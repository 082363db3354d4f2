"""The extraction cache: reused when nothing changed, rebuilt when anything did, never trusted when damaged."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.pipeline import Execution, extract_paths
from citecheck.runtime.cache import Cache
from citecheck.source.load import document_from_text
from tests.conftest import ROOT

ESSAY = "An essay\n\nLenin said “we must learn to trade like cultured merchants”.1\n\nNotes\n\n  1. VI Lenin CW Vol 33, Moscow 1965, p{page}.\n"


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
