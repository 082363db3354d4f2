"""The HTML discrepancy report: one self-contained page, rendered by Jinja2 with autoescape on.

Corpus text is untrusted: it only ever reaches the page through autoescaped
expressions, never ``|safe``.  The page is readable without JavaScript; the
inline script only adds filtering.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from citecheck import __version__
from citecheck.checks.rules import ALL_RULES, Rule
from citecheck.models import CheckResult, Finding, Location, NormalisedCitation
from citecheck.output.atomic import write_chunks
from citecheck.source.load import shown_path


@dataclass(frozen=True, slots=True)
class DiffPart:
    """A run of words in a two-wording diff: kept, only in the first, or only in the second."""

    text: str
    kind: str  # "same" | "old" | "new"


def word_diff(a: str, b: str) -> list[DiffPart]:
    """Word-level diff of two wordings (difflib over word tokens)."""
    wa, wb = a.split(), b.split()
    out: list[DiffPart] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(DiffPart(" ".join(wa[i1:i2]), "same"))
            continue
        if i2 > i1:
            out.append(DiffPart(" ".join(wa[i1:i2]), "old"))
        if j2 > j1:
            out.append(DiffPart(" ".join(wb[j1:j2]), "new"))
    return out


def generated_at() -> str | None:
    """The time the report states: ``SOURCE_DATE_EPOCH`` when set, in UTC; else none.

    The clock is not an input: without a date given, two runs on the same
    corpus write the same bytes, and the corpus digest says what was checked.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return None
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(int(epoch)))


def corpus_digest(result: CheckResult) -> str:
    """A short digest of the documents checked (paths and contents): the same for the same corpus."""
    h = hashlib.sha256()
    for d in sorted(result.documents, key=lambda d: d.path):
        h.update(f"{d.path}\0{d.sha256}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:12]


def _markdown(text: str) -> Markup:
    # Only for the rules' own documentation, which ships with citecheck: never corpus text.
    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("citecheck.output", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = _markdown
    return env


#: How much of a quotation's paragraph, on each side of it, a location shows as context.
CONTEXT_CHARS = 300


def _context(sources: dict[str, str], loc: Location) -> str | None:
    """The paragraph around a location on one line, cut to CONTEXT_CHARS either side of the quotation."""
    source = sources.get(loc.path)
    if not source or loc.context_span is None:
        return None
    para_start, para_end, start, end = loc.context_span
    lo = max(para_start, min(start, para_end) - CONTEXT_CHARS)
    hi = min(para_end, max(end, lo) + CONTEXT_CHARS)
    text = " ".join(source[lo:hi].split())
    return ("…" if lo > para_start else "") + text + ("…" if hi < para_end else "")


def _works(normalised: Sequence[NormalisedCitation]) -> list[dict[str, object]]:
    groups: dict[str, list[NormalisedCitation]] = defaultdict(list)
    for n in normalised:
        groups[n.work_key].append(n)
    out = []
    for key in sorted(groups):
        items = sorted(groups[key], key=lambda n: (_vol(n.citation.volume), n.path, n.citation.line))
        first = items[0]
        out.append(
            {
                "key": key,
                "title": first.title or key,
                "author": first.author or "",
                "known": first.known,
                "cites": items,
            }
        )
    return out


def _vol(volume: str | None) -> tuple[int, str]:
    return (int(volume), "") if volume and volume.isdigit() else (10**6, volume or "")


def render_html(
    result: CheckResult,
    *,
    rules: Sequence[Rule] | None = None,
    generated: str | None = None,
    inputs: Sequence[str] = (),
) -> str:
    """The report as one HTML string (deterministic for the same inputs and ``generated``)."""
    return "".join(_render(result, rules=rules, generated=generated, inputs=inputs))


def _render(
    result: CheckResult,
    *,
    rules: Sequence[Rule] | None = None,
    generated: str | None = None,
    inputs: Sequence[str] = (),
) -> Iterator[str]:
    """The report in pieces, as Jinja2 renders it: a large report is never one string in memory."""
    findings: list[Finding] = list(result.findings)
    used = {f.rule for f in findings}
    rule_list = [r for r in (rules or ALL_RULES) if r.name in used]
    diffs = {
        f.fingerprint: word_diff(f.data["wordings"][0], f.data["wordings"][1])
        for f in findings
        if len(f.data.get("wordings", [])) >= 2 and f.rule == "locator-wording-conflict"
    }
    sources = {d.path: d.source for d in result.documents}
    template = _environment().get_template("report.html.j2")
    return template.generate(
        findings=findings,
        context=functools.partial(_context, sources),
        diffs=diffs,
        rules=rule_list,
        by_severity=sorted(Counter(str(f.severity) for f in findings).items()),
        by_rule=sorted(Counter(f.rule for f in findings).items()),
        by_doc=sorted(Counter(f.locations[0].path for f in findings if f.locations).items()),
        documents=sorted(d.path for d in result.documents),
        n_bytes=sum(len(d.source.encode("utf-8", "surrogatepass")) for d in result.documents),
        n_citations=sum(len(d.citations) for d in result.documents),
        n_quotations=sum(len(d.quotations) for d in result.documents),
        works=_works(result.normalised),
        errors=[str(e) for e in result.errors],
        generated=generated or generated_at(),
        digest=corpus_digest(result),
        inputs=[shown_path(i) for i in inputs],  # as typed, but a name's non-UTF-8 bytes as \xff
        version=__version__,
    )


def write_html(path: str | Path, result: CheckResult, **kwargs: object) -> None:
    """Render the report and write it to ``path`` atomically, piece by piece."""
    write_chunks(path, _render(result, **kwargs))  # type: ignore[arg-type]
