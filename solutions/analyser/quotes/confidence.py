"""How sure the analyser is about a quote and its speaker, and what a learner should check (``confidence``, ``check``).

The rating follows where the attribution was found (:attr:`Passage.how`): a speaker named right beside the
quote ("...," said Jane Smith) is sure; one carried over from the sentence or paragraph before, read from a
pronoun ("he said") or a description ("the company said"), or shared by the paragraphs of a long quotation is a
good guess worth checking; a quote with no speaker found, or credited to an unnamed source, is flagged.
"""

from __future__ import annotations

from solutions.analyser.attribution import PERSON_PRONOUNS, THING_PRONOUNS
from solutions.analyser.quotes.marks import Passage

#: Attributions found right beside the quote, in its own sentence.
_BESIDE = frozenset({"after", "before", "dash", "according", "passive", "later"})
#: Attributions carried over from somewhere else, with the note on where.
_CARRIED = {
    "shared": (0.85, "The speaker is credited for another quote in the same sentence: check it covers this one."),
    "continued": (0.8, "The speaker was carried over from the quote paragraph before: check it is the same person."),
    "run": (0.85, "This paragraph continues a quotation that opened earlier: its speaker is the one named for "
                  "the whole quotation."),
    "colon": (0.85, "The speaker was read from the words that introduce the quote: check who said it."),
    "introduced": (0.75, "The speaker was guessed from the paragraph before: check who said it."),
    "previous": (0.75, "The speaker was guessed from the sentence before: check who said it."),
    "headline": (0.8, "The headline repeats words quoted in the article: its speaker is the one the article names "
                      "for them. Check the headline quotes them fairly."),
}
#: How far (in characters) an attribution may stand from its quote before the guess counts as distant.
_FAR = 400


def rate_quote(passage: Passage, speaker: str | None, vague: bool) -> tuple[float, str | None]:
    """(confidence from 0 to 1, a check note or None when sure) for a kept passage and its described source."""
    if passage.how == "hedge":
        return 0.6, "The quote is credited only to a hedge such as 'reportedly': ask who actually said it."
    if passage.span is None:
        return 0.45, ("No speaker was found near this quote: look for who is credited further away, or whether "
                      "these are the writer's own words in quotation marks.")
    phrase = (passage.attribution or {}).get("text", "")
    if vague or speaker is None:
        return 0.8, (f"The source is not named ('{phrase}'): the words cannot be checked with the person "
                     "who said them.") if phrase else (0.8, "The source is not named: ask who said it.")
    confidence, check = _CARRIED.get(passage.how, (0.95, None))
    if passage.how not in _BESIDE and passage.how not in _CARRIED:
        confidence = 0.85
    lowered = phrase.strip().casefold()
    if lowered in PERSON_PRONOUNS:
        confidence = min(confidence, 0.8)
        check = (f"The speaker was read from '{phrase.strip()}' back to {speaker}, the last person named: "
                 "check who said it.")
    elif lowered in THING_PRONOUNS or lowered.startswith(("the ", "this ")) and speaker.casefold() not in lowered:
        confidence = min(confidence, 0.8)
        check = f"The speaker was read from '{phrase.strip()}' back to {speaker}: check who issued these words."
    attribution = passage.attribution or {}
    if "start" in attribution and min(abs(attribution["start"] - passage.end),
                                      abs(passage.start - attribution["end"])) > _FAR:
        confidence = min(confidence, 0.7)
        check = check or f"The speaker ({speaker}) is named far from the quote: check who said it."
    return confidence, check
