"""The progress file in the home folder: atomic, locked updates; a bad file moved aside; an unwritable folder."""

from __future__ import annotations

import errno
import multiprocessing
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from filelock import FileLock

from exercises.progress import ProgressError, from_json, read_progress, store, to_json
from exercises.progress.record import now
from exercises.progress.updating import record_answer_shown, record_check
from progress_samples import sample_record


def check(exercise_id: str, answer="5.6", verdict="incorrect", path: Path | None = None):
    """Record one check of ``exercise_id``; returns the update."""
    _state, saved = store.update_exercise(exercise_id, lambda s: record_check(s, answer, verdict, now()), path=path)
    return saved


def test_the_file_lives_in_the_home_folder_unless_the_environment_moves_it(monkeypatch, tmp_path):
    monkeypatch.delenv(store.ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert store.progress_file() == tmp_path / ".deepseek-headlines" / "progress.json"
    monkeypatch.setenv(store.ENVIRONMENT_VARIABLE, str(tmp_path / "elsewhere.json"))
    assert store.progress_file() == tmp_path / "elsewhere.json"


def test_an_update_writes_a_file_in_the_export_format(progress_file):
    saved = check("cost-total")
    assert saved.saved and saved.messages == ()
    record = read_progress(progress_file.read_bytes())  # the checksum matches: it can be handed in as it is
    assert record.exercises["cost-total"].last_entry == "5.6"
    assert record.exercises["cost-total"].attempts == 1
    assert progress_file.read_text(encoding="utf-8") == to_json(record)


def test_updates_change_only_their_exercise(progress_file):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text(to_json(sample_record()), encoding="utf-8")
    check("cost-total", "6", "correct")
    record = read_progress(progress_file.read_bytes())
    assert record.learner == "Ada Lovelace"
    assert record.exercises["cost-total"].attempts == 3
    assert record.exercises["who-said-it"] == sample_record().exercises["who-said-it"]


def test_reading_never_writes(progress_file):
    assert store.load().record.exercises == {} and not progress_file.parent.exists()
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(b"not json")
    loaded = store.load()
    assert loaded.record.exercises == {} and "not valid JSON" in loaded.problem
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.json"]
    assert progress_file.read_bytes() == b"not json"


def test_a_write_that_fails_midway_leaves_the_old_file_whole(progress_file, monkeypatch):
    check("cost-total")
    before = progress_file.read_bytes()

    def fail(*_args):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(store.os, "replace", fail)
    saved = check("cost-total", "7")
    assert not saved.saved and "Input/output error" in saved.messages[0]
    assert saved.record.exercises["cost-total"].last_entry == "7", "the exercise keeps working without saving"
    assert progress_file.read_bytes() == before
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.json", "progress.json.lock"]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(progress_file, monkeypatch):
    check("cost-total")
    before = progress_file.read_bytes()

    def interrupt(_descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        store.write_atomically(progress_file, "{}")
    assert progress_file.read_bytes() == before
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.json", "progress.json.lock"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"{ not json", "not valid JSON"),
    (b"\xff\xfe progress", "not UTF-8 text"),
    (b'{"format": "something else"}', "not a progress file of this kit"),
    ("edited", "edited by hand"),
])
def test_a_file_that_cannot_be_read_is_moved_aside_unchanged_with_a_message(progress_file, content, reason):
    if content == "edited":
        content = to_json(sample_record()).replace('"attempts": 2', '"attempts": 9').encode("utf-8")
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(content)
    saved = check("cost-total")
    [aside] = progress_file.parent.glob("progress.corrupt-*.json")
    assert aside.read_bytes() == content
    assert saved.saved and len(saved.messages) == 1
    assert reason in saved.messages[0] and str(aside) in saved.messages[0]
    assert list(read_progress(progress_file.read_bytes()).exercises) == ["cost-total"], "a fresh file started"


def test_a_name_already_used_for_a_file_kept_aside_gets_a_counter(progress_file, monkeypatch):
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2025, 1, 27, 9, 30, tzinfo=timezone.utc)

    monkeypatch.setattr(store, "datetime", Frozen)
    progress_file.parent.mkdir(parents=True)
    for content in (b"first", b"second", b"third"):
        progress_file.write_bytes(content)
        check("cost-total")
    folder = progress_file.parent
    assert (folder / "progress.corrupt-20250127T093000Z.json").read_bytes() == b"first"
    assert (folder / "progress.corrupt-20250127T093000Z-2.json").read_bytes() == b"second"
    assert (folder / "progress.corrupt-20250127T093000Z-3.json").read_bytes() == b"third"


@pytest.mark.parametrize("failure", [
    PermissionError(errno.EACCES, "Permission denied"),
    OSError(errno.EROFS, "Read-only file system"),
    OSError(errno.ENOSPC, "No space left on device"),
])
def test_a_folder_that_cannot_be_written_gives_a_message_and_no_traceback(progress_file, monkeypatch, failure):
    def refuse(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(store.tempfile, "mkstemp", refuse)
    state, saved = store.update_exercise("cost-total", lambda s: record_check(s, "5.6", "correct", now()))
    assert not saved.saved and state.attempts == 1
    assert saved.messages == (f"Your progress cannot be saved in {progress_file.parent} ({failure.strerror}). "
                              "The exercises still work, but what you do here is not saved.",)


def test_a_folder_under_a_file_gives_a_message(tmp_path, monkeypatch):
    (tmp_path / "home").write_text("a file where a folder should be")
    monkeypatch.setenv(store.ENVIRONMENT_VARIABLE, str(tmp_path / "home" / ".deepseek-headlines" / "progress.json"))
    saved = check("cost-total")
    assert not saved.saved and "cannot be saved" in saved.messages[0]


def test_without_saving_the_change_applies_to_what_the_widget_knew(monkeypatch):
    first, _ = store.update_exercise("cost-total", lambda s: record_check(s, "1", "incorrect", now()))
    monkeypatch.setattr(store.tempfile, "mkstemp", lambda **_: (_ for _ in ()).throw(OSError(errno.EACCES, "no")))
    second, saved = store.update_exercise("cost-total", lambda s: record_check(s, "2", "correct", now()),
                                          known=first)
    assert not saved.saved and (second.attempts, second.right_at_first_try) == (2, False)


def test_a_lock_held_too_long_is_a_message(progress_file, monkeypatch):
    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.2)
    progress_file.parent.mkdir(parents=True)
    with FileLock(store.lock_file(progress_file)):
        saved = check("cost-total")
    assert not saved.saved and "locked" in saved.messages[0]
    assert not progress_file.exists()


def test_a_state_the_file_could_not_hold_is_never_written(progress_file):
    check("cost-total")
    before = progress_file.read_bytes()
    saved = check("Not An Id")
    assert not saved.saved and saved.messages[0].startswith("Not saved: ")
    assert progress_file.read_bytes() == before


def record_many(prefix: str, count: int, start) -> None:
    """In another process: wait for the start, then record ``count`` exercises of its own and one shared one."""
    start.wait()
    for number in range(count):
        check(f"{prefix}-{number}", str(number), "correct")
        check("shared", prefix, "incorrect")


def test_two_processes_saving_at_once_lose_nothing(progress_file):
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=record_many, args=(prefix, 50, start)) for prefix in ("first", "second")]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    record = read_progress(progress_file.read_bytes())
    assert len(record.exercises) == 101
    assert {f"{p}-{n}" for p in ("first", "second") for n in range(50)} <= record.exercises.keys()
    assert record.exercises["shared"].attempts == 100, "every check counted once"
    assert not list(progress_file.parent.glob("*.tmp")) and not list(progress_file.parent.glob("*corrupt*"))


# --- export, import, name and reset ---------------------------------------------------------------------------

def test_export_writes_a_hand_in_copy_next_to_the_notebook(progress_file, tmp_path, monkeypatch):
    check("cost-total")
    monkeypatch.chdir(tmp_path)
    target = store.export_progress(learner="  Ada   Lovelace ")
    assert target == tmp_path / "my-progress.json"
    copy = read_progress(target.read_bytes())
    assert copy.learner == "Ada Lovelace" and copy.exercises == store.load().record.exercises
    assert store.export_progress(tmp_path / "other.json") == tmp_path / "other.json"
    assert read_progress((tmp_path / "other.json").read_bytes()).learner is None


def test_export_of_an_unreadable_file_says_why(progress_file, tmp_path):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(b"[]")
    with pytest.raises(ProgressError, match="not a progress file"):
        store.export_progress(tmp_path / "copy.json")
    assert not (tmp_path / "copy.json").exists()


def test_import_merges_and_refuses_a_bad_file_by_name(progress_file):
    check("cost-total", "1", "incorrect")
    imported, saved = store.import_progress(to_json(sample_record()))
    assert saved.saved and len(imported.exercises) == 3
    merged = read_progress(progress_file.read_bytes())
    assert set(merged.exercises) == {"cost-total", "who-said-it", "rewrite-headline"}
    assert merged.exercises["cost-total"].last_entry == "1", "the later change wins"
    with pytest.raises(ProgressError, match="edited by hand"):
        store.import_progress(to_json(sample_record()).replace("Ada", "Eve"))


def test_the_learner_name_is_kept_trimmed_and_not_too_long(progress_file):
    store.set_learner(" Grace  Hopper ")
    assert from_json(progress_file.read_text(encoding="utf-8")).learner == "Grace Hopper"
    store.set_learner("")
    assert from_json(progress_file.read_text(encoding="utf-8")).learner is None
    with pytest.raises(ValueError, match="at most 80 characters"):
        store.set_learner("x" * 81)


def test_reset_keeps_the_old_file_as_a_backup(progress_file):
    assert store.reset_progress() is None
    store.update_exercise("cost-total", lambda s: record_answer_shown(s, now()))
    before = progress_file.read_bytes()
    backup = store.reset_progress()
    assert backup.name.startswith("progress.backup-") and backup.read_bytes() == before
    assert not progress_file.exists() and store.load().record.exercises == {}


def test_the_environment_variable_is_what_the_tests_use(progress_file):
    assert os.environ[store.ENVIRONMENT_VARIABLE] == str(progress_file)
    assert ".deepseek-headlines" not in str(progress_file)


def test_saving_off_reads_and_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(store.ENVIRONMENT_VARIABLE, "off")
    assert store.progress_file() is None
    state, saved = store.update_exercise("cost-total", lambda s: record_check(s, "5.6", "correct", now()))
    assert state.attempts == 1 and not saved.saved and saved.messages == ()
    assert store.load().record.exercises == {} and store.reset_progress() is None
    assert list(tmp_path.iterdir()) == []
