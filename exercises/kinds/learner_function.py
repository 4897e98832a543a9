"""Running a learner's function under a time limit and comparing it with the reference: :func:`check_function`.

The learner's function may do anything: :func:`check_function` says what it survives (exceptions of every
kind, endless loops, huge or strange results) and what it cannot. ``exercise`` is a
:class:`~exercises.kinds.code.CodeExercise` (read for ``function_name``, ``cases``, ``reference``,
``tolerance`` and ``time_limit``).
"""

from __future__ import annotations

import inspect
import math
import reprlib
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FunctionType
from typing import Any

from .base import Feedback

#: Seconds a learner's function may run on one case before checking stops (``CodeExercise.time_limit``).
TIME_LIMIT = 2.0
#: Bits of a whole-number result that is still compared and shown as a number (a float holds up to 1,024).
MAX_RESULT_BITS = 1000
#: Bits of a whole number shown digit by digit; a larger one is described by its number of digits.
_SHOWN_BITS = 64
#: Characters of an error message or a value shown in feedback.
_SHOWN_CHARACTERS = 200
#: Stack for the thread a learner's function runs in where no alarm signal can stop it (bytes; 0 keeps the default).
_THREAD_STACK = 16 * 1024 * 1024



def check_function(exercise: Any, function: Any, shown: int = 3,
                   time_limit: float | None = None) -> Feedback:
    """Run ``function`` on every case and compare with the reference; report the first few failures.

    It never raises and the kernel survives, whatever the function does:

    - any exception it raises, ``SystemExit`` (``sys.exit()``) and ``GeneratorExit`` included, is feedback
      naming the call; ``RecursionError`` and ``MemoryError`` get their own sentences, and an exception whose
      ``str()`` raises is named by its type. After a ``MemoryError`` checking stops.
    - each call may take ``time_limit`` seconds (default: the exercise's ``time_limit``, 2 s); after that
      checking stops with a message. On Linux and macOS, in the main thread (where ipykernel runs widget
      callbacks), a ``SIGALRM`` timer raises a private ``BaseException`` inside the function, and again every
      ``REPEAT_SECONDS`` until checking is over, so a limit that is lost once (raised inside a garbage-collector
      callback, where Python can only print it, or caught by the function's own ``except BaseException``) comes back.
      Elsewhere (Windows, another thread, or when a timer is already running) the function runs in a daemon
      thread that the checker waits for; on CPython the runaway thread is then asked to stop by an
      asynchronous exception, which takes effect at its next Python instruction.
    - a ``KeyboardInterrupt`` (a real Ctrl-C or interrupt of the kernel, or one the function raises; they
      cannot be told apart) stops checking at once with a message: the interrupt has done its job, the
      callback ends and the kernel is idle again. It is not re-raised, because an exception escaping a
      widget callback reaches only the kernel's log and leaves the learner without feedback.
    - results are reduced to plain values inside the time limit: numbers are compared as floats only when
      they fit one (whole numbers of up to ``MAX_RESULT_BITS`` bits; text is not a number), and shown through
      a bounded ``repr``; a result whose ``__float__``, ``__repr__``, ``__str__`` or ``__eq__`` raises or
      hangs is described by its type; a generator gets a sentence of its own.

    What no checker inside the kernel can stop: ``os._exit()`` and anything else that ends the process
    (a crash in C code, the operating system's out-of-memory killer); a function that catches
    ``BaseException`` and keeps looping, or that changes the ``SIGALRM`` handler or timer; and long work
    inside one C call (``10 ** 10 ** 9``), which the alarm interrupts only when the call returns. The
    thread fallback cannot stop a thread blocked in C either (it stops when the call returns), and where
    threads cannot start (a browser kernel) the function runs without a time limit.
    """
    problem = _not_a_learner_function(exercise, function)
    if problem:
        return Feedback("invalid", problem)
    limit = exercise.time_limit if time_limit is None else time_limit
    total = len(exercise.cases)
    failures: list[str] = []
    for number, case in enumerate(exercise.cases, start=1):
        expected = exercise.reference(*case)
        call = f"{exercise.function_name}({', '.join(_show(a) for a in case)})"
        outcome = _run_limited(lambda: _try_case(function, case), limit)
        if outcome.stop:
            stop = f"{call} {outcome.text}"
            return Feedback("incorrect", f"Checking stopped at case {number} of {total}.",
                            (*failures[:max(shown - 1, 0)], stop))
        if outcome.raised:
            failures.append(f"{call} {outcome.text}")
        elif not _close(outcome.number, expected, exercise.tolerance):
            failures.append(f"{call} returned {outcome.text}; expected {_show_result(expected)}")
    if not failures:
        return Feedback("correct", f"Correct: your function agrees with the solution on all {total} cases.")
    message = f"Your function disagrees with the solution on {len(failures)} of {total} cases."
    return Feedback("incorrect", message, tuple(failures[:shown]))


def _not_a_learner_function(exercise: Any, function: Any) -> str | None:
    """What to do when ``function`` is not a function the learner wrote (None when it may be one).

    Reads nothing of the learner's object but its type: ``callable`` and ``type`` run none of its code.
    """
    name = exercise.function_name
    run_it = (f"Write your {name} in the code cell below this exercise, run that cell (Shift+Enter), then press "
              "Check my function again.")
    if function is None:
        return f"There is no function called {name} yet. {run_it}"
    if not callable(function):
        return f"{name} is {_a_type(function)}, not a function. {run_it}"
    if type(function) is FunctionType and _module_of(function).startswith("exercises."):
        return f"{name} is still the kit's exercise of that name, not your function. {run_it}"
    return None


def _a_type(value: Any) -> str:
    """"text (a str)", "a number (an int)" or "an object of type X": never raises."""
    kind = type_name(value)
    described = {"str": "text (a str)", "int": "a number (an int)", "float": "a number (a float)"}
    return described.get(kind, f"an object of type {kind}")


def _module_of(function: FunctionType) -> str:
    module = function.__module__  # a plain function's attribute, which no code of the learner's computes
    return module if type(module) is str else ""


@dataclass(frozen=True)
class _Outcome:
    """One call of a learner's function in plain values (no object of the learner's survives it).

    ``number`` is the result as a float to compare (None when it is not a number), ``text`` the result
    as shown or what went wrong in words, ``raised`` whether the call failed, ``stop`` whether checking stops.
    """

    text: str
    number: float | None = None
    raised: bool = False
    stop: bool = False


class _TimeLimit(BaseException):
    """Raised inside a learner's function when its time is up: not an Exception, so ``except Exception`` lets it by."""


def _try_case(function: Callable[..., Any], case: tuple) -> _Outcome:
    """Call the learner's function once and describe what happened; only a time limit or an interrupt escapes."""
    try:
        result = function(*case)
    except (_TimeLimit, KeyboardInterrupt):
        raise
    except BaseException as error:  # noqa: BLE001 - SystemExit and any other error in learner code is feedback
        return _quietly(lambda: _failure(error), _Outcome("stopped with an exception that cannot be described.",
                                                          raised=True))
    # Even isinstance() can run a learner's code (a __class__ property), so all of this is guarded too.
    return _quietly(lambda: _Outcome(_show_result(result), number=_as_number(result)),
                    _Outcome("returned something that cannot be shown", raised=True))


def _failure(error: BaseException) -> _Outcome:
    return _Outcome(_describe_error(error), raised=True, stop=isinstance(error, MemoryError))


def _describe_error(error: BaseException) -> str:
    """What an exception from the learner's function means, as the rest of a sentence that names the call."""
    name = type_name(error)
    if isinstance(error, SystemExit):
        return f"tried to stop Python ({name}, which sys.exit() and exit() raise): return the result instead."
    if isinstance(error, RecursionError):
        return "called itself too many times (RecursionError): make sure it can return without calling itself."
    if isinstance(error, MemoryError):
        return "ran out of memory (MemoryError), so checking stopped there."
    message = _quietly(lambda: _cut(str(error)), None)
    if message is None:
        return f"stopped with {name} (its message cannot be shown)"
    return f"stopped with {name}: {message}" if message else f"stopped with {name}"


def _quietly(action: Callable[[], Any], fallback: Any) -> Any:
    """``action()``, or ``fallback`` when it raises anything but a time limit or an interrupt."""
    try:
        return action()
    except (_TimeLimit, KeyboardInterrupt):
        raise
    except BaseException:  # noqa: BLE001 - a learner's __float__, __repr__ or __str__ may raise anything
        return fallback


def type_name(value: Any) -> str:
    """The name of ``value``'s type, read past any metaclass, shortened: never raises."""
    try:
        return _cut(type.__dict__["__name__"].__get__(type(value)), 60)
    except BaseException:  # noqa: BLE001 - only a time limit or an interrupt could land here
        return "an unknown type"


def _cut(text: str, limit: int = _SHOWN_CHARACTERS) -> str:
    text = str.__str__(text)  # an exact str, whatever subclass a learner's __str__ returned
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _as_number(value: Any) -> float | None:
    """The result as a float to compare, or None: text, a whole number too large for a float, or no number."""
    if isinstance(value, (str, bytes, bytearray)):
        return None
    if isinstance(value, int) and int.bit_length(value) > MAX_RESULT_BITS:
        return None
    return _quietly(lambda: float(value), None)


def _close(got: float | None, expected: Any, tolerance: float) -> bool:
    if got is None:
        return False
    return math.isclose(got, float(expected), rel_tol=tolerance, abs_tol=tolerance)


class _ShortRepr(reprlib.Repr):
    """``reprlib``'s bounded repr, saying what an object is when its own ``__repr__`` fails."""

    def repr_instance(self, value: Any, level: int) -> str:  # noqa: ARG002 - reprlib's signature
        text = _quietly(lambda: str.__str__(repr(value)), None)
        if text is None:
            return f"an object of type {type_name(value)} that cannot be shown"
        return text if len(text) <= self.maxother else text[:self.maxother - 3] + "..."


_REPR = _ShortRepr()
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 60


def _show(value: Any) -> str:
    """A value as Python would write it, shortened (long containers and text are elided)."""
    text = _REPR.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _show_result(value: Any) -> str:
    """A result for people: 56.72, 1,361, the value's repr when it is not a number, or what it is."""
    return _quietly(lambda: _cut(_result_text(value)), f"an object of type {type_name(value)} that cannot be shown")


def _result_text(value: Any) -> str:
    if inspect.isgenerator(value):
        return "a generator, not a number (use return, not yield)"
    if isinstance(value, int) and not isinstance(value, bool) and int.bit_length(value) > _SHOWN_BITS:
        digits = int(int.bit_length(value) * math.log10(2)) + 1
        return f"a whole number with about {digits:,} digits"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            if abs(number) < 1e6:
                return f"{number:,.4g}"
            return f"{number:,.0f}" if abs(number) < 1e21 else f"{number:.4g}"
    return _show(value)


def _run_limited(action: Callable[[], _Outcome], seconds: float) -> _Outcome:
    """``action()`` (which calls the learner's function), stopped after ``seconds`` or by an interrupt."""
    seconds = max(seconds, 0.001)  # a timer of 0 would be no timer at all
    if _alarm_usable():
        return _run_with_alarm(action, seconds)
    return _run_in_thread(action, seconds)


def _too_slow(seconds: float) -> _Outcome:
    unit = "second" if seconds == 1 else "seconds"
    return _Outcome(f"was still running after {seconds:g} {unit}, so checking stopped there: "
                    "look for a loop that never ends.", raised=True, stop=True)


_INTERRUPTED = _Outcome("was interrupted (KeyboardInterrupt), so checking stopped there.", raised=True, stop=True)


#: After the time limit, the alarm goes off again this often until it is disarmed (see :func:`check_function`).
REPEAT_SECONDS = 0.05


def _alarm_usable() -> bool:
    """A ``SIGALRM`` timer can stop the function: Unix, the main thread, and no timer already running."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            and signal.getsignal(signal.SIGALRM) is not None)  # None: a handler from C, which could not be put back


def _run_with_alarm(action: Callable[[], _Outcome], seconds: float) -> _Outcome:
    """Run ``action`` under a ``SIGALRM`` timer that goes off after ``seconds`` and every ``REPEAT_SECONDS`` after
    that; its handler raises ``_TimeLimit`` while armed."""
    armed = [True]

    def time_up(signum, frame):  # noqa: ARG001 - the signal module's signature
        if armed[0]:
            raise _TimeLimit

    try:
        previous = signal.signal(signal.SIGALRM, time_up)
    except (ValueError, OSError):  # not the main thread of the main interpreter after all
        return _run_in_thread(action, seconds)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
            return action()
        finally:
            _disarm(armed, previous)
    except _TimeLimit:
        return _too_slow(seconds)
    except KeyboardInterrupt:
        return _INTERRUPTED


def _disarm(armed: list[bool], previous: Any) -> None:
    """Stop the timer and put the previous handler back, even if the alarm or a Ctrl-C lands meanwhile."""
    interrupted = False
    while True:
        try:
            armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            break
        except _TimeLimit:  # the alarm went off just now, before it was disarmed: the clean-up starts again
            continue
        except KeyboardInterrupt:  # finish the clean-up first, then pass the interrupt on
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt


def _run_in_thread(action: Callable[[], _Outcome], seconds: float) -> _Outcome:
    """Run ``action`` in a daemon thread and wait ``seconds`` for it; a runaway thread is asked to stop."""
    box: dict[str, Any] = {}
    lock = threading.Lock()

    def work() -> None:
        try:
            try:
                outcome = action()
            except _TimeLimit:
                outcome = _too_slow(seconds)
            except KeyboardInterrupt:
                outcome = _INTERRUPTED
            with lock:
                box["outcome"] = outcome
        except BaseException:  # noqa: BLE001, S110 - a stop request that arrived after the work was done
            pass

    worker = _start_thread(work)
    if worker is None:  # no threads here (a browser kernel): run without a time limit
        return _run_unlimited(action)
    try:
        worker.join(seconds)
    except KeyboardInterrupt:
        _stop_thread(worker, lock, box)
        return _INTERRUPTED
    if worker.is_alive():
        _stop_thread(worker, lock, box)
        return box.get("outcome", _too_slow(seconds))
    return box.get("outcome", _too_slow(seconds))


def _start_thread(work: Callable[[], None]) -> threading.Thread | None:
    """A started daemon thread with a large stack (deep recursion in C must not crash it), or None."""
    worker = threading.Thread(target=work, name="kit-learner-function", daemon=True)
    try:
        previous = threading.stack_size(_THREAD_STACK)
    except (ValueError, RuntimeError):  # the platform cannot set it: keep its default
        previous = None
    try:
        worker.start()
    except RuntimeError:
        return None
    finally:
        if previous is not None:
            threading.stack_size(previous)
    return worker


def _stop_thread(worker: threading.Thread, lock: threading.Lock, box: dict) -> None:
    """Ask a runaway thread to stop: CPython raises ``_TimeLimit`` in it at its next Python instruction."""
    try:
        import ctypes

        raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (ImportError, AttributeError):  # not CPython: the thread runs on, the kernel stays responsive
        return
    with lock:  # while the lock is held the thread cannot finish, so its id cannot belong to another thread
        if "outcome" not in box and worker.is_alive():
            raise_in(ctypes.c_ulong(worker.ident), ctypes.py_object(_TimeLimit))


def _run_unlimited(action: Callable[[], _Outcome]) -> _Outcome:
    try:
        return action()
    except KeyboardInterrupt:
        return _INTERRUPTED
