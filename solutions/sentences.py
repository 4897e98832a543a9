"""Splitting running text into sentences, with character offsets."""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "prof", "no", "nos", "inc", "corp", "ltd", "co",
    "st", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "approx", "est", "fig", "gov", "sen", "rep", "gen", "jr", "sr",
}
#: A sentence end: [.!?]+ and closing marks before a space and a capital or digit, or a run of line breaks.
#: It starts with a character set so that the regex engine can skip quickly to the next candidate.
_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9$£€])|(?<=\n)\n*)")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text``; line breaks always end a sentence."""
    spans, start = [], 0
    for match in _END.finditer(text):
        if match.group(0)[0] == ".":
            word = _LAST_WORD.search(text[max(0, match.start() - 12):match.start() + 1])
            if word and word.group(1).casefold().strip(".") in _ABBREVIATIONS:
                continue
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        _add(text, spans, start, end)
        start = match.end()
    _add(text, spans, start, len(text))
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
