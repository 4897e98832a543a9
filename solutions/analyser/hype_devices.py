"""Clickbait devices that are patterns rather than phrases: all-caps emphasis, a short exclamation ("Fifty
thousand!") and a title-case "Revealed"/"Exposed" headline (Python only; the static book does not look for them).
"""

from __future__ import annotations

import functools
import re

#: Category given to the pattern devices (all caps, short exclamations, "Revealed" headlines).
PATTERN_CATEGORY = "clickbait"

#: All-caps words that are names, acronyms, tickers or page furniture, not emphasis.
ACRONYMS = frozenset("""
AI AGI API APP ARM ASML ASEAN AWS BBC BRICS CCP CEO CFO CHIPS CNBC CNN COO COVID CPU CTO CUDA DARPA DEEPSEEK
DRAM EBITDA EU FBI FINRA FOMC FTC FTSE GAAP GDP GOOGL GPT GPU GPUS HBM HTML HTTPS IBM IPO LLM LLMS MIT MMLU
MTI NAFTA NASA NASDAQ NATO NIKKEI NVDA NVIDIA NYSE OECD OPEC PC PR QWEN SAP SEC SMIC SOTA STEM STOXX TPU TSMC
UAE UK UN UNESCO UNICEF US USA USD
READ MORE ALSO RELATED SUBSCRIBE SHARE SIGN UP NEWSLETTER ADVERTISEMENT SPONSORED UPDATE UPDATED WATCH VIDEO
PHOTO PHOTOS LISTEN CLICK HERE TOPICS TAGS COMMENTS FILE CREDIT GETTY IMAGES REUTERS AFP AP EDITOR NOTE
""".split())
#: A run of all-caps words (2+ letters each, so a lone capital never starts one) separated by spaces; it starts
#: with a plain character class so
#: ``re`` can skip quickly to capital letters, and the look-behind after it checks the word boundary.
_CAPS_RUN = re.compile(r"[A-Z](?<![\w'\u2019][A-Z])(?=[A-Z])[A-Z]+(?:['\u2019][A-Z]{1,2})?(?![\w'\u2019])"
                       r"(?:[ \t]+[A-Z]{2,}(?:['\u2019][A-Z]{1,2})?(?![\w'\u2019]))*")
_CAPS_WORD = re.compile(r"[A-Z]{2,}(?:['\u2019][A-Z]{1,2})?")
#: A dateline of one or more places at the start of a line: "SHANGHAI/NEW YORK, Jan 27 —", or two places joined
#: by "and", the first perhaps with its state: "PRINCETON, N.J. and CAMBRIDGE, Mass., Oct. 19".
_PLACE_IN_CAPITALS = r"[A-Z][A-Z.'\u2019 &/-]*[A-Z.]"
_DATELINE = re.compile(rf"[ \t]*{_PLACE_IN_CAPITALS}(?:(?:,[ \t]+[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?[ \t]+(?:and|&)[ \t]+"
                       rf"{_PLACE_IN_CAPITALS})?(?=[ \t]*[,(\u2013\u2014-])")
_LOWER_RUN = re.compile(r"[a-z]+")
_BYLINE_BEFORE = re.compile(r"\bby[ \t]+$", re.IGNORECASE)
#: A capitalised word right after the run makes it part of a name: "ENFORCE Act", "JURIST Staff".
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
#: Endings of the verbs, adverbs and comparisons writers shout ("PANICKING", "ROCKETED", "FASTEST").
_SHOUTED_ENDING = re.compile(r"(?:ING|ED|LY|EST|IER)$")
_NUMBER_WORDS = frozenset("""
ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN HUNDRED HUNDREDS THOUSAND THOUSANDS MILLION MILLIONS BILLION
BILLIONS TRILLION TRILLIONS DOUBLE TRIPLE QUADRUPLE TWICE HALF
""".split())
#: Common words writers shout for emphasis ("it has NEVER done this", "shipping is FREE", "running out FAST"): a
#: name or acronym is never one of them, so a lone one in mixed-case prose is a shout whatever its length.
SHOUT_WORDS = frozenset("""
NEVER EVER NOW NOT ALL EVERY EVERYONE EVERYTHING NOTHING NOBODY NO YES MUST FREE FAST HUGE BIG REAL REALLY
TRUE ONLY BEST WORST MORE MOST LESS WRONG RIGHT STOP WAIT THIS THAT WHY HOW WHAT WOW OMG INSANE CRAZY
PLUS GUARANTEED IS ARE WAS WERE GONE DEAD OVER ANY STILL JUST EVEN YOU YOUR WILL CAN DO LAST CHANCE HURRY
TODAY MONEY CASH RICH SALE BUY SELL LOOK HERE HUGE EASY
""".split())
_CONTEXT = 100


def _line_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to ``_CONTEXT`` characters either side of a span, within its line (bounded, so linear overall)."""
    low = max(0, start - _CONTEXT)
    left = text.rfind("\n", low, start)
    right = text.find("\n", end, end + _CONTEXT)
    return (left + 1 if left >= 0 else low), (right if right >= 0 else min(len(text), end + _CONTEXT))


def _mixed_case_around(text: str, start: int, end: int) -> bool:
    """True when the line around a span is ordinary mixed-case prose, not an all-caps heading."""
    left, right = _line_window(text, start, end)
    around = text[left:start] + " " + text[end:right]
    lower = len(_LOWER_RUN.findall(around))
    upper = len(_CAPS_WORD.findall(around))
    return lower >= 4 and lower >= 2 * upper


#: Signs written right after a brand name: an all-caps word before one is a name, not a shout.
_MARKS_OF_A_NAME = ("\u00ae", "\u2122", "(R)", "(TM)")


def find_all_caps(text: str) -> list[dict]:
    """All-caps emphasis in mixed-case text: a word of 5+ letters, or 2+ capitalised words in a row,
    that are not acronyms, names of firms, tickers, datelines, bylines or page furniture."""
    found = []
    for run in _CAPS_RUN.finditer(text):
        if run.end() - run.start() < 5 and run.group() not in SHOUT_WORDS:
            continue  # one short word such as "AI" or "CEO"
        start, end, words = run.start(), run.end(), run.group().split()
        plain = [word not in ACRONYMS for word in words]
        if not any(plain):
            continue
        long_word = any(p and len(w) >= 5 for p, w in zip(plain, words))
        shouted = len(words) == 1 and (words[0] in SHOUT_WORDS or "'" in words[0] or "\u2019" in words[0])
        if not long_word and not shouted and not (len(words) >= 2 and all(plain) and sum(map(len, words)) >= 6):
            continue
        if _in_dateline(text, start, end):
            continue  # a dateline such as "BEIJING (Reuters) -", "SAN FRANCISCO, Jan 27" or "SHANGHAI/NEW YORK —"
        if _BYLINE_BEFORE.search(text, max(0, start - 10), start):
            continue  # a byline such as "By JANE DOE"
        if not _mixed_case_around(text, start, end):
            continue
        if _lead_in_capitals(text, start, end, words):
            continue  # "NORTHBRIDGE UNITED are plotting": a paragraph's first name set in capitals, a house style
        if _NAME_WORD_AFTER.match(text, end) or text.startswith(_MARKS_OF_A_NAME, end):
            continue  # part of a name such as "ENFORCE Act", or a brand marked as one ("NEUVANTA®")
        if sum(plain) == 1 and not shouted and not _shouted_word(text, words[plain.index(True)], end):
            continue  # one unknown all-caps word is more often a name ("JURIST") than a shout
        first = plain.index(True)
        last = len(plain) - 1 - plain[::-1].index(True)
        run_words = list(_CAPS_WORD.finditer(text, start, end))
        span_start, span_end = run_words[first].start(), run_words[last].end()
        found.append({"text": text[span_start:span_end], "category": PATTERN_CATEGORY, "start": span_start,
                      "end": span_end, "rationale": "All-caps emphasis: the writer is shouting to make a point."})
    return found


#: Lower-case prose right after a paragraph's capitalised opening words: "NORTHBRIDGE UNITED are plotting".
_PROSE_AFTER = re.compile(r"[ \t]+[a-z]")
#: At most this many words open a paragraph in capitals as a house style (a name: "LOWESTONE ROVERS").
_LEAD_IN_WORDS = 3


def _lead_in_capitals(text: str, start: int, end: int, words: list[str]) -> bool:
    """True for the words a paragraph opens with set in capitals, then lower-case prose: a tabloid's and a sports
    desk's house style for the name a paragraph is about ("NORTHBRIDGE UNITED are plotting", "KINGSPORT CITY are
    ready"), not a shout. A shout word, or a first word with a shouted ending ("HUGE news", "SHOCKING scenes"), is
    still a shout; a name may end like one after its first word ("NORTHBRIDGE UNITED")."""
    return ((start == 0 or text[start - 1] == "\n") and len(words) <= _LEAD_IN_WORDS
            and _PROSE_AFTER.match(text, end) is not None
            and not any(word in SHOUT_WORDS for word in words) and not _SHOUTED_ENDING.search(words[0]))


def _in_dateline(text: str, start: int, end: int) -> bool:
    """True when start:end lies in a dateline at the start of its line ("SHANGHAI/NEW YORK, Jan 27 —")."""
    left, _ = _line_window(text, start, end)
    if left > 0 and text[left - 1] != "\n":
        return False
    dateline = _DATELINE.match(text, left, min(len(text), left + 80))
    return dateline is not None and dateline.end() >= end


def _shouted_word(text: str, word: str, end: int) -> bool:
    """True when a lone all-caps word reads as a shout, not a name: it is long ("IMPOSSIBLE"), ends like a verb,
    adverb or comparison ("PANICKING", "ROCKETED"), is a number word, is followed by "!", or the text also uses it
    in lower case within ``_LOWER_CASE_REACH`` characters (a bound that keeps the search linear)."""
    if len(word) >= _LONG_SHOUT or _SHOUTED_ENDING.search(word) or word in _NUMBER_WORDS or text.startswith("!", end):
        return True
    low, high = max(0, end - _LOWER_CASE_REACH), end + _LOWER_CASE_REACH
    return _lower_case_use(word.lower()).search(text, low, high) is not None


@functools.lru_cache(maxsize=4096)
def _lower_case_use(word: str) -> re.Pattern:
    """``word`` as a word of its own (no letter, digit, underscore or apostrophe on either side), compiled once."""
    return re.compile(rf"(?<![\w'\u2019]){re.escape(word)}(?![\w'\u2019])")


#: How far from a lone all-caps word its lower-case use is looked for.
_LOWER_CASE_REACH = 3000
#: A lone all-caps word this long is a shout: names set in capitals are short ("NASA", "JURIST").
_LONG_SHOUT = 8


_EXCLAMATION = re.compile(r"![!?]*")
#: Before a "!": a sentence stop (or the start of the text), then a fragment of up to 50 characters that
#: starts with a capital or a digit and holds no stop or double quotation mark.
_EXCLAIMED_FRAGMENT = re.compile("(?:^|(?<=[.!?:;\n]))[ \t]*([A-Z0-9][^.!?:;\n\u201c\u201d\"()]{0,50})\\Z")
_FRAGMENT_REACH = 60
_CLOSING_QUOTES = "\u201d\"\u2019')"
_EXCLAMATION_NAMES = frozenset({"yahoo", "jeopardy"})
_MAX_EXCLAIMED_WORDS = 4


def find_short_exclamations(text: str) -> list[dict]:
    """Short exclaimed fragments of one to four words ("Fifty thousand!", "Wow!") in the writer's own voice.

    A fragment starts a sentence (capital letter or digit) and holds no quotation mark: exclamations
    inside quotations belong to the speaker. Names that contain "!" (Yahoo!) and code (``!=``) are left out.
    """
    found: list[dict] = []
    if "!" not in text:
        return found
    for mark in _EXCLAMATION.finditer(text):
        end = mark.end()
        after = text[end:end + 1]
        if after and (after.isalnum() or after == "=" or after in _CLOSING_QUOTES):
            continue
        stop = mark.start()
        while stop > 0 and text[stop - 1] == "?":  # "?!" counts as one mark
            stop -= 1
        fragment = _EXCLAIMED_FRAGMENT.search(text, max(0, stop - _FRAGMENT_REACH), stop)
        if fragment is None:
            continue
        words = fragment.group(1).split()
        if not 1 <= len(words) <= _MAX_EXCLAIMED_WORDS or words[-1].casefold() in _EXCLAMATION_NAMES:
            continue
        start = fragment.start(1)
        found.append({"text": text[start:end], "category": PATTERN_CATEGORY, "start": start, "end": end,
                      "rationale": "A short exclamation that tells the reader to be amazed."})
    return found


_REVEALED = re.compile(r"(?:R(?:evealed|EVEALED)|E(?:xposed|XPOSED))(?![\w'\u2019])")
_WORD_BEFORE = re.compile(r"[\w'\u2019]")
_TITLE_BEFORE = re.compile(r"[\w'\u2019][ \t]+$")
_COLON_AFTER = re.compile(r"[ \t]*[:!]")


def find_revealed_headlines(text: str) -> list[dict]:
    """A capitalised "Revealed"/"Exposed" in a title-case headline ("... GPUs Revealed", "Revealed: ...")."""
    found: list[dict] = []
    if not any(word in text for word in ("Revealed", "REVEALED", "Exposed", "EXPOSED")):
        return found
    for match in _REVEALED.finditer(text):
        if match.start() and _WORD_BEFORE.match(text, match.start() - 1):
            continue  # part of a longer word
        before = _TITLE_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before or _COLON_AFTER.match(text, match.end()):
            found.append({"text": match.group(), "category": PATTERN_CATEGORY, "start": match.start(),
                          "end": match.end(), "rationale": "A teaser headline that promises a secret revealed."})
    return found
