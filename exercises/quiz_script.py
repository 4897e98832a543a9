"""The book's scripts, bundled from their modules in ``static/quiz/``: ``kit-quiz.js`` on every page, and two
scripts that only the pages using them load.

The scripts are written as one module per job, as jupyterquiz does:

- ``kit-quiz.js``: ``quiz/core.js`` (shared helpers, the registry of exercise kinds, ``KitQuiz.check`` and the page
  set-up), one ``quiz/kinds/<kind>.js`` per exercise kind (its static checker and how it reads the learner's answer
  from the page, mirroring ``exercises/kinds/<kind>.py``) and ``quiz/progress.js`` (each exercise's state kept in
  the browser and put back on every page; last, once every kind can fill its controls);
- ``kit-explorer.js``: ``quiz/explorer.js``, the weight explorer, for the page that shows one;
- ``kit-progress.js``: ``quiz/progress-file.js`` (the progress file as ``exercises/progress`` writes, reads and
  merges it, with ``progress.schema.json`` written in) and ``quiz/progress-page.js`` (the My progress page's
  export, import and reset), for that page.

:func:`bundle` joins a script's modules in a fixed order (the kinds by file name, so a new kind's script is picked
up without editing this module), and the same sources always give the same bytes. Comments that fill whole lines
stay in the sources and are left out of the bundle (the learner's browser never reads them).
:mod:`exercises.sphinx` writes the bundles into the build's ``_static/`` and :mod:`exercises.page_assets` drops
each page-only script from the pages that do not use it (:data:`USED_BY`); the tests run them on a blank page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .progress import SCHEMA

QUIZ_SOURCES = Path(__file__).parent / "static" / "quiz"
#: The script every page loads.
SCRIPT_NAME = "kit-quiz.js"
#: The weight explorer's script, and the My progress page's.
EXPLORER_SCRIPT_NAME = "kit-explorer.js"
PROGRESS_SCRIPT_NAME = "kit-progress.js"
SCRIPT_NAMES = (SCRIPT_NAME, EXPLORER_SCRIPT_NAME, PROGRESS_SCRIPT_NAME)
#: What a page's HTML must hold for the page to load a page-only script.
USED_BY = {
    EXPLORER_SCRIPT_NAME: re.compile(r'class="[^"]*\bkit-explorer\b'),
    PROGRESS_SCRIPT_NAME: re.compile(r'class="[^"]*\bkit-progress-table\b'),
}
#: Where ``progress-file.js`` takes the progress file's schema (replaced by the schema's JSON when bundled).
SCHEMA_PLACEHOLDER = "__PROGRESS_SCHEMA__"


def banner(name: str = SCRIPT_NAME) -> str:
    """A bundle's first line: the file is made, not edited."""
    return f"/* {name}: bundled by exercises/quiz_script.py from exercises/static/quiz/ (edit those files). */\n"


def source_files(name: str = SCRIPT_NAME) -> list[Path]:
    """The modules of the script ``name``, in bundle order (for ``kit-quiz.js``: the core first, as the kinds
    register with it, then the kinds, then the progress)."""
    if name == SCRIPT_NAME:
        kinds = sorted((QUIZ_SOURCES / "kinds").glob("*.js"), key=lambda path: path.name)
        return [QUIZ_SOURCES / "core.js", *kinds, QUIZ_SOURCES / "progress.js"]
    if name == EXPLORER_SCRIPT_NAME:
        return [QUIZ_SOURCES / "explorer.js"]
    if name == PROGRESS_SCRIPT_NAME:
        return [QUIZ_SOURCES / "progress-file.js", QUIZ_SOURCES / "progress-page.js"]
    raise KeyError(f"No script named {name!r}; the scripts are {', '.join(SCRIPT_NAMES)}.")


def bundle(name: str = SCRIPT_NAME) -> str:
    """The text of the script ``name``: its banner, then every module of :func:`source_files`, in that order,
    without whole-line comments (and, in ``kit-progress.js``, the progress file's schema written in)."""
    parts = [banner(name)]
    for path in source_files(name):
        parts.extend(line + "\n" for line in without_comment_lines(path.read_text(encoding="utf-8").splitlines()))
    return "".join(parts).replace(SCHEMA_PLACEHOLDER, json.dumps(SCHEMA, ensure_ascii=False, sort_keys=True))


def without_comment_lines(lines: list[str]) -> list[str]:
    """``lines`` without the comments that fill whole lines: ``// ...`` lines, and ``/* ... */`` blocks that start
    and end a line. A comment after code on the same line stays, so no code can be cut."""
    kept, in_block = [], False
    for line in lines:
        stripped = line.strip()
        if in_block:
            in_block = not stripped.endswith("*/")
        elif stripped.startswith("/*") and "*/" in stripped[2:]:
            if not (stripped.endswith("*/") and stripped.count("*/") == 1):
                kept.append(line)  # code after the comment: keep the line
        elif stripped.startswith("/*"):
            in_block = True
        elif not stripped.startswith("//"):
            kept.append(line)
    return kept


def write_bundles(folder: Path) -> list[Path]:
    """Write every script's :func:`bundle` into ``folder`` (a file that already holds its bytes is left
    untouched, so its checksum in the pages stays)."""
    written = []
    for name in SCRIPT_NAMES:
        target, data = Path(folder) / name, bundle(name).encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        written.append(target)
    return written
