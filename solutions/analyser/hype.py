"""Finding loaded wording ("hype") in a news text: lexicon phrases and pattern devices, combined into one list.

:func:`find_hype` takes the phrases of :mod:`~.hype_matcher` (the lexicon of :mod:`~.hype_lexicon`) and the
clickbait devices of :mod:`~.hype_devices`, then keeps the longest of any overlapping finds and joins finds that sit
in one short phrase ("truly the king"). The score built on the finds is :mod:`~.hype_scoring`; every name of those
modules that other code uses can still be imported from here.
"""

from __future__ import annotations

import re

from solutions.analyser.hype_devices import (
    ACRONYMS, PATTERN_CATEGORY, find_all_caps, find_revealed_headlines, find_short_exclamations,
)
from solutions.analyser.hype_lexicon import (
    CATEGORIES_FILE, LEXICON_FILE, default_weights, hype_categories, lexicon_forms, load_hype_lexicon,
)
from solutions.analyser.hype_literal import is_literal
from solutions.analyser.hype_matcher import find_lexicon_phrases
from solutions.analyser.hype_patterns import category_checks, find_pattern_hype, hype_families
from solutions.analyser.phrase_matcher import fold_for_matching
from solutions.analyser.hype_scoring import checked_amount, hype_score, per_thousand, rank_by_hype

__all__ = [
    "ACRONYMS", "CATEGORIES_FILE", "LEXICON_FILE", "MERGE_GAP_WORDS", "MERGE_MAX_CHARS", "PATTERN_CATEGORY",
    "checked_amount", "default_weights", "find_all_caps", "find_hype", "find_lexicon_phrases",
    "find_pattern_hype", "find_revealed_headlines", "find_short_exclamations", "fold_for_matching",
    "hype_categories", "hype_counts", "hype_families",
    "hype_score", "lexicon_forms", "load_hype_lexicon", "longest_first", "per_thousand", "rank_by_hype",
]

#: Finds separated by at most this many words (no digits, no punctuation) form one loaded phrase.
MERGE_GAP_WORDS = 1
#: A joined phrase is at most this long, so a run of loaded words does not become one huge find.
MERGE_MAX_CHARS = 60
_SENTENCE_END = tuple(".!?:;")
_MERGE_GAP = re.compile(r"[ \t]*(?:[^\s\d.,;:!?()\"\u201c\u201d]+[ \t]+){0,%d}" % MERGE_GAP_WORDS)


def longest_first(cluster: list[dict]) -> list[dict]:
    """Within a cluster of overlapping finds, keep the longest, then the next longest that overlaps none kept...

    Ties go to the earlier find. The kept finds never overlap, so each stretch between two of the cluster's
    start and end offsets is claimed at most once; a Fenwick tree counts the claimed stretches, so a
    cluster of n finds costs about n log n steps, however the finds interleave.
    """
    offsets = sorted({find["start"] for find in cluster} | {find["end"] for find in cluster})
    slot = {offset: number for number, offset in enumerate(offsets)}
    claimed = [0] * (len(offsets) + 1)

    def claimed_before(stretch: int) -> int:
        total = 0
        while stretch > 0:
            total += claimed[stretch]
            stretch -= stretch & -stretch
        return total

    def claim(stretch: int) -> None:
        stretch += 1
        while stretch < len(claimed):
            claimed[stretch] += 1
            stretch += stretch & -stretch

    kept: list[dict] = []
    for find in sorted(cluster, key=lambda f: (f["start"] - f["end"], f["start"])):
        first, last = slot[find["start"]], slot[find["end"]]
        if claimed_before(last) - claimed_before(first):
            continue
        for stretch in range(first, last):
            claim(stretch)
        kept.append(find)
    kept.sort(key=lambda find: find["start"])
    return kept


def _longest_without_overlaps(finds: list[dict]) -> list[dict]:
    """Drop finds that overlap a longer one; return the rest in order of appearance (linear for sparse overlaps)."""
    result: list[dict] = []
    cluster: list[dict] = []
    cluster_end = -1
    for find in sorted(finds, key=lambda f: (f["start"], -f["end"])):
        if cluster and find["start"] >= cluster_end:
            if len(cluster) <= 2:
                result.append(cluster[0] if len(cluster) == 1 else _longer(*cluster))
            else:
                result.extend(longest_first(cluster))
            cluster = []
        cluster.append(find)
        cluster_end = max(cluster_end, find["end"]) if len(cluster) > 1 else find["end"]
    result.extend(cluster if len(cluster) <= 1 else longest_first(cluster))
    return result


def _longer(first: dict, second: dict) -> dict:
    """Of two overlapping finds (``first`` starts no later), the longer one; the first on a tie."""
    return second if second["end"] - second["start"] > first["end"] - first["start"] else first


def _merge_neighbours(text: str, finds: list[dict]) -> list[dict]:
    """Join finds that sit in one short phrase ("truly the king", "absolutely massive") into one find.

    Two finds join when at most ``MERGE_GAP_WORDS`` words (no digits or punctuation) separate them, the
    first does not end a sentence, and the joined phrase stays within ``MERGE_MAX_CHARS`` characters.
    """
    merged: list[dict] = []
    for find in finds:
        last = merged[-1] if merged else None
        if last is not None and find["end"] - last["start"] <= MERGE_MAX_CHARS and \
                not last["text"].endswith(_SENTENCE_END) and \
                _MERGE_GAP.fullmatch(text, last["end"], find["start"]):
            rationale = last["rationale"] if find["rationale"] in last["rationale"] else \
                f"{last['rationale']} / {find['rationale']}"
            merged[-1] = {"text": text[last["start"]:find["end"]], "category": last["category"],
                          "start": last["start"], "end": find["end"], "rationale": rationale,
                          "confidence": max(_confidence(last), _confidence(find))}
        else:
            merged.append(find)
    return merged


def find_hype(text: str) -> list[dict]:
    """Every piece of loaded wording in ``text``: lexicon phrases, hype families and the pattern devices.

    Returns dicts ``{"text", "category", "start", "end", "rationale", "confidence", "check"}`` in order,
    without overlaps (the longest find wins), with ``text == text[start:end]``. Finds in one short phrase are
    joined and take the first find's category. ``confidence`` (0 to 1) is the family's (``hype_patterns.csv``)
    or the category's (``hype_checks.csv``); ``check`` is the category's note on what to verify.
    """
    if not isinstance(text, str) or not text:
        return []
    lexicon = [find for find in find_lexicon_phrases(text)
               if not is_literal(text, find["start"], find["end"]) and not _inside_a_name(text, find)]
    finds = lexicon + find_pattern_hype(text) + find_all_caps(text) + \
        find_short_exclamations(text) + find_revealed_headlines(text)
    finds = [find for find in finds if not _denied(text, find)]
    checks = category_checks()
    result = []
    for find in _merge_neighbours(text, _longest_without_overlaps(finds)):
        confidence, check = checks[find["category"]]
        result.append({"text": find["text"], "category": find["category"], "start": find["start"],
                       "end": find["end"], "rationale": find["rationale"],
                       "confidence": round(find.get("confidence", confidence), 2), "check": check})
    return result


#: "not a disaster", "hardly a crisis", "surprised by anything dramatic": a loaded word the writer denies or only
#: supposes is an understatement, not hype.
_DENIAL_BEFORE = re.compile(r"\b(?:not|never|hardly|scarcely|no|nor|nothing|anything"
                            r"|(?:wouldn't|wouldn\u2019t|would not|don't|don\u2019t|do not) call (?:this|it|that)"
                            r"|isn't|wasn't|aren't|weren't|isn\u2019t|wasn\u2019t|aren\u2019t|weren\u2019t)"
                            r"[ \t]+(?:(?:a|an|the|so|that|too|exactly|quite)[ \t]+)?\Z", re.IGNORECASE)
_DENIABLE = ("evaluation", "intensifier", "metaphor", "market_verb")
#: A clickbait noun denied with its article: "it is not a miracle cure", "no magic bullet".
_DENIAL_OF_A_THING = re.compile(r"\b(?:(?:not|never|hardly|isn't|wasn't|isn\u2019t|wasn\u2019t)[ \t]+an?|no)[ \t]+\Z",
                                re.IGNORECASE)


def _denied(text: str, find: dict) -> bool:
    """True for a loaded word the text denies right before it ("was not a disaster"). Clickbait is denied only as a
    thing ("not a miracle cure"): its formulas carry their own negations ("You won't believe")."""
    before = max(0, find["start"] - 24)
    if find["category"] == "clickbait":
        return _DENIAL_OF_A_THING.search(text, before, find["start"]) is not None
    return find["category"] in _DENIABLE and _DENIAL_BEFORE.search(text, before, find["start"]) is not None


_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][a-z][\w'\u2019.&-]*[ \t]+\Z")
_CAPITALISED_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_PROSE_BEFORE = re.compile(r"[a-z,][ \t]+\Z")
_MID_SENTENCE_THE = re.compile(r"[a-z,][ \t]+the[ \t]+\Z")


def _inside_a_name(text: str, find: dict) -> bool:
    """True for a title-case find inside a name in running prose ("the Golden State Warriors", "Titan Cement
    Company"): a title-case word stands next to it and the words before it are lower-case prose."""
    start, end = find["start"], find["end"]
    if not (text[start:start + 1].isupper() and text[start + 1:start + 2].islower()) or not _in_prose(text, start, end):
        return False
    if _MID_SENTENCE_THE.search(text, max(0, start - 40), start) and text[start:end].istitle():
        return True  # "One insider told the Roar": a capitalised word after "the" in mid-sentence names something
    before = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        return _PROSE_BEFORE.search(text, max(0, before.start() - 3), before.start()) is not None
    return _CAPITALISED_WORD_AFTER.match(text, end) is not None and \
        _PROSE_BEFORE.search(text, max(0, start - 3), start) is not None


_WORD_INITIAL = re.compile(r"(?<![\w'\u2019-])[A-Za-z]")


def _in_prose(text: str, start: int, end: int) -> bool:
    """True when the line around start:end (100 characters either side) is running prose, not a title-case
    headline: at least twice as many of its words start lower-case as upper-case."""
    low, high = max(0, start - 100), min(len(text), end + 100)
    left, right = text.rfind("\n", low, start), text.find("\n", end, high)
    initials = _WORD_INITIAL.findall(text, left + 1 if left != -1 else low, right if right != -1 else high)
    lower = sum(initial.islower() for initial in initials)
    return lower >= 2 * (len(initials) - lower)


def _confidence(find: dict) -> float:
    """A find's own confidence (a hype family's), else its category's default."""
    return find.get("confidence", category_checks()[find["category"]][0])


def hype_counts(text: str) -> dict[str, int]:
    """How many finds of :func:`find_hype` fall in each category (every category present, zeros included)."""
    counts = {category: 0 for category in default_weights()}
    for find in find_hype(text):
        counts[find["category"]] += 1
    return counts
