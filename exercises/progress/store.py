"""The learner's progress file in the home folder, which the notebooks' widgets update and the learner hands in.

The file is ``~/.deepseek-headlines/progress.json``, or the path in the environment variable ``KIT_PROGRESS_FILE``
(the tests set it); ``KIT_PROGRESS_FILE=off`` turns saving off, so that nothing is read or written (the book's
build sets it: a page executed for the book must show no one's saved answers). It is in the export format
(``record.to_json``, with its checksum), so it can be handed in as it is. Reading it never writes anything, so a
page that only shows exercises saves nothing until the learner acts.

Every update takes a lock beside the file (``filelock``), reads the file as it is now, changes it, and writes it
to a temporary file in the same folder, flushed to disk, that then replaces the old one: two kernels saving at
once lose nothing, and a write that fails midway leaves the old file whole. A file that cannot be read is moved
aside (``progress.corrupt-<UTC time>.json``, never overwritten, never deleted) and a fresh one started; a folder
that cannot be written leaves the exercises working without saving. Each of these gives the learner a message;
nothing here lets an ``OSError`` escape from ``update``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from .merging import merge
from .reading import ProgressError, read_progress
from .record import ExerciseState, ProgressRecord, new_record, to_json

#: The environment variable that moves the progress file (the tests point it into a temporary folder).
ENVIRONMENT_VARIABLE = "KIT_PROGRESS_FILE"
#: Its value that turns saving off: nothing is read or written.
OFF = "off"
DEFAULT_FILE = Path("~") / ".deepseek-headlines" / "progress.json"
#: The hand-in copy's name, written next to the notebook.
EXPORT_NAME = "my-progress.json"
#: How long an update waits for another notebook to finish saving, in seconds.
LOCK_TIMEOUT = 10.0
#: The longest name a progress file holds (its schema says so).
MAX_LEARNER_NAME = 80


def progress_file() -> Path | None:
    """Where the learner's progress is saved: ``KIT_PROGRESS_FILE`` if set, else ``~/.deepseek-headlines/``;
    None when ``KIT_PROGRESS_FILE=off`` turns saving off."""
    override = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if override.lower() == OFF:
        return None
    return Path(override or DEFAULT_FILE).expanduser()


@dataclass(frozen=True)
class Loaded:
    """The record a progress file holds (empty when there is none), or why it cannot be read."""

    record: ProgressRecord
    problem: str = ""


@dataclass(frozen=True)
class Saved:
    """The record after an update, whether it reached the disk, and what the learner should be told."""

    record: ProgressRecord
    saved: bool
    messages: tuple[str, ...] = ()


def load(path: Path | None = None) -> Loaded:
    """The saved record, read only: a file that cannot be read is left where it is and ``problem`` says why.
    With saving off, the record is empty."""
    path = path or progress_file()
    if path is None:
        return Loaded(new_record())
    try:
        return Loaded(read_progress(path.read_bytes()))
    except FileNotFoundError:
        return Loaded(new_record())
    except ProgressError as error:
        return Loaded(new_record(), f"Your saved progress ({path}) cannot be read: {error}")
    except OSError as error:
        return Loaded(new_record(), f"Your saved progress ({path}) cannot be read ({reason(error)}).")


def update(change: Callable[[ProgressRecord], ProgressRecord], path: Path | None = None,
           fallback: ProgressRecord | None = None) -> Saved:
    """Apply ``change`` to the file's record under the lock and save the result.

    When the file cannot be read it is moved aside first and ``change`` gets an empty record. When nothing can be
    saved (no lock, a folder that cannot be written, a full disk), ``change`` gets ``fallback`` (or an empty
    record) and the result comes back unsaved with a message saying why (with saving off, unsaved and silent)."""
    path = path or progress_file()
    if path is None:
        return Saved(change(fallback or new_record()), False)
    messages: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(lock_file(path), timeout=LOCK_TIMEOUT):
            current = read_or_set_aside(path, messages)
            changed = change(current).stamped()
            text = to_json(changed)
            read_progress(text)  # never write a file that would be refused when read back
            write_atomically(path, text)
            return Saved(changed, True, tuple(messages))
    except Timeout:
        messages.append(f"Not saved this time: another notebook kept your progress file locked for more than "
                        f"{LOCK_TIMEOUT:.0f} seconds. Your next check will try again.")
    except ProgressError as error:
        messages.append(f"Not saved: {error}")
    except OSError as error:
        messages.append(f"Your progress cannot be saved in {path.parent} ({reason(error)}). The exercises still "
                        "work, but what you do here is not saved.")
    return Saved(change(fallback or new_record()), False, tuple(messages))


def update_exercise(exercise_id: str, change: Callable[[ExerciseState | None], ExerciseState],
                    known: ExerciseState | None = None, path: Path | None = None) -> tuple[ExerciseState, Saved]:
    """Apply ``change`` to one exercise's saved state (``known`` when nothing can be saved); the rest of the file
    is kept as another notebook may just have written it."""
    def changed(record: ProgressRecord) -> ProgressRecord:
        state = change(record.exercises.get(exercise_id))
        return replace(record, exercises={**record.exercises, exercise_id: state})

    fallback = replace(new_record(), exercises={} if known is None else {exercise_id: known})
    saved = update(changed, path, fallback)
    return saved.record.exercises[exercise_id], saved


def read_or_set_aside(path: Path, messages: list[str]) -> ProgressRecord:
    """The file's record, with the lock held; a file that cannot be read is moved aside and a message added."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return new_record()
    try:
        return read_progress(data)
    except ProgressError as error:
        aside = set_aside(path, "corrupt")
        messages.append(f"Your progress file could not be read: {error} It was moved to {aside}, where it is kept, "
                        "and a fresh progress file was started.")
        return new_record()


def set_aside(path: Path, label: str) -> Path:
    """Rename ``path`` to ``<name>.<label>-<UTC time>.json`` beside it (a name in use gets a counter); the lock
    must be held, so that no other notebook takes the same name."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    counter = 2
    while aside.exists():
        aside = path.with_name(f"{path.stem}.{label}-{stamp}-{counter}{path.suffix}")
        counter += 1
    os.rename(path, aside)
    return aside


def write_atomically(path: Path, text: str, mode: int = 0o600) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, then put it in place in one step:
    a failure at any point leaves the old file as it was."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the new file to disk, where the system allows it (not on Windows)."""
    with suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def lock_file(path: Path) -> Path:
    return path.with_name(f"{path.name}.lock")


def reason(error: OSError) -> str:
    """An ``OSError`` in words: "Permission denied", "No space left on device"."""
    return error.strerror or str(error) or type(error).__name__


def learner_name(name: str | None) -> str | None:
    """The name as a file keeps it: trimmed, None when empty; raises ``ValueError`` for one that is too long."""
    if name is None or not name.strip():
        return None
    name = " ".join(name.split())
    if len(name) > MAX_LEARNER_NAME:
        raise ValueError(f"The name is too long: a progress file keeps at most {MAX_LEARNER_NAME} characters.")
    return name


def set_learner(name: str | None, path: Path | None = None) -> Saved:
    """Save the learner's name in the progress file (an empty name removes it)."""
    learner = learner_name(name)
    return update(lambda record: replace(record, learner=learner), path)


def export_progress(path: Path | str | None = None, learner: str | None = None) -> Path:
    """Write a hand-in copy of the progress file (the same format, exported now) and return where it went:
    ``my-progress.json`` in the current folder (next to the notebook) unless ``path`` says otherwise. Raises
    ``ProgressError`` when the progress file cannot be read, ``ValueError`` for a name too long to keep, and
    ``OSError`` when the copy cannot be written."""
    loaded = load()
    if loaded.problem:
        raise ProgressError(loaded.problem)
    record = loaded.record if learner is None else replace(loaded.record, learner=learner_name(learner))
    target = Path(path).expanduser() if path is not None else Path.cwd() / EXPORT_NAME
    write_atomically(target, to_json(record.stamped()), mode=0o644)
    return target


def import_progress(text: str | bytes, path: Path | None = None) -> tuple[ProgressRecord, Saved]:
    """Merge a progress file from elsewhere (another computer, the book in a browser) into this one; raises
    ``ProgressError`` saying what is wrong with a file that cannot be read. Returns the imported record and the
    update."""
    imported = read_progress(text)
    return imported, update(lambda record: merge(record, imported), path)


def reset_progress(path: Path | None = None) -> Path | None:
    """Start again: move the progress file aside as ``<name>.backup-<UTC time>.json`` (kept, never deleted) and
    return where it went (None when there was no file, or saving is off). Raises ``OSError`` or ``filelock.Timeout``
    when it cannot."""
    path = path or progress_file()
    if path is None or not path.exists():
        return None
    with FileLock(lock_file(path), timeout=LOCK_TIMEOUT):
        return set_aside(path, "backup") if path.exists() else None
