"""Who said it, and can a reader check it? Every attribution in a text, and the kind of source behind it.

An *attribution* is the part of a sentence that says where a claim comes from: a quotation with its
speaker ("…," said X), reported speech with a named subject ("Meta CEO Mark Zuckerberg has announced
…"), or a vague credit ("industry experts estimate", "reportedly"). :func:`attributions` finds all three
in any text, using :func:`~solutions.analyser.quotes.extract_quotes`, :func:`~solutions.analyser.attribution.vague_attributions`
and a small reader of reported speech (:func:`~solutions.analyser.reported_speech.reported_speech`).

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

:mod:`solutions.chapters.sourcing_seeds` runs all of this on the five seed articles and matches each
attribution to its fact rows, with verdicts and sources. A credit that names several sources, each checked by
its own part of a split fact row ("Industry experts from Microsoft and Benchmark": ATT-09a and ATT-09b), is
counted and classified once per source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from solutions.analyser.attribution import Sources, vague_attributions, word_set
from solutions.analyser.quotes import extract_quotes
from solutions.analyser.reported_speech import POSSESSIVE_DESCRIPTION, reported_speech
from solutions.analyser.sentences import sentence_spans
from solutions.analyser.text import fold
from solutions.analyser.unnamed_credits import unnamed_credits
from solutions.data.datafiles import cached
from solutions.data.facts import has_source
from solutions.data.people import load_people, person

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

# --- self-reported sources -----------------------------------------------------------------------------

#: Verbs by which a source makes its own news: what it announces or reveals is normally its own.
FIRST_PARTY_VERBS = word_set("""
    announced announces revealed reveals disclosed discloses confirmed confirms
""")
#: Words that point back to the source's own organisation.
BACK_REFERENCES = ("its", "their", "our", "the company", "the firm", "the start-up", "the startup")


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
    :func:`~solutions.analyser.attribution.vague_attributions` and of :func:`~solutions.analyser.unnamed_credits.unnamed_credits`).

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
    description = POSSESSIVE_DESCRIPTION.match(phrase)
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

def found_source(row: Mapping) -> bool:
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
    return CHECKABLE if all(found_source(row) for row in rows) else UNVERIFIABLE


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
    return (bool(attribution.get("named")) and bool(POSSESSIVE_DESCRIPTION.match(credit))
            and not (isinstance(speaker, str) and speaker and folded_in(speaker, credit)))


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


def folded_in(needle: str, haystack: str) -> bool:
    """Whether ``needle`` appears in ``haystack`` once both are folded (case, quotation marks and dashes aside)."""
    needle = fold(needle)
    return bool(needle) and needle in fold(haystack)
