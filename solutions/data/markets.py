"""Share-price and index moves (``market_moves.csv``): loading them, Nvidia's largest fall, and the days a
market claim of the fact sheet can describe."""

from __future__ import annotations

import math
import re

import pandas as pd

from solutions.data.datafiles import cached, read_table
from solutions.data.facts import fact

#: The share the book follows; the other securities in the data are indexes.
NVIDIA = "Nvidia (NVDA)"
_PERCENT = re.compile(r"[-−–]?\d+(?:\.\d+)?(?=\s*%)")


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


def dated_moves() -> pd.DataFrame:
    """Every move in date order (a stable sort keeps the file's order on the same day)."""
    return load_market_moves().sort_values("date", kind="stable").reset_index(drop=True)


def nvidia_moves() -> pd.DataFrame:
    """Nvidia's moves only, in date order."""
    moves = dated_moves()
    return moves[moves["security"] == NVIDIA].reset_index(drop=True)


def largest_fall() -> pd.Series:
    """Nvidia's largest one-day fall in the data (27 January 2025: -16.97%)."""
    moves = nvidia_moves()
    return moves.loc[moves["change_percent"].idxmin()]


def selloff_date() -> pd.Timestamp:
    """The day of Nvidia's largest one-day fall in ``market_moves.csv`` (the sell-off of 27 January 2025)."""
    return pd.Timestamp(largest_fall()["date"])


def days_of_claim(claim_id: str) -> list[pd.Timestamp]:
    """Every trading day a market claim can describe, the fact sheet's main reading first.

    A claim with its own falls in ``market_moves.csv`` describes the first of them. Otherwise the fact
    sheet's verified value names the moves by their percentages: "-16.97% in one day on 27 Jan 2025 …
    (if the article postdates 27 Jan; -3.12% on 24 Jan otherwise)" allows two days, 27 January first.
    """
    moves = dated_moves()
    own = moves[(moves["claim_id"] == claim_id) & (moves["change_percent"] < 0)]
    if not own.empty:
        return [pd.Timestamp(own["date"].iloc[0])]
    verified = str(fact(claim_id)["verified_value"])
    stated = [float(p.replace("\u2212", "-").replace("\u2013", "-")) for p in _PERCENT.findall(verified)]
    days: list[pd.Timestamp] = []
    for percent in stated:
        match = moves[[math.isclose(c, percent, abs_tol=1e-9) for c in moves["change_percent"]]]
        if not match.empty and pd.Timestamp(match["date"].iloc[0]) not in days:
            days.append(pd.Timestamp(match["date"].iloc[0]))
    if not days:
        raise KeyError(f"No market move in the data matches fact {claim_id}.")
    return days
