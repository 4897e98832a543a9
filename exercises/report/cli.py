"""The ``class-report`` command: ``python -m exercises class-report FOLDER [--out REPORT_FOLDER]``.

It reads every progress file directly in FOLDER, writes the report, and prints one line: how many files it read,
how many it used, how many it could not use and where the report went. It exits 0 when it wrote a report and 1
with a message when it could not (no such folder, no usable progress file, nowhere to write); a bad file never
stops it, and it never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .collecting import FolderError
from .writing import REPORT_FILES, ReportError, write_report

COMMAND = "class-report"
DESCRIPTION = (
    "Read every learner's progress file (*.json) directly in FOLDER (not in folders inside it) and write a class "
    "report: " + ", ".join(REPORT_FILES) + ". The files read are opened read-only and never changed; a file that "
    "cannot be used (not a progress file, edited by hand, a newer format, a second file of the same learner) is "
    "listed in problems.csv with the reason.")


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Adds the ``class-report`` command to ``python -m exercises``."""
    parser = commands.add_parser(COMMAND, help="write a class report from a folder of progress files",
                                 description=DESCRIPTION)
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="FOLDER", type=Path, help="the folder that holds the progress files")
    parser.add_argument("--out", metavar="REPORT_FOLDER", type=Path, default=None,
                        help="where to write the report (default: FOLDER-report, beside FOLDER); it may not be "
                             "FOLDER or lie inside it")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Writes the report; prints the summary line (or why there is none) and returns the exit status."""
    try:
        written = write_report(arguments.folder, arguments.out)
    except (FolderError, ReportError) as error:
        print(f"class-report: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"class-report: the report could not be written ({error.strerror or error}"
              f"{': ' + str(error.filename) if error.filename else ''}).", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 — the command explains any failure in one line, never a traceback
        print(f"class-report: the report failed unexpectedly ({type(error).__name__}: {error}); no report was "
              f"written. Please report this to the kit's maintainers.", file=sys.stderr)
        return 1
    collection = written.collection
    print(f"{len(collection.found)} files, {len(collection.used)} used, {len(collection.problems)} problems; "
          f"report in {written.report_folder}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """The command on its own: ``main(["FOLDER", "--out", "REPORT"])``."""
    parser = argparse.ArgumentParser(prog=f"python -m exercises {COMMAND}", description=DESCRIPTION)
    add_arguments(parser)
    return run(parser.parse_args(argv))
