"""Everything the analyser finds in one text, as plain JSON-ready data."""

from __future__ import annotations

from .figures import find_figures


def analyze_text(text: str) -> dict:
    """Return ``{"figures": [...]}``: one dict per figure with the columns of :func:`extract_figures`."""
    return {"figures": find_figures(text)}
