"""How the chapter "Markets and money" writes days, share moves and amounts of money, in exercises and figure alike."""

from __future__ import annotations

import math

import pandas as pd

from exercises.formatting import trim, usd, written_date


def day(date: pd.Timestamp) -> str:
    """Fri 27 Dec 2024."""
    return written_date(date, weekday="short", month="short")


def long_day(date: pd.Timestamp) -> str:
    """Monday 27 January 2025."""
    return written_date(date, weekday="long")


def security_name(security: str) -> str:
    """Nvidia (NVDA) -> Nvidia."""
    return str(security).split(" (")[0]


def move_text(row) -> str:
    """Nvidia down 16.97%; Nvidia down over 2%; Nvidia up about 9%."""
    return f"{security_name(row.security)} {change_text(row)}"


def change_text(row) -> str:
    """down 16.97%; down over 2%; up about 9%."""
    change = float(row.change_percent)
    qualifier = "" if pd.isna(row.qualifier) else f"{row.qualifier} "
    return f"{'down' if change < 0 else 'up'} {qualifier}{trim(abs(change), 2)}%"


def dollars(value: float) -> str:
    """$118.42."""
    return f"${value:,.2f}"


def billions_range(low: float, high: float) -> str:
    """$589–593 billion."""
    if math.isclose(low, high):
        return usd(low)
    return f"${trim(low / 1e9)}–{trim(high / 1e9)} billion"


def quote_label(place) -> str:
    return f"{place['article_id']} ¶{place['paragraph']}: “{place['quote']}”"
