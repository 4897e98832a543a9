"""The entry point :func:`extract_quotes`: pair the marks, find each attribution, keep real quotes, describe them.

The work grows linearly with the text, whatever it holds: each question about a quote reads a bounded stretch
around it, and where quotes crowd together the stretches' sentence ends and speech verbs are indexed once
instead of being read again for every quote (see :class:`~.context.QuoteContext`).
"""

from __future__ import annotations

from solutions.analyser.quotes.attribute import attribute_passage
from solutions.analyser.quotes.carry_over import (
    attribute_from_context, share_with_headline, share_within_run, share_within_sentence,
)
from solutions.analyser.quotes.confidence import rate_quote
from solutions.analyser.quotes.context import QuoteContext
from solutions.analyser.quotes.describe import describe_passage
from solutions.analyser.quotes.keep import keeps_quote
from solutions.analyser.quotes.marks import quoted_passages

def extract_quotes(text: str) -> list[dict]:
    """Return every quoted passage in ``text`` that gives someone's words, in order of appearance.

    Each dict has ``quote`` (the text between the marks, a trailing comma dropped; ``text[start:end]``),
    ``start``, ``end``, ``speaker`` (full name, else organisation, else None), ``speaker_role`` (the
    description the text gives, else None), ``vague_attribution`` (True when the source cannot be
    identified from the text), ``attribution`` (``{"text", "start", "end"}`` of the phrase naming the
    source, or of the hedge, or None), ``confidence`` (0 to 1) and ``check`` (what a learner should verify, or
    None when the speaker stands right beside the quote; see :mod:`.confidence`).
    """
    if not isinstance(text, str) or not text:
        return []
    context = QuoteContext(text)
    passages = quoted_passages(text)
    previous = None
    for passage in passages:
        attribute_passage(context, passage, previous)
        previous = passage
    share_within_sentence(context, passages)
    attribute_from_context(context, passages)
    share_within_run(passages)
    share_with_headline(context, passages)
    kept = [passage for passage in passages if keeps_quote(context, passage)]
    kept_set = set(kept)  # passages compare and hash by identity
    origins = [p.origin for p in kept if p.origin is not None and p.origin not in kept_set]
    for passage in sorted(kept + origins, key=lambda p: p.origin is not None):
        describe_passage(context, passage)
    found = []
    for passage in kept:
        confidence, check = rate_quote(passage, passage.source.speaker, passage.source.vague)
        found.append({
            "quote": text[passage.start:passage.end],
            "start": passage.start,
            "end": passage.end,
            "speaker": passage.source.speaker,
            "speaker_role": passage.source.role,
            "vague_attribution": passage.source.vague,
            "attribution": passage.attribution,
            "confidence": confidence,
            "check": check,
        })
    return found
