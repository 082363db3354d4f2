"""Control characters made visible, for output that reaches a terminal or a CI log.

Corpus text and file names are untrusted: an escape sequence in a quotation
(``ESC [2J`` clears the screen, ``ESC ]0;…BEL`` retitles the window, others
recolour or move the cursor) or a newline in a file name must not act on the
user's terminal, nor split one message into two lines.  Every C0 and C1
control character, DEL, and the Unicode bidirectional overrides and isolates
(which reorder what a line appears to say) are written as Python-style
escapes: ``\\x1b``, ``\\n``, ``\\u202e``.  A literal backslash is left as it is.
"""

from __future__ import annotations

_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
_TABLE = {c: _NAMED.get(c, f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _CONTROLS}


def escape_controls(text: str) -> str:
    """``text`` with every control character written as an escape (``"\\x1b[2J"`` -> ``"\\\\x1b[2J"``)."""
    return text.translate(_TABLE)
