"""The report's tables as pandas DataFrames: each learner's progress, each exercise, the discernment scores and
the problems.

``progress_table`` holds one row per learner and exercise in their file, exactly as the file holds it, with the
verdict the last answer gets now (``catalogue``); the other tables are computed from it, so every number in the
report can be traced back to rows of ``progress.csv``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

import pandas as pd

from exercises.discernment import AFTER_ID, BEFORE_ID, discernment_result
from exercises.progress import canonical_json

from .answers import readable_answer
from .catalogue import Catalogue, feedback_text
from .collecting import Collection

PROGRESS_COLUMNS = ["learner", "file", "chapter", "exercise_id", "exercise_title", "attempts", "right_at_first_try",
                    "answer_shown", "last_verdict", "last_answer", "first_seen", "last_changed"]
#: How many of an exercise's most common wrong last answers the exercise table lists.
COMMON_WRONG = 3
WRONG_COLUMNS = [f"wrong_answer_{rank}{part}" for rank in range(1, COMMON_WRONG + 1)
                 for part in ("", "_learners", "_feedback", "_json")]
EXERCISE_COLUMNS = ["chapter", "exercise_id", "exercise_title", "kind", "learners_attempted", "right_at_first_try",
                    "graded_first_tries", "right_at_first_try_share", "answer_shown", *WRONG_COLUMNS]
DISCERNMENT_IDS = (BEFORE_ID, AFTER_ID)
DISCERNMENT_COLUMNS = ["learner", "file", "before", "after", "change"]
PROBLEM_COLUMNS = ["file", "reason"]

Scorer = Callable[[str, object], "float | None"]


def progress_table(collection: Collection, catalogue: Catalogue) -> pd.DataFrame:
    """One row per learner and exercise in their file: learners in file order, exercises in book order, then
    the exercises this kit does not have, by id."""
    book_order = {exercise_id: index for index, exercise_id in enumerate(catalogue.exercises)}
    rows = []
    for learner_file in collection.used:
        states = learner_file.record.exercises
        for exercise_id in sorted(states, key=lambda name: (book_order.get(name, len(book_order)), name)):
            state = states[exercise_id]
            exercise = catalogue.exercises.get(exercise_id)
            rows.append({
                "learner": learner_file.learner, "file": learner_file.file,
                "chapter": catalogue.chapters.get(exercise_id, ""), "exercise_id": exercise_id,
                "exercise_title": exercise.title if exercise else "", "attempts": state.attempts,
                "right_at_first_try": state.right_at_first_try, "answer_shown": state.revealed,
                "last_verdict": catalogue.verdict(exercise_id, state.last_entry),
                "last_answer": canonical_json(state.last_entry), "first_seen": state.first_seen,
                "last_changed": state.last_changed})
    table = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
    table["attempts"] = table["attempts"].astype("int64")
    table["right_at_first_try"] = table["right_at_first_try"].astype("boolean")
    table["answer_shown"] = table["answer_shown"].astype("bool")
    return table


def exercises_table(progress: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """One row per exercise of the book, in book order (those no one tried too): how many learners attempted it,
    how many were right at the first try (and which share of the first tries that were graded), how many opened
    the answer, and the most common wrong last answers with the feedback each gets."""
    rows = []
    for exercise_id, exercise in catalogue.exercises.items():
        states = progress[progress["exercise_id"] == exercise_id]
        graded = int(states["right_at_first_try"].notna().sum())
        right = int(states["right_at_first_try"].fillna(False).sum())
        row = {"chapter": catalogue.chapters[exercise_id], "exercise_id": exercise_id,
               "exercise_title": exercise.title, "kind": exercise.kind,
               "learners_attempted": int((states["attempts"] > 0).sum()), "right_at_first_try": right,
               "graded_first_tries": graded, "right_at_first_try_share": round(right / graded, 3) if graded else None,
               "answer_shown": int(states["answer_shown"].sum())}
        wrong = Counter(states.loc[states["last_verdict"] == "incorrect", "last_answer"])
        common = sorted(wrong.items(), key=lambda item: (-item[1], item[0]))[:COMMON_WRONG]
        for rank, (answer_json, learners) in enumerate(common, start=1):
            answer = json.loads(answer_json)
            row[f"wrong_answer_{rank}"] = readable_answer(exercise, answer)
            row[f"wrong_answer_{rank}_learners"] = learners
            row[f"wrong_answer_{rank}_feedback"] = feedback_text(catalogue.feedback(exercise_id, answer))
            row[f"wrong_answer_{rank}_json"] = answer_json
        rows.append(row)
    table = pd.DataFrame(rows, columns=EXERCISE_COLUMNS)
    for rank in range(1, COMMON_WRONG + 1):
        table[f"wrong_answer_{rank}_learners"] = table[f"wrong_answer_{rank}_learners"].astype("Int64")
    table["right_at_first_try_share"] = table["right_at_first_try_share"].astype("Float64")
    return table


def discernment_table(collection: Collection, scorer: Scorer = discernment_result) -> pd.DataFrame:
    """Each learner's discernment score before and after (``exercises.discernment.discernment_result``), and the
    change, for every learner whose file holds either check (a score is empty when not every claim is marked)."""
    rows = []
    for learner_file in collection.used:
        states = learner_file.record.exercises
        if not any(exercise_id in states for exercise_id in DISCERNMENT_IDS):
            continue
        before, after = (scorer(exercise_id, states[exercise_id].last_entry) if exercise_id in states else None
                         for exercise_id in DISCERNMENT_IDS)
        rows.append({"learner": learner_file.learner, "file": learner_file.file, "before": before, "after": after,
                     "change": after - before if before is not None and after is not None else None})
    table = pd.DataFrame(rows, columns=DISCERNMENT_COLUMNS)
    for column in ("before", "after", "change"):
        table[column] = table[column].astype("Float64")
    return table


def problems_table(collection: Collection) -> pd.DataFrame:
    """Each file the report could not use, and why, in file order."""
    return pd.DataFrame([{"file": problem.file, "reason": problem.reason} for problem in collection.problems],
                        columns=PROBLEM_COLUMNS)
