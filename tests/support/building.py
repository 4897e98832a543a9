"""Building the book as the project's gate does, and the headless Chromium the browser tests drive."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.paths import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]


def jupyter_book_command() -> str:
    """Return the jupyter-book executable installed beside this Python."""
    beside = Path(sys.executable).parent / "jupyter-book"
    return str(beside) if beside.exists() else (shutil.which("jupyter-book") or "jupyter-book")


def build_book(output_dir: Path, edition: str = "teacher", source: Path = REPO_ROOT,
               strict: bool = True) -> subprocess.CompletedProcess:
    """Build the book in ``source`` (the repository) into ``output_dir`` with the project's gate: warnings are
    errors.

    ``edition`` is the ``KIT_EDITION`` the build runs with: ``"teacher"`` (the complete book) or ``"student"``.
    ``strict=False`` leaves out ``-W``, for a part of the book whose links to the pages left out would warn.
    """
    return subprocess.run(
        [jupyter_book_command(), "build", str(source), "--path-output", str(output_dir),
         *(["-W"] if strict else []), "-n", "--keep-going"],
        capture_output=True, text=True, cwd=source, timeout=1800,
        env={**os.environ, "KIT_EDITION": edition},
    )


def build_from_cache(output_dir: Path, teacher_html: Path, edition: str = "teacher") -> subprocess.CompletedProcess:
    """Build the book into ``output_dir`` starting from the teacher build's cache of executed pages (only Sphinx's
    work is done again: about 30 s instead of 80 s)."""
    teacher_cache = teacher_html.parent / ".jupyter_cache"
    if teacher_cache.is_dir():
        shutil.copytree(teacher_cache, output_dir / "_build" / ".jupyter_cache", dirs_exist_ok=True)
    return build_book(output_dir, edition=edition)


def build_student_edition(output_dir: Path, teacher_html: Path) -> subprocess.CompletedProcess:
    """Build the student edition into ``output_dir`` from the teacher build's cache of executed pages (the pages run
    exactly as in the teacher edition; the student edition changes their HTML when Sphinx writes it, see
    :mod:`exercises.editions`)."""
    return build_from_cache(output_dir, teacher_html, edition="student")
