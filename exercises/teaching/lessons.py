"""Each chapter's lesson, read from its page's front matter: questions, objectives, key points and minutes.

A chapter's lesson metadata lives in one place, the ``lesson`` key of its page's YAML front matter
(``book/<chapter>.md``), in the shape of The Carpentries' episodes::

    lesson:
      questions: [...]        # what the chapter answers, as a learner would ask it
      objectives: [...]       # what a learner can do afterwards
      key_points: [...]       # what to remember
      minutes:
        warm_up: 3                                   # the warm-up question of the chapter's teaching notes
        reading: 12
        exercises: {cost-paper-arithmetic: 4, ...}   # every exercise of the chapter, in page order
        discussion: 8
        exit_ticket: 2                               # the chapter's exit ticket

Everything a teacher reads about a lesson's aims and timing is built from it, so it cannot drift from the page.
:func:`read_lesson` checks it and says exactly what is wrong: a lesson's minutes add up to
:data:`LESSON_MINUTES`, and its exercises are the chapter's own, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exercises.chapters import CHAPTERS, ChapterExercises

#: The minutes of one lesson: reading, every exercise and discussion add up to this.
LESSON_MINUTES = 50
#: How many items each list may hold.
LIST_SIZES = {"questions": (1, 3), "objectives": (2, 5), "key_points": (2, 5)}
#: The steps of a lesson, in the order its front matter gives their minutes.
MINUTE_KEYS = ("warm_up", "reading", "exercises", "discussion", "exit_ticket")
#: The fewest minutes a lesson leaves for discussion.
MIN_DISCUSSION_MINUTES = 5


class LessonError(ValueError):
    """A chapter page's lesson metadata is missing or wrong; the message names the page and what to change."""


@dataclass(frozen=True)
class Lesson:
    """One chapter's lesson, as its page's front matter gives it."""

    chapter: str
    title: str
    questions: tuple[str, ...]
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    warm_up_minutes: int
    reading_minutes: int
    exercise_minutes: tuple[tuple[str, int], ...]
    discussion_minutes: int
    exit_ticket_minutes: int

    @property
    def total_minutes(self) -> int:
        return (self.warm_up_minutes + self.reading_minutes + sum(minutes for _, minutes in self.exercise_minutes)
                + self.discussion_minutes + self.exit_ticket_minutes)

    def texts(self) -> list[str]:
        """Every sentence the lesson metadata shows a teacher."""
        return [*self.questions, *self.objectives, *self.key_points]


def book_folder() -> Path:
    """The folder of the book's pages: the working folder when a page runs (pages run in ``book/``), its ``book/``
    when run from the checkout's root, else the checkout's ``book/`` beside this package."""
    for here in (Path.cwd(), Path.cwd() / "book"):
        if all((here / f"{chapter.chapter}.md").is_file() for chapter in CHAPTERS):
            return here
    return Path(__file__).resolve().parents[2] / "book"


def front_matter(page: Path) -> dict:
    """The YAML front matter of a MyST Markdown page (the block between its first two ``---`` lines)."""
    import yaml  # comes with jupytext and jupyter-book, which every place that reads the pages has

    lines = Path(page).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        raise LessonError(f"{Path(page).name}: the page has no front matter (a block between two '---' lines).")
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    data = yaml.safe_load("\n".join(lines[1:end])) or {}
    if not isinstance(data, dict):
        raise LessonError(f"{Path(page).name}: the front matter is not a set of keys and values.")
    return data


def read_lesson(page: Path, chapter: ChapterExercises, exercise_ids: list[str] | None = None) -> Lesson:
    """The lesson of ``chapter`` from its ``page``, checked: raises :class:`LessonError` naming what to fix.

    ``exercise_ids`` are the chapter's exercise ids in page order, for a caller that has built them already.
    """
    name = Path(page).name
    lesson = front_matter(page).get("lesson")
    if not isinstance(lesson, dict):
        raise LessonError(f"{name}: the front matter has no 'lesson' (questions, objectives, key_points, minutes).")
    lists = {key: _text_list(name, lesson, key, *sizes) for key, sizes in LIST_SIZES.items()}
    minutes = lesson.get("minutes")
    if not isinstance(minutes, dict):
        raise LessonError(f"{name}: lesson.minutes needs {', '.join(MINUTE_KEYS)}.")
    if list(minutes) != list(MINUTE_KEYS):
        raise LessonError(f"{name}: lesson.minutes needs {', '.join(MINUTE_KEYS)}, in that order (not {list(minutes)}).")
    warm_up, reading, discussion, exit_ticket = (_whole_minutes(name, f"minutes.{key}", minutes.get(key))
                                                 for key in ("warm_up", "reading", "discussion", "exit_ticket"))
    exercises = minutes.get("exercises")
    if not isinstance(exercises, dict):
        raise LessonError(f"{name}: lesson.minutes.exercises needs the minutes of each exercise, by its id.")
    expected = [exercise.id for exercise in chapter.exercises()] if exercise_ids is None else list(exercise_ids)
    given = [str(key) for key in exercises]
    if given != expected:
        missing = [e for e in expected if e not in given]
        unknown = [g for g in given if g not in expected]
        problem = (f"missing {missing}" if missing else "") + ("; " if missing and unknown else "") + \
                  (f"not exercises of this chapter: {unknown}" if unknown else "")
        raise LessonError(f"{name}: lesson.minutes.exercises must list the chapter's exercises in page order, "
                          f"{expected}: {problem or 'the order differs'}.")
    per_exercise = tuple((key, _whole_minutes(name, f"minutes.exercises.{key}", exercises[key])) for key in given)
    if discussion < MIN_DISCUSSION_MINUTES:
        raise LessonError(f"{name}: leave at least {MIN_DISCUSSION_MINUTES} minutes for discussion, not {discussion}.")
    result = Lesson(chapter.chapter, chapter.title, lists["questions"], lists["objectives"], lists["key_points"],
                    warm_up, reading, per_exercise, discussion, exit_ticket)
    if result.total_minutes != LESSON_MINUTES:
        exercise_total = sum(minutes for _, minutes in per_exercise)
        raise LessonError(f"{name}: warm-up {warm_up} + reading {reading} + exercises {exercise_total} + discussion "
                          f"{discussion} + exit ticket {exit_ticket} make {result.total_minutes} minutes, "
                          f"not {LESSON_MINUTES}.")
    return result


def lessons(folder: Path | None = None) -> list[Lesson]:
    """Every chapter's lesson, in reading order, from the pages in ``folder`` (default :func:`book_folder`)."""
    folder = book_folder() if folder is None else Path(folder)
    return [read_lesson(folder / f"{chapter.chapter}.md", chapter) for chapter in CHAPTERS]


def _text_list(page: str, lesson: dict, key: str, fewest: int, most: int) -> tuple[str, ...]:
    items = lesson.get(key)
    if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
        raise LessonError(f"{page}: lesson.{key} must be a list of sentences.")
    if not fewest <= len(items) <= most:
        raise LessonError(f"{page}: lesson.{key} holds {len(items)} items; give {fewest} to {most}.")
    return tuple(" ".join(item.split()) for item in items)


def _whole_minutes(page: str, where: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LessonError(f"{page}: lesson.{where} must be a whole number of minutes, 1 or more (not {value!r}).")
    return value
