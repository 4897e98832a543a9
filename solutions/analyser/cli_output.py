"""What the command writes, and how: characters that could restyle a terminal escaped, strict JSON, and the
report or an error line written so that a closed pipe or an encoding that cannot hold a character never fails.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import sys

#: Characters shown as escapes in both outputs: C0 controls, DEL and C1 controls, the line and paragraph separators,
#: lone surrogates, and the bidirectional marks, embeddings, overrides and isolates.
UNSAFE_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                               "\ud800-\udfff]")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141


def printable(text: str) -> str:
    """Show :data:`UNSAFE_CHARACTERS` as Python escapes, so a text cannot restyle the terminal or reorder a line."""
    return UNSAFE_CHARACTERS.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(result: dict, ascii_only: bool = False) -> str:
    """Strict JSON for an analysis result: non-finite numbers become null, :data:`UNSAFE_CHARACTERS` become \\uXXXX."""
    encoded = json.dumps(json_safe(result), ensure_ascii=ascii_only, allow_nan=False)
    return UNSAFE_CHARACTERS.sub(_json_escape, encoded)  # DEL is ASCII, so even ensure_ascii leaves it


def json_safe(value):
    """``value`` with every number too large to represent (infinite, NaN, or an int beyond float range) as None."""
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1024:
        return None
    return value



def prepare_output_streams() -> None:
    """Let both streams write any character: what the encoding cannot hold is written as a backslash escape."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def writes_any_character(stream) -> bool:
    """Whether ``stream`` is in a Unicode encoding, so JSON may keep non-ASCII characters as they are."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name.startswith("utf")
    except LookupError:
        return False


def _silence_stdout() -> None:
    """Point standard output at the null device, so nothing left in its buffer fails again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, ValueError, OSError):
        pass


def print_error(message: str) -> None:
    print(f"error: {printable(message)}", file=sys.stderr)


def emit(text: str) -> int:
    """Write ``text`` and a newline to standard output; a closed pipe ends quietly."""
    if sys.stdout is None:
        return EXIT_OK
    try:
        sys.stdout.write(text)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    except OSError as error:
        _silence_stdout()
        print_error(f"cannot write the report: {error.strerror or error}")
        return EXIT_FAILED
    return EXIT_OK
