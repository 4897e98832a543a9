"""Attributions carried over to a quote that has none of its own: from another quote in the same sentence, a
dash line after it, a quote paragraph, a colon or a speech verb in the paragraph or sentence before it."""

from __future__ import annotations

import re

from solutions.analyser.quotes.context import QuoteContext
from solutions.analyser.quotes.keep import in_headline
from solutions.analyser.quotes.marks import paragraph_start_after, Passage
from solutions.analyser.quotes.subjects import cue_subject, sentence_speaker, trim_end
from solutions.analyser.quotes.words import DASH_LINE, QUOTE_OR_APOSTROPHE

#: How many later quotes a headline's quote is compared with (a bound, so the cost per headline stays constant).
_HEADLINE_REACH = 60
#: The longest body quote read for a headline's words (so each comparison costs at most a paragraph).
_BODY_QUOTE_LIMIT = 2000
_NOT_WORD = re.compile(r"[^\w]+")


def _folded(text: str) -> str:
    return " " + _NOT_WORD.sub(" ", text.casefold()).strip() + " "


def share_with_headline(context: QuoteContext, passages: list[Passage]) -> None:
    """A quote in a headline with no attribution of its own (or only a headline's "X: ") takes the speaker of the
    quote in the body that repeats its words ("The moment foldables stop being a compromise" in the headline, then
    "This is the moment foldables stop being a compromise," he told a packed hall)."""
    text = context.text
    for index, passage in enumerate(passages):
        if passage.span is not None and passage.how in _DIRECT and passage.how != "colon" \
                or passage.how == "question" or not in_headline(context, passage):
            continue  # a headline's "Name: "..."" may be a label, so the body's named speaker wins over it; so does
            # the speaker of a later quote repeating a subhead's words over one carried from the paragraph before
        words = _folded(text[passage.start:passage.end])
        if len(words.split()) < 2:
            continue
        for later in passages[index + 1:index + 1 + _HEADLINE_REACH]:
            if later.span is not None and later.end - later.start <= _BODY_QUOTE_LIMIT \
                    and words in _folded(text[later.start:later.end]):
                passage.how, passage.span, passage.origin = "headline", later.span, later.origin or later
                break


def share_within_sentence(context: QuoteContext, passages: list[Passage]) -> None:
    """A quote with no attribution of its own takes one from another quote in the same sentence."""
    text = context.text
    for index, passage in enumerate(passages):
        if passage.span is not None or passage.how == "question":
            continue
        for neighbour in passages[max(0, index - 1):index] + passages[index + 1:index + 2]:
            if neighbour.span is None or neighbour.origin is not None:
                continue
            low, high = sorted((passage, neighbour), key=lambda p: p.open_mark)
            ends_inside = low.close_mark is not None and text[low.close_mark - 1] in ".!?\u2026"
            if low.after <= high.open_mark and not ends_inside and not context.has_sentence_end(low.after, high.open_mark):
                passage.how, passage.span, passage.origin = "shared", neighbour.span, neighbour
                break


def attribute_from_context(context: QuoteContext, passages: list[Passage]) -> None:
    """A quote that opens its sentence: a dash line after it, a quote paragraph or colon before it, or the
    sentence before it."""
    text = context.text
    for index, passage in enumerate(passages):
        if passage.span is not None or passage.how == "question" or text[
                passage.left_start:passage.open_mark].strip(" \t-\u2014\u2013"):
            continue
        para_start, para_end = passage.paragraph
        rest = text[passage.after:para_end].strip() if passage.close_mark is not None else ""
        if not rest and para_end < len(text):
            dash = DASH_LINE.match(text, paragraph_start_after(text, para_end), min(len(text), para_end + 400))
            if dash:
                subject_end = trim_end(text, dash.end("subject"))
                head, comma, role = text[dash.start("subject"):subject_end].partition(",")
                passage.how, passage.span = "dash", (dash.start("subject"), dash.start("subject") + len(head.rstrip()))
                passage.role_hint = role.strip() if comma and role.strip() else None
                continue
        earlier = passages[index - 1] if index else None
        if passage.left_start == para_start:
            if earlier is not None and earlier.span is not None and _is_quote_paragraph(context, earlier) \
                    and _previous_paragraph_start(context, para_start) <= earlier.open_mark:
                passage.how, passage.span, passage.origin = "continued", earlier.span, earlier.origin or earlier
                continue
            _attribute_from_paragraph_before(context, passage)
            continue
        sentence = context.sentence_start(max(para_start, passage.left_start - 1), para_start)
        if sentence < passage.left_start:
            span = sentence_speaker(context, sentence, passage.left_start)
            if span:
                passage.how, passage.span = "previous", span


def _previous_paragraph_start(context: QuoteContext, paragraph_start: int) -> int:
    end = paragraph_start - 1
    while end > 0 and context.text[end - 1].isspace():
        end -= 1
    return context.paragraph_start(max(0, end))


def _is_quote_paragraph(context: QuoteContext, passage: Passage) -> bool:
    """True when the paragraph holding ``passage`` opens with it (""...," MTI said in its statement.")."""
    start = context.paragraph_start(passage.open_mark)
    return not context.text[start:passage.open_mark].strip()


def _attribute_from_paragraph_before(context: QuoteContext, passage: Passage) -> None:
    """A quote paragraph after one that introduces it: "Wang told CNBC:" or "LeCun weighed in on Threads."

    The paragraph before must end in a colon, or its last sentence must hold a speech verb and no quote.
    """
    text = context.text
    end = passage.paragraph[0] - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return
    colon = text[end - 1] == ":"
    stop = end - 1 if colon else end
    sentence = context.sentence_start(stop, context.paragraph_start(stop))
    if not colon and (context.last_cue(sentence, stop) is None or QUOTE_OR_APOSTROPHE.search(text, sentence, stop)):
        return
    span = cue_subject(context, sentence, stop)
    if span:
        passage.how, passage.span = "colon" if colon else "introduced", span


_DIRECT = ("after", "before", "dash", "according", "colon", "later", "passive")


def share_within_run(passages: list[Passage]) -> None:
    """Every paragraph of a quotation running over several paragraphs takes the run's speaker: the attribution
    found right beside one of its pieces (the earliest), else the first one found for any piece."""
    runs: dict[int, list[Passage]] = {}
    for passage in passages:
        if passage.run_head is not None:
            runs.setdefault(id(passage.run_head), [passage.run_head]).append(passage)
    for pieces in runs.values():
        found = [piece for piece in pieces if piece.span is not None]
        if not found:
            continue
        direct = [piece for piece in found if piece.how in _DIRECT]
        chosen = (direct or found)[0]
        source = chosen.origin or chosen
        for piece in pieces:
            if piece is not source and piece.how != "question":
                piece.how, piece.span, piece.origin = "run", source.span, source
