"""Every exercise in the book, checked in Python: right, wrong and malformed answers, and what it shows."""

from __future__ import annotations

import json
import re

import pytest

from support.exercise_probes import (
    accepted_alternatives, at_tolerance, malformed_answers, readable_variants, right_answer, wrong_answers,
)
from support.catalogue import book_exercises
from exercises.book import CHAPTERS, exercise_by_id
from exercises.kinds import MESSAGES, NumberQuestion
from solutions import load_facts

EXERCISES = book_exercises()
IDS = [e.id for e in EXERCISES]


def test_ids_are_unique_and_every_chapter_has_enough_variety():
    assert len(IDS) == len(set(IDS))
    for chapter in CHAPTERS:
        exercises = chapter.exercises()
        assert len(exercises) >= 4 and len({e.kind for e in exercises}) >= 3


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_right_answer_is_correct(exercise):
    expected = "correct" if exercise.gradable else "feedback"
    assert exercise.check(right_answer(exercise)).verdict == expected


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_wrong_answers_are_incorrect_with_specific_feedback(exercise):
    for answer in wrong_answers(exercise):
        feedback = exercise.check(answer)
        if exercise.kind == "reflection":
            assert feedback.verdict == "feedback"
            assert any(not c.holds(answer) and c.message(answer) in feedback.details for c in exercise.criteria)
            continue
        assert feedback.verdict == "incorrect", answer
        assert feedback.message
        if exercise.kind in ("single", "multiple", "matching", "ordering", "code"):
            assert feedback.details, f"no specific feedback for {answer!r}"


@pytest.mark.parametrize("exercise", [e for e in EXERCISES if isinstance(e, NumberQuestion)],
                         ids=[e.id for e in EXERCISES if isinstance(e, NumberQuestion)])
def test_numbers_at_the_tolerance_are_right_and_traps_get_their_own_feedback(exercise):
    for answer in at_tolerance(exercise):
        assert exercise.check(answer).verdict == "correct", answer
    for trap in exercise.traps:
        assert exercise.check(f"{trap.value:.12g}").details == (trap.feedback,)
    if not exercise.month:  # a day of the month has no thousands to mistake
        assert exercise.check(f"{exercise.answer * 1000:.12g}").message.startswith("The digits look right")


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_malformed_input_gets_a_clear_message(exercise):
    for answer in malformed_answers(exercise):
        feedback = exercise.check(answer)
        assert feedback.verdict == "invalid", answer
        assert feedback.message and "Traceback" not in feedback.message


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_specs_are_json_and_sources_are_real_facts(exercise):
    spec = json.loads(json.dumps(exercise.spec()))
    assert spec["id"] == exercise.id and spec["messages"] == MESSAGES
    facts = set(load_facts()["claim_id"])
    assert exercise.sources and all(s.fact in facts for s in exercise.sources if s.fact)
    assert exercise.answer_text() and exercise.explanation and exercise.prompt


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_every_answer_the_evidence_supports_is_right(exercise):
    for answer in accepted_alternatives(exercise) + readable_variants(exercise):
        assert exercise.check(answer).verdict == "correct", (exercise.id, answer)


def test_verdict_exercises_accept_every_also_verdict_of_their_rows():
    """A matching row that cites a fact row with ``also`` verdicts accepts each of them that is offered."""
    from solutions.data.facts import accepted_verdicts

    checked = 0
    for exercise in EXERCISES:
        if exercise.kind != "matching":
            continue
        offered = {o.key for o in exercise.options}
        for row in exercise.rows:
            if row.key in load_facts()["claim_id"].values and exercise.correct_answer()[row.key] in offered:
                expected = [v for v in accepted_verdicts(row.key) if v in offered]
                if expected and exercise.correct_answer()[row.key] == expected[0]:  # a verdict question
                    assert exercise.accepted(row.key) == expected, (exercise.id, row.key)
                    checked += 1
    assert checked >= 10


def test_odd_but_readable_input_is_answered_not_refused():
    days = exercise_by_id("cost-cluster-days")
    assert days.check("-0").message == "Too low."
    rewrite = exercise_by_id("cost-rewrite")
    for text in ["NaN", "\U0001F600", "asdf qwerty", "!!!!!", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]:
        feedback = rewrite.check(text)
        assert feedback.verdict == "invalid" and feedback.details == (), text  # asked for a rewrite, not praised
    feedback = rewrite.check(rewrite.model_answer)
    assert feedback.verdict == "feedback" and len(feedback.details) == len(rewrite.criteria)


def test_accepted_number_formats():
    days = exercise_by_id("cost-cluster-days")
    for typed in ["57", "56.7", "\u2248 57 days", "about 57 days", "56,7", " 57\u00a0days "]:
        assert days.check(typed).verdict == "correct", typed
    cost = exercise_by_id("cost-paper-arithmetic")
    for typed in ["5.576 million", "$5.576M", "US$5,576,000", "5576000", "5.576m dollars", "5,576 thousand"]:
        assert cost.check(typed).verdict == "correct", typed
    assert cost.check("$5.6 million").verdict == "incorrect"
    assert cost.check("5.576 million days").verdict == "invalid"


def test_hints_do_not_give_the_answer_away():
    for exercise in EXERCISES:
        if exercise.kind == "number":
            shown = re.sub(r"[,\s]", "", " ".join(exercise.hints))
            assert f"{exercise.answer:g}" not in shown
