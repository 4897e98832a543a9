"""Dated events of the DeepSeek story (``events.csv``): loading them, looking them up, and counting days.

Every event row names a fact-sheet claim (``claim_id``) and says, in its column ``reported``, whether the
articles that make that claim report the event (``yes``, ``likely`` or ``no``; see
:mod:`solutions.data.mentions`). Each event has a stable key: the claim id and the event's number among that
claim's events in the file ("MKT-03.1" is the sell-off, "MKT-03.2" the rebound).
"""

from __future__ import annotations

import pandas as pd

from solutions.data.datafiles import cached, read_table

#: Values of the column ``reported`` in ``events.csv``.
REPORTED, LIKELY, CONTEXT = "yes", "likely", "no"
#: Event kinds that are not news a writer could report (an article's own dateline).
NOT_REPORTED_KINDS = ("article",)


@cached
def _keyed_events() -> pd.DataFrame:
    table = read_table("events.csv", dates=("date",))
    unknown = set(table["reported"].dropna()) - {REPORTED, LIKELY, CONTEXT}
    if unknown or table["reported"].isna().any():
        raise ValueError(f"events.csv: 'reported' must be {REPORTED}, {LIKELY} or {CONTEXT}, not {sorted(unknown)}.")
    # A stable key from the file's order: the second event tied to DATE-01 is "DATE-01.2".
    table["key"] = (table["claim_id"] + "." + (table.groupby("claim_id").cumcount() + 1).astype(str)).astype("string")
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def load_events() -> pd.DataFrame:
    """Return the events in date order: ``date`` (datetime), ``event``, ``kind``, ``claim_id`` and
    ``reported`` (whether the articles that make the claim report the event: yes, likely or no)."""
    return _keyed_events().drop(columns="key")


def timeline_events() -> pd.DataFrame:
    """The events in date order with a stable ``key``: the claim id and the event's number among that
    claim's events in ``events.csv`` ("MKT-03.1" is the sell-off, "MKT-03.2" the rebound)."""
    return _keyed_events().copy()


def event(key: str) -> pd.Series:
    """One event by its key, for example ``event("COST-11.1")``."""
    events = _keyed_events()
    rows = events[events["key"] == key]
    if rows.empty:
        raise KeyError(f"No event with key {key!r}; the keys are {', '.join(events['key'])}.")
    return rows.iloc[0]


def event_date(key: str) -> pd.Timestamp:
    """The date of one event, by its key."""
    return pd.Timestamp(event(key)["date"])


def claim_event_date(claim_id: str, kind: str | None = None) -> pd.Timestamp:
    """The date of the first event in ``events.csv`` tied to a fact row (optionally of one kind)."""
    events = load_events()
    rows = events[(events["claim_id"] == claim_id) & ((events["kind"] == kind) if kind else True)]
    if rows.empty:
        raise KeyError(f"No event is tied to fact {claim_id}.")
    return pd.Timestamp(rows["date"].iloc[0])


def events_before(date, inclusive: bool = False) -> pd.DataFrame:
    """The events dated before ``date`` (or on it too, with ``inclusive``), in date order."""
    date, events = pd.Timestamp(date), timeline_events()
    return events[(events["date"] <= date) if inclusive else (events["date"] < date)].reset_index(drop=True)


def events_after(date, inclusive: bool = False) -> pd.DataFrame:
    """The events dated after ``date`` (or on it too, with ``inclusive``), in date order."""
    date, events = pd.Timestamp(date), timeline_events()
    return events[(events["date"] >= date) if inclusive else (events["date"] > date)].reset_index(drop=True)


def days_between(earlier, later) -> int:
    """Whole days from one date to another: 26 December 2024 to 27 January 2025 is 32 days."""
    return int((pd.Timestamp(later) - pd.Timestamp(earlier)) / pd.Timedelta(days=1))


def chronological(keys) -> list[str]:
    """Event keys sorted by the events' dates; two events on the same day cannot be ordered, so that is an error."""
    keys = list(keys)
    dates = [event_date(key) for key in keys]
    if len(set(dates)) != len(dates):
        raise ValueError("Some of these events fall on the same day, so they have no single order.")
    return [key for _, key in sorted(zip(dates, keys))]
