"""Writing the command's output files atomically: each is written to a temporary file beside it and renamed into
place only when complete, so an interrupted run or a full disk never leaves half a report where the old one was.
A device or a named pipe (``/dev/stdout``) is written to directly instead, and never replaced.

A problem with an output path is an :class:`OutputError` with one line for the learner: a folder where the file
should go, a folder that does not exist, permission denied, a read-only file system, a full disk.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile

from solutions.analyser.cli_output import printable


class OutputError(Exception):
    """An output file that cannot be written; the message is one line for the learner."""


_REASONS = {
    errno.EACCES: "permission denied (on the file or the folder it goes in)",
    errno.EPERM: "permission denied (on the file or the folder it goes in)",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the disk",
    errno.ENAMETOOLONG: "the file name is too long for this system",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ELOOP: "symbolic link loop (a link leads back to itself)",
    errno.EISDIR: "it is a folder; name a file inside it instead",
}
if hasattr(errno, "EDQUOT"):  # not on every system
    _REASONS[errno.EDQUOT] = "over the disk quota"


def describe_write_error(path: str, error: OSError) -> OutputError:
    """One line saying why ``path`` could not be written."""
    shown = printable(os.fspath(path))
    code = getattr(error, "errno", None)
    if code == errno.ENOENT:
        folder = os.path.dirname(os.path.abspath(path))
        return OutputError(f"cannot write {shown}: the folder {printable(folder)} does not exist")
    reason = _REASONS.get(code) or getattr(error, "strerror", None) or str(error)
    return OutputError(f"cannot write {shown}: {reason}")


def _mode_for(path: str) -> int:
    """The permissions the finished file gets: the old file's, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _existing_mode(path: str) -> int | None:
    """The file type and permissions of what ``path`` names (through symbolic links), or None if nothing is there."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


class AtomicFile:
    """A text file written under a temporary name beside ``path`` and renamed to ``path`` by :meth:`commit`.

    Opening checks at once that ``path`` can be written (not a folder; its folder exists and is writable), so a
    long batch fails before it starts rather than at the end. :meth:`discard` removes the temporary file; using the
    object as a context manager discards it unless it was committed.

    A symbolic link is followed: the file it points to is replaced and the link kept. What is not a regular file
    (``/dev/stdout``, a named pipe, a terminal) is written to directly, never replaced, so ``--html /dev/null`` run
    as root leaves the device alone.
    """

    def __init__(self, path, encoding: str = "utf-8", newline: str | None = None):
        self.path = os.fspath(path)
        self.committed = False
        mode = _existing_mode(self.path)
        if mode is not None and stat.S_ISDIR(mode):
            raise describe_write_error(self.path, IsADirectoryError(errno.EISDIR, "is a folder"))
        if mode is not None and not stat.S_ISREG(mode):
            self.temporary = None
            try:
                self.stream = open(self.path, "w", encoding=encoding, newline=newline)
            except OSError as error:
                raise describe_write_error(self.path, error) from None
            return
        try:
            self.target = os.path.realpath(self.path)
            descriptor, self.temporary = tempfile.mkstemp(dir=os.path.dirname(self.target),
                                                          prefix=f".{os.path.basename(self.target)}.", suffix=".part")
        except OSError as error:
            raise describe_write_error(self.path, error) from None
        except ValueError:  # a NUL character in the name
            raise OutputError(f"cannot write {printable(self.path)}: the name contains a NUL character") from None
        try:
            os.fchmod(descriptor, _mode_for(self.target))
        except (AttributeError, OSError):  # no fchmod (Windows) or a file system without permissions
            pass
        self.stream = open(descriptor, "w", encoding=encoding, newline=newline)

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
        except OSError as error:
            raise describe_write_error(self.path, error) from None

    def commit(self) -> None:
        """Flush the file to disk and move it to its name, replacing any file there."""
        try:
            self.stream.flush()
            if self.temporary is not None:
                os.fsync(self.stream.fileno())
            self.stream.close()
            if self.temporary is not None:
                os.replace(self.temporary, self.target)
        except OSError as error:
            self.discard()
            raise describe_write_error(self.path, error) from None
        self.committed = True

    def discard(self) -> None:
        """Close and remove the temporary file; the file at ``path`` is left as it was."""
        try:
            self.stream.close()
        except OSError:
            pass
        if self.temporary is not None:
            try:
                os.unlink(self.temporary)
            except OSError:
                pass

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exception) -> None:
        if not self.committed:
            self.discard()


def write_file_atomically(path, text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8 all at once or not at all; :class:`OutputError` says why it failed."""
    with AtomicFile(path) as output:
        output.write(text)
        output.commit()
