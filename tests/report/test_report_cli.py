"""The ``class-report`` command (``cli.py``, ``writing.py`` and ``exercises/__main__.py``): what it prints, its exit
status, where the report goes, and that it never changes a file it reads nor prints a traceback."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys

import pytest

import exercises.__main__ as kit_commands
from exercises.progress import ExerciseState, ProgressRecord, to_json
from exercises.report import REPORT_FILES, cli
from exercises.report.writing import default_report_folder
from conftest import fingerprints, run_command
from support.paths import REPO_ROOT


def test_the_command_reads_every_file_and_prints_one_summary_line(class_report):
    assert class_report.status == 0
    assert class_report.stderr == ""
    assert class_report.stdout == f"30 files, 21 used, 9 problems; report in {class_report.report_folder}\n"
    assert sorted(path.name for path in class_report.report_folder.iterdir()) == sorted(REPORT_FILES)


def test_no_file_read_is_changed_moved_or_touched(class_report):
    assert class_report.before == class_report.after
    assert len(class_report.before) == 32  # the 30 .json entries, notes.txt and the file in the folder inside


def test_the_report_goes_beside_the_folder_by_default(class_report):
    folder = class_report.written.folder
    assert class_report.report_folder == default_report_folder(folder) == folder.parent / "class-report"
    assert not any(path.suffix in (".csv", ".html") for path in folder.rglob("*"))


def test_python_m_exercises_runs_the_command_in_a_new_process(class_report, tmp_path):
    """The one run in a subprocess: the real entry point, with --out, writing the same tables as in-process."""
    out = tmp_path / "elsewhere" / "report"
    result = subprocess.run([sys.executable, "-m", "exercises", "class-report", str(class_report.written.folder),
                             "--out", str(out)], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"30 files, 21 used, 9 problems; report in {out}\n"
    for name in REPORT_FILES[:-1]:
        assert (out / name).read_bytes() == (class_report.report_folder / name).read_bytes(), name
    assert "<h1>Class report: class</h1>" in (out / "report.html").read_text(encoding="utf-8")


def test_the_kit_lists_its_commands(capsys):
    with pytest.raises(SystemExit) as exited:
        kit_commands.main(["--help"])
    assert exited.value.code == 0
    assert "class-report" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        kit_commands.main(["class-report", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "not in folders inside it" in help_text and "--out REPORT_FOLDER" in help_text


def test_the_kit_dispatches_class_report(tmp_path):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = kit_commands.main(["class-report", str(tmp_path / "missing")])
    assert (status, err.getvalue()) == (1, f"class-report: There is no folder {tmp_path / 'missing'}.\n")


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing", "There is no folder"),
    (lambda tmp: (tmp / "file.json").write_text("{}") and tmp / "file.json", "is a file, not a folder"),
    (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "holds no progress file (no file whose name ends in .json)"),
])
def test_nothing_to_read_is_explained_with_status_1(tmp_path, make, message):
    status, stdout, stderr = run_command([str(make(tmp_path))])
    assert (status, stdout) == (1, "")
    assert message in stderr and "Traceback" not in stderr
    assert stderr.startswith("class-report: ") and stderr.count("\n") == 1


def test_a_folder_of_only_bad_files_is_explained_file_by_file(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.json").write_text("{not json")
    (folder / "b.json").write_text('{"format": "other"}')
    status, stdout, stderr = run_command([str(folder)])
    assert (status, stdout) == (1, "")
    assert "None of the 2 .json files" in stderr
    assert "\n  a.json: The file is not a progress file: it is not valid JSON" in stderr
    assert "\n  b.json: The file is not a progress file of this kit" in stderr
    assert not default_report_folder(folder).exists()


def small_folder(tmp_path):
    """A folder with one learner's file, who answered one exercise."""
    folder = tmp_path / "small"
    folder.mkdir()
    state = ExerciseState("003", 1, False, False, "2025-03-03T09:00:00.000Z", "2025-03-03T09:01:00.000Z")
    record = ProgressRecord("0.1.0", "2025-03-03T10:00:00.000Z", {"cost-who-estimated": state}, "Ada")
    (folder / "ada.json").write_text(to_json(record), encoding="utf-8")
    return folder


@pytest.mark.parametrize("inside", [".", "report", "deeper/report"])
def test_the_report_never_goes_inside_the_folder_it_reads(tmp_path, inside):
    folder = small_folder(tmp_path)
    before = fingerprints(folder)
    status, stdout, stderr = run_command([str(folder), "--out", str(folder / inside)])
    assert (status, stdout) == (1, "")
    assert "The report cannot go inside the folder it reads" in stderr
    assert fingerprints(folder) == before


def test_a_report_folder_that_is_a_file_is_refused(tmp_path):
    folder = small_folder(tmp_path)
    (tmp_path / "taken").write_text("mine")
    status, _, stderr = run_command([str(folder), "--out", str(tmp_path / "taken")])
    assert status == 1 and "is a file, not a folder" in stderr
    assert (tmp_path / "taken").read_text() == "mine"


def test_a_report_that_cannot_be_written_is_explained(tmp_path):
    folder = small_folder(tmp_path)
    (tmp_path / "blocker").write_text("a file where a folder should be")
    status, _, stderr = run_command([str(folder), "--out", str(tmp_path / "blocker" / "report")])
    assert status == 1
    assert stderr.startswith("class-report: the report could not be written (") and "Traceback" not in stderr


def test_an_unexpected_failure_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    def fail(*_):
        raise RuntimeError("something broke")
    monkeypatch.setattr(cli, "write_report", fail)
    status, stdout, stderr = run_command([str(tmp_path)])
    assert (status, stdout) == (1, "")
    assert stderr == ("class-report: the report failed unexpectedly (RuntimeError: something broke); no report was "
                      "written. Please report this to the kit's maintainers.\n")


def test_a_second_run_replaces_the_report_and_leaves_no_partial_file(tmp_path):
    folder = small_folder(tmp_path)
    for _ in range(2):
        assert run_command([str(folder)])[0] == 0
    assert sorted(path.name for path in default_report_folder(folder).iterdir()) == sorted(REPORT_FILES)


def test_the_class_folder_holds_thirty_files(class_report):
    written = class_report.written
    assert len([path for path in written.folder.iterdir() if path.name.endswith(".json")]) == 30
    assert len(written.good) + len(written.bad) == 30
