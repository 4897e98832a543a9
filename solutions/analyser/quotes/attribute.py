"""Finding the attribution in a quote's own sentence: right after the quote (""...," X said", ""..." said X",
"- X, CEO of Y"), before it ("X said: "..."", "according to X", "X ... by stating"), as the agent of a label
("labeled "..." by X") or later in the sentence ("'shook' markets, says X")."""

from __future__ import annotations

import re

from solutions.analyser.attribution import is_place, is_vague_source, proper_names
from solutions.analyser.quotes.context import QuoteContext
from solutions.analyser.quotes.keep import in_headline
from solutions.analyser.quotes.marks import NOT_SPACE, Passage
from solutions.analyser.quotes.subjects import (
    first_subject, short_named, subject_after_verb, subject_before, subject_then_verb, trim_end,
    words_until_punctuation,
)
from solutions.analyser.quotes.words import (
    ACCORDING, ASKED_BEFORE, BE_BEFORE, BY_AGENT, DASH_LINE, first_tokens, INVERTIBLE_VERBS, LABEL_BEFORE,
    LABEL_VERBS, PARTICIPLES,
)

def _after_quote(context: QuoteContext, passage: Passage) -> tuple[str, tuple[int, int]] | None:
    """An attribution right after the closing mark: ", X said", " said X", ", according to X"."""
    text = context.text
    limit = min(passage.paragraph[1], passage.after + 200)
    if not _may_attribute_after(context, passage.after, limit):
        return None
    tokens = first_tokens(text, passage.after, limit, 24)
    index = 0
    while index < len(tokens) and tokens[index].text in (",", "\u2014", "\u2013", "-"):
        index += 1
    if index >= len(tokens):
        return None
    if index and tokens[index - 1].text != ",":
        dash = DASH_LINE.match(text, passage.after, limit)
        head = text[dash.start("subject"):trim_end(text, dash.end("subject"))].partition(",") if dash else None
        if head and proper_names(head[0]) and len(head[0].split()) <= 5:
            passage.role_hint = head[2].strip() or None
            return "dash", (dash.start("subject"), dash.start("subject") + len(head[0].rstrip()))
    first = tokens[index].word
    if first == "according" and index + 1 < len(tokens) and tokens[index + 1].word == "to":
        span = words_until_punctuation(tokens, index + 2, 10)
        return ("according", span) if span else None
    span = None
    if first in INVERTIBLE_VERBS:
        span = subject_after_verb(tokens, index + 1)
    if span is None:
        span = subject_then_verb(tokens, index)
    if span is None:
        return None
    phrase = text[span[0]:span[1]]
    if _closes_sentence(text, passage) and not (short_named(phrase) and "," not in phrase):
        return None  # '...their time." The city's own analysis, she noted, ...': a new sentence, not an attribution
    if _ends_clause(text, passage) or short_named(phrase):
        return "after", span
    return None


def _closes_sentence(text: str, passage: Passage) -> bool:
    """True when the quote ends its sentence inside the mark ('time."') and a capital letter opens the next."""
    if passage.close_mark is None or text[passage.close_mark - 1] not in ".!?\u2026":
        return False
    following = NOT_SPACE.search(text, passage.after, passage.after + 40)
    return following is not None and following.group(0)[:1].isupper()


def _may_attribute_after(context: QuoteContext, start: int, end: int) -> bool:
    """False when start:end surely holds no attribution for :func:`_after_quote`: it neither opens with a dash
    or comma nor has a speech verb or "according" in it."""
    if not context.crowded(start):
        return True  # reading ahead costs more than it saves where quotes are few
    opening = NOT_SPACE.search(context.text, start, end)
    if opening is None:
        return False
    return opening.group(0) in ",\u2014\u2013-" or context.first_speech_verb(start, end) is not None or \
        ACCORDING.search(context.text, start, end) is not None


def _ends_clause(text: str, passage: Passage) -> bool:
    """True when the quote closes a clause: punctuation just inside the closing mark or just after it."""
    if passage.close_mark is None:
        return False
    inside = text[passage.close_mark - 1]
    outside = text[passage.after:passage.after + 1]
    return inside in ",.!?\u2026;:\u2014-" or outside in (",", "\u2014", "\u2013", "-", ";", ":")


def _before_quote(context: QuoteContext, passage: Passage) -> tuple[str, tuple[int, int]] | None:
    """An attribution earlier in the same sentence: "X said", "according to X", "X ... by stating", "X:"."""
    text = context.text
    left_start, open_mark = passage.left_start, passage.open_mark
    cue = context.last_cue(left_start, open_mark)
    if cue is not None and _UNNAMED_CLAUSE.search(text, cue[2], open_mark):
        return None  # "Fizzwick admits ... – which insiders put at "..."": the words are the insiders', a hedge
    if cue is not None:
        kind, cue_start, cue_end = cue
        span = None
        if kind == "according":
            span = words_until_punctuation(first_tokens(text, cue_end, open_mark), 0, 10)
        elif kind == "participle":
            # "One senior government figure said Ms Pryce ..., describing it as": the unnamed opener speaks
            span = context.sources.unnamed_speaker_opening(left_start, cue_start) \
                or first_subject(context, left_start, cue_start)
            verb = context.first_speech_verb(left_start, cue_start) if span is None else None
            if verb is not None:  # "..., the bank said the offer was subscribed, describing it as "...""
                span = subject_before(context, left_start, verb[0])
        elif BE_BEFORE.search(text, max(0, cue_start - 12), cue_start):
            span = None  # "X is said to be "livid"": someone unnamed says so, not X (a hedge, if the sentence has one)
        else:
            span = (subject_before(context, left_start, cue_start)
                    or _coordinated_subject(context, left_start, cue_start)
                    or first_subject(context, left_start, cue_start))
            if span and text[cue_start:cue_end].casefold() in LABEL_VERBS and is_vague_source(text[span[0]:span[1]]):
                span = None
            relative = _relative_antecedent(text, left_start, cue_start)
            if relative and (span is None or span[1] <= relative[1]):
                span = relative  # "Bank of America, which describes Nvidia as ..."
        if span:
            return "before", span
    left = text[left_start:open_mark].rstrip()
    if left.endswith(":"):
        span = subject_before(context, left_start, left_start + len(left) - 1)
        if span and text[span[0]:span[1]].casefold() in PARTICIPLES:
            span = None  # "..., adding: "..."": the speaker of the sentence's earlier quote goes on
        if span and not (in_headline(context, passage) and len(text[span[0]:span[1]].split()) > 3):
            return "colon", span
    return None


#: A clause between a speech verb and the quote that gives the quote to unnamed people: "which insiders put at".
_UNNAMED_CLAUSE = re.compile(r"\b(?:which|that|what)[ \t]+(?:sources?|insiders?|analysts|experts|observers|critics"
                             r"|people|rivals|officials)[ \t]+[a-z]+", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|these|those|its|his|her|their|our|such)[ \t]+\Z", re.IGNORECASE)
#: A name and a relative pronoun right before a speech verb: "Bank of America, which describes", "Ana Silva, who said".
_RELATIVE_SUBJECT = re.compile(r"(?<![\w&.\-])([A-Z][\w&.\-]*(?:[ \t]+(?:of|and|&|[A-Z][\w&.\-]*))*)[ \t]*,[ \t]*"
                               r"(?:which|who)[ \t]+(?:[a-z]+[ \t]+)?\Z")


#: A name, a verb phrase and "and" before the speech verb: "though Castellano would only smile and say".
_COORDINATED = re.compile(r"(?<![\w'\u2019])([A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})[ \t]+"
                          r"(?:[a-z]+[ \t]+){1,4}(?:and|then)[ \t]+\Z")


def _coordinated_subject(context: QuoteContext, floor: int, verb_start: int) -> tuple[int, int] | None:
    """The subject shared by two verbs joined by "and" ("Castellano would only smile and say"), when it is a name
    that is not a place."""
    found = _COORDINATED.search(context.text, max(floor, verb_start - 90), verb_start)
    if found is None or is_place(found.group(1)):
        return None
    return found.span(1)


def _relative_antecedent(text: str, floor: int, verb_start: int) -> tuple[int, int] | None:
    """The name a "which" or "who" before the speech verb points back to ("Bank of America, which describes")."""
    found = _RELATIVE_SUBJECT.search(text, max(floor, verb_start - 120), verb_start)
    return found.span(1) if found else None


def attribute_passage(context: QuoteContext, passage: Passage, previous: Passage | None) -> None:
    """Find the phrase naming who said ``passage``, right beside it or earlier in its sentence."""
    text = context.text
    para_start = context.paragraph_start(passage.open_mark)
    passage.paragraph = (para_start, context.paragraph_end(passage.after))
    floor = para_start
    if previous is not None and previous.close_mark is not None and previous.close_mark >= para_start:
        floor = max(floor, previous.close_mark + 1)
    passage.left_start = context.sentence_start(passage.open_mark, floor)
    if ASKED_BEFORE.search(text, max(0, passage.open_mark - 30), passage.open_mark):
        passage.how = "question"  # the words are the asker's; the attribution after is the answer's
        return
    if passage.close_mark is not None:
        found = _after_quote(context, passage)
        if found:
            passage.how, passage.span = found
            return
        if LABEL_BEFORE.search(text, max(0, passage.open_mark - 50), passage.open_mark):
            agent = BY_AGENT.match(text, passage.after, passage.paragraph[1])
            if agent:
                passage.how, passage.span = "passive", (agent.start("subject"), trim_end(text, agent.end("subject")))
                return
    found = _before_quote(context, passage) or _later_in_sentence(context, passage)
    if found:
        passage.how, passage.span = found


def _later_in_sentence(context: QuoteContext, passage: Passage) -> tuple[str, tuple[int, int]] | None:
    """A speech verb later in the sentence: "DeepSeek 'shook' markets, says Bank of England"."""
    if passage.close_mark is None:
        return None
    text = context.text
    end = context.sentence_end(passage.after, passage.paragraph[1])
    cue = context.first_speech_verb(passage.after, end)
    if cue is None or text.find("\u201c", passage.after, cue[0]) != -1 or text.find('"', passage.after, cue[0]) != -1:
        return None
    cue_start, cue_end = cue
    if _DETERMINER_BEFORE.search(text, max(passage.after, cue_start - 8), cue_start):
        return None  # "that the claims went viral": after a determiner the word is a noun, not a speech verb
    tokens = first_tokens(text, cue_start, end)
    before = text[passage.after:cue_start].rstrip()
    if before.endswith(",") and text[cue_start:cue_end].casefold() in INVERTIBLE_VERBS:
        span = subject_after_verb(tokens, 1)
    else:
        span = subject_before(context, passage.after, cue_start)
    return ("later", span) if span else None
