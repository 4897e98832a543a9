"""The Python checkers and the static quiz script give the same feedback on the checker cases in ``tests/parity/``.

``tests/parity/<kind>.json`` holds cases for one exercise kind: the exercise (a book exercise's id, or the name of
a small exercise written inline in the file's ``exercises``), the learner's answer and the expected ``verdict``
and ``message`` (and ``details`` where they matter). Each case is run

- in Python: ``exercise.check(answer)`` gives the expected feedback;
- in the script: ``KitQuiz.check(spec, answer)``, from the bundled ``kit-quiz.js``
  (:func:`exercises.quiz_script.bundle`), gives exactly what Python gives (verdict, message and every detail).

Long answers are written as ``{"$repeat": text or list, "times": n}``, ``{"$join": [part, ...]}`` (strings or
lists joined) and ``{"$keys": "extra {n}", "times": n, "value": v}`` (an object of ``n`` numbered keys).

The script half drives Chromium yet is in the fast tier (not marked ``browser`` or ``slow``): it needs no book
build and no server, only one blank page with the bundled script added inline, opened once for the module, and
one ``page.evaluate`` per kind runs all its cases (about two seconds in all, most of it starting Chromium). The
agreement and fuzz tests on the built book (``tests/book/test_quiz_browser.py``) stay in the slow tier.

To add a case, write its exercise and answer, run ``PYTHONPATH=tests python3 tests/kinds/test_checker_parity.py --fill`` (it fills the
expected values of cases that have none, from the Python checker, and never changes existing ones), then read
what it wrote: the expectations are golden data, and a wrong one would keep a bug.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
import sys

import pytest

from support.paths import TESTS
from exercises.book import exercise_by_id
from exercises.kinds import KINDS as KIND_CLASSES, Criterion, Exercise, Option, Trap
from exercises.quiz_script import QUIZ_SOURCES, bundle

CASES = TESTS / "parity"
KINDS = sorted(path.stem for path in CASES.glob("*.json"))
#: The parts of an inline exercise built from a list of JSON objects.
PART_TYPES = {"options": Option, "rows": Option, "items": Option, "traps": Trap, "criteria": Criterion}


def load(kind: str) -> dict:
    return json.loads((CASES / f"{kind}.json").read_text(encoding="utf-8"))


def expand(value):
    """An answer with its ``$repeat``, ``$join`` and ``$keys`` shorthands written out."""
    if isinstance(value, list):
        return [expand(item) for item in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"$repeat", "times"}:
        return expand(value["$repeat"]) * value["times"]
    if set(value) == {"$join"}:
        return functools.reduce(operator.add, [expand(part) for part in value["$join"]])
    if set(value) == {"$keys", "times", "value"}:
        return {value["$keys"].format(n=n): expand(value["value"]) for n in range(value["times"])}
    return {key: expand(item) for key, item in value.items()}


def exercise_classes() -> dict[str, type]:
    """Every exercise kind's class, by its ``kind``."""
    found, pending = {}, [Exercise]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        found.setdefault(cls.kind, cls)
    return found


def as_tuples(value):
    return tuple(as_tuples(item) for item in value) if isinstance(value, list) else value


def inline_exercise(name: str, fields: dict) -> Exercise:
    """A small exercise written in a case file: the kind's fields, with lists of objects for options and the like."""
    cls = exercise_classes()[fields["kind"]]
    types = {field.name: str(field.type) for field in dataclasses.fields(cls)}
    values = {"id": name, "title": name, "prompt": "", "explanation": "", "sources": ()}
    for key, value in fields.items():
        if key == "kind":
            continue
        if key in PART_TYPES:
            value = tuple(PART_TYPES[key](**{k: as_tuples(v) for k, v in part.items()}) for part in value)
        elif isinstance(value, dict):
            value = tuple(value.items())
        elif "frozenset" in types[key]:
            value = frozenset(value)
        else:
            value = as_tuples(value)
        values[key] = value
    return cls(**values)


@functools.lru_cache(maxsize=None)
def exercises_of(kind: str) -> dict[str, Exercise]:
    """Every exercise the kind's cases name, by name."""
    data = load(kind)
    inline = data.get("exercises", {})
    names = {case["exercise"] for case in data["cases"]}
    return {name: inline_exercise(name, inline[name]) if name in inline else exercise_by_id(name) for name in names}


def expected(case: dict) -> dict:
    return {key: case[key] for key in ("verdict", "message", "details") if key in case}


def test_every_scripted_kind_has_cases_and_every_case_file_a_kind():
    scripted = sorted(path.stem for path in (QUIZ_SOURCES / "kinds").glob("*.js"))
    assert KINDS == scripted


@pytest.mark.parametrize("kind", KINDS)
def test_python_checker_gives_the_expected_feedback(kind):
    data = load(kind)
    assert data["kind"] == kind
    wrong = []
    for case in data["cases"]:
        exercise = exercises_of(kind)[case["exercise"]]
        assert exercise.kind == kind, case["case"]
        assert "verdict" in case and "message" in case, f"{case['case']}: no expected feedback (run --fill)"
        got = exercise.check(expand(case["answer"])).as_dict()
        if {key: got[key] for key in expected(case)} != expected(case):
            wrong.append((case["case"], expected(case), got))
    assert wrong == []


@pytest.fixture(scope="module")
def blank_page(chromium):
    """One blank page in the session's headless Chromium with the bundled quiz script added inline: no book, no
    server. (``chromium`` is not one of the fixtures that mark a test slow.)"""
    page = chromium.new_page()
    page.set_content("<!doctype html><html lang='en'><head><title>Checker parity</title></head><body></body></html>")
    page.add_script_tag(content=bundle())
    yield page
    page.close()


@pytest.mark.parametrize("kind", KINDS)
def test_script_checker_gives_the_same_feedback_as_python(kind, blank_page):
    data = load(kind)
    exercises = exercises_of(kind)
    specs = {name: exercise.spec() for name, exercise in exercises.items()}
    answers = [expand(case["answer"]) for case in data["cases"]]
    in_script = blank_page.evaluate(
        "([specs, trials]) => trials.map(([name, answer]) => window.KitQuiz.check(specs[name], answer))",
        [specs, [[case["exercise"], answer] for case, answer in zip(data["cases"], answers)]])
    differing = []
    for case, answer, got in zip(data["cases"], answers, in_script):
        in_python = exercises[case["exercise"]].check(answer).as_dict()
        if got != in_python:
            differing.append((case["case"], in_python, got))
    assert differing == []


#: Runs the bundle again in the blank page with a stand-in ``window`` whose ``KitQuiz`` records, for each kind that
#: registers, the names of the functions it registers (and then registers it as usual).
REGISTERED_FUNCTIONS = """(source) => {
  const found = {}, stand_in = {};
  Object.defineProperty(stand_in, "KitQuiz", {
    get() { return this.quiz; },
    set(quiz) {
      const register = quiz.registerKind;
      quiz.registerKind = (name, kind) => {
        found[name] = Object.keys(kind).filter(key => typeof kind[key] === "function").sort();
        register(name, kind);
      };
      this.quiz = quiz;
    },
  });
  new Function("window", source)(stand_in);
  return found;
}"""


def test_every_kind_that_runs_in_the_browser_registers_check_read_and_fill(blank_page):
    """The bundle registers ``check``, ``read`` and ``fill`` for every kind of ``exercises.kinds.KINDS`` that the
    static page checks (all but ``code``), and no kind the registry does not have."""
    registered = blank_page.evaluate(REGISTERED_FUNCTIONS, bundle())
    in_browser = sorted(name for name, cls in KIND_CLASSES.items() if cls.runs_in_browser)
    assert sorted(registered) == in_browser
    missing = {name: sorted({"check", "read", "fill"} - set(functions)) for name, functions in registered.items()}
    assert {name: names for name, names in missing.items() if names} == {}


def fill() -> None:
    """Give every case without an expected verdict the Python checker's feedback (details only when there are any)."""
    for kind in KINDS:
        data = load(kind)
        for case in data["cases"]:
            if "verdict" not in case:
                got = exercises_of(kind)[case["exercise"]].check(expand(case["answer"])).as_dict()
                case.update({"verdict": got["verdict"], "message": got["message"]})
                if got["details"]:
                    case["details"] = got["details"]
        (CASES / f"{kind}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--fill"]:
        sys.exit("usage: PYTHONPATH=tests python3 tests/kinds/test_checker_parity.py --fill")
    fill()
