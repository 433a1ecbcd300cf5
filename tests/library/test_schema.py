"""The file format: what ``serialize_store`` writes always parses back to the same tables."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.library.schema import (
    SCHEMA_VERSION,
    ShapeError,
    parse_store,
    read_generation,
    serialize_store,
)

GENERATION = "0123456789abcdef" * 2

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.from_regex(r"\A\d{1,3}\Z"), children, max_size=4)
    ),
    max_leaves=20,
)
tables = st.dictionaries(
    st.sampled_from(["bookmarks", "watchlist", "other"]),
    st.dictionaries(
        st.from_regex(r"\A[1-9]\d{0,3}\Z"),
        st.dictionaries(st.text(max_size=6), json_values, max_size=5),
        max_size=5,
    ),
    max_size=3,
)


@settings(max_examples=100, deadline=None)
@given(data=tables)
def test_serialized_tables_parse_back_identically(data):
    payload = serialize_store(data, GENERATION)
    parsed = parse_store(payload)
    assert {k: v for k, v in parsed.items() if k != "_meta"} == data
    assert parsed["_meta"]["1"]["schema"] == SCHEMA_VERSION
    assert read_generation(payload) == GENERATION
    payload.decode("ascii")  # non-ASCII and lone surrogates are escaped, never raw


def test_one_record_per_line():
    data = {"bookmarks": {str(i): {"note": f'}},"{i}":{{'} for i in range(1, 4)}}
    lines = serialize_store(data, GENERATION).decode().splitlines()
    assert sum(line.startswith('"') and '":{"note"' in line for line in lines) == 3


def test_nan_is_refused_before_writing():
    with pytest.raises(ValueError):
        serialize_store({"watchlist": {"1": {"rating": float("nan")}}}, GENERATION)


@pytest.mark.parametrize("payload", [b"", b"[]", b'{"_meta": {"1": {"schema": true}}}', b'{"t": {"1": []}}'])
def test_shape_errors(payload):
    with pytest.raises(ShapeError):
        from nlmg_tui.library.schema import schema_version

        schema_version(parse_store(payload))


def test_generation_is_found_in_hand_formatted_files():
    head = json.dumps({"_meta": {"1": {"schema": 1, "generation": GENERATION}}}, indent=2)
    assert read_generation(head.encode()) == GENERATION
