"""Thousands of odd inputs thrown at every checker: none raises, every answer gets a verdict and a message."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.book import all_exercises

EXERCISES = all_exercises()
VERDICTS = {"correct", "incorrect", "invalid", "feedback"}

odd_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="0123456789.,$%~≈ -+kKmMbBtTdaysollrUSD\u00a0\t\n", max_size=40),
    st.sampled_from(["NaN", "inf", "-0", "1e309", "\U0001F600", "<script>alert(1)</script>", "x" * 10_000, ""]),
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
