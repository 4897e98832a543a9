"""The hype lexicon's phrases in a text, found with the kit's one phrase matcher (:mod:`~.phrase_matcher`)."""

from __future__ import annotations

from solutions.analyser.hype_lexicon import lexicon_rows
from solutions.analyser.phrase_matcher import find_phrases
from solutions.data.datafiles import cached


def find_lexicon_phrases(text: str) -> list[dict]:
    """Every lexicon form in ``text``, by the phrase matcher's rules (no pattern devices).

    Returns dicts ``{"text", "category", "start", "end", "rationale"}`` in order of appearance.
    """
    info = _lexicon_info()
    return [{"text": text[start:end], "category": info[phrase][0], "start": start, "end": end,
             "rationale": info[phrase][1]}
            for start, end, phrase in find_phrases(text, _lexicon_phrases())]


@cached
def _lexicon_phrases() -> tuple[str, ...]:
    return tuple(form for form, _, _ in lexicon_rows())


@cached
def _lexicon_info() -> dict[str, tuple[str, str]]:
    return {form: (category, rationale) for form, category, rationale in lexicon_rows()}
