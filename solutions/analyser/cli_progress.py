"""A progress line on standard error that rewrites itself: files done out of all, a bar, the rate and the time left.

It is drawn at most :data:`REDRAW_SECONDS` apart (and once at the end), so ten thousand small files cost a few
hundred writes, not ten thousand. Messages printed while it is shown (:meth:`Progress.note`) clear it first and
draw it again below, so they never share a line with it. A :class:`Progress` that is not shown does nothing but
print the messages.
"""

from __future__ import annotations

import sys
import time

from solutions.analyser.cli_output import printable

#: The least time between two drawings of the line.
REDRAW_SECONDS = 0.1
_BAR_WIDTH = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds} s"


class Progress:
    """Counts finished files out of ``total`` and shows them on ``stream`` when ``shown``."""

    def __init__(self, total: int, shown: bool, stream=None, clock=time.monotonic):
        self.total, self.shown, self.done = total, shown, 0
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.width = 0

    def line(self) -> str:
        """The progress line as it would be drawn now."""
        fraction = self.done / self.total if self.total else 1.0
        filled = int(fraction * _BAR_WIDTH)
        elapsed = self.clock() - self.started
        line = f"{self.done:,}/{self.total:,} files [{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {fraction:4.0%}"
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            line += f"  {rate:,.0f} files/s"
            if self.done < self.total:
                line += f", {_duration((self.total - self.done) / rate)} left"
        return line

    def _draw(self) -> None:
        line = self.line()
        padding = " " * max(0, self.width - len(line))
        self._write(f"\r{line}{padding}")
        self.width = len(line)
        self.drawn_at = self.clock()

    def _clear(self) -> None:
        if self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (AttributeError, OSError, ValueError):  # no, a closed or a broken standard error: stop drawing
            self.shown = False

    def start(self) -> None:
        if self.shown:
            self._draw()

    def advance(self, files: int) -> None:
        """Count ``files`` more as done; redraw if the last drawing is old enough."""
        self.done += files
        if self.shown and (self.drawn_at is None or self.clock() - self.drawn_at >= REDRAW_SECONDS):
            self._draw()

    def note(self, message: str) -> None:
        """Print ``message`` (escaped) on a line of its own, above the progress line."""
        if self.shown:
            self._clear()
        self._write(printable(message) + "\n")
        if self.shown:
            self._draw()

    def finish(self) -> None:
        """Draw the final count and end the line."""
        if self.shown:
            self._draw()
            self._write("\n")
            self.shown = False
