"""Scoring the analyser against hand-labelled texts, by the matching rules of the kit's labelling conventions.

Labels are exact substrings listed in order of appearance; a prediction matches a label when their spans
overlap (figures also need the same value within 0.5 %); a quote's speaker is right when the last names
agree or both are missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

SEPARATOR = "\n=====\n"


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(SEPARATOR, 1)[1] if SEPARATOR in text else text


def label_spans(body: str, strings: list[str]) -> list[tuple[int, int]]:
    """Where each label string is: the k-th listing of a string is its next occurrence after the previous one."""
    spans, resume = [], {}
    for string in strings:
        index = body.find(string, resume.get(string, 0))
        if index < 0:
            raise ValueError(f"label {string!r} is not in the text")
        spans.append((index, index + len(string)))
        resume[string] = index + 1
    return spans


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _close(x, y) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(float(x) - float(y)) <= 0.005 * max(abs(float(x)), abs(float(y)), 1e-12)


def _pairs(gold: list, predicted: list, same) -> list[tuple[int, int]]:
    used, pairs = set(), []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            if p_index not in used and same(g, p):
                used.add(p_index)
                pairs.append((g_index, p_index))
                break
    return pairs


def _last_name(name) -> str | None:
    return name.split()[-1].casefold().strip(".,'\u2019") if name and name.split() else None


@dataclass
class Tally:
    """Matched, labelled and predicted counts for one section (plus right speakers for quotes)."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0
    speaker_right: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.matched += other.matched
        self.gold += other.gold
        self.predicted += other.predicted
        self.speaker_right += other.speaker_right
        self.missed += other.missed
        self.extra += other.extra

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 1.0


def score(body: str, labels: dict, result: dict) -> dict[str, Tally]:
    """One Tally per section for one text."""
    tallies = {}
    gold = labels.get("figures", [])
    spans = label_spans(body, [g["text"] for g in gold])
    found = result["figures"]
    pairs = _pairs(list(zip(gold, spans)), found, lambda g, p: _overlap(g[1], (p["start"], p["end"]))
                   and _close(g[0]["value"], p["value"])
                   and ("value_high" not in g[0] or _close(g[0]["value_high"], p.get("value_high"))))
    tallies["figures"] = _tally(gold, found, pairs, lambda g: g["text"], lambda p: p["text"])
    gold = labels.get("quotes", [])
    spans = label_spans(body, [g["quote"] for g in gold])
    found = result["quotes"]
    pairs = _pairs(list(zip(gold, spans)), found, lambda g, p: _overlap(g[1], (p["start"], p["end"])))
    tally = _tally(gold, found, pairs, lambda g: g["quote"], lambda p: p["quote"])
    tally.speaker_right = sum(_last_name(gold[g]["speaker"]) == _last_name(found[p]["speaker"]) for g, p in pairs)
    tallies["quotes"] = tally
    for key in ("vague_attributions", "hype_phrases"):
        gold = labels.get(key, [])
        spans = label_spans(body, gold)
        found = result[key]
        pairs = _pairs(spans, found, lambda g, p: _overlap(g, (p["start"], p["end"])))
        tallies[key] = _tally(gold, found, pairs, lambda g: g, lambda p: p["text"])
    return tallies


def _tally(gold, found, pairs, gold_text, found_text) -> Tally:
    matched_gold, matched_found = {g for g, _ in pairs}, {p for _, p in pairs}
    return Tally(len(pairs), len(gold), len(found), 0,
                 [gold_text(g) for i, g in enumerate(gold) if i not in matched_gold],
                 [found_text(p) for i, p in enumerate(found) if i not in matched_found])


def load_set(folder: Path) -> list[tuple[str, str, dict]]:
    """(name, body, labels) for every labelled text in ``folder`` (articles/*.txt with labels/*.json)."""
    return [(path.stem, body_of(path), json.loads((folder / "labels" / f"{path.stem}.json").read_text("utf-8")))
            for path in sorted((folder / "articles").glob("*.txt"))]
