"""The batch's CSV files: cells a spreadsheet can open safely, in UTF-8 with a byte-order mark.

Article text is untrusted, and a spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one of them) as a formula: a text or a file name such as ``=HYPERLINK(...)`` could run as
one when a learner opens the CSV. Every text cell that begins with one of :data:`FORMULA_STARTS` is written with a
single quote before it (``'=HYPERLINK(...)``), which spreadsheets show as text; numbers are written as numbers.
Cells hold the text as the article has it otherwise (line breaks inside a cell are quoted as CSV quotes them).

The files start with a UTF-8 byte-order mark so that Excel opens accents and curly quotes correctly; Python's
``csv`` module reads them with ``encoding="utf-8-sig"``, pandas with its defaults.
"""

from __future__ import annotations

import csv
import io
import math

#: The first characters that make a spreadsheet read a cell as a formula: the ASCII ones, their full-width forms
#: (which some spreadsheets accept too), and the tab and carriage return that can hide one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: The encoding of both CSV files.
CSV_ENCODING = "utf-8-sig"


def safe_cell(value) -> str | int | float:
    """One cell: text protected against formulas, numbers as numbers, ``None`` (and NaN) as an empty cell."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).lower()
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return int(value) if value.is_integer() and abs(value) < 1e16 else value
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(rows) -> str:
    """``rows`` (tuples) as CSV text, every cell through :func:`safe_cell`."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return buffer.getvalue()
