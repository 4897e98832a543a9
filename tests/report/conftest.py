"""The class report made once for all the report tests: a class folder (``report_samples``) and its report,
written in-process by the command's ``main``, with a fingerprint of every input file before and after."""

from __future__ import annotations

import contextlib
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from exercises.report import cli
from report_samples import ClassFolder, write_class_folder


@dataclass(frozen=True)
class ClassReport:
    """The folder read, the command's exit status and output, the report folder and the inputs' fingerprints."""

    written: ClassFolder
    status: int
    stdout: str
    stderr: str
    report_folder: Path
    before: dict
    after: dict

    def table(self, name: str) -> pd.DataFrame:
        """A CSV of the report as text, exactly as written (an empty cell is "")."""
        return pd.read_csv(self.report_folder / name, dtype=str, keep_default_na=False)

    @property
    def html(self) -> str:
        return (self.report_folder / "report.html").read_text(encoding="utf-8")


def fingerprints(folder: Path) -> dict:
    """Every entry under ``folder``: its content's SHA-256 (files), its size and its modification time in ns."""
    prints = {}
    for path in sorted(folder.rglob("*")):
        status = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        prints[str(path.relative_to(folder))] = (digest, status.st_size, status.st_mtime_ns)
    return prints


def run_command(argv: list[str]) -> tuple[int, str, str]:
    """``python -m exercises class-report ARGV`` in-process: its exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def class_report(tmp_path_factory) -> ClassReport:
    written = write_class_folder(tmp_path_factory.mktemp("report") / "class")
    before = fingerprints(written.folder)
    status, stdout, stderr = run_command([str(written.folder)])
    return ClassReport(written, status, stdout, stderr, written.folder.with_name("class-report"), before,
                       fingerprints(written.folder))
