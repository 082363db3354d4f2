"""Every executor gives the same extraction: in this process, in local processes, on a Dask cluster."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import Document, DocumentResult
from citecheck.runtime.workers import SchedulerError, extract_here, extract_in_processes, extract_on_dask
from citecheck.source.load import iter_input_files, read_document
from tests.conftest import ROOT

Executor = Callable[[list[Document], Catalogue], list[DocumentResult]]


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="Dask is the optional citecheck[dask] extra")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        yield cluster.scheduler_address


EXECUTORS: dict[str, Callable[[pytest.FixtureRequest], Executor]] = {
    "here": lambda _: extract_here,
    "2 processes": lambda _: lambda d, c: extract_in_processes(d, c, 2),
    "3 processes": lambda _: lambda d, c: extract_in_processes(d, c, 3),
    "dask cluster": lambda req: lambda d, c: extract_on_dask(d, c, req.getfixturevalue("dask_address")),
}


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    docs = [read_document(p, p.as_posix()) for p in iter_input_files([ROOT / "corpus"])]
    return [d for d in docs if isinstance(d, Document)]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT / "references.bib")


def _json(results: list[DocumentResult]) -> str:
    return json.dumps([r.to_json() for r in results], sort_keys=True)


@pytest.mark.parametrize("name", sorted(EXECUTORS))
def test_every_executor_gives_identical_results(
    request: pytest.FixtureRequest, name: str, documents: list[Document], catalogue: Catalogue
) -> None:
    expected = extract_here(documents, catalogue)
    got = EXECUTORS[name](request)(documents, catalogue)
    assert _json(got) == _json(expected)
    assert [r.source for r in got] == [d.text for d in documents]  # the text is back on every result


def test_progress_ticks_once_per_document(documents: list[Document], catalogue: Catalogue) -> None:
    ticks: list[int] = []
    extract_in_processes(documents, catalogue, 2, lambda: ticks.append(1))
    assert len(ticks) == len(documents)


def test_an_unreachable_scheduler_is_a_clear_error(documents: list[Document], catalogue: Catalogue) -> None:
    pytest.importorskip("distributed")
    with pytest.raises(SchedulerError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        extract_on_dask(documents[:1], catalogue, "tcp://127.0.0.1:9", timeout=1)


def test_files_in_any_order_give_the_same_result(tmp_path: Path, catalogue: Catalogue) -> None:
    from citecheck.pipeline import Execution, extract_paths

    corpus = ROOT / "corpus"
    names = sorted(p.name for p in corpus.iterdir())
    forward = extract_paths([corpus / n for n in names], catalogue, Execution(jobs=2))
    backward = extract_paths([corpus / n for n in reversed(names)], catalogue)
    assert _json(list(forward.documents)) == _json(list(backward.documents))
