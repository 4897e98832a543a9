"""The kit's commands: ``python -m exercises COMMAND``; ``python -m exercises --help`` lists them.

- ``class-report FOLDER [--out REPORT_FOLDER]``: a class report from a folder of progress files
  (:mod:`exercises.report`).
"""

from __future__ import annotations

import argparse
import sys

from exercises.report import cli as class_report


def main(argv: list[str] | None = None) -> int:
    """Runs the command ``argv`` names and returns its exit status."""
    parser = argparse.ArgumentParser(prog="python -m exercises", description="The teaching kit's commands.")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    class_report.add_parser(commands)
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
