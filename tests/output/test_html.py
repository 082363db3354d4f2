"""The HTML report: escaping, highlights, diffs, works, determinism, self-containment."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citecheck.models import CheckResult
from citecheck.output.html import render_html, word_diff


def test_corpus_text_is_escaped(hostile_result: CheckResult) -> None:
    html = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    assert "<script>document.title" not in html
    assert "&lt;script&gt;document.title" in html
    assert "<img" not in html  # markup in the context paragraph is shown as text too
    assert '" onmouseover="' not in html


def test_findings_rule_links_and_diff(hostile_result: CheckResult) -> None:
    html = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    assert 'href="#rule-locator-wording-conflict"' in html and 'id="rule-locator-wording-conflict"' in html
    assert "<del>" in html and "<ins>" in html
    assert "Cited works" in html and "lenin-cw" in html


def test_deterministic_and_self_contained(hostile_result: CheckResult) -> None:
    a = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    assert a == render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    for needle in ('src="http', 'href="http', "<link ", "@import"):
        assert needle not in a


def test_source_date_epoch_pins_the_time(hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert "1970-01-01 00:00 UTC" in render_html(hostile_result)


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        ("a b c", "a b c", ["same"]),
        ("a twist to it", "a distortion", ["same", "old", "new"]),
        ("x", "", ["old"]),
    ],
)
def test_word_diff(a: str, b: str, kinds: list[str]) -> None:
    assert [p.kind for p in word_diff(a, b)] == kinds


def test_the_clock_is_not_an_input(hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_html(hostile_result)
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)
    assert render_html(hostile_result) == first
    assert "UTC" not in first.split("</header>")[0]


def test_source_date_epoch_dates_the_report(hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "2023-11-14 22:13 UTC · citecheck" in render_html(hostile_result)


def test_the_corpus_digest_names_what_was_checked(hostile_result: CheckResult) -> None:
    from dataclasses import replace

    from citecheck.output.html import corpus_digest

    edited = replace(hostile_result.documents[0], sha256="0" * 64)
    other = replace(hostile_result, documents=(edited, *hostile_result.documents[1:]))
    assert corpus_digest(hostile_result) != corpus_digest(other)
    assert f"corpus digest {corpus_digest(hostile_result)}" in render_html(hostile_result)


def test_source_evidence_beside_the_quotation_with_a_diff() -> None:
    from citecheck.models import Finding, Location, Severity

    evidence = {
        "source": "sources/vol30.md",
        "locator": "vol. 30, p. 18",
        "passage": "Every cook must learn to govern the state <b>",
        "quotation": "Every cook must learn to run the state <script>",
        "kind": "misquotation",
        "score": 91.2,
        "steps": [("changed", "run", "govern")],
    }
    finding = Finding(
        "CC401",
        "misquotation",
        Severity.WARNING,
        "differs",
        (Location("a.txt", 3, 1, "Every cook"),),
        "f1",
        data={"evidence": evidence},
    )
    html = render_html(CheckResult((), (), (finding,)), generated="2026-01-01 00:00 UTC")
    section = html.split('class="locations source-evidence"')[1].split("</article>")[0]
    assert "sources/vol30.md" in section and "vol. 30, p. 18 · misquotation · 91.2% alike" in section
    assert "<del>run</del>" in section and "<ins>govern</ins>" in section
    assert "changed word: “run” for “govern”" in section
    assert "<script>" not in section and "&lt;script&gt;" in section and "&lt;b&gt;" in section


def test_exact_evidence_shows_no_diff() -> None:
    from citecheck.models import Finding, Location, Severity

    evidence = {
        "source": "s.txt",
        "locator": "vol. 29",
        "passage": "a b c",
        "quotation": "a b c",
        "kind": "exact",
        "score": 100.0,
        "steps": [],
    }
    finding = Finding(
        "CC404",
        "found-in-source",
        Severity.INFO,
        "m",
        (Location("a.txt", 1, 1, "a"),),
        "f2",
        data={"evidence": evidence},
    )
    html = render_html(CheckResult((), (), (finding,)), generated="x")
    assert 'class="locations source-evidence"' in html and "Against the source" not in html


# Where, what, and the fix


@pytest.mark.parametrize(
    ("detail", "others", "marked"),
    [
        ("Lenin, V. I., Collected Works, vol. 36, p. 5", ["Lenin, V. I., Collected Works, vol. 33, p. 5"], ["36"]),
        ("vol. 32, p. 24", ["vol. 29, p. 17", "vol. 32, p. 25"], ["24"]),  # against the closest other
        ("vol. 32, p. 24", [], []),
        ("Lenin", ["Trotsky"], ["Lenin"]),
        ("Harmonsworth", ["Harmondsworth"], ["Harmonsworth"]),
    ],
)
def test_only_the_part_that_differs_is_marked(detail: str, others: list[str], marked: list[str]) -> None:
    from citecheck.output.html import detail_parts

    parts = detail_parts(detail, others)
    assert "".join(p.text for p in parts) == detail
    assert [p.text for p in parts if p.kind == "differs"] == marked


@pytest.mark.parametrize(
    ("paragraph", "width", "before", "after"),
    [
        ("Lenin said “QUOTE” then.", 300, "Lenin said “", "” then."),
        ("alpha betagamma said “QUOTE” then deltaepsilon zeta", 10, "… said “", "” then …"),
        ("x said “QUOTE”", 3, "… “", "”"),  # the word the cut falls in is dropped, not halved
        ("  many   spaces\n\nsaid “QUOTE”\n  here  ", 300, "many spaces said “", "” here"),
    ],
)
def test_context_is_cut_between_words_with_the_quotation_marked(
    paragraph: str, width: int, before: str, after: str
) -> None:
    from citecheck.models import Location
    from citecheck.output.html import context

    start = paragraph.index("QUOTE")
    loc = Location("a.txt", 1, 1, "QUOTE", None, (0, len(paragraph), start, start + 5))
    shown = context({"a.txt": paragraph}, loc, width)
    assert shown is not None and (shown.before, shown.quote, shown.after) == (before, "QUOTE", after)


def test_each_finding_has_an_anchor_a_permalink_and_entries_in_the_contents(hostile_result: CheckResult) -> None:
    import re

    html = render_html(hostile_result, generated="2026-01-01 00:00 UTC")
    anchors = re.findall(r'<article class="finding [a-z]+" id="(f-[0-9a-f-]+)"', html)
    assert len(anchors) == len(hostile_result.findings) == len(set(anchors))
    contents = html.split('<nav id="contents"')[1].split("</nav>")[0]
    for anchor in anchors:
        assert f'<a class="permalink" href="#{anchor}"' in html
        assert contents.count(f'href="#{anchor}"') == 2  # by rule and by document
    assert '<a class="skip" href="#findings">' in html


def test_the_summary_is_in_order_of_severity_and_info_is_collapsed(hostile_result: CheckResult) -> None:
    from dataclasses import replace

    from citecheck.models import Severity

    info = [replace(f, severity=Severity.INFO) for f in hostile_result.findings]
    mixed = replace(hostile_result, findings=(*hostile_result.findings, *info))
    html = render_html(mixed, generated="2026-01-01 00:00 UTC")
    summary = html.split('id="summary"')[1].split("</section>")[0]
    badges = [s for s in ("sev-error", "sev-warning", "sev-info") if s in summary]
    assert sorted(badges, key=summary.index) == badges and "sev-info" in badges
    notes = html.split('<details id="notes-list">')[1].split("</details>")[0]
    assert notes.count('<article class="finding info"') == len(info)
    assert '<details id="notes-list" open' not in html
    assert '<p class="muted" id="shown" role="status" aria-live="polite">' in html
    assert f"all ({len(mixed.findings)})" in html  # the filters show counts


def test_a_report_with_no_findings_says_so_plainly(hostile_result: CheckResult) -> None:
    from dataclasses import replace

    html = render_html(replace(hostile_result, findings=()), generated="2026-01-01 00:00 UTC")
    assert "No discrepancies found in 2 documents" in html
    assert 'id="rules"' not in html and ">Rules<" not in html and 'id="contents"' not in html


@pytest.mark.slow
def test_a_quotation_cited_to_many_places_renders_in_linear_time() -> None:
    import time

    from citecheck.models import Finding, Location, Severity

    def seconds(n: int) -> float:
        places = tuple(Location(f"d{i}.txt", 1, 1, "x", f"Lenin, CW, vol. {i % 45}, p. {i}") for i in range(n))
        finding = Finding("CC101", "quote-source-conflict", Severity.ERROR, "m", places, "f" * 16)
        result = CheckResult((), (), (finding,))
        start = time.perf_counter()
        render_html(result, generated="x")
        return time.perf_counter() - start

    small, large = [], []
    for _ in range(4):  # the sizes take turns, so a burst of load slows both
        small.append(seconds(2000))
        large.append(seconds(4000))
    assert min(large) / min(small) < 3  # linear is 2, quadratic 4


def test_a_reading_is_marked_against_the_others_or_its_canonical_form_only() -> None:
    from citecheck.models import Finding, Location, Severity
    from citecheck.output.html import FindingView

    def marked(detail: str, values: list[str]) -> list[str]:
        f = Finding("CC201", "r", Severity.WARNING, "m", (Location("a.txt", 1, 1, "x", detail),), "f" * 16, None)
        f.data["values"] = values
        (loc,) = FindingView(f, "f-x", {}).locations()
        return [p.text for p in loc.detail if p.kind == "differs"]

    assert marked("Harmonsworth", ["Harmonsworth", "Harmondsworth"]) == ["Harmonsworth"]
    # a whole reference is not marked against a date range it does not contain
    assert marked("Eighth Congress, March 1919, CW Vol XXIV", ["1917-04/1917-06", "1919-03"]) == []


def _article(html: str, anchor: str) -> str:
    start = html.index(f'<article class="finding warning" id="{anchor}"')
    return html[start : html.index("</article>", start)]


def test_findings_sharing_a_place_render_as_each_would_alone() -> None:
    """The paragraphs, places and readings the findings of a page share are worked out once, never mixed up."""
    from citecheck.models import DocumentResult, Finding, Location, Severity

    text = "Lenin wrote that “the <state> withers away” in 1917. Later, “all power” came."
    span = (0, len(text), text.index("the <state>"), text.index("” in"))
    doc = DocumentResult("a&b.txt", "0" * 64, "text", source=text)
    places = [
        Location("a&b.txt", 1, 18, "the <state> withers away", d, span) for d in ("vol. 33, p. 5", "vol. 36, p. 5")
    ]
    one = Finding("CC101", "quote-source-conflict", Severity.WARNING, "m", tuple(places), "a" * 16)
    two = Finding(
        "CC101",
        "quote-source-conflict",
        Severity.WARNING,
        "m",
        (places[1], Location("a&b.txt", 1, 60, "all power", "vol. 36, p. 9", span)),
        "b" * 16,
    )
    both = render_html(CheckResult((doc,), (), (one, two)), generated="x")
    for f in (one, two):
        alone = render_html(CheckResult((doc,), (), (f,)), generated="x")
        anchor = f"f-{f.fingerprint}"
        assert _article(both, anchor) == _article(alone, anchor)
    assert "<mark>36</mark>" in both and "<mark>33</mark>" in both and "<mark>9</mark>" in both
    assert "the &lt;state&gt; withers away" in both and "a&amp;b.txt:1:18" in both and "<state>" not in both


def test_a_paragraph_shown_by_several_findings_is_cut_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from citecheck.models import DocumentResult, Finding, Location, Severity
    from citecheck.output import html as report

    text = "Lenin wrote that “the state withers away” in 1917."
    span = (0, len(text), text.index("the state"), text.index("” in"))
    doc = DocumentResult("a.txt", "0" * 64, "text", source=text)
    place = Location("a.txt", 1, 18, "the state withers away", None, span)
    findings = tuple(Finding("CC105", "unsourced-quote", Severity.INFO, "m", (place,), f"{i:016x}") for i in range(5))
    cuts: list[Location] = []
    real = report.context
    monkeypatch.setattr(report, "context", lambda sources, loc: cuts.append(loc) or real(sources, loc))
    html = render_html(CheckResult((doc,), (), findings), generated="x")
    assert html.count("<mark>the state withers away</mark>") == 5 and len(cuts) == 1


def test_the_templates_are_compiled_once_per_process() -> None:
    from citecheck.output.html import _environment

    assert _environment() is _environment()


def test_contents_and_work_tables_escape_corpus_text() -> None:
    from citecheck.models import Citation, Finding, Location, NormalisedCitation, Severity
    from citecheck.output.html import FindingView, contents_list, work_rows

    f = Finding("CC101", "quote-source-conflict", Severity.ERROR, "m", (Location("<b>.txt", 3, 1, "x"),), "f" * 16)
    views = [FindingView(f, "f-" + "f" * 16, {})]
    assert (
        contents_list(views, "rule")
        == '<li><a href="#f-ffffffffffffffff">&lt;b&gt;.txt:3</a> <span class="muted">error</span></li>'
    )
    assert "line 3: CC101 quote-source-conflict" in contents_list(views, "document")
    c = Citation("c1", 4, 1, 0, 5, "<i>CW</i> & co", "footnote", volume="3<", pages='5"')
    (row,) = work_rows([NormalisedCitation("a'.txt", c, "k", "k", False)])
    assert row == "<tr><td>3&lt;</td><td>5&#34;</td><td>a&#39;.txt:4</td><td>&lt;i&gt;CW&lt;/i&gt; &amp; co</td></tr>"
    pieces = list(work_rows([NormalisedCitation("a'.txt", c, "k", "k", False)] * 600, per_piece=256))
    assert [p.count("<tr>") for p in pieces] == [256, 256, 88]  # a work cited thousands of times is no one string


@pytest.mark.parametrize(
    ("detail", "others"),
    [
        ("vol. 36, p. 5", ["vol. 33, p. 5", "vol. 36, p. 7"]),
        ("Lenin, CW, vol. 33, p. 5", ["Lenin, CW, vol. 33, p. 5x", "Trotsky, vol. 3"]),
        ("Harmonsworth", ["Harmondsworth"]),
    ],
)
def test_a_shared_diff_memo_gives_what_a_fresh_one_does(detail: str, others: list[str]) -> None:
    from citecheck.output.html import _Tokens, detail_parts

    memo = _Tokens()
    for other in others:  # the memo has already compared other readings against these
        detail_parts(other, [detail], memo)
    assert detail_parts(detail, others, memo) == detail_parts(detail, others) == detail_parts(detail, others, memo)


def test_compiled_templates_are_kept_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process loads the templates Jinja2 compiled before instead of compiling them again."""
    import jinja2

    from citecheck.output import html as report

    monkeypatch.setattr(report, "_compiled_templates", lambda: report._CompiledTemplates(str(tmp_path)))
    report._environment.cache_clear()
    first = render_html(CheckResult((), (), ()), generated="x")
    assert len(list(tmp_path.iterdir())) >= len(report.SECTIONS)
    compiled: list[str] = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(
        jinja2.Environment, "compile", lambda self, *a, **k: compiled.append(a[1]) or real(self, *a, **k)
    )
    report._environment.cache_clear()  # as a new process would start
    assert render_html(CheckResult((), (), ()), generated="x") == first and compiled == []
    report._environment.cache_clear()


def test_a_damaged_or_unusable_template_cache_only_costs_the_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.output import html as report

    expected = render_html(CheckResult((), (), ()), generated="x")
    compiled_templates = report._compiled_templates
    monkeypatch.setattr(report, "_compiled_templates", lambda: report._CompiledTemplates(str(tmp_path)))
    report._environment.cache_clear()
    render_html(CheckResult((), (), ()), generated="x")
    for entry in tmp_path.iterdir():
        entry.write_bytes(b"j2\x00damaged")
    report._environment.cache_clear()
    assert render_html(CheckResult((), (), ()), generated="x") == expected
    (tmp_path / "gone").mkdir()
    monkeypatch.setattr(report, "_compiled_templates", lambda: report._CompiledTemplates(str(tmp_path / "gone" / "x")))
    report._environment.cache_clear()
    assert render_html(CheckResult((), (), ()), generated="x") == expected  # a folder it cannot write to

    def unsafe(self: object) -> str:
        raise RuntimeError("Cannot determine safe temp directory.")

    monkeypatch.setattr(report._CompiledTemplates, "_get_default_cache_dir", unsafe)
    assert compiled_templates() is None  # no safe per-user folder: compiled every time
    report._environment.cache_clear()


def test_a_template_entry_damaged_inside_its_code_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte changed inside the compiled code (a string constant of the page) is not trusted: the
    page is the one the templates give, not the damaged entry's."""
    from citecheck.output import html as report

    expected = render_html(CheckResult((), (), ()), generated="x")
    assert "citecheck" in expected
    monkeypatch.setattr(report, "_compiled_templates", lambda: report._CompiledTemplates(str(tmp_path)))
    report._environment.cache_clear()
    render_html(CheckResult((), (), ()), generated="x")
    damaged = 0
    for entry in tmp_path.iterdir():
        data = entry.read_bytes()
        damaged += data.count(b"citecheck")
        entry.write_bytes(data.replace(b"citecheck", b"citechecX"))  # marshal still reads it
    assert damaged
    report._environment.cache_clear()
    try:
        assert render_html(CheckResult((), (), ()), generated="x") == expected
    finally:
        report._environment.cache_clear()


def test_a_template_entry_that_is_not_code_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    from citecheck.output import html as report

    expected = render_html(CheckResult((), (), ()), generated="x")
    cache = report._CompiledTemplates(str(tmp_path))
    monkeypatch.setattr(report, "_compiled_templates", lambda: cache)
    report._environment.cache_clear()
    env = report._environment()
    for name in env.list_templates():
        template = env.get_template(name)
        bucket = cache.get_bucket(env, name, template.filename, Path(template.filename or "").read_text("utf-8"))
        bucket.code = marshal.loads(marshal.dumps(42))  # type: ignore[assignment]
        cache.dump_bytecode(bucket)  # an entry intact as written, of something that is not code
    report._environment.cache_clear()
    try:
        assert render_html(CheckResult((), (), ()), generated="x") == expected
    finally:
        report._environment.cache_clear()


def test_the_compiled_form_is_keyed_on_citecheck_and_its_options() -> None:
    import jinja2

    from citecheck.output import html as report

    ours = report._CompiledTemplates("/nonexistent").get_cache_key("report.html.j2", "/t/report.html.j2")
    plain = jinja2.FileSystemBytecodeCache("/nonexistent").get_cache_key("report.html.j2", "/t/report.html.j2")
    assert ours != plain


@given(st.text(st.characters(codec="utf-8") | st.sampled_from(list("&<>'\"“’"))))
def test_text_is_escaped_exactly_as_markupsafe_escapes_it(text: str) -> None:
    from markupsafe import escape

    from citecheck.output.html import _escaped, _text

    assert _text(text) == str(escape(text)) == _escaped(text)


def test_the_page_is_written_with_the_collector_paused(
    hostile_result: CheckResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from citecheck.output import html as report

    seen: list[bool] = []
    real = report.FindingView.article
    monkeypatch.setattr(
        report.FindingView, "article", lambda self, diffs: seen.append(gc.isenabled()) or real(self, diffs)
    )
    render_html(hostile_result, generated="x")
    assert seen and not any(seen) and gc.isenabled()


def test_a_report_that_fails_to_be_written_turns_the_collector_back_on(
    hostile_result: CheckResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page is written with the collector paused; a write that fails half-way (a full disk) turns
    it back on at once, though the error (and the frames it holds, the page's among them) is kept."""
    import gc

    from citecheck.models import OutputError
    from citecheck.output import html as report

    def fail_after_one_piece(path: object, chunks: Iterable[str]) -> None:
        next(iter(chunks))
        assert not gc.isenabled()
        raise OutputError("disk full")

    monkeypatch.setattr(report, "write_chunks", fail_after_one_piece)
    try:
        with pytest.raises(OutputError) as failed:
            report.write_html(tmp_path / "r.html", hostile_result, generated="x")
        assert failed.value.__traceback__ is not None and gc.isenabled()
    finally:
        gc.enable()  # for the tests after this one, should it fail


def test_the_rules_documentation_is_rendered_by_one_parser() -> None:
    from citecheck.output.html import _commonmark, _markdown

    assert _commonmark() is _commonmark()
    assert str(_markdown("**what** <script>")) == "<p><strong>what</strong> &lt;script&gt;</p>\n"


def test_a_large_report_keeps_only_the_latest_paragraphs_and_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memos a page shares are bounded: the page is the same, and never holds every paragraph at once."""
    from citecheck.models import DocumentResult, Finding, Location, Severity
    from citecheck.output import html as report

    text = " ".join(f"Sentence {i} says “words number {i} here”." for i in range(40))
    doc = DocumentResult("a.txt", "0" * 64, "text", source=text)
    findings = []
    for i in range(40):
        start = text.index(f"words number {i} ")
        place = Location("a.txt", 1, start + 1, "x", f"vol. {i}, p. {i}", (0, len(text), start, start + 10))
        other = Location("a.txt", 1, 1, "x", f"vol. {i + 1}, p. {i}", (0, len(text), 0, 8))
        findings.append(Finding("CC101", "quote-source-conflict", Severity.ERROR, "m", (place, other), f"{i:016x}"))
    result = CheckResult((doc,), (), tuple(findings))
    unbounded = render_html(result, generated="x")
    monkeypatch.setattr(report, "PARAGRAPHS_KEPT", 3)
    monkeypatch.setattr(report, "MEMO_SIZE", 4)
    shared = report._Shared()
    views = [report.FindingView(f, f"f-{f.fingerprint}", {"a.txt": text}, shared) for f in findings]
    for v in views:
        v.article({})
        assert len(shared._contexts) <= 3 and len(shared._readings) <= 4 and len(shared._tokens._tokens) <= 4
    assert render_html(result, generated="x") == unbounded
