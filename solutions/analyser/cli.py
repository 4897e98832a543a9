"""Command line: ``python -m solutions analyze FILE [--json | --html OUT.html]`` and
``python -m solutions analyze FOLDER --csv OUT.csv [--summary PATH] [--jobs N] [--progress]``: the arguments, the
calls and the exit status.

Reading the input is :mod:`~.cli_input`, the readable report :mod:`~.cli_report`, escaping and writing
:mod:`~.cli_output`, the HTML report :mod:`~.cli_html`, a folder's batch :mod:`~.cli_batch` (which files, the CSV
columns, the cores and the progress line are described there and in the modules it names), writing output files
atomically :mod:`~.cli_files`.

``--html OUT.html`` writes one self-contained page (the highlighted article and its tables; no script needed,
nothing from other hosts) under a temporary name beside ``OUT.html`` and renames it into place when complete.
``--csv OUT.csv`` analyses every ``*.txt`` file in FOLDER (not in its subfolders; not hidden files) and writes one
row per item found to ``OUT.csv`` and one row per file to ``OUT.summary.csv`` (or ``--summary``); a bad file is
named on standard error and in the summary and skipped.

``FILE`` is a UTF-8 text file, or ``-`` for standard input (name a file called ``-`` as ``./-``). At most
:data:`MAX_BYTES` plus one byte is ever read, whatever the file claims to be: a named pipe, a device such as
``/dev/zero``, a ``/proc`` file or an endless pipe is read up to the limit and refused beyond it. Sizes are stated in
MB, and 1 MB is 1,000,000 bytes. Nothing waits to be opened: a named pipe with no writer is reported as having
nothing written to it, one with a writer is read until the writer closes it, and a device is read only as far as it
has data ready. Folders and disk devices are refused before anything is read.

Every problem with the input is one line on standard error beginning ``error:`` and exit status 2: a missing file,
a dangling symbolic link or a symbolic link loop, a name too long for the system, permission denied on the file or a
folder above it, a folder, an empty file, a file over the limit, binary data, UTF-16 or UTF-32 text (named as such:
save it as UTF-8) and any other encoding that is not UTF-8.

Output: the readable report and ``--json`` escape the same characters, those that could restyle a terminal or
reorder what it shows (:data:`UNSAFE_CHARACTERS`): C0 controls, DEL, C1 controls, the line and paragraph separators,
lone surrogates and the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
U+202A to U+202E, U+2066 to U+2069). The report writes them as Python escapes (``\\x1b``, ``\\u202e``), the JSON as
``\\uXXXX``. ``--json`` is strict JSON (no ``NaN`` or ``Infinity``): a value too large to represent becomes ``null``.
When the output encoding cannot write every character (a Windows redirect in cp1252, say), the JSON is pure ASCII
with ``\\uXXXX`` escapes and the report shows such characters as escapes, so nothing fails to print.

Exit status: 0 for a result, 2 for a bad input or usage, 1 if the report could not be written (an output path that
is a folder, in a folder that does not exist or cannot be written) or the analyser failed (``error: internal error
...``; run ``python -X dev -m solutions ...`` to see the traceback), 1 also when no file of a folder could be
analysed (``--csv`` exits 0 as soon as one file was), 130 if interrupted with Ctrl-C, and 141 (128 + SIGPIPE, as a
shell reports it) when the reader closes the pipe early, as ``| head`` does; then nothing more is printed.
"""

from __future__ import annotations

import argparse
import os  # tests also reach os.open and os.read as cli.os, as before the split
import sys

from solutions.analyser.analysis import analyze_text
from solutions.analyser.batch_run import default_jobs
from solutions.analyser.cli_batch import analyse_folder
from solutions.analyser.cli_html import write_html_report
from solutions.analyser.cli_input import MAX_BYTES, MEGABYTE, STANDARD_INPUT, InputError, megabytes, read_text_file
from solutions.analyser.cli_output import (
    EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE_CLOSED, UNSAFE_CHARACTERS, emit, json_safe,
    prepare_output_streams, print_error, printable, to_json, writes_any_character,
)
from solutions.analyser.cli_report import format_report, shorten

__all__ = [
    "EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PIPE_CLOSED", "MAX_BYTES", "MEGABYTE",
    "STANDARD_INPUT", "UNSAFE_CHARACTERS", "InputError", "analyze_text", "format_report", "json_safe", "main",
    "printable", "read_text_file", "to_json",
]


def _positive_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


_BATCH_ONLY = ("summary", "jobs", "progress")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m solutions",
                                     description="Analyse a news text: figures, quotes, vague attributions and hype.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser(
        "analyze", help="list the figures, quotes, vague attributions and hype phrases in a UTF-8 text file "
                        "(- for standard input), or in every *.txt file of a folder (--csv)",
        description="Analyse one UTF-8 text file and print a report (or --json, or write --html), or analyse every "
                    "*.txt file in a folder into CSV files (--csv).",
        epilog=f"With --csv, FOLDER's *.txt files are read (any case of .txt; not subfolders, not hidden files "
               f"starting with a dot), each up to {megabytes(MAX_BYTES)}; a file that is empty, binary, not UTF-8, "
               f"too large or unreadable is reported and skipped. OUT.csv gets one row per item (article, section, "
               f"text, value, value_high, unit, kind, speaker, start, end, confidence, check) and the summary one "
               f"row per file (its counts, hype per 1,000 words, and status). Text cells starting with = + - @ get "
               f"a ' in front so a spreadsheet cannot run them as formulas. Exit status 0 when at least one file "
               f"was analysed.")
    analyze.add_argument("file", metavar="FILE|FOLDER",
                         help=f"a UTF-8 text file of at most {megabytes(MAX_BYTES)}, - for standard input, or a folder "
                              f"with --csv")
    output = analyze.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    output.add_argument("--html", metavar="OUT.html",
                        help="write the report as one self-contained HTML page (works offline) instead of printing it")
    output.add_argument("--csv", metavar="OUT.csv",
                        help="FILE is a folder: analyse each *.txt file in it and write one row per item found, plus "
                             "a per-file summary beside it (OUT.summary.csv)")
    analyze.add_argument("--summary", metavar="PATH", help="with --csv: where the per-file summary goes "
                                                           "(default: OUT.summary.csv)")
    analyze.add_argument("--jobs", metavar="N", type=_positive_number,
                         help=f"with --csv: files analysed at once, on separate cores (default: all cores, "
                              f"{default_jobs()} here)")
    analyze.add_argument("--progress", action=argparse.BooleanOptionalAction,
                         help="with --csv: show a progress line on standard error (default: only when it is a "
                              "terminal)")
    return parser


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.csv is None:
        given = [f"--{name}" for name in _BATCH_ONLY if getattr(args, name) is not None]
        if given:
            parser.error(f"{', '.join(given)} only with --csv (to analyse a folder)")
    return args


def _analyse(args: argparse.Namespace) -> int:
    if args.csv is not None:
        return analyse_folder(args.file, args.csv, args.summary, args.jobs or default_jobs(), args.progress)
    try:
        text = read_text_file(args.file)
    except InputError as error:
        hint = ""
        if args.file != STANDARD_INPUT and os.path.isdir(args.file):
            hint = "; to analyse every *.txt file in it, add --csv OUT.csv"
        print_error(f"{error}{hint}")
        return EXIT_BAD_INPUT
    if args.html is not None:
        return write_html_report(text, args.file, args.html)
    result = analyze_text(text)
    if args.json:
        return emit(to_json(result, ascii_only=not writes_any_character(sys.stdout)))
    return emit(format_report(result))


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status. Any failure is one line on standard error, never a traceback."""
    prepare_output_streams()
    args = _parse(argv)
    try:
        return _analyse(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:  # the last resort: a bug in the analyser still gets one line, not a traceback
        if sys.flags.dev_mode:
            raise
        print_error(f"internal error ({_describe(error)}); please report it")
        return EXIT_FAILED


def _describe(error: BaseException) -> str:
    """The exception's type and the start of its message, even when its ``str()`` itself fails."""
    try:
        detail = shorten(str(error), 200)
    except Exception:  # an exception whose message cannot be made
        detail = "no message"
    return f"{type(error).__name__}: {detail}"
