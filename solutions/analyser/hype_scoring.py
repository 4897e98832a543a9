"""The hype score: weighted loaded-wording finds per 1,000 words, with its checks, and ranking texts by it."""

from __future__ import annotations

import math
from numbers import Real

from solutions.analyser.hype_lexicon import default_weights


def checked_amount(value: object, what: str) -> float:
    """``value`` as a float, or ValueError naming ``what`` when it is not a finite number of zero or more."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(float(value)):
        raise ValueError(f"{what} must be a finite number, not {value!r}.")
    if value < 0:
        raise ValueError(f"{what} must not be negative, not {value!r}.")
    return float(value)


def per_thousand(amount: float, words: float) -> float:
    """``amount`` per 1,000 words: ``amount / words * 1000``; 0.0 for a text of no words."""
    amount, words = checked_amount(amount, "The count"), checked_amount(words, "The number of words")
    return 0.0 if words == 0 else amount / words * 1000


def hype_score(counts: dict[str, int], words: int, weights: dict[str, float] | None = None) -> float:
    """Weighted hype finds per 1,000 words.

    ``score = sum(weight[c] * count[c] for each category c) / words * 1000``, summed in the order of
    :func:`hype_categories`; 0.0 when ``words`` is 0. ``weights`` defaults to :func:`default_weights`; a
    category missing from ``counts`` counts 0 and one missing from ``weights`` takes its default weight.

    Raises ValueError for an unknown category (in ``counts`` or ``weights``), a negative or non-numeric
    count, weight or word count.
    """
    defaults = default_weights()
    if not isinstance(counts, dict):
        raise ValueError(f"counts must be a dict of category -> count, not {type(counts).__name__}.")
    given = {} if weights is None else weights
    if not isinstance(given, dict):
        raise ValueError(f"weights must be a dict of category -> weight, not {type(given).__name__}.")
    for name, mapping in (("counts", counts), ("weights", given)):
        unknown = sorted(map(str, set(mapping) - set(defaults)))
        if unknown:
            raise ValueError(f"Unknown hype categor{'y' if len(unknown) == 1 else 'ies'} in {name}: "
                             f"{', '.join(unknown)}. Known: {', '.join(defaults)}.")
    total_words = checked_amount(words, "words")
    total = 0.0
    for category, default in defaults.items():
        count = checked_amount(counts.get(category, 0), f"The count for {category!r}")
        weight = checked_amount(given.get(category, default), f"The weight for {category!r}")
        total += weight * count
    return per_thousand(total, total_words)


def rank_by_hype(scores: dict[str, float]) -> list[str]:
    """The ids of ``scores`` from highest score to lowest; equal scores in order of id."""
    for key, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(float(value)):
            raise ValueError(f"The score for {key!r} must be a number, not {value!r}.")
    return sorted(scores, key=lambda key: (-float(scores[key]), str(key)))
