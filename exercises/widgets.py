"""An exercise as a live ipywidgets form in Jupyter: thin glue over ``exercise.check``.

``show(exercise)`` returns an object that Jupyter displays as the live widget and the static book
displays as the kernel-free quiz (the same output carries both, and each front end picks its own).

The Check button's callback never raises: an exception escaping a widget callback reaches only the
kernel's log (and ``SystemExit`` would end the kernel), so whatever happens while checking, the learner
reads a message in the widget. A Ctrl-C (interrupting the kernel) during a check ends the check with a
message saying so; see :func:`exercises.kinds.learner_function.check_function` for how a learner's function is run.

An exercise widget keeps the learner's progress in the progress file (:mod:`exercises.progress.store`), by the same
state rules as the book's script (:mod:`exercises.progress.updating`). Showing a widget only reads the file and puts
the saved state back (the last answer in the controls, the feedback it gets, the hints unfolded so far, "Show
answer" offered after an attempt), so running a page saves nothing until the learner checks an answer or opens the
answer. Saving never stops the widget: a file that cannot be read or a folder that cannot be written gives a message
in the widget, and the widget keeps working.
"""

from __future__ import annotations

import re
from html import escape, unescape

import ipywidgets as w

from .explorer import WeightExplorer
from .kinds import Exercise, Feedback, type_name
from .progress import store
from .progress.record import ExerciseState, now
from .progress.updating import hints_to_unfold, offers_answer, record_answer_shown, record_check
from .static_html import exercise_html, explorer_html, ranking_rows, score_text, source_links

_VERDICT_LABEL = {"correct": "✔", "incorrect": "✘", "invalid": "?", "feedback": "✎"}


def progress_notice_html(messages: list[str]) -> str:
    """Messages about the progress file, as escaped HTML inside a polite live region."""
    paragraphs = "".join(f"<p>{escape(message)}</p>" for message in messages)
    return f'<div class="kit-progress-notice" role="status" aria-live="polite">{paragraphs}</div>' if messages else ""


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
    """The live exercise: inputs, a Check button, hints that unfold, and Show answer; its state is saved in the
    progress file and put back when the exercise is shown again."""

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        #: The exercise's state as last saved or restored (None before the learner has done anything).
        self.state: ExerciseState | None = None
        self.hints_shown = 0
        self._told: set[str] = set()
        controls, self.inputs = exercise.make_widgets()
        self.check_button = w.Button(description=exercise.check_label, button_style="primary",
                                     tooltip="Check your answer", layout=_FITS_LABEL)
        self.answer_button = w.ToggleButton(description=exercise.reveal_label, value=False,
                                            tooltip="Show the answer, its explanation and source", layout=_FITS_LABEL)
        self.feedback = w.HTML(value="")
        self.hints = w.HTML(value="")
        self.answer_panel = w.HTML(value="")  # the answer, explanation and sources, once revealed
        self.progress_notice = w.HTML(value="")
        self.check_button.on_click(self._on_check)
        self.answer_button.observe(self._on_answer, names="value")
        self.answer_button.layout.display = "none"  # the answer is offered only after a first real attempt
        header = w.HTML(value=f"<style>{WIDGET_CSS}</style>"
                              f'<p class="kit-exercise-title"><strong>Exercise:</strong> {escape(exercise.title)}</p>'
                              f"<p>{escape(exercise.prompt)}</p>")
        buttons = w.HBox([self.check_button, self.answer_button], layout=w.Layout(flex_flow="row wrap"))
        self.box = _box([header, *controls, buttons, self.feedback, self.hints, self.answer_panel,
                         self.progress_notice])
        self._restore()

    def answer_value(self):
        """The learner's answer in the form ``exercise.check`` takes."""
        return self.exercise.read_widgets(self.inputs)

    # --- callbacks -------------------------------------------------------------------------------
    def _on_check(self, _button=None) -> None:
        """Check the answer, show the feedback and save the check; never raises, whatever the answer or the
        learner's code does."""
        try:
            answer, result = self._checked()
            self._show_feedback(result)
            self._record(lambda state: record_check(state, answer, result.verdict, now()))
        except BaseException:  # noqa: BLE001 - a second interrupt while showing: the widget keeps its last state
            pass

    def _checked(self) -> tuple[object, Feedback]:
        """The learner's entry (None when it cannot be read) and the checker's feedback on it."""
        entry = None
        try:
            entry = self.answer_value()
            return entry, self.exercise.check(entry)
        except KeyboardInterrupt:
            return entry, Feedback("invalid", "Checking was interrupted. Your answer is unchanged; press the "
                                              "button again to check it.")
        except BaseException as error:  # noqa: BLE001 - the widget must stay usable whatever happens
            return entry, Feedback("invalid", f"Something went wrong while checking ({type_name(error)}). "
                                              "Your answer is unchanged; try again.")

    def _show_feedback(self, result: Feedback) -> None:
        self.feedback.value = feedback_html(result)
        if result.verdict != "invalid":
            self.answer_button.layout.display = None
        if result.verdict == "incorrect":
            self._unfold_hints(self.hints_shown + 1)

    def _unfold_hints(self, count: int) -> None:
        """Show the first ``count`` hints (at most all of them)."""
        self.hints_shown = min(count, len(self.exercise.hints))
        shown = self.exercise.hints[:self.hints_shown]
        if shown:
            self.hints.value = ("<p><strong>Hints</strong></p><ol>"
                                + "".join(f"<li>{escape(h)}</li>" for h in shown) + "</ol>")

    def _on_answer(self, change) -> None:
        ex = self.exercise
        if not change["new"]:
            self.answer_panel.value = ""
            self.answer_button.description = ex.reveal_label
            return
        self._record(lambda state: record_answer_shown(state, now()))
        self.answer_button.description = ex.hide_label
        self.answer_panel.value = (f"{ex.answer_html()}<p>{escape(ex.explanation)}</p>"
                                   f"<p><strong>Source:</strong> {source_links(ex.sources)}</p>")

    # --- progress --------------------------------------------------------------------------------
    def _restore(self) -> None:
        """Put back the saved state: the last answer in the controls (even one the checker now refuses), the
        feedback it gets (checked again without counting), the hints unfolded so far, and "Show answer" after an
        attempt. Reads the file only; never raises."""
        try:
            loaded = store.load()
            if loaded.problem:
                self._tell([f"{loaded.problem} It will be moved aside (and kept) when you next check an answer, "
                            "and a fresh progress file started."])
            state = loaded.record.exercises.get(self.exercise.id)
            if state is None:
                return
            self.state = state
            if state.last_entry is not None:
                self._put_back(state.last_entry)
            self._unfold_hints(hints_to_unfold(state, len(self.exercise.hints)))
            if offers_answer(state):
                self.answer_button.layout.display = None
        except Exception as error:  # noqa: BLE001 - showing the exercise must never fail because of saved progress
            self._tell([f"Your saved progress for this exercise could not be put back ({type_name(error)})."])

    def _put_back(self, answer: object) -> None:
        """Fill the controls with a saved answer, as far as they take it, and show the feedback it gets now."""
        try:
            self.exercise.fill_widgets(self.inputs, answer)
        except Exception:  # noqa: BLE001, S110 - a control that no longer offers a saved choice keeps its default
            pass
        try:
            self.feedback.value = feedback_html(self.exercise.check(answer))
        except Exception:  # noqa: BLE001, S110 - no feedback rather than no widget
            pass

    def _record(self, change) -> None:
        """Save a change to this exercise's state (see :mod:`exercises.progress.updating`); never raises."""
        try:
            self.state, saved = store.update_exercise(self.exercise.id, change, known=self.state)
        except BaseException as error:  # noqa: BLE001 - the exercise keeps working without saving
            self._tell([f"Your progress could not be saved ({type_name(error)}). The exercise still works."])
            return
        if saved.messages:
            self._tell(list(saved.messages))
        elif saved.saved:
            self.progress_notice.value = ""

    def _tell(self, messages: list[str]) -> None:
        """Show messages about the progress file, each only once in this widget."""
        new = [message for message in messages if message not in self._told]
        if new:
            self._told.update(new)
            self.progress_notice.value = progress_notice_html(new)

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
