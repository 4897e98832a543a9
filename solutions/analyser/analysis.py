"""Everything the analyser finds in one text, as plain JSON-ready data.

The result holds only strings, integers, booleans, ``None`` and finite floats, so it serialises as strict
JSON (``json.dumps(result, allow_nan=False)`` never fails). A value too large to represent as a float (a
figure of more than about 1.8e308 in base units, such as "$" followed by 400 nines and "million") becomes
``None`` (``null`` in JSON): the figure is still listed, with its text, offsets, unit and kind.

Time and memory are linear in the text. Each figure's ``sentence`` is a bounded context (the whole sentence
when it has at most 400 characters and 8 figures, otherwise a window of at most 150 characters either side
of the figure; see :mod:`solutions.analyser.figures`), so the JSON (``json.dumps`` defaults) is at most a constant
times the input: about 1 to 10 times for news and for the review's reproductions, at most 50 times for
text packed with figures ("5% 5% 5% ..."), and under 100 times the number of characters (50 times the UTF-8
bytes) in the worst case: eight figures sharing a 400-character sentence of emoji, each emoji written as
two six-character escapes.
"""

from __future__ import annotations

import math

from solutions.analyser.attribution import vague_attributions
from solutions.analyser.figures import find_figures
from solutions.analyser.hype import find_hype
from solutions.analyser.quotes import extract_quotes

#: The analyser's sections, in the order the report prints them.
SECTIONS = ("figures", "quotes", "vague_attributions", "hype_phrases")


def analyze_text(text: str) -> dict:
    """Return the figures, quotes, vague attributions and hype phrases in ``text``, each a list of dicts with offsets.

    No value in the result is an infinite or NaN float (see the module's docstring).
    """
    result = {
        "figures": find_figures(text),
        "quotes": extract_quotes(text),
        "vague_attributions": vague_attributions(text),
        "hype_phrases": find_hype(text),
    }
    for section in SECTIONS[1:]:  # find_figures already gives None for a value too large for a float
        for item in result[section]:
            _finite_only(item)
    return result


def _finite_only(item: dict) -> None:
    """Replace any infinite or NaN float in ``item`` (and in the lists and dicts it holds) with None, in place."""
    for key, value in item.items():
        if isinstance(value, float) and not math.isfinite(value):
            item[key] = None
        elif isinstance(value, dict):
            _finite_only(value)
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, float) and not math.isfinite(element):
                    value[index] = None
                elif isinstance(element, dict):
                    _finite_only(element)
