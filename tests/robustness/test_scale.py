"""Scale: work grows linearly with the input (``-m slow``; deselected by default).

Each check times extraction at n and 2n and allows a generous ratio (3, where
linear is 2 and quadratic 4), so it holds on a slow or busy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from citecheck.source.build import build_view
from citecheck.source.load import document_from_text
from tests.conftest import ROOT, extract_text

pytestmark = pytest.mark.slow


def _ratio(make: Callable[[int], str], n: int, fmt: str = "text", rounds: int = 4) -> float:
    """Time to extract at 2n over time at n, each the best of ``rounds`` runs."""
    return _ratio_of(lambda text: extract_text(text, fmt), make, n, rounds)


def _ratio_of(run: Callable[[str], object], make: Callable[[int], str], n: int, rounds: int = 4) -> float:
    """Time of ``run`` at 2n over time at n, each the best of ``rounds`` runs.

    The two sizes take turns, so a burst of load on a shared machine slows
    both rather than one (a busy machine only adds time, hence the minimum).
    """
    texts = (make(n), make(2 * n))
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for i, text in enumerate(texts):
            t0 = time.perf_counter()
            run(text)
            best[i] = min(best[i], time.perf_counter() - t0)
    return best[1] / max(best[0], 1e-3)


def _notes(n: int) -> str:
    body = "".join(f"Text{i + 1}. " for i in range(n))
    return body + "\n\nNotes\n\n" + "".join(f"{i + 1}. Lenin, CW, vol. 24, p. {i % 700 + 1}.\n\n" for i in range(n))


def test_20_mb_single_line() -> None:
    text = ("Lenin wrote “all power to the soviets”. " + "word " * 4_000_000)[:20_000_000]
    doc = extract_text(text)
    assert len(doc.quotations) == 1 and doc.quotations[0].line == 1


LINEAR = {
    "long line": (lambda n: "word " * n, 400_000, "text"),
    "mojibake": (lambda n: "thousandÉ â€œ " * n, 4000, "text"),
    "markdown quotes": (lambda n: "> “quote”\n" * n, 40_000, "markdown"),
    "markdown emphasis": (lambda n: "*a " * n, 40_000, "markdown"),
    "never closes": (lambda n: "He said “" + "word " * n, 1_000_000, "text"),
}


@pytest.mark.parametrize("name", sorted(LINEAR))
def test_linear(name: str) -> None:
    make, n, fmt = LINEAR[name]
    assert _ratio(make, n, fmt) < 3


def test_100000_footnotes() -> None:
    doc = extract_text(_notes(100_000))
    assert len(doc.citations) == 100_000
    last = doc.citations[-1]
    assert (last.note, last.pages, last.volume) == (100_000, str(99_999 % 700 + 1), "24")


LINEAR_STAGES = {
    "many notes (resolve: op. cit. and short titles)": (_notes, 1000, "text"),
    "many markdown footnotes": (
        lambda n: (
            "".join(f"T[^{i + 1}]. " for i in range(n))
            + "\n\n"
            + "".join(f"[^{i + 1}]: Lenin, CW, vol. 24, p. {i}.\n" for i in range(n))
        ),
        1000,
        "markdown",
    ),
    "unbalanced opening marks (find_quotes)": (lambda n: "“a " * n, 2000, "text"),
    "unbalanced straight quotes (find_quotes)": (lambda n: '"a ' * n, 2000, "text"),
    "many HTML paragraphs with quotes (speakers, extract)": (lambda n: "<p>“x” y</p>\n" * n, 2000, "html"),
    "many quotes in one paragraph (speakers, sentences)": (lambda n: "He said “x y”, and " * n, 2000, "text"),
    "many names (mentions/speakers)": (lambda n: "Lenin Trotsky Stalin " * n, 2000, "text"),
    # no cue: each quotation asks whether its sentence names a body's document outside it
    "uncued quotations in one sentence after many names (speakers)": (
        lambda n: "Lenin met Trotsky. " * n + "“x y” and " * n,
        2000,
        "text",
    ),
    # a pronoun before each: who the passage is about counts every "he" (salient, resolve)
    "pronoun-cued quotations in one sentence (speakers)": (lambda n: "he said “x y” and " * n, 1500, "text"),
    # bodies, no person: the last person is looked for past every one of them
    "bodies and uncued quotations in one sentence (speakers)": (
        lambda n: "the Tenth Congress “x y” and " * n,
        1500,
        "text",
    ),
    # issue 17's shapes, and others of the same families
    "markdown quote line with a long space run": (lambda n: '> "a' + " " * n + 'b"\n', 20_000, "markdown"),
    "run-on sentence of quotations and citations": (
        lambda n: 'Lenin said "we shall win the war" (Lenin, CW 25, p. 402), and ' * n,
        500,
        "text",
    ),
    "html run-on sentence with empty character references": (
        lambda n: "<p>" + "Lenin said &#8220;we shall win&#8221; (CW 25, p. 4) &#; and " * n + "</p>",
        500,
        "html",
    ),
    "one quotation repeated (echoes)": (lambda n: "He wrote “the councils were everywhere”.\n\n" * n, 1500, "text"),
    "attribution lines and wikilinks": (
        lambda n: "> The bureaucracy does not form a class.\n\n- Trotsky, [[The Revolution Betrayed (1937)]]\n\n" * n,
        800,
        "markdown",
    ),
    "thousands of citations in one paragraph": (lambda n: "“a b c d” [p. 1] " * n, 1500, "markdown"),
    "deeply nested parentheses": (lambda n: "(" * n + "p. 3" + ")" * n, 20_000, "text"),
    "deeply nested brackets": (lambda n: "[" * n + "p. 3" + "]" * n, 20_000, "text"),
    "unclosed parentheses": (lambda n: "(p. 3 " * n, 5000, "text"),
    # page-foot notes (text from a PDF): a run of notes under each page's body, and runs with no marker
    "notes at the foot of many pages": (
        lambda n: (
            "".join(f"Orlov said “x y”.{i + 1}\n\n{i + 1} Orlov, Red Decade, {i}.\n\n" for i in range(n))
            + "".join(f"{i + 1} Numbered Line.\n\nText.\n\n" for i in range(n))
        ),
        800,
        "text",
    ),
    # symbol notes: many glued asterisks the notes never use, then many symbol notes
    "symbol markers and notes": (
        lambda n: (
            "Orlov said “x y”.** " * n + "\n\n" + "".join(f"* Orlov, Red Decade, {i}.\n\nText.*\n\n" for i in range(n))
        ),
        800,
        "text",
    ),
    "a long note": (lambda n: "Text.1\n\nNotes\n\n1. " + "Orlov, *Red Decade*, 3; " * n + "\n", 500, "markdown"),
}


@pytest.mark.parametrize("name", sorted(LINEAR_STAGES))
def test_linear_in_extraction_stages(name: str) -> None:
    make, n, fmt = LINEAR_STAGES[name]
    ratios: list[float] = []
    while len(ratios) < 3 and min(ratios, default=9.0) > 2.5:
        ratios.append(_ratio(make, n, fmt, rounds=3))
    assert min(ratios) <= 2.5, ratios


def test_an_essay_repeated_is_linear() -> None:
    essay = (ROOT / "corpus" / "genesis-of-bureaucratic-socialism.txt").read_text(encoding="utf-8")
    body = essay.split("\n\n")
    # one file of ~0.5 MB against ~1 MB: the essay's paragraphs over and over
    make = lambda n: "\n\n".join(body * n)  # noqa: E731
    ratios: list[float] = []
    while len(ratios) < 3 and min(ratios, default=9.0) > 2.5:
        ratios.append(_ratio(make, 8, "text", rounds=2))
    assert min(ratios) <= 2.5, ratios


# --- building the view (citecheck.source.build_view), every format -------------------------------


def _view(fmt: str) -> Callable[[str], object]:
    return lambda text: build_view(document_from_text("essay", text, fmt))


VIEW_SHAPES = {
    # issue 17: a quote in a quote continued lazily, line after line
    "markdown quote in quote": ("markdown", lambda n: "> a\n> > b\n" * n, 5000),
    "markdown growing nesting": ("markdown", lambda n: "".join(">" * (k % 100 + 1) + " x\n" for k in range(n)), 1500),
    "markdown nested lists": ("markdown", lambda n: "".join("  " * (k % 50) + "- x\n" for k in range(n)), 4000),
    "markdown footnotes": (
        "markdown",
        lambda n: "".join(f"T[^{i}]. " for i in range(n)) + "\n\n" + "".join(f"[^{i}]: Note {i}.\n" for i in range(n)),
        1000,
    ),
    "markdown giant paragraph": ("markdown", lambda n: "word *em* \\[x\\] &amp; " * n, 4000),
    "markdown whitespace": ("markdown", lambda n: "a" + " " * n + "b\n", 400_000),
    "markdown open brackets": ("markdown", lambda n: "[a " * n, 8000),
    "markdown backticks": ("markdown", lambda n: "`a " * n, 8000),
    "markdown open tags": ("markdown", lambda n: "<a " * n, 8000),
    "markdown inline html": ("markdown", lambda n: "w<sup>1</sup> <i>x</i> " * n, 3000),
    "html nested divs": ("html", lambda n: "<div>" * n + "x" + "</div>" * n, 20_000),
    "html nested quotes": ("html", lambda n: "<blockquote><p>x</p>" * n, 5000),
    "html notes and markers": (
        "html",
        lambda n: (
            "<p>"
            + "".join(f'T<a href="#n{i}" name="f{i}">[{i}]</a> ' for i in range(n))
            + "</p>"
            + "".join(f'<p class="endnote"><a name="n{i}" href="#f{i}">[{i}]</a> N.</p>' for i in range(n))
        ),
        1500,
    ),
    "html giant paragraph": ("html", lambda n: "<p>" + "word <i>em</i> &amp; " * n, 10_000),
    "html whitespace": ("html", lambda n: "<p>a" + " \n" * n + "b</p>", 400_000),
    "html unclosed tags": ("html", lambda n: '<a "' * n, 40_000),
    "html line breaks": ("html", lambda n: "<p>" + "a<br>" * n, 10_000),
    "text giant paragraph": ("text", lambda n: "word, “quoted”.1 " * n, 40_000),
    "text notes and markers": (
        "text",
        lambda n: (
            "".join(f"Text{i + 1}. " for i in range(n))
            + "\n\nNotes\n\n"
            + "".join(f"{i + 1}. Lenin, p. {i}.\n\n" for i in range(n))
        ),
        5000,
    ),
    "text whitespace": ("text", lambda n: "a" + " " * n + "b\n", 400_000),
    "text short lines": ("text", lambda n: "Head\n\n" * n, 20_000),
}


@pytest.mark.parametrize("name", sorted(VIEW_SHAPES))
def test_view_is_linear(name: str) -> None:
    fmt, make, n = VIEW_SHAPES[name]
    # up to three measurements: a burst of load from elsewhere can spoil one; quadratic work
    # (a ratio near 4) fails all three
    ratios: list[float] = []
    while len(ratios) < 3 and min(ratios, default=9.0) > 2.5:
        ratios.append(_ratio_of(_view(fmt), make, n, rounds=3))
    assert min(ratios) <= 2.5, ratios


def test_100000_nested_divs() -> None:
    t0 = time.perf_counter()
    view = build_view(document_from_text("deep.html", "<div>" * 100_000 + "deep" + "</div>" * 100_000, "html"))
    assert view.text.strip() == "deep" and time.perf_counter() - t0 < 20


def test_3000_lines_of_growing_quote_nesting() -> None:
    text = "".join(">" * k + f" line {k}\n" for k in range(1, 3001))
    t0 = time.perf_counter()
    view = build_view(document_from_text("deep.md", text, "markdown"))
    assert len(view.blocks) == 3000 and view.blocks[-1].depth == 3000
    assert time.perf_counter() - t0 < 30
