"""The kit's own statements for the before-and-after check: each fact row's verified fact, said accurately or
distorted, from ``seeds/discernment_statements.csv``.

The articles' distorted claims are nearly all met in the chapters' exercises, so the check also shows statements
written for it (the issue asks for claims "rounded beyond recognition, conflated, misattributed"). Each row of the
file restates one fact row's verified value in plain words:

- ``accurate``: the fact as the row's source gives it (judged "trust");
- ``rounded beyond recognition``, ``conflated`` or ``misattributed``: the same fact changed in that way, with a
  ``note`` saying what was changed, from the row (judged "doubt").

The rules the file must keep (checked here, so that a bad edit stops the build instead of teaching something
false): each claim id is a row of the fact sheet; a row has at most one statement per version and an accurate
one before any distortion; every number in an accurate statement is in the row's verified value, unit or source
title (a statement cannot add a figure the fact sheet does not give); a distortion differs from the row's accurate
statement and carries a note. Statements are the kit's words, never an article's: they are shown without
quotation marks.

A row the fact sheet calls ``unverifiable`` gives no statement: no source was found for it, so the kit cannot
say what is accurate (the file may still list it, for when a source turns up).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from solutions.data.datafiles import cached, read_table
from solutions.data.facts import load_facts

from .article_claims import CLAIM_COLUMNS, check_exclusions

STATEMENTS_FILE = "discernment_statements.csv"
ACCURATE = "accurate"
DISTORTIONS = ("rounded beyond recognition", "conflated", "misattributed")
VERSIONS = (ACCURATE, *DISTORTIONS)
UNVERIFIABLE = "unverifiable"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@cached
def load_statements() -> pd.DataFrame:
    """The statements file, checked (see the module docstring): columns ``claim_id``, ``version``,
    ``statement`` and ``note``."""
    table = read_table(STATEMENTS_FILE)
    facts = load_facts().set_index("claim_id")
    seen: dict[str, list[str]] = {}
    for line, row in enumerate(table.itertuples(index=False), start=2):
        where = f"{STATEMENTS_FILE}, line {line} ({row.claim_id})"
        if row.claim_id not in facts.index:
            raise ValueError(f"{where}: the fact sheet has no row {row.claim_id}.")
        if row.version not in VERSIONS:
            raise ValueError(f"{where}: the version must be one of {', '.join(VERSIONS)}, not {row.version!r}.")
        versions = seen.setdefault(str(row.claim_id), [])
        if row.version in versions:
            raise ValueError(f"{where}: a second {row.version} statement for the same row.")
        if row.version != ACCURATE and ACCURATE not in versions:
            raise ValueError(f"{where}: a distortion needs the row's accurate statement on an earlier line.")
        versions.append(str(row.version))
        fact = facts.loc[row.claim_id]
        if row.version == ACCURATE:
            evidence = " ".join(str(fact[c]) for c in ("verified_value", "unit", "source_title"))
            missing = [n for n in NUMBER.findall(str(row.statement)) if n not in NUMBER.findall(evidence)]
            if missing:
                raise ValueError(f"{where}: the accurate statement gives {', '.join(missing)}, which the fact "
                                 "sheet's verified value, unit and source title do not.")
        elif pd.isna(row.note):
            raise ValueError(f"{where}: a distortion needs a note saying what was changed.")
        elif row.statement == table[(table["claim_id"] == row.claim_id)
                                    & (table["version"] == ACCURATE)]["statement"].iloc[0]:
            raise ValueError(f"{where}: the distortion says the same as the accurate statement.")
    return table


def kit_statements(exclude: Iterable[str]) -> pd.DataFrame:
    """Every statement as a candidate of the check, with the columns of :data:`CLAIM_COLUMNS` (``origin`` "kit",
    no article), sorted by topic and claim id, accurate first; the rows in ``exclude`` are left out."""
    facts = load_facts()
    exclude = check_exclusions(exclude, facts)
    topics = facts.set_index("claim_id")["topic"]
    verdicts = facts.set_index("claim_id")["verdict"]
    rows = [(row.claim_id, str(topics[row.claim_id]), str(row.statement), pd.NA, str(verdicts[row.claim_id]),
             "trust" if row.version == ACCURATE else "doubt", "kit", str(row.version), row.note)
            for row in load_statements().itertuples(index=False)
            if row.claim_id not in exclude and verdicts[row.claim_id] != UNVERIFIABLE]
    statements = pd.DataFrame(rows, columns=CLAIM_COLUMNS).astype("string")
    order = statements["version"].map(VERSIONS.index)
    return (statements.assign(_order=order).sort_values(["topic", "claim_id", "_order"])
            .drop(columns="_order").reset_index(drop=True))
