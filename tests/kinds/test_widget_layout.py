"""The live widgets fit their cell in JupyterLab, at a desktop width and in a narrow window.

Measured in JupyterLab 4.6: a checkbox or a text box with ``width: 100%`` plus the margin JupyterLab gives
every widget overflowed its cell by 4 px (a horizontal scrollbar); sliders 38em wide overflowed a narrow
window; checkbox and slider labels were cut to one line ending in "…"; and the explorer's status line ended
in a shortened headline ("…A Disruptive Forc…"). These tests hold the layout that fixed it, without a
browser: no control is sized ``100%``, each stretches to fit with a ``max_width``, every widget carries the
stylesheet that lets labels wrap inside its box, and the status line names the articles by id.
"""

from __future__ import annotations

import ipywidgets as w
import pytest

from support.catalogue import book_exercises
from exercises.chapters.hype import EXPLORERS
from exercises.static_html import score_text
from exercises.widgets import WIDGET_CLASS, WIDGET_CSS, ExerciseWidget, ExplorerWidget, ranking_status

EXERCISES = book_exercises()
CONTROLS = (w.Checkbox, w.Textarea, w.Text, w.Dropdown, w.RadioButtons, w.FloatSlider)


def descendants(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def all_widgets():
    return [*(ExerciseWidget(exercise) for exercise in EXERCISES),
            *(ExplorerWidget(explorer()) for explorer in EXPLORERS)]


@pytest.mark.parametrize("live", all_widgets(), ids=lambda live: getattr(live, "exercise", None) and live.exercise.id
                         or live.explorer.id)
def test_every_control_fits_the_cell(live):
    assert WIDGET_CLASS in live.box._dom_classes and live.box.layout.max_width == "100%"
    assert f"<style>{WIDGET_CSS}</style>" in live.box.children[0].value
    controls = [widget for widget in descendants(live.box) if isinstance(widget, CONTROLS)]
    for control in controls:
        assert control.layout.width == "auto", (type(control).__name__, control.layout.width)
        assert control.layout.max_width, type(control).__name__


def test_every_kind_of_control_is_covered():
    kinds = {type(widget) for live in all_widgets() for widget in descendants(live.box)}
    assert set(CONTROLS) <= kinds


def test_the_stylesheet_lets_labels_wrap_and_controls_shrink():
    for rule in ("box-sizing: border-box", "white-space: normal", "overflow: visible", "min-width: 0",
                 "max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px))"):
        assert rule in WIDGET_CSS, rule
    assert all(selector.strip().startswith(f".{WIDGET_CLASS}")
               for block in WIDGET_CSS.split("}") if block.strip() for selector in block.split("{")[0].split(","))


@pytest.mark.parametrize("explorer", EXPLORERS, ids=lambda explorer: explorer.__name__)
def test_the_status_line_names_the_ends_by_id_never_a_shortened_label(explorer):
    live = ExplorerWidget(explorer())
    ranked = live.explorer.ranked(live.weights())
    status = ranking_status(ranked)
    (first, top), (last, bottom) = ranked[0], ranked[-1]
    assert status == f"First: {first} ({score_text(top)}); last: {last} ({score_text(bottom)})."
    assert "…" not in status
    assert f'<p class="kit-ranking-status" role="status" aria-live="polite">{status}</p>' in live.table.value
