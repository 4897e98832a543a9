"""Who said it, and can a reader check it? Every attribution in a text, and the kind of source behind it.

An *attribution* is the part of a sentence that says where a claim comes from: a quotation with its
speaker ("…," said X), reported speech with a named subject ("Meta CEO Mark Zuckerberg has announced
…"), or a vague credit ("industry experts estimate", "reportedly"). :func:`attributions` finds all three
in any text, using :func:`~solutions.analyser.quotes.extract_quotes`, :func:`~solutions.analyser.attribution.vague_attributions`
and a small reader of reported speech (:func:`reported_speech`).

**The rule** (:func:`classify_attribution`) sorts every attribution into one of four kinds, asking in
this order:

1. **Vague**: the text does not name anyone a reader could contact or look up ("experts", "analysts",
   "reportedly", "Meta employees", "has impressed experts", "in third-party benchmark tests", "a move
   perceived as"). Whoever really said it, the reader cannot tell.
2. **Self-reported**: the source is named, and it speaks about its own organisation's work, figures or
   plans (DeepSeek's engineers on DeepSeek's model, Meta's chief executive on Meta's spending). You can
   check that they said it, but their word is not independent confirmation. In words the code uses: the source
   belongs to an organisation (it *is* one, the people register links the person to it, or the phrase
   names it, as in "Meta CEO"), and the rest of the sentence names that organisation, points back to it
   (its, their, our, the company) before naming anyone else, or the source *announces*, *reveals*,
   *discloses* or *confirms* something without naming anyone else.
3. **Named and checkable**: the source is named, and for every fact row matched to the attribution the
   fact sheet found a record of the source on the matter (an interview, a post, a report: a source and a
   verdict other than unverifiable). Checkable is not the same as right: the record can show that the
   article changed the speaker's words.
4. **Named but unverifiable**: the source is named, but for at least one matched fact row no record was
   found (verdict "unverifiable"). That means *no record was found*, not that the claim is false.

A fact row whose ``also`` verdicts include "unverifiable" (or whose main verdict is unverifiable while an
``also`` verdict is not) supports both of the last two kinds, and a source given only by its role ("the
company's CEO") is vague too for a reader who takes the first question literally: :func:`accepted_classes`
lists every kind the evidence supports, the main one first.

A named source that no fact row covers gets :data:`NOT_CHECKED` ("named, not checked"): the kit cannot
say whether a reader could check it, because the kit has not tried. That is what happens on a teacher's own
article; every named attribution in the five seed articles has a fact row.

:func:`seed_attributions` runs all of this on the five seed articles and matches each attribution to its
fact rows (:func:`match_facts`), with verdicts and sources. A credit that names several sources, each checked
by its own part of a split fact row ("Industry experts from Microsoft and Benchmark": ATT-09a and ATT-09b), is
counted and classified once per source (:func:`split_by_source`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from solutions.data.articles import article_ids, article_text, paragraph_at
from solutions.analyser.attribution import ROLE_WORDS, Sources, bare, is_vague_source, proper_names, vague_attributions, word_set
from solutions.data.datafiles import cached
from solutions.data.facts import NO_SOURCE_MARKERS, fact, find_fragments, has_source, load_facts, locate_wording
from solutions.chapters.people import load_people, person
from solutions.analyser.quotes import extract_quotes
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import fold

CHECKABLE = "named and checkable"
UNVERIFIABLE = "named but unverifiable"
VAGUE = "vague"
SELF_REPORTED = "self-reported"
#: The four kinds of attribution, in the order the chapter teaches them.
CLASSES = (CHECKABLE, UNVERIFIABLE, VAGUE, SELF_REPORTED)
#: A named source that no fact row covers: the kit has not checked it.
NOT_CHECKED = "named, not checked"

#: What each kind means, in plain words.
CLASS_MEANINGS = {
    CHECKABLE: "A named person or organisation, and the fact sheet found a record of what they said on the matter "
               "(an interview, a post, a report) to compare the article with. The record can still show that the "
               "article changed their words.",
    UNVERIFIABLE: "A named person or organisation, but the fact sheet found no record of them saying it, in any "
                  "words. That does not make it false: it cannot be checked.",
    VAGUE: "The source is not named: “experts”, “analysts”, “reportedly”. A reader cannot ask them or look "
           "them up.",
    SELF_REPORTED: "A named source speaking about its own work, figures or plans. You can check that they said "
                   "it, but a company's word about itself is not independent confirmation.",
    NOT_CHECKED: "A named source that the kit's fact sheet does not cover: look for the original yourself.",
}

# --- reported speech ------------------------------------------------------------------------------------

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
#: Verbs by which a source makes its own news: what it announces or reveals is normally its own.
FIRST_PARTY_VERBS = word_set("""
    announced announces revealed reveals disclosed discloses confirmed confirms
""")
#: Words that may stand between a subject and its verb ("has publicly acknowledged").
_BETWEEN = word_set("""
    has have had is are was were will would also publicly recently later previously then once openly
    repeatedly separately further already now even still first just
""")
_CONNECTORS = word_set("and & from of at")
#: How far back from a verb its subject is read (a bound that keeps long one-line texts fast).
_SUBJECT_REACH = 300
#: Words that point back to the source's own organisation.
BACK_REFERENCES = ("its", "their", "our", "the company", "the firm", "the start-up", "the startup")
_TOKEN = re.compile(r"[\w\u2019'&.\-]+|[^\w\s]")
#: "Meta, another flagship U.S. entity, announced": a name, an appositive description, then the verb.
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|(?<=[\s(]))([A-Z][\w\u2019'&.\-]*(?:[ \t]+[A-Z][\w\u2019'&.\-]*){0,3}),[ \t]+"
    r"((?:a|an|another|the)[ \t]+[^,;:()\n]{1,80}),[ \t]*$")
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)[ \t]+$")
_POSSESSIVE_DESCRIPTION = re.compile(r"^the[ \t]+([a-z][\w\-]*)[\u2019']s[ \t]+\S", re.IGNORECASE)


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
            if is_vague_source(phrase) and not _POSSESSIVE_DESCRIPTION.match(phrase):
                continue
            if not proper_names(phrase) and not _POSSESSIVE_DESCRIPTION.match(phrase):
                continue
            found.append({"text": text[start:verb_end], "start": start, "end": verb_end, "subject": phrase,
                          "verb": match.group(), "role": role, "subject_start": start, "subject_end": end})
    return found


# --- credits with no speaking verb -----------------------------------------------------------------------

#: Groups that are not anyone a reader could look up.
_UNNAMED_GROUP = r"(?:experts|analysts|observers|critics|commentators|insiders|researchers|scientists|economists)"
#: Vague credits that no verb of speaking introduces, so :func:`~solutions.analyser.attribution.vague_attributions`
#: does not read them: a group that *reacts* to the claim ("has impressed experts with its ability to …"),
#: tests run by testers it does not name ("In third-party benchmark tests, …") and a view held by people it
#: does not name ("a move perceived as …"). Each credits a judgement to a kind of judge, never to one a reader
#: could look up.
UNNAMED_CREDITS = re.compile(
    r"\b(?:impress(?:ed|es)|surpris(?:ed|es)|stun(?:ned|s)|astonish(?:ed|es)|wow(?:ed|s)|convinc(?:ed|es)"
    r"|persuad(?:ed|es)|alarm(?:ed|s)|worr(?:ied|ies)|puzzl(?:ed|es)|baffl(?:ed|es)"
    r"|caught the (?:attention|eye) of|(?:drawn|won|earned|drew) praise from)"
    rf"[ \t]+(?:(?:some|many|several|most|industry|leading|independent|outside|tech|market)[ \t]+)?{_UNNAMED_GROUP}\b"
    r"|\b(?:in|by|from|according to)[ \t]+(?:(?:some|several|many|independent|third-party|outside|external)[ \t]+)+"
    r"(?:(?:benchmark|performance|industry|lab)[ \t]+)?(?:tests|testing|studies|evaluations|assessments|benchmarks)\b"
    r"|\b(?:widely[ \t]+|generally[ \t]+|largely[ \t]+)?perceived[ \t]+as\b",
    re.IGNORECASE)


def unnamed_credits(text: str) -> list[dict]:
    """Vague credits without a verb of speaking (see :data:`UNNAMED_CREDITS`): dicts with ``text``, ``start``
    and ``end``, in order. Never raises on a string; anything else gives an empty list."""
    if not isinstance(text, str) or not text:
        return []
    return [{"text": match.group(), "start": match.start(), "end": match.end()}
            for match in UNNAMED_CREDITS.finditer(text)]


# --- organisations --------------------------------------------------------------------------------------

@cached
def _register_pattern() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every name and variant in the people register, and what each form stands for."""
    forms: dict[str, tuple[str, str]] = {}
    for row in load_people().itertuples():
        variants = [] if pd.isna(row.variants) else [part.strip() for part in str(row.variants).split("|")]
        for written in [row.name, *filter(None, variants)]:
            forms.setdefault(written, (row.name, row.kind))
    if not forms:
        return re.compile(r"(?!)"), forms  # an empty register names nobody
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"), forms


def register_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """People and organisations of the register named in ``text``: (start, end, canonical name, kind), in order.

    Names are matched as written (case matters: "Benchmark" is the firm, "benchmark" a test); where two
    forms start at the same place, the longer one wins.
    """
    if not isinstance(text, str):
        return []
    pattern, forms = _register_pattern()
    return [(match.start(), match.end(), *forms[match.group()]) for match in pattern.finditer(text)]


def organisations_of(speaker: str | None, phrase: str = "") -> tuple[str, ...]:
    """The organisations a source speaks for: itself if it is one, a person's affiliations in the register,
    and organisations named in the phrase that credits it ("Meta CEO Mark Zuckerberg" gives Meta)."""
    names: list[str] = []
    entry = person(speaker) if isinstance(speaker, str) and speaker else None
    if entry is not None:
        names += [entry["name"]] if entry["kind"] != "person" else []
        names += list(entry["affiliations"])
    names += [name for _, _, name, kind in register_mentions(phrase) if kind != "person"]
    return tuple(dict.fromkeys(names))


def speaks_for_itself(organisations: Iterable[str], rest: str, verb: str | None = None) -> bool:
    """Whether a source belonging to ``organisations`` speaks about its own work in ``rest`` (the claim).

    True when ``rest`` names one of the organisations; or points back to it (its, their, our, the
    company) before naming any other registered organisation; or when ``verb`` is one by which a source
    makes its own news (announced, revealed, disclosed, confirmed) and ``rest`` names no other one.
    """
    own = set(organisations)
    if not own or not isinstance(rest, str):
        return False
    mentions = [(start, name) for start, _, name, kind in register_mentions(rest) if kind != "person"]
    if any(name in own for _, name in mentions):
        return True
    first_other = min((start for start, _ in mentions), default=len(rest))
    lowered = rest.casefold()
    for word in BACK_REFERENCES:
        match = re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", lowered)
        if match and match.start() < first_other:
            return True
    return bool(verb) and verb.casefold() in FIRST_PARTY_VERBS and not mentions


# --- attributions in a text -----------------------------------------------------------------------------

class _Spans:
    """Spans of a text, kept sorted, with a fast test for overlap (credits and quotes are short)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, span: tuple[int, int]) -> bool:
        low = bisect.bisect_left(self.spans, (span[0] - self.longest, -1))
        high = bisect.bisect_left(self.spans, (span[1], -1))
        return any(other[0] < span[1] and span[0] < other[1] for other in self.spans[low:high])


def _sentence_of(spans: list[tuple[int, int]], starts: list[int], position: int) -> tuple[int, int]:
    index = bisect.bisect_right(starts, position) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return position, position


#: How much of a sentence around a credit counts as the claim it credits (a bound for very long sentences).
_CLAIM_REACH = 400


def _window(start: int, end: int, span: tuple[int, int]) -> tuple[int, int]:
    """The part of start:end within :data:`_CLAIM_REACH` characters of a credit's span."""
    return max(start, span[0] - _CLAIM_REACH), min(end, span[1] + _CLAIM_REACH)


def _without(text: str, cut: tuple[int, int], span: tuple[int, int]) -> str:
    """The text of ``span`` with the part ``cut`` blanked out (offsets kept)."""
    start, end = span
    piece = list(text[start:end])
    for index in range(max(cut[0], start), min(cut[1], end)):
        piece[index - start] = " "
    return "".join(piece)


def attributions(text: str) -> list[dict]:
    """Every attribution in ``text``, in order: quotes, reported speech and vague credits (those of
    :func:`~solutions.analyser.attribution.vague_attributions` and of :func:`unnamed_credits`).

    Each dict has ``kind`` ("quote", "reported" or "vague"), ``start``/``end`` (the phrase that credits
    the source, else the quote), ``credit`` (that phrase as written), ``quote`` (the quoted words, or
    None), ``speaker`` (the named source, or None), ``role``, ``named`` (bool), ``organisations`` (what
    the source speaks for, see :func:`organisations_of`), ``own_work`` (see :func:`speaks_for_itself`),
    ``sentence`` (the sentence's text, at most 400 characters either side of the credit) and
    ``sentence_start`` (where that text starts in ``text``). A vague credit inside a quote's attribution
    ("reportedly" in "Meta employees reportedly entered 'panic mode'") is part of that quote's row.
    Never raises on a string; anything else gives an empty list.
    """
    if not isinstance(text, str) or not text:
        return []
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    sources = None
    found: list[dict] = []
    vague = vague_attributions(text)
    vague_spans = _Spans((v["start"], v["end"]) for v in vague)
    taken = _Spans()
    for quote in extract_quotes(text):
        credit = quote["attribution"]
        span = (credit["start"], credit["end"]) if credit else (quote["start"], quote["end"])
        sentence = _sentence_of(spans, starts, span[0])
        named = not quote["vague_attribution"] and not vague_spans.overlaps(span)
        organisations = organisations_of(quote["speaker"], credit["text"] if credit else "") if named else ()
        rest = _without(text, span, _window(min(sentence[0], quote["start"]), max(sentence[1], quote["end"]), span))
        found.append(_attribution("quote", text, span, quote["quote"], quote["speaker"], quote["speaker_role"],
                                  named, organisations, named and speaks_for_itself(organisations, rest), sentence))
        taken.add(span)
        taken.add((quote["start"], quote["end"]))
    for speech in reported_speech(text):
        span = (speech["start"], speech["end"])
        if taken.overlaps(span) or vague_spans.overlaps(span):
            continue
        sentence = _sentence_of(spans, starts, span[0])
        sources = sources or Sources(text)
        speaker, role, phrase = _speaker(text, sources, speech)
        organisations = organisations_of(speaker, phrase)
        rest = _without(text, (speech["subject_start"], speech["subject_end"]), _window(*sentence, span))
        found.append(_attribution("reported", text, span, None, speaker, role, True, organisations,
                                  speaks_for_itself(organisations, rest, speech["verb"]), sentence))
        taken.add(span)
    for phrase in [*vague, *unnamed_credits(text)]:  # vague phrases first, then credits without a speech verb
        span = (phrase["start"], phrase["end"])
        if taken.overlaps(span):
            continue
        found.append(_attribution("vague", text, span, None, None, None, False, (), False,
                                  _sentence_of(spans, starts, span[0])))
        taken.add(span)
    found.sort(key=lambda item: item["start"])
    return found


def _speaker(text: str, sources: Sources, speech: dict) -> tuple[str | None, str | None, str]:
    """The named source of reported speech, its role, and the phrase to read organisations from."""
    start, end = speech["subject_start"], speech["subject_end"]
    phrase = text[start:end]
    description = _POSSESSIVE_DESCRIPTION.match(phrase)
    if description:  # "the company's CEO": the organisation the text calls "the company"
        mention = sources.resolve_description(description.group(1), start)
        owner = sources.names.full_name(mention.name, mention.start) if mention else None
        if owner is None:  # else the last registered organisation named before the phrase
            before = [name for _, _, name, kind in register_mentions(text[max(0, start - 2000):start])
                      if kind != "person"]
            owner = before[-1] if before else None
        return owner, phrase, f"{phrase} {owner or ''}"
    source = sources.describe(start, end, start)
    return source.speaker, speech["role"] or source.role, phrase


def _attribution(kind: str, text: str, span: tuple[int, int], quote: str | None, speaker: str | None,
                 role: str | None, named: bool, organisations: tuple[str, ...], own_work: bool,
                 sentence: tuple[int, int]) -> dict:
    start, end = _window(*sentence, span)
    return {"kind": kind, "start": span[0], "end": span[1], "credit": text[span[0]:span[1]], "quote": quote,
            "speaker": speaker, "role": role, "named": named, "organisations": organisations,
            "own_work": own_work, "sentence": text[start:end], "sentence_start": start}


# --- the rule -------------------------------------------------------------------------------------------

def _found_source(row: Mapping) -> bool:
    """Whether the fact sheet found where a claim was made: a verdict other than unverifiable, and a source."""
    return str(row["verdict"]) != "unverifiable" and has_source(row)


def classify_attribution(attribution: Mapping, facts: Iterable[Mapping] = ()) -> str:
    """The kind of source behind one attribution (one of :data:`CLASSES`, or :data:`NOT_CHECKED`).

    ``attribution`` needs ``named`` and ``own_work`` (as :func:`attributions` gives them); ``facts`` are
    the fact rows matched to it (each with ``verdict``, ``source_title`` and ``source_date``). The order of
    the questions is the rule in this module's docstring: vague, then self-reported, then whether the
    fact sheet found the statement.
    """
    if not attribution.get("named"):
        return VAGUE
    if attribution.get("own_work"):
        return SELF_REPORTED
    rows = list(facts)
    if not rows:
        return NOT_CHECKED
    return CHECKABLE if all(_found_source(row) for row in rows) else UNVERIFIABLE


def _supported_verdicts(row: Mapping) -> tuple[str, ...]:
    """A fact row's main verdict and its ``also`` verdicts (a row without the column has only the main one)."""
    also = row.get("also", ()) if hasattr(row, "get") else ()
    if isinstance(also, str):
        also = tuple(part.strip() for part in also.split(";") if part.strip())
    elif not isinstance(also, (tuple, list)):
        also = ()
    return (str(row["verdict"]), *map(str, also))


def described_only(attribution: Mapping) -> bool:
    """Whether a named source is given only by a role, never by its name: "the company's CEO acknowledges"
    (the kit reads "the company" as the organisation named before it). Read literally, the first question of
    the rule ("is anyone named?") says no; read as the rule means it ("could a reader look the source up?"), a
    role that only one person holds says yes."""
    credit = str(attribution.get("credit") or "")
    speaker = attribution.get("speaker")
    return (bool(attribution.get("named")) and bool(_POSSESSIVE_DESCRIPTION.match(credit))
            and not (isinstance(speaker, str) and speaker and _folded_in(speaker, credit)))


def accepted_classes(attribution: Mapping, facts: Iterable[Mapping] = ()) -> tuple[str, ...]:
    """Every kind of source the evidence supports for one attribution: :func:`classify_attribution` first.

    The last two kinds can differ when a matched fact row has more than one verdict: "named but
    unverifiable" is supported when some row has "unverifiable" among its verdicts (main or ``also``), and
    "named and checkable" when every row has a source and a verdict other than unverifiable. And a source
    given only by its role ("the company's CEO", see :func:`described_only`) is vague as well, for a reader
    who takes "is anyone named?" literally.
    """
    rows = list(facts)
    main = classify_attribution(attribution, rows)
    extra = (VAGUE,) if described_only(attribution) else ()
    if main not in (CHECKABLE, UNVERIFIABLE):
        return tuple(dict.fromkeys((main, *extra)))
    supported = [main]
    if any("unverifiable" in _supported_verdicts(row) for row in rows):
        supported.append(UNVERIFIABLE)
    if all(has_source(row) and any(v != "unverifiable" for v in _supported_verdicts(row)) for row in rows):
        supported.append(CHECKABLE)
    return tuple(dict.fromkeys((*supported, *extra)))


# --- matching the fact sheet --------------------------------------------------------------------------------

def _folded_in(needle: str, haystack: str) -> bool:
    needle = fold(needle)
    return bool(needle) and needle in fold(haystack)


def _clause_after(sentence: str, at: int, credit: str) -> str:
    """The credit and the words after it, up to the end of its clause: a comma, semicolon, colon or dash,
    but not the comma inside a number ("2,000")."""
    start = max(at, 0)
    rest = sentence[start + len(credit):]
    stop = re.search(r"[;:\u2014\u2013]|,(?!\d)| - ", rest)
    return sentence[start:start + len(credit) + (stop.start() if stop else len(rest))]


def match_facts(article_id: str, attribution: Mapping, paragraph: int) -> list[str]:
    """The fact rows that check one attribution in a seed article, best match first.

    1. Rows whose wording, found in the same paragraph, contains the credit or the quoted words, or is
       contained in the credit ("Investment firm Geiger Capital"); together with the rows whose wording
       is found in the credit's own clause ("AI researcher Jeffrey Hinton *points to China's stronger
       STEM education …*", but not a motive the writer adds after a comma).
    2. Otherwise, for a named source, rows whose wording is found in the attribution's sentence after the
       credit. A vague credit is never matched this way: the rest of its sentence is not the vague
       source's claim ("has impressed experts with its ability …, despite relying on fewer chips").
    3. Otherwise the register's row for the named speaker, when that row lists the article (article 001
       words Nadella's remark differently from the fact sheet's wording).
    """
    here = []
    for claim_id in load_facts()["claim_id"]:
        places = _located(claim_id)
        for alternative, place_article, place_paragraph in places:
            if place_article == article_id and place_paragraph == paragraph:
                here.append((claim_id, alternative))
    texts = [attribution.get("quote"), attribution.get("credit")]
    credit = attribution.get("credit") or ""
    sentence = attribution.get("sentence") or ""
    credit_at = fold(sentence).find(fold(credit))
    first = [claim_id for claim_id, alternative in here
             if any(part and _folded_in(part, alternative) for part in texts)
             or _folded_in(alternative, credit)]
    if credit_at >= 0 and credit:
        clause = _clause_after(sentence, sentence.find(credit) if credit in sentence else credit_at, credit)
        first += [claim_id for claim_id, alternative in here
                  if find_fragments(_fragments(alternative), clause) is not None]
    if first:
        return list(dict.fromkeys(first))
    if not attribution.get("named"):
        return []
    second = [claim_id for claim_id, alternative in here
              if (found := find_fragments(_fragments(alternative), sentence)) is not None and found >= credit_at >= 0]
    if second:
        return list(dict.fromkeys(second))
    entry = person(attribution["speaker"]) if attribution.get("speaker") else None
    if entry is not None and article_id in fact(entry["claim_id"])["seed_ids"]:
        return [entry["claim_id"]]
    return []


def _fragments(alternative: str) -> list[str]:
    """A located wording's fragments (:func:`~solutions.data.facts.locate_wording` joins them with " ... ")."""
    return [fragment for fragment in alternative.split(" ... ") if fragment]


@cached
def _located_table() -> dict:
    table: dict = {}
    for claim_id in load_facts()["claim_id"]:
        rows = locate_wording(claim_id)
        table[claim_id] = tuple((r.alternative, r.article_id, int(r.paragraph)) for r in rows.itertuples())
    return table


def _located(claim_id: str) -> tuple:
    return _located_table().get(claim_id, ())


def document_owner(title: str) -> str | None:
    """The registered organisation a source title begins with ("DeepSeek-V3 Technical Report" -> DeepSeek).

    A document whose title starts with an organisation's name is that organisation's own: its report, its
    release note, its announcement. None when the title starts with anything else.
    """
    if not isinstance(title, str):
        return None
    for start, _, name, kind in register_mentions(title.strip()):
        if start == 0 and kind != "person":
            return name
    return None


def source_owner(claim_id: str) -> str | None:
    """The registered organisation whose own document the fact sheet cites for a claim, or None.

    The first source title decides (see :func:`document_owner`): "DeepSeek-V3 Technical Report" is
    DeepSeek's, "OpenAI '12 Days of OpenAI' transcript" OpenAI's. None when no source was found.
    """
    row = fact(claim_id)
    if not _found_source(row):
        return None
    return document_owner(str(row["source_title"]).split(";")[0])


def _source_line(row: pd.Series) -> str:
    title = str(row["source_title"]).strip()
    if not title or title.casefold() in NO_SOURCE_MARKERS:
        return ""
    return title


def split_by_source(attribution: Mapping, claim_ids: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The parts of one credit that names several sources, each checked by its own part of a split fact row.

    "Industry experts from Microsoft and Benchmark are urging" (003 ¶5) names two registered organisations,
    and the fact sheet split its row in two (ATT-09a, ATT-09b: ``part_of`` ATT-09), each part's wording naming
    one of them. Each source is then a credit of its own, with its own rows and kind: one (source, rows) pair
    per source, in the order the credit names them. [] when the credit names fewer than two registered
    sources, when its rows are not all parts of one row, or when a part's wording does not name exactly one
    of the credit's sources (the label and the claim of one speaker, ATT-05a and ATT-05b, stay together).
    """
    credit = str(attribution.get("credit") or "")
    names = list(dict.fromkeys(name for _, _, name, _ in register_mentions(credit)))
    claim_ids = list(claim_ids)
    if len(names) < 2 or len(claim_ids) < 2:
        return []
    parents = {fact(claim_id)["part_of"] for claim_id in claim_ids}
    (parent,) = parents if len(parents) == 1 else (None,)
    if not isinstance(parent, str) or not parent.strip():
        return []
    by_name: dict[str, list[str]] = {name: [] for name in names}
    for claim_id in claim_ids:
        named = {name for _, _, name, _ in register_mentions(str(fact(claim_id)["seed_wording"]))} & set(names)
        if len(named) != 1:
            return []
        by_name[named.pop()].append(claim_id)
    if not all(by_name.values()):
        return []
    return [(name, tuple(rows)) for name, rows in by_name.items()]


def _record(article_id: str, paragraph: int, item: dict, claim_ids: tuple[str, ...], part: str | None) -> dict:
    rows = [fact(claim_id) for claim_id in claim_ids]
    owners = [owner for owner in map(source_owner, claim_ids) if owner]
    return {
        "article_id": article_id, "paragraph": paragraph, **item,
        "claim_ids": claim_ids,
        "verdicts": tuple(str(row["verdict"]) for row in rows),
        "sources": tuple(_source_line(row) for row in rows),
        "source_dates": tuple(str(row["source_date"]) for row in rows),
        "traced_to": owners[0] if owners else None,
        "class": classify_attribution(item, rows),
        "classes": accepted_classes(item, rows),
        "part": part,
    }


@cached
def _seed_table() -> pd.DataFrame:
    records = []
    for article_id in article_ids():
        text = article_text(article_id)
        for item in attributions(text):
            paragraph = paragraph_at(text, item["start"])
            claim_ids = tuple(match_facts(article_id, item, paragraph))
            parts = split_by_source(item, claim_ids)
            if not parts:
                records.append(_record(article_id, paragraph, item, claim_ids, None))
            for name, rows in parts:  # one credit, several sources: each is counted and classified on its own
                records.append(_record(article_id, paragraph, {**item, "speaker": name,
                                                               "organisations": organisations_of(name)},
                                       rows, name))
    columns = ["article_id", "paragraph", "kind", "start", "end", "credit", "quote", "speaker", "role", "named",
               "organisations", "own_work", "sentence", "sentence_start", "claim_ids", "verdicts", "sources",
               "source_dates", "traced_to", "class", "classes", "part"]
    table = pd.DataFrame(records, columns=columns)
    for column in ("quote", "speaker", "role", "traced_to", "part"):  # missing stays None, not NaN
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def seed_attributions() -> pd.DataFrame:
    """Every attribution in the five seed articles with its paragraph, fact rows, verdicts, sources and kind.

    Columns: those of :func:`attributions` plus ``article_id``, ``paragraph``, ``claim_ids`` (matched fact
    rows, see :func:`match_facts`), ``verdicts``, ``sources`` (source titles, "" where none was found),
    ``source_dates``, ``traced_to`` (the organisation whose own document a matched row cites, see
    :func:`source_owner`), ``class`` (:func:`classify_attribution`), ``classes`` (every kind the evidence
    supports, ``class`` first: :func:`accepted_classes`) and ``part`` (None, or the one source this row
    stands for when a credit naming several sources is split by :func:`split_by_source`: then the credit
    has one row per source).
    """
    return _seed_table().copy()


def attribution_for(claim_id: str) -> pd.Series:
    """The seed attribution a fact row checks (the first, if several)."""
    table = _seed_table()
    rows = table[table["claim_ids"].map(lambda ids: claim_id in ids)]
    if rows.empty:
        raise KeyError(f"No attribution in the seed articles is checked by {claim_id!r}.")
    return rows.iloc[0]


def class_counts(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many attributions of each kind each article has: one row per article, one column per kind."""
    table = seed_attributions() if table is None else table
    kinds = list(CLASSES) + ([NOT_CHECKED] if (table["class"] == NOT_CHECKED).any() else [])
    counts = pd.crosstab(table["article_id"], table["class"]).reindex(columns=kinds, fill_value=0)
    return counts.reindex(article_ids(), fill_value=0)
