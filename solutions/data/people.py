"""The register of people and organisations the seeds cite (``people.csv``): loading it, and looking a name up
by any spelling seen in the seeds (case, spacing and a possessive do not matter)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from solutions.analyser.roles import normalise_role
from solutions.data.datafiles import cached, read_table

LIST_COLUMNS = ("affiliations", "role_words", "roles_contradicted", "variants", "roles_given")
#: The space between two parts of a name: spaces, or one line break ("Jeffrey\nHinton"), never a blank line.
NAME_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"


@cached
def _people_table() -> pd.DataFrame:
    return read_table("people.csv")


def load_people() -> pd.DataFrame:
    """Return the register: one row per person or organisation the seeds cite.

    Columns: ``name`` (canonical spelling), ``kind`` (person / organisation / unknown), ``role`` (as a
    source establishes it, or "unverifiable"), ``role_status`` (sourced / unverifiable), ``claim_id``
    (the fact-sheet row), ``affiliations``, ``role_words``, ``roles_contradicted``, ``variants`` and
    ``roles_given`` (``|``-separated lists) and ``note`` (for teachers).
    """
    return _people_table().copy()


def _split(field) -> list[str]:
    if field is None or pd.isna(field):
        return []
    return [part.strip() for part in str(field).split("|") if part.strip()]


def name_key(name: str) -> str:
    """Fold a name for lookup: case, spacing and a possessive ending do not matter."""
    name = " ".join(name.split())
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    elif name.endswith(("'", "\u2019")):
        name = name[:-1]
    return name.casefold()


def _letters(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


@dataclass(frozen=True)
class RegisterEntry:
    """One row of the register, read for matching: its spellings and the role words its sources give."""

    name: str
    kind: str
    role: str
    role_status: str
    claim_id: str
    affiliations: tuple[str, ...]
    role_words: frozenset
    contradicted: frozenset
    forms: tuple[str, ...]


@dataclass(frozen=True)
class NameRegister:
    """The whole register, indexed for finding its names in a text."""

    entries: tuple[RegisterEntry, ...]
    by_key: dict  # folded form -> (entry, misspelled)
    mentions: re.Pattern | None  # any registered form, for short strings
    starts: dict  # lower-cased first word of a form -> pattern matching the forms that start with it
    by_first: dict  # first word of a person's name -> entries
    by_last: dict  # last word of a person's name -> entries


def _entry(row: pd.Series) -> RegisterEntry:
    name = str(row["name"]).strip()
    variants = _split(row["variants"])
    words = lambda field: frozenset(w for part in _split(row[field]) for w in normalise_role(part))  # noqa: E731
    return RegisterEntry(
        name=name, kind=str(row["kind"]), role=str(row["role"]), role_status=str(row["role_status"]),
        claim_id="" if pd.isna(row["claim_id"]) else str(row["claim_id"]),
        affiliations=tuple(_split(row["affiliations"])), role_words=words("role_words"),
        contradicted=words("roles_contradicted"), forms=tuple(dict.fromkeys([name] + variants)),
    )


def is_misspelling(written: str, canonical: str) -> bool:
    """A registered form is a misspelling when it differs in letters (not only case, spacing or hyphens)
    and is not simply part of the canonical name ("Hinton" for "Geoffrey Hinton")."""
    if _letters(written) == _letters(canonical):
        return False
    return not set(written.casefold().split()) <= set(canonical.casefold().split())


def _pattern(forms: list[str]) -> re.Pattern:
    spelled = sorted({NAME_GAP.join(re.escape(t) for t in form.split()) for form in forms}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(spelled) + r")(?![\w])", re.I)


@cached
def name_register() -> NameRegister:
    entries = tuple(_entry(row) for _, row in _people_table().iterrows() if not pd.isna(row["name"]))
    by_key, starts = {}, {}
    for entry in entries:
        for form in entry.forms:
            by_key.setdefault(name_key(form), (entry, is_misspelling(form, entry.name)))
            starts.setdefault(form.split()[0].lower(), []).append(form)
    all_forms = [form for entry in entries for form in entry.forms]
    mentions = re.compile(r"(?<![\w@])" + _pattern(all_forms).pattern, re.I) if all_forms else None
    by_first, by_last = {}, {}
    for entry in entries:
        tokens = entry.name.split()
        if entry.kind == "person" and len(tokens) >= 2:
            by_first.setdefault(tokens[0], []).append(entry)
            by_last.setdefault(tokens[-1], []).append(entry)
    return NameRegister(entries, by_key, mentions, {k: _pattern(v) for k, v in starts.items()}, by_first, by_last)


def _as_dict(entry: RegisterEntry) -> dict:
    """The register row of an entry as a new dict (list columns as new lists), so a caller may change it."""
    return {column: list(value) if isinstance(value, list) else value
            for column, value in _record(entry.name).items()}


@cached
def _record(name: str) -> dict:
    table = _people_table()
    record = table[table["name"] == name].iloc[0]
    result = {column: (None if pd.isna(record[column]) else str(record[column])) for column in table.columns}
    for column in LIST_COLUMNS:
        result[column] = _split(record[column])
    return result


def person(name: str) -> dict | None:
    """Look up a registered person or organisation by its canonical name or any variant seen in the seeds.

    Case, spacing and a possessive ("Geoffrey Hinton's") do not matter. Returns the register row as a
    dict (list columns as lists), or None.
    """
    if not isinstance(name, str) or not name.strip():
        return None
    found = name_register().by_key.get(name_key(name))
    return _as_dict(found[0]) if found is not None else None
