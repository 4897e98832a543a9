"""Every exercise in the book, in reading order, found by id: the check before the chapters, the chapters (listed in
:mod:`exercises.chapters`) and the check after them (:mod:`exercises.discernment`)."""

from __future__ import annotations

from collections.abc import Callable

from exercises.chapters import CHAPTERS, ChapterExercises
from exercises.discernment import AFTER, BEFORE
from exercises.kinds import Exercise


#: The book's parts with exercises, in reading order: each has its own page, ``book/<chapter>.md``.
SECTIONS: tuple[ChapterExercises, ...] = (BEFORE, *CHAPTERS, AFTER)

#: Which chapter and builder make each exercise: ids are fixed in the code, not taken from the data, so this is
#: filled in once, by the first complete :func:`all_exercises`.
_BUILDERS: dict[str, tuple[ChapterExercises, Callable[[], Exercise]]] = {}


def all_exercises() -> list[Exercise]:
    """Build every exercise in the book (answers are computed now, from the current data)."""
    exercises, builders = [], {}
    for chapter in SECTIONS:
        for make in chapter.build:
            exercises.append(make())
            builders[exercises[-1].id] = (chapter, make)
    _BUILDERS.update(builders)
    return exercises


def _builders_by_id() -> dict[str, tuple[ChapterExercises, Callable[[], Exercise]]]:
    """Which chapter and builder make each exercise (the answers are still computed afresh on every build)."""
    if not _BUILDERS:
        all_exercises()
    return _BUILDERS


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


def section_named(name: str, sections: tuple[ChapterExercises, ...] = SECTIONS) -> ChapterExercises:
    """The part of the book (a chapter or a check) called ``name``, among ``sections``."""
    for section in sections:
        if section.chapter == name:
            return section
    raise KeyError(f"No chapter named {name!r}; the chapters are {[section.chapter for section in sections]}.")
