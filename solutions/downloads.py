"""App-download counts reported by trackers, each tied to a row of the fact sheet (``download_counts.csv``)."""

from __future__ import annotations

import pandas as pd

from .datafiles import cached, read_table


@cached
def _counts() -> pd.DataFrame:
    return read_table("download_counts.csv", dates=("date",),
                      numbers=("days_after_launch", "downloads", "downloads_high"))


def load_download_counts() -> pd.DataFrame:
    """Return the tracker counts: ``date`` (missing when only "N days after launch" is known),
    ``days_after_launch``, ``downloads``, ``downloads_high``, ``tracker``, ``stores``, ``qualifier``
    ("about", "more than") and ``claim_id``."""
    return _counts().copy()
