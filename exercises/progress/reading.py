"""Reads a progress file from outside (an upload, a hand-in, a file on disk) into a record, or says what is wrong.

The checks run from the cheapest to the dearest: the size, the text, the JSON, whether it is a progress file at all,
its schema version, the schema (``schema_check``), the times and last answers, and last the checksum. Each
problem raises ``ProgressError`` with a message a learner or a teacher can act on; nothing else escapes.
"""

from __future__ import annotations

import json
from datetime import datetime

from .canonical import NotCanonical, canonical_json
from .record import FORMAT, SCHEMA_VERSION, ProgressRecord, checksum, from_content
from .schema_check import first_problem, has_type

MAX_BYTES = 2_000_000


class ProgressError(ValueError):
    """A file that cannot be read as a progress file; the message says why."""


def read_progress(text: str | bytes) -> ProgressRecord:
    """The record in the progress file ``text``; raises ``ProgressError`` saying what is wrong with it."""
    content = parse(text)
    check_kind(content)
    if problem := first_problem(content):
        raise ProgressError(problem)
    check_values(content)
    if content["checksum"] != checksum(content):
        raise ProgressError("The checksum does not match: the file was edited by hand after it was exported.")
    return from_content(whole_numbers(content))


def parse(text: str | bytes) -> object:
    """The JSON data of ``text``, once it is known to be small enough and valid UTF-8."""
    if len(text) > MAX_BYTES:
        raise ProgressError(f"The file is too large to be a progress file (more than {MAX_BYTES:,} bytes).")
    try:
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    except UnicodeEncodeError as error:
        raise ProgressError("The file is not a progress file: it holds text that is not valid Unicode.") from error
    if len(data) > MAX_BYTES:
        raise ProgressError(f"The file is too large to be a progress file (more than {MAX_BYTES:,} bytes).")
    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse_constant)
    except UnicodeDecodeError as error:
        raise ProgressError("The file is not a progress file: it is not UTF-8 text.") from error
    except RecursionError as error:
        raise ProgressError("The file is not a progress file: it nests too deeply.") from error
    except ValueError as error:
        raise ProgressError(f"The file is not a progress file: it is not valid JSON ({error}).") from error


def refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def check_kind(content: object) -> None:
    """Refuses what is not a progress file, or one written by a newer kit."""
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise ProgressError(f'The file is not a progress file of this kit (its "format" is not "{FORMAT}").')
    version = content.get("schema_version")
    if has_type(version, "integer") and version > SCHEMA_VERSION:
        raise ProgressError(f"The file was written by a newer version of the kit (progress format {version}; this "
                            f"kit reads format {SCHEMA_VERSION}): update the kit to read it.")


def check_values(content: dict) -> None:
    """The rules the schema cannot state: real dates, and last answers that nest little and hold finite numbers."""
    times = [("exported_at",), *((("exercises", name, when) for name in content["exercises"]
                                  for when in ("first_seen", "last_changed")))]
    for where in times:
        value = content
        for part in where:
            value = value[part]
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as error:
            raise ProgressError(f'The field "{".".join(where)}" is not a real date and time.') from error
    for name, state in content["exercises"].items():
        try:
            canonical_json(state["last_answer"], depth=3)
        except NotCanonical as error:
            raise ProgressError(f'The field "exercises.{name}.last_answer" cannot be read: {error}.') from error
    try:
        canonical_json({key: value for key, value in content.items() if key != "exercises"})
    except NotCanonical as error:
        raise ProgressError(f"The file cannot be read: {error}.") from error


def whole_numbers(content: dict) -> dict:
    """``content`` with each exercise's attempts as an int (JSON may write 2 as 2.0)."""
    exercises = {name: {**state, "attempts": int(state["attempts"])} for name, state in content["exercises"].items()}
    return {**content, "exercises": exercises}
