"""Command line: ``python -m solutions analyze FILE [--json]``: the arguments, the one call and the exit status.

Reading the input is :mod:`~.cli_input`, the readable report :mod:`~.cli_report`, escaping and writing
:mod:`~.cli_output`.

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

Exit status: 0 for a result, 2 for a bad input or usage, 1 if the report could not be written or the analyser failed
(``error: internal error ...``; run ``python -X dev -m solutions ...`` to see the traceback), 130 if interrupted with
Ctrl-C, and 141 (128 + SIGPIPE, as a shell reports it) when the reader closes the pipe early, as ``| head`` does;
then nothing more is printed.
"""

from __future__ import annotations

import argparse
import os  # noqa: F401  (tests reach os.open and os.read as cli.os, as before the split)
import sys

from solutions.analyser.analysis import analyze_text
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m solutions",
                                     description="Analyse a news text: figures, quotes, vague attributions and hype.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="list the figures, quotes, vague attributions and hype phrases "
                                                  "in a UTF-8 text file (- for standard input)")
    analyze.add_argument("file", help=f"a UTF-8 text file of at most {megabytes(MAX_BYTES)}, or - for standard input")
    analyze.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser


def _analyse(file: str, as_json: bool) -> int:
    try:
        text = read_text_file(file)
    except InputError as error:
        print_error(str(error))
        return EXIT_BAD_INPUT
    result = analyze_text(text)
    if as_json:
        return emit(to_json(result, ascii_only=not writes_any_character(sys.stdout)))
    return emit(format_report(result))


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status. Any failure is one line on standard error, never a traceback."""
    prepare_output_streams()
    args = _parser().parse_args(argv)
    try:
        return _analyse(args.file, args.json)
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
