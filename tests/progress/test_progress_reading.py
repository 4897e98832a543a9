"""A file from outside is read into a record, or refused with a message that says what is wrong (``reading.py``).

Every refusal is a ``ProgressError``, whatever the input: hostile files (huge, deeply nested, NaN, bytes that are
not UTF-8, lone surrogates) included. Sample files run through the schema with ``jsonschema`` and through the
kit's own checks (``schema_check.py``) must get the same verdict, so the schema stays the contract.
"""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from solutions.analyser.hype import find_hype
from exercises.progress import MAX_BYTES, SCHEMA, ProgressError, checksum, read_progress, to_json
from exercises.progress.canonical import NotCanonical
from exercises.progress.schema_check import first_problem
from progress_samples import sample_record

VALIDATOR = Draft202012Validator(SCHEMA)
GOOD = json.loads(to_json(sample_record()))


def signed(content: dict) -> str:
    """``content`` as a file with a checksum that matches it, as a hand-editor who knew the rule would write it
    (any checksum where there is none to compute; an infinite number as the 1e999 that JSON reads as one)."""
    try:
        mark = checksum(content)
    except NotCanonical:
        mark = "0" * 64
    return json.dumps({**content, "checksum": mark}).replace("Infinity", "1e999")


def changed(change) -> dict:
    content = copy.deepcopy(GOOD)
    change(content)
    return content


def refusal(text) -> str:
    with pytest.raises(ProgressError) as raised:
        read_progress(text)
    return str(raised.value)


FILE_PROBLEMS = [
    ("x" * (MAX_BYTES + 1), "too large to be a progress file"),
    ("é" * (MAX_BYTES // 2 + 1), "too large to be a progress file"),
    ("{not json", "it is not valid JSON"),
    ("", "it is not valid JSON"),
    (b"\xff\xfe{}", "it is not UTF-8 text"),
    ("[]", 'is not a progress file of this kit (its "format"'),
    ('{"format": "something-else"}', "is not a progress file of this kit"),
    ('{"format": "deepseek-headlines-progress", "schema_version": 2}', "written by a newer version of the kit"),
    ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
    ('{"format": "deepseek-headlines-progress", "x": NaN}', "NaN is not a number JSON allows"),
    ('{"format": "deepseek-headlines-progress", "x": -Infinity}', "-Infinity is not a number JSON allows"),
]


@pytest.mark.parametrize(("text", "message"), FILE_PROBLEMS)
def test_each_problem_with_the_file_has_its_message(text, message):
    assert message in refusal(text)


FIELD_PROBLEMS = [
    (lambda c: c.pop("kit_version"), 'The field "kit_version" is missing.'),
    (lambda c: c.update(extra=1), 'The field "extra" is not part of a progress file.'),
    (lambda c: c.update(schema_version="1"), 'The field "schema_version" should be a whole number.'),
    (lambda c: c.update(schema_version=0), 'The field "schema_version" should be 1.'),
    (lambda c: c.update(learner="x" * 81), 'The field "learner" should be at most 80 characters long.'),
    (lambda c: c.update(learner=None), 'The field "learner" should be text.'),
    (lambda c: c.update(exported_at="yesterday"), 'The field "exported_at" should be a date and time such as'),
    (lambda c: c.update(exported_at="2025-02-30T10:00:00Z"), 'The field "exported_at" is not a real date and time.'),
    (lambda c: c.update(exercises=[]), 'The field "exercises" should be an object.'),
    (lambda c: c["exercises"].update({"Cost Total": c["exercises"]["cost-total"]}),
     'The name "Cost Total" in "exercises" should be an exercise id such as cost-total.'),
    (lambda c: c["exercises"]["cost-total"].update(attempts=-1),
     'The field "exercises.cost-total.attempts" should be at least 0.'),
    (lambda c: c["exercises"]["cost-total"].update(attempts=True),
     'The field "exercises.cost-total.attempts" should be a whole number.'),
    (lambda c: c["exercises"]["cost-total"].update(right_at_first_try="yes"),
     'The field "exercises.cost-total.right_at_first_try" should be true or false or null.'),
    (lambda c: c["exercises"]["cost-total"].pop("answer_shown"),
     'The field "exercises.cost-total.answer_shown" is missing.'),
    (lambda c: c["exercises"]["cost-total"].update(last_answer=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]),
     'The field "exercises.cost-total.last_answer" cannot be read: it nests more than 32 levels deep.'),
    (lambda c: c["exercises"]["cost-total"].update(last_answer=1e999),
     'The field "exercises.cost-total.last_answer" cannot be read: it holds a number that is not finite.'),
    (lambda c: c["exercises"]["cost-total"].update(last_answer="\ud800"),
     'The field "exercises.cost-total.last_answer" cannot be read: it holds text that is not valid Unicode.'),
    (lambda c: c.update(learner="\udfff"), "The file cannot be read: it holds text that is not valid Unicode."),
]


@pytest.mark.parametrize(("change", "message"), FIELD_PROBLEMS)
def test_each_wrong_field_is_named_even_when_the_checksum_matches(change, message):
    assert message in refusal(signed({key: value for key, value in changed(change).items() if key != "checksum"}))


def test_a_hand_edited_file_is_called_so():
    content = changed(lambda c: c["exercises"]["cost-total"].update(attempts=1))
    assert refusal(json.dumps(content)) == ("The checksum does not match: the file was edited by hand after it was "
                                            "exported.")


def test_whole_numbers_written_as_decimals_are_read_as_whole_numbers():
    content = changed(lambda c: c["exercises"]["cost-total"].update(attempts=2.0))
    content.pop("checksum")
    assert read_progress(signed(content)).exercises["cost-total"].attempts == 2
    assert isinstance(read_progress(signed(content)).exercises["cost-total"].attempts, int)


SAMPLES = [
    GOOD,
    changed(lambda c: c.pop("learner")),
    changed(lambda c: c.update(learner="")),
    changed(lambda c: c.update(exercises={})),
    changed(lambda c: c["exercises"]["cost-total"].update(last_answer={"deep": [[{"x": None}]]})),
    changed(lambda c: c["exercises"]["cost-total"].update(attempts=3.0)),
    changed(lambda c: c["exercises"]["cost-total"].update(attempts=1.5)),
    changed(lambda c: c["exercises"]["cost-total"].update(answer_shown=0)),
    changed(lambda c: c["exercises"]["cost-total"].update(first_seen="2025-02-01 09:00:00Z")),
    changed(lambda c: c["exercises"]["cost-total"].update(last_changed="2025-02-01T09:00:00.1234567Z")),
    changed(lambda c: c["exercises"].update({"-bad": {}})),
    changed(lambda c: c["exercises"].update({"a" * 101: c["exercises"]["cost-total"]})),
    changed(lambda c: c["exercises"].update({"fine": {}})),
    changed(lambda c: c["exercises"].update({"fine": []})),
    changed(lambda c: c["exercises"]["cost-total"].update(unknown=1)),
    changed(lambda c: c.update(kit_version="")),
    changed(lambda c: c.update(kit_version=1)),
    changed(lambda c: c.update(checksum="ABC")),
    changed(lambda c: c.update(checksum=None)),
    changed(lambda c: c.update(format="deepseek-headlines-progress ")),
    changed(lambda c: c.update(schema_version=True)),
    changed(lambda c: c.update(schema_version=1.0)),
    changed(lambda c: c.pop("exercises")),
]


@pytest.mark.parametrize("content", SAMPLES, ids=[f"sample-{number}" for number in range(len(SAMPLES))])
def test_the_kit_checks_and_the_schema_agree(content):
    schema_says = not list(VALIDATOR.iter_errors(content))
    assert (first_problem(content) is None) == schema_says


def test_the_samples_include_both_verdicts():
    verdicts = [not list(VALIDATOR.iter_errors(content)) for content in SAMPLES]
    assert verdicts.count(True) >= 5 and verdicts.count(False) >= 15


HOSTILE = [
    "\"" + "x" * (MAX_BYTES - 2) + "\"",
    "{" * 50_000,
    '{"format": "deepseek-headlines-progress", "schema_version": 1' + ', "a": [' * 10_000,
    "1" * 5000,
    '{"format": "deepseek-headlines-progress", "schema_version": ' + "9" * 5000 + "}",
    b"\xc3\x28" * 10,
    b"\x00" * 100,
    "\ud800",
    '"\\ud800"',
    json.dumps(GOOD).replace('"last_answer": 5.6', '"last_answer": ' + '{"a": ' * 990 + "1" + "}" * 990),
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{number}" for number in range(len(HOSTILE))])
def test_hostile_files_give_a_progress_error_and_nothing_else(text):
    refusal(text)


@settings(max_examples=200)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_any_input_gives_a_record_or_a_progress_error(text):
    try:
        read_progress(text)
    except ProgressError:
        pass


@settings(max_examples=100)
@given(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)))
def test_any_value_as_a_last_answer_gives_a_record_or_a_progress_error(answer):
    content = changed(lambda c: c["exercises"]["cost-total"].update(last_answer=answer))
    content.pop("checksum")
    try:
        read_progress(signed(content))
    except ProgressError:
        pass


def test_every_message_passes_the_kits_hype_finder():
    texts = [text for text, _ in FILE_PROBLEMS] + [signed({key: value for key, value in changed(change).items()
                                                           if key != "checksum"}) for change, _ in FIELD_PROBLEMS]
    messages = [refusal(text) for text in texts] + [refusal(json.dumps(changed(
        lambda c: c["exercises"]["cost-total"].update(attempts=1))))]
    assert [(message, hits) for message in messages if (hits := find_hype(message))] == []
