"""Command line: ``python -m solutions analyze FILE [--json]``.

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
import codecs
import errno
import json
import math
import os
import re
import stat
import sys

from solutions.analyser.analysis import analyze_text

#: Larger inputs are refused with a message rather than analysed slowly; MB here is 1,000,000 bytes.
MAX_BYTES = 10_000_000
#: Bytes in the MB of every size message.
MEGABYTE = 1_000_000
#: The file name that means standard input.
STANDARD_INPUT = "-"

#: Characters shown as escapes in both outputs: C0 controls, DEL and C1 controls, the line and paragraph separators,
#: lone surrogates, and the bidirectional marks, embeddings, overrides and isolates.
UNSAFE_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                               "\ud800-\udfff]")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
_READ_CHUNK = 1 << 20
#: How much of the start of a file is examined for the NUL-byte pattern of UTF-16 or UTF-32 without a byte-order mark.
_SAMPLE_BYTES = 4096
#: Byte-order marks, longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                     (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_SHOWN_NAME_LENGTH = 100
_FIGURE_WIDTH = 40
_SPEAKER_WIDTH = 60
#: Characters of context a figure's line shows before the figure when its context is too long to show whole.
_CONTEXT_BEFORE = 30


class InputError(Exception):
    """An input the analyser cannot use; the message is one line for the learner."""


# --- escaping ----------------------------------------------------------------------------------------------------

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


# --- reading -----------------------------------------------------------------------------------------------------

def _megabytes(size: int) -> str:
    """``size`` in MB with one decimal, or more decimals when one would make it look no larger than the limit."""
    shown = f"{size / MEGABYTE:.1f}"
    if size > MAX_BYTES and float(shown) <= MAX_BYTES / MEGABYTE:
        shown = f"{size / MEGABYTE:.6f}".rstrip("0")
    return f"{shown} MB"


def _too_large(shown: str, size: int | None = None) -> InputError:
    how_big = f"is {_megabytes(size)}" if size is not None else f"holds more than {_megabytes(MAX_BYTES)}"
    return InputError(f"{shown} {how_big}; the analyser reads files up to {_megabytes(MAX_BYTES)}, "
                      f"so split it into smaller files")


def _shown_name(name: str) -> str:
    """The file name as a message shows it: escaped, and shortened in the middle when very long."""
    shown = printable(name)
    if len(shown) <= _SHOWN_NAME_LENGTH:
        return shown
    return f"{shown[:60]}...{shown[-30:]} ({len(name)} characters)"


def _link_target(path: str) -> str:
    try:
        return _shown_name(os.readlink(path))
    except (OSError, ValueError):
        return "a missing file"


def _open_error(path: str, error: Exception) -> InputError:
    """One line saying why ``path`` could not be opened."""
    shown = _shown_name(path)
    code = getattr(error, "errno", None)
    if isinstance(error, ValueError):
        return InputError(f"cannot read {shown}: the name contains a NUL character")
    if code == errno.ENOENT and os.path.islink(path):
        return InputError(f"{shown} is a symbolic link to {_link_target(path)}, which does not exist")
    if code == errno.ENOENT:
        return InputError(f"no such file: {shown}")
    if code == errno.EISDIR or (code in (errno.EACCES, errno.EPERM) and os.path.isdir(path)):
        return InputError(f"{shown} is a folder, not a text file")
    reasons = {
        errno.ELOOP: "symbolic link loop (a link leads back to itself)",
        errno.ENAMETOOLONG: "the file name is too long for this system",
        errno.EACCES: "permission denied (on the file or a folder above it)",
        errno.EPERM: "permission denied (on the file or a folder above it)",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.ENXIO: "it is not a regular file (a socket, or a device that is not there)",
    }
    return InputError(f"cannot read {shown}: {reasons.get(code) or getattr(error, 'strerror', None) or error}")


def _refuse_special(info: os.stat_result, shown: str) -> None:
    """Refuse, before reading, what cannot be a text file or would be read forever for nothing."""
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{shown} is a folder, not a text file")
    if stat.S_ISBLK(info.st_mode):
        raise InputError(f"{shown} is a disk device, not a regular file")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise _too_large(shown, info.st_size)


def _read_at_most(descriptor: int, limit: int) -> bytes:
    """Read until end of file, ``limit`` bytes, or (for a device) nothing more to read now, whichever comes first."""
    chunks, total = [], 0
    while total < limit:
        try:
            chunk = os.read(descriptor, min(_READ_CHUNK, limit - total))
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_path(path: str) -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of ``path``.

    Opened without blocking, so a named pipe with no writer and a device with nothing to read do not hang. A named
    pipe is then read until its writer closes it (or the limit); a device only as far as it has data ready.
    """
    shown = _shown_name(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as error:
        raise _open_error(path, error) from None
    try:
        info = os.fstat(descriptor)
        _refuse_special(info, shown)
        if stat.S_ISFIFO(info.st_mode):
            os.set_blocking(descriptor, True)  # wait for what a connected writer sends, as far as the limit
        data = _read_at_most(descriptor, MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read {shown}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if not data and stat.S_ISFIFO(info.st_mode):
        raise InputError(f"{shown} is a named pipe with nothing written to it; start the program that writes to it "
                         f"first")
    return data


def _read_standard_input() -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of standard input."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is closed")
    try:
        return stream.read(MAX_BYTES + 1) or b""
    except OSError as error:
        raise InputError(f"cannot read standard input: {error.strerror or error}") from None


def _wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when ``data`` has that byte-order mark or that NUL-byte pattern, else None."""
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name
    sample = data[:_SAMPLE_BYTES]
    nuls = sample.count(0)
    if nuls == 0:
        return None
    if nuls >= len(sample) // 4 and any(_reads_as_text(sample, codec) for codec in ("utf-32-le", "utf-32-be")):
        return "UTF-32"
    odd = sample[1::2].count(0)
    if nuls >= max(2, len(sample) // 10) and max(odd, nuls - odd) >= 0.9 * nuls:
        codec = "utf-16-le" if odd > nuls - odd else "utf-16-be"
        return "UTF-16" if _reads_as_text(sample, codec) else None
    return None


def _reads_as_text(sample: bytes, codec: str) -> bool:
    """Whether ``sample`` decodes in ``codec`` to text with no NUL that is almost all printable."""
    try:
        text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    if not text or "\x00" in text:
        return False
    readable = sum(1 for character in text if character.isprintable() or character in "\t\n\r")
    return readable >= 0.95 * len(text)


def _decode(data: bytes, shown: str) -> str:
    """The text in ``data``, or an :class:`InputError` naming what it is instead."""
    wide = _wide_encoding(data)
    if wide:
        raise InputError(f"{shown} is {wide} text: save it as UTF-8 and try again")
    if b"\x00" in data:
        raise InputError(f"{shown} is not a text file (it contains binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{shown} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise InputError(f"{shown} is empty")
    return text


def read_text_file(path) -> str:
    """Read a UTF-8 text file (or standard input for ``-``), or raise :class:`InputError` saying what is wrong."""
    name = os.fspath(path)
    if name == STANDARD_INPUT:
        shown, data = "standard input", _read_standard_input()
    else:
        shown, data = _shown_name(name), _read_path(name)
    if len(data) > MAX_BYTES:
        raise _too_large(shown)
    return _decode(data, shown)


# --- the readable report -----------------------------------------------------------------------------------------

def _number(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "too large"
    if abs(value) >= 1e15:
        return f"{value:.6g}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _shorten(text: str, width: int = 100) -> str:
    """At most ``width`` characters of ``text``, escaped; only the start of the text is ever looked at."""
    shown = printable(text[:width + 1])
    return shown if len(shown) <= width and len(text) <= width else shown[:width - 3] + "..."


def _figure_value(figure: dict) -> str:
    value = _number(figure["value"])
    if figure.get("value_high") is not None:
        value += f" to {_number(figure['value_high'])}"
    return value


def _context_line(figure: dict, width: int = 100) -> str:
    """The figure's context (``sentence``) shortened to ``width`` characters that include the start of the figure."""
    context = figure.get("sentence") or ""
    at = context.find(figure["text"]) if len(context) > width else 0
    if at + len(figure["text"]) <= width - 3:
        return _shorten(context, width)
    return "..." + _shorten(context[max(0, at - _CONTEXT_BEFORE):], width - 3)


def _figure_lines(figures: list[dict]) -> list[str]:
    lines = [f"Figures: {len(figures)}"]
    for number, figure in enumerate(figures, start=1):
        lines.append(f"{number:>3}. {_shorten(figure['text'], _FIGURE_WIDTH):<18} {_figure_value(figure):>20} "
                     f"{figure['unit']:<10} {figure['kind']:<12} @{figure['start']}")
        lines.append(f"     {_context_line(figure)}")
    return lines


def _quote_lines(quotes: list[dict]) -> list[str]:
    lines = [f"Quotes: {len(quotes)}"]
    for number, quote in enumerate(quotes, start=1):
        speaker = _shorten(quote.get("speaker") or "no speaker named", _SPEAKER_WIDTH)
        role = f", {_shorten(quote['speaker_role'], _SPEAKER_WIDTH)}" if quote.get("speaker_role") else ""
        vague = "  [vague attribution]" if quote.get("vague_attribution") else ""
        lines.append(f"{number:>3}. {speaker}{role}{vague} @{quote['start']}")
        lines.append(f"     \u201c{_shorten(quote['quote'], 96)}\u201d")
    return lines


def _phrase_lines(title: str, phrases: list[dict], with_category: bool) -> list[str]:
    lines = [f"{title}: {len(phrases)}"]
    for number, phrase in enumerate(phrases, start=1):
        category = f"{phrase['category']:<22} " if with_category else ""
        lines.append(f"{number:>3}. {category}{_shorten(phrase['text'], 60)}  @{phrase['start']}")
    return lines


def format_report(result: dict) -> str:
    """The readable report: a numbered section each for figures, quotes, vague attributions and hype phrases."""
    sections = [
        _figure_lines(result["figures"]),
        _quote_lines(result["quotes"]),
        _phrase_lines("Vague attributions", result["vague_attributions"], with_category=False),
        _phrase_lines("Hype phrases", result["hype_phrases"], with_category=True),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


# --- output ------------------------------------------------------------------------------------------------------

def _prepare_output_streams() -> None:
    """Let both streams write any character: what the encoding cannot hold is written as a backslash escape."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _writes_any_character(stream) -> bool:
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


def _error(message: str) -> None:
    print(f"error: {printable(message)}", file=sys.stderr)


def _emit(text: str) -> int:
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
        _error(f"cannot write the report: {error.strerror or error}")
        return EXIT_FAILED
    return EXIT_OK


# --- the command -------------------------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m solutions",
                                     description="Analyse a news text: figures, quotes, vague attributions and hype.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="list the figures, quotes, vague attributions and hype phrases "
                                                  "in a UTF-8 text file (- for standard input)")
    analyze.add_argument("file", help=f"a UTF-8 text file of at most {_megabytes(MAX_BYTES)}, or - for standard input")
    analyze.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser


def _analyse(file: str, as_json: bool) -> int:
    try:
        text = read_text_file(file)
    except InputError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    result = analyze_text(text)
    if as_json:
        return _emit(to_json(result, ascii_only=not _writes_any_character(sys.stdout)))
    return _emit(format_report(result))


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status. Any failure is one line on standard error, never a traceback."""
    _prepare_output_streams()
    args = _parser().parse_args(argv)
    try:
        return _analyse(args.file, args.json)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:  # the last resort: a bug in the analyser still gets one line, not a traceback
        if sys.flags.dev_mode:
            raise
        _error(f"internal error ({_describe(error)}); please report it")
        return EXIT_FAILED


def _describe(error: BaseException) -> str:
    """The exception's type and the start of its message, even when its ``str()`` itself fails."""
    try:
        detail = _shorten(str(error), 200)
    except Exception:  # an exception whose message cannot be made
        detail = "no message"
    return f"{type(error).__name__}: {detail}"
