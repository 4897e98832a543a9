"""Finding every figure in a news text: ``extract_figures(text)`` returns one row per figure."""

from __future__ import annotations

import bisect
import re

import pandas as pd

from .figure_context import (
    KIND_OF_UNIT, cue_hits, currency_word_after, excluded_because, kind_from_context, occurrences_unit,
    unit_noun_after,
)
from .numbers import RANGE_SEPARATOR, Reading, amount_readings, merge_range
from .sentences import sentence_spans
from .text import lowered_in_place

COLUMNS = ["text", "value", "value_high", "unit", "kind", "start", "end", "sentence"]
UNITS = ["USD", "other", "percent", "GPU", "downloads", "users", "parameters", "tokens", "GPU-hours"]
KINDS = ["cost", "gpus", "downloads", "stock", "investment", "market_size", "model_size", "other"]
_PLAIN_YEAR = re.compile(r"(?:1[89]|20|21)\d\d")
#: A bare count repeating a figure this close before it takes that figure's unit ("50,000 GPUs ... Fifty thousand!").
_REPEAT_WINDOW = 300


def amounts(text: str, lowered: str | None = None) -> list[tuple[int, int, Reading, int | None]]:
    """Every amount in ``text`` with no judgement of context: (start, end, reading, partner).

    Ranges such as "$60-65 billion" are joined; ``partner`` is the index of the next amount when the
    two are complete ends of a range ("90%-95%"), else None. ``lowered`` is as in :func:`amount_readings`.
    """
    found = amount_readings(text, lowered)
    joined, index = [], 0
    while index < len(found):
        start, end, reading = found[index]
        if index + 1 < len(found):
            next_start, next_end, next_reading = found[index + 1]
            between = text[end:next_start]
            if RANGE_SEPARATOR.fullmatch(between):
                merged = merge_range(reading, next_reading, text[start:next_end])
                if merged is not None:
                    joined.append((start, next_end, merged, None))
                    index += 2
                    continue
                joined.append((start, end, reading, len(joined) + 1))
                index += 1
                continue
        joined.append((start, end, reading, None))
        index += 1
    return joined


def find_figures(text: str) -> list[dict]:
    """Return every figure in ``text`` as a list of dicts with the keys of :data:`COLUMNS`.

    The same as :func:`extract_figures` without the DataFrame, for speed and for JSON.
    """
    if not isinstance(text, str) or not text:
        return []
    context = _Context(text)
    candidates = amounts(text, context.lowered)
    rows: list[dict] = []
    for start, end, reading, partner in candidates:
        row = _figure_row(context, start, end, reading, partner, candidates, rows)
        if row is not None:
            rows.append(row)
    return rows


def extract_figures(text: str) -> pd.DataFrame:
    """Return every figure in ``text``, in order, following the kit's labelling conventions.

    Columns: ``text`` (the minimal number expression, an exact substring), ``value`` and
    ``value_high`` (base units; ``value_high`` only for ranges), ``unit``, ``kind``, ``start`` and
    ``end`` (character offsets, end exclusive) and ``sentence`` (the sentence it stands in).
    Never raises on text; anything that is not a string gives an empty table.
    """
    rows = find_figures(text)
    return pd.DataFrame({
        "text": pd.array([r["text"] for r in rows], dtype="string"),
        "value": pd.array([r["value"] for r in rows], dtype="float64"),
        "value_high": pd.array([r["value_high"] if r["value_high"] is not None else float("nan") for r in rows],
                               dtype="float64"),
        "unit": pd.array([r["unit"] for r in rows], dtype="string"),
        "kind": pd.array([r["kind"] for r in rows], dtype="string"),
        "start": pd.array([r["start"] for r in rows], dtype="int64"),
        "end": pd.array([r["end"] for r in rows], dtype="int64"),
        "sentence": pd.array([r["sentence"] for r in rows], dtype="string"),
    })


class _Context:
    """A text's sentences and their cue words, computed once and shared by all its figures."""

    def __init__(self, text: str):
        self.text = text
        self.lowered = lowered_in_place(text)  # for case-insensitive scans at the same offsets
        self.sentences = sentence_spans(text)
        self.starts = [span[0] for span in self.sentences]
        self._cues: dict[int, list] = {}

    def sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def sentence(self, position: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(position)] if self.sentences else (position, position)

    def cues(self, index: int) -> list:
        if index not in self._cues:
            inside = 0 <= index < len(self.sentences)
            self._cues[index] = cue_hits(self.lowered, self.sentences[index]) if inside else []
        return self._cues[index]


def _figure_row(context: _Context, start, end, reading, partner, candidates, rows):
    text = context.text
    is_percent = reading.unit == "percent"
    money_word = currency_word_after(text, end) if reading.unit is None and not is_percent else None
    unit = reading.unit or money_word
    is_money = unit in ("USD", "other")
    if not (is_money or is_percent):
        noun_unit, _ = unit_noun_after(text, end)
        if noun_unit is None and partner is not None:
            noun_unit, _ = unit_noun_after(text, candidates[partner][1])
        if noun_unit is None and reading.has_scale:
            sentence = context.sentence(start)
            noun_unit = occurrences_unit(text, end, text[sentence[0]:sentence[1]])
        unit = noun_unit
    is_plain_year = (unit is None and not reading.has_scale and _PLAIN_YEAR.fullmatch(reading.text.strip()) is not None)
    if excluded_because(text, start, end, is_money, is_percent, is_plain_year, reading.has_scale):
        return None
    if unit is None:
        unit = _repeated_unit(reading, start, rows)
        if unit is None:
            return None
    index = context.sentence_index(start)
    sentence = context.sentence(start)
    if unit in KIND_OF_UNIT:
        kind = KIND_OF_UNIT[unit]
    else:
        def neighbours():
            return context.cues(index - 1) + context.cues(index + 1)

        kind = kind_from_context(start, end, context.cues(index), neighbours, is_money) or (
            "cost" if is_money else "other")
    return {"text": text[start:end], "value": reading.value, "value_high": reading.value_high, "unit": unit,
            "kind": kind, "start": start, "end": end, "sentence": text[sentence[0]:sentence[1]]}


def _repeated_unit(reading: Reading, start: int, rows: list[dict]) -> str | None:
    """The unit of a figure shortly before that a bare number repeats ("$9 million ... NINE MILLION.",
    "9.2 million downloads ... Nine million!"): same value, or within 10 % when both have a scale word."""
    for row in reversed(rows):
        if start - row["end"] > _REPEAT_WINDOW:
            break
        if row["unit"] == "percent" or reading.value is None:
            continue
        same = row["value"] == reading.value
        rounded = reading.has_scale and row["value"] and abs(row["value"] - reading.value) <= 0.1 * abs(row["value"])
        if same or rounded:
            return row["unit"]
    return None
