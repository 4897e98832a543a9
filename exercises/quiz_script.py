"""The static quiz's one script, ``kit-quiz.js``, bundled from its modules in ``static/quiz/``.

The script is written as one module per job, as jupyterquiz does: ``quiz/core.js`` (shared helpers, the registry
of exercise kinds, ``KitQuiz.check`` and the page set-up), one ``quiz/kinds/<kind>.js`` per exercise kind (its
static checker and how it reads the learner's answer from the page, mirroring ``exercises/kinds/<kind>.py``) and
``quiz/explorer.js`` (the weight explorer). The book still loads a single deferred file: :func:`bundle` joins the
modules in a fixed order (core, the kinds by file name, the explorer), so a new kind's script is picked up
without editing this module, and the same sources always give the same bytes. Comments that fill whole lines
stay in the sources and are left out of the bundle (the learner's browser never reads them). :mod:`exercises.sphinx` writes the
bundle into the build's ``_static/``; the tests run it on a blank page.
"""

from __future__ import annotations

from pathlib import Path

QUIZ_SOURCES = Path(__file__).parent / "static" / "quiz"
#: The file name the book loads.
SCRIPT_NAME = "kit-quiz.js"
#: The bundle's first line: the file is made, not edited.
BANNER = "/* kit-quiz.js: bundled by exercises/quiz_script.py from exercises/static/quiz/ (edit those files). */\n"


def source_files() -> list[Path]:
    """The script's modules in bundle order: the core first (kinds register with it), the kinds, the explorer."""
    kinds = sorted((QUIZ_SOURCES / "kinds").glob("*.js"), key=lambda path: path.name)
    return [QUIZ_SOURCES / "core.js", *kinds, QUIZ_SOURCES / "explorer.js"]


def bundle() -> str:
    """The text of ``kit-quiz.js``: every module of :func:`source_files`, in that order, without whole-line comments."""
    parts = [BANNER]
    for path in source_files():
        parts.extend(line + "\n" for line in without_comment_lines(path.read_text(encoding="utf-8").splitlines()))
    return "".join(parts)


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


def write_bundle(folder: Path) -> Path:
    """Write :func:`bundle` to ``folder / SCRIPT_NAME`` (left untouched when it already holds those bytes)."""
    target = Path(folder) / SCRIPT_NAME
    data = bundle().encode("utf-8")
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target
