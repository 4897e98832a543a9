"""The texts the student edition must never show, and how the leak tests compare them with a built file.

:func:`secret_texts` is every text that must not appear anywhere in the student build (pages, scripts, search index,
downloadable sources) or in its printed handouts:

- for every exercise of the book (``support.catalogue.book_exercises()``): its explanation; the visible text of its
  answer (``answer_html()`` with its tags and its leading "Answer:" label removed: the model answer of a rewrite,
  the solution of a code exercise, the right options of a multiple choice, the right row-by-row matches, the right
  order); and every feedback message of its spec that is its own (the ``feedback`` of a trap, an option, a row or
  an item, ``correct_feedback``, and a rewrite criterion's ``met`` and ``unmet``): which option is right can be
  read from these;
- every text of the teachers' section (``exercises.teaching.teacher_texts()``): warm-ups, grouping, extensions,
  support, rubrics with their sample answers, exit tickets with their answers, lateral-reading tasks.

The rule for keeping a text: once made comparable (:func:`comparable`), it has at least ``MIN_CHARACTERS`` letters
and digits and at least ``MIN_WORDS`` words, and it is not part of one block of what the exercises show anyway
(their titles, prompts, hints and inputs, options included, but not a solution folded in a ``<details>``), nor of
one block of the book's own tables (:func:`book_tables_text`: the markets chapter's table shows every money
figure's note, and a matching row's feedback can be that note). So a
bare number ("$5.576 million") does not count, nor does the answer of a single choice, which is the label of one of
the options on view: for those, what must stay unreadable is the marking of the right option, that is, the spec,
which the leak test checks separately (no ``data-exercise`` holds readable JSON), and the explanation, which is
kept. The answer of a multiple choice (the right labels, joined) counts: it is in no one block.

:func:`comparable` is how both sides are compared: JSON's ``\\uXXXX`` escapes and HTML entities decoded (twice, for
markup escaped inside an attribute or a JSON string), tags removed (the values of their attributes kept, each as a
block of its own), then only the letters and digits kept, in lower case, with a mark where a block ends (a
paragraph, a list item, a label: any tag but the inline ones of ``INLINE_TAGS``). So white space, entities,
quotation marks and inline markup never hide a leak, and options listed one after another never read as the answer
that joins them.
"""

from __future__ import annotations

import importlib
import inspect
import re
from functools import cache
from html import unescape
from pathlib import Path

from support.catalogue import book_exercises

MIN_CHARACTERS = 20
MIN_WORDS = 4
#: The keys of a spec whose strings are the exercise's own feedback.
FEEDBACK_KEYS = ("feedback", "correct_feedback", "met", "unmet")
#: Tags inside a line of text: they end no block (every other tag does).
INLINE_TAGS = frozenset("a abbr b bdi br cite code data dfn em i kbd mark q s small span strong sub sup time u var wbr "
                        "table caption thead tbody tfoot tr th td".split())
#: Where a block ends, in a comparable text.
BOUNDARY = "\x00"
_TAG = re.compile(r"</?(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attributes>(?:\s[^<>]*)?)/?>")
_ATTRIBUTE_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")
_DETAILS = re.compile(r"<details\b.*?</details>", re.DOTALL)
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_JSON_SHORT_ESCAPE = re.compile(r'\\(["\\/bfnrt])')
_JSON_SHORT_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WORD = re.compile(r"\w+")
_ANSWER_LABEL = re.compile(r"^\s*Answer:\s*")


def _without_tags(text: str) -> str:
    """The text without its tags, ``BOUNDARY`` where a block ends, then every attribute value as a block of its own
    (after the text, so that no value splits a line of text)."""
    values = []

    def replace(match: re.Match) -> str:
        values.extend(first or second for first, second in _ATTRIBUTE_VALUE.findall(match["attributes"]))
        return "" if match["name"].lower() in INLINE_TAGS else BOUNDARY

    return _TAG.sub(replace, text) + BOUNDARY + BOUNDARY.join(value for value in values if value)


def comparable(text: str) -> str:
    """``text`` reduced to what a reader would read: JSON escapes and entities decoded, tags removed and attribute
    values kept, then only its letters and digits, lower-cased, with ``BOUNDARY`` where a block ends."""
    text = _JSON_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text.replace(BOUNDARY, " "))
    for _ in range(2):  # the markup, then markup that was escaped in an attribute or a JSON string
        text = unescape(_without_tags(text))
    kept = "".join(character for character in text.lower() if character.isalnum() or character == BOUNDARY)
    return re.sub(f"{BOUNDARY}+", BOUNDARY, kept).strip(BOUNDARY)


def visible_text(html: str) -> str:
    """The text of an HTML fragment, as a reader sees it."""
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def feedback_texts(spec) -> list[str]:
    """Every string under a ``FEEDBACK_KEYS`` key of a spec, at any depth."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in FEEDBACK_KEYS and isinstance(value, str):
                found.append(value)
            else:
                found += feedback_texts(value)
    elif isinstance(spec, list):
        for item in spec:
            found += feedback_texts(item)
    return found


def exercise_secrets(exercise) -> list[str]:
    """An exercise's explanation, answer text and own feedback messages (before the rule of :func:`is_meaningful`)."""
    spec = {key: value for key, value in exercise.spec().items() if key not in ("messages", "limits")}
    answer = _ANSWER_LABEL.sub("", visible_text(exercise.answer_html()))
    return [exercise.explanation, answer, *feedback_texts(spec)]


@cache
def public_exercise_text() -> str:
    """What the exercises show on every page anyway (titles, prompts, hints, inputs without what they fold in a
    ``<details>``), made :func:`comparable`, each in its own block."""
    parts = []
    for exercise in book_exercises():
        parts += [exercise.title, exercise.prompt, *exercise.hints, _DETAILS.sub("", exercise.static_inputs())]
    return BOUNDARY.join(comparable(part) for part in parts)


def _table_functions(module) -> list:
    """The module's own public ``*_html`` functions that need no argument."""
    return [function for name, function in inspect.getmembers(module, inspect.isfunction)
            if name.endswith("_html") and not name.startswith("_") and function.__module__ == module.__name__
            and all(parameter.default is not parameter.empty
                    for parameter in inspect.signature(function).parameters.values())]


@cache
def book_tables_text() -> str:
    """What the book's tables show every reader (each chapter's ``tables`` module and :mod:`exercises.display`: their
    ``*_html`` functions that need no argument), made :func:`comparable`."""
    from exercises.chapters import CHAPTERS

    modules = [importlib.import_module("exercises.display")]
    for chapter in CHAPTERS:
        try:
            modules.append(importlib.import_module(f"exercises.chapters.{chapter.chapter}.tables"))
        except ModuleNotFoundError:
            continue
    tables = [function() for module in modules for function in _table_functions(module)]
    return BOUNDARY.join(comparable(getattr(table, "data", table)) for table in tables)


def is_meaningful(text: str) -> bool:
    """Long and distinctive enough to count as a leak (see the module's docstring)."""
    reduced = comparable(text)
    return (len(reduced) >= MIN_CHARACTERS and len(_WORD.findall(text)) >= MIN_WORDS
            and reduced not in public_exercise_text() and reduced not in book_tables_text())


def teachers_section_texts() -> list[str]:
    """Every text of the teachers' section (``exercises.teaching.teacher_texts``)."""
    from exercises.teaching import teacher_texts

    return teacher_texts()


@cache
def _secret_texts() -> tuple[str, ...]:
    candidates = [text for exercise in book_exercises() for text in exercise_secrets(exercise)]
    candidates += teachers_section_texts()
    return tuple(dict.fromkeys(text for text in candidates if is_meaningful(text)))


def secret_texts() -> list[str]:
    """Every text that must not appear in the student edition (see the module's docstring), each once."""
    return list(_secret_texts())


def leaks(text: str, secrets: list[str] | None = None) -> list[str]:
    """The secrets found in ``text`` (the content of one built file), compared with :func:`comparable`."""
    haystack = comparable(text)
    return [secret for secret in (secret_texts() if secrets is None else secrets) if comparable(secret) in haystack]


def file_text(path: Path) -> str:
    """A built file's text, whatever it holds, with JSON's short escapes (``\\n``, ``\\"``) undone, so that the
    lines of a notebook's cell or output read as one text."""
    text = Path(path).read_bytes().decode("utf-8", errors="replace")
    return _JSON_SHORT_ESCAPE.sub(lambda match: _JSON_SHORT_ESCAPES.get(match[1], match[1]), text)


def leaks_in_folder(folder: Path, secrets: list[str] | None = None) -> dict[str, list[str]]:
    """Every file under ``folder`` that holds a secret (:func:`leaks`), by its path relative to ``folder``."""
    found = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            leaked = leaks(file_text(path), secrets)
            if leaked:
                found[path.relative_to(folder).as_posix()] = leaked
    return found
