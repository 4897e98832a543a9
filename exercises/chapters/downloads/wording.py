"""How the chapter "How many downloads?" words its dates and counts, in exercises, table and chart alike."""

from __future__ import annotations

import pandas as pd

from solutions.data.events import load_events

from exercises.formatting import scaled, written_date


def written_day(moment: pd.Timestamp, weekday: bool = True) -> str:
    """"Friday 24 January", or "24 January" without the weekday."""
    return written_date(moment, weekday="long" if weekday else None, year=False)


def month_name(later: str) -> str:
    """"2025-02" as "February 2025"."""
    return f"{pd.Timestamp(later + '-01'):%B %Y}"


def count_words(row) -> str:
    """A tracker count as the sources word it: "about 1 million", "more than 2 million"."""
    qualifier = row["qualifier"] if isinstance(row["qualifier"], str) else ""
    return " ".join(filter(None, [qualifier, scaled(row["downloads"])]))


def stores_words(row) -> str:
    return row["stores"] if isinstance(row["stores"], str) else "stores not stated"


def ranking_event() -> pd.Series:
    events = load_events()
    return events[events["kind"] == "ranking"].iloc[0]
