"""The state rules as pure functions: what a check and a shown answer do to an exercise's state."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.progress import ExerciseState, read_progress, to_json
from exercises.progress.record import ProgressRecord
from exercises.progress.updating import (
    VERDICTS, hints_to_unfold, offers_answer, record_answer_shown, record_check, recorded_answer, started,
)
from progress_samples import json_values

T0, T1, T2 = "2025-01-27T09:30:00.000Z", "2025-01-27T09:31:00.000Z", "2025-01-27T09:32:00.000Z"


def test_the_first_check_creates_the_state():
    state = record_check(None, "5.6", "incorrect", T0)
    assert state == ExerciseState(last_entry="5.6", attempts=1, right_at_first_try=False, revealed=False,
                                  first_seen=T0, last_changed=T0)


@pytest.mark.parametrize(("verdict", "first_try"), [("correct", True), ("incorrect", False), ("feedback", None)])
def test_the_first_counted_attempt_fixes_right_at_first_try(verdict, first_try):
    state = record_check(None, "a", verdict, T0)
    assert (state.attempts, state.right_at_first_try) == (1, first_try)


def test_a_refused_answer_is_recorded_but_never_counted():
    state = record_check(None, "", "invalid", T0)
    assert (state.last_entry, state.attempts, state.right_at_first_try, state.last_changed) == ("", 0, None, T0)
    after = record_check(state, "6", "correct", T1)
    assert (after.attempts, after.right_at_first_try, after.first_seen, after.last_changed) == (1, True, T0, T1)


def test_later_attempts_count_and_keep_the_first_try():
    state = record_check(record_check(None, "1", "incorrect", T0), "2", "correct", T1)
    assert (state.last_entry, state.attempts, state.right_at_first_try, state.first_seen, state.last_changed) == (
        "2", 2, False, T0, T1)


def test_a_reflection_never_sets_right_at_first_try():
    state = record_check(record_check(None, "my words", "feedback", T0), "more words", "feedback", T1)
    assert (state.attempts, state.right_at_first_try) == (2, None)


def test_showing_the_answer_creates_or_marks_the_state():
    assert record_answer_shown(None, T0) == ExerciseState(None, 0, None, True, T0, T0)
    state = record_answer_shown(record_check(None, "1", "incorrect", T0), T1)
    assert (state.revealed, state.attempts, state.last_entry, state.first_seen, state.last_changed) == (
        True, 1, "1", T0, T1)


def test_an_unknown_verdict_is_refused_by_name():
    with pytest.raises(ValueError, match="'maybe' is not a verdict"):
        record_check(None, "a", "maybe", T0)


@pytest.mark.parametrize(("answer", "kept"), [
    (("b", "a"), ["b", "a"]),  # a tuple is written as JSON writes it
    (lambda hours, gpus: hours / gpus, None),  # the code kind: the function stays in the notebook
    (float("nan"), None),
    ({1: "a"}, {"1": "a"}),
    ([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], None),  # deeper than a file may nest
])
def test_the_recorded_answer_is_what_a_file_can_hold(answer, kept):
    assert recorded_answer(answer) == kept


def test_hints_and_the_answer_follow_the_attempts():
    assert hints_to_unfold(None, 3) == 0 and not offers_answer(None)
    state = record_check(record_check(None, "1", "incorrect", T0), "2", "incorrect", T1)
    assert [hints_to_unfold(state, count) for count in (0, 1, 2, 5)] == [0, 1, 2, 2]
    assert offers_answer(state)
    assert not offers_answer(record_check(None, "", "invalid", T0))


# --- properties over any sequence of interactions ----------------------------------------------------------

events = st.lists(st.one_of(st.tuples(st.just("check"), json_values(), st.sampled_from(VERDICTS)),
                            st.tuples(st.just("show"), st.none(), st.none())), max_size=12)


def replay(history) -> list[ExerciseState]:
    """The states after each event, one minute apart."""
    states, state = [], None
    for minute, (what, answer, verdict) in enumerate(history):
        moment = f"2025-01-27T09:{minute:02d}:00.000Z"
        state = record_check(state, answer, verdict, moment) if what == "check" else record_answer_shown(state, moment)
        states.append(state)
    return states


@given(events)
def test_attempts_never_decrease_and_count_only_valid_checks(history):
    states = replay(history)
    counted = 0
    for (what, _answer, verdict), state in zip(history, states):
        counted += what == "check" and verdict != "invalid"
        assert state.attempts == counted
    assert all(before.attempts <= after.attempts for before, after in zip(states, states[1:]))


@given(events)
def test_right_at_first_try_never_changes_after_the_first_counted_attempt(history):
    states = replay(history)
    firsts = [i for i, (what, _a, verdict) in enumerate(history) if what == "check" and verdict != "invalid"]
    if not firsts:
        assert all(state.right_at_first_try is None for state in states)
        return
    first = firsts[0]
    verdict = history[first][2]
    expected = None if verdict == "feedback" else verdict == "correct"
    assert all(state.right_at_first_try is None for state in states[:first])
    assert all(state.right_at_first_try is expected for state in states[first:])


@given(events)
def test_first_seen_stays_answer_shown_sticks_and_every_state_makes_a_valid_file(history):
    states = replay(history)
    shown = False
    for (what, _a, _v), state in zip(history, states):
        shown = shown or what == "show"
        assert state.first_seen == states[0].first_seen and state.revealed is shown
    if states:
        record = ProgressRecord(kit_version="0.1.0", exported_at=T2, exercises={"cost-total": states[-1]})
        assert read_progress(to_json(record)).exercises["cost-total"] == states[-1]


def test_started_is_the_empty_state():
    assert started(T0) == ExerciseState(None, 0, None, False, T0, T0)
