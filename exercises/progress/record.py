"""A learner's progress as data: each exercise's state, the record a progress file holds, and its JSON.

A progress file carries a checksum: the SHA-256 (hex) of the canonical JSON (``canonical.py``) of every field but
the checksum itself. It reveals a file edited by hand, so that a class report can say so. It is not security:
anyone can compute it again after an edit. ``to_json`` writes a file; ``from_json`` builds the record of a file
already checked (``reading.read_progress`` checks a file from outside first).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from .canonical import canonical_json

FORMAT = "deepseek-headlines-progress"
SCHEMA_VERSION = 1
DISTRIBUTION = "deepseek-headlines-kit"


#: The fields of :class:`ExerciseState` whose key in a progress file differs from the field's name.
FILE_KEYS = {"last_entry": "last_answer", "revealed": "answer_shown"}
FIELDS = {key: field_name for field_name, key in FILE_KEYS.items()}


@dataclass(frozen=True)
class ExerciseState:
    """One exercise's state: the learner's last entry (any JSON), the attempts, whether the first was right (None
    until there is one), whether the answer was revealed, and when the exercise was first seen and last changed.

    The file names two fields differently (:data:`FILE_KEYS`): ``last_entry`` is "last_answer" and ``revealed``
    is "answer_shown" there, the names the book's script uses too."""

    last_entry: object
    attempts: int
    right_at_first_try: bool | None
    revealed: bool
    first_seen: str
    last_changed: str

    def as_json(self) -> dict:
        return {FILE_KEYS.get(name, name): value for name, value in vars(self).items()}


@dataclass(frozen=True)
class ProgressRecord:
    """What a progress file holds, without its checksum (which ``to_json`` computes)."""

    kit_version: str
    exported_at: str
    exercises: dict[str, ExerciseState] = field(default_factory=dict)
    learner: str | None = None

    def stamped(self, moment: str | None = None) -> ProgressRecord:
        """The same record, exported now (or at ``moment``) by this kit."""
        return replace(self, kit_version=kit_version(), exported_at=moment or now())

    def content(self) -> dict:
        """Every field of the file but the checksum, as JSON data."""
        content = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "kit_version": self.kit_version,
                   "exported_at": self.exported_at,
                   "exercises": {name: state.as_json() for name, state in self.exercises.items()}}
        if self.learner is not None:
            content["learner"] = self.learner
        return content


def kit_version() -> str:
    """The installed kit's version, or "unknown" when the kit runs from a folder that was never installed."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


def now() -> str:
    """The current time in UTC, as JavaScript's ``toISOString`` writes it: ``2025-01-27T09:30:00.000Z``."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_record(learner: str | None = None) -> ProgressRecord:
    """An empty record for this kit, exported now."""
    return ProgressRecord(kit_version=kit_version(), exported_at=now(), learner=learner)


def checksum(content: dict) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``content`` without its ``checksum`` field."""
    unsigned = {key: value for key, value in content.items() if key != "checksum"}
    return hashlib.sha256(canonical_json(unsigned).encode("utf-8")).hexdigest()


def to_json(record: ProgressRecord) -> str:
    """The progress file of ``record``, with its checksum."""
    content = record.content()
    return json.dumps({**content, "checksum": checksum(content)}, ensure_ascii=False, indent=1, allow_nan=False)


def from_content(content: dict) -> ProgressRecord:
    """The record of a file's checked JSON data."""
    return ProgressRecord(
        kit_version=content["kit_version"], exported_at=content["exported_at"], learner=content.get("learner"),
        exercises={name: ExerciseState(**{FIELDS.get(key, key): value for key, value in state.items()})
                   for name, state in content["exercises"].items()})


def from_json(text: str) -> ProgressRecord:
    """The record of a progress file written by ``to_json``; a file from elsewhere goes through ``read_progress``."""
    return from_content(json.loads(text))
