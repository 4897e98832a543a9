"""The "My progress" page (``book/progress.md``): each part of the book's exercises with a status the browser fills,
and the controls to export, import and reset the progress this browser keeps.

Everything here is computed: the parts and their exercises come from :data:`exercises.book.SECTIONS` (the check
before the chapters, the chapters, the check after them), each linked to ``exercise-<id>`` on its own page, and the
kit's version is written in when the page is built. In the built book ``static/quiz/progress-page.js`` (bundled as
``kit-progress.js`` by :mod:`exercises.quiz_script`, loaded by this page alone, see :mod:`exercises.sphinx`) fills
the statuses and runs the controls; without it, the page still lists every exercise. In Jupyter the same cell shows
the live panel of :mod:`exercises.progress.notebook_panel`, which reads and writes the notebooks' progress file.
"""

from __future__ import annotations

from html import escape

from exercises.book import SECTIONS
from exercises.chapters.chapter import ChapterExercises

from .record import kit_version

#: The page's document name, for the Sphinx extension that gives it its script.
PAGE = "book/progress"
#: The file Export downloads.
FILE_NAME = "deepseek-headlines-progress.json"
#: The longest name a learner may give (the schema's ``learner.maxLength``).
MAX_NAME = 80
#: What a status cell says before the script fills it (and in a page without the script).
UNKNOWN_STATUS = "\u2014"


def exercise_rows(part: ChapterExercises) -> str:
    """One row per exercise of a part: its title, linked to the exercise on its page, and a status cell."""
    return "".join(
        f'<tr data-exercise-id="{escape(exercise.id)}"><th scope="row">'
        f'<a href="{escape(part.chapter)}.md#exercise-{escape(exercise.id)}">{escape(exercise.title)}</a></th>'
        f'<td class="kit-progress-state">{UNKNOWN_STATUS}</td></tr>'
        for exercise in part.exercises())


def part_table(part: ChapterExercises) -> str:
    """A part's exercises and their statuses, as a table captioned with the part's title."""
    return (f'<table class="kit-progress-table" id="progress-{escape(part.chapter)}">'
            f"<caption>{escape(part.title)}</caption><thead><tr><th scope=\"col\">Exercise</th>"
            f'<th scope="col">Your progress</th></tr></thead><tbody>{exercise_rows(part)}</tbody></table>')


def controls_html() -> str:
    """The name field and the Export, Import and Reset controls (hidden until the page's script runs), with the
    reset's confirmation step and the status region every message goes to."""
    return (
        '<div class="kit-progress-controls" hidden>'
        '<div class="kit-progress-field"><label for="kit-progress-name">Your name (optional; it is written in the '
        "files you export)</label>"
        f'<input type="text" id="kit-progress-name" class="kit-progress-name" maxlength="{MAX_NAME}" '
        'autocomplete="name" spellcheck="false"></div>'
        '<div class="kit-buttons">'
        f'<button type="button" class="kit-check" data-action="export">Export progress</button>'
        '<button type="button" class="kit-check kit-progress-secondary" data-action="reset">Reset\u2026</button>'
        '</div>'
        '<div class="kit-progress-field"><label for="kit-progress-file">Import a progress file (it is joined with '
        'the progress already in this browser)</label>'
        '<input type="file" id="kit-progress-file" class="kit-progress-file" accept=".json,application/json"></div>'
        '<div class="kit-progress-confirm" role="group" aria-labelledby="kit-progress-confirm-text" hidden>'
        '<p id="kit-progress-confirm-text">Reset removes every answer, attempt and shown answer that this browser '
        "keeps, on every page of the book. It cannot be undone: export your progress first if you may want it "
        "back.</p>"
        '<div class="kit-buttons"><button type="button" class="kit-check kit-progress-danger" '
        'data-action="confirm-reset">Remove my progress</button>'
        '<button type="button" class="kit-check kit-progress-secondary" data-action="cancel-reset">Keep it</button>'
        "</div></div>"
        '<p class="kit-progress-status" role="status" aria-live="polite"></p>'
        "</div>"
    )


def progress_page_html() -> str:
    """The page's kernel-free HTML: what the progress is, the controls, a summary and every part's table."""
    tables = "".join(part_table(part) for part in SECTIONS if part.build)
    return (
        f'<section class="kit-progress tex2jax_ignore mathjax_ignore" data-kit-version="{escape(kit_version())}" '
        f'aria-label="My progress">'
        '<p class="kit-progress-summary" role="status" aria-live="polite"></p>'
        f"{controls_html()}"
        '<noscript><p class="kit-noscript">Keeping your progress needs JavaScript: without it the book cannot '
        "save your answers, and this page can only list the exercises.</p></noscript>"
        f"{tables}</section>"
    )


class StaticProgressPage:
    """The page's HTML for a notebook without the live panel (it displays as the listing alone)."""

    def __init__(self, html: str):
        self.static_html = html

    def _repr_html_(self) -> str:
        return self.static_html


def progress_page():
    """What the page's cell shows: the live panel in Jupyter, the kernel-free page in the built book (as each
    exercise's widget does). The panel needs ipywidgets; without it the listing alone is shown."""
    html = progress_page_html()
    try:
        from .notebook_panel import ProgressPanel
    except ImportError:
        return StaticProgressPage(html)
    return ProgressPanel(html)
