"""Every exercise's spec keeps its kind's contract with the static script: ``exercises/kinds/schemas/``.

Each kind's ``schema()`` is a strict JSON Schema (draft 2020-12) of the JSON its ``spec()`` sends to
``static/kit-quiz.js``; the shared parts (messages, limits, an option) live in ``common.schema.json``. The
last tests show the schemas reject what the script could not read, so this test can fail.
"""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from support.catalogue import book_exercises
from exercises.kinds import KINDS, SCHEMA_DIR

EXERCISES = book_exercises()


def registry() -> Registry:
    """Every schema file, found by its ``$id`` (so ``common.schema.json`` resolves from any kind's schema)."""
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


REGISTRY = registry()


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(KINDS[kind].schema(), registry=REGISTRY)


def errors(spec: dict, kind: str | None = None) -> list[str]:
    """What is wrong with ``spec`` under the schema of ``kind`` (by default the kind it names)."""
    return [error.message for error in validator(kind or spec["kind"]).iter_errors(spec)]


def test_every_kind_has_a_valid_schema_named_after_it():
    assert set(KINDS) == {"single", "multiple", "number", "matching", "ordering", "reflection", "code"}
    for name, kind in KINDS.items():
        schema = kind.schema()
        Draft202012Validator.check_schema(schema)
        assert kind.schema_path().name == f"{name}.schema.json"
        assert schema["properties"]["kind"] == {"enum": [name]}
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) == set(schema["properties"])
    Draft202012Validator.check_schema(json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8")))


def test_the_book_uses_every_kind():
    assert {exercise.kind for exercise in EXERCISES} == set(KINDS)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda exercise: exercise.id)
def test_every_spec_keeps_its_kinds_schema(exercise):
    spec = json.loads(json.dumps(exercise.spec()))  # as the page carries it
    assert errors(spec) == []


def one_of_each_kind() -> list[dict]:
    seen: dict[str, dict] = {}
    for exercise in EXERCISES:
        seen.setdefault(exercise.kind, json.loads(json.dumps(exercise.spec())))
    return list(seen.values())


@pytest.mark.parametrize("spec", one_of_each_kind(), ids=lambda spec: spec["kind"])
def test_a_missing_or_extra_field_is_rejected(spec):
    kind = spec["kind"]
    for field in spec:
        missing = {name: value for name, value in spec.items() if name != field}
        assert errors(missing, kind), f"{kind} without {field} was accepted"
    assert errors({**spec, "unexpected": 1})
    assert errors({**spec, "kind": "other"}, kind)


def test_shared_parts_are_checked_too():
    spec = next(json.loads(json.dumps(e.spec())) for e in EXERCISES if e.kind == "single")
    no_message = copy.deepcopy(spec)
    del no_message["messages"]["correct"]
    assert errors(no_message)
    wrong_limit = copy.deepcopy(spec)
    wrong_limit["limits"]["key"] = "100"
    assert errors(wrong_limit)
    odd_option = copy.deepcopy(spec)
    odd_option["options"][0]["colour"] = "red"
    assert errors(odd_option)
    for kind_spec in one_of_each_kind():  # every spec of another kind breaks this kind's contract
        if kind_spec["kind"] != "single":
            assert errors(kind_spec, "single")
