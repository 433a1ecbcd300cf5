"""The store's JSON decoder gives exactly what json.loads gives: the same value or the same error,
and the store file is read as before (the faster decoder changes no file's fate)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.library import json_text, schema

_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.integers(min_value=2**63, max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(codec=None, categories=None, exclude_categories=[]), max_size=12)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)
_EDITS = st.sampled_from(["", "\x00", "\t", "\n", '"', "\\", "\\u", "\\ud800", "NaN", "1e999", "}", "]", ",",
                         "\ufeff", "\x7f", "é", "\ud83d", " "])


@st.composite
def json_texts(draw) -> str:
    """A JSON text (NaN, infinities and lone surrogates included), sometimes edited or cut."""
    indent = draw(st.sampled_from([None, 1]))
    text = json.dumps(draw(_VALUES), ensure_ascii=draw(st.booleans()), indent=indent)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(_EDITS) + text[at + draw(st.integers(0, 2)):]
    return text


def _outcome(decode, data):
    try:
        value = decode(data)
    except Exception as error:  # compared below: the same exception, the same message
        return ("error", type(error), str(error))
    return ("value", json.dumps(value, allow_nan=True, sort_keys=False), _types(value))


def _types(value) -> object:
    """The types, with -0.0 and NaN told apart (json.dumps alone would not)."""
    if isinstance(value, dict):
        return [(k, _types(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_types(v) for v in value]
    if isinstance(value, float):
        return ("float", math.copysign(1, value), math.isnan(value))
    return type(value).__name__


@settings(max_examples=600, deadline=None)
@given(text=json_texts())
def test_the_same_value_or_the_same_error_as_json_loads(text):
    assert _outcome(json_text.loads, text) == _outcome(json.loads, text)
    payload = text.encode("utf-8", "surrogatepass")
    assert _outcome(json_text.loads, payload) == _outcome(json.loads, payload)


def _reference_store(payload: bytes):
    """How the store file was read before: strict UTF-8 (a BOM allowed), then json.loads."""
    data = json.loads(payload.decode("utf-8-sig"))
    schema.check_shape(data)
    return data


@settings(max_examples=300, deadline=None)
@given(text=json_texts(), bom=st.booleans())
def test_a_store_file_is_accepted_or_refused_as_before(text, bom):
    payload = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
    try:
        expected = _reference_store(payload)
    except (ValueError, schema.ShapeError, RecursionError, AttributeError):
        with pytest.raises(schema.ShapeError):
            schema.parse_store(payload)
        return
    assert _outcome(schema.parse_store, payload) == _outcome(lambda _: expected, payload)


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"", "it is empty"), (b"  \n", "blank space"), (b'{"b": {}}\x00\x00', "NUL bytes"),
     (b'{"b": "\xff"}', "not UTF-8 text (byte 7)"), (b'{"b": {"1": {}', "line 1, column 15"),
     (b"[" * 100_000, "nested too deeply"), (b'{"b": {"x": {}}}', "malformed record 'x'")],
)
def test_the_damage_is_still_named_in_plain_words(payload, message):
    with pytest.raises(schema.ShapeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        schema.parse_store(payload)


def test_nan_and_a_bom_still_read_as_json_loads_reads_them():
    assert math.isnan(json_text.loads('{"a": NaN}')["a"])
    assert schema.parse_store(b'\xef\xbb\xbf{"bookmarks": {"1": {"note": "\\ud800"}}}') == {
        "bookmarks": {"1": {"note": "\ud800"}}
    }
