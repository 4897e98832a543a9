"""Edits to a copy of the data folder, for tests showing that answers follow the data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def set_cell(folder: Path, file: str, key_column: str, key: str, column: str, value) -> None:
    """Set ``column`` to ``value`` in the rows of ``file`` whose ``key_column`` equals ``key``."""
    table = pd.read_csv(folder / file, dtype=str, keep_default_na=False)
    rows = table[key_column] == key
    assert rows.any(), f"no row with {key_column} = {key!r} in {file}"
    table.loc[rows, column] = value if isinstance(value, str) else repr(value)
    table.to_csv(folder / file, index=False)


def set_reference(folder: Path, name: str, value: float) -> None:
    set_cell(folder, "reference_values.csv", "name", name, "value", value)


def set_verdict(folder: Path, claim_id: str, verdict: str) -> None:
    set_cell(folder, "facts.csv", "claim_id", claim_id, "verdict", verdict)


def replace_in_article(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
