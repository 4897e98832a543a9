"""Quotation marks in the chapters' text: the fact sheet's 'straight' quotes turned into ‘curly’ ones."""

from __future__ import annotations

import re


def curly_quotes(text: str) -> str:
    """The fact sheet's 'single quotes' as ‘curly’ ones, leaving apostrophes (DeepSeek's) alone."""
    return re.sub(r"(?<![\w'])'(?=\S)((?:[^']|(?<=\w)'(?=\w))*?)(?<=\S)'(?![\w])", "\u2018\\1\u2019", text)
