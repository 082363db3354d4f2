"""The HTML discrepancy report: one self-contained page, rendered by Jinja2 with autoescape on.

Corpus text is untrusted: it only ever reaches the page through autoescaped
expressions, never ``|safe``.  The page is readable without JavaScript; the
inline script only adds filtering.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import os
import re
import time
import types
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import jinja2.bccache
from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from rapidfuzz import fuzz, process

from citecheck import __version__
from citecheck.checks.rules import ALL_RULES, Rule
from citecheck.models import CheckResult, Finding, Location, NormalisedCitation, OutputError, Severity
from citecheck.output.atomic import write_bytes, write_chunks
from citecheck.runtime.collector import paused
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


@functools.lru_cache(maxsize=64)
def _markdown(text: str) -> Markup:
    # Only for the rules' own documentation, which ships with citecheck: never corpus text.
    return Markup(_commonmark().render(text))


@functools.cache
def _commonmark() -> MarkdownIt:
    """One CommonMark renderer (raw HTML off) for every rule's documentation."""
    return MarkdownIt("commonmark", {"html": False})


#: How the report's templates are compiled (part of the key of their compiled form, see :class:`_CompiledTemplates`).
_OPTIONS: dict[str, object] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates as Jinja2 compiled them, kept between runs in Jinja2's own per-user folder
    (``$TMPDIR/_jinja2-cache-UID``, which Jinja2 makes readable by its owner alone and refuses
    otherwise): compiling them costs a report of 10 MB a tenth of its time.

    An entry is keyed on the template's name, file and source, Jinja2's and
    Python's versions (Jinja2's own key), and on citecheck's version and the
    options the templates are compiled with.  An entry is Jinja2's bytes after
    their SHA-256: Jinja2 checks only an entry's head, and a byte changed in
    the code after it would change the page.  A folder that cannot be used, a
    damaged entry or a full disk only cost the compiling.
    """

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja2's key, made citecheck's: its version and compile options included."""
        return super().get_cache_key(f"citecheck {__version__} {sorted(_OPTIONS.items())} {name}", filename)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """The compiled template, when a usable one is kept (else the template is compiled)."""
        try:
            with open(self._entry(bucket), "rb") as fh:
                kept = fh.read()
        except OSError:
            return
        body = kept[_ENTRY_DIGEST:]
        if len(kept) <= _ENTRY_DIGEST or hashlib.sha256(body).digest() != kept[:_ENTRY_DIGEST]:
            return  # damaged, cut short, or written by an earlier citecheck
        try:
            bucket.bytecode_from_string(body)
        except Exception:  # pickle and marshal raise many kinds
            bucket.reset()
        if not isinstance(bucket.code, types.CodeType):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the compiled template for the next run (best effort, atomically)."""
        if not os.path.isdir(self.directory):  # Jinja2 makes its folder; a missing one is not ours to make
            return
        body = bucket.bytecode_to_string()
        with contextlib.suppress(OutputError):
            write_bytes(self._entry(bucket), [hashlib.sha256(body).digest(), body], durable=False)

    def _entry(self, bucket: jinja2.bccache.Bucket) -> str:
        return os.path.join(self.directory, self.pattern % (bucket.key,))


#: Bytes of the digest that opens a kept template.
_ENTRY_DIGEST = 32


def _compiled_templates() -> jinja2.BytecodeCache | None:
    try:
        return _CompiledTemplates()
    except (OSError, RuntimeError):  # no safe per-user folder: compile every time
        return None


@functools.cache
def _environment() -> jinja2.Environment:
    """The report's templates, compiled once per process (Jinja2 environments are safe to share)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("citecheck.output", "templates"),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_compiled_templates(),
        **_OPTIONS,  # type: ignore[arg-type]
    )
    env.filters["markdown"] = _markdown
    env.globals["source_diff"] = _source_diff
    env.globals["contents_list"] = contents_list
    env.globals["work_rows"] = work_rows
    return env


def _template_module(name: str) -> Any:
    """The macros of template ``name``, to call from Python (they escape as the template does)."""
    return _environment().get_template(name).module


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
    # _fold(...).lstrip() and .rstrip() of the two sides, spelt out: a report cuts thousands of paragraphs
    text = source[lo:start]
    before = " ".join(text.split())
    if before and text[-1].isspace():
        before += " "
    text = source[end:hi]
    after = " ".join(text.split())
    if after and text[0].isspace():
        after = " " + after
    return Context(
        ("… " if lo > para_start else "") + before,
        _fold(source[start:end]),
        after + (" …" if hi < para_end else ""),
    )


def detail_parts(detail: str, others: Sequence[str], memo: _Tokens | None = None) -> list[DiffPart]:
    """``detail`` split into the runs it shares with the most similar of ``others`` and the runs that differ.

    "vol. 36, p. 5" against "vol. 33, p. 5" marks only "36": the reader sees at once what disagrees.
    ``memo`` keeps each string's tokens and each closest reading's matcher for the next call.
    """
    if not others:
        return [DiffPart(detail, "same")]
    # rapidfuzz picks the closest (the first of equals: the order of the locations) in C, so a
    # quotation cited to sixty different places costs sixty ratios, not sixty word diffs
    closest = others[0] if len(others) == 1 else others[process.extractOne(detail, others, scorer=fuzz.ratio)[2]]
    tokens = memo or _Tokens()
    done = tokens.diffs.get((detail, closest))
    if done is not None:
        return done
    mine = tokens.of(detail)
    matcher = tokens.matcher(closest)
    matcher.set_seq1(mine)
    parts: list[DiffPart] = []
    tokens.diffs[(detail, closest)] = parts
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


class _Tokens:
    """Each reading's tokens, a matcher per reading compared against (difflib indexes its second
    sequence once, and a finding compares most of its readings with the same few), each diff made."""

    __slots__ = ("_matchers", "_tokens", "diffs")

    def __init__(self) -> None:
        self._tokens: dict[str, list[str]] = {}
        self._matchers: dict[str, difflib.SequenceMatcher[str]] = {}
        #: The parts of a reading against its closest other reading.
        self.diffs: dict[tuple[str, str], list[DiffPart]] = {}

    def of(self, text: str) -> list[str]:
        """``text`` as words and the runs between them."""
        found = self._tokens.get(text)
        if found is None:
            if len(self._tokens) >= MEMO_SIZE:  # a large report does not keep every reading's words
                self._tokens.clear()
                self._matchers.clear()
                self.diffs.clear()
            found = self._tokens[text] = _TOKEN.findall(text)
        return found

    def matcher(self, closest: str) -> difflib.SequenceMatcher[str]:
        """A matcher whose second sequence is ``closest``'s tokens."""
        found = self._matchers.get(closest)
        if found is None:
            found = self._matchers[closest] = difflib.SequenceMatcher(b=self.of(closest), autojunk=False)
        return found


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
    #: What the findings of one report share: each paragraph, reading and place is worked out once.
    shared: _Shared = field(default_factory=lambda: _Shared(), repr=False)

    @property
    def severity(self) -> str:
        """The severity's name (``error``)."""
        return _SEVERITY_NAMES[self.finding.severity]

    @property
    def doc_paths(self) -> str:
        """The paths of the finding's locations, ``|``-separated (what the filter by document reads)."""
        return "|".join([loc.path for loc in self.finding.locations])

    def locations(self) -> list[LocationView]:
        """Each location with its differing part marked and its paragraph: built as the finding is
        rendered, so a large report never holds every paragraph at once."""
        shared = self.shared
        return [
            LocationView(loc, reading.parts, shared.context(self.sources, loc)[0]) for loc, reading in self._readings()
        ]

    def _readings(self) -> Iterator[tuple[Location, _Reading]]:
        """Each location with its reading (``detail``) split into what it shares with the others and what differs."""
        f = self.finding
        details = list(dict.fromkeys(loc.detail for loc in f.locations if loc.detail))
        values = [v for v in f.data.get("values", []) if isinstance(v, str)]
        marked: dict[str, _Reading] = {}  # each distinct detail is compared once
        none = _Reading([], "")
        for loc in f.locations:
            reading = none
            if loc.detail:
                if loc.detail in marked:
                    reading = marked[loc.detail]
                else:
                    # the first few other readings are enough to show what differs, and keep a quotation
                    # cited to a thousand places from costing a million comparisons
                    others = [d for d in details[: COMPARED + 1] if d != loc.detail][:COMPARED]
                    if not others and loc.detail in values:  # a variant against its canonical form
                        others = [v for v in values if v != loc.detail]
                    reading = marked[loc.detail] = self.shared.reading(loc.detail, others)
            yield loc, reading

    def article(self, diffs: dict[str, list[DiffPart]]) -> Markup:
        """The finding's ``<article>``: its head, its locations, then what only some findings have
        (a wording diff, the source passage, a suggested source).

        Written here rather than by a template macro: the report writes one per
        finding, thousands of them, and the macro's call cost a fifth of the page.
        """
        f = self.finding
        out = [self.head_html(), "\n  ", self.locations_html(), "\n"]
        if f.fingerprint in diffs:
            out += ["  ", _template_module("_macros.html.j2").wording_diff(diffs[f.fingerprint]), "\n"]
        if f.data.get("evidence"):
            out.append(_template_module("_source_evidence.html.j2").source_evidence(f))
        if f.suggestion:
            out.append(f'<p class="suggest">Suggested source: {_text(f.suggestion)}</p>')
        out.append("</article>\n")
        return Markup("".join(out))

    def head_html(self) -> Markup:
        """The finding's ``<article>`` opening: its anchor, severity, rule and message."""
        f, sev = self.finding, self.severity
        rule, anchor = _escaped(f.rule), _text(self.anchor)
        return Markup(
            f'<article class="finding {sev}" id="{anchor}" data-rule="{rule}" data-severity="{sev}" '
            f'data-doc="{_text(self.doc_paths)}">\n'
            f'  <h3><span class="sev sev-{sev}">{sev}</span> <a href="#rule-{rule}">{rule}</a> '
            f'<span class="code">{_escaped(f.code)}</span><a class="permalink" href="#{anchor}" '
            f'aria-label="Permanent link to this finding">#</a></h3>\n'
            f'  <p class="message">{_text(f.message)}</p>'
        )

    def locations_html(self) -> Markup:
        """The finding's ``<div class="locations">``: where each location is, what it says, its paragraph.

        The one loop of the report that runs for every place of every finding
        (a quotation cited in 700 places), so it is written here rather than
        by a template; every corpus string goes through ``markupsafe.escape``.
        """
        shared, sources = self.shared, self.sources
        out = ['<div class="locations">\n']
        for loc, reading in self._readings():
            out.append(shared.where(loc))
            out.append(reading.html)
            shown, paragraph = shared.context(sources, loc)
            out.append(paragraph if shown is not None else f"      <div>“{_text(loc.excerpt)}”</div>\n")
            out.append("    </div>\n")
        out.append("  </div>")
        return Markup("".join(out))


_SEVERITY_NAMES = {s: str(s) for s in Severity}


def _text(text: str) -> str:
    """``markupsafe.escape(text)`` as a plain string, and ``text`` itself when it has nothing to escape.

    Most corpus text has no ``& < > ' "`` (its quotation marks and apostrophes are curly), and
    making a ``Markup`` of each of the tens of thousands of strings of a large page cost a fifth
    of writing it.
    """
    if "&" in text or "<" in text or ">" in text or "'" in text or '"' in text:
        return str(escape(text))
    return text


@functools.lru_cache(maxsize=8192)
def _escaped(text: str) -> str:
    """:func:`_text` of a string a page repeats (a path, a rule, a volume), escaped once."""
    return _text(text)


class _Reading(NamedTuple):
    """A location's reading split into what it shares with the others and what differs, and as shown."""

    parts: list[DiffPart]
    html: str


def _detail_html(parts: list[DiffPart]) -> str:
    """A reading with its differing runs in ``<mark>``."""
    inner = "".join([f"<mark>{_text(p.text)}</mark>" if p.kind == "differs" else _text(p.text) for p in parts])
    return f'<div class="detail">{inner}</div>'


#: How many paragraphs a report keeps, cut and escaped, for the next finding that shows them: the most
#: recently shown (a quotation's findings are neighbours in the page), so a large report never holds
#: every paragraph at once.
PARAGRAPHS_KEPT = 2048
#: How many readings (and their words and diffs) a report keeps for the next finding before it starts afresh.
MEMO_SIZE = 2048


class _Shared:
    """Memos the findings of one report share: a quotation shown by several findings is one paragraph
    to cut and escape, a place one line to write."""

    __slots__ = ("_contexts", "_readings", "_tokens")

    def __init__(self) -> None:
        self._tokens = _Tokens()
        self._readings: dict[tuple[str, tuple[str, ...]], _Reading] = {}
        self._contexts: OrderedDict[tuple[str, tuple[int, int, int, int] | None], tuple[Context | None, str]] = (
            OrderedDict()
        )

    def reading(self, detail: str, others: list[str]) -> _Reading:
        """:func:`detail_parts` and the ``<div class="detail">`` of a reading, once per reading and others."""
        key = (detail, tuple(others))
        found = self._readings.get(key)
        if found is None:
            if len(self._readings) >= MEMO_SIZE:
                self._readings.clear()
            parts = detail_parts(detail, others, self._tokens)
            found = self._readings[key] = _Reading(parts, _detail_html(parts))
        return found

    def context(self, sources: dict[str, str], loc: Location) -> tuple[Context | None, str]:
        """:func:`context` of ``loc`` and its ``<p class="context">`` (empty without one), made once per paragraph."""
        key = (loc.path, loc.context_span)
        found = self._contexts.get(key)
        if found is not None:
            self._contexts.move_to_end(key)
            return found
        shown = context(sources, loc)
        html = ""
        if shown is not None:
            html = (
                f'      <p class="context">{_text(shown.before)}<mark>{_text(shown.quote)}</mark>'
                f"{_text(shown.after)}</p>\n"
            )
        found = self._contexts[key] = (shown, html)
        if len(self._contexts) > PARAGRAPHS_KEPT:
            self._contexts.popitem(last=False)
        return found

    def where(self, loc: Location) -> str:
        """The start of a location's ``<div class="loc">``: its path, line and column."""
        return f'    <div class="loc">\n      <div class="where">{_escaped(loc.path)}:{loc.line}:{loc.column}</div>\n'


def _views(findings: Sequence[Finding], sources: dict[str, str]) -> list[FindingView]:
    """A view per finding, with an anchor unique in the page (``f-`` and the fingerprint)."""
    seen: Counter[str] = Counter()
    shared = _Shared()
    views = []
    for f in findings:
        seen[f.fingerprint] += 1
        anchor = f"f-{f.fingerprint}" + (f"-{seen[f.fingerprint]}" if seen[f.fingerprint] > 1 else "")
        views.append(FindingView(f, anchor, sources, shared))
    return views


def contents_list(views: Sequence[FindingView], by: str) -> Markup:
    """The entries of one list of the contents: a link to each finding and its severity.

    In the lists by rule (``by="rule"``) a finding is named by its first
    location, in those by document (``by="document"``) by its line, code and rule.
    """
    items = []
    for v in views:
        f = v.finding
        if by == "document":
            label = f"line {f.locations[0].line}: {_escaped(f.code)} {_escaped(f.rule)}"
        elif f.locations:
            label = f"{_escaped(f.locations[0].path)}:{f.locations[0].line}"
        else:
            label = "the corpus"
        items.append(f'<li><a href="#{_text(v.anchor)}">{label}</a> <span class="muted">{v.severity}</span></li>')
    return Markup("".join(items))


def work_rows(cites: Sequence[NormalisedCitation], per_piece: int = 256) -> Iterator[Markup]:
    """The rows of a cited work's table (volume, page, where, the reference as written), ``per_piece``
    rows at a time: a work cited 30,000 times is not one string of megabytes."""
    for start in range(0, len(cites), per_piece):
        rows = []
        for n in cites[start : start + per_piece]:
            c = n.citation
            rows.append(
                f"<tr><td>{_escaped(c.volume or '')}</td><td>{_escaped(c.pages or '')}</td>"
                f"<td>{_escaped(n.path)}:{c.line}</td><td>{_text(c.raw)}</td></tr>"
            )
        yield Markup("".join(rows))


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
) -> Generator[str, None, None]:
    """The report in pieces, as Jinja2 renders it: a large report is never one string in memory.

    The collector is paused while the page is written (see :mod:`citecheck.runtime.collector`):
    the views, paragraphs and pieces it makes hold no cycles, and a collection in the heap of a
    run that has just read a large corpus cost a report a tenth of its time.
    """
    with paused():
        yield from _pieces(result, rules=rules, generated=generated, inputs=inputs)


def _pieces(
    result: CheckResult,
    *,
    rules: Sequence[Rule] | None = None,
    generated: str | None = None,
    inputs: Sequence[str] = (),
) -> Iterator[str]:
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


def write_html(path: str | Path, result: CheckResult, **kwargs: object) -> None:
    """Render the report and write it to ``path`` atomically, piece by piece."""
    pieces = _render(result, **kwargs)  # type: ignore[arg-type]
    try:
        write_chunks(path, pieces)
    finally:
        pieces.close()  # a write that failed half-way: the collector back on now, not when the error is dropped
