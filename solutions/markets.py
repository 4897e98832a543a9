"""Share-price and index moves around the DeepSeek story, each tied to a fact row (``market_moves.csv``)."""

from __future__ import annotations

import pandas as pd

from .datafiles import cached, read_table


@cached
def _moves() -> pd.DataFrame:
    return read_table("market_moves.csv", dates=("date",),
                      numbers=("change_percent", "close_usd", "market_value_change_usd",
                               "market_value_change_usd_high"))


def load_market_moves() -> pd.DataFrame:
    """Return the moves: ``date``, ``security``, ``change_percent`` (negative for a fall), ``close_usd``,
    ``market_value_change_usd`` and ``..._high`` (a reported range), ``qualifier`` ("over", "about")
    and ``claim_id``."""
    return _moves().copy()
