"""The cue words that say what kind of figure a number is, as data: ``seeds/figure_cues.csv``.

Each row is a *family* of cue words with one job, and says why it exists (``rationale``), so a learner can read
how the analyser decides that "£801 million" next to "charge" is a company result and "4%" next to "shares" is a
share move. Columns:

- ``family``: the family's name;
- ``kind``: the figure kind its words point to (``cost``, ``stock``, ``investment``, ``market_size``, ``other``,
  ``downloads``);
- ``strength``: ``subject`` for words that name the thing measured (revenue, shares, a fee), ``generic`` for naming
  words that take the kind of a naming word right before them or after "of" ("Solana's price", "the price of
  gold") and otherwise count as ``subject``, ``move`` for words that only say something moved (fell, jumped) and
  ``actor`` for words that name who acts (the Treasury, a council); a ``move`` or ``actor`` word decides a kind only
  when no naming word is in the sentence;
- ``implies_money``: ``yes`` when a bare scaled number right after one of its words is money ("sold for seven
  million", "paid 2 million");
- ``forms``: lower-case word forms separated by ``|``; a space matches any white space, and a form ending in ``*``
  matches any ending of its last word ("revenue*" matches "revenues");
- ``rationale``: why the family exists.

The grammar is part-of-speech free: a form is found wherever it stands as whole words, the longest form at a
position wins ("market share" over "market", "share price" over "share"), and :mod:`solutions.analyser.figure_context`
decides which found cue governs a figure (the nearest naming word, a word bound to it by "of" or "at", the head of
a compound such as "trading profit").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd

from solutions.analyser.text import trie_pattern
from solutions.data.datafiles import cached, read_table

CUES_FILE = "figure_cues.csv"
COLUMNS = ["family", "kind", "strength", "implies_money", "forms", "rationale"]
CUE_KINDS = ("cost", "stock", "investment", "market_size", "other", "downloads")
STRENGTHS = ("subject", "generic", "move", "actor")
_FORM = re.compile(r"[a-z0-9&](?:[a-z0-9&' .-]*[a-z0-9&.'])?\*?")
_WILDCARD = "\uffff"  # sorts after every other character, so a longer literal form is tried before "any ending"
_SPACES = re.compile(r"\s+")


class Cue(NamedTuple):
    """What one cue word says: its family, the kind it points to, its strength and whether it makes money."""

    family: str
    kind: str
    strength: str
    implies_money: bool


@cached
def _table() -> pd.DataFrame:
    table = read_table(CUES_FILE, raw_text=True)
    if list(table.columns) != COLUMNS:
        raise ValueError(f"{CUES_FILE} must have the columns {COLUMNS}, not {list(table.columns)}.")
    rows, seen = [], {}
    for number, row in enumerate(table.itertuples(index=False), start=2):
        family, kind, strength, implies_money, forms_text, rationale = (str(value).strip() for value in row)
        if not family or family in {r["family"] for r in rows}:
            raise ValueError(f"{CUES_FILE} line {number}: every family needs a name, used once ({family!r}).")
        if kind not in CUE_KINDS:
            raise ValueError(f"{CUES_FILE} line {number}: unknown kind {kind!r}; use one of {list(CUE_KINDS)}.")
        if strength not in STRENGTHS:
            raise ValueError(f"{CUES_FILE} line {number}: strength must be one of {list(STRENGTHS)}, not {strength!r}.")
        if implies_money not in ("yes", "no"):
            raise ValueError(f"{CUES_FILE} line {number}: implies_money must be yes or no, not {implies_money!r}.")
        if not rationale:
            raise ValueError(f"{CUES_FILE} line {number}: the rationale is empty.")
        forms = tuple(form.strip() for form in forms_text.split("|"))
        for form in forms:
            if not _FORM.fullmatch(form) or "  " in form:
                raise ValueError(f"{CUES_FILE} line {number}: {form!r} is not a plain lower-case word form "
                                 "(letters, digits, &, single spaces, hyphens, apostrophes, full stops, a final *).")
            if form in seen:
                raise ValueError(f"{CUES_FILE}: the form {form!r} is listed twice ({seen[form]!r} and {family!r}).")
            seen[form] = family
        rows.append({"family": family, "kind": kind, "strength": strength, "implies_money": implies_money == "yes",
                     "forms": forms, "rationale": rationale})
    return pd.DataFrame(rows, columns=COLUMNS)


def load_figure_cues() -> pd.DataFrame:
    """The cue families: one row each with the columns of :data:`COLUMNS` (``forms`` a tuple of str)."""
    return _table().copy()


@cached
def _cues() -> tuple[dict[str, Cue], dict[str, Cue]]:
    """(exact forms, wildcard stems) -> the cue each stands for."""
    exact, stems = {}, {}
    for row in _table().itertuples(index=False):
        cue = Cue(row.family, row.kind, row.strength, bool(row.implies_money))
        for form in row.forms:
            (stems if form.endswith("*") else exact)[form.rstrip("*")] = cue
    return exact, stems


@cached
def cue_pattern() -> re.Pattern:
    """One pattern for every form, for lower-cased text: a trie, so each position is tried once per character.

    A cue starts and ends at a word boundary (``&`` counts as part of a word, for "S&P").
    """
    exact, stems = _cues()
    forms = list(exact) + [stem + _WILDCARD for stem in stems]
    trie = trie_pattern(forms).replace(re.escape(_WILDCARD), r"\w*").replace(_WILDCARD, r"\w*")
    return re.compile(rf"(?<![\w&])(?=[\w&])(?:{trie})(?![\w&])")


@functools.lru_cache(maxsize=4096)
def cue_of(found: str) -> Cue:
    """The cue a found form stands for (``found`` as the text has it, lower-cased; white space any run)."""
    exact, stems = _cues()
    folded = _SPACES.sub(" ", found)
    if folded in exact:
        return exact[folded]
    for length in range(len(folded), 0, -1):
        if folded[:length] in stems:
            return stems[folded[:length]]
    raise KeyError(found)


def find_cues(lowered: str, span: tuple[int, int]) -> list[tuple[int, int, Cue]]:
    """Every cue in ``lowered[span]`` (the text lower-cased in place), as (start, end, cue), in order."""
    return [(match.start(), match.end(), cue_of(match.group())) for match in cue_pattern().finditer(lowered, *span)]
