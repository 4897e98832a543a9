"""Progress survives a kernel restart: answer two exercises in a notebook, run the page again in a new kernel, and
find the answers, feedback, hints and "Show answer" back; a progress file that cannot be read is kept aside.

Each run is a new nbclient kernel with book/ as the working directory, as a learner's Jupyter runs a page; the
kernels save to the test's ``KIT_PROGRESS_FILE`` (``tests/conftest.py``), which they inherit.
"""

from __future__ import annotations

import json

import nbclient
import nbformat
import pytest

from exercises.progress import read_progress
from support.catalogue import book_exercises
from support.paths import REPO_ROOT

EXERCISES = book_exercises()
NUMBER = next(e for e in EXERCISES if e.kind == "number" and e.hints)
MULTIPLE = next(e for e in EXERCISES if e.kind == "multiple" and e.sample_wrong_answers())

PAGE = f"""
from exercises.book import exercise_by_id
from exercises.widgets import show

number = show(exercise_by_id({NUMBER.id!r}))
choices = show(exercise_by_id({MULTIPLE.id!r}))
display(number, choices)
"""

ANSWER = f"""
def answer(widget, value):
    widget.exercise.fill_widgets(widget.inputs, value)
    widget.check_button.click()

answer(number, {NUMBER.sample_wrong_answers()[0]!r})
answer(choices, {MULTIPLE.sample_wrong_answers()[0]!r})
answer(choices, {MULTIPLE.correct_answer()!r})
choices.answer_button.value = True
"""

REPORT = """
import json
print(json.dumps({name: {"answer": widget.answer_value(), "feedback": widget.feedback_text,
                         "hints": widget.hints_shown, "offers_answer": widget.answer_button.layout.display is None,
                         "notice": widget.progress_notice.value}
                  for name, widget in {"number": number, "choices": choices}.items()}))
"""


def run(*sources: str) -> dict:
    """Run the cells in a new kernel; return what the last one printed."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO_ROOT / "book")}}).execute()
    return json.loads(notebook.cells[-1].outputs[-1]["text"])


@pytest.mark.slow
def test_answers_and_feedback_come_back_after_a_kernel_restart(progress_file):
    fresh = run(PAGE, REPORT)
    assert fresh["number"]["feedback"] == "" and not fresh["number"]["offers_answer"]
    assert not progress_file.exists(), "running the page saves nothing"

    answered = run(PAGE, ANSWER, REPORT)
    restarted = run(PAGE, REPORT)
    for name in ("number", "choices"):
        for part in ("answer", "feedback"):
            assert restarted[name][part] == answered[name][part], (name, part)
        assert restarted[name]["offers_answer"] and restarted[name]["notice"] == ""
    assert restarted["number"]["answer"] == NUMBER.sample_wrong_answers()[0]
    assert restarted["number"]["feedback"].startswith("✘") and restarted["number"]["hints"] == 1
    # A restored exercise unfolds one hint per attempt (the state rules), the right one included.
    assert answered["choices"]["hints"] == 1 and restarted["choices"]["hints"] == min(2, len(MULTIPLE.hints))
    assert restarted["choices"]["feedback"].startswith("✔")
    saved = read_progress(progress_file.read_bytes()).exercises
    assert (saved[MULTIPLE.id].attempts, saved[MULTIPLE.id].right_at_first_try, saved[MULTIPLE.id].revealed) \
        == (2, False, True)

    progress_file.write_bytes(b'{"format": "deepseek-headlines-progress", "exercises": ')
    after = run(PAGE, ANSWER, REPORT)
    [aside] = progress_file.parent.glob("progress.corrupt-*.json")
    assert aside.read_bytes() == b'{"format": "deepseek-headlines-progress", "exercises": '
    assert str(aside) in after["number"]["notice"] and "not valid JSON" in after["number"]["notice"]
    assert read_progress(progress_file.read_bytes()).exercises[NUMBER.id].attempts == 1, "a fresh file started"
