"""The articles' own claims that the before-and-after check can show, with the judgement the fact sheet supports.

A claim is a fact-sheet row in the articles' own words (the first alternative of ``seed_wording``), judged:

- ``"trust"`` when the main verdict is ``accurate`` and the row lists no other verdict (an accurate row that is
  also conflated or rounded is left out: either judgement could be defended);
- ``"doubt"`` when the main verdict is ``conflated``, ``misattributed`` or ``wrong``, or when it is ``rounded``
  and the row also lists one of those three (the fact sheet then shows the rounding is not the only problem).
  A row that is only rounded is left out: a rounded figure is close enough to recognise, so doubting it is not
  clearly right.

Left out as well: ``unverifiable`` rows (no source was found, which is not the same as false) and
``opinion-as-fact`` rows, rows split from a version-1 claim (``part_of``: their wording is a fragment), the
reference rows that name no article, and every claim id the caller excludes (the rows the book's exercises use,
so that the check never shows a claim the learner meets in an exercise).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from solutions.data.articles import article_text
from solutions.data.facts import article_claims, load_facts, wording_alternatives
from solutions.data.quoting import printed_fragments

JUDGEMENTS = ("trust", "doubt")
TRUSTED_VERDICTS = ("accurate",)
DISTORTED_VERDICTS = ("conflated", "misattributed", "wrong")
#: A rounded row counts as distorted only when the fact sheet also gives it one of these verdicts.
ROUNDED = "rounded"

#: The columns of every candidate of the check, the articles' claims and the kit's statements alike: ``origin`` is
#: "article" or "kit", ``version`` "as printed" for an article's words, else the statement's version, and ``note``
#: says what a distorted statement changed.
CLAIM_COLUMNS = ["claim_id", "topic", "wording", "article_id", "verdict", "expected", "origin", "version", "note"]
AS_PRINTED = "as printed"


def expected_judgement(verdict: str, also: Iterable[str]) -> str | None:
    """The judgement a fact-sheet verdict supports: "trust", "doubt", or None when the row is left out."""
    also = tuple(also)
    if verdict in TRUSTED_VERDICTS:
        return "trust" if not also else None
    if verdict in DISTORTED_VERDICTS:
        return "doubt"
    if verdict == ROUNDED and any(other in DISTORTED_VERDICTS for other in also):
        return "doubt"
    return None


def known_ids(facts: pd.DataFrame) -> set[str]:
    """Every id a caller may exclude: the rows' claim ids and the version-1 ids they were split from."""
    return set(facts["claim_id"].dropna().astype(str)) | set(facts["part_of"].dropna().astype(str))


def check_exclusions(exclude: Iterable[str], facts: pd.DataFrame) -> set[str]:
    """``exclude`` as a set, once every id in it is known: a misspelt id must not let an exercise's claim through."""
    exclude = set(exclude)
    unknown = sorted(exclude - known_ids(facts))
    if unknown:
        raise ValueError(f"Unknown claim ids to exclude: {', '.join(unknown)}.")
    return exclude


def _quoted_wording(claim_id: str, seed_wording: str, seed_ids: tuple[str, ...]) -> tuple[str, str]:
    """The first alternative of a wording, as the first of its articles that prints it prints it, and that
    article's id.

    Words left out stay marked "..."; quotation marks, apostrophes and dashes are the article's own. A wording
    that none of its articles prints is an error in the data: the check must only show the articles' words.
    """
    fragments = wording_alternatives(seed_wording)[0]
    for article_id in seed_ids:
        printed = printed_fragments(fragments, article_text(article_id))
        if printed is not None:
            return " ... ".join(printed), article_id
    raise ValueError(f"The wording of {claim_id} ({seed_wording!r}) is not printed in its articles "
                     f"{', '.join(seed_ids)}.")


def article_candidates(exclude: Iterable[str]) -> pd.DataFrame:
    """The candidate claims for the check, one row per fact-sheet row that qualifies (see the module docstring).

    The columns are :data:`CLAIM_COLUMNS`: ``wording`` is the article's words, ``article_id`` an article that
    prints them, ``verdict`` the fact sheet's main verdict; sorted by topic and claim id. ``exclude`` holds claim
    ids to leave out (see :func:`check_exclusions`).
    """
    facts = load_facts()
    exclude = check_exclusions(exclude, facts)
    rows = []
    for row in article_claims(facts).itertuples(index=False):
        expected = expected_judgement(str(row.verdict), row.also)
        if expected is None or not pd.isna(row.part_of) or row.claim_id in exclude:
            continue
        wording, article_id = _quoted_wording(row.claim_id, str(row.seed_wording), row.seed_ids)
        rows.append((row.claim_id, str(row.topic), wording, article_id, str(row.verdict), expected, "article",
                     AS_PRINTED, pd.NA))
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS).astype("string")
    return claims.sort_values(["topic", "claim_id"], ignore_index=True)
