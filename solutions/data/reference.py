"""Reference numbers from primary sources, each tied to a row of the fact sheet (``reference_values.csv``)."""

from __future__ import annotations

import pandas as pd

from solutions.data.datafiles import cached, read_table


@cached
def _values() -> pd.DataFrame:
    return read_table("reference_values.csv", numbers=("value",))


def reference_values() -> pd.DataFrame:
    """Return the reference numbers: ``name``, ``value``, ``unit``, ``claim_id``, ``description``."""
    return _values().copy()


def reference_value(name: str) -> float:
    """Return one reference number by name, for example ``reference_value("v3_cluster_gpus")``."""
    table = _values()
    match = table.loc[table["name"] == name, "value"]
    if match.empty:
        raise KeyError(f"No reference value named {name!r}.")
    return float(match.iloc[0])


def reference_claim(name: str) -> str:
    """Return the fact-sheet claim id that a reference number comes from."""
    table = _values()
    return str(table.loc[table["name"] == name, "claim_id"].iloc[0])
