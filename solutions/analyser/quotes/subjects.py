"""Finding the subject of a speech verb: the words naming who speaks, before the verb, after it, or as the
first named person or organisation of a sentence."""

from __future__ import annotations

import re
from itertools import islice

from solutions.analyser.attribution import is_place, is_relative_clause, looks_like_role, proper_names
from solutions.analyser.attribution.words import PARTY_TAG
from solutions.analyser.quotes.context import QuoteContext
from solutions.analyser.quotes.words import (
    ADVERBS, BE_BEFORE, CLAUSE_BREAK, DETERMINERS, first_tokens, FUNCTION_WORDS, last_tokens, NAME_JOINER,
    POSSESSOR_APPOSITIVE, PRONOUN_SUBJECTS, SPEECH_VERBS, SUBJECT_OPENERS, SUBJECT_STOP, TIME_WORDS, Token,
)

def _plausible(tokens: list[Token]) -> bool:
    """A subject starts with a name, a pronoun or a determiner, never with another function word."""
    first = tokens[0].word
    if first in ("it", "this", "that", "there") and len(tokens) > 1:
        return False
    return first in SUBJECT_OPENERS or first not in FUNCTION_WORDS


def subject_after_verb(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """The subject after an inverted verb: "said Sam Altman, the OpenAI chief" gives "Sam Altman"."""
    taken: list[Token] = []
    while index < len(tokens) and len(taken) < 8:
        token = tokens[index]
        if not token.word or (taken and token.word in SUBJECT_STOP):
            break
        taken.append(token)
        if token.ends_sentence:
            break
        index += 1
    if not taken:
        return None
    named = _name_after_role(tokens, taken, index)  # "said its director, Helen Marsh": "its" opens no subject
    if named is not None:
        return named
    if not _plausible(taken):
        return None
    return taken[0].start, taken[-1].end - (1 if taken[-1].ends_sentence else 0)


def _name_after_role(tokens: list[Token], taken: list[Token], index: int) -> tuple[int, int] | None:
    """The name after a role and a comma: "said the studio's distribution chief, Gregory Amsel" and "said Gemo's
    chief executive, Ruth Callander" give the name (the role, a descriptor opening with a determiner or a
    possessive, only describes the speaker)."""
    opener = taken[0]
    possessor = len(taken) > 1 and opener.text[:1].isupper() and opener.text.endswith(("'s", "\u2019s"))
    if not (opener.word in DETERMINERS or possessor) or taken[-1].ends_sentence or index >= len(tokens) \
            or tokens[index].text != ",":
        return None
    name: list[Token] = []
    for token in tokens[index + 1:index + 6]:
        if not token.word:
            break
        if not token.text[0].isupper():
            return None
        name.append(token)
        if token.ends_sentence:
            break
    if not name or not proper_names(" ".join(token.text.rstrip(".") for token in name)):
        return None
    return name[0].start, name[-1].end - (1 if name[-1].ends_sentence else 0)


def subject_then_verb(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """A subject then a speech verb: "MTI said", "Wang, CEO of Scale AI, told CNBC", "Nadella on Monday said"."""
    taken: list[Token] = []
    end = None
    while index < len(tokens) and len(taken) <= 8:
        token = tokens[index]
        word = token.word
        if taken and word in SPEECH_VERBS:
            return (taken[0].start, end) if _plausible(taken) else None
        if not word:
            if token.text != "," or not taken or end != taken[-1].end:
                return None
            closing = _appositive_close(tokens, index)
            if closing is None:
                return None
            end, index = tokens[closing - 1].end, closing + 1
            continue
        if taken and word in ADVERBS:
            index += 1
            continue
        if taken and word in ("on", "in", "last", "this", "during", "at"):
            for later in tokens[index + 1:index + 5]:
                if later.word in SPEECH_VERBS:
                    return (taken[0].start, end) if _plausible(taken) else None
                if not later.word:
                    break
            return None
        if end is not None and end != (taken[-1].end if taken else None):
            return None  # only adverbs or a verb may follow an appositive
        if token.ends_sentence:
            return None
        taken.append(token)
        end = token.end
        index += 1
    return None


def _appositive_close(tokens: list[Token], comma: int) -> int | None:
    for index in range(comma + 1, min(len(tokens), comma + 20)):
        text = tokens[index].text
        if text == ",":
            return index if index > comma + 1 else None
        if not tokens[index].word and text not in ("&", "-", "(", ")"):
            return None
    return None


def words_until_punctuation(tokens: list[Token], index: int, limit: int) -> tuple[int, int] | None:
    taken = []
    while index < len(tokens) and len(taken) < limit and tokens[index].word:
        taken.append(tokens[index])
        if tokens[index].ends_sentence:
            break
        index += 1
    return (taken[0].start, taken[-1].end - (1 if taken[-1].ends_sentence else 0)) if taken else None


def short_named(phrase: str) -> bool:
    return len(phrase.split()) <= 3 and (bool(proper_names(phrase)) or phrase.strip().casefold() in PRONOUN_SUBJECTS)


def subject_before(context: QuoteContext, floor: int, verb_start: int) -> tuple[int, int] | None:
    """The subject right before a verb, reading back: "Microsoft CEO Satya Nadella (has publicly) said"."""
    text = context.text
    tokens = last_tokens(text, floor, verb_start, 60)
    index = _skip_adverbials(tokens, len(tokens) - 1)
    role_end, asides = None, 0
    while index >= 0 and tokens[index].text == "," and asides < _ASIDES:
        # "Graham Pettit, 71, who has lived here for decades, said": read back over each aside set off by commas
        opening = index - 1
        while opening >= 0 and (tokens[opening].word or tokens[opening].text in _INSIDE_WORDS) and index - opening <= 30:
            opening -= 1
        between = text[tokens[opening].end:tokens[index].start] if opening >= 0 else ""
        if opening < 0 or tokens[opening].text != "," or not _aside(between):
            if asides == 0:
                return None
            break
        role_end = tokens[index].start if looks_like_role(between) else tokens[opening].start
        index, asides = opening, asides + 1
    if asides:
        index -= 1  # the word before the first aside's comma ends the subject
    last = index
    while index >= 0 and last - index < 8 and tokens[index].word and tokens[index].word not in CLAUSE_BREAK \
            and not (index < last and tokens[index].ends_sentence):
        index -= 1
    taken = tokens[index + 1:last + 1]
    if len(taken) > 1 and not asides and taken[-1].word in PRONOUN_SUBJECTS:
        taken = taken[-1:]  # "a figure it said was": a relative clause with no "that"; the pronoun is the subject
    if not taken or not _plausible(taken):
        return None
    return taken[0].start, role_end if role_end is not None else taken[-1].end


#: How many asides set off by commas may stand between a subject and its verb.
_ASIDES = 4
#: Marks that stand inside an aside's words ("St Aldric's Hospital", "Procter & Gamble").
_INSIDE_WORDS = frozenset({"'", "\u2019", "-", "&", "\u2013"})
#: An age as an aside: "Marco Lentini, 51, said".
_AGE = re.compile(r"\d{1,3}")


def _aside(between: str) -> bool:
    """An aside between a subject and its verb: a role ("a neurologist at X"), a relative clause, an age, or a role
    followed by a relative clause ("a neurologist in London who was not involved in the study")."""
    between = between.strip()
    if looks_like_role(between) or is_relative_clause(between) or _AGE.fullmatch(between) or is_place(between) \
            or PARTY_TAG.fullmatch(between):  # "Sen. Harold Brannigan, R-Kan., the chairman of ..., said"
        return True  # "Grace Namutebi, 34, a head teacher in Kamuli District, Uganda, whose school ..., said"
    role, relative, _ = between.partition(" who ")
    return bool(relative) and looks_like_role(role)


def _skip_adverbials(tokens: list[Token], index: int) -> int:
    """Step back over "has publicly", "on Monday", "in a statement" between a subject and its verb."""
    while index >= 0:
        word = tokens[index].word
        if not word:
            break  # a comma ends the adverbials: "..., in the study," is an aside, not "in a statement"
        if word in ADVERBS:
            index -= 1
        elif index >= 1 and tokens[index - 1].word in ("on", "last", "this", "next") and word in TIME_WORDS:
            index -= 2
        elif index >= 2 and tokens[index - 2].word == "in" and tokens[index - 1].word in DETERMINERS:
            index -= 3
        elif index >= 3 and tokens[index - 3].word == "in" and tokens[index - 2].word in DETERMINERS:
            index -= 4
        else:
            break
    return index


def first_subject(context: QuoteContext, start: int, end: int) -> tuple[int, int] | None:
    """The main subject of a sentence part: its first named person or organisation, or a leading pronoun."""
    mentions = [m for m in context.names.within(start, end) if not _place_or_object(context.text, m)]
    if mentions:
        group = [mentions[0]]
        for mention in mentions[1:]:
            if not (NAME_JOINER.fullmatch(context.text, group[-1].end, mention.start)
                    or POSSESSOR_APPOSITIVE.fullmatch(context.text, group[-1].end, mention.start)):
                break
            group.append(mention)
        chosen = context.sources.choose(group)
        return context.sources.role_prefix_start(group[0].start), context.sources.appositive_end(chosen)
    for token in first_tokens(context.text, start, min(end, start + 40), 3):
        if token.word in PRONOUN_SUBJECTS:
            return token.start, token.end
    return None


def _place_or_object(text: str, mention) -> bool:
    """A place, a name after "in" ("Researchers in the Netherlands": where someone is), or a name after another
    preposition or in brackets ("In a notice to the Nigerian Exchange (NGX), the bank said": an object): not who
    speaks."""
    return is_place(mention.name) or _PREPOSITION_BEFORE.search(text, max(0, mention.start - 9),
                                                                 mention.start) is not None


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|with|by|for|from|against|than)[ \t]+(?:the[ \t]+)?\Z|\(\Z")


def _named_subject(context: QuoteContext, start: int, end: int) -> tuple[int, int] | None:
    """The sentence's subject when it names someone: "The chipmaker's CFO, Colette Kress, struck a similar tone"."""
    reach = min(end, start + 80)
    mentions = [m for m in context.names.within(start, reach) if not is_place(m.name)]
    if mentions:
        chosen = context.sources.choose(mentions)
        return start, context.sources.appositive_end(chosen)
    tokens = first_tokens(context.text, start, reach, 1)
    if tokens and proper_names(tokens[0].text) and not tokens[0].word.endswith("s"):
        return tokens[0].start, tokens[0].end - (1 if tokens[0].ends_sentence else 0)
    return None


def trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t,.;:":
        end -= 1
    return end


#: How many words may open a sentence before the speech verb of its main clause.
_OPENING_WORDS = 8
_WORD_END = re.compile(r"\S+")


def sentence_speaker(context: QuoteContext, start: int, end: int) -> tuple[int, int] | None:
    """Who speaks in the sentence start:end that comes before a quote: the subject the sentence opens with, when
    a speech verb follows it within a few words ("He said he had called Ostrander before the trade was
    announced."), else :func:`cue_subject`. A passive speech verb ("the trade was announced") names no one."""
    text = context.text
    opening = start + len(text[start:end]) - len(text[start:end].lstrip())
    for word in islice(_WORD_END.finditer(text, opening, end), 1, _OPENING_WORDS):  # never the whole sentence
        cue = context.last_cue(opening, word.end())
        if cue is None:
            continue
        kind, cue_start, _ = cue
        span = subject_before(context, opening, cue_start) if kind == "verb" else None
        if span and span[0] == opening and not BE_BEFORE.search(text, max(0, cue_start - 12), cue_start):
            return span
        break
    span = cue_subject(context, start, end)
    if span and BE_BEFORE.search(text, max(0, span[1] - 12), span[1] + 1):
        return None
    return span


def cue_subject(context: QuoteContext, start: int, end: int) -> tuple[int, int] | None:
    """Who speaks in the sentence start:end: the subject of its last speech verb, else the person or
    organisation it opens with."""
    cue = context.last_cue(start, end)
    if cue is None:
        return _named_subject(context, start, end)
    kind, cue_start, cue_end = cue
    if kind == "participle":
        return first_subject(context, start, cue_start)
    if kind == "according":
        return words_until_punctuation(first_tokens(context.text, cue_end, end), 0, 10)
    return subject_before(context, start, cue_start)
