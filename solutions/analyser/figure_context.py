"""What the words around a number say: is it a figure at all, what unit does it count, what kind is it?

The rules follow the labelling conventions of the kit's development set: money, GPU and chip counts,
downloads and users, percentages, investments, parameters, tokens and GPU-hours are figures; dates,
years, ranks, durations, multipliers, model names, citation markers and vague words are not.

Every test here looks at a bounded stretch of text around the number (a few words, 24 characters), or at
cue words found once per sentence and sorted (:class:`SentenceCues`), so a figure costs the same in a
sentence of ten words as in one of a million: finding all figures is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")

#: Unit nouns a count can be followed by, first match wins ("GPU hours" before "GPU").
UNIT_NOUNS = [
    ("GPU-hours", re.compile(r"(?:GPU|graphics processing unit)[- ]?hours?\b", re.I)),
    ("GPU", re.compile(r"(?:GPUs?|chips?|graphics (?:processing units?|cards?)|accelerators?|processors?"
                       r"|semiconductors?|superchips?|(?:[ABH]\d{2,3}|H20|GB\d{3})s)\b", re.I)),
    ("downloads", re.compile(r"(?:downloads?|installs?|installations?)\b", re.I)),
    ("users", re.compile(r"(?:users?|subscribers?|DAUs?|MAUs?|sign-?ups?|accounts)\b", re.I)),
    ("parameters", re.compile(r"(?:parameters?|params?)\b", re.I)),
    ("tokens", re.compile(r"tokens?\b", re.I)),
]
#: Words allowed between a number and its unit noun ("2,048 Nvidia H800 GPUs", "2.6 million app downloads").
_BREAKERS = {
    "to", "in", "on", "at", "for", "from", "by", "and", "or", "but", "with", "than", "that", "which", "who",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "of", "per", "over", "across", "since",
    "this", "these", "its", "their", "the", "a", "an", "as", "it", "they", "he", "she", "we", "will",
}
_NEXT_WORD = re.compile(r"[\s-]*([\w.\u2019'&]+)")
#: All unit nouns in one pattern, tried in the order of :data:`UNIT_NOUNS` (the first that matches wins).
_UNIT_NOUN = re.compile("|".join(f"(?P<unit{index}>{pattern.pattern})" for index, (_, pattern) in enumerate(UNIT_NOUNS)),
                        re.I)
_SPACE_OR_HYPHEN = re.compile("[ \u00a0-]*")

_CURRENCY_WORDS = re.compile(
    r"\s(?:(?:US|U\.S\.|American)\s)?(?P<word>dollars?|USD|yuan|renminbi|RMB|euros?|pounds?(?: sterling)?"
    r"|yen|rupees?|won|francs?)\b", re.I)

#: Words that make the number after them a rank, position or label ("No. 1", "top 10", "section 4").
RANK_WORDS = {
    "no", "no.", "nos.", "number", "top", "rank", "ranked", "ranks", "position", "place", "section", "sec.",
    "table", "figure", "fig.", "chapter", "page", "p.", "version", "v", "v.", "day", "episode", "season",
    "part", "step", "phase", "grade", "level", "tier", "wave", "round",
}
#: Product and model names that take a number after a space ("Llama 3.1", "Claude 3.5", "iOS 18").
NAME_WORDS = {
    "llama", "claude", "sonnet", "opus", "haiku", "gemini", "gemma", "gpt", "qwen", "mistral", "mixtral", "phi",
    "grok", "deepseek", "kimi", "ernie", "hunyuan", "doubao", "ios", "android", "windows", "python", "iphone",
    "galaxy", "pixel", "series", "model", "ryzen", "core", "snapdragon", "blackwell", "hopper", "web",
    "industry", "covid", "article", "title", "form", "rule", "stage", "class", "type", "apollo", "falcon", "yi",
    "baichuan", "glm", "chatglm", "jamba", "olmo", "nemotron", "s&p", "ftse", "nikkei", "stoxx", "russell",
    "hang", "seng", "csi", "kospi", "dax", "cac",
}
_DATE_BEFORE = re.compile(rf"\b{MONTH}\s?$|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s$", re.I)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s?(?:of\s)?{MONTH}", re.I)
_TIME_AFTER = re.compile(r"^[\s-]?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?"
                         r"|decades?|centuries|century|quarters?|nights?|weekends?)\b(?![- ]old)|^[\s-]?year[- ]old", re.I)
_MULTIPLIER_AFTER = re.compile(r"^(?:\s?(?:times|x|×|fold)\b|-fold\b|x\b|×)", re.I)
_PER_BEFORE = re.compile(r"\bper\s\Z|/\Z", re.I)
_ATTACHED_BEFORE = re.compile(r"(?:[A-Za-z][-_]?|[A-Za-z]\d*[-.]|[/:#@\\]|\d[-\u2013])\Z")
#: The last characters :data:`_ATTACHED_BEFORE` can end on: a cheap test before the search.
_ATTACHING_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_./:#@\\\u2013")
_ATTACHED_AFTER = re.compile(r"^(?:[/:@\\]\d|\.\d)")
_CITATION = re.compile(r"^\]")
_NO_BEFORE = re.compile(r"\bNo\.?\Z")

#: Context words for each kind of money or percentage figure; the nearest one in the sentence decides.
KIND_CUES = {
    "stock": r"stocks?|shares?|share price|market (?:cap\w*|value|valuation)|sell-?off|sold off|Nasdaq|S&P|"
             r"Dow\b|index|indices|plung\w*|tumbl\w*|slump\w*|sank|shed|closed at|trading|wiped|rout|"
             r"traded|rall\w+|rebound\w*|dipped|dropp\w*|fell|lost|losing|loss",
    "cost": r"costs?|costing|cost-\w+|train\w*|pric\w+|cheap\w*|expens\w+|per (?:GPU[- ])?hour|per million|"
            r"API|budgets?|to build|rental|bill|fees?|subscription|spent on training|spend on training",
    "investment": r"invest\w*|capex|capital|spend\w*|spent|funding|funds?|funded|raised|raise|data cent\w+|"
                  r"infrastructure|Stargate|programm?e|subsid\w+|grants?|backing|initiative|buy\w*|bought|purchas\w+|"
                  r"clusters?|servers?|hardware|stakes?",
    "market_size": r"market (?:to|could|will|would|is (?:expected|projected|forecast))|market size|"
                   r"(?:global|worldwide|AI|whole|total) [\w ]{0,15}market|industry (?:could|will) be worth|"
                   r"addressable",
    "other": r"net worth|fortune|worth|salar\w+|paid|pays?|valu(?:ed|ation)|revenue|sales|profits?|earnings|"
             r"income|earn\w*|accounts? for|GDP|tariffs?|deficit",
    "downloads": r"downloads?|downloaded|users?|installs?|sign-?ups?|app|active",
}
#: When cues of several kinds are equally near a figure, the kind earlier in this list wins.
KIND_PRIORITY = ["cost", "stock", "investment", "market_size", "other", "downloads"]
KIND_OF_UNIT = {"GPU": "gpus", "GPU-hours": "cost", "downloads": "downloads", "users": "downloads",
                "parameters": "model_size", "tokens": "other"}


def unit_noun_after(text: str, end: int) -> tuple[str | None, int]:
    """Find the unit noun a number counts, within four words after it; return (unit, noun end)."""
    position = end
    for _ in range(4):
        noun = _UNIT_NOUN.match(text, _SPACE_OR_HYPHEN.match(text, position).end())
        if noun:
            return UNIT_NOUNS[int(noun.lastgroup[4:])][0], noun.end()
        word = _NEXT_WORD.match(text, position)
        if word is None or word.group(1).casefold() in _BREAKERS or word.group(1).endswith("."):
            return None, end
        if "\n" in text[position:word.start(1)]:
            return None, end
        position = word.end()
    return None, end


_TIMES_AFTER = re.compile(r"\s(?:times|x)\b", re.I)
_DOWNLOAD_CUE = re.compile(r"\b(?:download\w*|install\w*)\b", re.I)


def occurrences_unit(text: str, end: int, sentence_mentions_downloads: Callable[[], bool]) -> str | None:
    """"Downloaded 1.6 million times": a scaled count of times, in a sentence about downloads.

    ``sentence_mentions_downloads()`` says whether the figure's sentence has a word starting "download" or
    "install"; it is asked only when "times" follows the number (see :class:`DownloadCues`).
    """
    if _TIMES_AFTER.match(text, end) and sentence_mentions_downloads():
        return "downloads"
    return None


class DownloadCues:
    """Where the words starting "download" or "install" are in a text, found once and sorted.

    Whether a sentence holds one is then a bisection, not a scan of the sentence. A cue word never crosses a
    sentence boundary (sentences start and end next to white space or punctuation), so this is the same as
    searching the sentence's own text.
    """

    def __init__(self, text: str):
        self.text = text
        self._starts: list[int] | None = None

    def within(self, span: tuple[int, int]) -> bool:
        """Whether a download cue word starts inside ``span`` (start, end)."""
        if self._starts is None:
            self._starts = [match.start() for match in _DOWNLOAD_CUE.finditer(self.text)]
        index = bisect.bisect_left(self._starts, span[0])
        return index < len(self._starts) and self._starts[index] < span[1]


def currency_word_after(text: str, end: int) -> str | None:
    """Return "USD" or "other" when a currency word follows the number ("589 billion dollars")."""
    match = _CURRENCY_WORDS.match(text, end)
    if match is None:
        return None
    return "USD" if match.group("word").casefold().startswith(("dollar", "usd")) else "other"


def excluded_because(text: str, start: int, end: int, is_money: bool, is_percent: bool,
                     is_plain_year: bool, has_scale: bool) -> str | None:
    """Say why a number is not a figure (a date, rank, name, ...), or None when it may be one."""
    before = text[max(0, start - 24):start]
    after = text[end:end + 24]
    if before[-1:] in _ATTACHING_LAST and _ATTACHED_BEFORE.search(before) or _ATTACHED_AFTER.match(after):
        return "part of a name, code, date, time or address"
    if before.endswith("[") and _CITATION.match(after):
        return "citation marker"
    word_before = before[:-1].rsplit(None, 1)[-1].casefold() if before.endswith(" ") and before.strip() else ""
    if word_before in NAME_WORDS:
        return "part of a product or model name"
    if is_money or is_percent:
        return None
    if (before[-1:].isspace() or before.endswith("/")) and _PER_BEFORE.search(before):
        return "denominator of a rate"
    if word_before in RANK_WORDS or before.endswith("#") or before.endswith(("No", "No.")) and _NO_BEFORE.search(before):
        return "rank, position or label"
    if is_plain_year:
        return "year"
    if _looks_like_day(text[start:end]) and _DATE_BEFORE.search(before[-12:]) or _DATE_AFTER.match(after.lstrip()):
        return "date"
    if _TIME_AFTER.match(after):
        return "duration"
    if _MULTIPLIER_AFTER.match(after) and not has_scale:
        return "multiplier"
    return None


def _looks_like_day(number: str) -> bool:
    return len(number) <= 2 and number.isdigit() and 1 <= int(number) <= 31


#: All cues in one pattern, for lower-cased text: matching case-sensitively is four times faster than
#: ignoring case. The look-behind lets the engine skip the inside of words quickly.
_ALL_CUES = re.compile(r"(?<![\w&])(?=[\w&])(?:" + "|".join(rf"(?P<{kind}>{pattern.lower()})"
                                                           for kind, pattern in KIND_CUES.items()) + r")\b")


def cue_hits(lowered: str, span: tuple[int, int]) -> list[tuple[int, int, str]]:
    """All kind cue words in ``lowered[span]``, as (start, end, kind).

    ``lowered`` is the text lower-cased with every character at its offset (:func:`solutions.analyser.text.lowered_in_place`).
    """
    return [(m.start(), m.end(), m.lastgroup) for m in _ALL_CUES.finditer(lowered, span[0], span[1])]


class SentenceCues:
    """The kind cue words of one sentence, sorted once, so the nearest cue to a figure is found by bisection.

    Cue words come from :func:`cue_hits`, which never overlap, so their starts and their ends both increase.
    Money is never of kind "downloads", so the cues a money figure may use are kept apart.
    """

    def __init__(self, hits: Iterable[tuple[int, int, str]]):
        hits = list(hits)
        self._any = _SortedCues(hits)
        self._not_downloads = _SortedCues([hit for hit in hits if hit[2] != "downloads"])
        self.counts = Counter(kind for _, _, kind in hits)

    def nearest_kind(self, start: int, end: int, is_money: bool) -> str | None:
        """The kind of the cue nearest to the figure at start:end; ties go to the earlier kind in ``KIND_PRIORITY``."""
        return (self._not_downloads if is_money else self._any).nearest_kind(start, end)


class _SortedCues:
    def __init__(self, hits: list[tuple[int, int, str]]):
        self.starts = [hit[0] for hit in hits]
        self.ends = [hit[1] for hit in hits]
        self.kinds = [hit[2] for hit in hits]

    def nearest_kind(self, start: int, end: int) -> str | None:
        """Only three kinds of cue can be nearest: the last ending before the figure, those overlapping it
        (distance 0; as many as fit inside the figure's text) and the first starting after it."""
        best = None
        after = bisect.bisect_right(self.ends, start)  # cues before ``after`` end at or before the figure starts
        if after:
            best = (start - self.ends[after - 1], _PRIORITY[self.kinds[after - 1]])
        while after < len(self.starts):
            rank = (max(0, self.starts[after] - end), _PRIORITY[self.kinds[after]])
            if best is None or rank < best:
                best = rank
            if self.starts[after] >= end:
                break
            after += 1
        return KIND_PRIORITY[best[1]] if best is not None else None


_PRIORITY = {kind: index for index, kind in enumerate(KIND_PRIORITY)}


def kind_from_context(start: int, end: int, sentence_cues: SentenceCues,
                      neighbour_cues: Callable[[], Iterable[SentenceCues]], is_money: bool = False) -> str | None:
    """Pick the kind whose cue word is nearest to the figure in its sentence.

    With no cue in the sentence, the kind with most cues in the neighbouring sentences (looked up
    only then, through ``neighbour_cues()``) wins.
    Ties go to the earlier kind in ``KIND_PRIORITY``. Money is never of kind "downloads".
    """
    nearest = sentence_cues.nearest_kind(start, end, is_money)
    if nearest is not None:
        return nearest
    kinds = [kind for kind in KIND_PRIORITY if not (is_money and kind == "downloads")]
    counts = Counter()
    for cues in neighbour_cues():
        counts.update(cues.counts)
    top = max((counts[kind] for kind in kinds), default=0)
    return next((kind for kind in kinds if counts[kind] == top), None) if top else None
