"""Splitting running text into sentences, with character offsets.

A sentence ends after a run of ``.``, ``!`` or ``?`` (with any closing quotes or brackets straight after it)
when white space and then a capital letter, a digit or a currency sign follow, possibly behind an opening
quote or bracket; a run of line breaks always ends a sentence. A full stop after a known abbreviation
("Mr.", "U.S.", "Jan.") ends nothing.

The splitter works in time linear in the text, whatever it holds: a run of marks is only ever taken whole,
from its first mark, and what follows it is checked once with possessive quantifiers, so a run of 100,000
full stops costs as much as reading it. Text that never has a capital after a full stop (lower-case, emoji or
right-to-left text) may stay one long sentence; the analyser's later stages are linear in sentence length.

The quotation finder asks a looser question about the text around a quote: where could a sentence stop,
whatever follows it (:data:`SENTENCE_STOP`, :func:`closes_abbreviation` with initials)? It uses the same marks
and the same list of abbreviations, so there is one rule for where sentences end.
"""

from __future__ import annotations

import re

#: Words whose full stop ends no sentence ("Mr.", "U.S.", "Jan."), compared case-insensitively.
ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "prof", "no", "nos", "inc", "corp", "ltd", "co",
    "st", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "approx", "est", "fig", "gov", "sen", "rep", "gen", "jr", "sr",
}
#: A sentence end: a whole run of marks followed by closing marks, white space and then an optional opening
#: mark and a capital, digit or currency sign; or a whole run of line breaks. A run of marks is only entered
#: at its first mark (the look-behind refuses a mark after a mark) and is taken whole by the possessive
#: ``*+``, so no run is read again from each of its marks, and each character is looked at a bounded number
#: of times. The closing marks are captured inside the look-ahead. The pattern starts with a character set,
#: which lets the regex engine skip quickly to the next candidate.
SENTENCE_BREAK = re.compile("[.!?\n](?:(?<=\n)\n*+|(?<![.!?]{2})[.!?]*+"
                            "(?=(?P<closers>[\"'\u201d\u2019)\\]]*+)\\s++[\"'\u201c\u2018(\\[]?[A-Z0-9$£€]))")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")
#: How far back an abbreviation before a full stop is looked for (the longest is "approx").
_ABBREVIATION_REACH = 12


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text``; line breaks always end a sentence."""
    spans, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        first = text[match.start()]
        if first == "\n":
            _add(text, spans, start, match.start())
            start = match.end()
            continue
        if first == "." and closes_abbreviation(text, match.start()):
            continue
        end = match.end("closers")
        _add(text, spans, start, end)
        start = end
    _add(text, spans, start, len(text))
    return spans


def closes_abbreviation(text: str, full_stop: int, initials: bool = False) -> bool:
    """Whether the full stop at ``full_stop`` closes a known abbreviation ("U.S.", "Mr."), or with ``initials``
    also a capital letter standing alone ("J. Smith", "J.R.R."; not "X", a name of its own)."""
    word = _LAST_WORD.search(text[max(0, full_stop - _ABBREVIATION_REACH):full_stop + 1])
    if word is None:
        return False
    if word.group(1).casefold().strip(".") in ABBREVIATIONS:
        return True
    last = word.group(1).rpartition(".")[2]
    return initials and len(last) == 1 and last.isupper() and last != "X"


#: The marks that can end a sentence, for :data:`SENTENCE_STOP`.
STOP_MARKS = ".!?\u2026"
#: The first mark of a run of sentence-ending marks.
RUN_START = re.compile(r"(?<![.!?\u2026])[.!?\u2026]")
#: Where a sentence may stop around a quote: a run of marks, closing marks and spaces, with more text after
#: them whatever it is (a full stop after an abbreviation or an initial excepted, see :func:`closes_abbreviation`).
SENTENCE_STOP = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*[ \t]+(?=\S)")


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
