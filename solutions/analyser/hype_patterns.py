"""Hype families: loaded wording found by pattern rather than by a fixed list (``seeds/hype_patterns.csv``).

A word list never keeps up with hype ("eye-popping", "jaw-watering", "a remarkable surge", "a big and bold
plan"), so each family in ``hype_patterns.csv`` is a small phrase grammar over cue words: an intensifier in
front of a plain move ("remarkable surge"), a stock idiom with its verb forms ("all hell broke loose"), a
clickbait formula with any noun in it ("This One Trick Doctors Hate"), puffery ("best-in-class"). The grammar
reads words only, never parts of speech, so it needs no model. Each row holds the family's ``pattern`` (a
regular expression over the lower-cased text), its hype ``category`` (one of ``hype_categories.csv``), how sure a
find is (``confidence``), its ``cues`` (the words, or word starts, that every find holds: the pattern is tried
only around them, which keeps the search fast), an ``example`` the pattern must find, and the ``rationale`` a
learner reads.

``seeds/hype_checks.csv`` gives each category a default confidence and the "check" note a learner sees next
to a find of that category.
"""

from __future__ import annotations

import re

from solutions.analyser.hype_lexicon import default_weights
from solutions.analyser.phrase_matcher import fold_for_matching
from solutions.analyser.text import trie_pattern
from solutions.data.datafiles import cached, read_table

PATTERNS_FILE = "hype_patterns.csv"
CHECKS_FILE = "hype_checks.csv"
_PATTERN_COLUMNS = ["family", "category", "confidence", "pattern", "cues", "example", "rationale"]
#: How far (in characters) before and after a cue word a family's pattern is tried.
_REACH_BEFORE, _REACH_AFTER = 80, 100
_CHECK_COLUMNS = ["category", "confidence", "check"]
#: A find never starts or ends inside a word (a hyphenated word counts as one).
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w-])", r"(?![\w-])"


@cached
def hype_families() -> tuple[dict, ...]:
    """The rows of ``hype_patterns.csv`` as dicts (``family``, ``category``, ``confidence`` as a float,
    ``pattern`` compiled, ``example``, ``rationale``), checked: a known category, a confidence from 0 to 1, a
    pattern that compiles and finds its own example."""
    table = read_table(PATTERNS_FILE, numbers=("confidence",))
    if list(table.columns) != _PATTERN_COLUMNS:
        raise ValueError(f"{PATTERNS_FILE} must have the columns {_PATTERN_COLUMNS}, not {list(table.columns)}.")
    known = set(default_weights())
    families = []
    for number, row in enumerate(table.itertuples(index=False), start=2):
        if row.category not in known:
            raise ValueError(f"{PATTERNS_FILE} line {number}: unknown category {row.category!r}; "
                             f"use one of {sorted(known)}.")
        if not 0 <= float(row.confidence) <= 1:
            raise ValueError(f"{PATTERNS_FILE} line {number}: the confidence must be from 0 to 1.")
        try:
            pattern = re.compile(_EDGE_BEFORE + "(?:" + str(row.pattern) + ")" + _EDGE_AFTER)
        except re.error as problem:
            raise ValueError(f"{PATTERNS_FILE} line {number}: the pattern does not compile ({problem}).") from None
        if not pattern.search(str(row.example).lower()):
            raise ValueError(f"{PATTERNS_FILE} line {number}: the pattern does not find its example "
                             f"{row.example!r}.")
        cues = tuple(cue.strip() for cue in str(row.cues).split("|") if cue.strip())
        if not cues:
            raise ValueError(f"{PATTERNS_FILE} line {number}: list the family's cue words.")
        families.append({"family": str(row.family), "category": str(row.category),
                         "confidence": float(row.confidence), "pattern": pattern, "cues": cues,
                         "example": str(row.example), "rationale": str(row.rationale)})
    return tuple(families)


@cached
def _cue_finder() -> tuple[re.Pattern, dict[str, tuple[int, ...]]]:
    """One pattern finding every cue word at a word start (matched on the text with a space put before it), and
    for each cue the families it can start."""
    families_of: dict[str, list[int]] = {}
    for number, family in enumerate(hype_families()):
        for cue in family["cues"]:
            families_of.setdefault(cue, []).append(number)
    trie = trie_pattern(sorted(families_of)).replace(r"\s+", " ")
    # the trie finds the longest cue at a position, so a cue also starts the families of the cues it begins with
    combined = {cue: tuple(sorted({n for other, numbers in families_of.items() if cue.startswith(other)
                                   for n in numbers})) for cue in families_of}
    return re.compile(rf"[^0-9a-z_\-]({trie})"), combined


def find_pattern_hype(text: str, folded: str | None = None) -> list[dict]:
    """Finds of the hype families in ``text``: ``{"text", "category", "start", "end", "rationale",
    "confidence", "family"}`` in order. ``folded`` is the text as :func:`fold_for_matching` gives it (same
    offsets), if already known."""
    if not isinstance(text, str) or not text:
        return []
    folded = fold_for_matching(text) if folded is None else folded
    families = hype_families()
    finder, families_of = _cue_finder()
    matches: dict[tuple[int, int], int] = {}
    for cue in finder.finditer(" " + folded):
        at = cue.start(1) - 1
        low = max(0, at - _REACH_BEFORE)
        for number in families_of[cue.group(1)]:
            for match in families[number]["pattern"].finditer(folded, low, min(len(folded), at + _REACH_AFTER)):
                matches.setdefault((match.start(), match.end()), number)
    found = []
    for (start, end), number in sorted(matches.items()):
        family = families[number]
        found.append({"text": text[start:end], "category": family["category"], "start": start, "end": end,
                      "rationale": family["rationale"], "confidence": family["confidence"],
                      "family": family["family"]})
    return found


@cached
def category_checks() -> dict[str, tuple[float, str]]:
    """Each hype category's default confidence and check note, from ``hype_checks.csv``."""
    table = read_table(CHECKS_FILE, numbers=("confidence",))
    if list(table.columns) != _CHECK_COLUMNS:
        raise ValueError(f"{CHECKS_FILE} must have the columns {_CHECK_COLUMNS}, not {list(table.columns)}.")
    checks = {str(row.category): (float(row.confidence), str(row.check)) for row in table.itertuples(index=False)}
    missing = sorted(set(default_weights()) - set(checks))
    if missing:
        raise ValueError(f"{CHECKS_FILE}: no row for the categor{'y' if len(missing) == 1 else 'ies'} "
                         f"{', '.join(missing)}.")
    return checks
