"""The exercise kinds and their registry: ``KINDS`` maps each kind's name (as in its spec) to its class.

One module per kind holds everything about it: its checker, its spec (whose contract is
``schemas/<kind>.schema.json``), its inputs in the static page and its live widgets. ``base`` holds what every
kind shares. Adding a kind touches only its module, its schema, this registry and its script in
``static/quiz/kinds/`` (and gives the tests its checker cases in ``tests/parity/<kind>.json``).
"""

from __future__ import annotations

from solutions.analyser.text import ascii_lower
from .base import (
    LIMITS, MAX_CHOSEN_ITEMS, MAX_KEY_LENGTH, MESSAGES, REFLECTION_LIMIT, SCHEMA_DIR, Exercise, Feedback, Option,
    Source, option_by_key, short_name, vars_,
)
from .code import LAUNCH_PLACEHOLDER, CodeExercise
from .learner_function import MAX_RESULT_BITS, TIME_LIMIT, check_function, type_name
from .matching import Matching
from .multiple import MultipleChoice
from .number import NumberQuestion, Trap, distinct_traps
from .number_parsing import MAX_INPUT_LENGTH, MAX_LENGTH, parse_day_answer, parse_number_answer
from .ordering import Ordering
from .reflection import Criterion, Reflection, content_examples, content_keys, looks_like_rewrite
from .single import SingleChoice

#: Every kind by the name its spec carries.
KINDS: dict[str, type[Exercise]] = {kind.kind: kind for kind in (
    SingleChoice, MultipleChoice, NumberQuestion, Matching, Ordering, Reflection, CodeExercise)}

__all__ = [
    "KINDS", "LAUNCH_PLACEHOLDER", "LIMITS", "MAX_CHOSEN_ITEMS", "MAX_INPUT_LENGTH", "MAX_KEY_LENGTH", "MAX_LENGTH",
    "MAX_RESULT_BITS", "MESSAGES", "REFLECTION_LIMIT", "SCHEMA_DIR", "TIME_LIMIT", "CodeExercise", "Criterion",
    "Exercise", "Feedback", "Matching", "MultipleChoice", "NumberQuestion", "Option", "Ordering", "Reflection",
    "SingleChoice", "Source", "Trap", "ascii_lower", "check_function", "content_examples", "content_keys", "distinct_traps",
    "looks_like_rewrite", "option_by_key", "parse_day_answer", "parse_number_answer", "short_name", "type_name",
    "vars_",
]
