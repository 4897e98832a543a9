"""The canonical JSON of the checksum is written as JavaScript's ``JSON.stringify`` would (``canonical.py``).

The book's script will compute the same checksum in the browser, so numbers follow ECMA-262's Number::toString
and keys sort by UTF-16 code units. The expected strings below are what Chromium's ``JSON.stringify`` writes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.progress import MAX_DEPTH, canonical_json
from exercises.progress.canonical import NotCanonical


@pytest.mark.parametrize(("number", "written"), [
    (1.0, "1"), (-0.0, "0"), (100.0, "100"), (0.1, "0.1"), (-2.5, "-2.5"), (1e-6, "0.000001"), (1e-7, "1e-7"),
    (1.2345e-7, "1.2345e-7"), (1e16, "10000000000000000"), (1e21, "1e+21"), (1.5e21, "1.5e+21"),
    (123456789012345680000.0, "123456789012345680000"), (5e-324, "5e-324"),
    (1.7976931348623157e308, "1.7976931348623157e+308"),
])
def test_numbers_are_written_as_javascript_writes_them(number, written):
    assert canonical_json(number) == written


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_written_number_reads_back_as_itself(number):
    assert float(canonical_json(number)) == number


def test_keys_sort_by_utf16_code_units_and_text_is_not_escaped():
    # U+1F600 is stored as the surrogates D83D DE00, which sort before U+FF21 in JavaScript but after it in Python.
    assert canonical_json({"\uff21": 1, "\U0001f600": 2, "b": [True, None, "é\n\""]}) \
        == '{"b":[true,null,"é\\n\\""],"\U0001f600":2,"\uff21":1}'


@pytest.mark.parametrize(("value", "reason"), [
    (float("nan"), "not finite"), (float("inf"), "not finite"), ("\ud800", "not valid Unicode"),
    ({1: "a"}, "key is not text"), ({"a"}, "which JSON cannot"),
    (json.loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)), "nests more than"),
])
def test_what_json_cannot_hold_is_refused(value, reason):
    with pytest.raises(NotCanonical, match=reason):
        canonical_json(value)
