"""Mojibake repair: fix text that was decoded with the wrong character set.

Two kinds are repaired, both only where the reading is unambiguous:

* UTF-8 read as Windows-1252 / Latin-1 ("â€œ", "doesnâ€™t", "Ã©"), by ftfy;
* Mac Roman punctuation read as Latin-1: "thousandÉ" (É is Mac Roman's …),
  "ÒquoteÓ", "doesnÕt".  An upper-case accented letter glued to the end of a
  lower-case word, or between two lower-case letters, is never English; it is
  repaired only in that position.

Every repair is reported; none is silent.
"""

from __future__ import annotations

import difflib

import ftfy
import regex

from .models import Repair

# Mac Roman byte value -> what it means, as it shows when read as Latin-1.
_MAC_ROMAN = {"É": "…", "Ò": "“", "Ó": "”", "Ô": "‘", "Õ": "’", "Ñ": "—", "Ð": "–"}

# "thousandÉ " / "wellÉ" at a word end; "doesnÕt" between lower-case letters;
# "ÒWordÓ" around a word.
_MAC_END = regex.compile(r"(?<=\p{Ll})[ÉÓÕ](?=[\s\p{P}]|$)")
_MAC_MID = regex.compile(r"(?<=\p{Ll})Õ(?=\p{Ll})")
_MAC_OPEN = regex.compile(r"(?:(?<=[\s(])|^)[ÒÔ](?=\p{L})", regex.M)
_MAC_DASH = regex.compile(r"(?<=\p{Ll}) ?[ÑÐ] ?(?=\p{Ll})")

_SUSPECT = regex.compile(r"[ÃÂâ][\x80-\xbf\u0152-\u2122]")


def repair_line(line: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Repair one line: ``(fixed, [(offset, original, replacement, reason), ...])``.

    Offsets are into the original line.  The fixed line may differ in length
    only where ftfy replaced a multi-character sequence.
    """
    notes: list[tuple[int, str, str, str]] = []
    chars = list(line)
    for pattern in (_MAC_END, _MAC_MID, _MAC_OPEN):
        for m in pattern.finditer(line):
            ch = m.group()
            chars[m.start()] = _MAC_ROMAN[ch]
            notes.append((m.start(), ch, _MAC_ROMAN[ch], "Mac Roman punctuation read as Latin-1"))
    for m in _MAC_DASH.finditer(line):
        i = m.start() + m.group().index(next(c for c in m.group() if c in "ÑÐ"))
        chars[i] = _MAC_ROMAN[line[i]]
        notes.append((i, line[i], _MAC_ROMAN[line[i]], "Mac Roman punctuation read as Latin-1"))
    fixed = "".join(chars)
    if _SUSPECT.search(fixed):
        candidate = ftfy.fix_encoding(fixed)
        if candidate != fixed:
            sm = difflib.SequenceMatcher(None, fixed, candidate, autojunk=False)
            for tag, a1, a2, b1, b2 in sm.get_opcodes():
                if tag != "equal":
                    notes.append((a1, fixed[a1:a2], candidate[b1:b2], "UTF-8 read as Windows-1252"))
            fixed = candidate
    notes.sort()
    return fixed, notes


def to_repairs(notes: list[tuple[int, str, str, str]], line: int, col0: int) -> list[Repair]:
    """Turn :func:`repair_line` notes into :class:`Repair` records for a source line."""
    return [Repair(line, col0 + off + 1, orig, rep, why) for off, orig, rep, why in notes]
