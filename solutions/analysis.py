"""Everything the analyser finds in one text, as plain JSON-ready data."""

from __future__ import annotations

import math

from .figures import extract_figures


def _plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def analyze_text(text: str) -> dict:
    """Return ``{"figures": [...]}``: one dict per figure with the columns of :func:`extract_figures`."""
    figures = extract_figures(text)
    records = [{column: _plain(value) for column, value in row.items()}
               for row in figures.astype(object).to_dict(orient="records")]
    return {"figures": records}
