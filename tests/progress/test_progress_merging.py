"""Merging two records loses nothing and counts nothing twice, in any order (``merging.py``).

Hypothesis proves the three properties that let the book and the notebooks merge whenever they like: merging is
idempotent, commutative and associative. Records are compared by their canonical JSON, which tells 1 from true.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given

from exercises.progress import ExerciseState, ProgressRecord, canonical_json, merge, read_progress, to_json
from progress_samples import records, sample_record


def same(first: ProgressRecord, second: ProgressRecord) -> bool:
    return canonical_json(first.content()) == canonical_json(second.content())


@given(records())
def test_merging_a_record_with_itself_changes_nothing(progress):
    assert same(merge(progress, progress), progress)


@given(records(), records())
def test_merging_is_commutative(first, second):
    assert same(merge(first, second), merge(second, first))


@given(records(), records(), records())
def test_merging_is_associative(first, second, third):
    assert same(merge(merge(first, second), third), merge(first, merge(second, third)))


@given(records(), records())
def test_a_merged_record_holds_every_exercise_of_both_and_survives_its_file(first, second):
    merged = merge(first, second)
    assert merged.exercises.keys() == first.exercises.keys() | second.exercises.keys()
    assert same(read_progress(to_json(merged)), merged)


def state(**changes) -> ExerciseState:
    base = ExerciseState("a", 1, True, False, "2025-02-01T09:00:00.000Z", "2025-02-01T09:00:00.000Z")
    return replace(base, **changes)


def merged_state(first: ExerciseState, second: ExerciseState) -> ExerciseState:
    one, other = (replace(sample_record(), exercises={"cost-total": given_state}) for given_state in (first, second))
    return merge(one, other).exercises["cost-total"]


def test_the_state_changed_last_gives_the_answer_and_the_attempts_which_are_never_added():
    earlier = state(last_entry="a", attempts=3, last_changed="2025-02-01T09:00:00.000Z")
    later = state(last_entry="b", attempts=4, last_changed="2025-02-01T10:30:00+01:00")  # 09:30 UTC
    result = merged_state(earlier, later)
    assert (result.last_entry, result.attempts, result.last_changed) == ("b", 4, "2025-02-01T10:30:00+01:00")


def test_times_in_different_offsets_compare_as_moments():
    utc = state(last_entry="utc", last_changed="2025-02-01T09:45:00.000Z")
    offset = state(last_entry="offset", last_changed="2025-02-01T10:30:00+01:00")  # 09:30 UTC, earlier
    assert merged_state(offset, utc).last_entry == "utc"


def test_the_answer_was_shown_if_either_state_says_so():
    assert merged_state(state(revealed=True), state(revealed=False)).revealed is True
    assert merged_state(state(revealed=False), state(revealed=False)).revealed is False


def test_the_first_try_comes_from_the_state_seen_first_among_those_with_an_attempt():
    first = state(right_at_first_try=False, first_seen="2025-02-01T08:00:00.000Z")
    second = state(right_at_first_try=True, first_seen="2025-02-01T09:00:00.000Z")
    never_tried = state(right_at_first_try=None, attempts=0, first_seen="2025-02-01T07:00:00.000Z")
    assert merged_state(first, second).right_at_first_try is False
    assert merged_state(second, never_tried).right_at_first_try is True
    assert merged_state(never_tried, replace(never_tried, first_seen="2025-02-01T06:00:00.000Z")).first_seen \
        == "2025-02-01T06:00:00.000Z"


def test_the_name_comes_from_the_record_exported_last_and_is_never_lost_to_a_record_without_one():
    named = replace(sample_record(), learner="Ada", exported_at="2025-02-01T00:00:00.000Z")
    later = replace(sample_record(), learner="Ada L.", exported_at="2025-02-05T00:00:00.000Z")
    nameless = replace(sample_record(), learner=None, exported_at="2025-03-01T00:00:00.000Z")
    assert merge(named, later).learner == "Ada L."
    assert merge(nameless, named).learner == "Ada"
