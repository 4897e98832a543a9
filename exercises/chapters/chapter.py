"""What a chapter of exercises is: its name, its title and the builders of its exercises, in page order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exercises.kinds import Exercise


@dataclass(frozen=True)
class ChapterExercises:
    """The exercises of one chapter, in the order they appear."""

    chapter: str
    title: str
    build: tuple[Callable[[], Exercise], ...] = field(default_factory=tuple)
    #: Builds the chapter's exit ticket: one short question for the end of the lesson, shown only to teachers
    #: (on the lesson plans), with its answer computed like every exercise's.
    exit_ticket: Callable[[], Exercise] | None = None

    def exercises(self) -> list[Exercise]:
        return [make() for make in self.build]
