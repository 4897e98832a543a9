"""Provenance signals any text can show: citation markers with no sources, a note that the text was written
or rewritten with AI, and a missing byline or date. General; it reads no case data.

Long texts are scanned with plain substring searches for a few keywords, and the precise patterns run
only in a small window around each hit, so the cost stays linear and low.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from solutions.analyser.text import lowered_in_place, positions

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


def is_word_start(text: str, position: int) -> bool:
    """Whether a word starts at ``position`` (nothing of a word just before it)."""
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_")


def line_bounds(text: str, start: int, end: int, reach: int = _LINE_REACH) -> tuple[int, int]:
    """The line around a span, at most ``reach`` characters either side."""
    line_start = text.rfind("\n", max(0, start - reach), start) + 1 or max(0, start - reach)
    line_end = text.find("\n", end, end + reach)
    return line_start, line_end if line_end >= 0 else min(len(text), end + reach)


def located_signal(signal: str, text: str, start: int, end: int, message: str) -> dict:
    """A signal found at ``text[start:end]``, as every provenance check returns it."""
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
    return any(not _in_image(text, position) and is_word_start(text, position)
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
            if not is_word_start(text, position) or (after < len(text) and (text[after].isalnum() or text[after] == "_")):
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


class ScannedText:
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
    return _marker_signals(ScannedText(text))


def _marker_signals(scanned: ScannedText) -> list[dict]:
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
    return [located_signal("citation_markers_without_sources", text, first.start(), first.end(), message)]


# --- AI notices ---------------------------------------------------------------------------------------------

def _notice_spans(text: str, lowered: str) -> list[tuple[int, int, bool]]:
    """Candidate AI notices: (start, end, is_a_rewrite)."""
    found = set()
    for verb in _NOTICE_VERBS:
        for position in positions(lowered, verb):
            start = next((position - len(prefix) for prefix in _VERB_PREFIXES
                          if position >= len(prefix) and lowered.startswith(prefix, position - len(prefix))
                          and is_word_start(text, position - len(prefix))), position)
            if not is_word_start(text, start):
                continue
            match = _AI_AFTER_VERB.match(text, start)
            if match:
                found.add((start, match.end(), match.group(1).casefold() in _REWRITE_VERBS))
            word_end = position + len(verb)
            if (verb in _AI_PREFIXED_VERBS and start >= 3 and lowered[start - 3:start] in _AI_BEFORE_VERB
                    and is_word_start(text, start - 3) and not text[word_end:word_end + 1].isalnum()):
                found.add((start - 3, word_end, lowered[start:word_end] in _REWRITE_VERBS))
    kept: list[tuple[int, int, bool]] = []
    for start, end, rewrite in sorted(found, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, rewrite))
    return kept


def ai_notice_signals(text: str) -> list[dict]:
    """Notes saying the text itself was written, generated or rewritten with AI."""
    return _notice_signals(ScannedText(text))


def _notice_signals(scanned: ScannedText) -> list[dict]:
    text = scanned.text
    found = []
    for start, end, rewrite in _notice_spans(text, scanned.lowered):
        line_start, line_end = line_bounds(text, start, end, _NOTICE_REACH)
        line = text[line_start:line_end]
        if not (rewrite or _SELF_REFERENCE.search(line)):
            continue
        message = (f"The text says it was '{text[start:end]}'. Treat it as a copy: find the original it was based "
                   "on before trusting its quotes, names and figures.")
        if _SOURCE_REFERENCE.search(line) and not scanned.has_sources():
            message += " It points to an original source, but no link to it is in the text."
        found.append(located_signal("ai_rewrite_notice", text, start, end, message))
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


def text_signals(scanned: ScannedText) -> list[dict]:
    """The general signals with a position in a scanned text: citation markers without sources, then AI notices."""
    return _marker_signals(scanned) + _notice_signals(scanned)
