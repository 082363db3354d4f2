"""``citecheck extract --format json`` writes exactly what ``json.dumps(..., indent=1)`` would."""

from __future__ import annotations

import enum
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from citecheck.cli.extract_cmd import indented


class _Kind(enum.StrEnum):
    a = "line\u2028break"


class _Rank(enum.IntEnum):
    one = 1


class _Dict(dict[str, Any]):
    pass


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.just(_Kind.a),
    st.just(_Rank.one),
)
_keys = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(), inner, max_size=4),
        st.dictionaries(_keys, inner, max_size=3),
        st.dictionaries(st.text(), inner, max_size=3).map(_Dict),
    ),
    max_leaves=25,
)


@given(_values, st.sampled_from([0, 1, 2, 4]))
def test_indented_is_json_dumps_with_an_indent(value: object, indent: int) -> None:
    assert indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_indented_writes_an_extraction_as_json_does() -> None:
    record = {"id": "c1", "line": 3, "author": None, "secondhand": False, "text": "“Tab\there”\n\ud800"}
    doc = {"documents": [{"path": "a.md", "citations": [record, record], "quotations": [], "repairs": []}]}
    assert indented(doc, 1) == json.dumps(doc, ensure_ascii=False, indent=1)
    assert indented({}, 1) == "{}" and indented([], 1) == "[]" and indented([[]], 1) == "[\n []\n]"
