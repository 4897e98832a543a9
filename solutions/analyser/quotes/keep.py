"""Keeping real quotes: a passage with an attribution is a quote, and so is a long passage that reads as speech,
a single-quoted phrase in a headline or a hedged quote ("reportedly"); short terms with no speaker, titles, a
repeated headline, a headline wrapped whole in quotation marks with no one credited, and quoted words that modify a
noun are scare quotes or names, and are left out."""

from __future__ import annotations

import re

from solutions.analyser.attribution import vague_attributions, word_set
from solutions.analyser.quotes.context import PARAGRAPH_REACH, QuoteContext
from solutions.analyser.quotes.marks import Passage
from solutions.analyser.quotes.words import COMMON_VERBS, FUNCTION_WORDS, PARTICIPLES, SPEECH_VERBS

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
    return not (word in FUNCTION_WORDS or word in SPEECH_VERBS or word in PARTICIPLES or word in COMMON_VERBS
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
    for low, high in ((0, 1000), (passage.open_mark - PARAGRAPH_REACH, passage.open_mark + PARAGRAPH_REACH)):
        low, high = max(0, low), min(len(text), high)
        found = text.find(line, low, high)
        while found != -1:
            if text[found + len(line):found + len(line) + 1] in ("", "\n", "\r"):
                return True
            found = text.find(line, found + 1, high)
    return False


def in_headline(context: QuoteContext, passage: Passage) -> bool:
    """True when the quote sits on a short line with no closing punctuation (a headline or subhead)."""
    start = context.paragraph_start(passage.open_mark)
    line = context.text[start:context.paragraph_end(passage.open_mark)].strip()
    return 0 < len(line) <= 160 and not _HEADLINE_END.search(line)


def _wrapped_headline(context: QuoteContext, passage: Passage) -> bool:
    """True for a headline wrapped whole in quotation marks, with no one credited: nobody's words."""
    if passage.close_mark is None or not in_headline(context, passage):
        return False
    start = context.paragraph_start(passage.open_mark)
    line = context.text[start:context.paragraph_end(passage.open_mark)].strip()
    return line == context.text[passage.open_mark:passage.after]


def _hedge_in_sentence(context: QuoteContext, passage: Passage) -> dict | None:
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


def keeps_quote(context: QuoteContext, passage: Passage) -> bool:
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
    headline_quote = not passage.double and in_headline(context, passage)
    if passage.how not in ("after", "according") and not headline_quote and _modifies_noun(text, passage):
        return False
    if passage.span is not None:
        return not (passage.how == "before" and len(words) <= 3 and _NAMING_BEFORE.search(
            text, max(0, passage.open_mark - 30), passage.open_mark))
    if _names_a_work(text, passage) or _wrapped_headline(context, passage):
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
