"""The live widgets in a real kernel: answer right, wrong and badly, press Check, read the feedback.

Each case runs in a notebook executed by nbclient with book/ as the working directory, as Binder and a
classroom Jupyter do; button clicks run the same Python callbacks a learner's clicks run.
"""

from __future__ import annotations

import json
from html import escape

import nbclient
import nbformat
import pytest

from conftest import REPO_ROOT
from exercise_probes import right_answer, wrong_answers
from exercises.book import all_exercises
from exercises.widgets import ExerciseWidget

DRIVER = r'''
import json
from IPython import get_ipython
from exercises.book import all_exercises
from exercises.widgets import ExerciseWidget

BY_ID = {exercise.id: exercise for exercise in all_exercises()}

def answer(widget, value):
    ex, inputs = widget.exercise, widget.inputs
    if ex.kind == "single":
        inputs["choice"].value = value or None
    elif ex.kind == "multiple":
        for key, box in inputs.items():
            box.value = key in value
    elif ex.kind == "number":
        inputs["number"].value = value
    elif ex.kind == "matching":
        for row, dropdown in inputs.items():
            dropdown.value = value.get(row, "")
    elif ex.kind == "ordering":
        for n in range(1, len(ex.items) + 1):
            inputs[f"position {n}"].value = value[n - 1] if n <= len(value) else ""
    elif ex.kind == "reflection":
        inputs["text"].value = value
    elif ex.kind == "code":
        get_ipython().user_ns.pop(ex.function_name, None)
        if value is not None:
            get_ipython().user_ns[ex.function_name] = value
    before = widget.answer_value() if ex.kind != "code" else None
    widget.check_button.click()
    kept = ex.kind == "code" or widget.answer_value() == before
    return {"text": widget.feedback_text, "kept": kept, "hints": widget.hints.value}
'''

BAD = {"single": "", "multiple": [], "number": "<script>alert(1)</script>", "matching": {}, "ordering": [],
       "reflection": "   ", "code": None}
EXERCISES = all_exercises()


def literal(value) -> str:
    """Python source for a probe answer (functions are written out as the test's lambdas)."""
    if callable(value):
        return {1: "lambda hours, gpus: hours / gpus", 0: "__import__('solutions').wall_clock_days"}[
            int(value.__name__ == "<lambda>")]
    return repr(value)


@pytest.fixture(scope="module")
def kernel_results():
    cells = [nbformat.v4.new_code_cell(DRIVER), nbformat.v4.new_code_cell("results = {}")]
    for exercise in EXERCISES:
        probes = {"right": right_answer(exercise), "wrong": wrong_answers(exercise)[0], "bad": BAD[exercise.kind]}
        for name, value in probes.items():
            cells.append(nbformat.v4.new_code_cell(
                f"w = ExerciseWidget(BY_ID[{exercise.id!r}])\n"
                f"results[{exercise.id + ':' + name!r}] = answer(w, {literal(value)})"))
    cells.append(nbformat.v4.new_code_cell("print(json.dumps(results))"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO_ROOT / "book")}}).execute()
    return json.loads(notebook.cells[-1].outputs[0]["text"])


def expected_text(exercise, value) -> str:
    feedback = exercise.check(value)
    symbol = {"correct": "✔", "incorrect": "✘", "invalid": "?", "feedback": "✎"}[feedback.verdict]
    return " ".join(" ".join([symbol, feedback.message, *feedback.details]).split())


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_widget_feedback_matches_the_checker(exercise, kernel_results):
    probes = {"right": right_answer(exercise), "wrong": wrong_answers(exercise)[0], "bad": BAD[exercise.kind]}
    for name, value in probes.items():
        result = kernel_results[f"{exercise.id}:{name}"]
        assert result["text"] == expected_text(exercise, value), name
        assert result["kept"], "the learner's answer stays in the widget"
    assert kernel_results[f"{exercise.id}:right"]["text"].startswith("✔" if exercise.gradable else "✎")
    wrong = kernel_results[f"{exercise.id}:wrong"]
    if exercise.hints and exercise.check(probes["wrong"]).verdict == "incorrect":
        assert escape(exercise.hints[0]) in wrong["hints"], "the first hint unfolds after a wrong answer"


def test_widget_output_carries_both_the_live_widget_and_the_static_quiz():
    bundle = ExerciseWidget(EXERCISES[0])._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"].startswith('<section class="kit-exercise')


def test_feedback_html_escapes_everything():
    from exercises.model import Feedback
    from exercises.widgets import feedback_html

    html = feedback_html(Feedback("invalid", "<b>bold</b>", ("<script>alert(1)</script>",)))
    assert "<script>" not in html and "&lt;script&gt;" in html and 'role="status"' in html
