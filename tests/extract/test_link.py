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
    # hard-wrapped text: the bracket right after the closing mark, on the next line
    (
        '   Organisation is "a natural and necessary condition of social life."\n   [Hale, Councils, p. 83] '
        "Clearly, the question is how.\n",
        ["[Hale, Councils, p. 83]"],
    ),
    # an author-date citation just before the quotation, in its sentence
    ("As Hale (1987: 58) put it, “the councils were everywhere in those years”.\n", ["(1987: 58)"]),
    ("Others disagree (Keller 1980: 9). Hale wrote “the councils were everywhere in those years”.\n", [None]),
    # a locator right after the speaker's name, before the quotation in its sentence
    ("Keller argues [p. 110] that they tended to “reject and even despise the councils”.\n", ["[p. 110]"]),
    # a block quotation of several paragraphs, each ending in a marker: the first marker sources it
    (
        "Hale put it so:\n\n> The councils were everywhere in those years.[^1]\n>\n"
        "> Nobody could stop them, not even the party.[^2]\n\nMore.\n\n"
        "[^1]: Hale, *Councils*, 3.\n[^2]: Ibid., 4.\n",
        ["Hale, *Councils*, 3."],
    ),
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
    # pandoc's inline notes: a note where the marker stands sources the quotation before it
    (
        "“The councils were everywhere”.^[Hale, *Councils*, 3.] “Nobody stopped them”.^[Ibid., 4.]\n",
        ["Hale, *Councils*, 3.", "Ibid., 4."],
    ),
    # an Obsidian quote callout: its title sources the quotation
    ("> [!quote] Hale, *Councils*, p. 3\n> The councils were everywhere in those years.\n", ["Hale, *Councils*, p. 3"]),
    # a work the prose names to open the next sentence does not source the quotation before it
    (
        "As Hale wrote in *The Councils*, “nobody could stop them”. Orlov, in *Red Decade*, called it “a dream”.\n",
        ["As Hale wrote in *The Councils*", "Orlov, in *Red Decade*"],
    ),
    # nothing sources an unsourced quotation
    ("Hale wrote that “the councils were everywhere in those years”.\n", [None]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_links(text: str, expected: list[str | None]) -> None:
    assert links(text) == expected


def test_a_reference_set_as_a_quotation_paragraph_under_a_block_quotation() -> None:
    """marxists.org: ``<p class="quoteb">(Collected Works, Vol. 25, p. 441)</p>`` under the block
    quotation sources it; a "Notes" heading after it is no attribution; ``<em>Ibid.</em>`` keeps
    its opening tag in ``raw``."""
    text = (
        '<p>Lenin wrote “we need a state apparatus that works”.<a href="#n1" name="f1">1</a> And:</p>'
        "<blockquote><p>The proletariat needs the state only temporarily, "
        'as we have always said.</p></blockquote><p class="quoteb">(Collected Works, Vol. 25, p. 441)</p>'
        '<h4>Notes</h4><p class="endnote"><a href="#f1" name="n1">1.</a> <em>Ibid.</em>, Vol. 33, p. 489.</p>'
    )
    assert links(text, "html") == ["<em>Ibid.</em>, Vol. 33, p. 489.", "(Collected Works, Vol. 25, p. 441)"]
    assert [c.raw for c in extract_text(text, "html").citations if c.kind == "attribution"] == []


def test_a_cite_inside_a_block_quotation_is_its_source_not_its_words() -> None:
    """WordPress and HTML5: ``<blockquote><p>…</p><cite>Source</cite></blockquote>``; the source
    line set in italics by ``<cite>`` still has its author found."""
    text = (
        "<p>Hale put it so:</p><blockquote><p>The councils were everywhere in those years, and nobody "
        "could stop them.</p><cite>Anton Hale, The Red Decade, vol. 2, p. 39</cite></blockquote>"
    )
    r = extract_text(text, "html")
    (q,) = r.quotations
    assert q.text == "The councils were everywhere in those years, and nobody could stop them."
    c = r.citation(q.citation)
    assert c is not None and (c.kind, c.author, c.volume, c.pages) == ("attribution", "Hale, A.", "2", "39")
