"""Reading the command's input within its limits: a UTF-8 text file, a named pipe, a device or standard input,
never more than :data:`MAX_BYTES` plus one byte, with a one-line :class:`InputError` for anything else (a missing
file, a folder, binary data, UTF-16 or UTF-32 text, another encoding).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys

from solutions.analyser.cli_output import printable

#: Larger inputs are refused with a message rather than analysed slowly; MB here is 1,000,000 bytes.
MAX_BYTES = 10_000_000
#: Bytes in the MB of every size message.
MEGABYTE = 1_000_000
#: The file name that means standard input.
STANDARD_INPUT = "-"

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
_READ_CHUNK = 1 << 20
#: How much of the start of a file is examined for the NUL-byte pattern of UTF-16 or UTF-32 without a byte-order mark.
_SAMPLE_BYTES = 4096
#: Byte-order marks, longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                     (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_SHOWN_NAME_LENGTH = 100


class InputError(Exception):
    """An input the analyser cannot use; the message is one line for the learner."""



def megabytes(size: int) -> str:
    """``size`` in MB with one decimal, or more decimals when one would make it look no larger than the limit."""
    shown = f"{size / MEGABYTE:.1f}"
    if size > MAX_BYTES and float(shown) <= MAX_BYTES / MEGABYTE:
        shown = f"{size / MEGABYTE:.6f}".rstrip("0")
    return f"{shown} MB"


def _too_large(shown: str, size: int | None = None) -> InputError:
    how_big = f"is {megabytes(size)}" if size is not None else f"holds more than {megabytes(MAX_BYTES)}"
    return InputError(f"{shown} {how_big}; the analyser reads files up to {megabytes(MAX_BYTES)}, "
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


def _open_error(path: str, error: Exception, shown: str) -> InputError:
    """One line saying why ``path`` (called ``shown``) could not be opened."""
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


def _read_path(path: str, shown: str) -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of ``path``, called ``shown`` in messages.

    Opened without blocking, so a named pipe with no writer and a device with nothing to read do not hang. A named
    pipe is then read until its writer closes it (or the limit); a device only as far as it has data ready.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as error:
        raise _open_error(path, error, shown) from None
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


def decode_text(data: bytes, shown: str) -> str:
    """The text in ``data`` (UTF-8, a byte-order mark allowed), or an :class:`InputError` naming what it is
    instead: UTF-16 or UTF-32, binary, not UTF-8, or empty. ``shown`` names the input in the message."""
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


def read_text_file(path, shown_as: str | None = None) -> str:
    """Read a UTF-8 text file (or standard input for ``-``), or raise :class:`InputError` saying what is wrong.

    Messages name the file as ``shown_as`` when given (a folder's batch names each file by its name alone), else
    by its path; either way escaped, and shortened when very long.
    """
    name = os.fspath(path)
    if name == STANDARD_INPUT:
        shown, data = "standard input", _read_standard_input()
    else:
        shown = _shown_name(name if shown_as is None else shown_as)
        data = _read_path(name, shown)
    if len(data) > MAX_BYTES:
        raise _too_large(shown)
    return decode_text(data, shown)
