"""A chapter's lesson plan for a teacher: aims, warm-up, the timed sequence, grouping, exit ticket, extension,
support, and the mistakes to listen for.

Built from three sources the book already has, so it cannot drift from the pages: the page's ``lesson`` front
matter (aims and minutes, :mod:`exercises.teaching.lessons`), the chapter's teaching notes
(:mod:`exercises.teaching.notes`) and the chapter's exercises, whose checkers give the mistakes they recognise and
whose exit ticket's answer is computed like every other answer.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from IPython.display import HTML

from exercises.display import html_table
from exercises.kinds import Exercise
from exercises.static_html import source_links
from exercises.teaching.lessons import LESSON_MINUTES, Lesson, book_folder, read_lesson
from exercises.teaching.notes import TeachingNotes, chapter_named, teaching_notes
from exercises.teaching.rubrics import rubric_anchor

RUBRICS_PAGE = "teachers-rubrics.md"


def _items(texts) -> str:
    return "".join(f"<li>{escape(text)}</li>" for text in texts)


def _minutes(count: int) -> str:
    return f"{count} minute" + ("" if count == 1 else "s")


def sequence_rows(lesson: Lesson, titles: dict[str, str]) -> list[str]:
    """The timed steps of a lesson as table rows: warm-up, reading, each exercise (linked), discussion, exit ticket."""
    chapter = escape(lesson.chapter)

    def row(step: str, minutes: int) -> str:
        return f'<tr><th scope="row">{step}</th><td class="number">{minutes}</td></tr>'

    rows = [row("Warm-up question", lesson.warm_up_minutes),
            row(f'Read the chapter: <a href="{chapter}.md">{escape(lesson.title)}</a>', lesson.reading_minutes)]
    rows += [row(f'Exercise: <a href="{chapter}.md#exercise-{escape(exercise_id)}">{escape(titles[exercise_id])}</a>',
                 minutes) for exercise_id, minutes in lesson.exercise_minutes]
    rows += [row(f'<a href="{chapter}.md#discussion-questions">Discussion questions</a>', lesson.discussion_minutes),
             row("Exit ticket", lesson.exit_ticket_minutes),
             row("Total", lesson.total_minutes)]
    return rows


def exit_ticket_html(chapter_name: str) -> str:
    """The chapter's exit ticket as a teacher reads it: the question, its options if any, the computed answer and why."""
    ticket = chapter_named(chapter_name).exit_ticket()
    options = getattr(ticket, "options", ())
    listed = f'<ol type="A" class="kit-ticket-options">{_items(o.label for o in options)}</ol>' if options else ""
    return (f'<p class="kit-ticket-question">{escape(ticket.prompt)}</p>{listed}'
            f"{ticket.answer_html()}<p>{escape(ticket.explanation)}</p>"
            f'<p class="kit-source"><strong>Source:</strong> {source_links(ticket.sources)}</p>')


def mistakes_to_listen_for(chapter_name: str, exercises: list[Exercise] | None = None) -> str:
    """Each exercise's recognised wrong answers with the feedback they get, as nested lists (``exercises``: the
    chapter's, for a caller that has built them already)."""
    entries = []
    for exercise in chapter_named(chapter_name).exercises() if exercises is None else exercises:
        mistakes = exercise.recognised_mistakes()
        if mistakes:
            said = "".join(f"<li><strong>{escape(did)}</strong>: {escape(feedback)}</li>" for did, feedback in mistakes)
            entries.append(f'<li><a href="{escape(chapter_name)}.md#exercise-{escape(exercise.id)}">'
                           f"{escape(exercise.title)}</a><ul class=\"key-mistakes\">{said}</ul></li>")
    return f'<ul class="kit-listen-for">{"".join(entries)}</ul>' if entries else "<p>No exercise of this chapter has trap answers.</p>"


def lesson_plan_html(chapter_name: str, folder: Path | None = None) -> HTML:
    """One chapter's 50-minute lesson plan, from its page's front matter, its teaching notes and its exercises."""
    chapter = chapter_named(chapter_name)
    folder = book_folder() if folder is None else Path(folder)
    exercises = chapter.exercises()  # built once, for the timings, the notes and the mistakes
    titles = {exercise.id: exercise.title for exercise in exercises}
    lesson = read_lesson(folder / f"{chapter_name}.md", chapter, list(titles))
    notes: TeachingNotes = teaching_notes(chapter_name, folder, exercises)
    table = html_table(f"{lesson.title} in {LESSON_MINUTES} minutes: the steps", ["Step", "Minutes"],
                       sequence_rows(lesson, titles)).data
    first_rubric = rubric_anchor(chapter_name, notes.rubrics[0].task)
    return HTML(
        f'<div class="kit-lesson-plan tex2jax_ignore mathjax_ignore" data-chapter="{escape(chapter_name)}">'
        f'<dl class="article-facts"><dt>Questions</dt><dd><ul>{_items(lesson.questions)}</ul></dd>'
        f"<dt>Objectives</dt><dd><ul>{_items(lesson.objectives)}</ul></dd>"
        f"<dt>Key points</dt><dd><ul>{_items(lesson.key_points)}</ul></dd>"
        f"<dt>Warm-up ({_minutes(lesson.warm_up_minutes)})</dt><dd>{escape(notes.warm_up)}</dd></dl>"
        f"{table}"
        f'<dl class="article-facts"><dt>Grouping</dt><dd>{escape(notes.grouping)}</dd>'
        f"<dt>Exit ticket ({_minutes(lesson.exit_ticket_minutes)})</dt><dd>{exit_ticket_html(chapter_name)}</dd>"
        f"<dt>Extension, for those who finish early</dt><dd>{escape(notes.extension)}</dd>"
        f"<dt>Support, for those who need it</dt><dd>{escape(notes.support)}</dd>"
        f"<dt>Mistakes to listen for</dt><dd>{mistakes_to_listen_for(chapter_name, exercises)}</dd>"
        f'<dt>Rubrics</dt><dd>The open tasks of this lesson (rewrites and discussion questions) have rubrics with '
        f'sample answers: <a href="{RUBRICS_PAGE}#{escape(first_rubric)}">{escape(lesson.title)}, rubrics</a>.'
        f"</dd></dl></div>")
