"""How sure the analyser is of a figure, and what a learner should check: ``confidence`` and ``check``.

A figure's unit and kind each come from somewhere: a currency sign or a unit noun printed next to the number, a
word that names what was measured ("revenue", "shares"), or only a guess (a verb of movement, the sentences around
it, an earlier figure with the same value, the currency the rest of the article uses). Each guess lowers the
confidence (from :data:`SURE`) by its factor below and adds a plain note saying what to verify; a figure whose unit
and kind were both printed or named nearby gets no note (``check`` is None).
"""

from __future__ import annotations

#: The confidence of a figure whose unit was printed with it and whose kind a word next to it names.
SURE = 0.95

#: How a unit found in each way lowers the confidence, and the note that goes with it (None: nothing to check).
UNIT_SOURCES = {
    "printed": (1.0, None),  # a currency sign, a code or a percent sign in the figure's own text
    "word": (1.0, None),  # a currency word or a unit noun right after it ("dollars", "GPUs", "subscribers")
    "points": (0.9, "Read as index points because a stock index is named in the sentence: check it is not a score."),
    "sentence": (0.75, "The unit was taken from the figure before it in the sentence: check it counts the same thing."),
    "repeat": (0.75, "The unit was taken from an earlier figure with the same value: check it counts the same thing."),
    "implied": (0.6, "No currency is printed next to this number: check which currency the article means."),
}

#: How a kind found in each way lowers the confidence, and its note ("{cue}" is the deciding word).
KIND_SOURCES = {
    "unit": (1.0, None),  # the unit decides: GPUs are "gpus", subscribers are "downloads"
    "near": (1.0, None),
    "far": (0.8, "The kind was guessed from a word far away (\u201c{cue}\u201d): check what this number measures."),
    "move": (0.75, "The kind was guessed from \u201c{cue}\u201d, a word that does not name what was measured: "
                   "check what this number is."),
    "neighbours": (0.65, "No word in its sentence says what this number measures; the kind was guessed from the "
                         "sentences around it: check what it counts."),
    "default": (0.55, "No unit or subject near this number: check what it counts."),
}


def confidence_and_check(unit_source: str, kind_source: str, cue: str | None = None) -> tuple[float, str | None]:
    """The figure's confidence (0 to 1, two decimals) and its note, or None when there is nothing to check."""
    unit_factor, unit_note = UNIT_SOURCES[unit_source]
    kind_factor, kind_note = KIND_SOURCES[kind_source]
    notes = [note for note in (unit_note, kind_note.format(cue=_short(cue)) if kind_note else None) if note]
    return round(SURE * unit_factor * kind_factor, 2), " ".join(notes) or None


def _short(cue: str | None) -> str:
    """The deciding word as the text has it, on one line and at most 40 characters."""
    words = " ".join((cue or "").split())
    return words if len(words) <= 40 else words[:39] + "\u2026"
