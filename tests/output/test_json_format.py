"""The JSON output: the findings written string by string are what json.dumps writes of them."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from citecheck.models import CheckResult, Finding, InputError, Location, Severity
from citecheck.output.json_format import dumps, finding_json, summary, to_json

_TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(["\ud800", "“", "\x00", '"', "\\"]), max_size=12)
_LOCATION = st.builds(
    Location,
    _TEXT,
    st.integers(1, 10**6),
    st.integers(1, 10**4),
    _TEXT,
    st.none() | _TEXT,
    st.none() | st.tuples(*[st.integers(0, 99)] * 4),
)
_EVIDENCE = st.fixed_dictionaries(
    {"source": _TEXT, "score": st.floats(0, 100), "steps": st.lists(st.tuples(_TEXT, _TEXT, _TEXT), max_size=2)}
)
_FINDING = st.builds(
    Finding,
    _TEXT,
    _TEXT,
    st.sampled_from(list(Severity)),
    _TEXT,
    st.lists(_LOCATION, max_size=4).map(tuple),
    _TEXT,
    st.none() | _TEXT,
    st.builds(dict) | _EVIDENCE.map(lambda e: {"evidence": e}) | st.builds(lambda: {"values": ["a"]}),
)


@given(st.lists(_FINDING, max_size=4), st.lists(_TEXT, max_size=2))
def test_the_document_is_what_json_dumps_writes(findings: list[Finding], errors: list[str]) -> None:
    result = CheckResult((), (), tuple(findings), tuple(InputError(e, "unreadable") for e in errors))
    expected = dumps(
        {
            "findings": [f.to_json() for f in findings],
            "summary": summary(result, findings),
            "errors": [str(e) for e in result.errors],
            "note": "n",
        }
    )
    assert to_json(result, findings, {"note": "n"}) == expected
    encoded: dict[str, str] = {}
    for f in findings:  # with strings already encoded for other findings, too
        assert finding_json(f, encoded) == finding_json(f) == json.dumps(f.to_json())


def test_each_distinct_string_is_encoded_once() -> None:
    place = Location("a.txt", 1, 1, "the state withers away", "vol. 33")
    findings = [Finding("CC101", "r", Severity.ERROR, "m", (place,) * 700, f"{i:016x}") for i in range(3)]
    encoded: dict[str, str] = {}
    for f in findings:
        finding_json(f, encoded)
    assert set(encoded) == {"a.txt", "the state withers away", "vol. 33", *(f.fingerprint for f in findings)}


def test_extra_fields_are_written_as_json_dumps_writes_them_even_one_named_findings() -> None:
    place = Location("a.txt", 1, 1, "x")
    findings = [Finding("CC101", "r", Severity.ERROR, "m", (place,), "0" * 16)]
    result = CheckResult((), (), tuple(findings))
    for extra in ({"findings": ["replaced"]}, {"findings": []}, {"summary": 1, "z": [1.5]}):
        doc = {"findings": [f.to_json() for f in findings], "summary": summary(result, findings), "errors": []}
        doc.update(extra)
        assert to_json(result, findings, extra) == dumps(doc)
        json.loads(to_json(result, findings, extra))
