"""Reading the kit's data files once, and forgetting them on request (tests swap the data folder)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

import pandas as pd

from solutions.data.paths import data_dir

_CACHED: list = []
F = TypeVar("F", bound=Callable)


def cached(function: F) -> F:
    """Cache a loader's result until :func:`clear_caches` is called."""
    wrapped = lru_cache(maxsize=None)(function)
    _CACHED.append(wrapped)
    return wrapped  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget every loaded data file, so the next call reads the data folder again."""
    for function in _CACHED:
        function.cache_clear()


def read_table(name: str, dates: tuple[str, ...] = (), numbers: tuple[str, ...] = (),
               raw_text: bool = False) -> pd.DataFrame:
    """Read a CSV from the data folder: text columns as strings (missing stays missing), dates and numbers parsed.

    Every loader of the kit's tables reads through here. With ``raw_text`` the other columns are left exactly as
    written (plain Python strings, an empty cell as ``""``), for a loader that parses them itself.
    """
    table = pd.read_csv(data_dir() / name, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in table.columns:
        if raw_text and column not in dates and column not in numbers:
            continue
        if column in dates:
            table[column] = pd.to_datetime(table[column].replace("", None), format="%Y-%m-%d")
        elif column in numbers:
            table[column] = pd.to_numeric(table[column].replace("", None)).astype("float64")
        else:
            table[column] = table[column].astype("string").replace("", pd.NA)
    return table
