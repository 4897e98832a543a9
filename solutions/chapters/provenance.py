"""Provenance signals: clues in a text about where it came from and whether its sources can be traced.

``provenance_signals(text, byline, date)`` returns one dict per signal: citation markers with no sources,
a note that the text was written or rewritten with AI, a missing byline or date, and a company's own
figure credited to unnamed experts. ``article_provenance(article_id)`` runs it on a seed article.

Long texts are scanned with plain substring searches for a few keywords, and the precise patterns run
only in a small window around each hit, so the cost stays linear and low.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pandas as pd

from solutions.data.articles import article_text, load_articles
from solutions.data.datafiles import cached
from solutions.data.facts import find_fragments, load_facts, wording_alternatives
from solutions.analyser.figures import amounts, find_figures
from solutions.data.reference import reference_values
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import lowered_in_place, positions

SIGNALS = ("citation_markers_without_sources", "ai_rewrite_notice", "missing_byline", "missing_date",
           "self_reported_as_independent")

# --- citation markers and source lists ----------------------------------------------------------------
_MARKER = re.compile(r"\[(\d{1,3})(?:[ \t]*[,\u2013-][ \t]*\d{1,3}){0,5}\]")
_LINK_START = ("http://", "https://", "www.")
_HEADING_WORDS = ("sources", "source", "references", "reference", "bibliography", "citations", "works cited",
                  "further reading", "bronnen", "bron", "quellen", "fuentes", "r\u00e9f\u00e9rences", "fonti")
_HEADING_REST = re.compile(r"[ \t]*(:?)[ \t]*([^\n]*)")
_ENTRY_LOOK = re.compile(
    r"^[ \t]*(?:[-*\u2022\u2013]|\d{1,3}[.)]|\[\d{1,3}\])[ \t]*\S|\b(?:19|20)\d\d\b|[\"\u201c]|https?://|www\."
    r"|\b[\w-]{2,63}\.(?:com|org|net|gov|edu|int|co\.uk|io|info|news|eu|cn|de|fr|nl)\b", re.I)
_REFERENCE_ENTRY = re.compile(r"^[ \t]*\[\d{1,3}\][ \t]*[^\s\[]+[ \t]+\S", re.M)
_HEADING_LOOKAHEAD_LINES = 10
_MAX_HEADING_LINE = 160
_LINE_PREFIX = 12
#: At most this many candidate reference lines and headings are examined (a bound for pathological input).
_MAX_CANDIDATES = 200

# --- AI notices -----------------------------------------------------------------------------------------
_AI = (r"(?:AI|A\.I\.|artificial intelligence|generative AI|ChatGPT|a (?:large )?language model"
       r"|an AI(?: tool| model| system)?)")
#: Substrings of the verbs of an AI notice ("phrased" finds paraphrased and rephrased, "written" rewritten).
_NOTICE_VERBS = ("written", "phrased", "generated", "created", "produced", "translated", "summari", "assisted",
                 "prepared", "edited", "drafted")
_AI_AFTER_VERB = re.compile(
    r"(re-?written|paraphrased|rephrased|generated|written|created|produced|drafted|translated"
    r"|summari[sz]ed|assisted|edited|prepared)\s+(?:(?:using|with|by)\s+(?:the\s+(?:help|assistance|aid)\s+of\s+)?"
    r"|with\s+the\s+(?:help|assistance)\s+of\s+)" + _AI + r"(?![\w])", re.I)
_AI_BEFORE_VERB = ("ai-", "ai ")
_AI_PREFIXED_VERBS = frozenset({"assisted", "generated", "written", "produced"})
_REWRITE_VERBS = frozenset({"rewritten", "re-written", "paraphrased", "rephrased"})
_VERB_PREFIXES = ("re-", "re", "para")
_SELF_REFERENCE = re.compile(
    r"\b(?:this|the|our)\s+(?:article|publication|post|story|content|piece|text|report|summary|page|news|blog)\b"
    r"|^\s*(?:note|disclaimer|editor['\u2019]s note|disclosure)\s*:", re.I)
_SOURCE_REFERENCE = re.compile(r"\b(?:source|original|article)\s+(?:linked|cited)\s+(?:above|below)\b", re.I)
_LINE_REACH = 400
_NOTICE_REACH = 150

# --- byline and date ------------------------------------------------------------------------------------
_NAME = r"[A-Z][\w.'\u2019-]*(?:[ \t]+(?:[A-Z][\w.'\u2019-]*|van|von|de|del|der|da|bin|al|el|la|le)){0,4}"
_BYLINE = re.compile(
    rf"^[ \t]*(?:By|BY|Written by|Words by|Reporting by|Author:|Authors:|Text by)[ \t]+({_NAME}"
    rf"(?:[ \t]*(?:,|and|&)[ \t]*{_NAME}){{0,4}})[ \t]*(?:[,|\u2013\u2014-][^\n]{{0,80}})?$", re.M)
_NOT_A_NAME = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The This That These Those Then Now Today Tomorrow Yesterday "
    "Contrast Comparison Default Design Far Means Offering Using Leveraging Adding Making Taking Focusing "
    "Combining Embracing Forcing Building Late Early Mid End Next Last Way".split())
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_DATE = re.compile(
    rf"\b{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH},?[ \t]+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b|\b[0-3]?\d/[01]?\d/(?:19|20)\d\d\b")
_CAPTION = re.compile(r"\b(?:photo|photograph|image|picture|pictured|captured|getty|credit|illustration"
                      r"|afp|reuters/|ap photo)\b", re.I)
_TOP_LINES = 15
_TOP_CHARS = 3000
_BYLINE_REACH = 12000
_SHORT_LINE = 120
_DATELINE_REACH = 60

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




def _word_start(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_")


def _line_bounds(text: str, start: int, end: int, reach: int = _LINE_REACH) -> tuple[int, int]:
    """The line around a span, at most ``reach`` characters either side."""
    line_start = text.rfind("\n", max(0, start - reach), start) + 1 or max(0, start - reach)
    line_end = text.find("\n", end, end + reach)
    return line_start, line_end if line_end >= 0 else min(len(text), end + reach)


def _signal(signal: str, text: str, start: int, end: int, message: str) -> dict:
    return {"signal": signal, "text": text[start:end], "start": start, "end": end, "message": message}


def _absence(signal: str, message: str) -> dict:
    return {"signal": signal, "text": "", "start": -1, "end": -1, "message": message}


# --- citation markers ---------------------------------------------------------------------------------

def _in_image(text: str, position: int) -> bool:
    """Whether a link starts inside a Markdown image, ``![alt](http...)``."""
    if text[max(0, position - 2):position] != "](":
        return False
    reach = max(0, position - _LINE_REACH)
    return text.rfind("![", text.rfind("\n", reach, position) + 1 or reach, position) >= 0


def _has_link(text: str, lowered: str) -> bool:
    return any(not _in_image(text, position) and _word_start(text, position)
               for start in _LINK_START for position in positions(lowered, start))


def _at_line_start(text: str, position: int) -> bool:
    """Whether only spaces or Markdown marks (#, *) come before a position on its line."""
    reach = max(0, position - _LINE_PREFIX)
    line_start = text.rfind("\n", reach, position) + 1
    if line_start == 0 and reach > 0:
        return False
    return not text[line_start:position].strip(" \t#*")


def _headings(text: str, lowered: str) -> Iterator[tuple[int, int, str]]:
    """Lines that are a sources heading: (heading start, end of the heading's line, the rest of that line)."""
    for word in _HEADING_WORDS:
        for position in positions(lowered, word):
            after = position + len(word)
            if not _word_start(text, position) or (after < len(text) and (text[after].isalnum() or text[after] == "_")):
                continue
            if not _at_line_start(text, position):
                continue
            rest = _HEADING_REST.match(text, after)
            colon, content = rest.group(1), rest.group(2).strip()
            if content and (not colon or rest.end() - position > _MAX_HEADING_LINE):
                continue
            yield position, rest.end(), content


def _source_list(text: str, lowered: str) -> bool:
    if _has_link(text, lowered) or _REFERENCE_ENTRY.search(text):
        return True
    for (_, line_end, rest), _ in zip(_headings(text, lowered), range(_MAX_CANDIDATES)):
        if len(rest) >= 3:
            return True
        following = [line for line in text[line_end:line_end + 2000].splitlines() if line.strip()]
        if any(_ENTRY_LOOK.search(line) for line in following[:_HEADING_LOOKAHEAD_LINES]):
            return True
    return False


def has_source_list(text: str) -> bool:
    """Tell whether a text gives anything a numbered marker could point to.

    A link (not an image), a line that starts with a marker and goes on ("[1] Reuters, ..."), or a
    sources heading ("Sources", "References", "Bronnen", ...) with something after it on its line or a
    source-like line below it (a bullet, a number, a year, a title in quotes, a web address).
    """
    if not isinstance(text, str):
        return False
    return _source_list(text, lowered_in_place(text))


def _first_empty_heading(text: str, lowered: str) -> str | None:
    for position, line_end, _ in sorted(_headings(text, lowered)):
        return text[position:line_end].strip().rstrip(":")
    return None


class _Text:
    """A text with its lower-case copy and, once asked, whether it lists sources."""

    def __init__(self, text: str):
        self.text = text
        self.lowered = lowered_in_place(text)
        self._sources: bool | None = None

    def has_sources(self) -> bool:
        if self._sources is None:
            self._sources = _source_list(self.text, self.lowered)
        return self._sources


def citation_marker_signals(text: str) -> list[dict]:
    """One signal when numbered markers such as "[4]" appear but the text lists no sources for them."""
    return _marker_signals(_Text(text))


def _marker_signals(scanned: _Text) -> list[dict]:
    text, lowered = scanned.text, scanned.lowered
    first = _MARKER.search(text)
    if first is None or scanned.has_sources():
        return []
    numbers, count = set(), 0
    for marker in _MARKER.finditer(text, first.start()):
        numbers.add(marker.group(1))
        count += 1
    low, high = min(map(int, numbers)), max(map(int, numbers))
    shown = f"[{low}]" if low == high else f"[{low}] to [{high}]"
    message = (f"The text numbers its sources {shown} ({count} markers) but gives no list of sources and "
               "no links, so a reader cannot check any claim against its source.")
    heading = _first_empty_heading(text, lowered)
    if heading:
        message += f" The heading '{heading}' is followed by no sources."
    return [_signal("citation_markers_without_sources", text, first.start(), first.end(), message)]


# --- AI notices ---------------------------------------------------------------------------------------------

def _notice_spans(text: str, lowered: str) -> list[tuple[int, int, bool]]:
    """Candidate AI notices: (start, end, is_a_rewrite)."""
    found = set()
    for verb in _NOTICE_VERBS:
        for position in positions(lowered, verb):
            start = next((position - len(prefix) for prefix in _VERB_PREFIXES
                          if position >= len(prefix) and lowered.startswith(prefix, position - len(prefix))
                          and _word_start(text, position - len(prefix))), position)
            if not _word_start(text, start):
                continue
            match = _AI_AFTER_VERB.match(text, start)
            if match:
                found.add((start, match.end(), match.group(1).casefold() in _REWRITE_VERBS))
            word_end = position + len(verb)
            if (verb in _AI_PREFIXED_VERBS and start >= 3 and lowered[start - 3:start] in _AI_BEFORE_VERB
                    and _word_start(text, start - 3) and not text[word_end:word_end + 1].isalnum()):
                found.add((start - 3, word_end, lowered[start:word_end] in _REWRITE_VERBS))
    kept: list[tuple[int, int, bool]] = []
    for start, end, rewrite in sorted(found, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, rewrite))
    return kept


def ai_notice_signals(text: str) -> list[dict]:
    """Notes saying the text itself was written, generated or rewritten with AI."""
    return _notice_signals(_Text(text))


def _notice_signals(scanned: _Text) -> list[dict]:
    text = scanned.text
    found = []
    for start, end, rewrite in _notice_spans(text, scanned.lowered):
        line_start, line_end = _line_bounds(text, start, end, _NOTICE_REACH)
        line = text[line_start:line_end]
        if not (rewrite or _SELF_REFERENCE.search(line)):
            continue
        message = (f"The text says it was '{text[start:end]}'. Treat it as a copy: find the original it was based "
                   "on before trusting its quotes, names and figures.")
        if _SOURCE_REFERENCE.search(line) and not scanned.has_sources():
            message += " It points to an original source, but no link to it is in the text."
        found.append(_signal("ai_rewrite_notice", text, start, end, message))
    return found


# --- byline and date ------------------------------------------------------------------------------------

def _top(text: str) -> list[tuple[int, str]]:
    """The first non-empty lines of a text with their offsets."""
    lines, position = [], 0
    for line in text[:_TOP_CHARS].splitlines(keepends=True):
        if line.strip():
            lines.append((position, line.rstrip("\r\n")))
            if len(lines) >= _TOP_LINES:
                break
        position += len(line)
    return lines


def find_byline(text: str) -> tuple[int, int] | None:
    """Where a "By Firstname Lastname" line (near the top) names the author, or None."""
    if not isinstance(text, str):
        return None
    for match in _BYLINE.finditer(text[:_BYLINE_REACH]):
        names = re.findall(r"[A-Z][\w.'\u2019-]*", match.group(1))
        if names and names[0] not in _NOT_A_NAME and len(match.group(0).strip()) <= _SHORT_LINE:
            return match.start(1), match.end(1)
    return None


def find_date(text: str) -> tuple[int, int] | None:
    """Where a date near the top dates the text (a short dated line or a dateline), or None.

    Dates in photo captions date the photo, not the text, and are skipped.
    """
    if not isinstance(text, str):
        return None
    for offset, line in _top(text):
        if _CAPTION.search(line):
            continue
        for match in _DATE.finditer(line):
            if len(line.strip()) <= _SHORT_LINE or match.start() <= _DATELINE_REACH:
                return offset + match.start(), offset + match.end()
    return None


def byline_and_date_signals(text: str, byline: str | None = None, date: str | None = None) -> list[dict]:
    """A signal for each of byline and date that is neither given by the caller nor found in the text."""
    found = []
    if not (isinstance(byline, str) and byline.strip()) and find_byline(text) is None:
        found.append(_absence("missing_byline", "No byline: the text does not say who wrote it, so you cannot check "
                                                "the writer's record or ask them where a claim came from."))
    if not (isinstance(date, str) and date.strip()) and find_date(text) is None:
        found.append(_absence("missing_date", "No date near the top: you cannot tell when the text was written, so "
                                              "you cannot tell what its writer could have known at the time."))
    return found


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
            if _word_start(text, position):
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


class _Digits:
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
        self.digits = _Digits(text)

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence holding a span (within its line and ``_SENTENCE_REACH`` characters); None when no
        digit is that near, so no figure can be in the sentence."""
        if not self.digits.between(max(0, start - _SENTENCE_REACH), end + _SENTENCE_REACH):
            return None
        line_start, line_end = _line_bounds(self.text, start, end)
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
    return _self_reported_signals(_Text(text))


def _self_reported_signals(scanned: _Text) -> list[dict]:
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
            found.append(_signal("self_reported_as_independent", text, begin + figure["start"],
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
    scanned = _Text(text)
    found = _marker_signals(scanned) + _notice_signals(scanned) + _self_reported_signals(scanned)
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
