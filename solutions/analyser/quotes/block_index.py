"""An index of things in a text (sentence stops, speech verbs, hedge words), built block by block on demand.

Questions about a stretch of text read it themselves until questions touching a block have read twice its
size; then the block is read once more, whole, and its things are stored, so crowded quotes stay linear.
"""

from __future__ import annotations

from bisect import bisect_left

BLOCK_SIZE = 2048


class BlockIndex:
    """An index of things in a text, built block by block: once questions touching a block have read twice its
    size, the block is read once more, whole, and its things are stored.

    ``scan(low, high)`` returns parallel columns (arrays) for the things starting in low:high, in order, the
    first column holding their starts. :meth:`ask` notes a question and says whether the index can answer it.
    """

    def __init__(self, length: int, scan) -> None:
        self.length = length
        self.scan = scan
        self.block_columns: dict[int, tuple] = {}
        self._asked: dict[int, int] = {}

    def block_numbers(self, start: int, end: int) -> range:
        return range(max(0, start) // BLOCK_SIZE, (min(end, self.length) - 1) // BLOCK_SIZE + 1)

    def ask(self, start: int, end: int) -> bool:
        """Note that a question reads start:end; True when every block it touches is (now) indexed.

        A question that has to read for itself is charged in full to every block it touches that is not
        indexed yet; a block is indexed once its charges reach twice its size.
        """
        first, last = max(0, start) // BLOCK_SIZE, (min(end, self.length) - 1) // BLOCK_SIZE
        if first in self.block_columns and last in self.block_columns and last - first <= 1:
            return True
        waiting = [index for index in range(first, last + 1) if index not in self.block_columns]
        cost = min(end, self.length) - max(start, 0)
        ready = True
        for index in waiting:
            asked = self._asked[index] = self._asked.get(index, 0) + cost
            if asked >= 2 * BLOCK_SIZE:
                low = index * BLOCK_SIZE
                self.block_columns[index] = self.scan(low, min(self.length, low + BLOCK_SIZE))
            else:
                ready = False
        return ready

    def indexed(self, position: int) -> bool:
        """True when the block holding ``position`` has been indexed."""
        return position // BLOCK_SIZE in self.block_columns

    def forward(self, start: int, end: int):
        """The things starting in start:end (all in indexed blocks), in order, as tuples of the columns."""
        for index in self.block_numbers(start, end):
            columns = self.block_columns[index]
            low, high = bisect_left(columns[0], start), bisect_left(columns[0], end)
            if low < high:
                yield from zip(*(column[low:high] for column in columns))

    def backward(self, start: int, end: int):
        """The things starting in start:end (all in indexed blocks), last first."""
        for index in reversed(self.block_numbers(start, end)):
            columns = self.block_columns[index]
            low, high = bisect_left(columns[0], start), bisect_left(columns[0], end)
            if low < high:
                yield from zip(*(reversed(column[low:high]) for column in columns))
