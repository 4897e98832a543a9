"""Marks to passages: pair double and single quotation marks, straight or curly, into :class:`Passage` objects.

An apostrophe inside a word (DeepSeek's, don't), a plural possessive (students' work), an abbreviated year ('90s)
and "rock 'n' roll" are not quotation marks. Single quotes inside a double-quoted passage belong to it. A
paragraph that opens with a quotation mark continues a quote the paragraph before left open: each paragraph of
such a run is its own passage (from its opening mark to the end of its paragraph, the last one to its closing
mark), and every piece after the first points at the first through ``run_head``, so all share one speaker. A
quote still open where the text stops runs to the end (excerpts stop mid-sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from solutions.analyser.attribution import UNNAMED, Source

DOUBLE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_SINGLE_CHARS = "'\u2018\u2019\u201a\u201b"
_OPEN, _CLOSE, _EITHER, _WEAK_CLOSE = "open", "close", "either", "weak"
_OPEN_BEFORE = frozenset("([{/\u2014\u2013-\u201c\u2018\"'")
_CLOSE_AFTER = frozenset(".,;:!?)]}/\u2014\u2013-\u201d\u2019\"'\u2026")
#: What follows an apostrophe that starts an elided word: 'n', 'em, 'til, '90s, '24.
_ELISION = re.compile(r"(?:n['\u2019](?=\s)|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|\d\ds\b|\d\d\b(?![,.]\d))",
                      re.IGNORECASE)
_PLURAL_POSSESSIVE_AFTER = re.compile(r"[ \t]+[a-z0-9]")
NOT_SPACE = re.compile(r"\S")
_MAX_SINGLE_QUOTE = 600


@dataclass(eq=False, slots=True)
class Passage:
    """A pair of quotation marks and what the later steps learn about it.

    ``open_mark``/``close_mark`` are the marks' offsets (``close_mark`` is None for a quote left open);
    ``start``/``end`` the quoted text's span. ``how`` says where the attribution was found, ``span`` is
    the phrase naming the source, ``origin`` the passage whose attribution this one shares.
    """

    open_mark: int
    close_mark: int | None
    start: int
    end: int
    double: bool
    how: str = ""
    span: tuple[int, int] | None = None
    origin: Passage | None = None
    role_hint: str | None = None
    left_start: int = 0
    paragraph: tuple[int, int] = (0, 0)
    source: Source = UNNAMED
    attribution: dict | None = None
    #: the first paragraph of a quotation running over several paragraphs (None for the first or a lone quote)
    run_head: Passage | None = None

    @property
    def after(self) -> int:
        """Offset just past the closing mark (or the end of a quote left open)."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _positions(text: str, characters: str) -> list[int]:
    """Sorted offsets of every occurrence of any of ``characters`` (str.find is far faster than a regex)."""
    found = []
    for character in characters:
        index = text.find(character)
        while index != -1:
            found.append(index)
            index = text.find(character, index + 1)
    found.sort()
    return found


def _double_kind(text: str, position: int) -> str:
    mark = text[position]
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    opens_ok = before.isspace() or before in _OPEN_BEFORE
    closes_ok = after.isspace() or after in _CLOSE_AFTER
    if mark in "\u201c\u201e\u00ab":
        return _CLOSE if closes_ok and not opens_ok else _OPEN
    if mark in "\u201d\u00bb":
        return _OPEN if opens_ok and not closes_ok else _CLOSE
    if opens_ok and not closes_ok:
        return _OPEN
    if closes_ok and not opens_ok:
        return _CLOSE
    return _EITHER


def _single_kind(text: str, position: int) -> str | None:
    """open, close, weak (maybe a plural possessive) or None (an apostrophe)."""
    mark = text[position]
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None
    if mark == "\u201a":
        return _OPEN
    if not before.isalnum() and (after.isalnum() or after in "\"\u201c$\u00a3\u20ac"):
        elided = _ELISION.match(text, position + 1, position + 8)
        if elided and (mark != "\u2018" or after.isdigit()):
            return None
        return _OPEN
    if mark == "\u2018":
        return None
    if before.isalnum() or before in ".,!?;\u2026)\u201d\"":
        if before in "sS" and _PLURAL_POSSESSIVE_AFTER.match(text, position + 1, position + 4):
            return _WEAK_CLOSE
        return _CLOSE
    return None


def paragraph_start_after(text: str, newline: int) -> int:
    """The first character that is not white space at or after ``newline`` (the text's length if none)."""
    found = NOT_SPACE.search(text, newline)
    return found.start() if found else len(text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted span without surrounding space and without trailing commas ("reportedly, , " ends at "reportedly")."""
    inner = text[start:end]
    start += len(inner) - len(inner.lstrip())
    body = inner.strip().rstrip(", \t\n")
    return start, start + len(body)


def _pair_doubles(text: str) -> list[Passage]:
    passages: list[Passage] = []
    open_at, checked = -1, 0
    run_head: list[Passage | None] = [None]  # the first piece of the run being read, if it runs over paragraphs

    def emit(close: int | None, end: int) -> Passage | None:
        start, stop = _trimmed(text, open_at + 1, end)
        if stop <= start:
            return None
        passage = Passage(open_at, close, start, stop, True, run_head=run_head[0])
        passages.append(passage)
        return passage

    for position in _positions(text, DOUBLE_CHARS):
        kind = _double_kind(text, position)
        if open_at < 0:
            if kind != _CLOSE:
                open_at, checked = position, position + 1
                run_head[0] = None
            continue
        newline = text.find("\n", checked, position)
        if newline != -1:
            if kind != _CLOSE and paragraph_start_after(text, newline) == position:
                piece = emit(None, newline)  # a new paragraph continuing the quote: one passage per paragraph
                if run_head[0] is None:
                    run_head[0] = piece
                open_at, checked = position, position + 1
                continue
            emit(None, newline)
            run_head[0] = None
            open_at, checked = (position, position + 1) if kind != _CLOSE else (-1, 0)
            continue
        checked = position
        if kind == _OPEN:
            run_head[0] = None
            open_at, checked = position, position + 1
        else:
            emit(position, position)
            run_head[0] = None
            open_at = -1
    if open_at >= 0:
        newline = text.find("\n", checked)
        emit(None, newline if newline != -1 else len(text))
    return passages


def _pair_singles(text: str, doubles: list[Passage]) -> list[Passage]:
    inside = [(p.open_mark, p.close_mark if p.close_mark is not None else p.end) for p in doubles]
    marks: list[tuple[int, str]] = []
    span_index = 0
    skip: set[int] = set()
    for position in _positions(text, _SINGLE_CHARS):
        if 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalnum():
            continue
        while span_index < len(inside) and inside[span_index][1] < position:
            span_index += 1
        if span_index < len(inside) and inside[span_index][0] < position <= inside[span_index][1]:
            continue  # nested in a double-quoted passage
        if position in skip:
            continue
        kind = _single_kind(text, position)
        if kind is None and text[position + 1:position + 3] in ("n'", "n\u2019"):
            skip.add(position + 2)  # rock 'n' roll
        if kind is not None:
            marks.append((position, kind))
    passages = []
    open_at, checked = -1, 0
    for index, (position, kind) in enumerate(marks):
        if open_at >= 0 and text.find("\n", checked, position) != -1:
            open_at = -1  # a single quote never spans paragraphs
        checked = position
        if open_at < 0 or kind == _OPEN:
            open_at = position if kind == _OPEN else open_at
            continue
        if kind == _WEAK_CLOSE and _later_close_in_paragraph(text, marks, index):
            continue
        if position - open_at <= _MAX_SINGLE_QUOTE:
            start, stop = _trimmed(text, open_at + 1, position)
            if stop > start:
                passages.append(Passage(open_at, position, start, stop, False))
        open_at = -1
    return passages


def _later_close_in_paragraph(text: str, marks: list[tuple[int, str]], index: int) -> bool:
    position = marks[index][0]
    for later, kind in marks[index + 1:index + 8]:
        if kind == _OPEN or text.find("\n", position, later) != -1:
            return False
        if kind in (_CLOSE, _WEAK_CLOSE):
            return True
    return False


def quoted_passages(text: str) -> list[Passage]:
    """Every pair of quotation marks in ``text`` (apostrophes and nested quotes left out), in order."""
    doubles = _pair_doubles(text)
    passages = doubles + _pair_singles(text, doubles)
    passages.sort(key=lambda p: p.open_mark)
    return passages
