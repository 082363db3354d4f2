"""Control characters from corpus text and file names never reach a terminal or a CI log raw."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from citecheck.models import Finding, Location, Severity
from citecheck.output.escape import escape_controls
from citecheck.output.github import to_github
from citecheck.output.terminal import print_findings

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"  # OSC: set the window title
RED = "\x1b[31m"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (CLEAR, "\\x1b[2J"),
        (TITLE, "\\x1b]0;pwned\\x07"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x9b2J", "\\x9b2J"),  # the one-byte C1 form of ESC [
        ("\x7f", "\\x7f"),
        ("abc\u202edcba", "abc\\u202edcba"),  # a bidirectional override reorders what the line seems to say
        ("“Lenin’s words” – naïve … \\x41", "“Lenin’s words” – naïve … \\x41"),  # text, and a real backslash, as is
    ],
)
def test_escape_controls(text: str, shown: str) -> None:
    assert escape_controls(text) == shown


def _finding(path: str, message: str) -> Finding:
    return Finding(
        code="CC105",
        rule="unsourced-quote",
        severity=Severity.INFO,
        message=message,
        locations=(Location(path, 3, 7, message), Location(path + "2", 9, 1, "x")),
        fingerprint="f",
        suggestion=f"Lenin, CW 33{RED}",
    )


HOSTILE = _finding(f"essays/{CLEAR}name.txt", f"“we must {CLEAR}{TITLE} learn to trade” has no reference")


@pytest.mark.parametrize("terminal", [False, True])
def test_text_output_escapes_control_characters(terminal: bool) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=terminal, color_system=None, width=400)
    print_findings([HOSTILE], console, 1)
    text = out.getvalue()
    assert "\x07" not in text and "\x1b]" not in text and CLEAR not in text and RED not in text
    assert "\\x1b[2J\\x1b]0;pwned\\x07 learn" in text and "essays/\\x1b[2Jname.txt" in text


def test_github_output_escapes_control_characters() -> None:
    text = to_github([HOSTILE])
    assert "\x1b" not in text and "\x07" not in text
    assert text.count("\n") == 1  # one finding, one line
    assert "file=essays/\\x1b[2Jname.txt" in text and "\\x1b]0;pwned\\x07" in text


def test_concise_output_escapes_control_characters() -> None:
    from citecheck.output.concise import to_concise

    text = to_concise([HOSTILE])
    assert "\x1b" not in text and "\x07" not in text and text.count("\n") == 1
    assert text.startswith("essays/\\x1b[2Jname.txt:3:7: CC105 “we must \\x1b[2J\\x1b]0;pwned\\x07 learn")
