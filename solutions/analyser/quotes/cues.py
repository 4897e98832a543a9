"""Words that attribute speech, read from the text: speech verbs, participles, "according to" and "put it",
and the anchor words of the vague-attribution phrases."""

from __future__ import annotations

import re

from solutions.analyser.attribution import phrase_rules
from solutions.analyser.text import trie_pattern
from solutions.data.datafiles import cached
from solutions.analyser.quotes.words import LETTERS, PARTICIPLES, SPEECH_VERBS

CUE_VERB, CUE_PARTICIPLE, CUE_TO, CUE_IT = 1, 2, 3, 4
CUE_KINDS = {**{word: CUE_PARTICIPLE for word in PARTICIPLES}, **{word: CUE_VERB for word in SPEECH_VERBS},
              "to": CUE_TO, "it": CUE_IT}
LONGEST_CUE = max(map(len, CUE_KINDS))
CUE_WORD = re.compile(rf"(?<![A-Za-z])(?:{trie_pattern(sorted(CUE_KINDS))})(?![A-Za-z])", re.IGNORECASE | re.ASCII)
#: "according" or "put" and the gap before "to" or "it": searched 24 characters back once a letter stands within
#: 12, so the word before is whole in the window.
LINKED_BEFORE = re.compile(r"(?:according|put)[^A-Za-z]+\Z", re.IGNORECASE | re.ASCII)
LETTER_NEAR_BEFORE = re.compile(r"[A-Za-z]")
RUN_BEFORE = re.compile(r"[A-Za-z]+\Z")
_LAST_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]++(?=[^A-Za-z]*+\Z)")


def is_letter(character: str) -> bool:
    return "a" <= character <= "z" or "A" <= character <= "Z"


def read_last_cue(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The last word in start:end that attributes speech, read word by word (see :meth:`QuoteContext.last_cue`)."""
    cue, previous = None, ""
    for match in LETTERS.finditer(text, start, end):
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


def previous_run(text: str, position: int) -> tuple[int, int]:
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
def hedge_anchor() -> tuple[re.Pattern, re.Pattern, int]:
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
