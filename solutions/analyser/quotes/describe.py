"""Describing a kept passage: its speaker, the speaker's role and the attribution phrase, from the phrase found."""

from __future__ import annotations

from solutions.analyser.attribution import UNNAMED, Source
from solutions.analyser.quotes.context import QuoteContext
from solutions.analyser.quotes.marks import Passage
from solutions.analyser.quotes.subjects import subject_before

def describe_passage(context: QuoteContext, passage: Passage) -> None:
    """Fill in ``source`` and ``attribution`` from the phrase found for the passage."""
    text = context.text
    if passage.origin is not None:
        origin = passage.origin
        passage.source, passage.attribution = origin.source, origin.attribution
        return
    if passage.how == "hedge":
        hedge = passage.attribution
        subject = None
        if hedge["start"] > passage.left_start:
            subject = subject_before(context, passage.left_start, hedge["start"])
        passage.source = Source(None, text[subject[0]:subject[1]] if subject else None, True)
        return
    if passage.span is None:
        passage.source = UNNAMED
        return
    start, end = passage.span
    passage.attribution = {"text": text[start:end], "start": start, "end": end}
    # a pronoun looks back from itself when it comes before the quote ("He said he had called Ostrander. "...""),
    # so that names between it and the quote are not taken for the one it points to
    passage.source = context.sources.describe(start, end, min(start, passage.open_mark), passage.role_hint)
