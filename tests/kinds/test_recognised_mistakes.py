"""The mistakes each exercise's checker recognises (for the teachers' key) are the feedback the checker really gives."""

from __future__ import annotations

import pytest

from exercises.kinds import Matching, MultipleChoice, NumberQuestion, Reflection, SingleChoice
from exercises.kinds.number import shown_number
from support.catalogue import book_exercises

EXERCISES = book_exercises()


def of_kind(kind):
    chosen = [exercise for exercise in EXERCISES if isinstance(exercise, kind)]
    return pytest.mark.parametrize("exercise", chosen, ids=[exercise.id for exercise in chosen])


@of_kind(SingleChoice)
def test_each_wrong_option_is_listed_with_the_feedback_choosing_it_gives(exercise):
    listed = exercise.recognised_mistakes()
    for option in exercise.options:
        if option.key in exercise.accepted_answers() or not option.feedback:
            continue
        result = exercise.check(option.key)
        assert result.verdict == "incorrect" and option.feedback in result.details
        assert any(option.label in did and said == option.feedback for did, said in listed), option.key


@of_kind(NumberQuestion)
def test_each_trap_is_listed_with_the_feedback_typing_it_gives(exercise):
    listed = exercise.recognised_mistakes()
    for trap in exercise.traps:
        typed = shown_number(trap.value)  # the number as the key shows it, typed into the field
        assert exercise.check(typed).details == (trap.feedback,)
        assert any(did.startswith(f"Answers {typed}") and said == trap.feedback for did, said in listed)
    assert len(listed) == len(exercise.traps) + (0 if exercise.month else 1)


@of_kind(MultipleChoice)
def test_each_wrong_tick_and_each_miss_is_listed_with_its_feedback(exercise):
    listed = {said for _, said in exercise.recognised_mistakes()}
    for option in exercise.options:
        if option.key not in exercise.either and option.feedback:
            assert option.feedback in listed


@of_kind(Matching)
def test_each_rows_feedback_is_listed_and_is_what_a_wrong_choice_there_gets(exercise):
    listed = [said for _, said in exercise.recognised_mistakes()]
    right = exercise.correct_answer()
    for row in exercise.rows:
        wrong = next(option.key for option in exercise.options if option.key not in exercise.accepted(row.key))
        details = exercise.check({**right, row.key: wrong}).details
        assert any(row.feedback in detail for detail in details)
        assert row.feedback in listed


@of_kind(Reflection)
def test_each_checklist_point_is_listed_with_its_unmet_feedback(exercise):
    assert [said for _, said in exercise.recognised_mistakes()] == \
        [criterion.unmet.replace("{found}", "the phrases found") for criterion in exercise.criteria]


def test_the_lesson_plan_lists_each_exercises_mistakes_escaped():
    from exercises.teaching.lesson_plans import mistakes_to_listen_for

    exercise = next(e for e in EXERCISES if isinstance(e, NumberQuestion) and e.traps)
    chapter = exercise.id.split("-")[0]
    html = mistakes_to_listen_for(chapter)
    listed = html.split(f"#exercise-{exercise.id}\">", 1)[1].split("</ul>", 1)[0]
    assert listed.count("<li>") == len(exercise.recognised_mistakes())
    assert "<script" not in html


def test_distinct_traps_keeps_each_number_to_one_verdict():
    from exercises.kinds import Trap, distinct_traps

    candidates = [Trap(10.0, 0.5, "too close to the answer"), Trap(20.0, 1.0, "kept"),
                  Trap(20.5, 1.0, "overlaps the trap before it"), Trap(30.0, 1.0, "kept")]
    kept = distinct_traps(candidates, answer=10.2, tolerance=0.3)
    assert [trap.feedback for trap in kept] == ["kept", "kept"]
    earlier = [Trap(29.5, 1.0, "already kept")]
    assert [t.feedback for t in distinct_traps(candidates, 10.2, 0.3, kept=earlier)] == ["already kept", "kept"]
