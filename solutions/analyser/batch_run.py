"""Running :func:`~.batch.file_rows` over a folder's text files on several cores, in order.

Which files: :func:`text_files` takes the regular entries of the folder itself (subfolders are not entered) whose
names end in ``.txt`` (in any case) and do not begin with a dot (hidden files, such as the ``._name.txt`` files macOS
leaves on shared drives), sorted by name so that every run lists the articles in the same order.

How: the files are cut into chunks (:func:`chunks`) of up to :data:`CHUNK_FILES` files and about
:data:`CHUNK_BYTES` of text, so ten thousand small files pay the cost of handing work to a process a few hundred
times rather than ten thousand, and a folder of large files still spreads over every core. With one job the chunks
run in this process; with more, in a :class:`~concurrent.futures.ProcessPoolExecutor` whose workers ignore Ctrl-C
(the command handles it, and stops them after their current chunk). :func:`chunk_results` yields each chunk's results
in the order of the files whatever the order they finish in, so ``--jobs 1`` and ``--jobs 8`` write the same bytes.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from solutions.analyser.analysis import analyze_text
from solutions.analyser.batch import files_rows
from solutions.analyser.cli_output import printable

#: The most files in one task.
CHUNK_FILES = 32
#: A chunk is closed once its files hold this many bytes, so large files get chunks of their own.
CHUNK_BYTES = 256_000
#: The file names a folder's batch reads, compared in lower case.
TEXT_SUFFIX = ".txt"
#: A sentence with an item of every section: analysing it once loads every table the analyser builds lazily.
_WARM_UP = "Shares fell 5% to $3 million. \u201cIt hurts,\u201d said Jane Doe. Analysts say it was a stunning fall."


class FolderError(Exception):
    """A folder that cannot be listed; the message is one line for the learner."""


def default_jobs() -> int:
    """The cores this process may run on (all of them unless restricted), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def is_text_file_name(name: str) -> bool:
    """Whether a folder's batch reads a file of this name: ``*.txt`` in any case, not hidden."""
    return name.lower().endswith(TEXT_SUFFIX) and not name.startswith(".")


def _size(entry: os.DirEntry) -> int:
    try:
        return entry.stat().st_size
    except OSError:  # a dangling link or a vanished file: reading it will say what is wrong
        return 0


def text_files(folder: str, leave_out: tuple[str, ...] = ()) -> tuple[list[tuple[str, str, int]], int]:
    """The folder's text files as ``(path, name, size)`` sorted by name, and how many other entries were passed over.

    ``leave_out`` holds paths never to read (the command's own output files, when they are in the folder).
    Entries that are folders but have a text file's name are listed, so the batch reports them as skipped.
    """
    shown = printable(os.fspath(folder))
    try:
        with os.scandir(folder) as entries:
            listing = list(entries)
    except FileNotFoundError:
        raise FolderError(f"no such folder: {shown}") from None
    except NotADirectoryError:
        raise FolderError(f"{shown} is a file, not a folder; --csv analyses every *.txt file in a folder "
                          f"(for one file, leave out --csv)") from None
    except PermissionError:
        raise FolderError(f"cannot list {shown}: permission denied (on the folder or a folder above it)") from None
    except OSError as error:
        raise FolderError(f"cannot list {shown}: {error.strerror or error}") from None
    excluded = {os.path.realpath(path) for path in leave_out}
    chosen, passed_over = [], 0
    for entry in listing:
        if is_text_file_name(entry.name) and os.path.realpath(entry.path) not in excluded:
            chosen.append((entry.path, entry.name, _size(entry)))
        else:
            passed_over += 1
    chosen.sort(key=lambda file: file[1])
    return chosen, passed_over


def chunks(files: list[tuple[str, str, int]]) -> list[list[tuple[str, str]]]:
    """``(path, name)`` pairs in order, cut into runs of at most :data:`CHUNK_FILES` files and about
    :data:`CHUNK_BYTES` bytes (a larger file gets a chunk of its own)."""
    result, current, current_bytes = [], [], 0
    for path, name, size in files:
        if current and (len(current) >= CHUNK_FILES or current_bytes + size > CHUNK_BYTES):
            result.append(current)
            current, current_bytes = [], 0
        current.append((path, name))
        current_bytes += size
    if current:
        result.append(current)
    return result


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the command, which stops the pool, rather than print a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def chunk_results(work: list[list[tuple[str, str]]], jobs: int) -> Iterator[list]:
    """Each chunk's :func:`~.batch.files_rows`, in order, computed by ``jobs`` processes (this one when 1)."""
    if jobs <= 1 or len(work) <= 1:
        for chunk in work:
            yield files_rows(chunk)
        return
    analyze_text(_WARM_UP)  # fill the analyser's lazy tables once here, so forked workers start with them filled
    executor = ProcessPoolExecutor(max_workers=min(jobs, len(work)), initializer=_ignore_interrupts)
    try:
        yield from executor.map(files_rows, work)
    finally:  # also on Ctrl-C or an error: drop the chunks not started, wait for the running ones
        executor.shutdown(wait=True, cancel_futures=True)
