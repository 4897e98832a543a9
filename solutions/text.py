"""Small text helpers shared by the loaders and the analysers."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": "'", "\u201d": "'", '"': "'"})
_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_CITATION_MARKER = re.compile(r"\s*\[\d+\]")
_COMMA = re.compile(r",(?=\D|$)")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold text for loose matching.

    All quotation marks become ``'``, dashes become ``-`` without surrounding spaces, numbered
    citation markers such as ``[4]`` and commas that do not group digits are dropped, runs of white space become one space, and
    letters are lower-cased.
    """
    text = _COMMA.sub("", _CITATION_MARKER.sub("", text.translate(_QUOTES)))
    return _SPACE.sub(" ", _DASH.sub("-", text)).strip().casefold()


def count_words(text: str) -> int:
    """Count words the way ``wc -w`` does: runs of non-space characters."""
    return len(text.split())
