"""Reported speech: a named source credited without quotation marks ("X noted that …", "X has announced …").

General English; it reads no case data."""

from __future__ import annotations

import re

from solutions.analyser.attribution import ROLE_WORDS, bare, is_vague_source, proper_names, word_set
from solutions.analyser.sentences import sentence_spans

#: Verbs that report what a named source said, wrote or announced ("X noted that", "X has announced").
REPORTING_VERBS = word_set("""
    said says told tells wrote writes noted notes stated states explained explains argued argues claimed
    claims warned warns acknowledged acknowledges admitted admits emphasized emphasised emphasizes
    emphasises stressed stresses suggested suggests announced announces declared declares posted posts
    tweeted tweets estimated estimates predicted predicts revealed reveals disclosed discloses confirmed
    confirms denied denies urged urges urging insisted insists reported reports believes believed
""")
#: "X points to Y": a verb that reports speech only with "to" after it.
_POINTS_TO = word_set("points pointed")
#: Words that may stand between a subject and its verb ("has publicly acknowledged").
_BETWEEN = word_set("""
    has have had is are was were will would also publicly recently later previously then once openly
    repeatedly separately further already now even still first just
""")
_CONNECTORS = word_set("and & from of at")
#: How far back from a verb its subject is read (a bound that keeps long one-line texts fast).
_SUBJECT_REACH = 300
_TOKEN = re.compile(r"[\w\u2019'&.\-]+|[^\w\s]")
#: "Meta, another flagship U.S. entity, announced": a name, an appositive description, then the verb.
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|(?<=[\s(]))([A-Z][\w\u2019'&.\-]*(?:[ \t]+[A-Z][\w\u2019'&.\-]*){0,3}),[ \t]+"
    r"((?:a|an|another|the)[ \t]+[^,;:()\n]{1,80}),[ \t]*$")
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)[ \t]+$")
POSSESSIVE_DESCRIPTION = re.compile(r"^the[ \t]+([a-z][\w\-]*)[\u2019']s[ \t]+\S", re.IGNORECASE)


def _is_name_word(token: str) -> bool:
    return token[:1].isupper()


def _is_subject_word(token: str) -> bool:
    word = bare(token).casefold()
    return _is_name_word(token) or word in ROLE_WORDS or word in _CONNECTORS


def _subject_before(text: str, floor: int, verb_start: int) -> tuple[int, int, str | None] | None:
    """The subject of a reporting verb: (start, end, appositive role or None), read back from the verb.

    The subject is a run of names, role words and joining words ("AI researcher Jeffrey Hinton",
    "Industry experts from Microsoft and Benchmark", "the company's CEO"); a run that starts with a
    joining word after another word ("The success *of DeepSeek*") is part of a larger subject and does
    not count. "Meta, another flagship U.S. entity, announced" gives "Meta" with its description.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, floor, verb_start)]
    index = len(tokens) - 1
    while index >= 0 and tokens[index][2].casefold() in _BETWEEN:
        index -= 1
    if index < 0:
        return None
    head, end = index, tokens[index][1]
    if tokens[index][2] == ",":
        prefix = text[floor:end]
        appositive = _APPOSITIVE_SUBJECT.search(prefix)
        if appositive is None:
            return None
        return floor + appositive.start(1), floor + appositive.end(1), appositive.group(2).strip()
    first = None
    while index >= 0:
        token = tokens[index][2]
        if token.casefold() == "the":
            first = index
            break
        if not _is_subject_word(token):
            break
        first, index = index, index - 1
    if first is None:
        return None
    stopped_at_word = tokens[first][2].casefold() != "the" and index >= 0 and tokens[index][2][:1].isalnum()
    if bare(tokens[first][2]).casefold() in _CONNECTORS and stopped_at_word:
        return None
    while first <= head and bare(tokens[first][2]).casefold() in _CONNECTORS:
        first += 1
    if first > head or tokens[head][2].casefold() == "the" or bare(tokens[head][2]).casefold() in _CONNECTORS:
        return None
    return tokens[first][0], end, None


def reported_speech(text: str) -> list[dict]:
    """Sentences that credit a named source without quotation marks: "X noted that …", "X has announced …".

    Each dict has ``text`` (the subject and verb, ``text[start:end]``), ``start``, ``end``, ``subject``
    (the phrase naming the source), ``verb``, ``role`` (a description set off by commas, or None) and
    ``subject_start``/``subject_end``. Only subjects made of names and role words count ("Investment
    firm Geiger Capital", "the company's CEO", "DeepSeek's engineers"); a vague subject ("experts") is
    left to :func:`~solutions.analyser.attribution.vague_attributions`, and "The success of DeepSeek suggests" is
    not speech. Never raises on a string; anything else gives an empty list.
    """
    if not isinstance(text, str) or not text:
        return []
    found = []
    for sentence_start, sentence_end in sentence_spans(text):
        sentence = text[sentence_start:sentence_end]
        for match in re.finditer(r"[A-Za-z]+", sentence):
            if not match.group().islower():
                continue  # "the United States" is not a verb
            word = match.group()
            verb_start, verb_end = sentence_start + match.start(), sentence_start + match.end()
            if word in _POINTS_TO:
                if not re.match(r"[ \t]+to\b", text[verb_end:verb_end + 4]):
                    continue
            elif word not in REPORTING_VERBS:
                continue
            if word == "urging" and not _PROGRESSIVE.search(text, max(0, verb_start - 6), verb_start):
                continue  # "are urging" reports; ", urging" is a participle with no subject of its own
            subject = _subject_before(text, max(sentence_start, verb_start - _SUBJECT_REACH), verb_start)
            if subject is None:
                continue
            start, end, role = subject
            phrase = text[start:end]
            if is_vague_source(phrase) and not POSSESSIVE_DESCRIPTION.match(phrase):
                continue
            if not proper_names(phrase) and not POSSESSIVE_DESCRIPTION.match(phrase):
                continue
            found.append({"text": text[start:verb_end], "start": start, "end": verb_end, "subject": phrase,
                          "verb": match.group(), "role": role, "subject_start": start, "subject_end": end})
    return found
