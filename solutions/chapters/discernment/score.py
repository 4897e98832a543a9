"""The check's score: hits minus false alarms, so that doubting everything earns nothing.

The score is (hits - false alarms) / the number of doubt claims: a hit is a doubt claim judged "doubt", a false
alarm a trust claim judged "doubt". On a set that is half trust and half doubt, trusting everything and doubting
everything both score 0, and a perfect answer scores 1 (a learner who doubts every accurate claim and trusts
every distorted one scores -1).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .article_claims import JUDGEMENTS


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
