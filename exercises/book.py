"""Every exercise in the book, chapter by chapter, in reading order."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from . import (
    attribution_chapter, cost_chapter, downloads_chapter, gpus_chapter, hype_chapter, markets_chapter,
    timeline_chapter,
)
from .model import ChapterExercises, Exercise

CHAPTERS: tuple[ChapterExercises, ...] = (
    cost_chapter.CHAPTER,
    gpus_chapter.CHAPTER,
    downloads_chapter.CHAPTER,
    markets_chapter.CHAPTER,
    timeline_chapter.CHAPTER,
    attribution_chapter.CHAPTER,
    hype_chapter.CHAPTER,
)


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
