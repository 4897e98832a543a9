"""The state rules: how a check or a shown answer changes one exercise's state, as pure functions.

The book's script follows the same rules in the browser, so a progress file means the same whatever wrote it:

- the first interaction that records anything creates the state (first seen and last changed now, no attempts,
  no first try yet, the answer not shown);
- a check records the answer as the checker reads it and the time; a refused ("invalid") answer changes nothing
  else; any other verdict is one more attempt, and the first attempt fixes whether the first try was right
  (a reflection's "feedback" is not graded and leaves it unknown);
- opening "Show answer" marks the answer shown.

``moment`` is a time as :func:`exercises.progress.now` writes it; the caller passes it, so these functions
depend on nothing but their arguments.
"""

from __future__ import annotations

import json
from dataclasses import replace

from .canonical import canonical_json
from .record import ExerciseState

#: The verdicts a checker gives (``exercises.kinds.Feedback.verdict``).
VERDICTS = ("correct", "incorrect", "invalid", "feedback")

#: How deep a file already nests an answer (the file, "exercises", the exercise's state).
SAVED_VALUE_DEPTH = 3


def started(moment: str) -> ExerciseState:
    """The state an exercise gets from the first interaction that records anything."""
    return ExerciseState(last_entry=None, attempts=0, right_at_first_try=None, revealed=False, first_seen=moment,
                         last_changed=moment)


def recorded_answer(answer: object) -> object:
    """``answer`` as the file keeps it: JSON data (a tuple becomes a list), or None for what JSON cannot hold
    (the code kind's answer is a function in the notebook)."""
    try:
        value = json.loads(json.dumps(answer, allow_nan=False))
        canonical_json(value, depth=SAVED_VALUE_DEPTH)
    except (TypeError, ValueError, RecursionError):  # NotCanonical is a ValueError
        return None
    return value


def record_check(state: ExerciseState | None, answer: object, verdict: str, moment: str) -> ExerciseState:
    """The state after the learner checked ``answer`` and the checker said ``verdict``."""
    if verdict not in VERDICTS:
        raise ValueError(f"{verdict!r} is not a verdict; a checker says one of {', '.join(VERDICTS)}.")
    current = state or started(moment)
    checked = replace(current, last_entry=recorded_answer(answer), last_changed=moment)
    if verdict == "invalid":
        return checked
    first_try = current.right_at_first_try
    if current.attempts == 0 and verdict != "feedback":
        first_try = verdict == "correct"
    return replace(checked, attempts=current.attempts + 1, right_at_first_try=first_try)


def record_answer_shown(state: ExerciseState | None, moment: str) -> ExerciseState:
    """The state after the learner opened "Show answer"."""
    return replace(state or started(moment), revealed=True, last_changed=moment)


def hints_to_unfold(state: ExerciseState | None, hint_count: int) -> int:
    """How many hints a restored exercise shows: one per attempt, at most all of them."""
    return 0 if state is None else max(0, min(state.attempts, hint_count))


def offers_answer(state: ExerciseState | None) -> bool:
    """Whether a restored exercise offers "Show answer": after a first counted attempt."""
    return state is not None and state.attempts > 0


__all__ = ["VERDICTS", "hints_to_unfold", "offers_answer", "record_answer_shown", "record_check",
           "recorded_answer", "started"]
