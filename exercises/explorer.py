"""A weight explorer: sliders that set how much each kind of wording counts, and a ranking that follows.

It is not graded; the questions after it are ordinary exercises. The scores come from
:func:`solutions.analyser.hype.hype_score`, and ``static/quiz/explorer.js`` recomputes them in the static book with
the same formula (a test in Chromium compares both).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from solutions.analyser.hype import hype_score, rank_by_hype


@dataclass(frozen=True)
class Weight:
    """One slider: a category ``key``, its ``label`` and its default weight."""

    key: str
    label: str
    default: float
    description: str = ""


@dataclass(frozen=True)
class ScoredItem:
    """One thing being ranked (an article): its word count and its count per category."""

    key: str
    label: str
    words: int
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class WeightExplorer:
    """Sliders from ``minimum`` to ``maximum`` in ``step``s, one per weight, re-ranking ``items``."""

    id: str
    title: str
    prompt: str
    weights: tuple[Weight, ...]
    items: tuple[ScoredItem, ...]
    minimum: float = 0.0
    maximum: float = 3.0
    step: float = 0.5
    kind = "explorer"

    def defaults(self) -> dict[str, float]:
        return {weight.key: weight.default for weight in self.weights}

    def clean_weights(self, weights: Any) -> dict[str, float]:
        """The weights to use: each given value clipped to the slider's range, the default where missing or unusable."""
        given = weights if isinstance(weights, dict) else {}
        chosen = {}
        for weight in self.weights:
            value = given.get(weight.key, weight.default)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                value = weight.default
            chosen[weight.key] = float(min(self.maximum, max(self.minimum, value)))
        return chosen

    def scores(self, weights: Any = None) -> dict[str, float]:
        """Each item's score under ``weights`` (defaults when None)."""
        chosen = self.clean_weights(weights if weights is not None else self.defaults())
        return {item.key: hype_score(dict(item.counts), item.words, chosen) for item in self.items}

    def ranked(self, weights: Any = None) -> list[tuple[str, float]]:
        """(item key, score) from highest score to lowest (ties by key)."""
        scores = self.scores(weights)
        return [(key, scores[key]) for key in rank_by_hype(scores)]

    def ranking(self, weights: Any = None) -> list[str]:
        """Item keys from highest score to lowest (ties by key)."""
        return [key for key, _ in self.ranked(weights)]

    def label_of(self, key: str) -> str:
        return next(item.label for item in self.items if item.key == key)

    def spec(self) -> dict:
        """What the static script needs to recompute the ranking."""
        return {"id": self.id, "minimum": self.minimum, "maximum": self.maximum, "step": self.step,
                "weights": [{"key": w.key, "label": w.label, "default": w.default} for w in self.weights],
                "items": [{"key": i.key, "label": i.label, "words": i.words, "counts": dict(i.counts)}
                          for i in self.items]}
