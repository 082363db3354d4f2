"""Quotation -> the reference that sources it."""

from __future__ import annotations

import pytest

from tests.conftest import extract_text


def links(text: str, fmt: str = "markdown") -> list[str | None]:
    r = extract_text(text, fmt)
    out = []
    for q in r.quotations:
        c = r.citation(q.citation)
        out.append(" ".join(c.raw.split()) if c else None)
    return out


CASES = [
    # a marker right after the closing mark, punctuation between allowed
    ("“The councils were everywhere in those years”.[^1]\n\n[^1]: Hale, *Councils*, 3.\n", ["Hale, *Councils*, 3."]),
    # a parenthesis after the sentence's full stop
    ("“We shall win the war,” he warned. (LCW, Vol. 33, p. 212.)\n", ["(LCW, Vol. 33, p. 212.)"]),
    # a reference later in the quotation's sentence
    ("Hale wrote “we shall win the war” in his memoirs [Hale, *Memoirs*, p. 9].\n", ["[Hale, *Memoirs*, p. 9]"]),
    # the attribution line under a block quotation
    (
        "Hale put it so:\n\n> The councils were everywhere in those years.\n>\n> — Hale, *Councils*\n\nMore.\n",
        ["Hale, *Councils*"],
    ),
    # a reference closing a block quotation
    (
        "Hale put it so:\n\n> The councils were everywhere in those years. (Hale, *Councils*, p. 3)\n\nMore.\n",
        ["(Hale, *Councils*, p. 3)"],
    ),
    # an author-date citation just before the quotation, in its sentence
    ("As Hale (1987: 58) put it, “the councils were everywhere in those years”.\n", ["(1987: 58)"]),
    ("Others disagree (Keller 1980: 9). Hale wrote “the councils were everywhere in those years”.\n", [None]),
    # a reference also sources the earlier quotations of its paragraph with the same speaker
    (
        "Hale wrote that “the councils were everywhere” and that “nobody could stop them” (Hale, *Councils*, p. 3).\n",
        ["(Hale, *Councils*, p. 3)", "(Hale, *Councils*, p. 3)"],
    ),
    # ... and of an unknown speaker, when the sourced one's speaker is unknown too
    (
        "The decree ordered “measures against speculation”. It also demanded “the requisition of all stocks”.[^1]\n\n"
        "[^1]: *Sobranie Uzakonenii*, 1920, no. 3.\n",
        ["*Sobranie Uzakonenii*, 1920, no. 3.", "*Sobranie Uzakonenii*, 1920, no. 3."],
    ),
    # nothing sources an unsourced quotation
    ("Hale wrote that “the councils were everywhere in those years”.\n", [None]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_links(text: str, expected: list[str | None]) -> None:
    assert links(text) == expected
