"""Rubrics as a teacher reads them: the task as learners see it, what to look for, and three levels with samples.

Sample answers are a learner's words, not the kit's, so they are set as quotations (``<blockquote
class="kit-sample">``); the descriptions are the kit's voice.
"""

from __future__ import annotations

from html import escape

from IPython.display import HTML

from exercises.teaching.notes import MARKDOWN_LINK, Rubric, chapter_named, teaching_notes

#: The points of each level, highest first, for a teacher who needs a score.
LEVEL_POINTS = (2, 1, 0)


def markdown_links_html(markdown: str) -> str:
    """One line of the pages' Markdown as HTML: escaped, with its ``[text](page.md#anchor)`` links kept as links."""
    parts, last = [], 0
    for match in MARKDOWN_LINK.finditer(markdown):
        parts.append(escape(markdown[last:match.start()]))
        parts.append(f'<a href="{escape(match.group(2))}">{escape(match.group(1))}</a>')
        last = match.end()
    parts.append(escape(markdown[last:]))
    return "".join(parts)


def rubric_levels_html(rubric: Rubric, label: str) -> str:
    """A rubric's three levels, highest first, each with what an answer at that level does and a sample answer.

    A list of cards rather than a table: three columns of sentences do not fit a phone, and the cards sit side
    by side where there is room (``kit.css``). ``label`` names the list for screen readers."""
    items = "".join(f'<li class="kit-rubric-level kit-level-{level.level}">'
                    f'<p class="kit-level-name"><strong>{escape(level.name)}</strong> ({points} '
                    f'{"point" if points == 1 else "points"})</p><p>{escape(level.description)}</p>'
                    f'<p class="kit-sample-label">A sample answer:</p>'
                    f'<blockquote class="kit-sample">{escape(level.sample)}</blockquote></li>'
                    for level, points in zip(rubric.levels, LEVEL_POINTS))
    return f'<ul class="kit-rubric-levels" aria-label="{escape(label)}">{items}</ul>'


def rubric_anchor(chapter_name: str, task: str) -> str:
    """The id of a rubric on the rubrics page: ``rubric-<exercise id>``, or ``rubric-<chapter>-discussion-<n>``."""
    return f"rubric-{chapter_name}-{task}" if task.startswith("discussion-") else f"rubric-{task}"


def rubric_html(rubric: Rubric, title: str, anchor: str, caption: str, original: str = "") -> str:
    """One rubric with the id ``anchor``: ``title`` (the task's name), its prompt (and the ``original`` sentence of
    a rewrite), what to look for, and the levels, named ``caption`` for screen readers (unique on the page)."""
    return (f'<div class="kit-rubric" id="{escape(anchor)}">'
            f'<p class="kit-rubric-title"><strong>{escape(title)}</strong></p>'
            f'<p class="kit-rubric-prompt">{markdown_links_html(rubric.prompt)}</p>'
            + (f'<blockquote class="kit-original">{escape(original)}</blockquote>' if original else "")
            + f"<p><strong>Look for:</strong> {escape(rubric.look_for)}</p>"
            f"{rubric_levels_html(rubric, caption)}</div>")


def task_title(rubric: Rubric, exercise_titles: dict[str, str]) -> str:
    """The name of an open task: the rewrite exercise's title, or "Discussion question N"."""
    if rubric.task in exercise_titles:
        return f"Exercise: {exercise_titles[rubric.task]}"
    return f"Discussion question {rubric.task.removeprefix('discussion-')}"


def chapter_rubrics_html(chapter_name: str) -> HTML:
    """The rubrics of every open task of a chapter, in the order learners meet them."""
    exercises = chapter_named(chapter_name).exercises()
    titles = {exercise.id: exercise.title for exercise in exercises}
    originals = {exercise.id: getattr(exercise, "original", "") for exercise in exercises}
    notes = teaching_notes(chapter_name, exercises=exercises)
    chapter_title = chapter_named(chapter_name).title
    sections = "".join(rubric_html(rubric, title, rubric_anchor(chapter_name, rubric.task),
                                   f"Rubric: {title} ({chapter_title})", originals.get(rubric.task, ""))
                       for rubric in notes.rubrics for title in [task_title(rubric, titles)])
    return HTML(f'<div class="kit-rubrics tex2jax_ignore mathjax_ignore" data-chapter="{escape(chapter_name)}">'
                f"{sections}</div>")
