"""Loaded words used literally: a car crash, a building that collapsed, homes destroyed by a fire, a coast battered by
storms (``seeds/hype_literal_senses.csv``).

Many hype words are figures of speech borrowed from disasters, crime and war; in news about real disasters,
crime and war they are the plain words. Each row of the table lists word ``forms`` and the ``cues`` (whole words)
that mark the literal sense; a find of one of the forms is dropped when a cue stands within
:data:`CUE_REACH` characters of it in the same paragraph, and the ``rationale`` explains why to a learner.
"""

from __future__ import annotations

import re

from solutions.data.datafiles import cached, read_table

LITERAL_FILE = "hype_literal_senses.csv"
_COLUMNS = ["forms", "cues", "rationale"]
#: How far from a find (in characters, either side) a cue of the literal sense is looked for.
CUE_REACH = 120


@cached
def literal_senses() -> dict[str, re.Pattern]:
    """Each listed word form, lower-case, with one pattern finding any cue of its literal sense."""
    table = read_table(LITERAL_FILE)
    if list(table.columns) != _COLUMNS:
        raise ValueError(f"{LITERAL_FILE} must have the columns {_COLUMNS}, not {list(table.columns)}.")
    senses: dict[str, re.Pattern] = {}
    for number, row in enumerate(table.itertuples(index=False), start=2):
        forms = [form.strip() for form in str(row.forms).split("|") if form.strip()]
        cues = [cue.strip() for cue in str(row.cues).split("|") if cue.strip()]
        if not forms or not cues or not str(row.rationale).strip():
            raise ValueError(f"{LITERAL_FILE} line {number}: forms, cues and a rationale are all needed.")
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(cues, key=len, reverse=True))) + r")\b",
                             re.IGNORECASE)
        for form in forms:
            if form in senses:
                raise ValueError(f"{LITERAL_FILE} line {number}: the form {form!r} is listed twice.")
            senses[form] = pattern
    return senses


def is_literal(text: str, start: int, end: int) -> bool:
    """True when the find at start:end is one of the listed forms and a cue of its literal sense stands near it
    (within :data:`CUE_REACH` characters, not across a paragraph break)."""
    cues = literal_senses().get(text[start:end].casefold())
    if cues is None:
        return False
    low, high = max(0, start - CUE_REACH), min(len(text), end + CUE_REACH)
    left = text.rfind("\n", low, start)
    right = text.find("\n", end, high)
    low, high = (left + 1 if left != -1 else low), (right if right != -1 else high)
    return cues.search(text, low, start) is not None or cues.search(text, end, high) is not None
