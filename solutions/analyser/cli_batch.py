"""``python -m solutions analyze FOLDER --csv OUT.csv``: every text file in a folder, one CSV row per item found and
a summary row per file.

Which files and how they are shared among the cores: :mod:`~.batch_run`. What each row holds: :mod:`~.batch`. How
cells are protected against spreadsheet formulas: :mod:`~.batch_csv`.

Both CSV files are written under temporary names beside their final names and renamed only when the batch is done,
so an interrupted run leaves any earlier results as they were. A file that cannot be analysed (empty, binary, not
UTF-8, over the size limit, unreadable) is named on standard error and in the summary's ``status`` and ``error``
columns, and skipped. Exit status: 0 when at least one file was analysed; 2 when the folder cannot be listed or the
options do not fit; 1 when no file could be analysed (nothing is written then) or an output cannot be written.
"""

from __future__ import annotations

import os
import sys
from contextlib import closing
from dataclasses import dataclass

from solutions.analyser.batch import ITEM_COLUMNS, SKIPPED, SUMMARY_COLUMNS
from solutions.analyser.batch_csv import CSV_ENCODING, csv_lines
from solutions.analyser.batch_run import TEXT_SUFFIX, FolderError, chunk_results, chunks, text_files
from solutions.analyser.cli_files import AtomicFile, OutputError
from solutions.analyser.cli_output import EXIT_BAD_INPUT, EXIT_FAILED, emit, print_error, printable
from solutions.analyser.cli_progress import Progress


_STATUS, _ERROR = SUMMARY_COLUMNS.index("status"), SUMMARY_COLUMNS.index("error")


@dataclass
class BatchCounts:
    """What a batch did: files analysed and skipped, and item rows written."""

    analysed: int = 0
    skipped: int = 0
    rows: int = 0


def summary_path_for(csv_path: str) -> str:
    """The summary's default path: ``OUT.csv`` becomes ``OUT.summary.csv``; another name gets ``.summary.csv`` added."""
    stem = csv_path[:-4] if csv_path.lower().endswith(".csv") else csv_path
    return f"{stem}.summary.csv"


def _same_file(first: str, second: str) -> bool:
    return os.path.realpath(first) == os.path.realpath(second)


def _write_batch(work, jobs: int, items: AtomicFile, summary: AtomicFile, progress: Progress) -> BatchCounts:
    counts = BatchCounts()
    items.write(csv_lines([ITEM_COLUMNS]))
    summary.write(csv_lines([SUMMARY_COLUMNS]))
    progress.start()
    try:
        with closing(chunk_results(work, jobs)) as results:
            for chunk in results:
                for rows, summary_row in chunk:
                    if summary_row[_STATUS] == SKIPPED:
                        counts.skipped += 1
                        progress.note(f"skipped: {summary_row[_ERROR]}")
                    else:
                        counts.analysed += 1
                        counts.rows += len(rows)
                        items.write(csv_lines(rows))
                    summary.write(csv_lines([summary_row]))
                progress.advance(len(chunk))
    finally:  # also on Ctrl-C: end the progress line, so the shell's prompt starts on a line of its own
        progress.finish()
    return counts


def _progress_wanted(show_progress: bool | None) -> bool:
    """``--progress``/``--no-progress`` when given, else whether standard error is a terminal."""
    if show_progress is not None:
        return show_progress
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def analyse_folder(folder: str, csv_path: str, summary_path: str | None, jobs: int, show_progress: bool | None) -> int:
    """Run the batch and write both CSV files; return the exit status (see the module's docstring)."""
    summary_path = summary_path or summary_path_for(csv_path)
    if _same_file(csv_path, summary_path):
        print_error(f"the summary would overwrite the CSV ({printable(csv_path)}); name another file with --summary")
        return EXIT_BAD_INPUT
    try:
        files, passed_over = text_files(folder, leave_out=(csv_path, summary_path))
    except FolderError as error:
        print_error(str(error))
        return EXIT_BAD_INPUT
    if not files:
        others = f" (and {passed_over:,} other entr{'y' if passed_over == 1 else 'ies'})" if passed_over else ""
        print_error(f"no *{TEXT_SUFFIX} files in {printable(folder)}{others}; save each article there as a UTF-8 "
                    f"{TEXT_SUFFIX} file")
        return EXIT_FAILED
    try:
        with AtomicFile(csv_path, CSV_ENCODING, newline="") as items, \
                AtomicFile(summary_path, CSV_ENCODING, newline="") as summary:
            progress = Progress(len(files), _progress_wanted(show_progress))
            counts = _write_batch(chunks(files), jobs, items, summary, progress)
            if not counts.analysed:
                print_error(f"none of the {_plural(len(files), TEXT_SUFFIX + ' file')} in {printable(folder)} could "
                            f"be analysed (the reasons are above); nothing was written")
                return EXIT_FAILED
            items.commit()
            summary.commit()
    except OutputError as error:
        print_error(str(error))
        return EXIT_FAILED
    skipped = f"; {_plural(counts.skipped, 'file')} skipped (see the summary's status column)" \
        if counts.skipped else ""
    return emit(f"wrote {_plural(counts.rows, 'row')} for {_plural(counts.analysed, 'article')} to "
                f"{printable(csv_path)} and the summary to {printable(summary_path)}{skipped}")
