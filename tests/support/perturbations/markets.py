"""For each exercise of "Markets and money", a change to the data that must change its answer."""

from pathlib import Path

import pandas as pd

from support.data_edits import set_cell, set_verdict


def set_move(folder: Path, date: str, security: str, column: str, value) -> None:
    """Set one cell of ``market_moves.csv``: the move of ``security`` on ``date``."""
    table = pd.read_csv(folder / "market_moves.csv", dtype=str, keep_default_na=False)
    rows = (table["date"] == date) & (table["security"] == security)
    assert rows.sum() == 1, f"no single move of {security} on {date}"
    table.loc[rows, column] = value if isinstance(value, str) else repr(value)
    table.to_csv(folder / "market_moves.csv", index=False)


NVIDIA = "Nvidia (NVDA)"

PERTURBATIONS = {
    # The 3.12% fall moves to another day: the phrase that reports it now describes that day.
    "markets-which-day": lambda d: set_move(d, "2025-01-24", NVIDIA, "date", "2025-01-23"),
    # Article 003 dated after the fall, article 004 dated before it.
    "markets-before-the-fall": lambda d: (set_cell(d, "articles.csv", "id", "003", "date", "2025-01-28"),
                                         set_cell(d, "articles.csv", "id", "004", "date", "2025-01-25")),
    "markets-price-before": lambda d: set_move(d, "2025-01-27", NVIDIA, "close_usd", 120.0),
    "markets-company-value": lambda d: set_move(d, "2025-01-27", NVIDIA, "market_value_change_usd", -600e9),
    "markets-motives": lambda d: set_verdict(d, "MKT-02", "misattributed"),
    "markets-rewrite-dipped": lambda d: set_move(d, "2025-01-27", NVIDIA, "market_value_change_usd_high", -610e9),
    # The exit ticket (on the lesson plans): its question, answer and explanation follow the data too.
    "markets-exit-ticket": lambda d: set_move(d, "2025-01-27", NVIDIA, "change_percent", "-20"),
}
