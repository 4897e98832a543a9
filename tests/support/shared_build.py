"""One build of each edition of the book for the whole test run, started early and shared by every worker.

With pytest-xdist each worker process has its own session fixtures, so without this every worker would build the
book again, and a worker that reached a book test first would wait a minute for the build while holding up its
share of the tests. Instead the first worker to start (:func:`start_background_builds`, from an autouse session
fixture, when the run has tests that need the book) launches this module as a background process that builds the
teacher edition and then the student edition into the run's shared temporary folder, each leaving a record of
its result. Meanwhile the workers run the tests that need no book (``conftest.py`` puts the tests that need it
last); :func:`build_once` then waits for the record. Without xdist the build simply runs when first needed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from support.building import build_book, build_student_edition
from support.paths import REPO_ROOT

#: The builds, in the order the background process makes them, by folder name.
BUILDS = ("book", "student-book")
#: How long a worker waits for a build before giving up (the build's own timeout is 30 minutes).
WAIT_SECONDS = 2400


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this run shares (pytest's base folder of the run, which it cleans up later)."""
    return tmp_path_factory.getbasetemp().parent


def start_background_builds(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Start the background builds once per run (the first worker to call this starts them)."""
    shared = shared_folder(tmp_path_factory)
    with FileLock(str(shared / "builds.lock")):
        started = shared / "builds.started"
        if started.exists():
            return
        with (shared / "builds.log").open("w", encoding="utf-8") as log:
            process = subprocess.Popen([sys.executable, "-m", "support.shared_build", str(shared)], cwd=REPO_ROOT,
                                       env={**os.environ, "PYTHONPATH": str(REPO_ROOT / "tests")}, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        started.write_text(str(process.pid), encoding="utf-8")


def running(pid: int) -> bool:
    """Whether the background process is still there (it may have ended without a record, killed)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def record(folder: Path, name: str, result: subprocess.CompletedProcess) -> None:
    """Leave a build's result beside it, written whole before it appears (a waiting worker never reads half)."""
    write_whole(folder / f"{name}.json", {"args": [str(arg) for arg in result.args], "returncode": result.returncode,
                                          "stdout": result.stdout, "stderr": result.stderr})


def write_whole(path: Path, data: object) -> None:
    """Write ``data`` as JSON to ``path`` under another name first, then rename it: a reader sees all of it or
    nothing."""
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data), encoding="utf-8")
    os.replace(partial, path)


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], subprocess.CompletedProcess]) -> tuple[subprocess.CompletedProcess, Path]:
    """The result of the build ``name`` and the folder it built into: the background build's when one was
    started for this run, else ``build(folder)`` run now (once per run, under a lock, with xdist)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        return build(folder), folder
    shared = shared_folder(tmp_path_factory)
    folder, path = shared / name, shared / f"{name}.json"
    started = shared / "builds.started"
    if started.exists():
        pid, deadline = int(started.read_text(encoding="utf-8")), time.monotonic() + WAIT_SECONDS
        while not path.is_file() and time.monotonic() < deadline and running(pid):
            time.sleep(1)
    with FileLock(str(shared / f"{name}.lock")):
        if not path.is_file():  # no background build, or it stopped before this one: build it here
            folder.mkdir(exist_ok=True)
            record(shared, name, build(folder))
        saved = json.loads(path.read_text(encoding="utf-8"))
    return subprocess.CompletedProcess(saved["args"], saved["returncode"], saved["stdout"], saved["stderr"]), folder


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, compute: Callable[[], object]) -> object:
    """``compute()`` once for the whole run, its result (anything JSON can hold) shared by every worker through a
    file in the run's shared folder; without xdist simply ``compute()``. For a fixture that takes a minute, such as
    printing every chapter, that each worker would otherwise repeat."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return compute()
    shared = shared_folder(tmp_path_factory)
    path = shared / f"{name}.json"
    with FileLock(str(shared / f"{name}.lock")):
        if not path.is_file():
            write_whole(path, compute())
        return json.loads(path.read_text(encoding="utf-8"))


def main(shared: Path) -> None:
    """The background process: the teacher edition, then the student edition from its cache. Whatever happens,
    each build leaves a record, so that no worker waits for one that will not come."""
    teacher, student = (shared / name for name in BUILDS)
    try:
        teacher.mkdir(exist_ok=True)
        result = build_book(teacher)
        record(shared, BUILDS[0], result)
        if result.returncode == 0:
            student.mkdir(exist_ok=True)
            record(shared, BUILDS[1], build_student_edition(student, teacher / "_build" / "html"))
    finally:
        for name in BUILDS:
            if not (shared / f"{name}.json").is_file():
                record(shared, name, subprocess.CompletedProcess([], 1, "", f"The background build of {name} "
                                                                  f"stopped before it finished; see builds.log."))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
