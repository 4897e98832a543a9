"""A progress record survives its file unchanged, and the file's checksum reveals any edit (``record.py``)."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import PackageNotFoundError

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from exercises.progress import (
    SCHEMA, ProgressError, canonical_json, checksum, from_json, kit_version, new_record, read_progress, record,
    to_json,
)
from progress_samples import records, sample_record

VALIDATOR = Draft202012Validator(SCHEMA)


def test_the_schema_is_a_strict_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["additionalProperties"] is False
    assert SCHEMA["$defs"]["exercise"]["additionalProperties"] is False


def test_a_record_survives_its_file():
    written = to_json(sample_record())
    assert read_progress(written) == sample_record()
    assert from_json(written) == sample_record()
    assert read_progress(written.encode("utf-8")) == sample_record()


@given(records())
def test_every_record_survives_its_file_and_its_file_meets_the_schema(progress):
    written = to_json(progress)
    assert list(VALIDATOR.iter_errors(json.loads(written))) == []
    assert canonical_json(read_progress(written).content()) == canonical_json(progress.content())


def test_a_new_record_names_this_kit_and_the_time_and_meets_the_schema():
    fresh = new_record("Ada")
    assert fresh.kit_version == kit_version() != ""
    assert fresh.exported_at.endswith("Z") and fresh.learner == "Ada"
    assert list(VALIDATOR.iter_errors(json.loads(to_json(fresh)))) == []


def test_the_kit_version_is_unknown_when_the_kit_is_not_installed(monkeypatch):
    def not_installed(name):
        raise PackageNotFoundError(name)
    monkeypatch.setattr(record, "version", not_installed)
    assert kit_version() == "unknown"


def leaf_paths(value, path=()):
    """The path of every value in ``value`` that is not an object (lists and their items included)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_paths(item, (*path, key))
    else:
        yield path


def edited(value):
    """Another value of the same JSON type, still valid under the schema."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str) and value.startswith("2025-"):
        return value.replace("2025-", "2024-", 1)
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, list):
        return value[:-1]
    return True  # for null


SIGNED = json.loads(to_json(sample_record()))


@pytest.mark.parametrize("path", [path for path in leaf_paths(SIGNED) if path[0] not in ("checksum", "format")],
                         ids=".".join)
def test_the_checksum_reveals_an_edit_of_any_single_field(path):
    content = json.loads(to_json(sample_record()))
    holder = content
    for part in path[:-1]:
        holder = holder[part]
    if path == ("schema_version",):
        holder[path[-1]] = 0
    else:
        holder[path[-1]] = edited(holder[path[-1]])
    assert checksum(content) != content["checksum"]
    with pytest.raises(ProgressError) as raised:
        read_progress(json.dumps(content))
    if path != ("schema_version",):
        assert list(VALIDATOR.iter_errors(content)) == []
        assert "edited by hand" in str(raised.value)


def test_removing_or_adding_an_exercise_is_an_edit_too():
    for change in (lambda exercises: exercises.pop("cost-total"),
                   lambda exercises: exercises.update({"new-one": exercises["cost-total"]})):
        content = json.loads(to_json(sample_record()))
        change(content["exercises"])
        with pytest.raises(ProgressError, match="edited by hand"):
            read_progress(json.dumps(content))


def test_the_checksum_is_taken_of_the_canonical_json_of_every_other_field():
    content = json.loads(to_json(sample_record()))
    unsigned = {key: value for key, value in content.items() if key != "checksum"}
    expected = hashlib.sha256(json.dumps(unsigned, sort_keys=True, separators=(",", ":"),
                                         ensure_ascii=False).encode()).hexdigest()
    assert content["checksum"] == expected  # the sample's numbers are written alike in Python and JavaScript
