"""The hype lexicon as data: the categories with their default weights, and the loaded phrases with theirs.

``seeds/hype_categories.csv`` (category, label, weight, description) and ``seeds/hype_lexicon.csv`` (phrase,
category, rationale), where ``phrase`` lists plain lower-case word forms separated by ``|``. Hedges ("may", "might",
"suggests") are the careful opposite of boosters; they are not hype, so the lexicon leaves them out.
"""

from __future__ import annotations

import re

import pandas as pd

from solutions.analyser.hype_variants import with_variants
from solutions.data.datafiles import cached, read_table

CATEGORIES_FILE = "hype_categories.csv"
LEXICON_FILE = "hype_lexicon.csv"
_FORM = re.compile(r"[a-z0-9](?:[a-z0-9 .'-]*[a-z0-9.'])?")


@cached
def _categories() -> pd.DataFrame:
    table = read_table(CATEGORIES_FILE, numbers=("weight",))
    expected = ["category", "label", "weight", "description"]
    if list(table.columns) != expected:
        raise ValueError(f"{CATEGORIES_FILE} must have the columns {expected}, not {list(table.columns)}.")
    if table["category"].isna().any() or table["category"].duplicated().any():
        raise ValueError(f"{CATEGORIES_FILE}: every row needs a category name, each used once.")
    bad = table[table["weight"].isna() | (table["weight"] < 0)]
    if len(bad):
        raise ValueError(f"{CATEGORIES_FILE}: weights must be numbers >= 0; check {list(bad['category'])}.")
    return table


def hype_categories() -> pd.DataFrame:
    """The hype categories: one row each with ``category``, ``label``, ``weight`` (default) and ``description``."""
    return _categories().copy()


def default_weights() -> dict[str, float]:
    """Each category's default weight, from ``hype_categories.csv`` (a new dictionary each time)."""
    return dict(_default_weights())


@cached
def _default_weights() -> dict[str, float]:
    table = _categories()
    return {str(c): float(w) for c, w in zip(table["category"], table["weight"])}


@cached
def _lexicon() -> pd.DataFrame:
    table = read_table(LEXICON_FILE)
    expected = ["phrase", "category", "rationale"]
    if list(table.columns) != expected:
        raise ValueError(f"{LEXICON_FILE} must have the columns {expected}, not {list(table.columns)}.")
    known = set(default_weights())
    rows = []
    for number, row in enumerate(table.itertuples(index=False), start=2):
        phrase, category, rationale = (None if pd.isna(v) else str(v) for v in row)
        if category not in known:
            raise ValueError(f"{LEXICON_FILE} line {number}: unknown category {category!r}; "
                             f"use one of {sorted(known)}.")
        if not rationale or not rationale.strip():
            raise ValueError(f"{LEXICON_FILE} line {number}: the rationale is empty.")
        forms = tuple(form.strip() for form in (phrase or "").split("|"))
        for form in forms:
            if not _FORM.fullmatch(form) or "  " in form:
                raise ValueError(f"{LEXICON_FILE} line {number}: {form!r} is not a plain lower-case word form "
                                 "(letters, digits, single spaces, hyphens, apostrophes, full stops).")
        rows.append({"phrase": phrase, "forms": forms, "category": category, "rationale": rationale.strip()})
    lexicon = pd.DataFrame(rows, columns=["phrase", "forms", "category", "rationale"])
    seen: dict[str, str] = {}
    for phrase, forms in zip(lexicon["phrase"], lexicon["forms"]):
        for form in forms:
            if form in seen:
                raise ValueError(f"{LEXICON_FILE}: the form {form!r} is listed twice ({seen[form]!r} and {phrase!r}).")
            seen[form] = phrase
    return lexicon


def load_hype_lexicon() -> pd.DataFrame:
    """The lexicon: one row per entry with ``phrase``, ``forms`` (tuple of str), ``category`` and ``rationale``."""
    return _lexicon().copy()


@cached
def lexicon_rows() -> tuple[tuple[str, str, str], ...]:
    """Every (form, category, rationale) the finder matches, longest form first, ties in alphabetical order: the
    listed forms and their idiom variants (:mod:`~solutions.analyser.hype_variants`)."""
    rows = with_variants((form, category, rationale) for forms, category, rationale
                         in zip(_lexicon()["forms"], _lexicon()["category"], _lexicon()["rationale"]) for form in forms)
    return tuple(sorted(rows, key=lambda row: (-len(row[0]), row[0])))


def lexicon_forms() -> list[tuple[str, str]]:
    """Every (form, category) in the lexicon, longest form first (ties alphabetical): what the JavaScript uses."""
    return [(form, category) for form, category, _ in lexicon_rows()]
