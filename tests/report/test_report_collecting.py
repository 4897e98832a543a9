"""Reading a class folder (``collecting.py``): which files are used, each bad file with the right reason, one file
per learner, and only the folder's own ``*.json`` files."""

from __future__ import annotations

import pytest

from exercises.progress import ExerciseState, ProgressRecord, to_json
from exercises.report import FolderError, collect
from exercises.report.collecting import learner_key


def test_every_bad_file_is_listed_with_its_reason(class_report):
    problems = class_report.table("problems.csv")
    listed = dict(zip(problems["file"], problems["reason"]))
    assert set(listed) == set(class_report.written.bad)
    for file, reason in class_report.written.bad.items():
        assert reason in listed[file], file


def test_every_good_file_is_used_once_and_in_file_order(class_report):
    progress = class_report.table("progress.csv")
    assert list(dict.fromkeys(progress["file"])) == sorted(class_report.written.good)


def test_only_the_folders_own_json_files_are_read(class_report):
    collection = collect(class_report.written.folder)
    assert [path.name for path in collection.found] == sorted([*class_report.written.good, *class_report.written.bad])
    assert not {path.name for path in class_report.written.ignored} & {path.name for path in collection.found}


def write(folder, file, learner, exported_at, attempts=1):
    state = ExerciseState("003", attempts, False, False, "2025-03-03T09:00:00.000Z", "2025-03-03T09:01:00.000Z")
    record = ProgressRecord("0.1.0", exported_at, {"cost-who-estimated": state}, learner)
    (folder / file).write_text(to_json(record), encoding="utf-8")


def test_a_learners_file_exported_last_is_used_whatever_its_name_or_time_zone(tmp_path):
    write(tmp_path, "a.json", "Ada Lovelace", "2025-03-03T10:00:00.000Z")
    write(tmp_path, "b.json", " ada   lovelace ", "2025-03-03T11:30:00+02:00")  # 09:30 UTC: earlier
    write(tmp_path, "c.json", "ADA LOVELACE", "2025-03-03T09:00:00.000Z")
    write(tmp_path, "d.json", "Grace", "2025-03-03T08:00:00.000Z")
    collection = collect(tmp_path)
    assert [learner_file.file for learner_file in collection.used] == ["a.json", "d.json"]
    assert [(problem.file, problem.reason) for problem in collection.problems] == [
        ("b.json", "Duplicate learner: also in a.json, which was exported last and is used instead."),
        ("c.json", "Duplicate learner: also in a.json, which was exported last and is used instead.")]


def test_two_files_exported_at_the_same_moment_keep_the_later_file_name(tmp_path):
    write(tmp_path, "x.json", "Ada", "2025-03-03T10:00:00.000Z")
    write(tmp_path, "y.json", "Ada", "2025-03-03T10:00:00.000Z", attempts=2)
    assert [learner_file.file for learner_file in collect(tmp_path).used] == ["y.json"]


def test_files_without_a_name_are_each_their_own_learner(tmp_path):
    write(tmp_path, "one.json", None, "2025-03-03T10:00:00.000Z")
    write(tmp_path, "two.json", "  ", "2025-03-03T10:00:00.000Z")
    collection = collect(tmp_path)
    assert [(learner_file.learner, learner_file.named) for learner_file in collection.used] == [
        ("one.json", False), ("two.json", False)]
    assert collection.problems == ()


def test_names_compare_without_case_spacing_or_compatibility_forms():
    assert learner_key("  Ｅmile\u00a0ZOLA ") == learner_key("émile zola".replace("é", "E")) == "emile zola"
    assert learner_key("Ada") != learner_key("Adam")


@pytest.mark.parametrize("setup, message", [
    (lambda tmp: tmp / "nope", "There is no folder"),
    (lambda tmp: tmp, "holds no progress file"),
])
def test_a_folder_with_nothing_to_read_is_refused(tmp_path, setup, message):
    (tmp_path / "notes.txt").write_text("no json here")
    with pytest.raises(FolderError, match=message):
        collect(setup(tmp_path))
