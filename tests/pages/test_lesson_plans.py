"""The lesson plans and rubrics as a teacher reads them: every part is there, from the sources the book already has."""

from __future__ import annotations

import re
from html import escape

import pytest

from exercises.chapters import CHAPTERS
from exercises.teaching.lesson_plans import lesson_plan_html
from exercises.teaching.lessons import LESSON_MINUTES, read_lesson
from exercises.teaching.notes import Rubric, RubricLevel, teaching_notes
from exercises.teaching.rubrics import chapter_rubrics_html, markdown_links_html, rubric_anchor, rubric_html
from support.catalogue import book_exercises
from support.paths import REPO_ROOT

BOOK = REPO_ROOT / "book"
CHAPTER_NAMES = [chapter.chapter for chapter in CHAPTERS]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=CHAPTER_NAMES)
def test_a_lesson_plan_holds_every_part_a_teacher_needs(chapter):
    html = lesson_plan_html(chapter.chapter, BOOK).data
    exercises = [exercise for exercise in book_exercises() if exercise.id.split("-")[0] == chapter.chapter]
    notes = teaching_notes(chapter.chapter, BOOK, exercises)
    for text in (notes.warm_up, notes.grouping, notes.extension, notes.support):
        assert escape(text) in html
    ticket = chapter.exit_ticket()
    assert escape(ticket.prompt) in html and ticket.answer_html() in html
    assert f">{LESSON_MINUTES}</td></tr>" in html
    lesson = read_lesson(BOOK / f"{chapter.chapter}.md", chapter, [exercise.id for exercise in exercises])
    linked = re.findall(rf'href="{chapter.chapter}\.md#exercise-([\w-]+)"', html)
    assert set(linked) == {exercise.id for exercise in exercises}
    assert [exercise_id for exercise_id, _ in lesson.exercise_minutes] == [e.id for e in exercises]
    assert f'href="teachers-rubrics.md#{rubric_anchor(chapter.chapter, notes.rubrics[0].task)}"' in html


@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_a_chapters_rubrics_show_each_task_its_levels_and_samples(name):
    html = chapter_rubrics_html(name).data
    exercises = [exercise for exercise in book_exercises() if exercise.id.split("-")[0] == name]
    for rubric in teaching_notes(name, BOOK, exercises).rubrics:
        assert f'id="{rubric_anchor(name, rubric.task)}"' in html
        for level in rubric.levels:
            assert f'<blockquote class="kit-sample">{escape(level.sample)}</blockquote>' in html
    for exercise in exercises:  # a rewrite's rubric shows the sentence to rewrite
        if exercise.kind == "reflection":
            assert f'<blockquote class="kit-original">{escape(exercise.original)}</blockquote>' in html


def test_a_rubric_is_escaped_and_keeps_the_pages_links():
    hostile = "<script>alert(1)</script> & “quoted”"
    rubric = Rubric("discussion-1", "Is [COST-01](facts.md#fact-cost-01) <b>fair</b>?", hostile,
                    tuple(RubricLevel(level, hostile, hostile) for level in ("mastery", "emerging", "beginning")))
    html = rubric_html(rubric, "Discussion question 1", "rubric-cost-discussion-1", "Rubric for a test")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    assert '<a href="facts.md#fact-cost-01">COST-01</a>' in html
    assert markdown_links_html("a [x](y.md) b [z](w.md#q)") == 'a <a href="y.md">x</a> b <a href="w.md#q">z</a>'


def test_rubric_anchors_are_unique_across_the_book():
    anchors = [rubric_anchor(name, rubric.task) for name in CHAPTER_NAMES
               for rubric in teaching_notes(name, BOOK, [e for e in book_exercises() if e.id.split("-")[0] == name]).rubrics]
    assert len(anchors) == len(set(anchors)) >= 30
