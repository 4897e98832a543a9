"""The before-and-after check of discernment as two exercises, one at the start of the book and one at its end.

``checks`` builds them from :mod:`solutions.chapters.discernment`; ``results`` scores a learner's marks. They are
not chapters (they have no lesson, exit ticket or rubric, and they read every chapter to leave out what the
chapters' exercises use), but two pages of their own, :data:`BEFORE` and :data:`AFTER`, which
:mod:`exercises.book` lists around the chapters.
"""

from __future__ import annotations

from exercises.chapters.chapter import ChapterExercises

from .checks import AFTER_ID, BEFORE_ID, CHECK_IDS, SET_SIZE, after_check, before_check, check_claims, exercise_rows
from .results import discernment_result

BEFORE = ChapterExercises(chapter=BEFORE_ID, title="Before you start: trust or doubt?", build=(before_check,))
AFTER = ChapterExercises(chapter=AFTER_ID, title="After the book: trust or doubt?", build=(after_check,))

__all__ = [
    "AFTER", "AFTER_ID", "BEFORE", "BEFORE_ID", "CHECK_IDS", "SET_SIZE", "after_check", "before_check",
    "check_claims", "discernment_result", "exercise_rows",
]
