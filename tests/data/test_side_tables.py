"""Standing check: a side table states no date, number or verdict that its fact row does not hold.

Every row of a side table in ``seeds/`` that cites a fact (``claim_id``) is checked against everything the
fact sheet says about that row (:func:`solutions.data.facts.fact_text`): its dates, its numbers and any verdict
it states must appear there, written in any of the usual ways ("2025-01-27", "27 Jan", "27 January";
"2600000", "2,600,000", "2.6 million", "2.6M"; "-3.12" as "3.12%").
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from solutions.data.facts import VERDICTS, fact_text
from solutions.data.paths import data_dir

SIDE_TABLES = {
    "download_counts.csv": (("date",), ("downloads", "downloads_high", "days_after_launch")),
    "events.csv": (("date",), ()),
    "market_moves.csv": (("date",), ("change_percent", "close_usd", "market_value_change_usd",
                                    "market_value_change_usd_high")),
    "reference_values.csv": ((), ("value",)),
    "figure_notes.csv": ((), ()),
    "people.csv": ((), ()),
}
_SCALES = [(1e12, ("trillion", "T", "tn")), (1e9, ("billion", "B", "bn", "Bn")), (1e6, ("million", "M", "m", "mn")),
           (1e3, ("thousand", "K", "k", ",000"))]


def date_forms(value: str) -> list[str]:
    """Regular expressions for a date as the fact sheet writes it."""
    day = pd.Timestamp(value)
    forms = [re.escape(form) for form in (day.strftime("%Y-%m-%d"), f"{day.day} {day:%b}", f"{day.day} {day:%B}",
                                          f"{day:%b} {day.day}", f"{day:%B} {day.day}")]
    return forms + [rf"{day.day}\s?[-–]\s?\d{{1,2}} {day:%b}"]  # the first day of a range: "20-24 Jan"


def number_forms(value: float) -> list[str]:
    """Regular expressions for a number as the fact sheet may write it."""
    value = abs(value)
    forms = {re.escape(f) for f in (f"{value:g}", f"{value:,.0f}", f"{value:.0f}")}
    for size, words in _SCALES:
        if value >= size:
            for short in {f"{value / size:.3f}".rstrip("0").rstrip("."), f"{value / size:,.3f}".rstrip("0").rstrip(".")}:
                for word in words:
                    short_, word_ = re.escape(short), re.escape(word)
                    forms |= {rf"{short_}\s?{word_}",  # 2.6M, 2.6 million
                              rf"{short_}\s?[-–]\s?\$?\d[\d.,]*\s?{word_}",  # the low end of $60-65B
                              rf"\d[\d.,]*\s?[-–]\s?\$?{short_}\s?{word_}"}  # the high end
    return sorted(forms, key=len, reverse=True)


def appears(forms: list[str], text: str) -> bool:
    folded = text.replace("\u2009", " ").replace("\u00a0", " ")
    return any(re.search(rf"(?<![\d.,]){form}(?![\d])", folded) for form in forms)


def side_rows():
    for name, (dates, numbers) in SIDE_TABLES.items():
        table = pd.read_csv(data_dir() / name, dtype=str, keep_default_na=False)
        for index, row in table.iterrows():
            if row.get("claim_id"):
                yield pytest.param(name, dict(row), dates, numbers, id=f"{name}:{index + 2}")


@pytest.mark.parametrize(("table", "row", "dates", "numbers"), list(side_rows()))
def test_side_table_row_is_held_by_its_fact_row(table, row, dates, numbers):
    text = fact_text(row["claim_id"])  # a KeyError names a split or unknown id
    for column in dates:
        if row.get(column):
            assert appears(date_forms(row[column]), text), (
                f"{table}: {column} {row[column]} is not in fact {row['claim_id']}")
    for column in numbers:
        if row.get(column):
            assert appears(number_forms(float(row[column])), text), (
                f"{table}: {column} {row[column]} is not in fact {row['claim_id']}")
    for column, value in row.items():
        if column not in ("claim_id",) and value in VERDICTS:
            assert value in text, f"{table}: verdict {value} is not in fact {row['claim_id']}"


def test_the_check_tells_a_held_number_from_a_missing_one():
    assert appears(number_forms(2_600_000), "trackers showed about 1M on 24 Jan and 2.6M on 27 Jan")
    assert not appears(number_forms(16_000_000), "trackers showed about 1M on 24 Jan and 2.6M on 27 Jan")
    assert appears(date_forms("2025-01-27"), "2.6M on 27 Jan")
    assert not appears(date_forms("2025-01-28"), "2.6M on 27 Jan")
