"""A learner's progress: the progress file's format (``progress.schema.json``), its record, reading and merging.

The book's script, the notebooks' widgets and the class report all write or read this one format. ``record`` holds
the data and its JSON with a checksum that reveals hand-editing (it is not security); ``reading`` checks a file
from outside; ``merging`` joins two records. ``solutions`` never imports this package.
"""

from __future__ import annotations

from .canonical import MAX_DEPTH, canonical_json
from .merging import merge
from .reading import MAX_BYTES, ProgressError, read_progress
from .record import (
    FORMAT, SCHEMA_VERSION, ExerciseState, ProgressRecord, checksum, from_json, kit_version, new_record, now, to_json,
)
from .schema_check import SCHEMA, SCHEMA_PATH

__all__ = [
    "FORMAT", "MAX_BYTES", "MAX_DEPTH", "SCHEMA", "SCHEMA_PATH", "SCHEMA_VERSION", "ExerciseState", "ProgressError",
    "ProgressRecord", "canonical_json", "checksum", "from_json", "kit_version", "merge", "new_record", "now",
    "read_progress", "to_json",
]
