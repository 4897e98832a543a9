"""Reads a class's progress files from one folder into the records the report uses and the files it cannot use.

Only the folder's own ``*.json`` files are read (not those in folders inside it). Each is opened read-only and
read once, at most one byte past ``MAX_BYTES``; nothing here writes, moves or touches a file. A file that
``read_progress`` refuses is a problem with its message (not JSON, not a progress file, a newer or wrong schema,
edited by hand, too large). When two usable files name the same learner (compared without regard to case or
spacing), the one exported last is used and each other one is a problem: "Duplicate learner: also in …". A file
without a learner's name is identified by its file name.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from exercises.progress import MAX_BYTES, ProgressError, ProgressRecord, read_progress
from exercises.progress.merging import moment


class FolderError(Exception):
    """The folder to report on does not exist, is not a folder, or holds no ``*.json`` file; the message says which."""


@dataclass(frozen=True)
class LearnerFile:
    """A progress file the report uses: where it is and the record it holds."""

    path: Path
    record: ProgressRecord

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def learner(self) -> str:
        """The learner's name as the file gives it, or the file's name when it gives none."""
        return (self.record.learner or "").strip() or self.file

    @property
    def named(self) -> bool:
        return bool((self.record.learner or "").strip())


@dataclass(frozen=True)
class Problem:
    """A file the report could not use, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Collection:
    """What one folder holds: every ``*.json`` file found, the files used and the problems, each by file name."""

    folder: Path
    found: tuple[Path, ...]
    used: tuple[LearnerFile, ...]
    problems: tuple[Problem, ...]


def collect(folder: Path) -> Collection:
    """Reads every ``*.json`` file directly in ``folder``; raises ``FolderError`` when there is nothing to read."""
    found = progress_files(folder)
    readable, problems = [], []
    for path in found:
        try:
            readable.append(LearnerFile(path, read_progress(read_bytes(path))))
        except ProgressError as error:
            problems.append(Problem(path.name, str(error)))
    used, duplicates = without_duplicates(readable)
    problems.extend(duplicates)
    order = {path.name: index for index, path in enumerate(found)}
    return Collection(folder=folder, found=tuple(found), used=tuple(used),
                      problems=tuple(sorted(problems, key=lambda problem: order[problem.file])))


def progress_files(folder: Path) -> list[Path]:
    """The ``*.json`` entries directly in ``folder``, sorted by name."""
    if not folder.exists():
        raise FolderError(f"There is no folder {folder}.")
    if not folder.is_dir():
        raise FolderError(f"{folder} is a file, not a folder: give the folder that holds the progress files.")
    try:
        found = sorted((path for path in folder.iterdir() if path.name.lower().endswith(".json")),
                       key=lambda path: path.name)
    except OSError as error:
        raise FolderError(f"The folder {folder} cannot be read ({error.strerror or error}).") from error
    if not found:
        raise FolderError(f"The folder {folder} holds no progress file (no file whose name ends in .json).")
    return found


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most one past ``MAX_BYTES`` (enough for ``read_progress`` to call it too large)."""
    if not path.is_file():
        raise ProgressError("It is not a file (a folder or a device has this name).")
    try:
        with open(path, "rb") as opened:
            return opened.read(MAX_BYTES + 1)
    except OSError as error:
        raise ProgressError(f"The file cannot be opened ({error.strerror or error}).") from error


def learner_key(name: str) -> str:
    """A name as compared to find one learner's two files: the same letters, whatever their case or spacing."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def identity(learner_file: LearnerFile) -> str:
    """Who a file belongs to: its learner's name as compared (``learner_key``), or its own name when it has none."""
    return "name:" + learner_key(learner_file.learner) if learner_file.named else "file:" + learner_file.file


def without_duplicates(files: list[LearnerFile]) -> tuple[list[LearnerFile], list[Problem]]:
    """The files to use (one per named learner: the one exported last) and a problem for each other file."""
    latest: dict[str, LearnerFile] = {}
    for learner_file in files:
        known = latest.get(identity(learner_file))
        if known is None or exported_last(learner_file) > exported_last(known):
            latest[identity(learner_file)] = learner_file
    used = [learner_file for learner_file in files if latest[identity(learner_file)] is learner_file]
    problems = [Problem(learner_file.file, f"Duplicate learner: also in {latest[identity(learner_file)].file}, "
                                           f"which was exported last and is used instead.")
                for learner_file in files if latest[identity(learner_file)] is not learner_file]
    return used, problems


def exported_last(learner_file: LearnerFile) -> tuple:
    """The order in which a learner's files were exported (the file name breaks a tie, so that the choice is stable)."""
    return moment(learner_file.record.exported_at), learner_file.file
