"""The "My progress" panel in a notebook: the table, export with a name, import, and a reset that asks twice.

The panel is driven without a browser: ``click()`` runs a button's callback, and setting the upload's value is
what the browser does when the learner picks a file.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from exercises.book import SECTIONS
from exercises.progress import read_progress, store, to_json
from exercises.progress.notebook_panel import ProgressPanel, exercise_status
from exercises.progress.record import ExerciseState, now
from exercises.progress.updating import record_check
from progress_samples import sample_record
from support.catalogue import book_exercises

EXERCISES = book_exercises()
NUMBER = next(exercise for exercise in EXERCISES if exercise.kind == "number")


def checked(answer, verdict="incorrect", exercise=NUMBER) -> None:
    store.update_exercise(exercise.id, lambda state: record_check(state, answer, verdict, now()))


@pytest.fixture
def notebook_folder(tmp_path, monkeypatch):
    """The folder the notebook runs in (the export lands here)."""
    folder = tmp_path / "notebook"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_the_panel_lists_every_chapter_and_saves_nothing_when_shown(progress_file):
    panel = ProgressPanel("<p>the static page</p>")
    for section in SECTIONS:
        assert f"<caption>{section.title}</caption>" in panel.tables.value.replace("&#x27;", "'")
    assert panel.tables.value.count("Not started") == len(EXERCISES)
    assert f"checked 0 of the book's {len(EXERCISES)} exercises" in panel.tables.value
    assert not progress_file.parent.exists()
    bundle = panel._repr_mimebundle_()
    assert bundle["text/html"] == "<p>the static page</p>"
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_status_says_how_far_the_learner_got():
    wrong = NUMBER.sample_wrong_answers()[0]
    state = record_check(None, wrong, "incorrect", now())
    assert exercise_status(NUMBER, None) == "Not started"
    assert exercise_status(NUMBER, state) == "Not right yet"
    right = record_check(state, NUMBER.correct_answer(), "correct", now())
    assert exercise_status(NUMBER, right) == "Right"
    first = record_check(None, NUMBER.correct_answer(), "correct", now())
    assert exercise_status(NUMBER, first) == "Right at the first try"
    shown = ExerciseState(None, 0, None, True, now(), now())
    assert exercise_status(NUMBER, shown) == "Answer shown, not checked"


def test_the_table_shows_saved_progress_after_refresh(progress_file):
    panel = ProgressPanel()
    checked(NUMBER.sample_wrong_answers()[0])
    panel.refresh_button.click()
    assert "Not right yet" in panel.tables.value and "1 attempt" in panel.tables.value
    assert "checked 1 of the book's" in panel.tables.value and panel.message_text == "Up to date."


def test_export_writes_next_to_the_notebook_with_the_name(progress_file, notebook_folder):
    checked("1")
    panel = ProgressPanel()
    panel.name.value = "Ada Lovelace"
    panel.export_button.click()
    target = notebook_folder / "my-progress.json"
    copy = read_progress(target.read_bytes())
    assert copy.learner == "Ada Lovelace" and NUMBER.id in copy.exercises
    assert str(target) in panel.message_text
    assert ProgressPanel().name.value == "Ada Lovelace", "the name is remembered"


def test_export_refuses_a_name_too_long(notebook_folder):
    panel = ProgressPanel()
    panel.name.value = "x" * 81
    panel.export_button.click()
    assert "at most 80 characters" in panel.message_text and not (notebook_folder / "my-progress.json").exists()


def test_import_from_a_path_merges_or_says_what_is_wrong(progress_file, tmp_path):
    checked("1")
    good, edited = tmp_path / "good.json", tmp_path / "edited.json"
    good.write_text(to_json(sample_record()), encoding="utf-8")
    edited.write_text(to_json(sample_record()).replace("Ada", "Eve"), encoding="utf-8")
    panel = ProgressPanel()
    panel.import_path.value = str(edited)
    panel.import_button.click()
    assert panel.message_text == (f"{edited} was not imported: The checksum does not match: the file was edited by "
                                  "hand after it was exported.")
    panel.import_path.value = str(tmp_path / "missing.json")
    panel.import_button.click()
    assert "could not be read (No such file or directory)" in panel.message_text
    panel.import_path.value = str(good)
    panel.import_button.click()
    assert panel.message_text == f"{good} was imported: 3 exercises merged with your progress."
    assert set(read_progress(progress_file.read_bytes()).exercises) == {NUMBER.id, *sample_record().exercises}


def test_import_by_upload(progress_file):
    panel = ProgressPanel()
    content = to_json(sample_record()).encode("utf-8")
    panel.upload.value = ({"name": "from-the-book.json", "type": "application/json", "size": len(content),
                           "content": memoryview(content), "last_modified": datetime.now(timezone.utc)},)
    assert panel.message_text.startswith("from-the-book.json was imported: 3 exercises")
    assert set(read_progress(progress_file.read_bytes()).exercises) == set(sample_record().exercises)
    panel.upload.value = ({"name": "notes.json", "type": "application/json", "size": 2, "content": memoryview(b"[]"),
                           "last_modified": datetime.now(timezone.utc)},)
    assert panel.message_text.startswith("notes.json was not imported: The file is not a progress file of this kit")


def test_reset_asks_first_and_keeps_a_backup(progress_file):
    checked("1")
    before = progress_file.read_bytes()
    panel = ProgressPanel()
    panel.reset_button.click()
    assert panel.confirmation.layout.display is None and progress_file.read_bytes() == before
    panel.cancel_button.click()
    assert panel.message_text == "Nothing was reset." and progress_file.read_bytes() == before
    panel.reset_button.click()
    panel.confirm_button.click()
    [backup] = progress_file.parent.glob("progress.backup-*.json")
    assert backup.read_bytes() == before and not progress_file.exists()
    assert str(backup) in panel.message_text and panel.confirmation.layout.display == "none"
    assert panel.tables.value.count("Not started") == len(EXERCISES)


def test_a_file_that_cannot_be_read_is_said(progress_file):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(b"{}")
    panel = ProgressPanel()
    assert "cannot be read" in panel.message_text and 'data-kind="problem"' in panel.message.value
    assert progress_file.read_bytes() == b"{}"


def test_the_buttons_never_raise(monkeypatch, notebook_folder):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "export_progress", broken)
    panel = ProgressPanel()
    panel.export_button.click()
    assert panel.message_text == "That did not work (RuntimeError: a bug)."
