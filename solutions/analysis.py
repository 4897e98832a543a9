"""Everything the analyser finds in one text, as plain JSON-ready data."""

from __future__ import annotations

from .attribution import vague_attributions
from .figures import find_figures
from .hype import find_hype
from .quotes import extract_quotes

#: The analyser's sections, in the order the report prints them.
SECTIONS = ("figures", "quotes", "vague_attributions", "hype_phrases")


def analyze_text(text: str) -> dict:
    """Return the figures, quotes, vague attributions and hype phrases in ``text``, each a list of dicts with offsets."""
    return {
        "figures": find_figures(text),
        "quotes": extract_quotes(text),
        "vague_attributions": vague_attributions(text),
        "hype_phrases": find_hype(text),
    }
