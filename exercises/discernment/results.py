"""A learner's score on a check, from the marks kept in a progress file."""

from __future__ import annotations

from solutions.chapters.discernment import JUDGEMENTS, discernment_score

from .checks import CHECK_IDS, check_claims


def discernment_result(exercise_id: str, answer: object) -> float | None:
    """The score of ``answer`` (``{claim_id: "trust" | "doubt"}``) on the check ``exercise_id``, or None when the
    id is not a check or the answer is not a mark for every claim of its set (an unfinished or edited answer)."""
    if exercise_id not in CHECK_IDS or not isinstance(answer, dict):
        return None
    claims = check_claims(exercise_id)
    if set(answer) != set(claims["claim_id"]) or any(mark not in JUDGEMENTS for mark in answer.values()):
        return None
    return discernment_score(answer, claims)
