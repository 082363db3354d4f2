"""Extraction as a map over documents: here, in N local processes, or on a Dask cluster.

Extraction of one document depends only on that document and the catalogue,
so it parallelises as a plain map; the results are put back in input order, so
the output is the same whichever executor ran it.  Workers return results
without the source text (the parent process has it), which keeps the traffic
between processes to the extracted records.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from citecheck.bibliography.catalogue import Catalogue
from citecheck.extract.engine import extract_document
from citecheck.models import Document, DocumentResult, SchedulerError

#: Called once per finished document (for a progress bar).
Tick = Callable[[], None]

#: Seconds to wait for a Dask scheduler to answer.
SCHEDULER_TIMEOUT = 10.0

_worker_catalogue: Catalogue | None = None


def extract_here(docs: Sequence[Document], catalogue: Catalogue, tick: Tick | None = None) -> list[DocumentResult]:
    """Extract ``docs`` one after another in this process."""
    out = []
    for d in docs:
        out.append(extract_document(d, catalogue))
        if tick:
            tick()
    return out


def extract_in_processes(
    docs: Sequence[Document], catalogue: Catalogue, jobs: int, tick: Tick | None = None
) -> list[DocumentResult]:
    """Extract ``docs`` in ``jobs`` local processes; results in input order."""
    if jobs <= 1 or len(docs) < 2:
        return extract_here(docs, catalogue, tick)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(16, len(docs) // (jobs * 4)))
    out: list[DocumentResult] = []
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=(catalogue,)) as pool:
        for doc, result in zip(docs, pool.map(_extract, docs, chunksize=chunk), strict=True):
            out.append(replace(result, source=doc.text))
            if tick:
                tick()
    return out


def extract_on_dask(
    docs: Sequence[Document],
    catalogue: Catalogue,
    address: str,
    tick: Tick | None = None,
    timeout: float | None = None,
) -> list[DocumentResult]:
    """Extract ``docs`` on the Dask distributed scheduler at ``address`` (``tcp://host:port``).

    The workers need citecheck installed (``pip install 'citecheck[dask]'``);
    the catalogue is sent to them once.
    """
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError("--scheduler needs Dask: pip install 'citecheck[dask]'") from None
    try:
        client = Client(address, timeout=f"{timeout or SCHEDULER_TIMEOUT}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        shared = client.scatter(catalogue, broadcast=True)
        futures = client.map(_extract_with, docs, catalogue=shared, pure=False)
        results = []
        for future in futures:  # in input order; the cluster works on all of them meanwhile
            results.append(future.result())
            if tick:
                tick()
    return [replace(r, source=d.text) for d, r in zip(docs, results, strict=True)]


def _init(catalogue: Catalogue) -> None:
    global _worker_catalogue
    _worker_catalogue = catalogue


def _extract(doc: Document) -> DocumentResult:
    return _extract_with(doc, _worker_catalogue or Catalogue.empty())


def _extract_with(doc: Document, catalogue: Catalogue) -> DocumentResult:
    return replace(extract_document(doc, catalogue), source="")
