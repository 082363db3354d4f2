"""Fingerprints of findings: stable across edits that only move lines.

A fingerprint is built from what a finding is about (rule, document paths,
normalised quotation text, entry keys), never from line numbers or offsets, so
a baseline keeps recognising a finding after unrelated text is inserted above it.
"""

from __future__ import annotations

import hashlib


def fingerprint(rule: str, *parts: str) -> str:
    """A 16-hex-digit digest of ``rule`` and ``parts`` (order-independent for the parts)."""
    h = hashlib.sha256(rule.encode("utf-8"))
    for p in sorted(parts):
        h.update(b"\x00")
        h.update(p.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]
