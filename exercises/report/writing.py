"""Builds the report of one folder and writes it to the report folder: four CSV tables and ``report.html``.

The report folder is ``FOLDER-report`` beside the folder read, unless another is given; it may not be the folder
read or lie inside it, so that the report never mixes with (or replaces) the files it reads. Only the report's own
five files are written there; each is written whole under a temporary name first and then renamed, so that a
report folder never holds half a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .charts import before_after_chart, hardest_chart
from .collecting import Collection, FolderError, collect
from .page import PageParts, report_page
from .tables import discernment_table, exercises_table, problems_table, progress_table

REPORT_FILES = ("progress.csv", "exercises.csv", "discernment.csv", "problems.csv", "report.html")


class ReportError(Exception):
    """The report cannot be written where it was asked for; the message says why."""


@dataclass(frozen=True)
class Written:
    """What was read and where the report went."""

    collection: Collection
    report_folder: Path


def default_report_folder(folder: Path) -> Path:
    """``FOLDER-report``, beside ``FOLDER``."""
    folder = folder.resolve()
    return folder.with_name(folder.name + "-report")


def check_report_folder(folder: Path, report_folder: Path) -> Path:
    """The report folder, resolved, once it is known to lie outside the folder read and to be (or become) a folder."""
    folder, report_folder = folder.resolve(), report_folder.resolve()
    if report_folder == folder or folder in report_folder.parents:
        raise ReportError(f"The report cannot go inside the folder it reads ({folder}): choose another folder "
                          f"with --out, or leave --out out to write {default_report_folder(folder)}.")
    if report_folder.exists() and not report_folder.is_dir():
        raise ReportError(f"{report_folder} is a file, not a folder: choose another folder with --out.")
    return report_folder


def write_report(folder: Path, report_folder: Path | None = None) -> Written:
    """Reads ``folder`` and writes its report; raises ``FolderError`` (no file to read, or none usable),
    ``ReportError`` (nowhere to write) or ``OSError`` (the writing failed)."""
    report_folder = check_report_folder(folder, report_folder or default_report_folder(folder))
    collection = collect(folder)
    if not collection.used:
        reasons = "".join(f"\n  {problem.file}: {problem.reason}" for problem in collection.problems)
        raise FolderError(f"None of the {len(collection.found)} .json files in {folder} is a progress file this kit "
                          f"can use, so there is nothing to report:{reasons}")
    catalogue = Catalogue.of_book()
    progress = progress_table(collection, catalogue)
    exercises = exercises_table(progress, catalogue)
    discernment = discernment_table(collection)
    problems = problems_table(collection)
    page = report_page(PageParts(collection, exercises, progress, discernment, problems,
                                 hardest_chart(exercises), before_after_chart(discernment)))
    report_folder.mkdir(parents=True, exist_ok=True)
    tables = {"progress.csv": progress, "exercises.csv": exercises, "discernment.csv": discernment,
              "problems.csv": problems}
    for name, table in tables.items():
        write_whole(report_folder / name, table.to_csv(index=False, lineterminator="\n"))
    write_whole(report_folder / "report.html", page)
    return Written(collection, report_folder)


def write_whole(path: Path, text: str) -> None:
    """Writes ``text`` (UTF-8) under a temporary name beside ``path``, then renames it to ``path``."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8", newline="")
    os.replace(partial, path)
