"""One book build for the whole test run, even when pytest-xdist runs the tests in several worker processes.

Each worker has its own session fixtures, so without this every worker would build the book again. The first
worker to ask builds it into the run's shared temporary folder while holding a file lock; the others wait for
the lock and then read the result it left (the recipe pytest-xdist documents for session fixtures that must run
once). Without xdist the build simply runs in the session's own folder.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], subprocess.CompletedProcess]) -> tuple[subprocess.CompletedProcess, Path]:
    """``build(folder)`` run once per test run; returns its result and the folder it built into."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        return build(folder), folder
    shared = tmp_path_factory.getbasetemp().parent  # the same for every worker of this run
    folder, record = shared / name, shared / f"{name}.json"
    with FileLock(str(shared / f"{name}.lock")):
        if not record.is_file():
            folder.mkdir(exist_ok=True)
            result = build(folder)
            record.write_text(json.dumps({"args": [str(arg) for arg in result.args], "returncode": result.returncode,
                                          "stdout": result.stdout, "stderr": result.stderr}), encoding="utf-8")
        saved = json.loads(record.read_text(encoding="utf-8"))
    return subprocess.CompletedProcess(saved["args"], saved["returncode"], saved["stdout"], saved["stderr"]), folder
