"""Quoted text that is not a quotation: scare quotes and the writer's own phrases.

Run after linking, because a short phrase that a note sources or a cue
attributes ("Lenin called it “a bureaucratic twist”") is a quotation however
short it is.
"""

from __future__ import annotations

import regex

#: Words as a reader counts them: "self-satisfied" and "workers’" are one word each.
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*")

#: Fewer words than this, unsourced and unattributed, is a scare quote or a term.
MIN_WORDS = 4


def word_count(text: str) -> int:
    """The number of words in ``text``, hyphenated compounds counted once."""
    return len(_WORD.findall(text))


def is_mention(text: str, block_start: int, open_mark: int, start: int, end: int) -> bool:
    """Whether the unsourced, unattributed inline quotation ``text[start:end]`` is a mention.

    It is when it is shorter than :data:`MIN_WORDS` words, or when the writer
    used the same words unquoted earlier in the paragraph ("…in one way or
    another. … the question of “one way or another” is not secondary").
    """
    found = _WORD.findall(text[start:end])
    if len(found) < MIN_WORDS:
        return True
    n = len(found)
    if n > 12:
        return False  # too long a phrase to be the writer's own: the paragraph before need not be read
    words = [w.lower() for w in found]
    before = [w.lower() for w in _WORD.findall(text[block_start:open_mark])]
    first = words[0]
    return any(before[i] == first and before[i : i + n] == words for i in range(len(before) - n + 1))
