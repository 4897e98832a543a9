"""The check's candidates (the articles' claims and the kit's statements) and its two sets, "before" and "after".

Each set is half "trust" and half "doubt", and no fact row appears twice in the two sets together, in any
version: a learner who saw a row's accurate statement before must not meet its distortion after. Balance by
topic: the doubt claims are taken first, in turns over the topics (the first candidate of each topic, then the
second of each, and so on; topics alphabetical; within a topic the kit's statements before the articles' own
words, because a statement carries its own date and source while an article's words lean on the article around
them; then by claim id), skipping a row already taken; the trust claims are then taken the same way from
the rows left. The taken claims of each kind are dealt alternately to "before" and "after", which spreads each
topic over both sets, and a set is shown in a fixed order given by a hash of its claim ids. Nothing is random:
the same data gives the same sets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

from .article_claims import JUDGEMENTS, article_candidates
from .statements import VERSIONS, kit_statements

#: The kind taken first: distortions are scarcer, and a row given to one kind is not offered to the other.
TAKEN_FIRST = "doubt"


def discernment_claims(exclude: Iterable[str]) -> pd.DataFrame:
    """Every candidate of the check: the articles' claims (``article_claims``) and the kit's statements
    (``statements``), without the rows in ``exclude``, sorted by topic, claim id, origin and version."""
    exclude = set(exclude)
    claims = pd.concat([article_candidates(exclude), kit_statements(exclude)], ignore_index=True)
    order = claims["version"].map(lambda version: VERSIONS.index(version) if version in VERSIONS else -1)
    return (claims.assign(_origin=claims["origin"] != "article", _version=order)
            .sort_values(["topic", "claim_id", "_origin", "_version"])
            .drop(columns=["_origin", "_version"]).reset_index(drop=True))


def discernment_counts(exclude: Iterable[str]) -> pd.DataFrame:
    """How many trust and doubt candidates each topic gives: columns ``topic``, ``trust``, ``doubt``, with a last
    row ``all`` for the totals. A row with both an accurate and a distorted version counts under both."""
    claims = discernment_claims(exclude)
    counts = (pd.crosstab(claims["topic"], claims["expected"])
              .reindex(columns=list(JUDGEMENTS), fill_value=0)
              .astype("int64"))
    counts.loc["all"] = counts.sum()
    counts.columns.name = None
    return counts.rename_axis("topic").reset_index()


def _in_turns(candidates: pd.DataFrame, count: int, used: set[str]) -> pd.DataFrame:
    """Up to ``count`` candidates taken in turns over the topics, one per row, skipping the rows in ``used``
    (which the taken rows join)."""
    ordered = candidates.assign(_article=candidates["origin"] == "article").sort_values(
        ["topic", "_article", "claim_id"], kind="stable")
    queues = {topic: list(group.index) for topic, group in ordered.groupby("topic", sort=True)}
    taken: list = []
    while len(taken) < count and any(queues.values()):
        for topic, queue in queues.items():
            while queue and candidates.at[queue[0], "claim_id"] in used:
                queue.pop(0)
            if queue and len(taken) < count:
                index = queue.pop(0)
                taken.append(index)
                used.add(str(candidates.at[index, "claim_id"]))
    return candidates.loc[taken]


def _taken(claims: pd.DataFrame, size: int) -> dict[str, pd.DataFrame]:
    """For each kind, the ``size`` claims (half a set each, for two sets) taken in turns, doubt first."""
    used: set[str] = set()
    order = (TAKEN_FIRST, *(kind for kind in JUDGEMENTS if kind != TAKEN_FIRST))
    return {kind: _in_turns(claims[claims["expected"] == kind], size, used) for kind in order}


def largest_set_size(exclude: Iterable[str]) -> int:
    """The largest size two disjoint, half-trust half-doubt sets can have (0 when not even 2)."""
    return _largest(discernment_claims(exclude))


def _largest(claims: pd.DataFrame) -> int:
    size = 0
    while all(len(taken) == size + 2 for taken in _taken(claims, size + 2).values()):
        size += 2
    return size


def _display_order(claims: pd.DataFrame) -> pd.DataFrame:
    """A fixed order that shows no pattern of trust and doubt: by a hash of each claim id."""
    key = claims["claim_id"].map(lambda claim_id: hashlib.sha256(str(claim_id).encode()).hexdigest())
    return claims.assign(_key=key).sort_values("_key").drop(columns="_key").reset_index(drop=True)


def discernment_sets(exclude: Iterable[str], size: int = 4) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two sets of claims, ("before", "after"), each of ``size`` claims, half trust and half doubt, with no fact
    row in both (see the module docstring for how they are chosen).

    Raises ValueError when ``size`` is not a positive even number, or when the data cannot give two such sets
    (the message gives the largest size it can, and the candidates per kind).
    """
    if size <= 0 or size % 2:
        raise ValueError(f"The size of a set must be a positive even number, not {size}.")
    claims = discernment_claims(exclude)
    taken = _taken(claims, size)
    if any(len(kind) < size for kind in taken.values()):
        raise ValueError(_shortage_message(size, claims))
    before = pd.concat([kind.iloc[0::2] for kind in taken.values()])
    after = pd.concat([kind.iloc[1::2] for kind in taken.values()])
    return _display_order(before), _display_order(after)


def _shortage_message(size: int, claims: pd.DataFrame) -> str:
    parts = []
    for judgement in JUDGEMENTS:
        kind = claims[claims["expected"] == judgement]
        per_topic = ", ".join(f"{topic} {count}" for topic, count in
                              kind.drop_duplicates("claim_id")["topic"].value_counts().sort_index().items())
        parts.append(f"{kind['claim_id'].nunique()} rows to {judgement} ({per_topic or 'none'})")
    largest = _largest(claims)
    return (f"Two sets of {size} need {size} trust and {size} doubt claims from {2 * size} different fact rows; "
            f"after the exclusions the candidates come from {' and '.join(parts)}. The largest size they "
            f"support is {largest}.")
