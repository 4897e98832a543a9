"""Every exercise in the book, chapter by chapter, in reading order."""

from __future__ import annotations

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


def exercise_by_id(exercise_id: str) -> Exercise:
    """Build one exercise by its id, for example ``exercise_by_id("cost-cluster-days")``."""
    for chapter in CHAPTERS:
        for make in chapter.build:
            exercise = make()
            if exercise.id == exercise_id:
                return exercise
    raise KeyError(f"No exercise with id {exercise_id!r}.")


def chapter_of(exercise_id: str) -> ChapterExercises:
    """The chapter an exercise belongs to."""
    for chapter in CHAPTERS:
        if any(make().id == exercise_id for make in chapter.build):
            return chapter
    raise KeyError(f"No exercise with id {exercise_id!r}.")
