"""The course overview: the chapters to teach, in order, for 1, 3, 6 or 7 lessons of 50 minutes, with the time.

The plans are data (``course.yaml``: which chapters, and why); the minutes are not copied there but added up from
each chapter's lesson (:mod:`exercises.teaching.lessons`), so the totals always match the lesson plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from IPython.display import HTML

from exercises.chapters import CHAPTERS
from exercises.display import html_table
from exercises.teaching.lessons import Lesson, lessons


class CourseError(ValueError):
    """``course.yaml`` is wrong; the message says what to change."""


@dataclass(frozen=True)
class CoursePlan:
    """A course of ``len(lessons)`` lessons, one chapter each, in teaching order."""

    why: str
    lessons: tuple[Lesson, ...]

    @property
    def total_minutes(self) -> int:
        return sum(lesson.total_minutes for lesson in self.lessons)


def course_data() -> dict:
    """``course.yaml`` as read (a package resource, so it is found from a plain install too)."""
    import yaml  # comes with jupytext and jupyter-book, which every place that reads the pages has

    return yaml.safe_load((resources.files("exercises.teaching") / "course.yaml").read_text(encoding="utf-8"))


def read_course(folder: Path | None = None, data=None) -> tuple[dict[str, str], list[CoursePlan]]:
    """The habit each chapter teaches and the course plans (``data``, default :func:`course_data`), checked
    against the book's chapters and their lessons in ``folder``."""
    where = "exercises/teaching/course.yaml"
    data = course_data() if data is None else data
    names = [chapter.chapter for chapter in CHAPTERS]
    habits = data.get("habits") if isinstance(data, dict) else None
    if not isinstance(habits, dict) or sorted(habits) != sorted(names):
        raise CourseError(f"{where}: habits must name the habit of each chapter, {names}.")
    by_chapter = {lesson.chapter: lesson for lesson in lessons(folder)}
    plans = []
    for plan in data.get("plans") or []:
        chapters = plan.get("chapters") if isinstance(plan, dict) else None
        if not isinstance(chapters, list) or not chapters or any(name not in by_chapter for name in chapters):
            raise CourseError(f"{where}: each plan lists chapters of the book, {names}; not {chapters!r}.")
        if plan.get("lessons") != len(chapters):
            raise CourseError(f"{where}: the plan of {plan.get('lessons')!r} lessons lists {len(chapters)} chapters; "
                              "one lesson teaches one chapter.")
        if chapters != sorted(chapters, key=names.index):
            raise CourseError(f"{where}: the plan {chapters} must keep the book's order, {names}.")
        if not isinstance(plan.get("why"), str) or not plan["why"].strip():
            raise CourseError(f"{where}: say why the plan of {len(chapters)} lessons chooses these chapters.")
        plans.append(CoursePlan(" ".join(plan["why"].split()), tuple(by_chapter[name] for name in chapters)))
    if not plans:
        raise CourseError(f"{where}: give at least one plan.")
    return habits, plans


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{minutes} minutes" + (f" ({hours} h {rest:02d} min)" if hours else "")


def course_overview_html(folder: Path | None = None) -> HTML:
    """Each course plan as a table (lesson, chapter, habit, minutes) with its total time and the reason for it."""
    habits, plans = read_course(folder)
    parts = []
    for plan in plans:
        count = len(plan.lessons)
        rows = [f'<tr><td class="number">{number}</td><th scope="row"><a href="{escape(lesson.chapter)}.md">'
                f'{escape(lesson.title)}</a></th><td>{escape(habits[lesson.chapter])}</td>'
                f'<td class="number">{lesson.total_minutes}</td></tr>'
                for number, lesson in enumerate(plan.lessons, start=1)]
        rows.append(f'<tr><td></td><th scope="row">Total</th><td></td><td class="number">{plan.total_minutes}</td></tr>')
        lesson_word = "lesson" if count == 1 else "lessons"
        caption = f"A course of {count} {lesson_word}: {_duration(plan.total_minutes)}"
        parts.append(f'<div class="kit-course-plan"><p><strong>{count} {lesson_word}.</strong> {escape(plan.why)}</p>'
                     f'{html_table(caption, ["Lesson", "Chapter", "Habit", "Minutes"], rows).data}</div>')
    return HTML(f'<div class="kit-course tex2jax_ignore mathjax_ignore">{"".join(parts)}</div>')
