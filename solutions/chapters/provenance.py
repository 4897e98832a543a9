"""Provenance signals: clues in a text about where it came from and whether its sources can be traced.

``provenance_signals(text, byline, date)`` returns one dict per signal: citation markers with no sources,
a note that the text was written or rewritten with AI, a missing byline or date (the general signals of
:mod:`solutions.analyser.provenance`), and the one signal that needs the case data: DeepSeek's own figure
(from the reference numbers and the fact sheet) credited to unnamed experts. ``article_provenance(article_id)``
runs it on a seed article.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from solutions.analyser.figures import amounts, find_figures
from solutions.analyser.provenance import (
    ScannedText, byline_and_date_signals, is_word_start, line_bounds, located_signal, text_signals,
)
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import positions
from solutions.data.articles import article_text, load_articles
from solutions.data.datafiles import cached
from solutions.data.facts import find_fragments, load_facts, wording_alternatives
from solutions.data.reference import reference_values

SIGNALS = ("citation_markers_without_sources", "ai_rewrite_notice", "missing_byline", "missing_date",
           "self_reported_as_independent")

# --- self-reported figures credited to unnamed sources ----------------------------------------------------
_CUE_KEYWORDS = ("expert", "analyst", "estimat", "researcher", "observer", "insider", "sources ")
_CUE = re.compile(
    r"(?:experts?|analysts?|observers|insiders|researchers|estimates?|estimated|sources (?:say|said|suggest))\b",
    re.I)
_CUE_PREFIX = re.compile(
    r"(?<![\w])(?:industry|independent|outside|some|many|several|other|tech|market|financial|wall street|ai)"
    r"[ \t]+\Z", re.I)
_NAMED_BEFORE = re.compile(r"([A-Z][\w&.-]*)(?:['\u2019]s)?[ \t]+\Z")
#: Capitalised words before "experts" that do not name anyone ("But experts say").
_NOT_NAMED = frozenset("But And Yet Still Even Now Then So Also Some Many Most Other Several These Those The "
                       "Meanwhile However According Independent Industry Outside Leading Top Western Chinese "
                       "American Tech AI".split())
_NAMED_AFTER = re.compile(r"[ \t]+(?:at|from|with|of)[ \t]+(?:the[ \t]+)?[A-Z]")
_SELF_CREDIT = re.compile(
    r"\b(?:DeepSeek|[Tt]he company|[Tt]he firm|[Tt]he start-?up)(?:['\u2019]s)?[ \t]+(?:own[ \t]+)?"
    r"(?:says?|said|claims?|claimed|reports?|reported|disclosed|stated|states|revealed|estimates?|estimated"
    r"|engineers|researchers|team|paper|technical report|figures?)\b"
    r"|\b[Aa]ccording to (?:DeepSeek|the company|its (?:own )?(?:technical )?(?:paper|report))\b"
    r"|\b(?:[Ii]ts|[Tt]heir) own (?:technical )?(?:paper|report|figures?)\b")
_DIGIT = re.compile(r"\d")
_NO_DIGIT = 1 << 62
_SENTENCE_REACH = 600
#: At most this many sentences are read for figures (a bound for pathological input, far above real texts).
_MAX_FIGURE_SENTENCES = 2000


# --- self-reported figures ----------------------------------------------------------------------------------

def _deepseek_is_source(row: pd.Series) -> bool:
    titles = [part.strip() for part in str(row["source_title"]).split(";")]
    own_words = f"{row['unit']} {row['note']}".casefold()
    return any(title.startswith("DeepSeek") for title in titles) or "self-reported" in own_words


def _figure_unit(reference_unit: str) -> str | None:
    if reference_unit == "USD":
        return "USD"
    if " per " in f" {reference_unit} ":
        return None
    if reference_unit.endswith("GPU-hours"):
        return "GPU-hours"
    if reference_unit.endswith("GPUs"):
        return "GPU"
    return None


@cached
def self_reported_figures() -> tuple[dict, ...]:
    """The reference numbers that come from DeepSeek's own documents, with the unit a figure would carry.

    Derived from ``reference_values.csv`` and the fact sheet: a number counts as self-reported when its
    fact row's source is a DeepSeek document (a title starting "DeepSeek") or the row says "self-reported".
    Keys: ``name``, ``value``, ``unit`` (as ``find_figures`` gives it), ``claim_id``, ``description`` and
    ``printed`` (the value as printed or rounded, see :func:`rounded_forms`).
    """
    facts = load_facts().set_index("claim_id")
    chosen = []
    for _, row in reference_values().iterrows():
        unit = _figure_unit(str(row["unit"]))
        if unit is None or row["claim_id"] not in facts.index or not _deepseek_is_source(facts.loc[row["claim_id"]]):
            continue
        value = float(row["value"])
        chosen.append({"name": row["name"], "value": value, "unit": unit, "claim_id": row["claim_id"],
                       "description": row["description"], "printed": rounded_forms(value)})
    return tuple(chosen)


def rounded_forms(reference: float) -> tuple[float, ...]:
    """A number as printed and rounded to 1, 2 or 3 significant figures: 5576000 -> 5576000, 6e6, 5.6e6, 5.58e6."""
    if not math.isfinite(reference) or reference <= 0:
        return ()
    magnitude = math.floor(math.log10(reference))
    return tuple(dict.fromkeys([reference] + [round(reference, digits - 1 - magnitude) for digits in (1, 2, 3)]))


def matches_rounded(value: float | None, reference: float) -> bool:
    """Tell whether ``value`` is ``reference`` as printed or rounded to 1, 2 or 3 significant figures."""
    return _among(value, rounded_forms(reference))


def _among(value: float | None, forms: tuple[float, ...]) -> bool:
    if value is None or not isinstance(value, (int, float)) or not math.isfinite(value):
        return False
    return any(math.isclose(value, form, rel_tol=1e-9) for form in forms)


def _self_reported(value: float | None, value_high: float | None, unit: str | None) -> dict | None:
    for reference in self_reported_figures():
        if (unit is None or unit == reference["unit"]) and (
                _among(value, reference["printed"]) or _among(value_high, reference["printed"])):
            return reference
    return None


@cached
def _misattributed_wordings() -> tuple[tuple[str, tuple], ...]:
    facts = load_facts()
    rows = facts[facts["verdict"] == "misattributed"]
    return tuple((row["claim_id"], tuple(tuple(a) for a in wording_alternatives(str(row["seed_wording"]))))
                 for _, row in rows.iterrows())


def _located_fact(sentence: str) -> str | None:
    """A misattributed fact row whose seed wording is in the sentence, e.g. COST-01."""
    for claim_id, alternatives in _misattributed_wordings():
        if any(find_fragments(list(fragments), sentence) is not None for fragments in alternatives):
            return claim_id
    return None


def _cue_words(text: str, lowered: str) -> list[tuple[int, int]]:
    """Where a word that credits unnamed people or estimates stands ("experts", "estimates"), in order."""
    found = []
    for keyword in _CUE_KEYWORDS:
        for position in positions(lowered, keyword):
            if is_word_start(text, position):
                match = _CUE.match(text, position)
                if match is not None:
                    found.append((position, match.end()))
    return sorted(found)


def _unnamed_start(text: str, start: int, end: int) -> int | None:
    """Where an unnamed credit begins ("Industry experts"), or None when a name goes with it ("Bernstein analysts",
    "analysts at Bernstein")."""
    prefix = _CUE_PREFIX.search(text, max(0, start - 30), start)
    begin = prefix.start() if prefix else start
    named = _NAMED_BEFORE.search(text, max(0, begin - 40), begin)
    if (named and named.group(1) not in _NOT_NAMED) or _NAMED_AFTER.match(text, end):
        return None
    return begin


class Digits:
    """Answers "is there a digit between a and b?" for windows that move forward, in linear time overall."""

    def __init__(self, text: str):
        self.text = text
        self.searched_from = -1
        self.next_digit = -1  # the first digit at or after searched_from, or _NO_DIGIT if none

    def between(self, start: int, end: int) -> bool:
        if start < self.searched_from:
            if _DIGIT.search(self.text, start, min(end, self.searched_from)):
                return True
            start = self.searched_from
        if self.next_digit < start:
            match = _DIGIT.search(self.text, start)
            self.searched_from, self.next_digit = start, match.start() if match else _NO_DIGIT
        return self.next_digit < end


class _Sentences:
    """Finds the sentence around a position, splitting each stretch of text into sentences only once."""

    def __init__(self, text: str):
        self.text = text
        self.window = (0, 0)
        self.spans: list[tuple[int, int]] = []
        self.digits = Digits(text)

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence holding a span (within its line and ``_SENTENCE_REACH`` characters); None when no
        digit is that near, so no figure can be in the sentence."""
        if not self.digits.between(max(0, start - _SENTENCE_REACH), end + _SENTENCE_REACH):
            return None
        line_start, line_end = line_bounds(self.text, start, end)
        if not self.digits.between(max(line_start, start - _SENTENCE_REACH), min(line_end, end + _SENTENCE_REACH)):
            return None
        if not (self.window[0] <= start and end <= self.window[1]):
            window_start = max(line_start, start - _SENTENCE_REACH)
            window_end = min(line_end, end + 3 * _SENTENCE_REACH)
            self.window = (window_start, window_end)
            self.spans = [(window_start + a, window_start + b)
                          for a, b in sentence_spans(self.text[window_start:window_end])]
        for span_start, span_end in self.spans:
            if span_start <= start < span_end:
                return span_start, span_end
        return start, end


def self_reported_signals(text: str) -> list[dict]:
    """DeepSeek's own figures credited, in the same sentence, to unnamed experts, analysts or "estimates"."""
    return _self_reported_signals(ScannedText(text))


def _self_reported_signals(scanned: ScannedText) -> list[dict]:
    text, lowered = scanned.text, scanned.lowered
    found, seen_sentences, sentences, checked = [], set(), _Sentences(text), 0
    for word_start, cue_end in _cue_words(text, lowered):
        sentence_span = sentences.around(word_start, cue_end)
        if sentence_span is None or sentence_span in seen_sentences:
            continue
        cue_start = _unnamed_start(text, word_start, cue_end)
        if cue_start is None:
            continue
        begin, end = sentence_span
        seen_sentences.add(sentence_span)
        sentence = text[begin:end]
        if not _DIGIT.search(sentence) or _SELF_CREDIT.search(sentence):
            continue
        if not any(_self_reported(r.value, r.value_high, None) for _, _, r, _ in amounts(sentence) if r.ok):
            continue
        checked += 1
        if checked > _MAX_FIGURE_SENTENCES:
            break
        for figure in find_figures(sentence):
            reference = _self_reported(figure["value"], figure.get("value_high"), figure["unit"])
            if reference is None:
                continue
            message = (f"'{figure['text']}' is DeepSeek's own figure ({reference['description']}: "
                       f"{reference['value']:,.0f} {reference['unit']}, fact row {reference['claim_id']}), but this "
                       f"sentence credits it to '{text[cue_start:cue_end]}', as if unnamed experts had worked it "
                       "out independently.")
            claim = _located_fact(sentence)
            if claim is not None:
                message += f" The fact sheet rates this claim misattributed ({claim})."
            found.append(located_signal("self_reported_as_independent", text, begin + figure["start"],
                                 begin + figure["end"], message))
    return found


# --- all together --------------------------------------------------------------------------------------------

def provenance_signals(text: str, byline: str | None = None, date: str | None = None) -> list[dict]:
    """Return the provenance signals of a text: those with a position in order, then absences.

    Each signal is a dict: ``signal`` (one of :data:`SIGNALS`), ``text``, ``start``, ``end`` (-1 and -1
    when the signal is an absence) and ``message``. A ``byline`` or ``date`` passed by the caller counts
    as present; otherwise the text is searched for one. Never raises on a string; anything else gives [].
    """
    if not isinstance(text, str):
        return []
    scanned = ScannedText(text)
    found = text_signals(scanned) + _self_reported_signals(scanned)
    found.sort(key=lambda signal: (signal["start"], signal["signal"]))
    return found + byline_and_date_signals(text, byline, date)


def article_provenance(article_id: str) -> list[dict]:
    """Provenance signals of a seed article, with the byline and date recorded in ``articles.csv``."""
    articles = load_articles()
    row = articles[articles["id"] == article_id]
    if row.empty:
        raise KeyError(f"No seed article with id {article_id!r}.")
    byline, date = row.iloc[0]["byline"], row.iloc[0]["date"]
    byline = None if pd.isna(byline) else str(byline)
    date = None if pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d")
    return provenance_signals(article_text(article_id), byline=byline, date=date)
