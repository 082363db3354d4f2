"""Attribution lines: the source line set under a block quotation.

``Collected Works, Volume 33``, ``The Revolution Betrayed``,
``- Trotsky, [[The Revolution Betrayed (1937)]]``, ``Quoted by Carr, The Bolshevik Revolution``,
``Eighth Congress of the R.C.P.(B.), March 18-23, 1919. “6. Report …”, Collected Works, Vol. XXIV``.
"""

from __future__ import annotations

import regex

_DASH_NAME = regex.compile(r"^[-—–―]{1,2}\s*\p{Lu}")
_QUOTED = regex.compile(r"^\(?(?:as\s+)?(?:quoted|cited)\s+(?:in|by)\b", regex.I)
_SOURCEISH = regex.compile(
    r"\b(?:vol(?:ume)?s?\.?\s*(?:[IVXLC]+|\d+)|collected\s+works|selected\s+works|works|writings|pp?\.\s*\d)",
    regex.I,
)
_SENTENCE_END = regex.compile(r"\p{Ll}{2,}[”’\"]?[.!?]$")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")
_SMALL = frozenset("a an and the of in on to for at by from with or nor but as into de la le".split())


def looks_like_attribution(line: str) -> bool:
    """True when a short paragraph reads as the source line of a block quotation."""
    s = " ".join(line.split())
    if not s or len(s) > 260 or len(s.split()) > 30 or s.endswith(":"):
        return False
    if _DASH_NAME.match(s) or _QUOTED.match(s):
        return True
    if _SENTENCE_END.search(s):
        return False
    if _SOURCEISH.search(s):
        return True
    words = _WORD.findall(s)
    content = [w for w in words if w.lower() not in _SMALL]
    return 1 <= len(words) <= 12 and bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def names_a_source(line: str) -> bool:
    """Stricter than :func:`looks_like_attribution`: the line names a volume, page or
    edition, or opens with a dash or "Quoted in", so a bare title-case heading is not taken."""
    s = " ".join(line.split())
    return looks_like_attribution(s) and bool(_DASH_NAME.match(s) or _QUOTED.match(s) or _SOURCEISH.search(s))
