"""The before-and-after check of discernment: two sets of the articles' claims to mark "trust" or "doubt", and
the score that does not reward doubting everything.

A claim is a fact-sheet row in the articles' own words (the first alternative of ``seed_wording``), with the
judgement the fact sheet supports:

- ``"trust"`` when the main verdict is ``accurate`` and the row lists no other verdict (an accurate row that is
  also conflated or rounded is left out: either judgement could be defended);
- ``"doubt"`` when the main verdict is ``conflated``, ``misattributed`` or ``wrong``, or when it is ``rounded``
  and the row also lists one of those three (the fact sheet then shows the rounding is not the only problem).
  A row that is only rounded is left out: a rounded figure is close enough to recognise, so doubting it is not
  clearly right.

Left out as well: ``unverifiable`` rows (no source was found, which is not the same as false) and
``opinion-as-fact`` rows, rows split from a version-1 claim (``part_of``: their wording is a fragment), the
reference rows that name no article, and every claim id the caller excludes (the rows the book's exercises use
as answers, so that the check never shows a claim the learner meets as an answer).

The score is (hits - false alarms) / the number of doubt claims: a hit is a doubt claim judged "doubt", a false
alarm a trust claim judged "doubt". On a set that is half trust and half doubt, trusting everything and doubting
everything both score 0, and a perfect answer scores 1.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import pandas as pd

from solutions.data.articles import article_text
from solutions.data.facts import article_claims, load_facts, wording_alternatives
from solutions.data.quoting import printed_fragments

JUDGEMENTS = ("trust", "doubt")
TRUSTED_VERDICTS = ("accurate",)
DISTORTED_VERDICTS = ("conflated", "misattributed", "wrong")
#: A rounded row counts as distorted only when the fact sheet also gives it one of these verdicts.
ROUNDED = "rounded"

CLAIM_COLUMNS = ["claim_id", "topic", "wording", "article_id", "verdict", "expected"]


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


def _known_ids(facts: pd.DataFrame) -> set[str]:
    """Every id a caller may exclude: the rows' claim ids and the version-1 ids they were split from."""
    return set(facts["claim_id"].dropna().astype(str)) | set(facts["part_of"].dropna().astype(str))


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


def discernment_claims(exclude: Iterable[str]) -> pd.DataFrame:
    """The candidate claims for the check, one row per fact-sheet row that qualifies (see the module docstring).

    Columns: ``claim_id``, ``topic``, ``wording`` (the article's words), ``article_id`` (an article that prints
    them), ``verdict`` (the fact sheet's main verdict) and ``expected`` ("trust" or "doubt"), sorted by topic
    and claim id. ``exclude`` holds claim ids to leave out; an id the fact sheet does not know is an error, so
    that a misspelt id cannot let an exercise's answer through.
    """
    facts = load_facts()
    exclude = set(exclude)
    unknown = sorted(exclude - _known_ids(facts))
    if unknown:
        raise ValueError(f"Unknown claim ids to exclude: {', '.join(unknown)}.")
    rows = []
    for row in article_claims(facts).itertuples(index=False):
        expected = expected_judgement(str(row.verdict), row.also)
        if expected is None or not pd.isna(row.part_of) or row.claim_id in exclude:
            continue
        wording, article_id = _quoted_wording(row.claim_id, str(row.seed_wording), row.seed_ids)
        rows.append((row.claim_id, str(row.topic), wording, article_id, str(row.verdict), expected))
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS).astype("string")
    return claims.sort_values(["topic", "claim_id"], ignore_index=True)


def discernment_counts(exclude: Iterable[str]) -> pd.DataFrame:
    """How many trust and doubt claims each topic gives: columns ``topic``, ``trust``, ``doubt``, with a last
    row ``all`` for the totals."""
    claims = discernment_claims(exclude)
    counts = (pd.crosstab(claims["topic"], claims["expected"])
              .reindex(columns=list(JUDGEMENTS), fill_value=0)
              .astype("int64"))
    counts.loc["all"] = counts.sum()
    counts.columns.name = None
    return counts.rename_axis("topic").reset_index()


def largest_set_size(exclude: Iterable[str]) -> int:
    """The largest size two disjoint, half-trust half-doubt sets can have: the smaller of the trust and doubt
    counts, rounded down to an even number (each set takes half of its size from each kind)."""
    claims = discernment_claims(exclude)
    smaller = min(int((claims["expected"] == judgement).sum()) for judgement in JUDGEMENTS)
    return smaller - smaller % 2


def _round_robin_by_topic(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims in turns over the topics: the first claim of each topic (topics in alphabetical order), then
    the second of each, and so on, claims within a topic in claim-id order."""
    ordered = claims.sort_values(["topic", "claim_id"])
    turn = ordered.groupby("topic", observed=True).cumcount()
    return ordered.assign(_turn=turn).sort_values(["_turn", "topic"], kind="stable").drop(columns="_turn")


def _display_order(claims: pd.DataFrame) -> pd.DataFrame:
    """A fixed order that shows no pattern of trust and doubt: by a hash of each claim id."""
    key = claims["claim_id"].map(lambda claim_id: hashlib.sha256(str(claim_id).encode()).hexdigest())
    return claims.assign(_key=key).sort_values("_key").drop(columns="_key").reset_index(drop=True)


def discernment_sets(exclude: Iterable[str], size: int = 8) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two disjoint sets of claims, ("before", "after"), each of ``size`` claims, half trust and half doubt.

    Balance by topic: for each kind (trust, doubt) the claims are taken in turns over the topics (the first claim
    of each topic, then the second of each, and so on; topics alphabetical, claims by id), so that no topic gives
    two claims more than another topic still has to give; the taken claims are then dealt alternately to
    "before" and "after", which spreads each topic over both sets. Within a set the claims are shown in a fixed
    order given by a hash of their ids. Nothing is random: the same data gives the same sets.

    Raises ValueError when ``size`` is not a positive even number, or when the data cannot give two sets of that
    size (the message gives how many claims of each kind there are, and per topic).
    """
    if size <= 0 or size % 2:
        raise ValueError(f"The size of a set must be a positive even number, not {size}.")
    claims = discernment_claims(exclude)
    half = size // 2
    available = {judgement: claims[claims["expected"] == judgement] for judgement in JUDGEMENTS}
    if any(len(kind) < 2 * half for kind in available.values()):
        raise ValueError(_shortage_message(size, claims))
    before, after = [], []
    for kind in available.values():
        taken = _round_robin_by_topic(kind).head(2 * half)
        before.append(taken.iloc[0::2])
        after.append(taken.iloc[1::2])
    return _display_order(pd.concat(before)), _display_order(pd.concat(after))


def _shortage_message(size: int, claims: pd.DataFrame) -> str:
    half = size // 2
    parts = []
    for judgement in JUDGEMENTS:
        kind = claims[claims["expected"] == judgement]
        per_topic = ", ".join(f"{topic} {count}" for topic, count in kind["topic"].value_counts().sort_index().items())
        parts.append(f"{len(kind)} {judgement} ({per_topic or 'none'})")
    largest = min(int((claims["expected"] == j).sum()) for j in JUDGEMENTS)
    return (f"Two disjoint sets of {size} need {2 * half} trust and {2 * half} doubt claims; after the exclusions "
            f"the fact sheet gives {' and '.join(parts)}. The largest size it supports is {largest - largest % 2}.")


def discernment_score(judgements: Mapping[str, str], claims: pd.DataFrame) -> float:
    """(hits - false alarms) / the number of doubt claims in ``claims``.

    ``judgements`` maps claim ids to "trust" or "doubt"; a claim with no judgement counts as "trust". A claim
    id that is not in ``claims`` or a judgement other than "trust" and "doubt" raises ValueError, and so does a
    set with no doubt claim (the score would have no scale).
    """
    expected = dict(zip(claims["claim_id"].astype(str), claims["expected"].astype(str)))
    unknown = sorted(set(judgements) - set(expected))
    if unknown:
        raise ValueError(f"Judgements for claims that are not in the set: {', '.join(unknown)}.")
    bad = sorted({str(value) for value in judgements.values()} - set(JUDGEMENTS))
    if bad:
        raise ValueError(f"A judgement is 'trust' or 'doubt', not {', '.join(map(repr, bad))}.")
    doubts = [claim_id for claim_id, judgement in expected.items() if judgement == "doubt"]
    if not doubts:
        raise ValueError("The set has no claim to doubt, so the score has no scale.")
    doubted = {claim_id for claim_id, judgement in judgements.items() if judgement == "doubt"}
    hits = sum(claim_id in doubted for claim_id in doubts)
    false_alarms = sum(expected[claim_id] == "trust" for claim_id in doubted)
    return (hits - false_alarms) / len(doubts)
