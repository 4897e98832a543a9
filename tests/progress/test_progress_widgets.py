"""The live widget keeps progress: a check and Show answer are saved, and a widget shown again puts them back.

Widgets are driven without a browser, as in ``tests/kinds/test_widgets_kernel.py``: ``fill_widgets`` types an
answer and ``_on_check`` is the Check button's callback. Every test has its own ``KIT_PROGRESS_FILE``
(``tests/conftest.py``).
"""

from __future__ import annotations

import errno
import re
from html import escape

import pytest

from exercises.progress import SCHEMA, read_progress, store
from exercises.widgets import ExerciseWidget, feedback_html
from support.catalogue import book_exercises
from support.exercise_probes import malformed_answers, right_answer, wrong_answers

EXERCISES = book_exercises()
JSON_EXERCISES = [exercise for exercise in EXERCISES if exercise.kind != "code"]


def by_kind(kind: str):
    return next(exercise for exercise in EXERCISES if exercise.kind == kind and len(exercise.hints) >= 2)


def answer(widget: ExerciseWidget, value) -> None:
    widget.exercise.fill_widgets(widget.inputs, value)
    widget._on_check()


def saved(progress_file, exercise_id):
    return read_progress(progress_file.read_bytes()).exercises[exercise_id]


def test_every_book_exercise_id_can_be_saved():
    pattern = re.compile(SCHEMA["$defs"]["exercise_id"]["pattern"])
    assert [exercise.id for exercise in EXERCISES if not pattern.fullmatch(exercise.id)] == []


def test_showing_an_exercise_saves_nothing(progress_file):
    widget = ExerciseWidget(EXERCISES[0])
    assert widget.state is None and not progress_file.parent.exists()
    assert widget.answer_button.layout.display == "none" and widget.progress_notice.value == ""


@pytest.mark.parametrize("exercise", JSON_EXERCISES, ids=[e.id for e in JSON_EXERCISES])
def test_a_checked_answer_comes_back_with_its_feedback(exercise, progress_file):
    first = ExerciseWidget(exercise)
    wrong = wrong_answers(exercise)[0] if wrong_answers(exercise) else right_answer(exercise)
    answer(first, wrong)
    answer(first, right_answer(exercise))
    state = saved(progress_file, exercise.id)
    assert state.attempts == 2 and state.last_entry == first.answer_value()
    before = progress_file.read_bytes()

    again = ExerciseWidget(exercise)
    assert again.answer_value() == first.answer_value()
    assert again.feedback.value == feedback_html(exercise.check(first.answer_value())) == first.feedback.value
    assert again.hints_shown == min(2, len(exercise.hints))
    assert again.answer_button.layout.display is None, "Show answer is offered after an attempt"
    assert progress_file.read_bytes() == before, "putting the feedback back is not an attempt"


def test_checks_follow_the_state_rules_and_hints_unfold_per_attempt(progress_file):
    exercise = by_kind("number")
    widget = ExerciseWidget(exercise)
    answer(widget, malformed_answers(exercise)[0])
    assert saved(progress_file, exercise.id).attempts == 0 and widget.answer_button.layout.display == "none"
    answer(widget, wrong_answers(exercise)[0])
    answer(widget, right_answer(exercise))
    state = saved(progress_file, exercise.id)
    assert (state.attempts, state.right_at_first_try, state.revealed) == (2, False, False)
    assert widget.hints_shown == 1, "a right answer unfolds no hint while the learner works"
    assert ExerciseWidget(exercise).hints_shown == 2, "a restored exercise unfolds a hint per attempt"
    widget.answer_button.value = True
    assert saved(progress_file, exercise.id).revealed
    widget.answer_button.value = False
    assert saved(progress_file, exercise.id).revealed, "hiding the answer again changes nothing"


def test_a_saved_answer_the_checker_refuses_is_still_put_back(progress_file):
    exercise = by_kind("number")
    refused = "<script>alert(1)</script>"
    answer(ExerciseWidget(exercise), refused)
    restored = ExerciseWidget(exercise)
    assert restored.answer_value() == refused
    assert restored.feedback.value == feedback_html(exercise.check(refused))
    assert "<script>" not in restored.feedback.value
    assert restored.answer_button.layout.display == "none" and restored.hints_shown == 0


def test_a_saved_choice_the_controls_no_longer_offer_leaves_a_working_widget(progress_file):
    exercise = by_kind("matching")
    store.update_exercise(exercise.id, lambda state: _state(state, {"no-such-row": "no-such-option"}))
    widget = ExerciseWidget(exercise)
    assert widget.progress_notice.value == "" and widget.answer_button.layout.display is None
    answer(widget, right_answer(exercise))
    assert widget.feedback_text.startswith("✔")


def _state(state, last_answer):
    from exercises.progress.record import now
    from exercises.progress.updating import record_check

    return record_check(state, last_answer, "incorrect", now())


def test_a_code_exercise_saves_no_answer_and_keeps_the_learners_function(progress_file):
    exercise = next(exercise for exercise in EXERCISES if exercise.kind == "code")
    widget = ExerciseWidget(exercise)
    widget._on_check()
    state = saved(progress_file, exercise.id)
    assert state.last_entry is None and state.attempts == 0
    restored = ExerciseWidget(exercise)
    assert restored.state == state and restored.feedback.value == ""


def test_a_file_that_cannot_be_read_is_announced_then_moved_aside_on_the_first_check(progress_file):
    exercise = by_kind("number")
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(b"\x00garbage")
    widget = ExerciseWidget(exercise)
    assert "cannot be read" in widget.progress_notice.value and 'role="status"' in widget.progress_notice.value
    assert progress_file.read_bytes() == b"\x00garbage", "showing the exercise moves nothing"
    answer(widget, wrong_answers(exercise)[0])
    [aside] = progress_file.parent.glob("progress.corrupt-*.json")
    assert aside.read_bytes() == b"\x00garbage"
    assert escape(str(aside)) in widget.progress_notice.value
    assert saved(progress_file, exercise.id).attempts == 1


def test_a_folder_that_cannot_be_written_is_said_once_and_the_widget_keeps_working(progress_file, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(store.tempfile, "mkstemp", refuse)
    exercise = by_kind("number")
    widget = ExerciseWidget(exercise)
    answer(widget, wrong_answers(exercise)[0])
    notice = widget.progress_notice.value
    assert "cannot be saved" in notice and "Permission denied" in notice
    widget.progress_notice.value = ""  # so that a second message would show
    answer(widget, wrong_answers(exercise)[-1])
    assert widget.progress_notice.value == "", "the message comes once"
    assert widget.state.attempts == 2 and widget.hints_shown == 2 and widget.feedback_text.startswith("✘")
    assert not progress_file.exists()


def test_the_callbacks_never_raise_whatever_saving_does(monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "update_exercise", broken)
    exercise = by_kind("single")
    widget = ExerciseWidget(exercise)
    answer(widget, right_answer(exercise))
    assert widget.feedback_text.startswith("✔")
    assert "could not be saved (RuntimeError)" in widget.progress_notice.value
    widget.answer_button.value = True
    assert widget.answer_panel.value


def test_showing_never_fails_because_of_saved_progress(monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "load", broken)
    widget = ExerciseWidget(EXERCISES[0])
    assert "could not be put back (RuntimeError)" in widget.progress_notice.value


def test_with_saving_off_the_widget_works_and_says_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv(store.ENVIRONMENT_VARIABLE, "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    exercise = by_kind("number")
    widget = ExerciseWidget(exercise)
    answer(widget, wrong_answers(exercise)[0])
    assert widget.feedback_text.startswith("✘") and widget.state.attempts == 1 and widget.hints_shown == 1
    assert widget.progress_notice.value == "" and list(tmp_path.iterdir()) == []
    assert ExerciseWidget(exercise).state is None
