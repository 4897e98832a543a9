"""How the exercises write dates: one formatter, day first, in each of the styles the chapters use."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from exercises.formatting import written_date

MONDAY = pd.Timestamp("2025-01-27")


@pytest.mark.parametrize(("options", "expected"), [
    ({}, "27 January 2025"),
    ({"month": "short"}, "27 Jan 2025"),
    ({"weekday": "short", "month": "short"}, "Mon 27 Jan 2025"),
    ({"weekday": "long"}, "Monday 27 January 2025"),
    ({"weekday": "long", "year": False}, "Monday 27 January"),
    ({"year": False}, "27 January"),
])
def test_each_style_the_chapters_use(options, expected):
    assert written_date(MONDAY, **options) == expected


@pytest.mark.parametrize("value", ["2025-01-05", datetime.date(2025, 1, 5), pd.Timestamp("2025-01-05 18:30")])
def test_any_date_like_value_is_read_and_single_digit_days_have_no_leading_zero(value):
    assert written_date(value, weekday="short") == "Sun 5 January 2025"
