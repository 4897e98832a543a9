"""The text around each quote: paragraph and sentence limits, speech verbs and hedge words, found on demand.

Each question reads only the stretch of text it is about, until the stretch has been read twice over: then its
sentence ends, speech verbs and hedge words are indexed once (:class:`~.block_index.BlockIndex`).
"""

from __future__ import annotations

from array import array

from solutions.analyser.attribution import NameIndex, Sources
from solutions.analyser.quotes.block_index import BlockIndex
from solutions.analyser.quotes.cues import (
    CUE_IT, CUE_KINDS, CUE_PARTICIPLE, CUE_TO, CUE_VERB, CUE_WORD, hedge_anchor, is_letter, LETTER_NEAR_BEFORE,
    LINKED_BEFORE, LONGEST_CUE, previous_run, read_last_cue, RUN_BEFORE,
)
from solutions.analyser.quotes.words import LETTERS, SPEECH_VERBS
from solutions.analyser.sentences import RUN_START, SENTENCE_STOP, STOP_MARKS, closes_abbreviation



PARAGRAPH_REACH = 5000
_SENTENCE_REACH = 600


class QuoteContext:
    """The text with its names, and paragraph and sentence limits found on demand around each quote.

    Each question reads only the stretch of text it is about, as a reader would, until questions about one
    block of text have read it twice over: then the block's sentence ends, speech verbs and hedge words are
    indexed once (:class:`BlockIndex`) and later questions look them up. A few quotes far apart cost no more
    than reading around each; where quotes crowd together, each character is read about three times at most.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.sources = Sources(text)
        self.stop_index = BlockIndex(len(text), self.scan_stops)
        self.cue_index = BlockIndex(len(text), self.scan_cues)
        self.anchor_index = BlockIndex(len(text), self.scan_anchors)

    @property
    def names(self) -> NameIndex:
        return self.sources.names

    def paragraph_start(self, position: int) -> int:
        low = max(0, position - PARAGRAPH_REACH)
        found = self.text.rfind("\n", low, position)
        return found + 1 if found != -1 else low

    def paragraph_end(self, position: int) -> int:
        high = min(len(self.text), position + PARAGRAPH_REACH)
        found = self.text.find("\n", position, high)
        return found if found != -1 else high

    def crowded(self, position: int) -> bool:
        """True where quotes crowd together: the words around ``position`` have been indexed."""
        return self.cue_index.indexed(position)

    # --- sentence ends: a line break, or a stop (SENTENCE_STOP: a run of . ! ? ..., closing marks, spaces, and
    # more text after them) that is no abbreviation ("Mr.", "U.S."). A search of start:end finds what a regular
    # expression search of it would, but tries a run of marks only at its first mark, so a long run is read
    # once rather than once per mark.

    def _stops_read(self, start: int, end: int):
        """(start, end) of each sentence stop (no line breaks) found reading start:end, in order, from the
        first whole run of marks on (see :meth:`_stop_from` for a run cut by ``start``)."""
        text = self.text
        for mark in RUN_START.finditer(text, start, end):
            at = mark.start()
            stop = SENTENCE_STOP.match(text, at, end)
            if stop is not None and not (text[at] == "." and closes_abbreviation(text, at, initials=True)):
                yield at, stop.end()

    def scan_stops(self, low: int, high: int) -> tuple[array, array]:
        """(starts, ends) of the sentence stops whose run of marks starts in low:high, read to their end."""
        text, starts, ends = self.text, array("q"), array("q")
        for mark in RUN_START.finditer(text, low, high):
            at = mark.start()
            stop = SENTENCE_STOP.match(text, at)
            if stop is not None and not (text[at] == "." and closes_abbreviation(text, at, initials=True)):
                starts.append(at)
                ends.append(stop.end())
        return starts, ends

    def _stop_from(self, start: int, end: int) -> int | None:
        """End of the stop a search of start:end finds right at ``start`` inside a run of marks, or None."""
        text = self.text
        if 0 < start < len(text) and text[start] in STOP_MARKS and text[start - 1] in STOP_MARKS:
            stop = SENTENCE_STOP.match(text, start, end)
            return stop.end() if stop else None
        return None

    def _stops(self, start: int, end: int):
        """The stops a search of start:end finds after its start, in order (read, or looked up if indexed)."""
        if not self.stop_index.ask(start, end):
            return self._stops_read(start, end)
        return ((s, e) for s, e in self.stop_index.forward(start, end) if e < end)

    def sentence_start(self, position: int, floor: int) -> int:
        """Start of the sentence holding ``position``, not before ``floor`` nor 600 characters back."""
        start = max(floor, position - _SENTENCE_REACH)
        if start > position:
            return start
        best = self.text.rfind("\n", start, position) + 1 or start
        cut = self._stop_from(start, position + 1)
        if cut is not None:
            best = max(best, cut)
        if self.stop_index.ask(start, position):
            for _, stop_end in self.stop_index.backward(start, position):
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
    # by its part inside, as read_last_cue reads them

    def last_cue(self, start: int, end: int) -> tuple[str, int, int] | None:
        """The last word in start:end that attributes speech: (kind, start, end), kind verb/participle/according.

        "to" counts after "according" and "it" after "put" (the word before also read inside start:end).
        """
        if end <= start:
            return None
        if not self.cue_index.ask(start, end):
            return read_last_cue(self.text, start, end)
        cut = self._cut_word_at_end(start, end)
        if cut is not None and cut[2]:
            word_start, word, kind = cut
            before = previous_run(self.text, word_start) if word_start > start else (-1, -1)
            cue = self._cue(start, kind, word_start, end, before)
            if cue is not None:
                return cue
        for word_start, word_end, kind, before_start, before_end in self.cue_index.backward(start, end):
            if word_end <= end:
                cue = self._cue(start, kind, word_start, word_end, (before_start, before_end))
                if cue is not None:
                    return cue
        head = self._cut_word_at_start(start, end)
        if head is not None and CUE_KINDS.get(head[1], 0) in (CUE_VERB, CUE_PARTICIPLE):
            return self._cue(start, CUE_KINDS[head[1]], start, head[0], (-1, -1))
        return None

    def first_speech_verb(self, start: int, end: int) -> tuple[int, int] | None:
        """The first word in start:end that is a speech verb, as (start, end)."""
        if end <= start:
            return None
        if not self.cue_index.ask(start, end):
            for match in LETTERS.finditer(self.text, start, end):
                if match.group(0).casefold() in SPEECH_VERBS:
                    return match.span()
            return None
        head = self._cut_word_at_start(start, end)
        if head is not None and head[1] in SPEECH_VERBS:
            return start, head[0]
        for word_start, word_end, kind, _, _ in self.cue_index.forward(start, end):
            if word_end > end:
                break
            if kind == CUE_VERB:
                return word_start, word_end
        cut = self._cut_word_at_end(start, end)
        if cut is not None and cut[2] == CUE_VERB:
            return cut[0], end
        return None

    def scan_cues(self, low: int, high: int) -> tuple[array, ...]:
        """The speech verbs and participles starting in low:high, and each "to" and "it" whose word before
        ends in "according" or "put": (starts, ends, kinds, start and end of the word before or -1)."""
        text = self.text
        columns = tuple(array("q") for _ in range(5))
        for word in CUE_WORD.finditer(text, low, min(len(text), high + LONGEST_CUE + 2)):
            at = word.start()
            if at >= high:
                break
            kind = CUE_KINDS[word.group(0).casefold()]
            before = (-1, -1)
            if kind >= CUE_TO:
                if LETTER_NEAR_BEFORE.search(text, max(0, at - 12), at) and not LINKED_BEFORE.search(
                        text, max(0, at - 24), at):
                    continue  # a short gap, and no "according" or "put" before it
                before = previous_run(text, at)
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
        if not (start < end < len(text) and is_letter(text[end - 1]) and is_letter(text[end])):
            return None
        run = RUN_BEFORE.search(text, max(start, end - LONGEST_CUE - 1), end)
        if run.start() > start and is_letter(text[run.start() - 1]):
            return None  # longer than any speech verb
        word = text[run.start():end].casefold()
        return run.start(), word, CUE_KINDS.get(word, 0)

    def _cut_word_at_start(self, start: int, end: int) -> tuple[int, str] | None:
        """The part from ``start`` on of a word that ``start`` cuts, as (end, lower-case part); None if none."""
        text = self.text
        if not (0 < start < min(end, len(text)) and is_letter(text[start - 1]) and is_letter(text[start])):
            return None
        word_end = min(end, LETTERS.match(text, start).end())
        return word_end, text[start:word_end].casefold()

    def _cue(self, start: int, kind: int, word_start: int, word_end: int, before: tuple[int, int]) -> tuple | None:
        if kind == CUE_VERB:
            return "verb", word_start, word_end
        if kind == CUE_PARTICIPLE:
            return "participle", word_start, word_end
        previous = self._word_in_range(start, *before)
        if kind == CUE_TO and previous == "according":
            return "according", word_start - len("according "), word_end
        if kind == CUE_IT and previous == "put":
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
        if not self.anchor_index.ask(start, end):
            return True
        for _ in self.anchor_index.forward(start + 1, end):
            return True
        return hedge_anchor()[1].match(self.text, start, end) is not None

    def scan_anchors(self, low: int, high: int) -> tuple[array]:
        """Offsets in low:high where an anchor word of a vague-attribution phrase starts a word."""
        text, found = self.text, array("q")
        pattern, _, longest = hedge_anchor()
        for hit in pattern.finditer(text, low, min(len(text), high + longest)):
            if hit.start() >= high:
                break
            found.append(hit.start())
        return (found,)
