"""Answers to try on any exercise: right, wrong and malformed, as the exercise's own kind gives them.

Each kind knows its answers (``sample_wrong_answers()`` and the like in ``exercises/kinds/``), so a new kind
needs nothing here; these names only keep the tests' vocabulary short.
"""

from __future__ import annotations

from exercises.kinds import Exercise


def right_answer(exercise: Exercise):
    return exercise.correct_answer()


def wrong_answers(exercise: Exercise) -> list:
    """Wrong answers the checker recognises, each marked incorrect (see ``Exercise.sample_wrong_answers``)."""
    return exercise.sample_wrong_answers()


def accepted_alternatives(exercise: Exercise) -> list:
    """Answers other than the main one that the evidence supports (``also`` and ``either``): all correct."""
    return exercise.accepted_alternatives()


def readable_variants(exercise: Exercise) -> list[str]:
    """The right answer written other ways people write it: all correct."""
    return exercise.readable_variants()


def at_tolerance(exercise: Exercise) -> list[str]:
    """Answers exactly at the edges of what is accepted (still right)."""
    return exercise.answers_at_tolerance()


def malformed_answers(exercise: Exercise) -> list:
    """Answers the checker refuses as invalid, with a message saying what to change."""
    return exercise.sample_refused_answers()
