"""Structured reference data (numbers, events, downloads, market moves) says what its fact-sheet row says."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from solutions.chapters.downloads import load_download_counts
from solutions.data.facts import fact_text, load_facts
from solutions.data.markets import load_market_moves
from solutions.analyser.figures import amounts
from solutions.data.reference import reference_values
from solutions.data.events import load_events


def values_in(text: str) -> list[float]:
    """Every number the fact text writes, read with its scale ("2.788M", "~294,000", "$589B")."""
    found = []
    for _, _, reading, _ in amounts(text):
        found += [reading.value, reading.value_high] if reading.value_high else [reading.value]
    return [v for v in found if v is not None]


def mentions(text: str, value: float) -> bool:
    return any(math.isclose(abs(value), v, rel_tol=1e-9) for v in values_in(text))


def date_forms(date: pd.Timestamp) -> list[str]:
    return [f"{date:%Y-%m-%d}", f"{date.day} {date:%b} {date.year}", f"{date:%b} {date.day}",
            f"{date.day} {date:%B} {date.year}", f"{date.day} {date:%b}"]


def test_every_row_names_a_real_fact():
    claims = set(load_facts()["claim_id"])
    for table in (reference_values(), load_events(), load_download_counts(), load_market_moves()):
        assert set(table["claim_id"]) <= claims


@pytest.mark.parametrize("row", reference_values().itertuples(), ids=lambda r: r.name)
def test_reference_values_are_in_their_fact(row):
    assert mentions(fact_text(row.claim_id), row.value), (row.name, row.value)


@pytest.mark.parametrize("row", load_events().itertuples(), ids=lambda r: f"{r.date:%Y-%m-%d} {r.claim_id}")
def test_event_dates_are_in_their_fact(row):
    text = fact_text(row.claim_id)
    assert any(form in text for form in date_forms(row.date)), (row.event, row.claim_id)


@pytest.mark.parametrize("row", load_download_counts().itertuples(), ids=lambda r: f"{r.tracker} {r.downloads:g}")
def test_download_counts_are_in_their_fact(row):
    text = fact_text(row.claim_id)
    assert mentions(text, row.downloads)
    if not pd.isna(row.date):
        assert any(form in text for form in date_forms(row.date))


@pytest.mark.parametrize("row", load_market_moves().itertuples(), ids=lambda r: f"{r.date:%Y-%m-%d} {r.security}")
def test_market_moves_are_in_their_fact(row):
    text = fact_text(row.claim_id)
    assert mentions(text, row.change_percent)
    for column in ("close_usd", "market_value_change_usd", "market_value_change_usd_high"):
        value = getattr(row, column)
        if not pd.isna(value):
            assert mentions(text, value), column
    assert any(form in text for form in date_forms(row.date))
