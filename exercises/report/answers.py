"""An answer as a teacher reads it: option labels instead of keys where the exercise has options, else the text.

An answer that does not have the shape its exercise expects (a refused answer, an exercise this kit does not have)
is written as its canonical JSON, so that nothing a learner entered is hidden or changed.
"""

from __future__ import annotations

from exercises.kinds import Exercise, Matching, MultipleChoice, Option, Ordering, SingleChoice, option_by_key
from exercises.progress import canonical_json


def readable_answer(exercise: Exercise | None, answer: object) -> str:
    """``answer`` written for people: labels for option keys, the text of a typed answer, or else its JSON."""
    if isinstance(exercise, SingleChoice) and isinstance(answer, str):
        return labels(exercise.options, [answer]) or canonical_json(answer)
    if isinstance(exercise, MultipleChoice) and is_list_of_text(answer):
        return labels(exercise.options, answer, "; ") or canonical_json(answer)
    if isinstance(exercise, Ordering) and is_list_of_text(answer):
        return labels(exercise.items, answer, " → ") or canonical_json(answer)
    if isinstance(exercise, Matching) and isinstance(answer, dict) and all(isinstance(v, str) for v in answer.values()):
        rows = [f"{short(row)}: {labels(exercise.options, [answer[row.key]]) or answer[row.key]}"
                for row in exercise.rows if row.key in answer]
        return "; ".join(rows) if len(rows) == len(answer) else canonical_json(answer)
    if isinstance(answer, str):
        return answer
    return canonical_json(answer)


def is_list_of_text(answer: object) -> bool:
    return isinstance(answer, list) and all(isinstance(item, str) for item in answer)


def short(option: Option) -> str:
    return option.short or option.label


def labels(options: tuple[Option, ...], keys: list[str], separator: str = "") -> str:
    """The options' labels joined by ``separator``; empty when a key is no option (or there are no keys)."""
    found = [option_by_key(options, key) for key in keys]
    if not found or None in found:
        return ""
    return separator.join(short(option) for option in found)
