"""The report's tables (``tables.py``, ``catalogue.py``) hold exactly what the files hold: every number recomputed
here from the good files' JSON, with the book's own checkers for the verdicts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from exercises.book import all_exercises
from exercises.discernment import discernment_result
from exercises.report.collecting import Collection, LearnerFile
from exercises.progress import ExerciseState, ProgressRecord
from exercises.report.tables import discernment_table
from report_samples import HOSTILE_NAME, UNKNOWN_ID, UNTRIED_ID


@pytest.fixture(scope="module")
def book():
    return {exercise.id: exercise for exercise in all_exercises()}


@pytest.fixture(scope="module")
def files(class_report):
    """Each good file's JSON, by file name."""
    return {file: json.loads(text) for file, text in sorted(class_report.written.good.items())}


def learner_of(file: str, content: dict) -> str:
    return (content.get("learner") or "").strip() or file


def flag(value) -> str:
    return "" if value is None else str(value)


def test_progress_has_one_row_per_learner_and_exercise_in_their_file(class_report, files, book):
    progress = class_report.table("progress.csv")
    assert Counter(progress["file"]) == {file: len(content["exercises"]) for file, content in files.items()}
    for row in progress.to_dict("records"):
        content = files[row["file"]]
        state = content["exercises"][row["exercise_id"]]
        exercise = book.get(row["exercise_id"])
        assert row["learner"] == learner_of(row["file"], content)
        assert json.loads(row["last_answer"]) == state["last_answer"]
        assert (row["attempts"], row["right_at_first_try"], row["answer_shown"]) == (
            str(state["attempts"]), flag(state["right_at_first_try"]), str(state["answer_shown"]))
        assert (row["first_seen"], row["last_changed"]) == (state["first_seen"], state["last_changed"])
        assert row["exercise_title"] == (exercise.title if exercise else "")
        expected = ("unknown exercise" if exercise is None else "not saved (code)" if exercise.kind == "code"
                    else exercise.check(state["last_answer"]).verdict)
        assert row["last_verdict"] == expected


def test_progress_lists_each_learners_exercises_in_book_order_with_unknown_ones_last(class_report, book):
    progress = class_report.table("progress.csv")
    order = list(book)
    for _, rows in progress.groupby("file", sort=False):
        ids = list(rows["exercise_id"])
        known = [exercise_id for exercise_id in ids if exercise_id in book]
        assert known == sorted(known, key=order.index) and ids[:len(known)] == known


def test_an_exercise_this_kit_does_not_have_keeps_its_row(class_report):
    progress = class_report.table("progress.csv")
    row = progress[progress["exercise_id"] == UNKNOWN_ID].iloc[0]
    assert (row["learner"], row["last_verdict"], row["chapter"], row["attempts"]) == (
        "Grace Hopper", "unknown exercise", "", "2")


def test_every_verdict_shows_up_in_the_class(class_report):
    verdicts = set(class_report.table("progress.csv")["last_verdict"])
    assert {"correct", "incorrect", "invalid", "feedback", "not saved (code)", "unknown exercise"} <= verdicts


def test_the_exercise_table_counts_what_the_files_hold(class_report, files, book):
    exercises = class_report.table("exercises.csv")
    assert list(exercises["exercise_id"]) == list(book)  # every exercise, in book order, tried or not
    states = {exercise_id: [content["exercises"][exercise_id] for content in files.values()
                            if exercise_id in content["exercises"]] for exercise_id in book}
    for row in exercises.to_dict("records"):
        mine = states[row["exercise_id"]]
        graded = [state["right_at_first_try"] for state in mine if state["right_at_first_try"] is not None]
        assert row["learners_attempted"] == str(sum(state["attempts"] > 0 for state in mine))
        assert row["right_at_first_try"] == str(sum(graded))
        assert row["graded_first_tries"] == str(len(graded))
        assert row["answer_shown"] == str(sum(state["answer_shown"] for state in mine))
        if graded:
            assert float(row["right_at_first_try_share"]) == pytest.approx(sum(graded) / len(graded), abs=5e-4)
        else:
            assert row["right_at_first_try_share"] == ""
    untried = exercises[exercises["exercise_id"] == UNTRIED_ID].iloc[0]
    assert untried[["learners_attempted", "right_at_first_try", "graded_first_tries", "answer_shown"]].tolist() == [
        "0", "0", "0", "0"]


def test_the_most_common_wrong_answers_come_with_their_feedback(class_report, files, book):
    exercises = class_report.table("exercises.csv").set_index("exercise_id")
    listed = 0
    for exercise_id, exercise in book.items():
        wrong = Counter(json.dumps(content["exercises"][exercise_id]["last_answer"], sort_keys=True)
                        for content in files.values() if exercise_id in content["exercises"]
                        and exercise.kind != "code"
                        and exercise.check(content["exercises"][exercise_id]["last_answer"]).verdict == "incorrect")
        row = exercises.loc[exercise_id]
        counts = sorted(wrong.values(), reverse=True)[:3]
        assert [row[f"wrong_answer_{rank}_learners"] for rank in (1, 2, 3)] == [
            str(count) for count in counts] + [""] * (3 - len(counts))
        for rank in range(1, len(counts) + 1):
            answer = json.loads(row[f"wrong_answer_{rank}_json"])
            assert wrong[json.dumps(answer, sort_keys=True)] == counts[rank - 1]
            feedback = exercise.check(answer)
            assert feedback.verdict == "incorrect"
            assert row[f"wrong_answer_{rank}_feedback"] == " ".join([feedback.message, *feedback.details])
            assert row[f"wrong_answer_{rank}"]
            listed += 1
    assert listed > 20


def test_wrong_choices_are_shown_by_their_labels(class_report, book):
    exercises = class_report.table("exercises.csv").set_index("exercise_id")
    single = next(exercise_id for exercise_id, exercise in book.items()
                  if exercise.kind == "single" and exercises.loc[exercise_id, "wrong_answer_1"])
    key = json.loads(exercises.loc[single, "wrong_answer_1_json"])
    option = next(option for option in book[single].options if option.key == key)
    assert exercises.loc[single, "wrong_answer_1"] == (option.short or option.label)


def test_the_discernment_scores_are_the_checks_scores_of_each_last_answer(class_report, files):
    table = class_report.table("discernment.csv")
    expected = []
    for file, content in files.items():
        states = content["exercises"]
        if "discernment-before" not in states and "discernment-after" not in states:
            continue
        before, after = (discernment_result(name, states[name]["last_answer"]) if name in states else None
                         for name in ("discernment-before", "discernment-after"))
        change = after - before if before is not None and after is not None else None
        expected.append([learner_of(file, content), file, *(flag(value) for value in (before, after, change))])
    assert table.values.tolist() == expected
    assert any(row[4] for row in expected) and any(not row[2] for row in expected)


def test_the_scores_come_from_the_scorer_for_each_check_the_file_holds():
    def state(answer):
        return ExerciseState(answer, 1, None, False, "2025-03-03T09:00:00.000Z", "2025-03-03T09:00:00.000Z")

    def scorer(exercise_id, answer):
        return None if answer == "unfinished" else {"discernment-before": 0.25, "discernment-after": 1.0}[exercise_id]

    files = {"both.json": {"discernment-before": state("a"), "discernment-after": state("b")},
             "unfinished.json": {"discernment-before": state("a"), "discernment-after": state("unfinished")},
             "after-only.json": {"discernment-after": state("b")}, "neither.json": {"cost-who-estimated": state("a")}}
    used = tuple(LearnerFile(Path(file), ProgressRecord("0.1.0", "2025-03-03T10:00:00.000Z", states, HOSTILE_NAME))
                 for file, states in files.items())
    table = discernment_table(Collection(folder=Path("class"), found=(), used=used, problems=()), scorer)
    assert table.astype(object).where(table.notna(), None).values.tolist() == [
        [HOSTILE_NAME, "both.json", 0.25, 1.0, 0.75], [HOSTILE_NAME, "unfinished.json", 0.25, None, None],
        [HOSTILE_NAME, "after-only.json", None, 1.0, None]]
