"""Dated events of the DeepSeek story, each tied to a row of the fact sheet (``events.csv``)."""

from __future__ import annotations

import pandas as pd

from .datafiles import cached, read_table


@cached
def _events() -> pd.DataFrame:
    return read_table("events.csv", dates=("date",)).sort_values("date", kind="stable").reset_index(drop=True)


def load_events() -> pd.DataFrame:
    """Return the events in date order: ``date`` (datetime), ``event``, ``kind``, ``claim_id``."""
    return _events().copy()
