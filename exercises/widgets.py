"""An exercise as a live ipywidgets form in Jupyter: thin glue over ``exercise.check``.

``show(exercise)`` returns an object that Jupyter displays as the live widget and the static book
displays as the kernel-free quiz (the same output carries both, and each front end picks its own).

The Check button's callback never raises: an exception escaping a widget callback reaches only the
kernel's log (and ``SystemExit`` would end the kernel), so whatever happens while checking, the learner
reads a message in the widget. A Ctrl-C (interrupting the kernel) during a check ends the check with a
message saying so; see :func:`exercises.kinds.learner_function.check_function` for how a learner's function is run.
"""

from __future__ import annotations

import re
from html import escape, unescape

import ipywidgets as w

from .explorer import WeightExplorer
from .kinds import Exercise, Feedback, type_name
from .static_html import exercise_html, explorer_html, ranking_rows, score_text, source_links

_VERDICT_LABEL = {"correct": "✔", "incorrect": "✘", "invalid": "?", "feedback": "✎"}


def feedback_html(feedback: Feedback) -> str:
    """Feedback as escaped HTML inside a polite live region, for screen readers."""
    details = "".join(f"<li>{escape(d)}</li>" for d in feedback.details)
    items = f"<ul>{details}</ul>" if details else ""
    return (f'<div class="kit-feedback" role="status" aria-live="polite" data-verdict="{feedback.verdict}">'
            f'<p class="kit-message"><span aria-hidden="true">{_VERDICT_LABEL[feedback.verdict]}</span> '
            f"{escape(feedback.message)}</p>{items}</div>")


#: Buttons as wide as their label ("Show a model answer" is cut short at the default width).
_FITS_LABEL = {"width": "auto", "min_width": "9em"}

#: The class of every live widget's outer box: :data:`WIDGET_CSS` styles only what is inside one.
WIDGET_CLASS = "kit-widget"

#: Sent inside each live widget (a ``<style>`` in its first HTML part), because JupyterLab loads none of the
#: book's style sheets. JupyterLab's widget styles cut a checkbox's or slider's label to one line ending in "…"
#: and give inputs fixed widths; in a kit widget labels wrap, every control fits a narrow cell (a slider's label
#: gives up width before the slider does), and the ranking reads from the left (JupyterLab right-aligns table
#: cells for data frames).
WIDGET_CSS = (
    f".{WIDGET_CLASS}, .{WIDGET_CLASS} * {{box-sizing: border-box}}"
    f".{WIDGET_CLASS} {{max-width: 100%}}"
    f".{WIDGET_CLASS} .widget-inline-hbox {{max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px))}}"
    f".{WIDGET_CLASS} .widget-checkbox, .{WIDGET_CLASS} .widget-slider {{height: auto;"
    " min-height: var(--jp-widgets-inline-height, 28px)}"
    f".{WIDGET_CLASS} .widget-label, .{WIDGET_CLASS} .widget-label-basic {{white-space: normal; overflow: visible;"
    " text-overflow: clip; height: auto; line-height: 1.4}"
    f".{WIDGET_CLASS} .widget-checkbox {{align-items: flex-start}}"
    f".{WIDGET_CLASS} .widget-checkbox input {{flex: none; margin-top: 0.2em}}"
    f".{WIDGET_CLASS} .widget-slider {{align-items: center}}"
    f".{WIDGET_CLASS} .widget-slider > .widget-label {{flex: 0 1 auto; min-width: min-content}}"
    f".{WIDGET_CLASS} .widget-slider > .slider-container {{flex: 1 1 8em; min-width: 4em}}"
    f".{WIDGET_CLASS} input, .{WIDGET_CLASS} select, .{WIDGET_CLASS} textarea {{min-width: 0; max-width: 100%}}"
    f".{WIDGET_CLASS} .kit-ranking th, .{WIDGET_CLASS} .kit-ranking td {{text-align: left; vertical-align: top;"
    " padding: 0.2em 0.8em 0.2em 0}"
    f".{WIDGET_CLASS} .kit-ranking-status {{white-space: normal; overflow-wrap: anywhere}}"
)


def _box(children: list[w.Widget]) -> w.VBox:
    """The framed outer box of a live widget, as wide as the cell and no wider."""
    box = w.VBox(children, layout=w.Layout(border="1px solid #bbb", padding="0.5em 1em", margin="0.5em 0",
                                           max_width="100%"))
    box.add_class(WIDGET_CLASS)
    return box


class ExerciseWidget:
    """The live exercise: inputs, a Check button, hints that unfold, and Show answer."""

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        self.attempts = 0
        controls, self.inputs = exercise.make_widgets()
        self.check_button = w.Button(description=exercise.check_label, button_style="primary",
                                     tooltip="Check your answer", layout=_FITS_LABEL)
        self.answer_button = w.ToggleButton(description=exercise.reveal_label, value=False,
                                            tooltip="Show the answer, its explanation and source", layout=_FITS_LABEL)
        self.feedback = w.HTML(value="")
        self.hints = w.HTML(value="")
        self.answer = w.HTML(value="")
        self.check_button.on_click(self._on_check)
        self.answer_button.observe(self._on_answer, names="value")
        self.answer_button.layout.display = "none"  # the answer is offered only after a first real attempt
        header = w.HTML(value=f"<style>{WIDGET_CSS}</style>"
                              f'<p class="kit-exercise-title"><strong>Exercise:</strong> {escape(exercise.title)}</p>'
                              f"<p>{escape(exercise.prompt)}</p>")
        buttons = w.HBox([self.check_button, self.answer_button], layout=w.Layout(flex_flow="row wrap"))
        self.box = _box([header, *controls, buttons, self.feedback, self.hints, self.answer])

    def answer_value(self):
        """The learner's answer in the form ``exercise.check`` takes."""
        return self.exercise.read_widgets(self.inputs)

    # --- callbacks -------------------------------------------------------------------------------
    def _on_check(self, _button=None) -> None:
        """Check the answer and show the feedback; never raises, whatever the answer or the learner's code does."""
        try:
            self._show_feedback(self._checked())
        except BaseException:  # noqa: BLE001 - a second interrupt while showing: the widget keeps its last state
            pass

    def _checked(self) -> Feedback:
        try:
            return self.exercise.check(self.answer_value())
        except KeyboardInterrupt:
            return Feedback("invalid", "Checking was interrupted. Your answer is unchanged; press the button "
                                       "again to check it.")
        except BaseException as error:  # noqa: BLE001 - the widget must stay usable whatever happens
            return Feedback("invalid", f"Something went wrong while checking ({type_name(error)}). "
                                       "Your answer is unchanged; try again.")

    def _show_feedback(self, result: Feedback) -> None:
        self.feedback.value = feedback_html(result)
        if result.verdict != "invalid":
            self.answer_button.layout.display = None
        if result.verdict == "incorrect":
            self.attempts += 1
            shown = self.exercise.hints[:self.attempts]
            if shown:
                self.hints.value = ("<p><strong>Hints</strong></p><ol>"
                                    + "".join(f"<li>{escape(h)}</li>" for h in shown) + "</ol>")

    def _on_answer(self, change) -> None:
        ex = self.exercise
        if not change["new"]:
            self.answer.value = ""
            self.answer_button.description = ex.reveal_label
            return
        self.answer_button.description = ex.hide_label
        self.answer.value = (f"{ex.answer_html()}<p>{escape(ex.explanation)}</p>"
                             f"<p><strong>Source:</strong> {source_links(ex.sources)}</p>")

    @property
    def feedback_text(self) -> str:
        """The feedback as it reads, without markup (for tests)."""
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", self.feedback.value)).split())

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.box._repr_mimebundle_(**kwargs)
        bundle["text/html"] = exercise_html(self.exercise)
        return bundle


def ranking_status(ranked: list[tuple[str, float]]) -> str:
    """"First: 000 (41.0); last: 001 (9.2).": the ends of the ranking by key, never a shortened label."""
    (first, top), (last, bottom) = ranked[0], ranked[-1]
    return f"First: {first} ({score_text(top)}); last: {last} ({score_text(bottom)})."


class ExplorerWidget:
    """The live weight explorer: a slider per category and the ranking table, redrawn as a slider moves."""

    def __init__(self, explorer: WeightExplorer):
        self.explorer = explorer
        self.sliders = {
            weight.key: w.FloatSlider(value=weight.default, min=explorer.minimum, max=explorer.maximum,
                                      step=explorer.step, description=weight.label, readout_format=".1f",
                                      style={"description_width": "20em"},
                                      layout=w.Layout(width="auto", max_width="38em"), continuous_update=False)
            for weight in explorer.weights
        }
        self.table = w.HTML(value="")
        self.reset_button = w.Button(description="Reset weights", tooltip="Put every weight back to its default",
                                     layout={**_FITS_LABEL, "align_self": "flex-start"})
        self.reset_button.on_click(self._on_reset)
        for slider in self.sliders.values():
            slider.observe(self._on_change, names="value")
        header = w.HTML(value=f"<style>{WIDGET_CSS}</style>"
                              f'<p class="kit-exercise-title"><strong>Try it:</strong> {escape(explorer.title)}</p>'
                              f"<p>{escape(explorer.prompt)}</p>")
        self.box = _box([header, *self.sliders.values(), self.reset_button, self.table])
        self._on_change()

    def weights(self) -> dict[str, float]:
        return {key: slider.value for key, slider in self.sliders.items()}

    def _on_change(self, _change=None) -> None:
        ranked = self.explorer.ranked(self.weights())
        self.table.value = (
            '<table class="kit-ranking"><caption>Articles ranked by weighted loaded phrases per 1,000 words</caption><thead><tr>'
            '<th scope="col">Rank</th><th scope="col">Article</th><th scope="col">Score</th></tr></thead>'
            f'<tbody>{ranking_rows(self.explorer, ranked)}</tbody></table>'
            f'<p class="kit-ranking-status" role="status" aria-live="polite">{escape(ranking_status(ranked))}</p>')

    def _on_reset(self, _button=None) -> None:
        for weight in self.explorer.weights:
            self.sliders[weight.key].value = weight.default

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.box._repr_mimebundle_(**kwargs)
        bundle["text/html"] = explorer_html(self.explorer)
        return bundle


def show(exercise: Exercise | WeightExplorer) -> ExerciseWidget | ExplorerWidget:
    """Display an exercise or explorer: a live widget in Jupyter, the static version in the built book."""
    if isinstance(exercise, WeightExplorer):
        return ExplorerWidget(exercise)
    return ExerciseWidget(exercise)
