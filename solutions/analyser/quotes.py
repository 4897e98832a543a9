"""Quotations and who said them: ``extract_quotes(text)`` lists every quoted passage that gives someone's words.

Three steps, one section each below:

1. **Marks to passages.** Double and single quotation marks, straight or curly, are paired. An apostrophe
   inside a word (DeepSeek's, don't), a plural possessive (students' work), an abbreviated year ('90s)
   and "rock 'n' roll" are not quotation marks. Single quotes inside a double-quoted passage belong to
   it. A paragraph that opens with a quotation mark continues a quote the paragraph before left open;
   a quote still open where the text stops runs to the end (excerpts stop mid-sentence).
2. **Finding the attribution.** After the quote (""...," X said", ""..." said X", "- X, CEO of Y" on
   the next line), before it ("X said: "..."", "according to X", "labeled "..." by X", "X ... by
   stating"), shared with another quote in the same sentence, carried over from a quote paragraph or a
   colon before, or a hedge such as "reportedly" in the same sentence. :class:`~.attribution.Sources`
   then names the speaker ("he" and "Wang" become the full name given earlier).
3. **Keeping real quotes.** A passage with an attribution is a quote, and so is a long passage that
   reads as speech or a single-quoted phrase in a headline. Short terms with no speaker ("mixture of
   experts"), titles ("Humanity's Last Exam"), a repeated headline and quoted words that modify a noun
   ("distilled" versions) are scare quotes or names, and are left out.

The work grows linearly with the text, whatever it holds: each question about a quote reads a bounded
stretch around it, and where quotes crowd together the stretches' sentence ends and speech verbs are
indexed once instead of being read again for every quote (see ``_Context``).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from solutions.analyser.attribution import (
    UNNAMED, NameIndex, Source, Sources, is_place, is_relative_clause, is_vague_source, looks_like_role,
    phrase_rules, proper_names, vague_attributions, word_set,
)
from solutions.data.datafiles import cached
from solutions.analyser.text import trie_pattern

# --- 1. marks to passages -----------------------------------------------------------------------------

_DOUBLE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_SINGLE_CHARS = "'\u2018\u2019\u201a\u201b"
_OPEN, _CLOSE, _EITHER, _WEAK_CLOSE = "open", "close", "either", "weak"
_OPEN_BEFORE = frozenset("([{/\u2014\u2013-\u201c\u2018\"'")
_CLOSE_AFTER = frozenset(".,;:!?)]}/\u2014\u2013-\u201d\u2019\"'\u2026")
#: What follows an apostrophe that starts an elided word: 'n', 'em, 'til, '90s, '24.
_ELISION = re.compile(r"(?:n['\u2019](?=\s)|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|\d\ds\b|\d\d\b(?![,.]\d))",
                      re.IGNORECASE)
_PLURAL_POSSESSIVE_AFTER = re.compile(r"[ \t]+[a-z0-9]")
_NOT_SPACE = re.compile(r"\S")
_MAX_SINGLE_QUOTE = 600


@dataclass(eq=False, slots=True)
class Passage:
    """A pair of quotation marks and what the later steps learn about it.

    ``open_mark``/``close_mark`` are the marks' offsets (``close_mark`` is None for a quote left open);
    ``start``/``end`` the quoted text's span. ``how`` says where the attribution was found, ``span`` is
    the phrase naming the source, ``origin`` the passage whose attribution this one shares.
    """

    open_mark: int
    close_mark: int | None
    start: int
    end: int
    double: bool
    how: str = ""
    span: tuple[int, int] | None = None
    origin: Passage | None = None
    role_hint: str | None = None
    left_start: int = 0
    paragraph: tuple[int, int] = (0, 0)
    source: Source = UNNAMED
    attribution: dict | None = None

    @property
    def after(self) -> int:
        """Offset just past the closing mark (or the end of a quote left open)."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _positions(text: str, characters: str) -> list[int]:
    """Sorted offsets of every occurrence of any of ``characters`` (str.find is far faster than a regex)."""
    found = []
    for character in characters:
        index = text.find(character)
        while index != -1:
            found.append(index)
            index = text.find(character, index + 1)
    found.sort()
    return found


def _double_kind(text: str, position: int) -> str:
    mark = text[position]
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    opens_ok = before.isspace() or before in _OPEN_BEFORE
    closes_ok = after.isspace() or after in _CLOSE_AFTER
    if mark in "\u201c\u201e\u00ab":
        return _CLOSE if closes_ok and not opens_ok else _OPEN
    if mark in "\u201d\u00bb":
        return _OPEN if opens_ok and not closes_ok else _CLOSE
    if opens_ok and not closes_ok:
        return _OPEN
    if closes_ok and not opens_ok:
        return _CLOSE
    return _EITHER


def _single_kind(text: str, position: int) -> str | None:
    """open, close, weak (maybe a plural possessive) or None (an apostrophe)."""
    mark = text[position]
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None
    if mark == "\u201a":
        return _OPEN
    if not before.isalnum() and (after.isalnum() or after in "\"\u201c$\u00a3\u20ac"):
        elided = _ELISION.match(text, position + 1, position + 8)
        if elided and (mark != "\u2018" or after.isdigit()):
            return None
        return _OPEN
    if mark == "\u2018":
        return None
    if before.isalnum() or before in ".,!?;\u2026)\u201d\"":
        if before in "sS" and _PLURAL_POSSESSIVE_AFTER.match(text, position + 1, position + 4):
            return _WEAK_CLOSE
        return _CLOSE
    return None


def _paragraph_start_after(text: str, newline: int) -> int:
    """The first character that is not white space at or after ``newline`` (the text's length if none)."""
    found = _NOT_SPACE.search(text, newline)
    return found.start() if found else len(text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted span without surrounding space and without a trailing comma."""
    inner = text[start:end]
    start += len(inner) - len(inner.lstrip())
    body = inner.strip()
    if body.endswith(","):
        body = body[:-1].rstrip()
    return start, start + len(body)


def _pair_doubles(text: str) -> list[Passage]:
    passages: list[Passage] = []
    open_at, checked = -1, 0

    def emit(close: int | None, end: int) -> None:
        start, stop = _trimmed(text, open_at + 1, end)
        if stop > start:
            passages.append(Passage(open_at, close, start, stop, True))

    for position in _positions(text, _DOUBLE_CHARS):
        kind = _double_kind(text, position)
        if open_at < 0:
            if kind != _CLOSE:
                open_at, checked = position, position + 1
            continue
        newline = text.find("\n", checked, position)
        if newline != -1:
            if kind != _CLOSE and _paragraph_start_after(text, newline) == position:
                checked = position + 1  # a new paragraph continuing the quote
                continue
            emit(None, newline)
            open_at, checked = (position, position + 1) if kind != _CLOSE else (-1, 0)
            continue
        checked = position
        if kind == _OPEN:
            open_at, checked = position, position + 1
        else:
            emit(position, position)
            open_at = -1
    if open_at >= 0:
        newline = text.find("\n", checked)
        emit(None, newline if newline != -1 else len(text))
    return passages


def _pair_singles(text: str, doubles: list[Passage]) -> list[Passage]:
    inside = [(p.open_mark, p.close_mark if p.close_mark is not None else p.end) for p in doubles]
    marks: list[tuple[int, str]] = []
    span_index = 0
    skip: set[int] = set()
    for position in _positions(text, _SINGLE_CHARS):
        if 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalnum():
            continue
        while span_index < len(inside) and inside[span_index][1] < position:
            span_index += 1
        if span_index < len(inside) and inside[span_index][0] < position <= inside[span_index][1]:
            continue  # nested in a double-quoted passage
        if position in skip:
            continue
        kind = _single_kind(text, position)
        if kind is None and text[position + 1:position + 3] in ("n'", "n\u2019"):
            skip.add(position + 2)  # rock 'n' roll
        if kind is not None:
            marks.append((position, kind))
    passages = []
    open_at, checked = -1, 0
    for index, (position, kind) in enumerate(marks):
        if open_at >= 0 and text.find("\n", checked, position) != -1:
            open_at = -1  # a single quote never spans paragraphs
        checked = position
        if open_at < 0 or kind == _OPEN:
            open_at = position if kind == _OPEN else open_at
            continue
        if kind == _WEAK_CLOSE and _later_close_in_paragraph(text, marks, index):
            continue
        if position - open_at <= _MAX_SINGLE_QUOTE:
            start, stop = _trimmed(text, open_at + 1, position)
            if stop > start:
                passages.append(Passage(open_at, position, start, stop, False))
        open_at = -1
    return passages


def _later_close_in_paragraph(text: str, marks: list[tuple[int, str]], index: int) -> bool:
    position = marks[index][0]
    for later, kind in marks[index + 1:index + 8]:
        if kind == _OPEN or text.find("\n", position, later) != -1:
            return False
        if kind in (_CLOSE, _WEAK_CLOSE):
            return True
    return False


def quoted_passages(text: str) -> list[Passage]:
    """Every pair of quotation marks in ``text`` (apostrophes and nested quotes left out), in order."""
    doubles = _pair_doubles(text)
    passages = doubles + _pair_singles(text, doubles)
    passages.sort(key=lambda p: p.open_mark)
    return passages


# --- 2. finding the attribution -----------------------------------------------------------------------

#: Finite verbs that attribute words: "X said", "X told CNBC", "X called it".
SPEECH_VERBS = word_set("""
    said says say told tells wrote writes added adds noted notes stated states explained explains argued
    argues claimed claims warned warns insisted insists acknowledged acknowledges admitted admits
    emphasized emphasised emphasizes emphasises stressed stresses suggested suggests asked asks replied
    replies responded responds answered answers announced announces declared declares posted posts
    tweeted tweets estimated estimates predicted predicts quipped joked remarked observed concluded
    continued recalled conceded confirmed denied boasted touted praised hailed slammed criticized
    criticised mocked promised vowed pledged cautioned urged underscored underscores reiterated countered
    contended maintained believes believed thinks reported disclosed revealed shared calls called
    labeled labelled labels dubbed described describes termed branded characterized characterised framed
    complained lamented marveled marvelled exclaimed projected projects forecast forecasts reckons reckoned
    wonders wondered agreed agrees commented comments summed weighed
""")
#: Verbs that can come before their subject after a quote: ""...," said X".
INVERTIBLE_VERBS = word_set("""
    said says added adds wrote writes asked asks explained explains noted notes continued replied answered
    recalled remarked insisted argued stated declared warned concluded quipped joked observed tweeted
    posted responded countered
""")
#: Participles that carry the main clause's subject: "X underscores this by stating, "..."".
PARTICIPLES = word_set("""
    saying adding noting stating writing arguing claiming warning explaining telling calling describing
    insisting suggesting asking replying responding declaring posting tweeting acknowledging admitting
    emphasizing emphasising stressing labeling labelling dubbing predicting estimating concluding
    boasting touting urging cautioning reiterating countering complaining quipping joking remarking
""")
#: Verbs that label rather than report ("called it a ..."): only a named subject or "by X" makes them an attribution.
LABEL_VERBS = word_set("""
    called calls labeled labelled labels dubbed described describes termed branded hailed touted billed
    characterized characterised framed
""")
_ADVERBS = word_set("""
    has have had also later then once previously recently publicly reportedly separately further would
    will earlier since again simply famously bluntly flatly openly privately only just first even
    himself herself itself themselves
""")
_TIME_WORDS = word_set("""
    monday tuesday wednesday thursday friday saturday sunday week month year morning afternoon evening
    night weekend
""")
_DETERMINERS = word_set("a an the its his her their this that")
#: Words that end a subject when reading back from a verb.
_CLAUSE_BREAK = word_set("""
    that which who because while when after before since as if but and so though although whereas where
    than whether said says told
""")
#: Words that end a subject when reading on after an inverted verb ("said X in a statement").
_SUBJECT_STOP = word_set("""
    who whom which that in on at during while when after before last this earlier adding according to
    told via as because but with for whose where if so and
""")
_FUNCTION_WORDS = word_set("""
    a an the and or but nor for of to in on at by with from as than that which who whom whose what when where
    while if because since after before about into over under against between through during without within
    is are was were be been being has have had do does did will would can could should may might must shall
    not no so yet also then too very just only even still said says say told tells wrote added noted
    according it its this these those they them their he his she her we our i you your us there here
    due ahead across amid among around per via despite upon onto toward towards like unlike whether
    how why s
""")
#: Verbs that often follow a quoted subject ("web text" takes months): the quote is not a modifier then.
_COMMON_VERBS = word_set("""
    takes take needs need requires require means mean remains remain seems seem makes make gives give shows
    show helps help costs cost works work matters matter happens comes goes sounds looks appears refers
    stands applies involves includes describes captures sums reflects became becomes led leads
""")
_PRONOUN_SUBJECTS = word_set("he she it they we i")
#: What may stand between two names of one subject: "OpenAI's Sam Altman", "Nvidia CEO Jensen Huang".
_NAME_JOINER = re.compile(r"(?:[\u2019']s?)?(?:[ \t]+(?:chief|executive|ceo|cto|cfo|founder|co-founder|cofounder|"
                          r"president|head|director|analyst|researcher|scientist|spokesperson|engineer|boss|"
                          r"chairman|partner))*[ \t]+", re.IGNORECASE)
_SUBJECT_OPENERS = _PRONOUN_SUBJECTS | word_set("the a an one")

_TOKEN = re.compile(r"[\w\u2019'&.\-]+|[^\w\s]")
_LETTERS = re.compile(r"[A-Za-z]+")
_ACCORDING = re.compile("according", re.IGNORECASE | re.ASCII)
_QUOTE_OR_APOSTROPHE = re.compile("[" + re.escape(_DOUBLE_CHARS + "\u2018\u2019'") + "]")
_DASH_LINE = re.compile(r"[ \t]*[-\u2013\u2014\u2015]+[ \t]*(?P<subject>[^\n]{2,160})")
_ABBREVIATION = re.compile(r"(?:\b(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|Prof|No|Inc|Corp|Ltd|Co|St|vs|Jr|Sr|Gen|Sen|Rep|Gov|"
                           r"e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b(?!X)[A-Z])$")
_LABEL_BEFORE = re.compile(r"\b(?:called|labell?ed|dubbed|described as|termed|branded|hailed as|touted as|billed as|"
                           r"characteri[sz]ed as)(?:[ \t]+(?:it|this|that|them|him|her|the[ \t]+[a-z]+))?"
                           r"[ \t]+(?:as[ \t]+)?(?:an?[ \t]+|the[ \t]+)?$", re.IGNORECASE)
#: A question put to someone: the attribution after it belongs to the answer.
_ASKED_BEFORE = re.compile(r"\b(?:asked|asking|asks|question|prompt|prompted|typed|query|queried)"
                           r"(?:[ \t]+(?:it|him|her|them|the[ \t]+\w+))?[ \t]*:?[ \t]*$", re.IGNORECASE)
_BY_AGENT = re.compile(r"[ \t]*+,?[ \t]*+by[ \t]+(?P<subject>[^,.;:!?\"\u201c\u201d\n(]{1,80})")
_PARAGRAPH_REACH = 5000
_SENTENCE_REACH = 600


class _Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        """The token lower-cased without a sentence-final full stop ("" for punctuation)."""
        if not (self.text[0].isalnum() or self.text[0] == "_"):
            return ""
        return self.text.rstrip(".").casefold()

    @property
    def ends_sentence(self) -> bool:
        """A word carrying a full stop that is not an abbreviation ("said." yes, "U.S." and "J." no)."""
        return self.text.endswith(".") and len(self.text) > 3 and "." not in self.text[:-1]


_new_token = tuple.__new__  # skips NamedTuple's Python-level constructor: tokens are made by the million


def _tokens(text: str, start: int, end: int, limit: int = 40) -> list[_Token]:
    """The first ``limit`` words and punctuation marks of start:end."""
    found = islice(_TOKEN.finditer(text, start, end), limit)
    return [_new_token(_Token, (m.group(0), m.start(), m.end())) for m in found]


def _last_tokens(text: str, start: int, end: int, limit: int = 40) -> list[_Token]:
    """The last ``limit`` words and punctuation marks of start:end (for reading back from a verb).

    Only the last ``6 * limit`` characters are read, and of their first ``10 * limit`` tokens only the last
    ``limit`` are kept.
    """
    kept = deque(islice(_TOKEN.finditer(text, max(start, end - 6 * limit), end), 10 * limit), maxlen=limit)
    return [_new_token(_Token, (m.group(0), m.start(), m.end())) for m in kept]


class _Context:
    """The text with its names, and paragraph and sentence limits found on demand around each quote.

    Each question reads only the stretch of text it is about, as a reader would, until questions about one
    block of text have read it twice over: then the block's sentence ends, speech verbs and hedge words are
    indexed once (:class:`_Blocks`) and later questions look them up. A few quotes far apart cost no more
    than reading around each; where quotes crowd together, each character is read about three times at most.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.sources = Sources(text)
        self._stop_index = _Blocks(len(text), self._scan_stops)
        self._cue_index = _Blocks(len(text), self._scan_cues)
        self._anchor_index = _Blocks(len(text), self._scan_anchors)

    @property
    def names(self) -> NameIndex:
        return self.sources.names

    def paragraph_start(self, position: int) -> int:
        low = max(0, position - _PARAGRAPH_REACH)
        found = self.text.rfind("\n", low, position)
        return found + 1 if found != -1 else low

    def paragraph_end(self, position: int) -> int:
        high = min(len(self.text), position + _PARAGRAPH_REACH)
        found = self.text.find("\n", position, high)
        return found if found != -1 else high

    def crowded(self, position: int) -> bool:
        """True where quotes crowd together: the words around ``position`` have been indexed."""
        return self._cue_index.indexed(position)

    # --- sentence ends: a line break, or a stop (_SENTENCE_STOP: a run of . ! ? ..., closing marks, spaces, and
    # more text after them) that is no abbreviation ("Mr.", "U.S."). A search of start:end finds what a regular
    # expression search of it would, but tries a run of marks only at its first mark, so a long run is read
    # once rather than once per mark.

    def _stops_read(self, start: int, end: int):
        """(start, end) of each sentence stop (no line breaks) found reading start:end, in order, from the
        first whole run of marks on (see :meth:`_stop_from` for a run cut by ``start``)."""
        text = self.text
        for mark in _RUN_START.finditer(text, start, end):
            at = mark.start()
            stop = _SENTENCE_STOP.match(text, at, end)
            if stop is not None and not (text[at] == "." and _ABBREVIATION.search(text, max(0, at - 6), at)):
                yield at, stop.end()

    def _scan_stops(self, low: int, high: int) -> tuple[array, array]:
        """(starts, ends) of the sentence stops whose run of marks starts in low:high, read to their end."""
        text, starts, ends = self.text, array("q"), array("q")
        for mark in _RUN_START.finditer(text, low, high):
            at = mark.start()
            stop = _SENTENCE_STOP.match(text, at)
            if stop is not None and not (text[at] == "." and _ABBREVIATION.search(text, max(0, at - 6), at)):
                starts.append(at)
                ends.append(stop.end())
        return starts, ends

    def _stop_from(self, start: int, end: int) -> int | None:
        """End of the stop a search of start:end finds right at ``start`` inside a run of marks, or None."""
        text = self.text
        if 0 < start < len(text) and text[start] in _STOP_MARKS and text[start - 1] in _STOP_MARKS:
            stop = _SENTENCE_STOP.match(text, start, end)
            return stop.end() if stop else None
        return None

    def _stops(self, start: int, end: int):
        """The stops a search of start:end finds after its start, in order (read, or looked up if indexed)."""
        if not self._stop_index.ask(start, end):
            return self._stops_read(start, end)
        return ((s, e) for s, e in self._stop_index.forward(start, end) if e < end)

    def sentence_start(self, position: int, floor: int) -> int:
        """Start of the sentence holding ``position``, not before ``floor`` nor 600 characters back."""
        start = max(floor, position - _SENTENCE_REACH)
        if start > position:
            return start
        best = self.text.rfind("\n", start, position) + 1 or start
        cut = self._stop_from(start, position + 1)
        if cut is not None:
            best = max(best, cut)
        if self._stop_index.ask(start, position):
            for _, stop_end in self._stop_index.backward(start, position):
                if stop_end <= position:
                    return max(best, stop_end)
            return best
        for _, stop_end in self._stops_read(start, position + 1):
            best = max(best, stop_end)
        return best

    def sentence_end(self, position: int, ceiling: int) -> int:
        high = min(ceiling, position + _SENTENCE_REACH)
        return self._first_stop(position, high, high)

    def has_sentence_end(self, start: int, end: int) -> bool:
        return self._first_stop(start, end, -1) != -1

    def _first_stop(self, start: int, end: int, default: int) -> int:
        """Start of the first sentence end that a search of start:end finds, else ``default``."""
        if end <= start:
            return default
        if self._stop_from(start, end) is not None:
            return start
        newline = self.text.find("\n", start, end)
        # A stop needs a character after it that is not white space, so one before the line break ends before it.
        for stop_start, _ in self._stops(start, newline if newline != -1 else end):
            return stop_start
        return newline if newline != -1 else default

    # --- words that attribute speech: the runs of letters in start:end, a word cut by either end counting
    # by its part inside, as _last_cue reads them

    def last_cue(self, start: int, end: int) -> tuple[str, int, int] | None:
        """The last word in start:end that attributes speech: (kind, start, end), kind verb/participle/according.

        "to" counts after "according" and "it" after "put" (the word before also read inside start:end).
        """
        if end <= start:
            return None
        if not self._cue_index.ask(start, end):
            return _last_cue(self.text, start, end)
        cut = self._cut_word_at_end(start, end)
        if cut is not None and cut[2]:
            word_start, word, kind = cut
            before = _previous_run(self.text, word_start) if word_start > start else (-1, -1)
            cue = self._cue(start, kind, word_start, end, before)
            if cue is not None:
                return cue
        for word_start, word_end, kind, before_start, before_end in self._cue_index.backward(start, end):
            if word_end <= end:
                cue = self._cue(start, kind, word_start, word_end, (before_start, before_end))
                if cue is not None:
                    return cue
        head = self._cut_word_at_start(start, end)
        if head is not None and _CUE_KINDS.get(head[1], 0) in (_VERB, _PARTICIPLE):
            return self._cue(start, _CUE_KINDS[head[1]], start, head[0], (-1, -1))
        return None

    def first_speech_verb(self, start: int, end: int) -> tuple[int, int] | None:
        """The first word in start:end that is a speech verb, as (start, end)."""
        if end <= start:
            return None
        if not self._cue_index.ask(start, end):
            for match in _LETTERS.finditer(self.text, start, end):
                if match.group(0).casefold() in SPEECH_VERBS:
                    return match.span()
            return None
        head = self._cut_word_at_start(start, end)
        if head is not None and head[1] in SPEECH_VERBS:
            return start, head[0]
        for word_start, word_end, kind, _, _ in self._cue_index.forward(start, end):
            if word_end > end:
                break
            if kind == _VERB:
                return word_start, word_end
        cut = self._cut_word_at_end(start, end)
        if cut is not None and cut[2] == _VERB:
            return cut[0], end
        return None

    def _scan_cues(self, low: int, high: int) -> tuple[array, ...]:
        """The speech verbs and participles starting in low:high, and each "to" and "it" whose word before
        ends in "according" or "put": (starts, ends, kinds, start and end of the word before or -1)."""
        text = self.text
        columns = tuple(array("q") for _ in range(5))
        for word in _CUE_WORD.finditer(text, low, min(len(text), high + _LONGEST_CUE + 2)):
            at = word.start()
            if at >= high:
                break
            kind = _CUE_KINDS[word.group(0).casefold()]
            before = (-1, -1)
            if kind >= _TO:
                if _LETTER_NEAR_BEFORE.search(text, max(0, at - 12), at) and not _LINKED_BEFORE.search(
                        text, max(0, at - 24), at):
                    continue  # a short gap, and no "according" or "put" before it
                before = _previous_run(text, at)
                if not text[before[0]:before[1]].casefold().endswith(("according", "put")) or before[0] < 0:
                    continue
            for column, value in zip(columns, (at, word.end(), kind, *before)):
                column.append(value)
        return columns

    def _word_in_range(self, start: int, word_start: int, word_end: int) -> str:
        """The part of text[word_start:word_end] from ``start`` on, lower-cased ("" when it lies before)."""
        if word_end <= start:
            return ""
        return self.text[max(start, word_start):word_end].casefold()

    def _cut_word_at_end(self, start: int, end: int) -> tuple[int, str, int] | None:
        """The word that ``end`` cuts ("the" of "then"), as (start, lower-case part, kind); None if none."""
        text = self.text
        if not (start < end < len(text) and _is_letter(text[end - 1]) and _is_letter(text[end])):
            return None
        run = _RUN_BEFORE.search(text, max(start, end - _LONGEST_CUE - 1), end)
        if run.start() > start and _is_letter(text[run.start() - 1]):
            return None  # longer than any speech verb
        word = text[run.start():end].casefold()
        return run.start(), word, _CUE_KINDS.get(word, 0)

    def _cut_word_at_start(self, start: int, end: int) -> tuple[int, str] | None:
        """The part from ``start`` on of a word that ``start`` cuts, as (end, lower-case part); None if none."""
        text = self.text
        if not (0 < start < min(end, len(text)) and _is_letter(text[start - 1]) and _is_letter(text[start])):
            return None
        word_end = min(end, _LETTERS.match(text, start).end())
        return word_end, text[start:word_end].casefold()

    def _cue(self, start: int, kind: int, word_start: int, word_end: int, before: tuple[int, int]) -> tuple | None:
        if kind == _VERB:
            return "verb", word_start, word_end
        if kind == _PARTICIPLE:
            return "participle", word_start, word_end
        previous = self._word_in_range(start, *before)
        if kind == _TO and previous == "according":
            return "according", word_start - len("according "), word_end
        if kind == _IT and previous == "put":
            return "verb", word_start - len("put "), word_end
        return None

    # --- hedge words (the anchors of the vague-attribution phrases)

    def may_hedge(self, start: int, end: int) -> bool:
        """False when text[start:end] surely holds no vague-attribution phrase: it has no anchor word.

        Only answered from the index where quotes crowd together; elsewhere always True (reading the
        stretch costs about as much as looking for the phrases themselves).
        """
        if end <= start:
            return False
        if not self._anchor_index.ask(start, end):
            return True
        for _ in self._anchor_index.forward(start + 1, end):
            return True
        return _hedge_anchor()[1].match(self.text, start, end) is not None

    def _scan_anchors(self, low: int, high: int) -> tuple[array]:
        """Offsets in low:high where an anchor word of a vague-attribution phrase starts a word."""
        text, found = self.text, array("q")
        pattern, _, longest = _hedge_anchor()
        for hit in pattern.finditer(text, low, min(len(text), high + longest)):
            if hit.start() >= high:
                break
            found.append(hit.start())
        return (found,)


_BLOCK_SIZE = 2048


class _Blocks:
    """An index of things in a text, built block by block: once questions touching a block have read twice its
    size, the block is read once more, whole, and its things are stored.

    ``scan(low, high)`` returns parallel columns (arrays) for the things starting in low:high, in order, the
    first column holding their starts. :meth:`ask` notes a question and says whether the index can answer it.
    """

    def __init__(self, length: int, scan) -> None:
        self._length = length
        self._scan = scan
        self._blocks: dict[int, tuple] = {}
        self._asked: dict[int, int] = {}

    def _indexes(self, start: int, end: int) -> range:
        return range(max(0, start) // _BLOCK_SIZE, (min(end, self._length) - 1) // _BLOCK_SIZE + 1)

    def ask(self, start: int, end: int) -> bool:
        """Note that a question reads start:end; True when every block it touches is (now) indexed.

        A question that has to read for itself is charged in full to every block it touches that is not
        indexed yet; a block is indexed once its charges reach twice its size.
        """
        first, last = max(0, start) // _BLOCK_SIZE, (min(end, self._length) - 1) // _BLOCK_SIZE
        if first in self._blocks and last in self._blocks and last - first <= 1:
            return True
        waiting = [index for index in range(first, last + 1) if index not in self._blocks]
        cost = min(end, self._length) - max(start, 0)
        ready = True
        for index in waiting:
            asked = self._asked[index] = self._asked.get(index, 0) + cost
            if asked >= 2 * _BLOCK_SIZE:
                low = index * _BLOCK_SIZE
                self._blocks[index] = self._scan(low, min(self._length, low + _BLOCK_SIZE))
            else:
                ready = False
        return ready

    def indexed(self, position: int) -> bool:
        """True when the block holding ``position`` has been indexed."""
        return position // _BLOCK_SIZE in self._blocks

    def forward(self, start: int, end: int):
        """The things starting in start:end (all in indexed blocks), in order, as tuples of the columns."""
        for index in self._indexes(start, end):
            columns = self._blocks[index]
            low, high = bisect_left(columns[0], start), bisect_left(columns[0], end)
            if low < high:
                yield from zip(*(column[low:high] for column in columns))

    def backward(self, start: int, end: int):
        """The things starting in start:end (all in indexed blocks), last first."""
        for index in reversed(self._indexes(start, end)):
            columns = self._blocks[index]
            low, high = bisect_left(columns[0], start), bisect_left(columns[0], end)
            if low < high:
                yield from zip(*(reversed(column[low:high]) for column in columns))


_STOP_MARKS = ".!?\u2026"
#: The first mark of a run of sentence-ending marks.
_RUN_START = re.compile(r"(?<![.!?\u2026])[.!?\u2026]")
_SENTENCE_STOP = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*[ \t]+(?=\S)")
_VERB, _PARTICIPLE, _TO, _IT = 1, 2, 3, 4
_CUE_KINDS = {**{word: _PARTICIPLE for word in PARTICIPLES}, **{word: _VERB for word in SPEECH_VERBS},
              "to": _TO, "it": _IT}
_LONGEST_CUE = max(map(len, _CUE_KINDS))
_CUE_WORD = re.compile(rf"(?<![A-Za-z])(?:{trie_pattern(sorted(_CUE_KINDS))})(?![A-Za-z])", re.IGNORECASE | re.ASCII)
#: "according" or "put" and the gap before "to" or "it": searched 24 characters back once a letter stands within
#: 12, so the word before is whole in the window.
_LINKED_BEFORE = re.compile(r"(?:according|put)[^A-Za-z]+\Z", re.IGNORECASE | re.ASCII)
_LETTER_NEAR_BEFORE = re.compile(r"[A-Za-z]")
_RUN_BEFORE = re.compile(r"[A-Za-z]+\Z")
_LAST_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]++(?=[^A-Za-z]*+\Z)")


def _is_letter(character: str) -> bool:
    return "a" <= character <= "z" or "A" <= character <= "Z"


def _last_cue(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The last word in start:end that attributes speech, read word by word (see :meth:`_Context.last_cue`)."""
    cue, previous = None, ""
    for match in _LETTERS.finditer(text, start, end):
        word = match.group(0).casefold()
        if word in SPEECH_VERBS:
            cue = ("verb", match.start(), match.end())
        elif word in PARTICIPLES:
            cue = ("participle", match.start(), match.end())
        elif word == "to" and previous == "according":
            cue = ("according", match.start() - len("according "), match.end())
        elif word == "it" and previous == "put":
            cue = ("verb", match.start() - len("put "), match.end())
        previous = word
    return cue


def _previous_run(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the last run of letters ending before ``position``; (-1, -1) when there is none."""
    reach = 64
    while True:
        low = max(0, position - reach)
        run = _LAST_RUN.search(text, low, position)
        if run is not None:
            return run.start(), run.end()
        if low == 0:
            return -1, -1
        reach *= 16


@cached
def _hedge_anchor() -> tuple[re.Pattern, re.Pattern, int]:
    """Patterns for an anchor word of a vague-attribution phrase: starting a word, and right at a position
    whatever comes before it; and the longest anchor's length.

    The rule of :func:`~.attribution.vague_attributions` applies: no letter, digit, ``-``, ``_``, ``'`` or
    non-ASCII character just before the anchor; case ignored for ASCII letters only.
    """
    anchors = sorted({anchor for rule in phrase_rules() for anchor in rule.anchors})
    trie = trie_pattern(anchors).replace(r"\s+", " ") if anchors else "(?!)"
    flags = re.IGNORECASE | re.ASCII
    starting = re.compile(rf"(?<![a-z0-9\-_'\x80-\U0010ffff])(?={trie})", flags)
    return starting, re.compile(trie, flags), max(map(len, anchors), default=0) + 1


def _plausible(tokens: list[_Token]) -> bool:
    """A subject starts with a name, a pronoun or a determiner, never with another function word."""
    first = tokens[0].word
    if first in ("it", "this", "that", "there") and len(tokens) > 1:
        return False
    return first in _SUBJECT_OPENERS or first not in _FUNCTION_WORDS


def _subject_after_verb(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    """The subject after an inverted verb: "said Sam Altman, the OpenAI chief" gives "Sam Altman"."""
    taken: list[_Token] = []
    while index < len(tokens) and len(taken) < 8:
        token = tokens[index]
        if not token.word or (taken and token.word in _SUBJECT_STOP):
            break
        taken.append(token)
        if token.ends_sentence:
            break
        index += 1
    if not taken or not _plausible(taken):
        return None
    return taken[0].start, taken[-1].end - (1 if taken[-1].ends_sentence else 0)


def _subject_then_verb(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    """A subject then a speech verb: "MTI said", "Wang, CEO of Scale AI, told CNBC", "Nadella on Monday said"."""
    taken: list[_Token] = []
    end = None
    while index < len(tokens) and len(taken) <= 8:
        token = tokens[index]
        word = token.word
        if taken and word in SPEECH_VERBS:
            return (taken[0].start, end) if _plausible(taken) else None
        if not word:
            if token.text != "," or not taken or end != taken[-1].end:
                return None
            closing = _appositive_close(tokens, index)
            if closing is None:
                return None
            end, index = tokens[closing - 1].end, closing + 1
            continue
        if taken and word in _ADVERBS:
            index += 1
            continue
        if taken and word in ("on", "in", "last", "this", "during", "at"):
            for later in tokens[index + 1:index + 5]:
                if later.word in SPEECH_VERBS:
                    return (taken[0].start, end) if _plausible(taken) else None
                if not later.word:
                    break
            return None
        if end is not None and end != (taken[-1].end if taken else None):
            return None  # only adverbs or a verb may follow an appositive
        if token.ends_sentence:
            return None
        taken.append(token)
        end = token.end
        index += 1
    return None


def _appositive_close(tokens: list[_Token], comma: int) -> int | None:
    for index in range(comma + 1, min(len(tokens), comma + 20)):
        text = tokens[index].text
        if text == ",":
            return index if index > comma + 1 else None
        if not tokens[index].word and text not in ("&", "-", "(", ")"):
            return None
    return None


def _after_quote(context: _Context, passage: Passage) -> tuple[str, tuple[int, int]] | None:
    """An attribution right after the closing mark: ", X said", " said X", ", according to X"."""
    text = context.text
    limit = min(passage.paragraph[1], passage.after + 200)
    if not _may_attribute_after(context, passage.after, limit):
        return None
    tokens = _tokens(text, passage.after, limit, 24)
    index = 0
    while index < len(tokens) and tokens[index].text in (",", "\u2014", "\u2013", "-"):
        index += 1
    if index >= len(tokens):
        return None
    if index and tokens[index - 1].text != ",":
        dash = _DASH_LINE.match(text, passage.after, limit)
        head = text[dash.start("subject"):_trim_end(text, dash.end("subject"))].partition(",") if dash else None
        if head and proper_names(head[0]) and len(head[0].split()) <= 5:
            passage.role_hint = head[2].strip() or None
            return "dash", (dash.start("subject"), dash.start("subject") + len(head[0].rstrip()))
    first = tokens[index].word
    if first == "according" and index + 1 < len(tokens) and tokens[index + 1].word == "to":
        span = _words_until_punctuation(tokens, index + 2, 10)
        return ("according", span) if span else None
    span = None
    if first in INVERTIBLE_VERBS:
        span = _subject_after_verb(tokens, index + 1)
    if span is None:
        span = _subject_then_verb(tokens, index)
    if span is None:
        return None
    if _ends_clause(text, passage) or _short_named(text[span[0]:span[1]]):
        return "after", span
    return None


def _may_attribute_after(context: _Context, start: int, end: int) -> bool:
    """False when start:end surely holds no attribution for :func:`_after_quote`: it neither opens with a dash
    or comma nor has a speech verb or "according" in it."""
    if not context.crowded(start):
        return True  # reading ahead costs more than it saves where quotes are few
    opening = _NOT_SPACE.search(context.text, start, end)
    if opening is None:
        return False
    return opening.group(0) in ",\u2014\u2013-" or context.first_speech_verb(start, end) is not None or \
        _ACCORDING.search(context.text, start, end) is not None


def _words_until_punctuation(tokens: list[_Token], index: int, limit: int) -> tuple[int, int] | None:
    taken = []
    while index < len(tokens) and len(taken) < limit and tokens[index].word:
        taken.append(tokens[index])
        if tokens[index].ends_sentence:
            break
        index += 1
    return (taken[0].start, taken[-1].end - (1 if taken[-1].ends_sentence else 0)) if taken else None


def _ends_clause(text: str, passage: Passage) -> bool:
    """True when the quote closes a clause: punctuation just inside the closing mark or just after it."""
    if passage.close_mark is None:
        return False
    inside = text[passage.close_mark - 1]
    outside = text[passage.after:passage.after + 1]
    return inside in ",.!?\u2026;:\u2014-" or outside in (",", "\u2014", "\u2013", "-", ";", ":")


def _short_named(phrase: str) -> bool:
    return len(phrase.split()) <= 3 and (bool(proper_names(phrase)) or phrase.strip().casefold() in _PRONOUN_SUBJECTS)


def _subject_before(context: _Context, floor: int, verb_start: int) -> tuple[int, int] | None:
    """The subject right before a verb, reading back: "Microsoft CEO Satya Nadella (has publicly) said"."""
    text = context.text
    tokens = _last_tokens(text, floor, verb_start, 30)
    index = _skip_adverbials(tokens, len(tokens) - 1)
    role_end = None
    if index >= 0 and tokens[index].text == ",":
        opening = index - 1
        while opening >= 0 and tokens[opening].word and index - opening <= 18:
            opening -= 1
        between = text[tokens[opening].end:tokens[index].start] if opening >= 0 else ""
        if opening < 0 or tokens[opening].text != "," or not (looks_like_role(between) or is_relative_clause(between)):
            return None
        role_end = tokens[index].start if looks_like_role(between) else tokens[opening].start
        index = opening - 1
    last = index
    while index >= 0 and last - index < 8 and tokens[index].word and tokens[index].word not in _CLAUSE_BREAK \
            and not (index < last and tokens[index].ends_sentence):
        index -= 1
    taken = tokens[index + 1:last + 1]
    if not taken or not _plausible(taken):
        return None
    return taken[0].start, role_end if role_end is not None else taken[-1].end


def _skip_adverbials(tokens: list[_Token], index: int) -> int:
    """Step back over "has publicly", "on Monday", "in a statement" between a subject and its verb."""
    while index >= 0:
        word = tokens[index].word
        if word in _ADVERBS:
            index -= 1
        elif index >= 1 and tokens[index - 1].word in ("on", "last", "this", "next") and word in _TIME_WORDS:
            index -= 2
        elif index >= 2 and tokens[index - 2].word == "in" and tokens[index - 1].word in _DETERMINERS:
            index -= 3
        elif index >= 3 and tokens[index - 3].word == "in" and tokens[index - 2].word in _DETERMINERS:
            index -= 4
        else:
            break
    return index


def _first_subject(context: _Context, start: int, end: int) -> tuple[int, int] | None:
    """The main subject of a sentence part: its first named person or organisation, or a leading pronoun."""
    mentions = context.names.within(start, end)
    if mentions:
        group = [mentions[0]]
        for mention in mentions[1:]:
            if not _NAME_JOINER.fullmatch(context.text, group[-1].end, mention.start):
                break
            group.append(mention)
        chosen = context.sources.choose(group)
        return context.sources.role_prefix_start(group[0].start), context.sources.appositive_end(chosen)
    for token in _tokens(context.text, start, min(end, start + 40), 3):
        if token.word in _PRONOUN_SUBJECTS:
            return token.start, token.end
    return None


def _named_subject(context: _Context, start: int, end: int) -> tuple[int, int] | None:
    """The sentence's subject when it names someone: "The chipmaker's CFO, Colette Kress, struck a similar tone"."""
    reach = min(end, start + 80)
    mentions = [m for m in context.names.within(start, reach) if not is_place(m.name)]
    if mentions:
        chosen = context.sources.choose(mentions)
        return start, context.sources.appositive_end(chosen)
    tokens = _tokens(context.text, start, reach, 1)
    if tokens and proper_names(tokens[0].text) and not tokens[0].word.endswith("s"):
        return tokens[0].start, tokens[0].end - (1 if tokens[0].ends_sentence else 0)
    return None


def _before_quote(context: _Context, passage: Passage) -> tuple[str, tuple[int, int]] | None:
    """An attribution earlier in the same sentence: "X said", "according to X", "X ... by stating", "X:"."""
    text = context.text
    left_start, open_mark = passage.left_start, passage.open_mark
    cue = context.last_cue(left_start, open_mark)
    if cue is not None:
        kind, cue_start, cue_end = cue
        span = None
        if kind == "according":
            span = _words_until_punctuation(_tokens(text, cue_end, open_mark), 0, 10)
        elif kind == "participle":
            span = _first_subject(context, left_start, cue_start)
        else:
            span = _subject_before(context, left_start, cue_start) or _first_subject(context, left_start, cue_start)
            if span and text[cue_start:cue_end].casefold() in LABEL_VERBS and is_vague_source(text[span[0]:span[1]]):
                span = None
        if span:
            return "before", span
    left = text[left_start:open_mark].rstrip()
    if left.endswith(":"):
        span = _subject_before(context, left_start, left_start + len(left) - 1)
        if span and not (_in_headline(context, passage) and len(text[span[0]:span[1]].split()) > 3):
            return "colon", span
    return None


def _attribute(context: _Context, passage: Passage, previous: Passage | None) -> None:
    """Find the phrase naming who said ``passage``, right beside it or earlier in its sentence."""
    text = context.text
    para_start = context.paragraph_start(passage.open_mark)
    passage.paragraph = (para_start, context.paragraph_end(passage.after))
    floor = para_start
    if previous is not None and previous.close_mark is not None and previous.close_mark >= para_start:
        floor = max(floor, previous.close_mark + 1)
    passage.left_start = context.sentence_start(passage.open_mark, floor)
    if _ASKED_BEFORE.search(text, max(0, passage.open_mark - 30), passage.open_mark):
        passage.how = "question"  # the words are the asker's; the attribution after is the answer's
        return
    if passage.close_mark is not None:
        found = _after_quote(context, passage)
        if found:
            passage.how, passage.span = found
            return
        if _LABEL_BEFORE.search(text, max(0, passage.open_mark - 50), passage.open_mark):
            agent = _BY_AGENT.match(text, passage.after, passage.paragraph[1])
            if agent:
                passage.how, passage.span = "passive", (agent.start("subject"), _trim_end(text, agent.end("subject")))
                return
    found = _before_quote(context, passage) or _later_in_sentence(context, passage)
    if found:
        passage.how, passage.span = found


def _later_in_sentence(context: _Context, passage: Passage) -> tuple[str, tuple[int, int]] | None:
    """A speech verb later in the sentence: "DeepSeek 'shook' markets, says Bank of England"."""
    if passage.close_mark is None:
        return None
    text = context.text
    end = context.sentence_end(passage.after, passage.paragraph[1])
    cue = context.first_speech_verb(passage.after, end)
    if cue is None or text.find("\u201c", passage.after, cue[0]) != -1 or text.find('"', passage.after, cue[0]) != -1:
        return None
    cue_start, cue_end = cue
    tokens = _tokens(text, cue_start, end)
    before = text[passage.after:cue_start].rstrip()
    if before.endswith(",") and text[cue_start:cue_end].casefold() in INVERTIBLE_VERBS:
        span = _subject_after_verb(tokens, 1)
    else:
        span = _subject_before(context, passage.after, cue_start)
    return ("later", span) if span else None


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t,.;:":
        end -= 1
    return end


def _share_within_sentence(context: _Context, passages: list[Passage]) -> None:
    """A quote with no attribution of its own takes one from another quote in the same sentence."""
    text = context.text
    for index, passage in enumerate(passages):
        if passage.span is not None or passage.how == "question":
            continue
        for neighbour in passages[max(0, index - 1):index] + passages[index + 1:index + 2]:
            if neighbour.span is None or neighbour.origin is not None:
                continue
            low, high = sorted((passage, neighbour), key=lambda p: p.open_mark)
            ends_inside = low.close_mark is not None and text[low.close_mark - 1] in ".!?\u2026"
            if low.after <= high.open_mark and not ends_inside and not context.has_sentence_end(low.after, high.open_mark):
                passage.how, passage.span, passage.origin = "shared", neighbour.span, neighbour
                break


def _attribute_from_context(context: _Context, passages: list[Passage]) -> None:
    """A quote that opens its sentence: a dash line after it, a quote paragraph or colon before it, or the
    sentence before it."""
    text = context.text
    for index, passage in enumerate(passages):
        if passage.span is not None or passage.how == "question" or text[
                passage.left_start:passage.open_mark].strip(" \t-\u2014\u2013"):
            continue
        para_start, para_end = passage.paragraph
        rest = text[passage.after:para_end].strip() if passage.close_mark is not None else ""
        if not rest and para_end < len(text):
            dash = _DASH_LINE.match(text, _paragraph_start_after(text, para_end), min(len(text), para_end + 400))
            if dash:
                subject_end = _trim_end(text, dash.end("subject"))
                head, comma, role = text[dash.start("subject"):subject_end].partition(",")
                passage.how, passage.span = "dash", (dash.start("subject"), dash.start("subject") + len(head.rstrip()))
                passage.role_hint = role.strip() if comma and role.strip() else None
                continue
        earlier = passages[index - 1] if index else None
        if passage.left_start == para_start:
            if earlier is not None and earlier.span is not None and _is_quote_paragraph(context, earlier) \
                    and _previous_paragraph_start(context, para_start) <= earlier.open_mark:
                passage.how, passage.span, passage.origin = "continued", earlier.span, earlier.origin or earlier
                continue
            _attribute_from_paragraph_before(context, passage)
            continue
        sentence = context.sentence_start(max(para_start, passage.left_start - 1), para_start)
        if sentence < passage.left_start:
            span = _cue_subject(context, sentence, passage.left_start)
            if span:
                passage.how, passage.span = "previous", span


def _previous_paragraph_start(context: _Context, paragraph_start: int) -> int:
    end = paragraph_start - 1
    while end > 0 and context.text[end - 1].isspace():
        end -= 1
    return context.paragraph_start(max(0, end))


def _is_quote_paragraph(context: _Context, passage: Passage) -> bool:
    """True when the paragraph holding ``passage`` opens with it (""...," MTI said in its statement.")."""
    start = context.paragraph_start(passage.open_mark)
    return not context.text[start:passage.open_mark].strip()


def _attribute_from_paragraph_before(context: _Context, passage: Passage) -> None:
    """A quote paragraph after one that introduces it: "Wang told CNBC:" or "LeCun weighed in on Threads."

    The paragraph before must end in a colon, or its last sentence must hold a speech verb and no quote.
    """
    text = context.text
    end = passage.paragraph[0] - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return
    colon = text[end - 1] == ":"
    stop = end - 1 if colon else end
    sentence = context.sentence_start(stop, context.paragraph_start(stop))
    if not colon and (context.last_cue(sentence, stop) is None or _QUOTE_OR_APOSTROPHE.search(text, sentence, stop)):
        return
    span = _cue_subject(context, sentence, stop)
    if span:
        passage.how, passage.span = "colon" if colon else "introduced", span


def _cue_subject(context: _Context, start: int, end: int) -> tuple[int, int] | None:
    """Who speaks in the sentence start:end: the subject of its last speech verb, else the person or
    organisation it opens with."""
    cue = context.last_cue(start, end)
    if cue is None:
        return _named_subject(context, start, end)
    kind, cue_start, cue_end = cue
    if kind == "participle":
        return _first_subject(context, start, cue_start)
    if kind == "according":
        return _words_until_punctuation(_tokens(context.text, cue_end, end), 0, 10)
    return _subject_before(context, start, cue_start)


# --- 3. keeping real quotes -----------------------------------------------------------------------------

_QUOTE_WORDS = re.compile(r"[\w\u2019'$%.\-]+")
_TITLE_WORDS = re.compile(r"[A-Za-z][\w\u2019'\-]*")
_SMALL_TITLE_WORDS = word_set("a an the of and or in on at to for by with vs from is")
_INNER_PUNCTUATION = re.compile(r"[,.!?;:]\s")
_FOLLOWING_WORD = re.compile(r"[ \t]+([a-z][a-z\-]*)\b")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")
_HEADLINE_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)]*$")
_SO_CALLED = re.compile(r"\bso-called[ \t]+$", re.IGNORECASE)
_NAMING_BEFORE = re.compile(r"\b(?:titled|entitled|named|nicknamed|headlined|known as)[ \t]+$", re.IGNORECASE)
#: A word talked about rather than used: the term "distillation".
_TERM_BEFORE = re.compile(r"\b(?:term|word|phrase|buzzword|label|concept|notion|moniker|nickname|slogan|hashtag)"
                          r"[ \t]+$", re.IGNORECASE)
_WORK_BEFORE = re.compile(r"\b(?:titled|entitled|headlined|headline|comments? for|article|story|book|film|song|paper|"
                          r"essay|post|series|show|podcast|episode|report|chapter|section|column|op-ed|memo|letter|"
                          r"album|programme|program|known as|named)[ \t]*:?[ \t]*$", re.IGNORECASE)
_IMMEDIATE = frozenset({"after", "according", "dash", "colon", "continued", "passive", "introduced"})


def _quote_words(text: str, passage: Passage) -> list[str]:
    return _QUOTE_WORDS.findall(text, passage.start, passage.end)


def _is_title(quote: str) -> bool:
    """Title case throughout ("Humanity's Last Exam"): the name of something, not someone's words."""
    words = _TITLE_WORDS.findall(quote)
    if not 2 <= len(words) <= 10 or (_INNER_PUNCTUATION.search(quote + " ") and quote.rstrip()[-1:] in ".!?"):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.casefold() in _SMALL_TITLE_WORDS for w in words)


def _modifies_noun(text: str, passage: Passage) -> bool:
    """True for short quoted words used as a modifier: "distilled" versions, "Humanity's Last Exam"-designed."""
    if passage.close_mark is None:
        return False
    follower = text[passage.after:passage.after + 1]
    if follower in ("-", "\u2010") or follower.isalpha():
        return True
    match = _FOLLOWING_WORD.match(text, passage.after, passage.after + 40)
    if not match or len(_quote_words(text, passage)) > 3:
        return False
    word = match.group(1)
    return not (word in _FUNCTION_WORDS or word in SPEECH_VERBS or word in PARTICIPLES or word in _COMMON_VERBS
                or word.endswith(("ed", "ly")))


def _names_a_work(text: str, passage: Passage) -> bool:
    """True when the quoted words are a title: introduced as one, or repeating a whole line of the text."""
    if _WORK_BEFORE.search(text, max(0, passage.open_mark - 30), passage.open_mark):
        return True
    quote = text[passage.start:passage.end].strip().rstrip(".")
    if len(quote) <= 3 or "\n" in quote:
        return False
    if text.startswith(quote) and text[len(quote):len(quote) + 1] in ("", "\n", "\r"):
        return True
    line = "\n" + quote
    for low, high in ((0, 1000), (passage.open_mark - _PARAGRAPH_REACH, passage.open_mark + _PARAGRAPH_REACH)):
        low, high = max(0, low), min(len(text), high)
        found = text.find(line, low, high)
        while found != -1:
            if text[found + len(line):found + len(line) + 1] in ("", "\n", "\r"):
                return True
            found = text.find(line, found + 1, high)
    return False


def _in_headline(context: _Context, passage: Passage) -> bool:
    """True when the quote sits on a short line with no closing punctuation (a headline or subhead)."""
    start = context.paragraph_start(passage.open_mark)
    line = context.text[start:context.paragraph_end(passage.open_mark)].strip()
    return 0 < len(line) <= 160 and not _HEADLINE_END.search(line)


def _hedge_in_sentence(context: _Context, passage: Passage) -> dict | None:
    """The first vague-attribution phrase in the quote's sentence ("reportedly"), as an attribution span."""
    end = context.sentence_end(passage.after, passage.paragraph[1])
    if not context.may_hedge(passage.left_start, end):
        return None
    found = vague_attributions(context.text[passage.left_start:end])
    if not found:
        return None
    hedge = found[0]
    start, end = passage.left_start + hedge["start"], passage.left_start + hedge["end"]
    return {"text": hedge["text"], "start": start, "end": end}


def _keep(context: _Context, passage: Passage) -> bool:
    """True when the passage gives someone's words; a hedged quote gets ``how == "hedge"``."""
    text = context.text
    quote = text[passage.start:passage.end]
    words = _quote_words(text, passage)
    if not words:
        return False
    immediate = passage.how in _IMMEDIATE
    if _is_title(quote) and not immediate:
        return False
    if _SO_CALLED.search(text, max(0, passage.open_mark - 12), passage.open_mark):
        return False
    if len(words) <= 4 and _TERM_BEFORE.search(text, max(0, passage.open_mark - 20), passage.open_mark):
        return False
    headline_quote = not passage.double and _in_headline(context, passage)
    if passage.how not in ("after", "according") and not headline_quote and _modifies_noun(text, passage):
        return False
    if passage.span is not None:
        return not (passage.how == "before" and len(words) <= 3 and _NAMING_BEFORE.search(
            text, max(0, passage.open_mark - 30), passage.open_mark))
    if _names_a_work(text, passage):
        return False
    if len(words) >= 6 or (len(words) >= 3 and _SENTENCE_PUNCTUATION.search(quote)):
        return True
    if headline_quote:
        return True
    hedge = _hedge_in_sentence(context, passage)
    if hedge is not None:
        passage.how, passage.attribution = "hedge", hedge
        return True
    return False


def _describe(context: _Context, passage: Passage) -> None:
    """Fill in ``source`` and ``attribution`` from the phrase found for the passage."""
    text = context.text
    if passage.origin is not None:
        origin = passage.origin
        passage.source, passage.attribution = origin.source, origin.attribution
        return
    if passage.how == "hedge":
        hedge = passage.attribution
        subject = None
        if hedge["start"] > passage.left_start:
            subject = _subject_before(context, passage.left_start, hedge["start"])
        passage.source = Source(None, text[subject[0]:subject[1]] if subject else None, True)
        return
    if passage.span is None:
        passage.source = UNNAMED
        return
    start, end = passage.span
    passage.attribution = {"text": text[start:end], "start": start, "end": end}
    passage.source = context.sources.describe(start, end, passage.open_mark, passage.role_hint)


# --- putting it together --------------------------------------------------------------------------------

def extract_quotes(text: str) -> list[dict]:
    """Return every quoted passage in ``text`` that gives someone's words, in order of appearance.

    Each dict has ``quote`` (the text between the marks, a trailing comma dropped; ``text[start:end]``),
    ``start``, ``end``, ``speaker`` (full name, else organisation, else None), ``speaker_role`` (the
    description the text gives, else None), ``vague_attribution`` (True when the source cannot be
    identified from the text) and ``attribution`` (``{"text", "start", "end"}`` of the phrase naming the
    source, or of the hedge, or None).
    """
    if not isinstance(text, str) or not text:
        return []
    context = _Context(text)
    passages = quoted_passages(text)
    previous = None
    for passage in passages:
        _attribute(context, passage, previous)
        previous = passage
    _share_within_sentence(context, passages)
    _attribute_from_context(context, passages)
    kept = [passage for passage in passages if _keep(context, passage)]
    kept_set = set(kept)  # passages compare and hash by identity
    origins = [p.origin for p in kept if p.origin is not None and p.origin not in kept_set]
    for passage in sorted(kept + origins, key=lambda p: p.origin is not None):
        _describe(context, passage)
    return [{
        "quote": text[passage.start:passage.end],
        "start": passage.start,
        "end": passage.end,
        "speaker": passage.source.speaker,
        "speaker_role": passage.source.role,
        "vague_attribution": passage.source.vague,
        "attribution": passage.attribution,
    } for passage in kept]
