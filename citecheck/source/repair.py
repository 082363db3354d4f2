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

from citecheck.models import Repair

# Mac Roman byte value -> what it means, as it shows when read as Latin-1.
_MAC_ROMAN = {"É": "…", "Ò": "“", "Ó": "”", "Ô": "‘", "Õ": "’", "Ñ": "—", "Ð": "–"}

# "thousandÉ " / "wellÉ" at a word end; "doesnÕt" between lower-case letters;
# "ÒWordÓ" around a word.
_MAC_END = regex.compile(r"(?<=\p{Ll})[ÉÓÕ](?=[\s\p{P}]|$)")
_MAC_MID = regex.compile(r"(?<=\p{Ll})Õ(?=\p{Ll})")
_MAC_OPEN = regex.compile(r"(?:(?<=[\s(])|^)[ÒÔ](?=\p{L})", regex.M)
_MAC_DASH = regex.compile(r"(?<=\p{Ll}) ?[ÑÐ] ?(?=\p{Ll})")

_SUSPECT = regex.compile(r"[ÃÂâ][\x80-\xbf\u0152-\u2122]")
#: Every repair above starts at one of these characters: text without them needs none.
REPAIR_START_CHARS = "ÉÒÓÔÕÑÐÃÂâ"
_TOKEN = regex.compile(r"[^ \t]+")


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
        fixed = _fix_tokens(fixed, notes)
    notes.sort()
    return fixed, notes


def _fix_tokens(line: str, notes: list[tuple[int, str, str, str]]) -> str:
    """ftfy on each space-delimited token that looks like mojibake.

    Token by token, and the change trimmed to what differs, so the cost stays
    linear in the line (a diff of the whole line is cubic on a 20 MB line).
    """
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(line):
        tok = m.group()
        if not _SUSPECT.search(tok):
            continue
        fixed = ftfy.fix_encoding(tok)
        if fixed == tok:
            continue
        p = 0
        while p < min(len(tok), len(fixed)) and tok[p] == fixed[p]:
            p += 1
        q = 0
        while q < min(len(tok), len(fixed)) - p and tok[-1 - q] == fixed[-1 - q]:
            q += 1
        a, b = m.start() + p, m.end() - q
        out.append(line[pos:a])
        out.append(fixed[p : len(fixed) - q])
        for off, original, replacement in _changed_runs(line[a:b], fixed[p : len(fixed) - q]):
            notes.append((a + off, original, replacement, "UTF-8 read as Windows-1252"))
        pos = b
    out.append(line[pos:])
    return "".join(out)


#: Longest changed stretch of a token aligned character by character (the alignment is quadratic).
ALIGN_LIMIT = 200


def _changed_runs(old: str, new: str) -> list[tuple[int, str, str]]:
    """The runs that differ between a token and its repair: ``(offset in old, original, replacement)``.

    "â€œstopâ€\x9d" -> "“stop”" is two repairs, so "stop" keeps its own source
    offsets.  A stretch longer than ALIGN_LIMIT stays one repair.
    """
    if len(old) > ALIGN_LIMIT:
        return [(0, old, new)]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(i1, old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def align(line: str, notes: list[tuple[int, str, str, str]], base: int) -> list[int]:
    """Source offset (``base`` + offset in ``line``) of each character of the repaired line.

    A replacement's characters map onto the original characters they replace
    (the last one when the replacement is longer).
    """
    mapping: list[int] = []
    pos = 0
    for off, orig, rep, _why in sorted(notes):
        if off < pos:
            continue
        mapping.extend(range(base + pos, base + off))
        last = off + max(len(orig) - 1, 0)
        mapping.extend(base + min(off + k, last) for k in range(len(rep)))
        pos = off + len(orig)
    mapping.extend(range(base + pos, base + len(line)))
    return mapping


def to_repairs(notes: list[tuple[int, str, str, str]], line: int, col0: int) -> list[Repair]:
    """Turn :func:`repair_line` notes into :class:`Repair` records for a source line."""
    return [Repair(line, col0 + off + 1, orig, rep, why) for off, orig, rep, why in notes]
