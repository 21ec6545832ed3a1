"""The build's record files keep one stable layout (git merges them line by line)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.state import dumps


def reference_dumps(value: Any, depth: int = 0) -> str:
    """The layout spelled out: every list and mapping opens and closes on lines of their own."""
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(str(k), ensure_ascii=False)}: {reference_dumps(v, depth + 1)}"
                 for k, v in sorted(value.items())]
    elif isinstance(value, list):
        items = [pad + reference_dumps(v, depth + 1) for v in value]
    else:
        return json.dumps(value, ensure_ascii=False)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    inner = ",\n".join(items) + "\n" if items else ""
    return f"{opening}\n{inner}{' ' * depth}{closing}"


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ['[]', '{}', '": []', 'a\\": []', '\n[]', '"', '\\'])
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                      max_leaves=20)


def test_empty_collections_close_on_their_own_line() -> None:
    assert dumps({"removed": {}, "people": [], "x": [[], {"a": []}]}) == (
        '{\n "people": [\n ],\n "removed": {\n },\n "x": [\n  [\n  ],\n  {\n   "a": [\n   ]\n  }\n ]\n}')


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_layout_is_the_reference_one(value: Any) -> None:
    assert dumps(value) == reference_dumps(value)
    assert json.loads(dumps(value)) == value
