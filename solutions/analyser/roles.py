"""Role words and the role phrase written beside a name: "Microsoft CEO Satya Nadella", "Marc Andreessen,
a prominent venture capitalist". General English; it knows no register and no case data."""

from __future__ import annotations

import re
from functools import lru_cache

#: Words that name a job or a kind of organisation (normalised); a descriptor beside a name must contain one.
ROLE_HEADS = frozenset("""
    analyst expert researcher scientist founder cofounder ceo cto cfo coo chief executive chairman chairwoman
    president head director boss leader entrepreneur investor capitalist financier billionaire commentator
    pundit economist professor academic engineer strategist journalist reporter editor columnist official
    spokesperson spokesman spokeswoman minister senator lawmaker firm fund company startup lab
    giant maker chipmaker designer developer manager partner pioneer godfather laureate officer adviser
    advisor critic blogger influencer trader owner creator inventor bank agency supplier business parent
    """.split())
#: How role words may be written before normalisation, for a quick look at the word before a name.
HEAD_SPELLINGS = ROLE_HEADS | {"co-founder", "start-up", "chip-maker", "laboratory"}
#: The last three letters of every role word, for a quick look at the word before a name.
HEAD_ENDINGS = frozenset(ending for word in HEAD_SPELLINGS for ending in (word[-3:], word[-3:].upper()))
#: Words that end a descriptor when walking away from the name.
_STOP = frozenset("""
    the a an by from of to in on at for with as like including such said says say told tells according who
    whom whose that which is was are were be been has have had and or nor but while when where than then also
    even only not its their his her our this these those per via after before about into over under against
    if because so both either between among noted added warned claimed argued believes believed
    """.split())
_WORD = re.compile(r"[\w'\u2019&.-]+")
#: Everything up to the last punctuation mark or blank line: a descriptor never reaches across one.
_LAST_BREAK = re.compile(r".*(?:[.,;:!?()\[\]\"\u201c\u201d\u2014\u2013|]|\n[ \t]*\n)", re.S)
_APPOSITIVE = re.compile(r"[ \t]*,[ \t]*([^,.;:!?()\[\]\"\u201c\u201d\u2014\u2013|\n]{1,90})")
_ARTICLE = re.compile(r"(?:a|an|the|one of the)\s", re.I)
_MAX_MODIFIERS = 4
_LOOK_BACK = 90

_POSSESSIVE = re.compile(r"'s\b")
_JOINED_PREFIX = re.compile(r"\b(co|start|chip)-(?=founder|up|maker)")
_CHIEF_EXECUTIVE = re.compile(r"\bchief executive(?: officer)?\b")
_LABORATORY = re.compile(r"\blaboratory\b")
_LOWER_WORD = re.compile(r"[a-z0-9]+")


def normalise_role(phrase: str) -> list[str]:
    """Lower-case a descriptor into words, joining spellings ('co-founder' is 'cofounder', 'chief executive' 'ceo')."""
    phrase = _POSSESSIVE.sub("", phrase.casefold().replace("\u2019", "'"))
    phrase = _JOINED_PREFIX.sub(r"\1", phrase)
    phrase = _LABORATORY.sub("lab", _CHIEF_EXECUTIVE.sub("ceo", phrase))
    return _LOWER_WORD.findall(phrase)


def role_heads(phrase: str) -> list[str]:
    """The role words of a descriptor, normalised: 'DeepSeek founder and chief executive' -> ['founder', 'ceo']."""
    return [word for word in normalise_role(phrase) if word in ROLE_HEADS]


@lru_cache(maxsize=4096)
def _is_role_word(word: str) -> bool:
    """Whether one word of text is a role word (memoised: the same words recur)."""
    return bool(role_heads(word))


def _looks_like_role(word: str) -> bool:
    word = word.casefold().replace("\u2019", "'")
    return (word[:-2] if word.endswith("'s") else word) in HEAD_SPELLINGS


def _descriptor_before(text: str, start: int) -> tuple[int, str] | None:
    """A role phrase ending right before a name ("Microsoft CEO" in "Microsoft CEO Satya Nadella")."""
    if start < 2 or not text[start - 1].isspace():
        return None
    near = text[max(0, start - 40):start].rstrip()
    if not near or not near[-1].isalpha() or not _looks_like_role(near.rsplit(None, 1)[-1]):
        return None
    window_start = max(0, start - _LOOK_BACK)
    window = text[window_start:start]
    last_break = _LAST_BREAK.match(window)
    segment_start = last_break.end() if last_break else 0
    words = _WORD.findall(window, segment_start)
    if not words or not _is_role_word(words[-1]):
        return None
    first, index, modifiers = len(words) - 1, len(words) - 2, 0
    while index >= 0 and modifiers < _MAX_MODIFIERS:
        lowered = words[index].casefold()
        if lowered in ("and", "&") and index > 0 and _is_role_word(words[index - 1]):
            first, index = index - 1, index - 2
            continue
        if lowered in _STOP or not any(map(str.isalpha, words[index])):
            break
        first, index, modifiers = index, index - 1, modifiers + 1
    position = len(window)
    for word in reversed(words[first:]):
        position = window.rfind(word, segment_start, position)
    begin = window_start + position
    return begin, text[begin:start].rstrip()


def _descriptor_after(text: str, end: int) -> tuple[int, str] | None:
    """An appositive role after a name ("a prominent venture capitalist" in "Marc Andreessen, a prominent ...")."""
    match = _APPOSITIVE.match(text, end, min(len(text), end + 100))
    if not match:
        return None
    phrase = match.group(1).rstrip()
    if not phrase or len(phrase.split()) > 8:
        return None
    article = _ARTICLE.match(phrase)
    first_words = phrase[article.end() if article else 0:].split()[:5]
    if not first_words or first_words[0].casefold() in _STOP or not role_heads(" ".join(first_words)):
        return None
    return match.start(1) + len(phrase), phrase


def role_beside_name(text: str, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """The descriptor before a name, else the one after it, as ((span start, span end), descriptor)."""
    if start >= 4 and text[start - 4:start - 1] in HEAD_ENDINGS:
        before = _descriptor_before(text, start)
        if before is not None:
            return (before[0], end), before[1]
    if text.startswith(",", end) or text.startswith(" ,", end):
        after = _descriptor_after(text, end)
        if after is not None:
            return (start, after[0]), after[1]
    return None
