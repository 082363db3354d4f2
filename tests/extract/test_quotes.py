"""Quotations: marks paired in one pass, block quotations in every format, titles left out."""

from __future__ import annotations

import pytest

from citecheck.extract.quotes import find_quotes, is_title
from tests.conftest import view_of


def quotes(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    view = view_of(text, fmt)
    return [(q.form, " ".join(view.text[q.start : q.end].split())) for q in find_quotes(view)]


CASES = [
    ("text", "He said “we shall win the war” and left.\n", [("inline", "we shall win the war")]),
    ("text", 'He said "we shall win the war" and left.\n', [("inline", "we shall win the war")]),
    ("text", "He said «we shall win the war» and left.\n", [("inline", "we shall win the war")]),
    ("markdown", "He said «_we shall_ win the war» and left.\n", [("inline", "we shall win the war")]),
    ("text", "He said ‘the workers’ state is ours’ then.\n", [("inline", "the workers’ state is ours")]),
    # a curly “ its paragraph never closes with ”, closed by a typed straight "
    (
        "text",
        'He wrote “the councils were everywhere in those years." (p. 39)\n',
        [("inline", "the councils were everywhere in those years.")],
    ),
    # German „…“: the “ closes
    ("text", "Sie schrieb: „Freiheit ist immer Freiheit“ und ging.\n", [("inline", "Freiheit ist immer Freiheit")]),
    # straight single quotes (British style); apostrophes inside words and after a plural s are not marks
    (
        "text",
        "Hale wrote that 'the workers' state can't last' and that 'it won't'.\n",
        [("inline", "the workers' state can't last"), ("inline", "it won't")],
    ),
    ("text", "Hale's view and the workers' councils' fate were clear.\n", []),
    # a straight ' inside a quotation is the quoted writer's own quoting, not a quotation here
    (
        "text",
        "He wrote “the 'dictatorship' of the class has come”.\n",
        [("inline", "the 'dictatorship' of the class has come")],
    ),
    # a quotation inside a quotation is a quotation of its own
    (
        "text",
        "She wrote “he told us ‘wait for the spring’ and we did”.\n",
        [("inline", "he told us ‘wait for the spring’ and we did"), ("inline", "wait for the spring")],
    ),
    # block quotations in three formats, and the quotations nested in them
    (
        "markdown",
        "Intro:\n\n> The state “withers away” as the classes go.\n\nMore.\n",
        [("block", "The state “withers away” as the classes go."), ("inline", "withers away")],
    ),
    (
        "html",
        "<p>Intro:</p><blockquote><p>The state withers away.</p><p>The classes go.</p></blockquote>",
        [("block", "The state withers away. The classes go.")],
    ),
    (
        "html",
        '<p>Intro:</p><p class="quoteb">The state withers away as the classes go.</p>',
        [("block", "The state withers away as the classes go.")],
    ),
    (
        "text",
        "Intro:\n\n    The state withers away as the classes go.\n\nMore prose here.\n",
        [("block", "The state withers away as the classes go.")],
    ),
    # a note's second paragraph, indented under it, is the note going on, not a block quotation
    (
        "text",
        "Text.\n\nNotes\n\n  1. Orlov, Councils, p. 3.\n\n  2. The councils had ended.\n\n"
        "    This was not the end of the dispute, as Hale wrote later.\n",
        [],
    ),
    # HTML's <q>: a quotation whose marks the browser draws
    (
        "html",
        "<p>Hale wrote <q>the councils were everywhere in those years</q> in his book.</p>",
        [("inline", "the councils were everywhere in those years")],
    ),
    # two block quotations, the first opening a mark it never closes, the second reopening it: one
    # quotation of two paragraphs (marxists.org, An Anarchist FAQ)
    (
        "html",
        "<p>As Hale noted:</p><blockquote><p>“the councils were everywhere in those years, and</p></blockquote>"
        "<blockquote><p>“nobody could stop them.” [Hale, p. 3]</p></blockquote><p>More.</p>",
        [("block", "the councils were everywhere in those years, and “nobody could stop them.” [Hale, p. 3]")],
    ),
    (
        "html",
        "<p>As Hale noted:</p><blockquote><p>“the councils were everywhere in those years.”</p></blockquote>"
        "<blockquote><p>“Nobody could stop them,” said Orlov.</p></blockquote>",
        [
            ("block", "the councils were everywhere in those years."),
            ("block", "Nobody could stop them,” said Orlov."),
            ("inline", "Nobody could stop them,"),
        ],
    ),
    # one block quotation of three paragraphs, each reopening the mark only the last closes: one
    # quotation, no second one in its last paragraph (in a blockquote, and indented in plain text)
    (
        "markdown",
        'As Hale noted:\n\n> "The councils were everywhere.\n>\n> "Nobody could stop them.\n>\n> "Not even the party."\n\nMore.\n',
        [("block", 'The councils were everywhere. "Nobody could stop them. "Not even the party.')],
    ),
    (
        "text",
        'As Hale noted:\n\n    "The councils were everywhere.\n\n    "Nobody could stop them.\n\n    "Not even the party."\n\nMore prose.\n',
        [("block", 'The councils were everywhere. "Nobody could stop them. "Not even the party.')],
    ),
    # a paragraph wholly in quotation marks, over paragraphs that do not reopen the mark
    (
        "text",
        "He wrote:\n\n“The state withers away.\n\nThe classes go.”\n\nMore.\n",
        [("block", "The state withers away. The classes go.")],
    ),
    # titles in quotation marks are not quotations
    ("text", "In his article “The Tasks of the Youth Leagues” he spoke.\n", []),
    ("text", "Read “The State and Revolution” today.\n", []),
    # a never-closing mark finds nothing and costs nothing
    ("text", "He said “we shall win and never closed it.\n", []),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), CASES)
def test_quotes(fmt: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(text, fmt) == expected


@pytest.mark.parametrize(
    ("before", "inner", "title"),
    [
        ("his article ", "Left-Wing Communism", True),
        ("", "The State and Revolution", True),
        ("", "we shall win", False),
        ("he recalled ", "we shall win the war", False),
        # a slogan or a demand is words cried, never a title, however capitalised; "called" names a title
        ("the slogan ", "All power to the Soviets", False),
        ("campaigning, calling for ", "All Power to the Councils", False),
        ("the cry of ", "Bread and Peace", False),
        ("an article called ", "Barbarism or Socialism", True),
    ],
)
def test_is_title(before: str, inner: str, title: bool) -> None:
    text = f"{before}“{inner}”"
    k = len(before)
    assert is_title(text, k, k + 1, k + 1 + len(inner), 0) == title


@pytest.mark.parametrize(
    ("text", "close"),
    [
        ("‘the workers’ state is here’, he said", 27),  # the apostrophe of "workers’ state" is passed over
        ("‘the workers’ state. More", 12),  # no better one before the sentence ends: the fallback
        ("‘Lenin’s view’ x", 13),
        ("‘a “b’ c", None),  # a double mark stops the search
        ("‘a\nb’", None),
        ("‘a. B’", None),
        ("‘a.b’", 4),  # a full stop with no space after it ends no sentence
        ("‘" + "x" * 700 + "’", None),  # 600 characters at most
    ],
)
def test_single_close(text: str, close: int | None) -> None:
    from citecheck.extract.quotes import _single_close

    assert _single_close(text, 0, len(text)) == close
