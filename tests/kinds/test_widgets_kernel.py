"""The live widgets in a real kernel: answer right, wrong and badly, press Check, read the feedback.

Each case runs in a notebook executed by nbclient with book/ as the working directory, as Binder and a
classroom Jupyter do; button clicks run the same Python callbacks a learner's clicks run.

The code exercise also meets hostile learner functions (``sys.exit()``, ``raise KeyboardInterrupt``, an
endless loop, a huge power, a result or an exception that cannot be converted or printed, endless recursion,
a generator) through real clicks: comm messages sent to the button, as the browser sends them, so nothing
in a notebook cell catches what the callback lets escape. After each, the kernel must still answer and the
widget must show the checker's message. A kernel interrupt during an endless loop must end the check with a
message. ``os._exit()`` is not among them: it ends the process, and nothing inside the kernel can stop it.
"""

from __future__ import annotations

import json
import queue
import time
from html import escape

import nbclient
import nbformat
import pytest
from jupyter_client.manager import start_new_kernel

from support.paths import REPO_ROOT
from support.exercise_probes import right_answer, wrong_answers
from support.catalogue import book_exercises
from exercises.widgets import ExerciseWidget

DRIVER = r'''
import json
from exercises.book import all_exercises
from exercises.widgets import ExerciseWidget

BY_ID = {exercise.id: exercise for exercise in all_exercises()}

def answer(widget, value):
    exercise = widget.exercise
    exercise.fill_widgets(widget.inputs, value)
    before = widget.answer_value()
    widget.check_button.click()
    return {"text": widget.feedback_text, "kept": widget.answer_value() == before, "hints": widget.hints.value}
'''

BAD = {"single": "", "multiple": [], "number": "<script>alert(1)</script>", "matching": {}, "ordering": [],
       "reflection": "   ", "code": None}
EXERCISES = book_exercises()


def bad_answer(exercise):
    """A refused answer: the kind's own first sample, unless ``BAD`` names a harsher one (markup for a number)."""
    return BAD.get(exercise.kind, exercise.sample_refused_answers()[0])


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
        probes = {"right": right_answer(exercise), "wrong": wrong_answers(exercise)[0], "bad": bad_answer(exercise)}
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


@pytest.mark.slow
@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_widget_feedback_matches_the_checker(exercise, kernel_results):
    probes = {"right": right_answer(exercise), "wrong": wrong_answers(exercise)[0], "bad": bad_answer(exercise)}
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
    from exercises.kinds import Feedback
    from exercises.widgets import feedback_html

    html = feedback_html(Feedback("invalid", "<b>bold</b>", ("<script>alert(1)</script>",)))
    assert "<script>" not in html and "&lt;script&gt;" in html and 'role="status"' in html


# --- hostile learner functions, clicked through the comm channel ----------------------------------------------

#: Seconds per case for the hostile checks (the default is 2): the endless loop ends quickly.
HOSTILE_LIMIT = 0.5
HOSTILE = {  # name: the learner's cell, and what the feedback must say about the first case
    "sys.exit": ("def cluster_days(gpu_hours, gpus):\n    import sys\n    sys.exit()",
                 "cluster_days(24.0, 1) tried to stop Python (SystemExit, which sys.exit() and exit() raise)"),
    "KeyboardInterrupt": ("def cluster_days(gpu_hours, gpus):\n    raise KeyboardInterrupt",
                          "cluster_days(24.0, 1) was interrupted (KeyboardInterrupt), so checking stopped there."),
    "endless loop": ("def cluster_days(gpu_hours, gpus):\n    while True:\n        pass",
                     f"cluster_days(24.0, 1) was still running after {HOSTILE_LIMIT:g} seconds"),
    "huge power": ("def cluster_days(gpu_hours, gpus):\n    return int(gpu_hours) ** int(gpus)",
                   "cluster_days(24.0, 2048) returned a whole number with about 2,827 digits; expected 0.0004883"),
    "no float": ("class NoFloat:\n    def __float__(self):\n        raise SystemExit\n"
                 "    def __repr__(self):\n        raise SystemExit\n"
                 "def cluster_days(gpu_hours, gpus):\n    return NoFloat()",
                 "cluster_days(24.0, 1) returned an object of type NoFloat that cannot be shown; expected 1"),
    "unprintable error": ("class Unprintable(Exception):\n    def __str__(self):\n        raise SystemExit\n"
                          "def cluster_days(gpu_hours, gpus):\n    raise Unprintable()",
                          "cluster_days(24.0, 1) stopped with Unprintable (its message cannot be shown)"),
    "recursion": ("def cluster_days(gpu_hours, gpus):\n    return cluster_days(gpu_hours, gpus)",
                  "cluster_days(24.0, 1) called itself too many times (RecursionError)"),
    "generator": ("def cluster_days(gpu_hours, gpus):\n    yield gpu_hours / gpus / 24",
                  "cluster_days(24.0, 1) returned a generator, not a number (use return, not yield)"),
}


class LiveKernel:
    """A kernel started with book/ as its working directory, driven message by message."""

    def __init__(self):
        self.manager, self.client = start_new_kernel(kernel_name="python3", cwd=str(REPO_ROOT / "book"))

    def run(self, code: str, timeout: float = 60) -> str:
        """Execute ``code``; return what it printed and its result, or fail on an error."""
        msg_id = self.client.execute(code)
        printed = []
        for message in self._until_idle(msg_id, timeout):
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "execute_result":
                printed.append(content["data"]["text/plain"])
            elif kind == "error":
                raise AssertionError(f"{content['ename']}: {content['evalue']}")
        return "".join(printed)

    def click(self, model_id: str, timeout: float = 60, interrupt_after: float | None = None) -> None:
        """Click a button as the browser does (a comm message), optionally interrupting the kernel meanwhile."""
        message = self.client.session.msg("comm_msg", {"comm_id": model_id,
                                                      "data": {"method": "custom", "content": {"event": "click"}}})
        self.client.shell_channel.send(message)
        if interrupt_after is not None:
            self._wait_for(message["header"]["msg_id"], "busy", timeout)
            time.sleep(interrupt_after)
            self.manager.interrupt_kernel()
        for _ in self._until_idle(message["header"]["msg_id"], timeout):
            pass

    def _until_idle(self, msg_id: str, timeout: float):
        deadline = time.monotonic() + timeout
        while True:
            try:
                message = self.client.get_iopub_msg(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError(f"the kernel did not finish within {timeout} s (alive: "
                                     f"{self.manager.is_alive()})") from None
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return
            yield message

    def _wait_for(self, msg_id: str, state: str, timeout: float) -> None:
        for message in self._until_idle(msg_id, timeout):
            if message["msg_type"] == "status" and message["content"]["execution_state"] == state:
                return

    def shutdown(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def live_kernel():
    kernel = LiveKernel()
    kernel.run("import json\nfrom dataclasses import replace\nfrom exercises.book import exercise_by_id\n"
               "from exercises.widgets import ExerciseWidget\n"
               "def code_widget(seconds):\n"
               "    return ExerciseWidget(replace(exercise_by_id('cost-code-days'), time_limit=seconds))")
    yield kernel
    kernel.shutdown()


def feedback_after_click(kernel: LiveKernel, definition: str, seconds: float, interrupt_after: float | None = None):
    """Define the learner's function, press Check through the comm channel, and read the widget's feedback."""
    model_id = kernel.run(f"widget = code_widget({seconds})\nprint(widget.check_button.model_id)").strip()
    kernel.run(definition)
    kernel.click(model_id, interrupt_after=interrupt_after)
    return json.loads(kernel.run("print(json.dumps(widget.feedback_text))"))


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_learner_function_gets_a_message_and_the_kernel_lives(live_kernel, name):
    definition, says = HOSTILE[name]
    text = feedback_after_click(live_kernel, definition, HOSTILE_LIMIT)
    assert text.startswith("✘ "), text
    assert says in text, text
    assert live_kernel.run("1 + 1") == "2", "the kernel still answers"


@pytest.mark.slow
def test_interrupting_the_kernel_ends_an_endless_check_with_a_message(live_kernel):
    text = feedback_after_click(live_kernel, HOSTILE["endless loop"][0], 60, interrupt_after=0.5)
    assert "interrupted" in text, text
    assert live_kernel.run("1 + 1") == "2", "the kernel still answers"
