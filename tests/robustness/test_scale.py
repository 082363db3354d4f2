"""Scale: work grows linearly with the input (``-m slow``; deselected by default).

Each check times extraction at n and 2n and allows a generous ratio (3, where
linear is 2 and quadratic 4), so it holds on a slow or busy machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.conftest import extract_text

pytestmark = pytest.mark.slow


def _ratio(make: Callable[[int], str], n: int, fmt: str = "text", rounds: int = 4) -> float:
    """Time at 2n over time at n, each the best of ``rounds`` runs.

    The two sizes take turns, so a burst of load on a shared machine slows
    both rather than one (a busy machine only adds time, hence the minimum).
    """
    texts = (make(n), make(2 * n))
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for i, text in enumerate(texts):
            t0 = time.perf_counter()
            extract_text(text, fmt)
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
}


@pytest.mark.parametrize("name", sorted(LINEAR_STAGES))
def test_linear_in_extraction_stages(name: str) -> None:
    make, n, fmt = LINEAR_STAGES[name]
    assert _ratio(make, n, fmt) < 3
