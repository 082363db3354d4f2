"""The whole job as one library call: load -> extract -> resolve -> normalise -> check.

This is the API the CLI, the report and the CI mode share.  Each stage lives in
its own module; this one only wires them together.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from citecheck.bibliography.catalogue import Catalogue
from citecheck.models import CheckResult, Document, DocumentResult, InputError, InputWarning
from citecheck.runtime.cache import Cache, CacheKeyError
from citecheck.settings import Settings, excluded
from citecheck.source.load import iter_input_files, read_document, shown_path


@dataclass(frozen=True, slots=True)
class ExtractOutcome:
    """Documents extracted from the inputs, the inputs that could not be read, and cache use."""

    documents: tuple[DocumentResult, ...]
    errors: tuple[InputError, ...]
    #: How many documents came from the cache, and how many were extracted by this run.
    cached: int = 0
    extracted: int = 0
    #: What the user should know but that stopped nothing: an encoding guessed, the cache not used.
    warnings: tuple[InputWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class Execution:
    """How extraction runs: where, in how many processes, with which cache, reporting progress to whom."""

    #: Extraction processes; 0 means one per core this process may use.
    jobs: int = 1
    cache_dir: str | None = None
    #: A Dask distributed scheduler address (``tcp://host:port``); None runs locally.
    scheduler: str | None = None
    #: Called with the number of documents once they are known, then returns a per-document tick.
    progress: Callable[[int], Callable[[], None]] | None = None


def input_files(
    paths: Iterable[str | os.PathLike[str]],
    exclude: Sequence[str] = (),
    outputs: Iterable[str | os.PathLike[str] | None] = (),
) -> Iterator[Path | InputError]:
    """The files a run reads under ``paths`` (sorted, each once), and the paths that cannot be read.

    Files found by walking a folder are skipped when an ``exclude`` glob matches
    them (see :func:`citecheck.settings.excluded`) or when they are one of the
    run's own ``outputs`` (a report must not be read back as an essay), or lie
    in one of them, a folder (the primary texts are not essays); a file named
    directly is always read.
    """
    given = [Path(p) for p in paths]
    named = {p for p in given if p.is_file()}
    skip = {os.path.realpath(o) for o in outputs if o is not None}
    for item in iter_input_files(given):
        if isinstance(item, Path) and item not in named and _skipped(item, exclude, skip):
            continue
        yield item


def _skipped(path: Path, exclude: Sequence[str], outputs: set[str]) -> bool:
    if exclude and excluded(path.as_posix(), exclude):
        return True
    real = os.path.realpath(path) if outputs else ""
    return bool(outputs) and (real in outputs or any(real.startswith(o + os.sep) for o in outputs))


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    catalogue: Catalogue | None = None,
    execution: Execution | None = None,
    exclude: Sequence[str] = (),
    outputs: Iterable[str | os.PathLike[str] | None] = (),
) -> ExtractOutcome:
    """Extract every readable file under ``paths`` (see :func:`input_files`); unreadable ones become errors.

    Documents come out sorted by path, so the result does not depend on the
    order the paths were given in, nor on how many processes extracted them.
    """
    cat = catalogue or Catalogue.empty()
    run = execution or Execution()
    docs: list[Document] = []
    errors: list[InputError] = []
    warnings: list[InputWarning] = []
    for item in input_files(paths, exclude, outputs):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        loaded = read_document(item, display_path=item.as_posix())
        if isinstance(loaded, InputError):
            errors.append(loaded)
        else:
            docs.append(loaded)
            if loaded.note:
                warnings.append(InputWarning(loaded.path, loaded.note))
    docs.sort(key=lambda d: d.path)
    tick = run.progress(len(docs)) if run.progress else None
    cache = None
    if run.cache_dir:
        try:
            cache = Cache(run.cache_dir, cat.digest)
        except CacheKeyError as exc:
            warnings.append(InputWarning(shown_path(run.cache_dir), f"cache not used: {exc}"))
    results: list[DocumentResult | None] = cache.get_many(docs) if cache else [None] * len(docs)
    todo = [i for i, r in enumerate(results) if r is None]
    if tick:
        for _ in range(len(docs) - len(todo)):
            tick()
    fresh = _extract([docs[i] for i in todo], cat, run, tick)
    for i, result in zip(todo, fresh, strict=True):
        results[i] = result
        if cache:
            cache.put(docs[i], result)
    # The encoding is the file's, not the text's: a cached result is keyed by the decoded text alone.
    done = [
        r if r.encoding == d.encoding else replace(r, encoding=d.encoding)
        for d, r in zip(docs, results, strict=True)
        if r is not None
    ]
    return ExtractOutcome(tuple(done), tuple(errors), len(docs) - len(todo), len(todo), tuple(warnings))


def _extract(
    docs: list[Document], catalogue: Catalogue, run: Execution, tick: Callable[[], None] | None
) -> list[DocumentResult]:
    if not docs:
        return []  # everything came from the cache: the extraction modules are never imported
    from citecheck.runtime import workers

    if run.scheduler:
        return workers.extract_on_dask(docs, catalogue, run.scheduler, tick)
    return workers.extract_in_processes(docs, catalogue, worker_count(run.jobs), tick)


def worker_count(jobs: int) -> int:
    """Processes to extract in: ``jobs``, 0 meaning one per usable core, never more than the usable cores.

    More processes than cores cannot go faster, and a configured
    ``jobs = 100000`` must not fork thousands of them.
    """
    cpus = usable_cpus()
    return min(jobs or cpus, cpus)


def usable_cpus() -> int:
    """The cores this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_check(
    paths: Sequence[str | os.PathLike[str]],
    catalogue: Catalogue,
    settings: Settings | None = None,
    execution: Execution | None = None,
) -> CheckResult:
    """Extract, normalise and run the rules over ``paths``."""
    from citecheck.bibliography.normalise import normalise_all
    from citecheck.checks.run import run_rules

    cfg = settings or Settings()
    outputs = (cfg.report, cfg.bibliography, *cfg.sources)  # none of them is an essay
    outcome = extract_paths(paths, catalogue, execution, cfg.exclude_globs, outputs)
    normalised = normalise_all(outcome.documents, catalogue)
    errors = outcome.errors
    primary = None
    if cfg.sources:
        from citecheck.primary.index import SourceIndex
        from citecheck.primary.load import load_sources

        collection = load_sources(cfg.sources, catalogue, (execution or Execution()).cache_dir)
        primary = SourceIndex.of(collection)
        errors = errors + collection.errors
    findings = run_rules(outcome.documents, normalised, catalogue, settings, primary)
    return CheckResult(outcome.documents, normalised, findings, errors, outcome.warnings)
