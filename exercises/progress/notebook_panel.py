"""The "My progress" page's live panel in Jupyter: each chapter's exercises with their status, and the progress
file's export, import and reset.

``ProgressPanel(static_html)`` displays as the live panel in Jupyter and as ``static_html`` in the built book (the
page's own kernel-free version), as :class:`exercises.widgets.ExerciseWidget` does. The panel reads and writes the
progress file only through :mod:`exercises.progress.store`; its buttons never raise: every outcome, good or bad, is
a message in the panel's live region.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape, unescape
from pathlib import Path

import ipywidgets as w

from exercises.book import SECTIONS
from exercises.kinds import Exercise, type_name

from . import store
from .reading import ProgressError
from .record import ExerciseState, ProgressRecord

#: The class of the panel's outer box.
PANEL_CLASS = "kit-progress-panel"


def exercise_status(exercise: Exercise, state: ExerciseState | None) -> str:
    """How far the learner got with an exercise, in words: "Not started", "Right at the first try", …"""
    if state is None:
        return "Not started"
    if state.attempts == 0:
        return "Answer shown, not checked" if state.revealed else "Started, not checked yet"
    verdict = last_verdict(exercise, state)
    words = {"correct": "Right at the first try" if state.right_at_first_try else "Right",
             "incorrect": "Not right yet", "feedback": "Written"}.get(verdict, "Checked")
    return f"{words}; answer shown" if state.revealed else words


def last_verdict(exercise: Exercise, state: ExerciseState) -> str | None:
    """The verdict the last saved answer gets now (None when there is no saved answer to check)."""
    if state.last_entry is None:
        return None
    try:
        return exercise.check(state.last_entry).verdict
    except Exception:  # noqa: BLE001 - a status, not a reason to fail the page
        return None


def attempts_text(count: int) -> str:
    return "1 attempt" if count == 1 else f"{count} attempts"


def chapter_table(title: str, exercises: tuple[Exercise, ...], record: ProgressRecord) -> str:
    """One chapter's exercises and their status, as an escaped HTML table."""
    def row(exercise: Exercise) -> str:
        state = record.exercises.get(exercise.id)
        attempts = attempts_text(state.attempts) if state else ""
        return (f'<tr><th scope="row">{escape(exercise.title)}</th>'
                f"<td>{escape(exercise_status(exercise, state))}</td><td>{escape(attempts)}</td></tr>")

    rows = "".join(row(exercise) for exercise in exercises)
    return (f'<table class="kit-progress-table"><caption>{escape(title)}</caption><thead><tr>'
            '<th scope="col">Exercise</th><th scope="col">Status</th><th scope="col">Attempts</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


@cache
def book_sections() -> tuple[tuple[str, tuple[Exercise, ...]], ...]:
    """Each part of the book with exercises (its title and exercises), built once per kernel."""
    return tuple((section.title, tuple(section.exercises())) for section in SECTIONS)


def progress_tables(record: ProgressRecord) -> str:
    """Every chapter's table (and the checks before and after them), in reading order, with a summary first."""
    chapters = book_sections()
    every = [exercise for _, exercises in chapters for exercise in exercises]
    done = sum(1 for exercise in every if exercise.id in record.exercises and record.exercises[exercise.id].attempts)
    summary = f"<p>You have checked {done} of the book's {len(every)} exercises.</p>"
    return summary + "".join(chapter_table(title, exercises, record) for title, exercises in chapters)


def message_html(message: str, problem: bool = False) -> str:
    kind = "problem" if problem else "done"
    return (f'<div class="kit-progress-message" role="status" aria-live="polite" data-kind="{kind}">'
            f"<p>{escape(message)}</p></div>")


class ProgressPanel:
    """The live "My progress" panel: the table, a name, Export, Import and a Reset that asks twice."""

    def __init__(self, static_html: str = ""):
        self.static_html = static_html
        self.tables = w.HTML(value="")
        self.message = w.HTML(value="")
        self.name = w.Text(description="Your name", placeholder="as your teacher knows you (optional)",
                           layout=w.Layout(width="auto", max_width="30em"), style={"description_width": "initial"})
        self.export_button = w.Button(description="Export", tooltip=f"Write {store.EXPORT_NAME} next to this "
                                                                    "notebook, to hand in", layout={"width": "auto"})
        self.refresh_button = w.Button(description="Refresh", tooltip="Read the progress file again",
                                       layout={"width": "auto"})
        self.upload = w.FileUpload(accept=".json", multiple=False, description="Import a file",
                                   tooltip="Import a progress file exported elsewhere", layout={"width": "auto"})
        self.import_path = w.Text(description="or its path", placeholder="my-progress.json",
                                  layout=w.Layout(width="auto", max_width="30em"),
                                  style={"description_width": "initial"})
        self.import_button = w.Button(description="Import", tooltip="Import the progress file at this path",
                                      layout={"width": "auto"})
        self.reset_button = w.Button(description="Reset…", button_style="warning",
                                     tooltip="Start again (your progress is kept aside as a backup)",
                                     layout={"width": "auto"})
        self.confirm_button = w.Button(description="Yes, start again", button_style="danger",
                                       layout={"width": "auto"})
        self.cancel_button = w.Button(description="Cancel", layout={"width": "auto"})
        self.confirmation = w.HBox([
            w.HTML(value="<p>Start again? Your progress file is moved aside as a backup, not deleted.</p>"),
            self.confirm_button, self.cancel_button], layout=w.Layout(flex_flow="row wrap", display="none"))
        self.export_button.on_click(self._guarded(self._export))
        self.refresh_button.on_click(self._guarded(self._refresh))
        self.import_button.on_click(self._guarded(self._import_path))
        self.upload.observe(self._guarded(self._import_upload), names="value")
        self.reset_button.on_click(self._guarded(self._ask_reset))
        self.confirm_button.on_click(self._guarded(self._reset))
        self.cancel_button.on_click(self._guarded(self._cancel_reset))
        row = {"layout": w.Layout(flex_flow="row wrap", align_items="center")}
        self.box = w.VBox([
            self.tables,
            w.HBox([self.name, self.export_button, self.refresh_button], **row),
            w.HBox([self.upload, self.import_path, self.import_button], **row),
            w.HBox([self.reset_button], **row), self.confirmation, self.message,
        ], layout=w.Layout(max_width="100%"))
        self.box.add_class(PANEL_CLASS)
        self._guarded(self._load)()

    # --- what the buttons do -------------------------------------------------------------------
    def _guarded(self, action):
        """``action`` as a callback that never raises: whatever goes wrong becomes a message in the panel."""
        def callback(*_args) -> None:
            try:
                action()
            except BaseException as error:  # noqa: BLE001 - a widget callback must never raise
                self._say(f"That did not work ({type_name(error)}: {error}).", problem=True)
        return callback

    def _load(self) -> bool:
        """Show the saved progress (reading only) and the saved name; False when the file cannot be read."""
        loaded = store.load()
        self.tables.value = progress_tables(loaded.record)
        if store.progress_file() is None:
            self._say(f"Saving progress is turned off here ({store.ENVIRONMENT_VARIABLE}={store.OFF}).")
        if loaded.record.learner and not self.name.value:
            self.name.value = loaded.record.learner
        if loaded.problem:
            self._say(f"{loaded.problem} Check an answer in any exercise, or import a good copy, to move it aside "
                      "(it is kept) and start a fresh file.", problem=True)
        return not loaded.problem

    def _refresh(self) -> None:
        if self._load():
            self._say("Up to date.")

    def _export(self) -> None:
        try:
            learner = store.learner_name(self.name.value)
        except ValueError as error:
            self._say(str(error), problem=True)
            return
        try:
            target = store.export_progress(learner=learner or "")
        except ProgressError as error:
            self._say(str(error), problem=True)
            return
        except OSError as error:
            self._say(f"The copy could not be written next to this notebook ({store.reason(error)}).", problem=True)
            return
        store.set_learner(learner)
        self._say(f"Your progress was written to {target}. Hand in that file (download it from Jupyter's file "
                  "browser if your teacher collects it elsewhere).")

    def _import_path(self) -> None:
        name = self.import_path.value.strip()
        if not name:
            self._say("Type the path of the progress file to import first.", problem=True)
            return
        try:
            data = Path(name).expanduser().read_bytes()
        except OSError as error:
            self._say(f"{name} could not be read ({store.reason(error)}).", problem=True)
            return
        self._import(data, name)

    def _import_upload(self) -> None:
        uploads = self.upload.value
        if not uploads:
            return
        upload = uploads[0]
        self._import(bytes(upload["content"]), upload["name"])
        self.upload.value = ()

    def _import(self, data: bytes, source: str) -> None:
        try:
            imported, saved = store.import_progress(data)
        except ProgressError as error:
            self._say(f"{source} was not imported: {error}", problem=True)
            return
        self._load()
        count = len(imported.exercises)
        done = f"{source} was imported: {count} exercise{'' if count == 1 else 's'} merged with your progress."
        if not saved.saved:
            done = f"{source} was read, but not saved."
        self._say(" ".join([done, *saved.messages]), problem=not saved.saved)

    def _ask_reset(self) -> None:
        self.confirmation.layout.display = None
        self._say("Press “Yes, start again” to confirm, or Cancel.")

    def _cancel_reset(self) -> None:
        self.confirmation.layout.display = "none"
        self._say("Nothing was reset.")

    def _reset(self) -> None:
        self.confirmation.layout.display = "none"
        try:
            backup = store.reset_progress()
        except OSError as error:
            self._say(f"Your progress could not be reset ({store.reason(error)}).", problem=True)
            return
        self._load()
        if backup is None:
            self._say("There was no saved progress to reset.")
        else:
            self._say(f"You start again. Your old progress was kept in {backup}; import it to bring it back.")

    def _say(self, message: str, problem: bool = False) -> None:
        self.message.value = message_html(message, problem)

    @property
    def message_text(self) -> str:
        """The panel's last message, without markup (for tests)."""
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", self.message.value)).split())

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.box._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.static_html
        return bundle
