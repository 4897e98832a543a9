"""Each chapter's lesson metadata (the ``lesson`` key of its page's front matter) is there, adds up and is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.chapters import CHAPTERS
from exercises.teaching.lessons import LESSON_MINUTES, LessonError, lessons, read_lesson
from solutions.analyser.hype import find_hype
from support.paths import REPO_ROOT

BOOK = REPO_ROOT / "book"
COST = next(chapter for chapter in CHAPTERS if chapter.chapter == "cost")


@pytest.fixture(scope="module")
def book_lessons():
    return lessons(BOOK)


def test_every_chapter_has_a_fifty_minute_lesson_naming_its_own_exercises(book_lessons):
    assert [lesson.chapter for lesson in book_lessons] == [chapter.chapter for chapter in CHAPTERS]
    for lesson, chapter in zip(book_lessons, CHAPTERS):
        assert lesson.total_minutes == LESSON_MINUTES, lesson.chapter
        assert [key for key, _ in lesson.exercise_minutes] == [make().id for make in chapter.build]


def test_the_lessons_are_written_in_the_kits_plain_voice(book_lessons):
    loud = [(lesson.chapter, text, [f["text"] for f in finds]) for lesson in book_lessons for text in lesson.texts()
            if (finds := find_hype(text))]
    assert loud == []


def page_with(tmp_path: Path, edit) -> Path:
    """A copy of the cost page with its front matter changed by ``edit(text)``."""
    page = tmp_path / "cost.md"
    page.write_text(edit((BOOK / "cost.md").read_text(encoding="utf-8")), encoding="utf-8")
    return page


def _minutes_line(text: str, key: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith(f"{key}:"))


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("lesson:", "lesson_notes:", 1), "has no 'lesson'"),
    (lambda t: t.replace(_minutes_line(t, "reading"), _minutes_line(t, "reading") + "0", 1), "not 50"),
    (lambda t: t.replace("cost-paper-arithmetic:", "cost-no-such-exercise:", 1), "not exercises of this chapter"),
    (lambda t: t.replace(_minutes_line(t, "discussion"), "    discussion: two", 1), "whole number of minutes"),
    (lambda t: t.replace("objectives:", "objectives: []\n  old_objectives:", 1), "give 2 to 5"),
    (lambda t: t.replace("---\n", "", 1), "no front matter"),
    (lambda t: t.replace("    warm_up: 3\n", "", 1), "needs warm_up, reading, exercises, discussion, exit_ticket"),
    (lambda t: t.replace(_minutes_line(t, "exit_ticket"), "    exit_ticket: 0", 1), "1 or more"),
])
def test_a_wrong_lesson_fails_with_a_message_that_names_the_fix(tmp_path, edit, message):
    with pytest.raises(LessonError, match=message) as raised:
        read_lesson(page_with(tmp_path, edit), COST)
    assert str(raised.value).startswith("cost.md")


def test_each_chapter_lists_its_exercises_in_the_order_its_page_shows_them():
    """The answer key and the lesson's minutes follow ``CHAPTERS``; a learner follows the page: they agree."""
    import re

    for chapter in CHAPTERS:
        built = [make.__name__ for make in chapter.build]
        page = (BOOK / f"{chapter.chapter}.md").read_text(encoding="utf-8")
        shown = [name for name in re.findall(r"^show\((\w+)\(\)\)", page, flags=re.M) if name in built]
        assert shown == built, chapter.chapter


def test_the_timed_sequence_names_every_step_and_adds_up():
    from html import escape

    from exercises.book import exercise_by_id
    from exercises.display import html_table
    from exercises.teaching.lesson_plans import sequence_rows

    for lesson in lessons(BOOK):
        titles = {exercise_id: exercise_by_id(exercise_id).title for exercise_id, _ in lesson.exercise_minutes}
        html = html_table("t", ["Step", "Minutes"], sequence_rows(lesson, titles)).data
        assert f'Total</th><td class="number" style="text-align:right;vertical-align:top">{LESSON_MINUTES}</td>' in html
        for exercise_id, _ in lesson.exercise_minutes:
            assert f'#exercise-{exercise_id}">{escape(titles[exercise_id])}</a>' in html
        for step in ("Warm-up question", "Read the chapter", "Discussion questions", "Exit ticket"):
            assert step in html
