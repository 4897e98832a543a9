"""Who is the source? Vague attributions, the names a text gives, and the speaker behind a credited phrase.

One module per job:

* :mod:`~.words`: the word lists (generic words, roles, organisations, places, pronouns);
* :mod:`~.names`: names in a text (:func:`proper_names`, :func:`split_name_run`, :class:`NameIndex`);
* :mod:`~.vague`: :func:`vague_attributions`, :func:`is_vague_source` and the plain list :data:`VAGUE_SOURCES`;
* :mod:`~.sources`: :class:`Sources`, which turns a credited phrase into a :class:`Source`.
"""

from solutions.analyser.attribution.names import NAME_RUN, Mention, NameIndex, name_kind, proper_names, split_name_run
from solutions.analyser.attribution.sources import UNNAMED, Source, Sources
from solutions.analyser.attribution.vague import (
    CHECKED_KINDS, VAGUE_SOURCES, PhraseRule, is_vague_source, phrase_rules, vague_attributions,
)
from solutions.analyser.attribution.words import (
    GENERIC_WORDS, INDEFINITE_WORDS, ORG_WORDS, PERSON_PRONOUNS, PLACES, ROLE_WORDS, THING_PRONOUNS, VAGUE_WORDS, bare,
    is_place, is_relative_clause, looks_like_role, word_set,
)

__all__ = [
    "CHECKED_KINDS", "GENERIC_WORDS", "INDEFINITE_WORDS", "NAME_RUN", "ORG_WORDS", "PERSON_PRONOUNS", "PLACES",
    "ROLE_WORDS", "THING_PRONOUNS", "UNNAMED", "VAGUE_SOURCES", "VAGUE_WORDS", "Mention", "NameIndex", "PhraseRule",
    "Source", "Sources", "bare", "is_place", "is_relative_clause", "is_vague_source", "looks_like_role", "name_kind",
    "phrase_rules", "proper_names", "split_name_run", "vague_attributions", "word_set",
]
