"""``citecheck sources``: read and index the primary texts, and list what they are.

Exit 0 when every file could be read (texts without a header are listed, not
errors); 2 when some could not, or when no sources are configured or given.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from citecheck.cli import app, common

if TYPE_CHECKING:
    from citecheck.models import SourceCollection, SourceWork


class SourcesFormat(StrEnum):
    """Output formats of ``citecheck sources``."""

    text = "text"
    json = "json"


@app.command()
def sources(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Folders or files of primary texts [default: config sources].")
    ] = None,
    fmt: Annotated[SourcesFormat, typer.Option("--format", "-f", help="text or json.")] = SourcesFormat.text,
    references: common.ReferencesOpt = None,
    config: common.ConfigOpt = None,
    no_cache: common.NoCacheOpt = False,
    cache_dir: common.CacheDirOpt = None,
) -> None:
    """Index the primary texts quotations are checked against, and list them: work, volume, pages, date, file.

    Sources come from [tool.citecheck] sources in pyproject.toml unless folders are given.
    """
    from dataclasses import replace

    from citecheck.primary.index import SourceIndex
    from citecheck.primary.load import load_sources

    settings, catalogue = common.setup_or_exit(config, None, references, None, no_cache, cache_dir)
    if paths:
        settings = replace(settings, sources=tuple(str(p) for p in paths))
    if not settings.sources:
        typer.echo("citecheck: no primary texts: give folders, or set sources = [...] in [tool.citecheck]", err=True)
        raise typer.Exit(2)
    collection = load_sources(settings.sources, catalogue, settings.cache_dir)
    index = SourceIndex.of(collection)
    works = index.works
    if fmt is SourcesFormat.json:
        typer.echo(json.dumps(_as_json(collection, works), indent=1, ensure_ascii=False))
    else:
        typer.echo(_as_text(collection, works), nl=False)
    if common.report_input_errors(collection.errors):
        raise typer.Exit(2)


def _as_json(collection: SourceCollection, works: tuple[SourceWork, ...]) -> dict[str, Any]:
    from dataclasses import asdict

    return {
        "sources": [asdict(w) for w in works],
        "date_disagreements": [{"path": p, "message": m} for p, m in collection.date_disagreements],
        "errors": [str(e) for e in collection.errors],
        "cached": collection.cached,
        "read": collection.read,
    }


def _as_text(collection: SourceCollection, works: tuple[SourceWork, ...]) -> str:
    """One block per work of references.bib, a line per text; then the texts tied to none, and problems."""
    lines: list[str] = []
    groups: dict[str, list[SourceWork]] = {}
    for w in works:
        groups.setdefault(w.work_key or "", []).append(w)
    for key in sorted(k for k in groups if k):
        members = sorted(groups[key], key=lambda w: (_volume_order(w.volume), w.path))
        lines.append(f"{members[0].author or 'unknown author'}: {key}")
        for w in members:
            lines.append("  " + _row(w))
    untied = groups.get("", [])
    if untied:
        lines.append("Not tied to a work of references.bib (still searched for unsourced quotations)")
        for w in untied:
            lines.append(f"  {w.path}: {w.problem or 'names no work'}" + (f" [{_facts(w)}]" if _facts(w) else ""))
    if collection.date_disagreements:
        lines.append("Dates that disagree with references.bib")
        for path, why in collection.date_disagreements:
            lines.append(f"  {path}: {why}")
    if collection.errors:
        lines.append("Could not read")
        for e in collection.errors:
            lines.append(f"  {e}")
    words = sum(w.words for w in works)
    lines.append(
        f"{len(works)} texts, {words:,} words indexed; {collection.cached} from the cache, {collection.read} read"
    )
    return "\n".join(lines) + "\n"


def _row(w: SourceWork) -> str:
    facts = _facts(w)
    inherited = f" (header from {w.header_from})" if w.header_from else ""
    return f"{facts}  {w.path}{inherited}" + (f"  [{w.problem}]" if w.problem else "")


def _facts(w: SourceWork) -> str:
    bits = []
    if w.volume:
        bits.append(f"vol. {w.volume}")
    bits.append(f"pp. {w.pages}" if w.pages and "-" in w.pages else f"p. {w.pages}" if w.pages else "no page range")
    if w.paged:
        bits.append("paged")
    if w.missing_parts:
        bits.append(f"parts not among the sources: {', '.join(w.missing_parts)}")
    if w.date:
        bits.append(f"{w.date_kind} {w.date}")
    if w.edition:
        bits.append(w.edition)
    if w.title:
        bits.append(f"“{w.title}”")
    return " · ".join(bits)


def _volume_order(volume: str | None) -> tuple[int, str]:
    return (int(volume), "") if volume and volume.isdigit() else (10**6, volume or "")
