"""The two checks of discernment as exercises (exercises.discernment): what they show, what they leave out, how
they score."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.book import SECTIONS, all_exercises, chapter_of
from exercises.chapters import CHAPTERS
from exercises.discernment import (
    AFTER_ID, BEFORE_ID, CHECK_IDS, SET_SIZE, after_check, before_check, check_claims, discernment_result,
    exercise_rows,
)
from solutions.chapters.discernment import largest_set_size
from support.paths import REPO_ROOT


@pytest.fixture(scope="module")
def checks():
    return {BEFORE_ID: before_check(), AFTER_ID: after_check()}


def test_the_checks_open_and_close_the_book():
    exercises = all_exercises()
    assert (exercises[0].id, exercises[-1].id) == CHECK_IDS
    assert SECTIONS[1:-1] == CHAPTERS
    assert chapter_of(BEFORE_ID).chapter == BEFORE_ID


def test_the_rows_left_out_are_every_row_the_chapters_exercises_and_exit_tickets_cite():
    cited = {source.fact for chapter in CHAPTERS for exercise in [*chapter.exercises(), chapter.exit_ticket()]
             for source in exercise.sources if source.fact}
    assert exercise_rows() == cited and len(cited) > 40


def test_no_claim_of_a_check_is_met_in_an_exercise(checks):
    chapter_texts = " ".join(f"{e.prompt} {e.explanation} {e.answer_text()}"
                             for chapter in CHAPTERS for e in chapter.exercises())
    for check in checks.values():
        for row in check.rows:
            assert row.key not in exercise_rows()
            assert row.label not in chapter_texts


def test_each_check_is_half_trust_half_doubt_and_the_two_share_no_fact_row(checks):
    before, after = (dict(checks[i].correct) for i in CHECK_IDS)
    assert not set(before) & set(after)
    for marks in (before, after):
        assert len(marks) == SET_SIZE
        assert sorted(marks.values()) == ["doubt"] * (SET_SIZE // 2) + ["trust"] * (SET_SIZE // 2)


def test_the_set_size_is_the_largest_the_fact_sheet_gives():
    assert SET_SIZE == largest_set_size(exercise_rows())


def test_row_keys_are_fact_ids_and_say_nothing_about_the_answer(checks):
    for check in checks.values():
        for row in check.rows:
            assert re.fullmatch(r"[A-Z]+-\d+[a-z]?", row.key)
        html = check.static_inputs()
        assert "trust" in html and "distorted" in html  # the options, not the answers


def test_the_feedback_on_a_wrong_mark_names_the_fact_row(checks):
    for check in checks.values():
        flipped = {key: "trust" if mark == "doubt" else "doubt" for key, mark in check.correct}
        feedback = check.check(flipped)
        assert feedback.verdict == "incorrect" and feedback.message.startswith("0 of 4")
        assert feedback.details[0].startswith("Your score: -1.00.")
        for row, detail in zip(check.rows, feedback.details[1:]):
            assert f"(fact {row.key})" in detail


def test_the_feedback_gives_the_score_of_any_complete_answer(checks):
    for exercise_id, check in checks.items():
        correct = dict(check.correct)
        for marks in ({key: "trust" for key in correct}, {key: "doubt" for key in correct}, correct):
            score = discernment_result(exercise_id, marks)
            assert check.check(marks).details[0].startswith(f"Your score: {score:.2f}.")


@pytest.mark.parametrize("exercise_id", CHECK_IDS)
def test_scores_reward_discernment_not_doubt(exercise_id, checks):
    correct = dict(checks[exercise_id].correct)
    assert discernment_result(exercise_id, correct) == 1
    assert discernment_result(exercise_id, {key: "trust" for key in correct}) == 0
    assert discernment_result(exercise_id, {key: "doubt" for key in correct}) == 0
    flipped = {key: "trust" if mark == "doubt" else "doubt" for key, mark in correct.items()}
    assert discernment_result(exercise_id, flipped) == -1


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CHECK_IDS), st.one_of(
    st.none(), st.integers(), st.text(), st.lists(st.text()),
    st.dictionaries(st.text(max_size=8), st.one_of(st.sampled_from(["trust", "doubt", "maybe"]), st.integers()))))
def test_an_unfinished_or_strange_answer_has_no_score_and_never_raises(exercise_id, answer):
    assert discernment_result(exercise_id, answer) is None


def test_an_id_that_is_not_a_check_has_no_score():
    assert discernment_result("cost-verdicts", {}) is None
    with pytest.raises(KeyError, match="discernment-before"):
        check_claims("cost-verdicts")


@pytest.mark.parametrize("page, builder", [("discernment-before", "before_check"),
                                           ("discernment-after", "after_check")])
def test_each_check_has_its_page(page, builder):
    text = (REPO_ROOT / "book" / f"{page}.md").read_text(encoding="utf-8")
    assert f"show({builder}())" in text
