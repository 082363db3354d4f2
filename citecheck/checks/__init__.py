"""Checks over the normalised corpus: quotation matching (``match``), the rules (``rules``),
inline suppressions (``suppress``) and the run that applies them (``run``)."""
