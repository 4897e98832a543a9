"""Every exercise in the book, in reading order, found by id; the chapters are listed in :mod:`exercises.chapters`."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from exercises.chapters import CHAPTERS, ChapterExercises
from exercises.kinds import Exercise


def all_exercises() -> list[Exercise]:
    """Build every exercise in the book (answers are computed now, from the current data)."""
    return [exercise for chapter in CHAPTERS for exercise in chapter.exercises()]


@lru_cache(maxsize=None)
def _builders_by_id() -> dict[str, tuple[ChapterExercises, Callable[[], Exercise]]]:
    """Which chapter and builder make each exercise. Ids are fixed in the code, not taken from the data, so
    this is worked out once; the answers are still computed afresh on every build."""
    return {make().id: (chapter, make) for chapter in CHAPTERS for make in chapter.build}


def _builder(exercise_id: str) -> tuple[ChapterExercises, Callable[[], Exercise]]:
    try:
        return _builders_by_id()[exercise_id]
    except KeyError:
        raise KeyError(f"No exercise with id {exercise_id!r}.") from None


def exercise_by_id(exercise_id: str) -> Exercise:
    """Build one exercise by its id, for example ``exercise_by_id("cost-cluster-days")``."""
    return _builder(exercise_id)[1]()


def chapter_of(exercise_id: str) -> ChapterExercises:
    """The chapter an exercise belongs to."""
    return _builder(exercise_id)[0]
