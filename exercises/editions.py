"""The book's two editions, and what the student edition does to a page's exercises.

``KIT_EDITION`` chooses the edition when the book is built: ``teacher`` (the default, also when it is unset or
empty) is the complete book; ``student`` leaves out the teachers' pages (every ``book/teachers-*`` document) and
ships each exercise's spec and answer encoded, so that the page source shows neither the correct options nor the
answer text. :mod:`exercises.sphinx` reads the variable and applies this module.

The encoding is the text's UTF-8 bytes XOR a keystream seeded by the exercise's id (FNV-1a, then xorshift32),
written in base64; ``static/quiz/core.js`` decodes it in the browser. It deters casual peeking and is not
security: anyone who reads this docstring can decode it.
"""

from __future__ import annotations

import base64
import fnmatch
import html
import json
import os
import re
from pathlib import Path

from .static_html import STUDENT_NOSCRIPT

EDITION_VARIABLE = "KIT_EDITION"
TEACHER = "teacher"
STUDENT = "student"
EDITIONS = (TEACHER, STUDENT)
#: The document names of the teachers' pages, which the student edition leaves out.
TEACHERS_PAGES = "book/teachers-*"

_MASK = 0xFFFFFFFF
_SECTION_TAG = re.compile(r'<section class="kit-exercise[^>]*>')
_SECTION_ID = re.compile(r'\bid="exercise-(?P<id>[^"]+)"')
_SPEC = re.compile(r'\bdata-exercise="(?P<spec>[^"]*)"')
_ANSWER = re.compile(r'<details class="kit-answer" id="exercise-(?P<id>[^"]+)-answer">'
                     r"(?P<summary><summary>.*?</summary>)(?P<body>.*?)</details>", re.DOTALL)
_SOLUTION = re.compile(r'<details class="kit-solution">.*?</details>', re.DOTALL)
_NOSCRIPT = re.compile(r'<noscript><p class="kit-noscript">Checking an answer needs JavaScript\..*?</noscript>',
                       re.DOTALL)


class EditionError(ValueError):
    """``KIT_EDITION`` names no edition; the message names the allowed values."""


def edition(environ: dict | None = None) -> str:
    """The edition to build, from ``KIT_EDITION``: ``teacher`` when it is unset or empty."""
    value = (os.environ if environ is None else environ).get(EDITION_VARIABLE, "").strip()
    if not value:
        return TEACHER
    if value not in EDITIONS:
        raise EditionError(f"{EDITION_VARIABLE}={value!r} is not an edition of the book: set it to "
                           f"{TEACHER!r} (the complete book, the default) or {STUDENT!r} (no teachers' pages "
                           "and no readable answers).")
    return value


def is_teachers_page(docname: str) -> bool:
    """True for a teachers' page (``book/teachers-answer-key``), with or without its file suffix."""
    return fnmatch.fnmatchcase(docname, TEACHERS_PAGES)


def leave_out_teachers_pages(site_map) -> None:
    """Remove every teachers' page from a sphinx-external-toc site map (parsed from ``_toc.yml``), and each part of
    the table of contents that it leaves empty."""
    for docname in [name for name in site_map if is_teachers_page(name)]:
        del site_map[docname]
    for document in site_map.values():
        for tree in document.subtrees:
            tree.items = [item for item in tree.items if not is_teachers_page(str(item))]
        document.subtrees = [tree for tree in document.subtrees if tree.items]


def _keystream(exercise_id: str, length: int) -> bytes:
    """``length`` bytes from xorshift32 seeded with the FNV-1a hash of the id (``core.js`` computes the same)."""
    state = 2166136261
    for byte in exercise_id.encode("utf-8"):
        state = ((state ^ byte) * 16777619) & _MASK
    state = state or 1
    stream = bytearray()
    for _ in range(length):
        state ^= (state << 13) & _MASK
        state ^= state >> 17
        state ^= (state << 5) & _MASK
        stream.append(state & 0xFF)
    return bytes(stream)


def encode(text: str, exercise_id: str) -> str:
    """``text`` as base64 of its UTF-8 bytes XOR the exercise's keystream."""
    data = text.encode("utf-8")
    mixed = bytes(a ^ b for a, b in zip(data, _keystream(exercise_id, len(data))))
    return base64.b64encode(mixed).decode("ascii")


def decode(encoded: str, exercise_id: str) -> str:
    """The text :func:`encode` encoded for the same exercise id."""
    data = base64.b64decode(encoded)
    return bytes(a ^ b for a, b in zip(data, _keystream(exercise_id, len(data)))).decode("utf-8")


def _encoded_section_tag(match: re.Match) -> str:
    tag = match.group(0)
    found_id, found_spec = _SECTION_ID.search(tag), _SPEC.search(tag)
    if not found_id or not found_spec or not found_spec["spec"].startswith("{"):
        return tag  # not an exercise's tag, or its spec is encoded already
    spec = encode(html.unescape(found_spec["spec"]), found_id["id"])
    return tag[:found_spec.start()] + f'data-exercise="{spec}"' + tag[found_spec.end():]


def _encoded_answer(match: re.Match) -> str:
    answer = encode(match["body"], match["id"])
    return (f'<details class="kit-answer" id="exercise-{match["id"]}-answer" hidden data-answer="{answer}">'
            f'{match["summary"]}</details>')


def student_html(page_html: str) -> str:
    """An output's HTML as the student edition ships it: in every exercise, the spec in ``data-exercise`` and the
    body of the answer (``data-answer`` on the hidden ``<details>``) encoded, and a ``<noscript>`` that promises
    no answer; a code exercise's solution, which the page cannot hold back until a first attempt, is left out.
    HTML without exercises comes back unchanged."""
    if 'class="kit-exercise' not in page_html:
        return page_html
    page_html = _SECTION_TAG.sub(_encoded_section_tag, page_html)
    page_html = _ANSWER.sub(_encoded_answer, page_html)
    page_html = _SOLUTION.sub("", page_html)
    return _NOSCRIPT.sub(STUDENT_NOSCRIPT, page_html)


def notebook_without_outputs(text: str) -> str:
    """A notebook's JSON with every code cell's outputs and execution count cleared and the widget state dropped:
    the code a learner downloads, without the answers the outputs carry."""
    notebook = json.loads(text)
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def strip_notebooks(folder: Path) -> list[Path]:
    """Clear the outputs of every notebook under ``folder`` (the build's ``_sources``); return those rewritten."""
    rewritten = []
    for path in sorted(Path(folder).rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        stripped = notebook_without_outputs(text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
            rewritten.append(path)
    return rewritten
