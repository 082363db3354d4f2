"""Properties of extraction over generated documents (hypothesis)."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from citecheck.models import DocumentResult, TextView
from citecheck.pipeline import extract_paths
from citecheck.source.lines import line_starts
from tests.conftest import extract_text

settings.register_profile(
    "default", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

WORDS = ["the", "party", "soviets", "power", "Lenin", "Trotsky", "wrote", "said", "peasants", "War", "Congress"]
MARKS = [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("«", "»"), ("“", ""), ("", "”")]
REFS = [
    "Lenin, CW, vol. 24, p. 19.",
    "V. I. Lenin, Collected Works, Vol. XXXIII (Moscow, 1965), pp. 32-3.",
    "Ibid., p. 4.",
    "Ibid.",
    "Carr, op. cit., p. 12.",
    "Op. cit., p. 7.",
    "E. H. Carr, The Bolshevik Revolution, vol. 2 (London, 1952), p. 50.",
    "Quoted in Deutscher, The Prophet Armed, p. 90.",
]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 4))
    w = draw(words)
    if kind == 0:
        return w + "."
    if kind == 1:
        o, c = draw(st.sampled_from(MARKS))
        return f"{draw(words)} {draw(st.sampled_from(['wrote', 'said']))} {o}{w}{c}.{draw(st.sampled_from(['', '1', '2']))}"
    if kind == 2:
        return f"{w} ({draw(st.sampled_from(REFS)).rstrip('.')})."
    if kind == 3:
        return f"{w}[^{draw(st.integers(1, 3))}]."
    return f"{w} <i>{draw(words)}</i> &amp; &#xD800; &#0;."


@st.composite
def document(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(["text", "markdown", "html"]))
    paras = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5))
    notes = draw(st.lists(st.sampled_from(REFS), max_size=4))
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    if fmt == "html":
        body = "".join(f"<p>{p}</p>\n" for p in paras)
        body += '<ol class="notes">' + "".join(f'<li id="fn{i + 1}">{n}</li>' for i, n in enumerate(notes)) + "</ol>"
        return fmt, body.replace("\n", eol)
    if fmt == "markdown":
        tail = "".join(f"[^{i + 1}]: {n}\n" for i, n in enumerate(notes))
    else:
        tail = ("Notes\n\n" + "".join(f"{i + 1}. {n}\n\n" for i, n in enumerate(notes))) if notes else ""
    return fmt, ("\n\n".join(paras) + "\n\n" + tail).replace("\n", eol)


def _check_spans(text: str, doc: DocumentResult) -> None:
    lines = TextView(source=text, text=text, src=None, line_starts=line_starts(text))
    for c in doc.citations:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.raw
        assert lines.line_col(c.start) == (c.line, c.column)
    for q in doc.quotations:
        assert 0 <= q.start <= q.end <= len(text)
        assert lines.line_col(q.start) == (q.line, q.column)
        assert q.context_start <= q.start and q.end <= q.context_end <= len(text)


@given(document())
def test_extraction_never_raises_and_spans_point_at_the_source(doc: tuple[str, str]) -> None:
    fmt, text = doc
    _check_spans(text, extract_text(text, fmt))


@given(document())
@example(("markdown", "the <i>Lenin</i> &amp; &#xD800; &#0;. the (Op. cit., p. 7).\n\n"))  # a work named in prose
def test_short_forms_resolve_to_a_reference_read_before_or_are_dangling(doc: tuple[str, str]) -> None:
    fmt, text = doc
    result = extract_text(text, fmt)
    order = {c.id: i for i, c in enumerate(result.citations)}
    for i, c in enumerate(result.citations):
        if c.kind == "ibid" or c.raw.lower().startswith("op. cit"):
            if c.resolves_to is None:
                # no earlier reference: a problem is named, or the work repeated is one the prose
                # names (which has no citation id to point to)
                assert c.resolution_problem or c.work, c
            else:
                # read before: earlier in the file, or a note (read where its marker stands) repeated
                # by a short form of the running text
                target = result.citations[order[c.resolves_to]]
                assert order[c.resolves_to] < i or (c.note is None and target.note is not None), c


@given(document(), document())
def test_deterministic_and_independent_of_file_order(
    tmp_path_factory: object, a: tuple[str, str], b: tuple[str, str]
) -> None:
    folder = Path(tmp_path_factory.mktemp("docs"))  # type: ignore[attr-defined]
    ext = {"text": ".txt", "markdown": ".md", "html": ".html"}
    pa, pb = folder / ("a" + ext[a[0]]), folder / ("b" + ext[b[0]])
    pa.write_bytes(a[1].encode())
    pb.write_bytes(b[1].encode())
    one = extract_paths([pa, pb]).documents
    two = extract_paths([pb, pa]).documents
    assert [d.to_json() for d in one] == [d.to_json() for d in two]
    assert [d.to_json() for d in one] == [d.to_json() for d in extract_paths([folder]).documents]


@settings(max_examples=12)
@given(st.lists(document(), min_size=2, max_size=5))
def test_independent_of_jobs_and_the_cache(tmp_path_factory: object, docs: list[tuple[str, str]]) -> None:
    from citecheck.pipeline import Execution

    folder = Path(tmp_path_factory.mktemp("docs"))  # type: ignore[attr-defined]
    ext = {"text": ".txt", "markdown": ".md", "html": ".html"}
    for i, (fmt, text) in enumerate(docs):
        (folder / f"d{i}{ext[fmt]}").write_bytes(text.encode())
    cache = str(folder / ".cache")
    runs = [
        extract_paths([folder]),
        extract_paths([folder], None, Execution(jobs=2)),
        extract_paths([folder], None, Execution(cache_dir=cache)),  # cold
        extract_paths([folder], None, Execution(jobs=2, cache_dir=cache)),  # warm
    ]
    assert runs[3].cached == len(docs)
    first = [d.to_json() for d in runs[0].documents]
    for other in runs[1:]:
        assert [d.to_json() for d in other.documents] == first
