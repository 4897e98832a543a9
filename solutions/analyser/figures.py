"""Finding every figure in a news text: ``extract_figures(text)`` returns one row per figure.

Each figure carries ``sentence``, the context it stands in, bounded so that the output stays linear in the
text however long a sentence runs or however many figures it holds:

- a sentence of at most :data:`CONTEXT_LIMIT` (400) characters holding at most
  :data:`CONTEXT_FIGURES` (8) figures is given whole to each of them (every sentence of the seed, held-out
  and development articles is);
- otherwise each figure gets a window of its sentence: at most :data:`CONTEXT_REACH` (150) characters
  either side of it, and never past the start of the figure before it or the end of the figure after it
  in the same sentence; a cut made by the reach moves to a word boundary where there is white space to cut
  at, and "…" marks each end of the window that is not the sentence's own end.

So ``len(sentence)`` is at most ``max(400, len(text) + 302)``, the figure's text is in it (unless the number
runs across a line break), and all windows of a sentence together repeat each of its characters at most
three times. Everything else about a figure is decided from a few words around it and from its sentence's
cue words, which are found once per sentence, so finding all figures takes time linear in the text.

A value too large for a float (more than about 1.8e308 in base units) is ``None`` (NaN in the
DataFrame); the figure is still listed with its text, offsets, unit and kind.
"""

from __future__ import annotations

import bisect
import math
import re

import pandas as pd

from solutions.analyser.figure_checks import confidence_and_check
from solutions.analyser.figure_context import (
    KIND_OF_UNIT, DownloadCues, SentenceCues, bare_amount_after, cue_hits, currency_word_after, excluded_because,
    guess_kind, occurrences_unit, unit_noun_after,
)
from solutions.analyser.numbers import RANGE_SEPARATOR, Reading, amount_readings, merge_range
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import lowered_in_place

COLUMNS = ["text", "value", "value_high", "unit", "kind", "start", "end", "sentence", "confidence", "check"]
UNITS = ["USD", "other", "percent", "GPU", "downloads", "users", "parameters", "tokens", "GPU-hours"]
KINDS = ["cost", "gpus", "downloads", "stock", "investment", "market_size", "model_size", "other"]
_PLAIN_YEAR = re.compile(r"(?:1[89]|20|21)\d\d")
#: "120 points" is a figure (index points, unit "other", kind "stock") when its sentence names a stock index.
_POINTS_AFTER = re.compile(r"\s?points?\b", re.I)
#: "to 8,412.7", "at 8,412.6": an index's level after a move.
_LEVEL_BEFORE = re.compile(r"\b(?:at|to)\s\Z")
#: "240p to £11.40": a price in pence, not a screen resolution.
_PRICE_RANGE_AFTER = re.compile(r"\s+to\s+[£$€]")
#: A count a figure before it in the same sentence already gave a unit to ("223mn subscribers ... to reach 227mn").
_COUNT_UNITS = frozenset({"GPU", "downloads", "users", "parameters", "tokens", "GPU-hours"})
_MEMBERS = re.compile(r"members", re.I)
#: "1080p" is a video resolution, not 10.80 pounds.
_RESOLUTIONS = frozenset({"144", "240", "360", "480", "540", "720", "1080", "1440", "2160", "4320"})
#: A bare count repeating a figure this close before it takes that figure's unit ("50,000 GPUs ... Fifty thousand!").
_REPEAT_WINDOW = 300
#: A sentence up to this long is a figure's whole context; from a longer one the figure gets a window.
CONTEXT_LIMIT = 400
#: A sentence holding more figures than this gives each of them a window, however short it is.
CONTEXT_FIGURES = 8
#: How many characters of a sentence a figure's window keeps on each side of the figure (at most).
CONTEXT_REACH = 150
_ELLIPSIS = "\u2026"
_WHITE_SPACE = re.compile(r"\s+")
#: Two amounts further apart than this cannot be the ends of a range (the longest separator is " to ").
_LONGEST_RANGE_SEPARATOR = 4


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
            if next_start - end <= _LONGEST_RANGE_SEPARATOR and RANGE_SEPARATOR.fullmatch(text, end, next_start):
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
            if rows and _CONVERSION.fullmatch(text, rows[-1]["end"], start) and text.startswith(")", end):
                row["kind"] = rows[-1]["kind"]  # "Sh115bn ($890mn)": the same sum in another currency
            rows.append(row)
    _add_contexts(context, rows)
    for row in rows:  # only now: a repeated bare count compares values while the rows are built
        for key in ("value", "value_high"):
            if row[key] is not None and not math.isfinite(row[key]):
                row[key] = None
    return rows


def extract_figures(text: str) -> pd.DataFrame:
    """Return every figure in ``text``, in order, following the kit's labelling conventions.

    Columns: ``text`` (the minimal number expression, an exact substring), ``value`` and
    ``value_high`` (base units; ``value_high`` only for ranges), ``unit``, ``kind``, ``start`` and
    ``end`` (character offsets, end exclusive) and ``sentence`` (the sentence it stands in, or a window of
    it when the sentence is long: see the module's docstring), ``confidence`` (0 to 1) and ``check`` (what a
    learner should verify, or missing when the analyser is sure; see :mod:`solutions.analyser.figure_checks`).
    A value too large for a float is NaN.
    Never raises on text; anything that is not a string gives an empty table.
    """
    rows = find_figures(text)
    return pd.DataFrame({
        "text": pd.array([r["text"] for r in rows], dtype="string"),
        "value": pd.array([r["value"] if r["value"] is not None else float("nan") for r in rows], dtype="float64"),
        "value_high": pd.array([r["value_high"] if r["value_high"] is not None else float("nan") for r in rows],
                               dtype="float64"),
        "unit": pd.array([r["unit"] for r in rows], dtype="string"),
        "kind": pd.array([r["kind"] for r in rows], dtype="string"),
        "start": pd.array([r["start"] for r in rows], dtype="int64"),
        "end": pd.array([r["end"] for r in rows], dtype="int64"),
        "sentence": pd.array([r["sentence"] for r in rows], dtype="string"),
        "confidence": pd.array([r["confidence"] for r in rows], dtype="float64"),
        "check": pd.array([r["check"] for r in rows], dtype="string"),
    })


#: Between a sum and the same sum converted into another currency: "Sh115bn ($890mn)", "€45m (about $48m)".
_CONVERSION = re.compile(r"[ \t]*\([ \t]*(?:about|around|roughly|some|approximately|~|or|or about)?[ \t]*")
#: Dollars that are not the US one ("S$" is counted apart, as "US$" holds it), and the marks of the US one.
_OTHER_DOLLARS = ("A$", "NZ$", "C$", "HK$", "NT$")
#: A dateline in a city or country that counts in its own dollars: "MELBOURNE —", "TORONTO, Jan 5 (Reuters) -".
_OTHER_DOLLAR_DATELINE = re.compile(
    r"\s*(?:[^\n]*\n\s*){0,3}?(?:SYDNEY|MELBOURNE|BRISBANE|PERTH|ADELAIDE|CANBERRA|HOBART|DARWIN|AUCKLAND|WELLINGTON|"
    r"CHRISTCHURCH|TORONTO|VANCOUVER|MONTREAL|OTTAWA|CALGARY|EDMONTON|WINNIPEG|HALIFAX|SINGAPORE|HONG KONG|TAIPEI)"
    r"\b[^\n]{0,40}?(?:\u2014|\u2013|--| - )")
#: States, provinces, central banks and exchanges of countries with their own dollar: a text that names one and
#: never the US dollar is news from there ("The NSW Government has committed $12 million"), so its bare "$" is theirs.
_OTHER_DOLLAR_PLACES = ("NSW", "New South Wales", "Queensland", "Tasmania", "Western Australia", "South Australia",
                        "Northern Territory", "Ontario", "Quebec", "Qu\u00e9bec", "Alberta", "British Columbia",
                        "Saskatchewan", "Manitoba", "Nova Scotia", "New Brunswick", "Newfoundland",
                        "Reserve Bank of Australia", "Bank of Canada", "Reserve Bank of New Zealand", "ASX", "TSX")
#: The US dollar written out: in a text that also writes another dollar ("A$"), a bare "$" is the US dollar.
_US_DOLLAR_MARKS = ("US$", "US $", "USD", "U.S. dollar", "US dollar")
#: The US market named: a text that names it keeps its bare "$" in US dollars wherever it was written.
_US_MARKET_MARKS = ("in the US", "in the U.S.", "North America", "Nasdaq", "NYSE")


class _Context:
    """A text's sentences and their cue words, computed once and shared by all its figures."""

    def __init__(self, text: str):
        self.text = text
        self.lowered = lowered_in_place(text)  # for case-insensitive scans at the same offsets
        self.sentences = sentence_spans(text)
        self.starts = [span[0] for span in self.sentences]
        self.download_cues = DownloadCues(text)
        self._cues: dict[int, SentenceCues] = {}
        self._currency: str | None = None
        self._bare_dollar: str | None = None

    def sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def sentence(self, position: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(position)] if self.sentences else (position, position)

    def cues(self, index: int) -> SentenceCues:
        if index not in self._cues:
            inside = 0 <= index < len(self.sentences)
            self._cues[index] = SentenceCues(cue_hits(self.lowered, self.sentences[index], self.text) if inside else [],
                                             self.lowered, self.sentences[index] if inside else None, self.text)
        return self._cues[index]

    def bare_dollar(self) -> str:
        """What a bare "$" is in this text: "other" when the text names another dollar ("A$", "NZ$", "C$"), has
        its dateline in a city of another dollar ("MELBOURNE —") or names a state, a province, a central bank or an
        exchange of one ("the NSW Government"), and never names the US market ("in the US", "North America"); a text
        that only writes another dollar's sign needs no US dollar written out either ("US$", "USD"). So "$480" in a
        story priced in A$ is Australian, a miner's story from the ASX that gives the iron ore price in "US$" keeps
        its own "$" figures Australian, and a US story that mentions one sum in A$ keeps its own "$" figures in US
        dollars; else "USD"."""
        if self._bare_dollar is None:
            text = self.text  # plain substring tests: a regex over the whole text costs more than all of them
            from_there = (_OTHER_DOLLAR_DATELINE.match(text) is not None
                          or any(place in text for place in _OTHER_DOLLAR_PLACES))
            signs = any(sign in text for sign in _OTHER_DOLLARS) or text.count("S$") > text.count("US$")
            us_market = any(mark in text for mark in _US_MARKET_MARKS)
            us_dollar = any(mark in text for mark in _US_DOLLAR_MARKS)
            other = (from_there and not us_market) or (signs and not us_market and not us_dollar)
            self._bare_dollar = "other" if other else "USD"
        return self._bare_dollar

    def currency(self) -> str:
        """The currency the text uses most ("USD" or "other"), for money printed without one ("a grand")."""
        if self._currency is None:
            dollars = self.text.count("$") + self.lowered.count("dollar")
            others = sum(self.text.count(sign) for sign in "£€₹¥") + sum(
                self.lowered.count(word) for word in ("pound", "pence", "euro", "rupee", "crore", "lakh", "yen"))
            self._currency = self.bare_dollar() if dollars >= others else "other"
        return self._currency


def _figure_row(context: _Context, start, end, reading, partner, candidates, rows):
    text = context.text
    is_percent = reading.unit == "percent"
    unit_source = "printed" if reading.unit else "word"
    money_word = currency_word_after(text, end, reading.has_scale) if reading.unit is None and not is_percent else None
    unit = reading.unit or money_word
    if unit == "USD" and reading.currency == "cents":
        unit = _sentence_money_unit(context, start, rows) or context.bare_dollar()  # "125 cents" after "R21.3bn"
    elif unit == "USD" and (reading.currency == "$" or money_word == "USD"):
        unit = context.bare_dollar()  # "$480" or "half a million dollars" in a text priced in A$ or C$
    is_money = unit in ("USD", "other")
    if not (is_money or is_percent):
        noun_unit, noun_end = unit_noun_after(text, end)
        if noun_unit == "users" and not reading.has_scale and _MEMBERS.search(text, end, noun_end):
            noun_unit = None  # "300 members" of a club or union are people; "2.4mn members" of a service are users
        if noun_unit is None and partner is not None:
            noun_unit, _ = unit_noun_after(text, candidates[partner][1])
        if noun_unit is None and reading.has_scale:
            noun_unit = occurrences_unit(text, end, lambda: context.download_cues.within(context.sentence(start)))
        unit = noun_unit
    is_plain_year = (unit is None and not reading.has_scale and _PLAIN_YEAR.fullmatch(reading.text.strip()) is not None)
    if excluded_because(text, start, end, is_money, is_percent, is_plain_year, reading.has_scale):
        return None
    if _not_money_after_all(text, end, reading):
        return None
    index = context.sentence_index(start)
    forced_kind = None
    if unit is None:
        unit, unit_source, forced_kind = _unit_from_context(context, index, start, end, reading, rows)
        if unit is None:
            return None
    if unit in KIND_OF_UNIT or forced_kind:
        kind, kind_source, cue = forced_kind or KIND_OF_UNIT[unit], "unit", None
    else:
        def neighbours():
            return context.cues(index - 1), context.cues(index + 1)

        money = unit in ("USD", "other") and (reading.currency is not None or money_word is not None
                                              or unit_source == "implied")  # not "25 basis points"
        guess = guess_kind(start, end, context.cues(index), neighbours, money, is_percent)
        kind = guess.kind or "other"  # no word says what the number measures: the catch-all kind
        kind_source, cue = guess.source, guess.cue
    confidence, check = confidence_and_check(unit_source, kind_source, text[cue[0]:cue[1]] if cue else None)
    return {"text": text[start:end], "value": reading.value, "value_high": reading.value_high, "unit": unit,
            "kind": kind, "start": start, "end": end, "sentence": None, "confidence": confidence, "check": check}


def _last_row_in_sentence(rows: list[dict], sentence_start: int, units) -> dict | None:
    """The last figure found so far in the sentence starting at ``sentence_start`` whose unit is one of ``units``."""
    for row in reversed(rows):
        if row["start"] < sentence_start:
            return None
        if row["unit"] in units:
            return row
    return None


def _sentence_money_unit(context: _Context, start: int, rows: list[dict]) -> str | None:
    """The currency of the last sum before ``start`` in its sentence: cents are that currency's ("R21.3bn ... 125
    cents a share")."""
    row = _last_row_in_sentence(rows, context.sentence(start)[0], ("USD", "other"))
    return row["unit"] if row else None


def _not_money_after_all(text: str, end: int, reading: Reading) -> bool:
    """A price cut off by the end of an excerpt ("... for $5", its scale lost), or a video resolution ("1080p")."""
    if reading.currency == "p" and reading.text.rstrip("pP") in _RESOLUTIONS and not _PRICE_RANGE_AFTER.match(text, end):
        return True  # "1080p" is a screen; "from 240p to £11.40" is a share price
    return end == len(text) and reading.unit in ("USD", "other") and not reading.has_scale


def _unit_from_context(context: _Context, index: int, start: int, end: int, reading: Reading,
                       rows: list[dict]) -> tuple[str | None, str, str | None]:
    """The unit of a bare number from the words around it: (unit, how it was found, a kind it forces or None)."""
    text, cues = context.text, context.cues(index)
    if _POINTS_AFTER.match(text, end) and "stock_indexes" in cues.families and reading.value is not None:
        return "other", "points", "stock"
    if ("stock_indexes" in cues.families and reading.value is not None and reading.value >= 100 and not reading.has_scale
            and _LEVEL_BEFORE.search(text, max(0, start - 4), start) and ("." in reading.text or reading.value >= 1000)):
        return "other", "points", "stock"  # "the FTSE 100 rose 38.6 points to 8,412.7": the index's level
    bare = bare_amount_after(text, end)
    if reading.implied_money or (reading.has_scale and bare and cues.money_word_before(start)):
        return context.currency(), "implied", None
    if reading.has_scale and bare:
        unit = _unit_in_sentence(reading, start, rows, context.sentence(start))
        if unit is not None:
            return unit, "sentence", None
    unit = _repeated_unit(reading, start, rows)
    return unit, "repeat", None


def _unit_in_sentence(reading: Reading, start: int, rows: list[dict], sentence: tuple[int, int]) -> str | None:
    """The unit of the last count before it in the same sentence (percentages are passed over), when this bare
    scaled number is of a like size (within a factor of 100): "223mn subscribers, up 2.6% ... to reach 227mn"."""
    row = _last_row_in_sentence(rows, sentence[0], _COUNT_UNITS)
    if row is None:
        return None
    before, value = row["value"], reading.value
    return row["unit"] if before and value and 0.01 <= value / before <= 100 else None


def _add_contexts(context: _Context, rows: list[dict]) -> None:
    """Give every row its ``sentence``: the whole sentence, or a window of it (see the module's docstring)."""
    first = 0
    while first < len(rows):
        sentence = context.sentence(rows[first]["start"])
        last = first
        while last + 1 < len(rows) and context.sentence(rows[last + 1]["start"]) == sentence:
            last += 1
        whole = sentence[1] - sentence[0] <= CONTEXT_LIMIT and last - first < CONTEXT_FIGURES
        for index in range(first, last + 1):
            row = rows[index]
            if whole:
                row["sentence"] = context.text[sentence[0]:sentence[1]]
                continue
            low = rows[index - 1]["start"] if index > first else sentence[0]
            high = rows[index + 1]["end"] if index < last else sentence[1]
            row["sentence"] = figure_window(context.text, sentence, row["start"], row["end"], (low, high))
        first = last + 1


def figure_window(text: str, sentence: tuple[int, int], start: int, end: int,
                  neighbours: tuple[int, int] | None = None) -> str:
    """The part of ``sentence`` (offsets) around the figure at start:end: at most :data:`CONTEXT_REACH`
    characters either side, within ``neighbours`` (the start of the figure before, the end of the figure
    after), a cut by the reach moved to a word boundary, and "…" at each end that is not the sentence's."""
    sentence_start, sentence_end = sentence
    low, high = neighbours if neighbours is not None else sentence
    low, high = max(sentence_start, low), min(sentence_end, high)
    window_start = min(start, max(low, start - CONTEXT_REACH))
    window_end = max(window_start, min(high, end + CONTEXT_REACH))
    if window_start > low:
        window_start = _first_word_start(text, window_start, start)
    if window_end < high:
        window_end = _last_word_end(text, window_end, max(end, window_start))
    return ((_ELLIPSIS if window_start > sentence_start else "") + text[window_start:window_end]
            + (_ELLIPSIS if window_end < sentence_end else ""))


def _first_word_start(text: str, cut: int, limit: int) -> int:
    """Move a cut forward to the start of the next whole word, not beyond ``limit``; stay if there is none."""
    if text[cut - 1].isspace():
        space = _WHITE_SPACE.match(text, cut, limit)
    else:
        space = _WHITE_SPACE.search(text, cut, limit)
    return space.end() if space else cut


def _last_word_end(text: str, cut: int, limit: int) -> int:
    """Move a cut back to the end of the last whole word, not before ``limit``; stay if there is none."""
    position = cut
    if not text[cut].isspace():
        while position > limit and not text[position - 1].isspace():
            position -= 1
        if position == limit:
            return cut
    while position > limit and text[position - 1].isspace():
        position -= 1
    return position


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
