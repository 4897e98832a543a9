"""A learner's progress: the progress file's format (``progress.schema.json``), its record, reading and merging.

The book's script, the notebooks' widgets and the class report all write or read this one format. ``record`` holds
the data and its JSON with a checksum that reveals hand-editing (it is not security); ``reading`` checks a file
from outside; ``merging`` joins two records. ``updating`` holds the state rules (how a check or a shown answer
changes an exercise's state); ``store`` keeps the learner's progress file in the home folder, which the notebooks'
widgets update and ``export_progress`` copies for handing in; ``notebook_panel`` is the "My progress" page's live
panel (import it on its own: it builds the book's exercises). ``solutions`` never imports this package.
"""

from __future__ import annotations

from .canonical import MAX_DEPTH, canonical_json
from .merging import merge
from .reading import MAX_BYTES, ProgressError, read_progress
from .record import (
    FORMAT, SCHEMA_VERSION, ExerciseState, ProgressRecord, checksum, from_json, kit_version, new_record, now, to_json,
)
from .schema_check import SCHEMA, SCHEMA_PATH
from .store import (
    ENVIRONMENT_VARIABLE, EXPORT_NAME, export_progress, import_progress, progress_file, reset_progress, set_learner,
)
from .updating import record_answer_shown, record_check

__all__ = [
    "ENVIRONMENT_VARIABLE", "EXPORT_NAME", "FORMAT", "MAX_BYTES", "MAX_DEPTH", "SCHEMA", "SCHEMA_PATH",
    "SCHEMA_VERSION", "ExerciseState", "ProgressError", "ProgressRecord", "canonical_json", "checksum",
    "export_progress", "from_json", "import_progress", "kit_version", "merge", "new_record", "now",
    "progress_file", "read_progress", "record_answer_shown", "record_check", "reset_progress", "set_learner",
    "to_json",
]
