"""The static quiz's one script, ``kit-quiz.js``, bundled from its modules in ``static/quiz/``.

The script is written as one module per job, as jupyterquiz does: ``quiz/core.js`` (shared helpers, the registry
of exercise kinds, ``KitQuiz.check`` and the page set-up), one ``quiz/kinds/<kind>.js`` per exercise kind (its
static checker and how it reads the learner's answer from the page, mirroring ``exercises/kinds/<kind>.py``) and
``quiz/explorer.js`` (the weight explorer). The book still loads a single deferred file: :func:`bundle` joins the
modules in a fixed order (core, the kinds by file name, the explorer), so a new kind's script is picked up
without editing this module, and the same sources always give the same bytes. :mod:`exercises.sphinx` writes the
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
    """The text of ``kit-quiz.js``: every module of :func:`source_files`, in that order, each ending in a newline."""
    parts = [BANNER]
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        parts.append(text if text.endswith("\n") else text + "\n")
    return "".join(parts)


def write_bundle(folder: Path) -> Path:
    """Write :func:`bundle` to ``folder / SCRIPT_NAME`` (left untouched when it already holds those bytes)."""
    target = Path(folder) / SCRIPT_NAME
    data = bundle().encode("utf-8")
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target
