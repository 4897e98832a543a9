"""Merges two progress records (two devices, an import into the book), losing nothing and counting nothing twice.

Each part of an exercise's state is merged on its own, always by the same rule, so that merging is idempotent,
commutative and associative (the tests prove it with hypothesis):

- the last answer, the attempts and the last change come together from the state changed last (attempts are
  never added: both devices may have counted the same attempts);
- the answer was shown if either state says so;
- whether the first attempt was right comes from the state that was seen first among those with an attempt,
  together with its first sighting (or the earliest sighting when neither has an attempt).

Of the file's own fields, the learner's name, the kit's version and the export time come together from the record
exported last, a record with a name before one without.
"""

from __future__ import annotations

from datetime import datetime

from .canonical import canonical_json
from .record import ExerciseState, ProgressRecord


def merge(first: ProgressRecord, second: ProgressRecord) -> ProgressRecord:
    """Both records in one: every exercise either holds, each state merged by ``merge_states``."""
    names = sorted(first.exercises.keys() | second.exercises.keys())
    header = max(first, second, key=lambda record: (
        record.learner is not None, moment(record.exported_at), record.exported_at, record.kit_version,
        record.learner or ""))
    return ProgressRecord(
        kit_version=header.kit_version, exported_at=header.exported_at, learner=header.learner,
        exercises={name: merge_states(first.exercises.get(name), second.exercises.get(name)) for name in names})


def merge_states(first: ExerciseState | None, second: ExerciseState | None) -> ExerciseState:
    """One exercise's two states in one (either may be missing, not both)."""
    if first is None or second is None:
        return first or second
    latest = max(first, second, key=lambda state: (
        moment(state.last_changed), state.last_changed, state.attempts, canonical_json(state.last_entry)))
    earliest = min(first, second, key=lambda state: (
        state.right_at_first_try is None, moment(state.first_seen), state.first_seen, state.right_at_first_try))
    return ExerciseState(
        last_entry=latest.last_entry, attempts=latest.attempts, last_changed=latest.last_changed,
        revealed=first.revealed or second.revealed,
        right_at_first_try=earliest.right_at_first_try, first_seen=earliest.first_seen)


def moment(timestamp: str) -> datetime:
    """The moment an ISO 8601 time (with its offset) names, so that times in different offsets compare."""
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
