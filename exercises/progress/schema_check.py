"""Checks JSON data against ``progress.schema.json`` without a schema library, naming the field at fault.

The kit's kernel needs no JSON Schema library, so this module reads the schema itself and applies the few keywords
it uses (``type``, ``enum``, ``minLength``, ``maxLength``, ``pattern``, ``minimum``, ``required``, ``properties``,
``additionalProperties``, ``propertyNames`` and local ``$ref``): the schema stays the one contract, and the tests
run sample files through both this and ``jsonschema`` to show they agree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("progress.schema.json")
SCHEMA: dict = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

TYPE_WORDS = {"string": "text", "integer": "a whole number", "boolean": "true or false", "null": "null",
              "object": "an object", "array": "a list", "number": "a number"}
PATTERN_WORDS = {
    SCHEMA["$defs"]["timestamp"]["pattern"]: "a date and time such as 2025-01-27T09:30:00.000Z",
    SCHEMA["$defs"]["exercise_id"]["pattern"]: "an exercise id such as cost-total",
    SCHEMA["properties"]["checksum"]["pattern"]: "64 hexadecimal digits",
}


def first_problem(value: object, schema: dict = SCHEMA, where: tuple[str, ...] = ()) -> str | None:
    """What is wrong with ``value`` under ``schema``, naming the field, or None when nothing is."""
    schema = resolve(schema)
    field = f'The field "{".".join(where)}"' if where else "The file"
    if "type" in schema and not has_type(value, schema["type"]):
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return f"{field} should be {' or '.join(TYPE_WORDS[name] for name in types)}."
    if "enum" in schema and not any(same(value, allowed) for allowed in schema["enum"]):
        return f"{field} should be {' or '.join(json.dumps(allowed) for allowed in schema['enum'])}."
    if isinstance(value, str):
        return text_problem(value, schema, field)
    if has_type(value, "number") and value < schema.get("minimum", value):
        return f"{field} should be at least {schema['minimum']}."
    if isinstance(value, dict):
        return object_problem(value, schema, where)
    return None


def text_problem(text: str, schema: dict, field: str) -> str | None:
    if len(text) > schema.get("maxLength", len(text)):
        return f"{field} should be at most {schema['maxLength']} characters long."
    if len(text) < schema.get("minLength", 0):
        return f"{field} should not be empty."
    if "pattern" in schema and not re.search(schema["pattern"], text):
        return f"{field} should be {PATTERN_WORDS[schema['pattern']]}."
    return None


def object_problem(content: dict, schema: dict, where: tuple[str, ...]) -> str | None:
    for name in schema.get("required", []):
        if name not in content:
            return f'The field "{".".join((*where, name))}" is missing.'
    known, others = schema.get("properties", {}), schema.get("additionalProperties", True)
    for name, item in content.items():
        if "propertyNames" in schema and (problem := first_problem(name, schema["propertyNames"])):
            return problem.replace("The file", f'The name "{name[:100]}" in "{".".join(where)}"')
        if name in known:
            item_schema = known[name]
        elif others is False:
            return f'The field "{".".join((*where, name[:100]))}" is not part of a progress file.'
        else:
            item_schema = others if isinstance(others, dict) else {}
        if item_schema and (problem := first_problem(item, item_schema, (*where, name))):
            return problem
    return None


def resolve(schema: dict) -> dict:
    """The schema a local ``$ref`` (``#/$defs/name``) points to, or ``schema`` itself."""
    if "$ref" not in schema:
        return schema
    target = SCHEMA
    for part in schema["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    return target


def has_type(value: object, name: str | list[str]) -> bool:
    """Whether ``value`` is of the JSON Schema type ``name`` (1.0 is an integer; true is not a number)."""
    if isinstance(name, list):
        return any(has_type(value, one) for one in name)
    if isinstance(value, bool):
        return name == "boolean"
    checks = {"string": str, "object": dict, "array": list, "number": (int, float)}
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "null":
        return value is None
    return isinstance(value, checks.get(name, ()))


def same(value: object, allowed: object) -> bool:
    """JSON equality: true is not 1."""
    return value == allowed and isinstance(value, bool) == isinstance(allowed, bool)
