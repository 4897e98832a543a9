"""The course overview: its plans name real chapters in the book's order, and its minutes are the lessons' own."""

from __future__ import annotations

import copy

import pytest

from exercises.teaching.course import CourseError, course_data, course_overview_html, read_course
from exercises.teaching.lessons import LESSON_MINUTES, lessons
from support.paths import REPO_ROOT

BOOK = REPO_ROOT / "book"


def test_the_plans_cover_one_three_and_six_lessons_with_the_lessons_own_minutes():
    habits, plans = read_course(BOOK)
    by_count = {len(plan.lessons): plan for plan in plans}
    assert {1, 3, 6} <= set(by_count)
    minutes = {lesson.chapter: lesson.total_minutes for lesson in lessons(BOOK)}
    for count, plan in by_count.items():
        assert plan.total_minutes == sum(minutes[lesson.chapter] for lesson in plan.lessons) == count * LESSON_MINUTES
    assert {habits[lesson.chapter] for lesson in by_count[3].lessons} == set(habits.values()), \
        "three lessons teach the three habits"


def test_the_overview_links_each_chapter_and_gives_each_total():
    html = course_overview_html(BOOK).data
    _, plans = read_course(BOOK)
    for plan in plans:
        assert f"{plan.total_minutes}</td></tr>" in html
        for lesson in plan.lessons:
            assert f'href="{lesson.chapter}.md"' in html
    assert "A course of 3 lessons: 150 minutes (2 h 30 min)" in html


def _edited(edit):
    data = copy.deepcopy(course_data())
    edit(data)
    return data


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["plans"][1].update(chapters=["cost", "no-such-chapter", "hype"]), "lists chapters of the book"),
    (lambda d: d["plans"][1].update(lessons=4), "one lesson teaches one chapter"),
    (lambda d: d["plans"][1].update(chapters=["hype", "attribution", "cost"]), "keep the book's order"),
    (lambda d: d["plans"][0].update(why=" "), "say why"),
    (lambda d: d["habits"].pop("cost"), "habit of each chapter"),
    (lambda d: d.update(plans=[]), "at least one plan"),
])
def test_a_wrong_course_file_says_what_to_change(edit, message):
    with pytest.raises(CourseError, match=message):
        read_course(BOOK, _edited(edit))
