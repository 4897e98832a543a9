"""What the words around a number say: is it a figure at all, what unit does it count, what kind is it?

The rules follow the labelling conventions of the kit's development set: money, GPU and chip counts,
downloads and users, percentages, investments, parameters, tokens and GPU-hours are figures; dates,
years, ranks, durations, multipliers, model names, citation markers and vague words are not.

Every test here looks at a bounded stretch of text around the number (a few words, 24 characters), or at
cue words found once per sentence and sorted (:class:`SentenceCues`), so a figure costs the same in a
sentence of ten words as in one of a million: finding all figures is linear in the text.

The kind cue words are data, ``seeds/figure_cues.csv`` (families of words, each with its kind and the reason it
exists; :mod:`solutions.analyser.figure_cues`). The phrase grammar that picks the word governing a figure is here:
a word naming the thing measured ("revenue", "shares", "fee") beats a verb of movement ("fell"); the nearest
naming word wins, and one bound to the figure by "of" or "at" ("a charge of £801m", "22% of its revenue") counts
as touching it; of two naming words in a row ("trading profit") the last, the head, counts. Three rules of
sentence shape come first (:mod:`solutions.analyser.figure_grammar`): the subject of a verb of movement or of
"is worth" governs the figure the verb takes ("Shares of Brightwell, which rents capacity, soared 7% to $38.90");
a percentage "of" something takes that thing's kind, and a percentage of something the cue words do not know is
"other" ("80% of a model's performance"); and a word inside a relative clause (", which rents capacity to X,")
does not govern a figure outside it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from solutions.analyser import figure_grammar as grammar
from solutions.analyser.figure_cues import find_cues, load_figure_cues
from solutions.data.datafiles import cached

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")

#: Unit nouns a count can be followed by, first match wins ("GPU hours" before "GPU").
UNIT_NOUNS = [
    ("GPU-hours", re.compile(r"(?:GPU|graphics processing unit)[- ]?hours?\b", re.I)),
    ("GPU", re.compile(r"(?:GPUs?|chips?|graphics (?:processing units?|cards?)|accelerators?|processors?"
                       r"|semiconductors?|superchips?|(?:[ABH]\d{2,3}|H20|GB\d{3})s)\b", re.I)),
    ("downloads", re.compile(r"(?:downloads?|installs?|installations?)\b", re.I)),
    ("users", re.compile(r"(?:users?|subscribers?|DAUs?|MAUs?|sign-?ups?|accounts|customers|memberships"
                         r"|members(?!\s+of\b)|subscriptions)\b", re.I)),
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
_OF_DETERMINER = re.compile(r" of (?:its|their|the|his|her|our) (?=\w)")
#: All unit nouns in one pattern, tried in the order of :data:`UNIT_NOUNS` (the first that matches wins).
_UNIT_NOUN = re.compile("|".join(f"(?P<unit{index}>{pattern.pattern})" for index, (_, pattern) in enumerate(UNIT_NOUNS)),
                        re.I)
_SPACE_OR_HYPHEN = re.compile("[ \u00a0-]*")

_CURRENCY_WORDS = re.compile(
    r"\s(?:(?:US|U\.S\.|American)\s)?(?P<word>dollars?|USD|yuan|renminbi|RMB|euros?|pounds?(?: sterling)?"
    r"|yen|rupees?|won|francs?|riyals?|rials?|dirhams?|dinars?|ringgit|baht|rupiah|pesos?|lira|liras|zloty|zlotys"
    r"|kronor|kronur|krona|kroner|krone|crowns?|koruna|forints?|roubles?|rubles?|hryvnias?|shekels?|naira|cedis?|rand"
    r"|shillings?|reais|real"
    # crypto-currencies, by name or ticker ("38,400 ETH", "21 million USDT")
    r"|bitcoins?|btc|wbtc|ether|eth|usdt|usdc|xrp|dogecoins?)\b", re.I)
#: Currency words that are money only after a scale word: "1.5 billion crowns", not "three crowns" (titles).
_SCALED_ONLY = ("crown",)
#: Words that make "pounds" a weight ("lose 20 pounds"), not money.
_WEIGHT = re.compile(r"\b(?:los[et]|losing|shed\w*|weigh\w*|gain\w*|heavier|lighter|kilos?|kg|body|fat|diet\w*"
                     r"|obes\w*)\b", re.I)
_CURRENCY_WORD_JOINED = re.compile(r"[\s-](?:(?:US|U\.S\.|American)[\s-])?(?P<word>dollars?|pounds?|euros?)\b", re.I)

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

#: When cues of several kinds are equally near a figure, the kind earlier in this list wins.
KIND_PRIORITY = ["cost", "stock", "investment", "market_size", "other", "downloads"]
KIND_OF_UNIT = {"GPU": "gpus", "GPU-hours": "cost", "downloads": "downloads", "users": "downloads",
                "parameters": "model_size", "tokens": "other"}


def unit_noun_after(text: str, end: int) -> tuple[str | None, int]:
    """Find the unit noun a number counts, within four words after it ("of its" or "of the" first may stand
    between: "120,000 of its most advanced AI processors"); return (unit, noun end)."""
    of = _OF_DETERMINER.match(text, end)
    position = of.end() if of else end
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


def bare_amount_after(text: str, end: int) -> bool:
    """Whether nothing that could be a counted noun follows the number: punctuation, the end of the text, or a
    little word such as "to", "by" or "in" ("sold for seven million.", "expects to reach 227mn by")."""
    word = _NEXT_WORD.match(text, end)
    if word is None or not word.group(1)[:1].isalpha() or "\n" in text[end:word.start(1)]:
        return True
    return word.group(1).casefold() in _BREAKERS


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


def currency_word_after(text: str, end: int, has_scale: bool = True) -> str | None:
    """Return "USD" or "other" when a currency word follows the number ("589 billion dollars",
    "a half-billion-dollar deal"); "pounds" after a number with no scale word near a word of weight ("lose 20
    pounds") is a weight, not money."""
    match = _CURRENCY_WORDS.match(text, end) or _CURRENCY_WORD_JOINED.match(text, end)
    if match is None:
        return None
    if not has_scale and match.group("word").casefold().startswith(_SCALED_ONLY):
        return None
    if not has_scale and match.group("word")[:5].casefold() == "pound" and _WEIGHT.search(
            text, max(0, end - 40), min(len(text), match.end() + 30)):
        return None
    word = match.group("word").casefold()
    return "USD" if word.startswith("dollar") or word == "usd" else "other"  # not "USDT", a token


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


#: A cue further than this many characters from its figure is "far": the figure gets a "check" note.
NEAR = 60
#: Between a naming word and the figure after it, these bind the two ("a charge of £801m", "closed at $118").
_BOUND_BEFORE = re.compile(r"\s+(?:of|at|worth|totall?ing)\s+(?:(?:about|around|nearly|almost|some|over|under|just"
                           r"|roughly|an?|the|up\s+to|more\s+than|less\s+than|estimated|a\s+record)\s+)*")
#: Between the figure and a naming word after it: "22% of its revenue", "80% of the app's downloads".
_BOUND_AFTER = re.compile(r"\s+of\s+(?:\S+\s+){0,3}")
#: One word at most between a figure and the noun it describes: "$250 refundable deposit".
_NOUN_AFTER = re.compile(r"[ \t-]+(?:[a-z][\w'-]*[ \t-]+)?")
#: A word after the figure governs it when close ("£540m impairment", "$2.10 a share"); across more than three
#: words or a clause break ("3% and 5% as well as online initiatives") it counts as this many characters further.
AFTER_PENALTY = 40
_CLOSE_AFTER = re.compile(r"(?:[\s-]+(?!(?:and|or|but|while|whereas|although|as)\b)[\w'\u2019$£€%.-]+){0,3}[\s-]+")
#: Two naming words with only this between them form a compound whose last word is its head ("trading profit").
_COMPOUND_GAP = re.compile(r"(?:['\u2019]s)?[\s-]?")
_NAMING = ("subject", "generic")
_OF_GAP = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?")
_ONE_WORD = re.compile(r"[\w&'\u2019-]+")
#: A verb in the past after a naming word ("house bought", "funding raised"): no compound, so the noun is kept.
_PAST_VERB = re.compile(r"[a-z]+ed|bought|sold|spent|paid|lent|built|made|cut|won|lost|took|gave|got|put|set|hit")


def cue_hits(lowered: str, span: tuple[int, int], text: str | None = None) -> list[tuple[int, int, str, str, str]]:
    """All kind cue words in ``lowered[span]``, as (start, end, kind, strength, family), in order.

    ``lowered`` is the text lower-cased with every character at its offset
    (:func:`solutions.analyser.text.lowered_in_place`). The words come from ``seeds/figure_cues.csv``
    (:mod:`solutions.analyser.figure_cues`). With ``text``, a common cue word written with a capital inside a
    sentence is part of a name and no cue ("drama The Long Road Home", "the Central Energy Fund"), unless the
    sentence is a title-case headline.
    """
    hits, headline = [], None
    for start, end, cue in find_cues(lowered, span):
        name_prone = cue.family in _NAME_PRONE_FAMILIES or (
            cue.family in _NAME_CUE_FAMILIES and text is not None and beside_a_name(text, start, end))
        if text is not None and name_prone and capitalised_inside(text, start, span):
            if headline is None:
                headline = title_case(text, span)
            if not headline:
                continue
        hits.append((start, end, cue.kind, cue.strength, cue.family))
    return hits


#: Families of common words that also stand in names: "The Long Road Home", "Central Energy Fund", "Education Cost
#: Sharing". Names that are cues themselves (indexes, central banks, commodities such as Brent) are in other families.
_NAME_PRONE_FAMILIES = frozenset({"prices_and_costs", "price_words", "investment_and_funding", "study_percentages"})
#: Families whose words are names themselves ("Brent", "Bitcoin"): written with a capital beside another
#: capitalised word ("Kgotso Platinum Holdings", "Mhlathuze Gold Mining", "Dax Moreland"), they are part of a name.
_NAME_CUE_FAMILIES = frozenset({"commodities_and_crypto"})
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z][\w'\u2019-]*[ \t]+\Z")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
#: What may stand before a word that opens a sentence or a quotation, where a capital says nothing about names.
_OPENERS = frozenset(".!?:;\"'\u201c\u2018(\u2014\u2013-")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'\u2019-]*")
_ANY_WORD = re.compile(r"\b[^\W\d_][\w'\u2019-]*")


def capitalised_inside(text: str, start: int, span: tuple[int, int]) -> bool:
    """Whether the word at ``start`` is written with a capital (not all capitals, an acronym such as "ETFs") and
    stands inside the sentence ``span``, not at its opening or a quotation's."""
    word = _CAPITALISED_WORD.match(text, start)
    if word is None or word.group().rstrip("s").isupper():
        return False
    before = start - 1  # back over the spaces just before the word only: the sentence is not copied for each cue
    while before >= span[0] and text[before].isspace():
        before -= 1
    return before >= span[0] and text[before] not in _OPENERS


def beside_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word that is not all capitals stands just before ``start`` or just after ``end``."""
    return _NAME_AFTER.match(text, end) is not None or _NAME_BEFORE.search(text, max(0, start - 40), start) is not None


def title_case(text: str, span: tuple[int, int]) -> bool:
    """Whether at least half the words of ``text[span]`` start with a capital, as in a headline."""
    return len(_CAPITALISED_WORD.findall(text, *span)) * 2 >= len(_ANY_WORD.findall(text, *span))


class KindGuess(NamedTuple):
    """A figure's kind and where it came from: ``source`` is "near", "far" or "move" (a cue in the sentence),
    "neighbours" (the sentences around it) or "default" (no cue); ``cue`` is the deciding word's span."""

    kind: str | None
    source: str
    cue: tuple[int, int] | None = None


class SentenceCues:
    """The kind cue words of one sentence, sorted once, so the nearest cue to a figure is found by bisection.

    Hits are (start, end, kind) or (start, end, kind, strength, family), as :func:`cue_hits` gives them; they never
    overlap, so their starts and their ends both increase. Of two naming words that form a compound ("trading
    profit"), only the head is kept (see :func:`_heads_only`). Naming words (strength "subject") are asked first;
    words of movement ("fell") and of actors ("the Treasury") only when the sentence has no naming word. Money is
    never of kind "downloads", so the cues a money figure may use are kept apart. With ``lowered`` (the text the
    hits were found in), a naming word bound to the figure by "of" or "at" ("a charge of £801m") counts as touching
    it, and one after the figure across more than three words or a clause break counts as further away.
    """

    def __init__(self, hits: Iterable[tuple], lowered: str | None = None, span: tuple[int, int] | None = None,
                 text: str | None = None):
        hits = [hit if len(hit) == 5 else (*hit[:3], "subject", hit[2]) for hit in hits]
        if lowered is not None:
            hits = _heads_only(hits, lowered)
        else:
            hits = [hit if hit[3] != "generic" else (*hit[:3], "subject", hit[4]) for hit in hits]
        self.lowered, self.text, self._span = lowered, text, span
        self.families = frozenset(hit[4] for hit in hits)
        self._clauses = grammar.relative_clauses(lowered, span) if lowered is not None and span and hits else []
        self._tiers = self._sorted_tiers(hits)
        self._outside: list | None = None if self._clauses else self._tiers
        self._hits = hits
        self._ends = [hit[1] for hit in hits]
        self._subjects_sorted: tuple[list, list[int]] | None = None
        self._counts: Counter | None = None
        self._money_before: list[tuple[int, int]] | None = None

    @property
    def _outside_tiers(self) -> list[tuple[_SortedCues, _SortedCues]]:
        """The tiers without the words inside asides, built when a sentence has asides and a figure needs them."""
        if self._outside is None:
            self._outside = self._sorted_tiers([hit for hit in self._hits if self._clause_of(hit[0]) is None])
        return self._outside

    @property
    def _subjects(self) -> list[tuple]:
        return self._subject_lists()[0]

    @property
    def _subject_ends(self) -> list[int]:
        return self._subject_lists()[1]

    def _subject_lists(self) -> tuple[list, list[int]]:
        if self._subjects_sorted is None:  # naming words, and actors ("the Treasury is preparing to raise")
            subjects = [hit for hit in self._hits if hit[3] in ("subject", "actor")]
            self._subjects_sorted = (subjects, [hit[1] for hit in subjects])
        return self._subjects_sorted

    @staticmethod
    def _sorted_tiers(hits: list[tuple]) -> list[tuple[_SortedCues, _SortedCues]]:
        subject = [hit for hit in hits if hit[3] == "subject"]
        move = [hit for hit in hits if hit[3] != "subject"]
        return [(_SortedCues(tier), _SortedCues([hit for hit in tier if _may_govern_money(hit)]))
                for tier in (subject, move)]

    def _clause_of(self, position: int) -> tuple[int, int] | None:
        """The relative clause (an aside) that holds ``position``, or None."""
        if not self._clauses:
            return None
        index = bisect.bisect_right(self._clauses, (position, len(self.lowered or "") + 1)) - 1
        if index >= 0 and self._clauses[index][0] <= position < self._clauses[index][1]:
            return self._clauses[index]
        return None

    @property
    def counts(self) -> Counter:
        """How many naming words of each kind the sentence has. Words of movement do not count: "slipped to 21.6%"
        beside a figure with no cue says nothing about what that figure measures."""
        if self._counts is None:
            self._counts = Counter(hit[2] for hit in self._hits if hit[3] == "subject")
        return self._counts

    def nearest_kind(self, start: int, end: int, is_money: bool) -> str | None:
        """The kind of the cue nearest to the figure at start:end; ties go to the earlier kind in ``KIND_PRIORITY``."""
        return self.nearest(start, end, is_money).kind

    def nearest(self, start: int, end: int, is_money: bool, is_percent: bool = False) -> KindGuess:
        """The governing cue of the figure at start:end, with its source ("near", "far" or "move").

        With ``lowered``, the rules of sentence shape come first (:mod:`solutions.analyser.figure_grammar`): the
        subject of the verb that takes the figure, then what a percentage is a share of; then the nearest cue
        outside any aside the figure is not in. A percentage that a word of investment governs only from nearby is a
        rate or a share ("other"): money is invested, a percentage is not. A rise in a council's or a utility's "rates"
        is a rise in a household's bill, a cost (:func:`grammar.council_rates`).
        """
        found = self._governing(start, end, is_money, is_percent)
        if (is_percent and found.kind == "other" and found.cue is not None and self.lowered is not None
                and grammar.council_rates(self.lowered, found.cue, self._span)):
            return KindGuess("cost", found.source, found.cue)  # "councillors voted to lift rates by 6.9 per cent"
        return found

    def _governing(self, start: int, end: int, is_money: bool, is_percent: bool) -> KindGuess:
        if self.lowered is not None:
            shaped = self._subject_of_verb(start, is_money)
            if shaped is None and is_percent:
                shaped = self._share_of(start, end)
            if shaped is None and is_money and (grammar.priced_for(self.lowered, start)
                                                or grammar.charged_or_paid_for(self.lowered, start, end)
                                                or grammar.paid_by_a_payer(self.lowered, start)):
                shaped = KindGuess("cost", "near", (start, end))  # "trained a model for under $6 million"
            if shaped is not None:
                return shaped
        found = self._nearest_cue(start, end, is_money)
        if found.cue is not None and found.kind == "other" and self.lowered is not None and self.lowered[
                found.cue[0]:found.cue[1]] in _VALUING and self.families & _SHARE_FAMILIES:
            return KindGuess("stock", found.source, found.cue)  # "shares rose 3.4%, valuing the group at €21.6bn"
        if is_percent and found.kind == "investment":
            return KindGuess("other", found.source, found.cue)  # "backed by 99.99% uptime", "the plan would cut 18%"
        if is_money and self.lowered is not None and grammar.retail_price(self.lowered[start:end]) and not (
                found.kind == "stock" and found.source == "near"):
            return KindGuess("cost", "near", (start, end))  # "£479.99": a shop's price, unless shares are near
        return found

    def _nearest_cue(self, start: int, end: int, is_money: bool) -> KindGuess:
        """The nearest cue outside any aside the figure is not in, by tier (subject words first, then moves)."""
        tiers = self._tiers if self._clause_of(start) is not None else self._outside_tiers
        for tier, (everything, not_downloads) in enumerate(tiers):
            found = (not_downloads if is_money else everything).nearest(start, end, self.lowered)
            if found is not None:
                distance, kind, span = found
                if tier and kind == "stock":
                    break  # "fell 12%" alone does not say what fell: the sentences around decide, as with no cue
                source = "move" if tier else ("near" if distance <= NEAR else "far")
                if kind == "investment" and self.lowered is not None:
                    kind = self._kind_of_spending(span)
                elif kind == "cost" and self.lowered is not None and grammar.project_cost(self.lowered, span):
                    kind = "investment"  # what a building project costs is its budget
                return KindGuess(kind, source, span)
        return KindGuess(None, "default")

    def _subject_of_verb(self, start: int, is_money: bool) -> KindGuess | None:
        """The kind of the subject of a verb of movement (or of "is worth") that takes the figure at ``start``."""
        index = bisect.bisect_right(self._ends, start) - 1
        if index < 0 or start - self._ends[index] > 60:
            return None
        verb = self._hits[index]
        if not grammar.verb_gap_fits(self.lowered, verb[1], start):
            return None
        raising = verb[4] == "money_raised"
        if verb[3] == "move" and self.text is not None and grammar.named_subject(self.text, verb[0], verb[1]):
            return KindGuess("stock", "near", (verb[0], verb[1]))  # "Larkfield Homes gained 14p to 512p"
        if verb[3] == "move" or grammar.change_verb(self.lowered, verb[0], verb[1]):
            verb_start = verb[0]
        elif self.lowered[verb[0]:verb[1]] == "worth":
            verb_start = grammar.copula_before(self.lowered, verb[0])
            if grammar.company_worth(self.lowered, self.text, verb[0] if verb_start is None else verb_start):
                return KindGuess("stock", "near", (verb[0], verb[1]))  # "Helion is worth $2.87 trillion"
            if verb_start is None:
                return None
        else:
            return None
        clause = self._clause_of(verb_start)
        position = bisect.bisect_right(self._subject_ends, verb_start) - 1
        while position >= 0 and self._clause_of(self._subjects[position][0]) not in (None, clause):
            position -= 1  # a word in an aside is not the subject of a verb outside it
        if position < 0 or verb_start - self._subjects[position][1] > grammar.REACH:
            return KindGuess(verb[2], "near", (verb[0], verb[1])) if raising else None
        reach = grammar.COPULA_SUBJECT_WORDS if self.lowered[verb[0]:verb[1]] == "worth" else grammar.SUBJECT_WORDS
        if grammar.words_between(self.lowered, self._subjects[position][1], verb_start, clause) > reach:
            # "customers have seen picking errors fall": too far to be the verb's subject; "Korvex raised $1.3
            # billion": money raised with no subject named is an investment
            return KindGuess(verb[2], "near", (verb[0], verb[1])) if raising else None
        while position > 0 and grammar.head_of_of_phrase(self.lowered, self._subjects[position - 1][1],
                                                          self._subjects[position][0]):
            position -= 1  # "sales of its data-centre chips rose": the head is "sales"
        subject = self._subjects[position]
        if is_money and subject[2] == "downloads":
            return None
        kind = self._kind_of_spending(subject[:2]) if subject[2] == "investment" else subject[2]
        return KindGuess(kind, "near" if start - subject[1] <= NEAR else "far", (subject[0], subject[1]))

    def _kind_of_spending(self, cue: tuple[int, int]) -> str:
        """The kind of a figure an investment word governs: public finance ("other") for a government's or a
        council's spending that builds nothing ("Spending on benefits is forecast to reach £328bn"), a cost or a
        total for money "spent" or "spending" that buys no capital (:func:`grammar.spending_kind`), else investment."""
        if grammar.public_spending(self.lowered[cue[0]:cue[1]], self.families, self.lowered, self._span):
            return "other"
        return grammar.spending_kind(self.lowered, cue, self._span) or "investment"

    def _share_of(self, start: int, end: int) -> KindGuess | None:
        """The kind of what a percentage is a share of ("22% of its revenue", "80% of a model's performance",
        "a 30% stake"): the naming word inside that phrase, a counted noun's kind, or "other"."""
        phrase = grammar.percent_of_phrase(self.lowered, end) or grammar.noun_after_percent(self.lowered, start, end)
        if phrase is None:
            return None
        index = bisect.bisect_right(self._ends, phrase[0])
        hit = self._hits[index] if index < len(self._hits) and self._hits[index][0] < phrase[1] else None
        noun = _UNIT_NOUN.search(self.lowered, *phrase)
        if noun is not None and (hit is None or noun.start() < hit[0] or hit[2] == "downloads"):  # a counted noun
            unit = UNIT_NOUNS[int(noun.lastgroup[4:])][0]
            return KindGuess("other" if unit in _PEOPLE_UNITS else KIND_OF_UNIT[unit], "near", noun.span())
        if hit is not None and hit[3] != "subject":
            return None
        if hit is not None and hit[2] != "downloads" and self.lowered[hit[0]:hit[1]] not in _SHARES_NOT_OF_KIND:
            kind = self._kind_of_spending(hit[:2]) if hit[2] == "investment" else hit[2]
            return KindGuess(kind, "near", (hit[0], hit[1]))
        return KindGuess("other", "near", phrase)  # a share of people ("94% of customers") is a survey's share

    def money_word_before(self, start: int) -> bool:
        """Whether a word that makes a bare amount money ("sold for", "paid") ends just before ``start``."""
        if self._money_before is None:
            self._money_before = [(hit[0], hit[1]) for hit in self._hits if cue_of_family_implies_money(hit[4])]
        index = bisect.bisect_right(self._money_before, (start, start)) - 1
        while index >= 0 and self._money_before[index][1] > start:
            index -= 1
        if index < 0 or self.lowered is None:
            return False
        gap = self.lowered[self._money_before[index][1]:start]
        return len(gap) <= 24 and _MONEY_GAP.fullmatch(gap) is not None


_MONEY_GAP = re.compile(r"\s+(?:(?:a|an|some|about|around|nearly|almost|over|under|roughly|just|at\s+least|more\s+than"
                        r"|less\s+than|another|a\s+further|an\s+extra|a\s+cool|a\s+whopping)\s+)*")


def cue_of_family_implies_money(family: str) -> bool:
    """Whether the words of ``family`` make a bare amount after them money (``implies_money`` in the data)."""
    return _money_families().get(family, False)


@cached
def _money_families() -> dict[str, bool]:
    return {str(row.family): bool(row.implies_money) for row in load_figure_cues().itertuples(index=False)}


def _heads_only(hits: list[tuple], lowered: str) -> list[tuple]:
    """Keep one naming word of each compound. Of two naming words in a row the later, one-word one is the head
    ("trading profit" is a profit; in "a programme to build" the "to build" is no head), except that a generic
    word ("price") gives way to the naming word before it ("Solana's price") or after its "of" ("the price of
    gold"), which then stands as a naming word."""
    dropped = set()
    for index in range(len(hits) - 1):
        hit, following = hits[index], hits[index + 1]
        if hit[3] not in _NAMING or following[3] not in _NAMING:
            continue
        if following[3] == "generic" and _COMPOUND_GAP.fullmatch(lowered, hit[1], following[0]):
            dropped.add(index + 1)
        elif hit[3] == "generic" and _OF_GAP.fullmatch(lowered, hit[1], following[0]):
            dropped.add(index)
        elif (hit[3] != "generic" and _COMPOUND_GAP.fullmatch(lowered, hit[1], following[0])
              and _ONE_WORD.fullmatch(lowered, following[0], following[1])
              and not _PAST_VERB.fullmatch(lowered, following[0], following[1])):
            dropped.add(index)  # "trading profit"; but in "a $400,000 house bought" the verb is no head
    return [hit if hit[3] != "generic" else (*hit[:3], "subject", hit[4])
            for index, hit in enumerate(hits) if index not in dropped]


class _SortedCues:
    def __init__(self, hits: list[tuple]):
        self.starts = [hit[0] for hit in hits]
        self.ends = [hit[1] for hit in hits]
        self.kinds = [hit[2] for hit in hits]

    def nearest_kind(self, start: int, end: int) -> str | None:
        found = self.nearest(start, end)
        return found[1] if found else None

    def nearest(self, start: int, end: int, lowered: str | None = None) -> tuple[int, str, tuple[int, int]] | None:
        """(distance, kind, cue span) of the nearest cue, or None. Only three kinds of cue can be nearest: the last
        ending before the figure, those overlapping it (distance 0; as many as fit inside the figure's text) and the
        first starting after it. A cue bound to the figure by "of" or "at" has distance -1."""
        best = None
        after = bisect.bisect_right(self.ends, start)  # cues before ``after`` end at or before the figure starts
        if after:
            distance = start - self.ends[after - 1]
            bound = lowered is not None and 0 < distance <= 40
            if bound and _BOUND_BEFORE.fullmatch(lowered, self.ends[after - 1], start):
                distance = -1
            best = (distance, _PRIORITY[self.kinds[after - 1]], after - 1)
        while after < len(self.starts):
            distance = max(0, self.starts[after] - end)
            if lowered is not None and distance > 0:
                if distance <= 40 and _BOUND_AFTER.fullmatch(lowered, end, self.starts[after]):
                    distance = -1
                elif distance <= 24 and _NOUN_AFTER.fullmatch(lowered, end, self.starts[after]):
                    distance = 0  # "a $250 refundable deposit", "a $400,000 house": the noun the figure describes
                elif distance > 40 or not _CLOSE_AFTER.fullmatch(lowered, end, self.starts[after]):
                    distance += AFTER_PENALTY
            rank = (distance, _PRIORITY[self.kinds[after]], after)
            if best is None or rank < best:
                best = rank
            if self.starts[after] >= end:
                break
            after += 1
        if best is None:
            return None
        index = best[2]
        return best[0], self.kinds[index], (self.starts[index], self.ends[index])


#: Families whose words never govern money: "$8.50 for adults", "£420 a year for a typical household" are prices,
#: though "adults" and "households" make a percentage a study's share.
_NOT_FOR_MONEY = frozenset({"study_percentages"})


def _may_govern_money(hit: tuple) -> bool:
    """Whether a cue may decide a money figure's kind: money is never downloads, nor a study's share of people."""
    return hit[2] != "downloads" and hit[4] not in _NOT_FOR_MONEY
_PRIORITY = {kind: index for index, kind in enumerate(KIND_PRIORITY)}
#: "Valuing the group at": after a share move in the same sentence, the market value its shares give the company.
_VALUING = frozenset({"valuing", "values", "valued at", "valued"})
_SHARE_FAMILIES = frozenset({"shares_and_market_value", "trading_session"})
#: Things counted one by one: a percentage of them ("26% of homes sold above list price") is a share of a count,
#: "other", though a home's price is a cost. A stake's size in per cent ("owns a 6.8% stake") is a share of ownership,
#: "other" too, though money put into a stake is an investment.
_SHARES_NOT_OF_KIND = frozenset({"homes", "houses", "properties", "flats", "apartments", "tickets", "listings", "stake",
                                 "stakes"})
#: Counted nouns that are people: a percentage of them is a share from a survey or a study ("other").
_PEOPLE_UNITS = frozenset({"users"})


def kind_from_context(start: int, end: int, sentence_cues: SentenceCues,
                      neighbour_cues: Callable[[], Iterable[SentenceCues]], is_money: bool = False) -> str | None:
    """Pick the kind whose cue word is nearest to the figure in its sentence (see :func:`guess_kind`)."""
    return guess_kind(start, end, sentence_cues, neighbour_cues, is_money).kind


def guess_kind(start: int, end: int, sentence_cues: SentenceCues,
               neighbour_cues: Callable[[], Iterable[SentenceCues]], is_money: bool = False,
               is_percent: bool = False) -> KindGuess:
    """The kind of the figure at start:end and where it came from.

    The governing cue of its sentence decides (:meth:`SentenceCues.nearest`). With no cue in the sentence, the
    kind with most cues in the neighbouring sentences (looked up only then, through ``neighbour_cues()``) wins,
    source "neighbours"; with none there either, the kind is None, source "default".
    Ties go to the earlier kind in ``KIND_PRIORITY``. Money is never of kind "downloads".
    """
    nearest = sentence_cues.nearest(start, end, is_money, is_percent)
    if nearest.kind is not None:
        return nearest
    kinds = [kind for kind in KIND_PRIORITY if not (is_money and kind == "downloads")]
    counts = Counter()
    for cues in neighbour_cues():
        counts.update(cues.counts)
    top = max((counts[kind] for kind in kinds), default=0)
    if not top:
        return KindGuess(None, "default")
    return KindGuess(next(kind for kind in kinds if counts[kind] == top), "neighbours")
