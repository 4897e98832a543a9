"""The book's exercises as the report needs them: in book order, each with its chapter, and a last answer checked again.

A progress file records each last answer; its verdict and feedback come from checking it again with this kit's
checker, so a report always agrees with the book that goes with it. A file may name an exercise this kit does not
have (from another version of the kit): its verdict is ``UNKNOWN_EXERCISE``. The code kind's answer is a function
in the learner's notebook, which no file holds: its verdict is ``NOT_SAVED``.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercises.book import all_exercises, chapter_of
from exercises.kinds import CodeExercise, Exercise, Feedback

UNKNOWN_EXERCISE = "unknown exercise"
NOT_SAVED = "not saved (code)"


@dataclass(frozen=True)
class Catalogue:
    """Every exercise of the book by id, in book order, with the name of its chapter."""

    exercises: dict[str, Exercise]
    chapters: dict[str, str]

    @classmethod
    def of_book(cls) -> Catalogue:
        exercises = {exercise.id: exercise for exercise in all_exercises()}
        return cls(exercises, {exercise_id: chapter_of(exercise_id).chapter for exercise_id in exercises})

    def feedback(self, exercise_id: str, answer: object) -> Feedback | None:
        """The feedback ``answer`` gets now, or None when no checker can read it (unknown exercise, code)."""
        exercise = self.exercises.get(exercise_id)
        if exercise is None or exercise.kind == CodeExercise.kind:
            return None
        return exercise.check(answer)

    def verdict(self, exercise_id: str, answer: object) -> str:
        """The verdict ``answer`` gets now: correct, incorrect, invalid or feedback, or why there is none."""
        if exercise_id not in self.exercises:
            return UNKNOWN_EXERCISE
        feedback = self.feedback(exercise_id, answer)
        return NOT_SAVED if feedback is None else feedback.verdict


def feedback_text(feedback: Feedback) -> str:
    """The feedback as the learner read it: the message and then each detail."""
    return " ".join(part for part in (feedback.message, *feedback.details) if part)
