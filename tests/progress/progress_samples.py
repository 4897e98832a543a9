"""Sample progress records and the hypothesis strategies that build them, shared by the progress tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from exercises.progress import ExerciseState, ProgressRecord

START = datetime(2025, 1, 27, 9, 30, tzinfo=timezone.utc)


def sample_record() -> ProgressRecord:
    """A record with a learner, three exercises and answers of several JSON shapes."""
    return ProgressRecord(
        kit_version="0.1.0", exported_at="2025-02-03T10:00:00.000Z", learner="Ada Lovelace",
        exercises={
            "cost-total": ExerciseState(5.6, 2, False, False, "2025-02-01T09:00:00.000Z", "2025-02-01T09:05:00.000Z"),
            "who-said-it": ExerciseState({"q1": "a", "q2": ["b", "c"]}, 1, True, False,
                                         "2025-02-01T09:10:00.000Z", "2025-02-01T09:11:00.000Z"),
            "rewrite-headline": ExerciseState(None, 0, None, True, "2025-02-02T08:00:00+01:00",
                                              "2025-02-02T08:00:00+01:00"),
        })


def timestamps() -> st.SearchStrategy[str]:
    """Times a few minutes apart, written in UTC or with an offset, so that equal moments are written differently."""
    def written(minutes: int, offset_hours: int) -> str:
        moment = (START + timedelta(minutes=minutes)).astimezone(timezone(timedelta(hours=offset_hours)))
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return st.builds(written, st.integers(0, 5), st.sampled_from([0, 1, -5]))


def json_values() -> st.SearchStrategy[object]:
    """Any JSON an answer may be: text, numbers (finite), booleans, null, and lists and objects of them."""
    leaves = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False) \
        | st.text(max_size=8)
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=8)


def states() -> st.SearchStrategy[ExerciseState]:
    return st.builds(ExerciseState, last_entry=json_values(), attempts=st.integers(0, 4),
                     right_at_first_try=st.sampled_from([None, True, False]), revealed=st.booleans(),
                     first_seen=timestamps(), last_changed=timestamps())


def records() -> st.SearchStrategy[ProgressRecord]:
    """Records over a few shared exercise ids, so that merged records overlap."""
    return st.builds(ProgressRecord, kit_version=st.sampled_from(["0.1.0", "0.2.0", "unknown"]),
                     exported_at=timestamps(),
                     exercises=st.dictionaries(st.sampled_from(["cost-total", "who-said-it", "a1"]), states(),
                                               max_size=3),
                     learner=st.sampled_from([None, "", "Ada", "Grace"]))
