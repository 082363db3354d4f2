"""The discrepancy rules: one module per rule, each with a stable code and its documentation."""

from __future__ import annotations

from citecheck.checks.rules.base import Rule, RuleContext
from citecheck.checks.rules.dangling_ibid import DanglingIbid
from citecheck.checks.rules.found_in_source import FoundInSource
from citecheck.checks.rules.locator_wording_conflict import LocatorWordingConflict
from citecheck.checks.rules.misquotation import Misquotation
from citecheck.checks.rules.not_in_source import NotInSource
from citecheck.checks.rules.quote_source_conflict import QuoteSourceConflict
from citecheck.checks.rules.reference_variant import ReferenceVariant
from citecheck.checks.rules.source_date_mismatch import SourceDateMismatch
from citecheck.checks.rules.speaker_conflict import SpeakerConflict
from citecheck.checks.rules.unknown_reference import UnknownReference
from citecheck.checks.rules.unsourced_quote import UnsourcedQuote
from citecheck.checks.rules.unused_suppression import UnusedSuppression
from citecheck.checks.rules.volume_date_mismatch import VolumeDateMismatch
from citecheck.checks.rules.wrong_locator import WrongLocator

#: Every rule, sorted by code.
ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            QuoteSourceConflict(),
            LocatorWordingConflict(),
            VolumeDateMismatch(),
            SpeakerConflict(),
            UnsourcedQuote(),
            ReferenceVariant(),
            DanglingIbid(),
            UnknownReference(),
            UnusedSuppression(),
            Misquotation(),
            WrongLocator(),
            NotInSource(),
            FoundInSource(),
            SourceDateMismatch(),
        ),
        key=lambda r: r.code,
    )
)


def rule_by_name(name_or_code: str) -> Rule | None:
    """The rule called ``name_or_code`` (a name such as ``dangling-ibid`` or a code such as ``CC202``)."""
    key = name_or_code.strip()
    for r in ALL_RULES:
        if key.lower() == r.name or key.upper() == r.code:
            return r
    return None


__all__ = ["ALL_RULES", "Rule", "RuleContext", "rule_by_name"]
