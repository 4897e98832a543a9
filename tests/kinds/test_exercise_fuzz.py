"""Thousands of odd inputs thrown at every checker: none raises, every answer gets a verdict and a message.

The inputs include text padded past the input limits and, for the code exercise, functions that return
or raise odd values (huge whole numbers, containers, exceptions of every kind).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.catalogue import book_exercises

EXERCISES = book_exercises()
VERDICTS = {"correct", "incorrect", "invalid", "feedback"}
pytestmark = pytest.mark.slow  # hundreds of examples per exercise

odd_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="0123456789.,$%~≈ -+kKmMbBtTdaysollrUSD\u00a0\t\n", max_size=40),
    st.sampled_from(["NaN", "inf", "-0", "1e309", "\U0001F600", "<script>alert(1)</script>", "x" * 10_000, ""]),
    st.builds(lambda text, pad, space: space * pad + text + space * pad, st.text(max_size=20),
              st.integers(min_value=0, max_value=1_500), st.sampled_from([" ", "\u00a0", "\t", "\n"])),
)
anything = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), odd_text),
    lambda inner: st.one_of(st.lists(inner, max_size=6), st.dictionaries(odd_text, inner, max_size=6)),
    max_leaves=12,
)


def _keys(exercise):
    return [o.key for o in getattr(exercise, "options", ())] + [i.key for i in getattr(exercise, "items", ())]


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_input_gets_a_verdict_and_never_raises(exercise, data):
    keys = _keys(exercise) or ["x"]
    shaped = st.one_of(
        anything,
        st.lists(st.sampled_from(keys) | odd_text, max_size=8),
        st.dictionaries(st.sampled_from([r.key for r in getattr(exercise, "rows", ())] or ["x"]),
                        st.sampled_from(keys) | odd_text, max_size=8),
    )
    answer = data.draw(shaped if exercise.kind != "code" else anything)
    feedback = exercise.check(answer)
    assert feedback.verdict in VERDICTS
    assert isinstance(feedback.message, str) and feedback.message
    assert all(isinstance(detail, str) for detail in feedback.details)


BASE_ERRORS = (ValueError, ZeroDivisionError, SystemExit, GeneratorExit, RecursionError, MemoryError, KeyboardInterrupt)
results = st.one_of(anything, st.integers(min_value=-(10 ** 400), max_value=10 ** 400),
                    st.builds(lambda power: 7 ** power, st.integers(min_value=0, max_value=50_000)),
                    st.complex_numbers(), st.fractions(), st.decimals())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=results, error=st.sampled_from(BASE_ERRORS), raising=st.booleans())
def test_a_learner_function_returning_or_raising_anything_gets_a_verdict(value, error, raising):
    from dataclasses import replace

    exercise = replace(next(e for e in EXERCISES if e.kind == "code"), time_limit=0.5)

    def learner(*_):
        if raising:
            raise error(value)
        return value

    feedback = exercise.check(learner)
    assert feedback.verdict in ("correct", "incorrect")
    assert isinstance(feedback.message, str) and all(isinstance(d, str) and len(d) < 500 for d in feedback.details)
