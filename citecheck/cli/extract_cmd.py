"""``citecheck extract``: print every citation and quotation as JSON or JSON Lines."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer

from citecheck.cli import app, common


class ExtractFormat(StrEnum):
    """Output formats of ``citecheck extract``."""

    json = "json"
    jsonl = "jsonl"


_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(obj: object, indent: int | None = None) -> str:
    """JSON that stays valid UTF-8 for any input text.

    Control characters are escaped by :mod:`json`; a lone surrogate (text read
    with ``surrogateescape``, or built in memory) becomes U+FFFD, since no
    encoder can write it and strict JSON readers reject its escape.
    """
    text = json.dumps(obj, ensure_ascii=False) if indent is None else indented(obj, indent)
    return _SURROGATE.sub("\ufffd", text)


_SCALARS = (str, int, float, type(None))  # bool is an int


def indented(obj: object, indent: int) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)``, the same text, written faster.

    With an indent :mod:`json` writes everything with its Python encoder, a generator per
    container. Here a dict or list of plain values (a citation, a quotation: most of an
    extraction) is written by the C encoder, with the line break and indent of its depth as the
    item separator, and only the containers holding containers are walked in Python.
    """
    out: list[str] = []
    _indented(obj, indent, 1, out)
    return "".join(out)


def _indented(obj: object, indent: int, depth: int, out: list[str]) -> None:
    """Append the indented JSON of ``obj``, a value ``depth - 1`` containers deep, to ``out``."""
    if (type(obj) is dict and all(type(k) is str for k in obj)) or type(obj) is list or type(obj) is tuple:
        values = obj.values() if isinstance(obj, dict) else obj
        if not values:
            out.append("{}" if isinstance(obj, dict) else "[]")
            return
        inner = "\n" + " " * (indent * depth)
        if all(type(v) in _SCALARS or isinstance(v, bool) for v in values):
            flat = json.dumps(obj, ensure_ascii=False, separators=("," + inner, ": "))
            out += (flat[0], inner, flat[1:-1], inner[: -indent or None], flat[-1])
            return
        if isinstance(obj, dict):
            out.append("{")
            for k, (key, value) in enumerate(obj.items()):
                out += ("," + inner if k else inner, json.dumps(key, ensure_ascii=False), ": ")
                _indented(value, indent, depth + 1, out)
            out += (inner[: -indent or None], "}")
        else:
            out.append("[")
            for k, value in enumerate(values):
                out.append("," + inner if k else inner)
                _indented(value, indent, depth + 1, out)
            out += (inner[: -indent or None], "]")
        return
    # anything else (a value, a subclass of dict or list) as json writes it at this depth
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    out.append(text.replace("\n", "\n" + " " * (indent * (depth - 1))) if "\n" in text else text)


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output as UTF-8, whatever the locale's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


@app.command()
def extract(
    paths: common.PathsArg = None,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="json: one document; jsonl: one record a line.")
    ] = ExtractFormat.json,
    references: common.ReferencesOpt = None,
    config: common.ConfigOpt = None,
    jobs: common.JobsOpt = None,
    no_cache: common.NoCacheOpt = False,
    cache_dir: common.CacheDirOpt = None,
    scheduler: common.SchedulerOpt = None,
    progress: common.ProgressOpt = None,
) -> None:
    """Extract every reference and quotation, linked, with speakers."""
    from citecheck.pipeline import extract_paths

    settings, catalogue = common.setup_or_exit(config, paths, references, jobs, no_cache, cache_dir)
    with common.executing(settings, scheduler, progress) as run:
        outcome = extract_paths(
            settings.paths,
            catalogue,
            run,
            settings.exclude_globs,
            (settings.report, settings.bibliography, *settings.sources),
        )
    common.no_documents_or_exit(len(outcome.documents), outcome.errors, settings.paths)
    chunks: list[str] = []
    if fmt is ExtractFormat.json:
        chunks.append(dumps({"documents": [d.to_json() for d in outcome.documents]}, indent=1))
    else:
        for d in outcome.documents:
            chunks.append(dumps({"type": "document", "path": d.path, "sha256": d.sha256, "format": d.format}))
            chunks.extend(dumps({"type": "citation", "path": d.path, **c.to_json()}) for c in d.citations)
            chunks.extend(dumps({"type": "quotation", "path": d.path, **q.to_json()}) for q in d.quotations)
            chunks.extend(dumps({"type": "repair", "path": d.path, **asdict(r)}) for r in d.repairs)
    write_stdout("".join(c + "\n" for c in chunks))
    if common.report_input_errors(outcome.errors, outcome.warnings):
        raise typer.Exit(2)
