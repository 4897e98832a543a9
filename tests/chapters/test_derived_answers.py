"""Answers are computed, not typed: change the data an exercise's solution reads, and its answer follows."""

from __future__ import annotations

import ast
import importlib
import pkgutil

import pytest

from support import perturbations
from support.catalogue import book_exercises
from support.paths import REPO_ROOT
from exercises.book import all_exercises, exercise_by_id
from solutions.data.datafiles import clear_caches


def _perturbations() -> dict:
    """Every chapter's perturbations, from the modules of tests/support/perturbations/."""
    merged = {}
    for info in sorted(pkgutil.iter_modules(perturbations.__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{perturbations.__name__}.{info.name}")
        overlap = set(merged) & set(module.PERTURBATIONS)
        assert not overlap, f"{info.name} repeats {overlap}"
        merged.update(module.PERTURBATIONS)
    return merged


#: For each exercise, a change to the data that must change its correct answer.
PERTURBATIONS = _perturbations()


def exit_ticket(exercise_id: str):
    """The exit ticket ``<chapter>-exit-ticket``, built now (from the data as it is)."""
    from exercises.chapters import CHAPTERS

    return next(c.exit_ticket() for c in CHAPTERS if f"{c.chapter}-exit-ticket" == exercise_id)


def build(exercise_id: str):
    return exit_ticket(exercise_id) if exercise_id.endswith("-exit-ticket") else exercise_by_id(exercise_id)


def expected(exercise):
    """What the exercise counts as right, in a comparable form (for an exit ticket, with the question and the
    explanation, whose figures come from the data even where the right option's key cannot change)."""
    if exercise.id.endswith("-exit-ticket"):
        return exercise.prompt, exercise.correct_answer(), exercise.answer_text(), exercise.explanation
    if exercise.kind == "code":
        return [exercise.reference(*case) for case in exercise.cases]
    if exercise.kind == "reflection":
        return exercise.model_answer, [c.any_of for c in exercise.criteria]
    return exercise.correct_answer()


def test_every_exercise_and_exit_ticket_has_a_perturbation():
    from exercises.chapters import CHAPTERS

    tickets = {f"{chapter.chapter}-exit-ticket" for chapter in CHAPTERS}
    assert {e.id for e in book_exercises()} | tickets == set(PERTURBATIONS)


@pytest.mark.parametrize("exercise_id", sorted(PERTURBATIONS))
def test_changing_the_data_changes_the_answer(exercise_id, data_copy):
    before = expected(build(exercise_id))
    PERTURBATIONS[exercise_id](data_copy)
    clear_caches()
    after = expected(build(exercise_id))
    assert after != before


@pytest.mark.slow  # recomputes every answer (about 5 s)
def test_the_copy_alone_changes_nothing(data_copy):
    clear_caches()
    assert [expected(e) for e in all_exercises()] == [expected(e) for e in all_exercises()]


ANSWER_WORDS = ("answer", "correct", "expected", "solution")


def test_no_answer_literals_in_exercises():
    """No keyword or variable named like an answer is given a literal number or string in exercises/."""
    offenders = []
    for path in sorted((REPO_ROOT / "exercises").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            pairs = []
            if isinstance(node, ast.Call):
                pairs = [(k.arg or "", k.value) for k in node.keywords]
            elif isinstance(node, ast.Assign):
                pairs = [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
            for name, value in pairs:
                literal = isinstance(value, ast.Constant) and isinstance(value.value, (int, float, str))
                if literal and value.value not in ("", 0) and any(w in name.casefold() for w in ANSWER_WORDS):
                    offenders.append(f"{path.name}:{node.lineno} {name}={value.value!r}")
    assert offenders == []
