"""A class folder of 30 progress files for the report tests: seeded random learners and every kind of bad file.

The good files are records built with ``exercises.progress`` from the book's real exercises, each last answer
right (the correct answer or one the checker also accepts), wrong (the exercise's own ``sample_wrong_answers``) or
refused (its ``sample_refused_answers``), with states that follow the kit's state rules, and most with the
discernment check before and after (now and then with a claim left unmarked, which has no score). The bad files
are each a different fault, with the words their reason must contain. ``ClassFolder`` records what was written, so
that the tests can recompute every number of the report from the files themselves.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from exercises.book import all_exercises
from exercises.kinds import Exercise
from exercises.progress import MAX_BYTES, ExerciseState, ProgressRecord, checksum, to_json
from exercises.progress.canonical import NotCanonical, canonical_json

SEED = 16
START = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
HOSTILE_NAME = '<script>alert("pwned")</script> & <img src=x onerror=alert(1)>'
DISCERNMENT_IDS = ("discernment-before", "discernment-after")
UNKNOWN_ID = "retired-exercise-from-an-old-kit"
#: An exercise no learner tries: the exercise table still lists it.
UNTRIED_ID = "hype-robust"
@dataclass
class ClassFolder:
    """The folder written and what it holds: the good files by name (their exact text), the bad files with the
    words their reason must contain, and the file that loses to a later file of the same learner."""

    folder: Path
    good: dict[str, str] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)
    ignored: list[Path] = field(default_factory=list)


def timestamp(minutes: float) -> str:
    return (START + timedelta(minutes=minutes)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def small_json(answer: object) -> bool:
    """Whether ``answer`` is JSON a progress file can hold, and short (the huge refused answers are left out)."""
    try:
        return len(canonical_json(answer)) < 3000
    except NotCanonical:
        return False


def right_answers(exercise: Exercise) -> list:
    return [exercise.correct_answer(), *exercise.accepted_alternatives(), *exercise.readable_variants()]


def last_answer(exercise: Exercise, outcome: str, rng: random.Random) -> object:
    """A last answer of the ``outcome`` asked for: right, wrong or invalid (the code kind records none)."""
    if exercise.kind == "code":
        return None
    choices = {"right": right_answers(exercise), "wrong": exercise.sample_wrong_answers(),
               "invalid": exercise.sample_refused_answers()}[outcome]
    return rng.choice([answer for answer in choices if small_json(answer)])


def discernment_answer(exercise: Exercise, rng: random.Random) -> dict:
    """Marks for the discernment check: right, wrong, or with one claim left unmarked (which has no score)."""
    answer = dict(rng.choice(right_answers(exercise) + exercise.sample_wrong_answers()))
    if rng.random() < 0.15:
        del answer[next(iter(answer))]
    return answer


def state_for(exercise: Exercise, answer: object, outcome: str, rng: random.Random,
              minutes: float) -> ExerciseState:
    """A state the kit's rules allow for a learner whose last answer has ``outcome``."""
    attempts = rng.randint(0, 1) if outcome == "invalid" else rng.randint(1, 4)
    right_first = None if attempts == 0 or not exercise.gradable else (True if attempts == 1 and outcome == "right"
                                                            else rng.random() < 0.3)
    return ExerciseState(last_entry=answer, attempts=attempts, right_at_first_try=right_first,
                         revealed=attempts > 0 and rng.random() < 0.25, first_seen=timestamp(minutes),
                         last_changed=timestamp(minutes + rng.randint(0, 30)))


def random_record(learner: str | None, exported_minutes: float, rng: random.Random,
                  exercises: list[Exercise]) -> ProgressRecord:
    """A learner who tried a random part of the book, and the discernment check before and after."""
    by_id = {exercise.id: exercise for exercise in exercises}
    chosen = rng.sample([exercise for exercise in exercises if exercise.id not in (*DISCERNMENT_IDS, UNTRIED_ID)],
                        rng.randint(6, 18))
    states = {}
    for exercise in chosen:
        outcome = rng.choices(["right", "wrong", "invalid"], weights=[5, 4, 1])[0]
        states[exercise.id] = state_for(exercise, last_answer(exercise, outcome, rng), outcome, rng,
                                        rng.randint(0, 600))
    for exercise_id in DISCERNMENT_IDS:
        if rng.random() < 0.85:
            exercise = by_id[exercise_id]
            states[exercise_id] = state_for(exercise, discernment_answer(exercise, rng), "wrong", rng,
                                            rng.randint(0, 600))
    return ProgressRecord(kit_version="0.1.0", exported_at=timestamp(exported_minutes), exercises=states,
                          learner=learner)


def signed(content: dict) -> str:
    """``content`` as a file whose checksum matches it."""
    return json.dumps({**content, "checksum": checksum(content)}, ensure_ascii=False, indent=1)


def write_class_folder(folder: Path) -> ClassFolder:
    """Writes the 30 files (and a few the report must ignore) into ``folder``."""
    rng = random.Random(SEED)
    exercises = all_exercises()
    folder.mkdir(parents=True)
    written = ClassFolder(folder)
    names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Émilie du Châtelet",
             "李华", "Srinivasa Ramanujan", "Mary Jackson", "Hedy Lamarr", "Claude Shannon", "Edsger Dijkstra",
             "Barbara Liskov", "Radia Perlman", "Frances Allen", "Donald Knuth", "Margaret Hamilton",
             "Tim Berners-Lee", HOSTILE_NAME, "=HYPERLINK(\"x\")", None, ""]
    records = {}
    for index, name in enumerate(names):
        file = f"learner-{index:02d}.json"
        records[file] = random_record(name, 1000 + index, rng, exercises)
    # One learner's file names an exercise this kit does not have: its row stays, marked "unknown exercise".
    unknown = records["learner-01.json"]
    unknown.exercises[UNKNOWN_ID] = ExerciseState("b", 2, False, True, timestamp(5), timestamp(9))
    for file, record in records.items():
        text = to_json(record)
        (folder / file).write_text(text, encoding="utf-8")
        written.good[file] = text

    # The same learner exported twice: the later file (other case and spacing) is used, the earlier one is not.
    earlier = random_record("ada  LOVELACE", 10, rng, exercises)
    (folder / "ada-old-laptop.json").write_text(to_json(earlier), encoding="utf-8")
    written.bad["ada-old-laptop.json"] = "Duplicate learner: also in learner-00.json"

    sample = written.good["learner-02.json"]
    content = json.loads(sample)
    del content["checksum"]
    edited = json.loads(sample)
    first = next(iter(edited["exercises"]))
    edited["exercises"][first]["attempts"] += 5
    bad_files = {
        "truncated.json": (sample[: len(sample) // 2], "it is not valid JSON"),
        "binary.json": (bytes(range(256)) * 4, "it is not UTF-8 text"),
        "edited.json": (json.dumps(edited, ensure_ascii=False), "the file was edited by hand"),
        "old-schema.json": (signed({**content, "schema_version": 0}), 'The field "schema_version" should be 1'),
        "newer-schema.json": (signed({**content, "schema_version": 2}), "written by a newer version of the kit"),
        "package.json": (json.dumps({"name": "not-progress", "version": "1.0"}), "is not a progress file of this kit"),
        "huge.json": (sample + " " * (MAX_BYTES + 10), "too large to be a progress file"),
    }
    for file, (data, reason) in bad_files.items():
        path = folder / file
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
        written.bad[file] = reason
    (folder / "folder.json").mkdir()
    written.bad["folder.json"] = "It is not a file"

    # Not read: another extension, and a progress file in a folder inside (the report is not recursive).
    (folder / "notes.txt").write_text("not a progress file", encoding="utf-8")
    (folder / "folder.json" / "inner.json").write_text(written.good["learner-03.json"], encoding="utf-8")
    written.ignored += [folder / "notes.txt", folder / "folder.json" / "inner.json"]
    return written
