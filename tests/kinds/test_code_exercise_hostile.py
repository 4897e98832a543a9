"""The code exercise against learner functions that misbehave, without a kernel.

Each hostile function (it exits, interrupts, loops for ever, returns something huge or strange, raises an
exception that cannot be printed) must give feedback naming the call and what went wrong, never an
exception; the time limit must be cleaned up afterwards, and a runaway thread must end. The same functions
go through a real kernel in ``test_widgets_kernel.py``.
"""

from __future__ import annotations

import _thread
import signal
import subprocess
import sys
import threading
from dataclasses import replace

import pytest

from exercises.chapters.cost import cluster_days_question
from exercises.kinds import CodeExercise, Feedback, check_function
from exercises.widgets import ExerciseWidget

BASE = dict(title="t", prompt="p", explanation="e", sources=())
#: Seconds per case in these tests: short, so the endless loops end quickly.
LIMIT = 0.3


def wall_clock_days(gpu_hours, gpus):
    return gpu_hours / gpus / 24


EXERCISE = CodeExercise(id="c", function_name="cluster_days", reference=wall_clock_days,
                        cases=((24.0, 1), (1000.0, 8), (2_788_000.0, 2048)), time_limit=LIMIT, **BASE)


class NoFloat:
    """A result whose conversions and comparisons all fail."""

    def __float__(self):
        raise SystemExit("no float")

    def __repr__(self):
        raise ValueError("no repr")

    def __str__(self):
        raise KeyboardInterrupt  # a hostile __str__ is not a real Ctrl-C, but it cannot be told apart

    def __eq__(self, other):
        raise RuntimeError("no comparison")

    __hash__ = None


class ReprExits:
    def __repr__(self):
        raise SystemExit


class Unprintable(Exception):
    def __str__(self):
        raise SystemExit("no message")


class WrongStr(Exception):
    def __str__(self):
        return 42


class SlowFloat:
    def __float__(self):
        while True:
            pass


class Shouting(type):
    @property
    def __name__(cls):
        raise SystemExit


class Odd(Exception, metaclass=Shouting):
    pass


def sys_exit(gpu_hours, gpus):
    sys.exit()


def raises_keyboard_interrupt(gpu_hours, gpus):
    raise KeyboardInterrupt


def endless(gpu_hours, gpus):
    while True:
        pass


def endless_swallowing_exceptions(gpu_hours, gpus):
    while True:
        try:
            pass
        except Exception:  # noqa: BLE001, S110 - what a learner might write; the time limit is no Exception
            pass


def huge_power(gpu_hours, gpus):
    return int(gpu_hours) ** int(gpus)


def recursive(gpu_hours, gpus):
    return recursive(gpu_hours, gpus)


def generator(gpu_hours, gpus):
    yield gpu_hours / gpus / 24


def out_of_memory(gpu_hours, gpus):
    raise MemoryError


def right(gpu_hours, gpus):
    return gpu_hours / gpus / 24


HOSTILE = {  # function: what its first detail must say after the call
    sys_exit: "tried to stop Python (SystemExit, which sys.exit() and exit() raise): return the result instead.",
    lambda h, g: exit(3): "tried to stop Python (SystemExit",
    huge_power: "returned 24; expected 1",
    lambda h, g: NoFloat(): "returned an object of type NoFloat that cannot be shown; expected 1",
    lambda h, g: ReprExits(): "returned an object of type ReprExits that cannot be shown; expected 1",
    lambda h, g: [NoFloat()] * 1_000_000: "returned [an object of type NoFloat that cannot be shown, ",
    lambda h, g: (_ for _ in ()).throw(Unprintable()): "stopped with Unprintable (its message cannot be shown)",
    lambda h, g: (_ for _ in ()).throw(WrongStr()): "stopped with WrongStr (its message cannot be shown)",
    lambda h, g: (_ for _ in ()).throw(Odd("odd")): "stopped with Odd: odd",
    lambda h, g: (_ for _ in ()).throw(GeneratorExit()): "stopped with GeneratorExit",
    lambda h, g: (_ for _ in ()).throw(ValueError("x" * 10_000)): "stopped with ValueError: xxx",
    recursive: "called itself too many times (RecursionError)",
    generator: "returned a generator, not a number (use return, not yield); expected 1",
    lambda h, g: "1.0": "returned '1.0'; expected 1",
    lambda h, g: float("nan"): "returned nan; expected 1",
    lambda h, g: 10.0 ** 300: "returned 1e+300; expected 1",
    lambda h, g: False: "returned False; expected 1",
}
STOPS = {  # functions after which checking stops at the first case
    raises_keyboard_interrupt: "was interrupted (KeyboardInterrupt), so checking stopped there.",
    endless: f"was still running after {LIMIT:g} seconds, so checking stopped there",
    endless_swallowing_exceptions: "was still running after",
    out_of_memory: "ran out of memory (MemoryError), so checking stopped there.",
}


def timer_is_clean() -> bool:
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) in (
        signal.SIG_DFL, signal.SIG_IGN, None)


@pytest.mark.parametrize("function", list(HOSTILE), ids=range(len(HOSTILE)))
def test_a_hostile_function_gets_specific_feedback(function):
    feedback = EXERCISE.check(function)
    assert feedback.verdict == "incorrect"
    assert feedback.message == "Your function disagrees with the solution on 3 of 3 cases."
    assert feedback.details[0].startswith("cluster_days(24.0, 1) " + HOSTILE[function]), feedback.details[0]
    assert all(len(detail) < 400 for detail in feedback.details)
    assert timer_is_clean()


@pytest.mark.parametrize("function", list(STOPS), ids=lambda f: f.__name__)
def test_checking_stops_with_a_message_after_a_time_limit_interrupt_or_memory_error(function):
    feedback = EXERCISE.check(function)
    assert feedback.verdict == "incorrect"
    assert feedback.message == "Checking stopped at case 1 of 3."
    assert len(feedback.details) == 1 and feedback.details[0].startswith(f"cluster_days(24.0, 1) {STOPS[function]}")
    assert timer_is_clean()


def test_a_huge_whole_number_is_described_by_its_digits_not_converted():
    feedback = EXERCISE.check(huge_power)
    assert feedback.details[2] == ("cluster_days(2788000.0, 2048) returned a whole number with about 13,201 digits; "
                                   "expected 56.72")


def test_a_slow_result_conversion_is_stopped_by_the_time_limit():
    feedback = EXERCISE.check(lambda h, g: SlowFloat())
    assert feedback.message == "Checking stopped at case 1 of 3."
    assert "was still running after" in feedback.details[0]


def test_the_right_function_is_still_right_and_the_limit_is_a_parameter():
    assert EXERCISE.check(right).verdict == "correct"
    assert check_function(EXERCISE, endless, time_limit=0.1).details[0].endswith(
        "was still running after 0.1 seconds, so checking stopped there: look for a loop that never ends.")
    assert replace(EXERCISE, time_limit=1).check(endless).details[0].endswith(
        "was still running after 1 second, so checking stopped there: look for a loop that never ends.")


def test_failures_before_a_stop_are_listed_first_and_the_stop_last():
    calls = []

    def wrong_then_endless(gpu_hours, gpus):
        calls.append(gpus)
        if len(calls) == 3:
            endless(gpu_hours, gpus)
        return 0

    feedback = EXERCISE.check(wrong_then_endless)
    assert feedback.message == "Checking stopped at case 3 of 3."
    assert feedback.details[:2] == ("cluster_days(24.0, 1) returned 0; expected 1",
                                    "cluster_days(1000.0, 8) returned 0; expected 5.208")
    assert "was still running" in feedback.details[2]


def run_in_a_thread(action):
    """``action()`` run in a new thread (where no alarm signal can be used), and its result."""
    box = {}
    thread = threading.Thread(target=lambda: box.update(result=action()))
    thread.start()
    thread.join()
    return box["result"]


def test_away_from_the_main_thread_an_endless_function_is_stopped_and_its_thread_ends():
    before = set(threading.enumerate())
    feedback = run_in_a_thread(lambda: EXERCISE.check(endless))
    assert feedback.details == (f"cluster_days(24.0, 1) {STOPS[endless]}: look for a loop that never ends.",)
    for thread in set(threading.enumerate()) - before:  # the runaway was asked to stop: it ends
        thread.join(timeout=30)
        assert not thread.is_alive(), thread.name


@pytest.mark.parametrize("function", [sys_exit, raises_keyboard_interrupt, huge_power, recursive, generator, right])
def test_away_from_the_main_thread_feedback_is_the_same(function):
    assert run_in_a_thread(lambda: EXERCISE.check(function)) == EXERCISE.check(function)


def test_a_real_ctrl_c_stops_checking_with_a_message():
    """A Ctrl-C (here ``interrupt_main``, as a kernel interrupt does) ends an endless function at once.

    A kernel's Ctrl-C raises KeyboardInterrupt (Python's default SIGINT handler, which ipykernel keeps). Code
    that ran earlier in the test process may have left another handler installed (CI once hung here when the
    full suite ran in a fresh virtual environment), so the default one is put in place for this test.
    """
    patient = replace(EXERCISE, time_limit=20)
    handler_before = signal.signal(signal.SIGINT, signal.default_int_handler)
    started, stop_waiting = threading.Event(), threading.Event()

    def endless_after_saying_so(gpu_hours, gpus):
        started.set()
        while True:
            pass

    def interrupt_once_started():
        # Interrupt only once the learner's function runs: a fixed delay races the check's setup on a busy machine.
        while not stop_waiting.is_set():
            if started.wait(0.05):
                _thread.interrupt_main()
                return

    interrupter = threading.Thread(target=interrupt_once_started, daemon=True)
    interrupter.start()
    try:
        feedback = patient.check(endless_after_saying_so)
    finally:
        stop_waiting.set()
        interrupter.join()
        signal.signal(signal.SIGINT, handler_before)
    assert feedback.details == (f"cluster_days(24.0, 1) {STOPS[raises_keyboard_interrupt]}",)
    assert timer_is_clean()


SWALLOWS_THE_LIMIT_ONCE = """
from tests_kinds_hostile_exercise import EXERCISE

def swallows_the_limit_once(gpu_hours, gpus):
    try:
        count = 0
        while True:
            count += 1
    except BaseException:  # what a garbage-collector callback does to an exception, or a learner's bare except
        pass
    while True:
        count += 1

print(EXERCISE.check(swallows_the_limit_once).details[0])
"""


def test_a_time_limit_lost_once_comes_back(tmp_path):
    """The alarm goes off again after the limit, so a function that swallows the first one is still stopped. Run in
    a process of its own: with a one-shot alarm the function would never end."""
    (tmp_path / "tests_kinds_hostile_exercise.py").write_text(
        "from exercises.kinds import CodeExercise\n"
        "EXERCISE = CodeExercise(id='c', function_name='cluster_days', reference=lambda h, g: h / g / 24,\n"
        "                        cases=((24.0, 1),), time_limit=0.3, title='t', prompt='p', explanation='e',\n"
        "                        sources=())\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", SWALLOWS_THE_LIMIT_ONCE], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("cluster_days(24.0, 1) was still running after 0.3 seconds"), result.stdout


def test_a_timer_already_running_is_left_alone():
    """Another user of the alarm (pytest-timeout, say) keeps its timer: the thread fallback is used."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        assert EXERCISE.check(endless).details[0].endswith("look for a loop that never ends.")
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 60 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


RUN_IT = ("Write your cluster_days in the code cell below this exercise, run that cell (Shift+Enter), then press "
          "Check my function again.")


@pytest.mark.parametrize(("answer", "problem"), [
    (None, "There is no function called cluster_days yet."),
    (42, "cluster_days is a number (an int), not a function."),
    ("def cluster_days(): pass", "cluster_days is text (a str), not a function."),
    (cluster_days_question, "cluster_days is still the kit's exercise of that name, not your function."),
])
def test_something_that_is_not_a_function_is_asked_for(answer, problem):
    assert EXERCISE.check(answer) == Feedback("invalid", f"{problem} {RUN_IT}")


class Exploding(CodeExercise):
    """An exercise whose checker itself fails, to show the widget copes."""

    def check(self, answer):
        raise self.error


@pytest.mark.parametrize(("error", "says"), [(SystemExit(), "Something went wrong while checking (SystemExit)."),
                                             (KeyboardInterrupt(), "Checking was interrupted."),
                                             (ValueError(), "Something went wrong while checking (ValueError).")])
def test_the_widget_check_never_raises(error, says):
    exercise = Exploding(**{**vars(EXERCISE)})
    object.__setattr__(exercise, "error", error)
    widget = ExerciseWidget(exercise)
    widget._on_check()
    assert widget.feedback_text.startswith(f"? {says}")


class Disguised:
    """A result that lies about its class: even isinstance() runs the learner's code."""

    @property
    def __class__(self):
        raise SystemExit


class DisguisedError(Exception):
    @property
    def __class__(self):
        raise SystemExit


def test_a_result_or_error_that_lies_about_its_class_is_still_feedback():
    assert EXERCISE.check(lambda h, g: Disguised()).details[0].startswith("cluster_days(24.0, 1) returned ")
    assert EXERCISE.check(lambda h, g: (_ for _ in ()).throw(DisguisedError("x"))).details[0].startswith(
        "cluster_days(24.0, 1) stopped with ")
