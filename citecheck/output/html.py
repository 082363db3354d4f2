"""The HTML discrepancy report: one self-contained page, rendered by Jinja2 with autoescape on.

Corpus text is untrusted: it only ever reaches the page through autoescaped
expressions, never ``|safe``.  The page is readable without JavaScript; the
inline script only adds filtering.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup
from rapidfuzz import fuzz, process

from citecheck import __version__
from citecheck.checks.rules import ALL_RULES, Rule
from citecheck.models import CheckResult, Finding, Location, NormalisedCitation, Severity
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
    env.globals["source_diff"] = _source_diff
    return env


def _source_diff(evidence: dict[str, str]) -> list[DiffPart]:
    """The quotation against the primary text's passage (findings with ``data["evidence"]``), as it is shown."""
    return word_diff(evidence["quotation"], evidence["passage"])


#: How much of a quotation's paragraph, on each side of it, a location shows as context.
CONTEXT_CHARS = 300

_TOKEN = re.compile(r"\w+|\W+")
#: How many of a finding's other readings a location's reading is compared with to mark what differs.
COMPARED = 16


@dataclass(frozen=True, slots=True)
class Context:
    """A location's paragraph on one line: the words before the quotation, the quotation, the words after."""

    before: str
    quote: str
    after: str


def _fold(text: str) -> str:
    """Whitespace runs as one space, keeping a space at either end when there was one."""
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def context(sources: dict[str, str], loc: Location, width: int = CONTEXT_CHARS) -> Context | None:
    """The paragraph around a location, up to ``width`` characters either side of the quotation.

    A cut paragraph is cut between words, never inside one, and marked with an ellipsis.
    """
    source = sources.get(loc.path)
    if not source or loc.context_span is None:
        return None
    para_start, para_end, start, end = loc.context_span
    start, end = max(para_start, min(start, para_end)), min(para_end, max(end, start))
    lo = max(para_start, start - width)
    if lo > para_start and not source[lo - 1].isspace():
        while lo < start and not source[lo].isspace():  # past the rest of the word the cut fell in
            lo += 1
    hi = min(para_end, end + width)
    if hi < para_end and not source[hi].isspace():
        while hi > end and not source[hi - 1].isspace():
            hi -= 1
    before = _fold(source[lo:start]).lstrip()
    after = _fold(source[end:hi]).rstrip()
    return Context(
        ("… " if lo > para_start else "") + before,
        _fold(source[start:end]),
        after + (" …" if hi < para_end else ""),
    )


def detail_parts(detail: str, others: Sequence[str]) -> list[DiffPart]:
    """``detail`` split into the runs it shares with the most similar of ``others`` and the runs that differ.

    "vol. 36, p. 5" against "vol. 33, p. 5" marks only "36": the reader sees at once what disagrees.
    """
    if not others:
        return [DiffPart(detail, "same")]
    # rapidfuzz picks the closest (the first of equals: the order of the locations) in C, so a
    # quotation cited to sixty different places costs sixty ratios, not sixty word diffs
    closest = others[0] if len(others) == 1 else others[process.extractOne(detail, others, scorer=fuzz.ratio)[2]]
    mine = _TOKEN.findall(detail)
    matcher = difflib.SequenceMatcher(a=mine, b=_TOKEN.findall(closest), autojunk=False)
    parts: list[DiffPart] = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        text = "".join(mine[i1:i2])
        if not text:
            continue
        kind = "same" if op == "equal" or not text.strip() else "differs"
        if parts and parts[-1].kind == kind:
            parts[-1] = DiffPart(parts[-1].text + text, kind)
        else:
            parts.append(DiffPart(text, kind))
    return parts


@dataclass(frozen=True, slots=True)
class LocationView:
    """A location as the report shows it: where, what it says (its differing part marked), its paragraph."""

    location: Location
    detail: list[DiffPart]
    context: Context | None


@dataclass(frozen=True, slots=True, eq=False)
class FindingView:
    """A finding as the report shows it, with the anchor its permalink points at."""

    finding: Finding
    anchor: str
    sources: dict[str, str] = field(repr=False)

    def locations(self) -> list[LocationView]:
        """Each location with its differing part marked and its paragraph: built as the finding is
        rendered, so a large report never holds every paragraph at once."""
        f = self.finding
        details = list(dict.fromkeys(loc.detail for loc in f.locations if loc.detail))
        values = [v for v in f.data.get("values", []) if isinstance(v, str)]
        marked: dict[str, list[DiffPart]] = {}  # each distinct detail is compared once
        out = []
        for loc in f.locations:
            parts: list[DiffPart] = []
            if loc.detail:
                if loc.detail not in marked:
                    # the first few other readings are enough to show what differs, and keep a quotation
                    # cited to a thousand places from costing a million comparisons
                    others = [d for d in details[: COMPARED + 1] if d != loc.detail][:COMPARED]
                    if not others and loc.detail in values:  # a variant against its canonical form
                        others = [v for v in values if v != loc.detail]
                    marked[loc.detail] = detail_parts(loc.detail, others)
                parts = marked[loc.detail]
            out.append(LocationView(loc, parts, context(self.sources, loc)))
        return out


def _views(findings: Sequence[Finding], sources: dict[str, str]) -> list[FindingView]:
    """A view per finding, with an anchor unique in the page (``f-`` and the fingerprint)."""
    seen: Counter[str] = Counter()
    views = []
    for f in findings:
        seen[f.fingerprint] += 1
        anchor = f"f-{f.fingerprint}" + (f"-{seen[f.fingerprint]}" if seen[f.fingerprint] > 1 else "")
        views.append(FindingView(f, anchor, sources))
    return views


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


#: The report's sections, in order: templates in ``templates/``, each given the whole context.
#: A new section (a rule family's own table, say) is a template added here.
SECTIONS: tuple[str, ...] = (
    "_summary.html.j2",
    "_contents.html.j2",
    "_findings.html.j2",
    "_works.html.j2",
    "_rules.html.j2",
)

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


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
    views = _views(findings, sources)
    by_rule: dict[str, list[FindingView]] = defaultdict(list)
    by_doc: dict[str, list[FindingView]] = defaultdict(list)
    for v in views:
        by_rule[v.finding.rule].append(v)
        if v.finding.locations:
            by_doc[v.finding.locations[0].path].append(v)
    severities = Counter(f.severity for f in findings)
    codes = {r.name: r.code for r in ALL_RULES}
    template = _environment().get_template("report.html.j2")
    return template.generate(
        sections=SECTIONS,
        findings=findings,
        actionable=[v for v in views if v.finding.severity > Severity.INFO],
        notes=[v for v in views if v.finding.severity <= Severity.INFO],
        diffs=diffs,
        rules=rule_list,
        codes=codes,
        by_severity=[(str(s), severities[s]) for s in _ORDER if severities[s]],
        by_rule=sorted(by_rule.items(), key=lambda kv: (codes.get(kv[0], ""), kv[0])),
        by_doc=sorted(by_doc.items()),
        documents=sorted(d.path for d in result.documents),
        doc_counts=Counter(loc.path for f in findings for loc in {x.path: x for x in f.locations}.values()),
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


#: How a report names its maker (the template's generator meta): what :func:`is_report` looks for.
GENERATOR_MARK = b'<meta name="generator" content="citecheck'


def is_report(path: str | Path) -> bool:
    """Whether ``path`` is an HTML report citecheck wrote, which a new report may replace though a walk finds it."""
    try:
        with open(path, "rb") as fh:
            return GENERATOR_MARK in fh.read(4096)
    except OSError:
        return False


def write_html(path: str | Path, result: CheckResult, **kwargs: object) -> None:
    """Render the report and write it to ``path`` atomically, piece by piece."""
    write_chunks(path, _render(result, **kwargs))  # type: ignore[arg-type]
