"""The book's progress file in JavaScript (``static/quiz/progress-file.js``) writes, reads and merges exactly as
``exercises.progress`` does: the same SHA-256, the same canonical JSON, the same file bytes, the same refusal
messages and the same merged records.

The script runs in ``node`` when it is installed (quick), else in the session's Chromium on a blank page. Each test
sends one batch of calls and compares every answer with Python's.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import random
import shutil
import subprocess

import pytest

from exercises.progress import (
    ExerciseState, ProgressError, ProgressRecord, canonical_json, merge, read_progress, to_json,
)
from exercises.progress.canonical import NotCanonical
from exercises.quiz_script import PROGRESS_SCRIPT_NAME, SCHEMA_PLACEHOLDER, bundle as script_bundle, source_files
from progress_samples import sample_record
from test_progress_reading import FILE_PROBLEMS, GOOD, HOSTILE, SAMPLES, signed

#: Runs a batch of calls on KitProgressFile: bytes travel as {"bytes": base64}, every answer as {"ok": value} or
#: {"error": message, "progress": whether it is the file's own refusal}.
DRIVER = """
function runCalls(calls) {
  var file = globalThis.KitProgressFile;
  return calls.map(function (call) {
    var args = call[1].map(function (arg) {
      if (arg && typeof arg === "object" && typeof arg.bytes === "string") {
        var raw = atob(arg.bytes), bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
        return bytes;
      }
      return arg;
    });
    try { return {ok: file[call[0]].apply(null, args)}; } catch (error) {
      return {error: error.message, progress: !!error.progress};
    }
  });
}
"""


def file_script() -> str:
    """The file module as the page gets it (the start of ``kit-progress.js``, its schema written in), without the
    page's module, which needs a page."""
    bundle = script_bundle(PROGRESS_SCRIPT_NAME)
    page_module = bundle.index("(function (quiz, file)")
    assert SCHEMA_PLACEHOLDER not in bundle and source_files(PROGRESS_SCRIPT_NAME)[-1].name == "progress-page.js"
    return bundle[:page_module]


@pytest.fixture(scope="module")
def run_js(request):
    """A function that runs a batch of calls in node, or in Chromium when node is missing."""
    script = file_script() + DRIVER
    node = shutil.which("node")
    if node:
        program = script + ("\nvar input = require('fs').readFileSync(0, 'utf8');"
                            "\nprocess.stdout.write(JSON.stringify(runCalls(JSON.parse(input))));\n")

        def run(calls):
            result = subprocess.run([node, "-e", program], input=json.dumps(calls), capture_output=True, text=True,
                                    timeout=120, check=True)
            return json.loads(result.stdout)
        return run
    page = request.getfixturevalue("chromium").new_page()
    page.add_script_tag(content=script)
    request.addfinalizer(page.close)
    return lambda calls: page.evaluate("calls => runCalls(calls)", calls)


def as_argument(value):
    return {"bytes": base64.b64encode(value).decode("ascii")} if isinstance(value, bytes) else value


TEXTS = ["", "abc", "é", "日本語のテキスト", "\U0001F600 emoji", "a" * 55, "a" * 56, "a" * 63, "a" * 64,
         "a" * 65,
         "b" * 119, "c" * 1000, "é" * 40, "quote \" back \\ slash \n new line \u2028", "x\u0000y\u001fz\u007f"]


def test_sha256_gives_pythons_digest(run_js):
    answers = run_js([["sha256", [text]] for text in TEXTS])
    assert [answer["ok"] for answer in answers] == [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in TEXTS]


CANONICAL_VALUES = [
    None, True, False, 0, -0.0, 1, -7, 1.0, 1.5, 0.1, 1e-7, 1e-6, 123456789012345680000.0, 1e21, 1e16, 2 ** 53,
    5e-324, 1.7976931348623157e308, -2.5e-10, "", "plain", "é \u2028 \u2029 \U0001F600 \t\n\r\b\f\u0001 \u007f \"\\/",
    [], {}, [1, [2, [3, {}]]], {"b": 1, "a": 2, "é": 3, "\U0001F600": 4, "\uffff": 5, "B": 6, "": 7},
    {"nested": {"z": [None, True, "x"], "a": {"k": -1.25}}}, sample_record().content(),
]


def test_canonical_json_is_the_same_text(run_js):
    answers = run_js([["canonical", [value]] for value in CANONICAL_VALUES])
    assert [answer.get("ok") for answer in answers] == [canonical_json(value) for value in CANONICAL_VALUES]


def nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def test_canonical_json_refuses_what_python_refuses_with_the_same_reason(run_js):
    refused = [nested(33), {"a": nested(32)}, "\ud800", {"\udc00": 1}, ["x\ud83d"]]
    answers = run_js([["canonical", [value]] for value in refused])
    for value, answer in zip(refused, answers):
        with pytest.raises(NotCanonical) as raised:
            canonical_json(value)
        assert answer.get("error") == str(raised.value)
    assert run_js([["canonical", [nested(32)]]])[0]["ok"] == canonical_json(nested(32))


def random_record(rng: random.Random) -> ProgressRecord:
    """A record over a few shared ids, with times in several offsets and answers of several shapes."""
    def time() -> str:
        return rng.choice(["2025-01-27T09:3{}:00.000Z", "2025-01-27T10:3{}:00.000+01:00",
                           "2025-01-27T04:3{}:00.123456-05:00"]).format(rng.randint(0, 3))
    answers = [None, "a", "b", 5.6, ["x", "y"], {"q": "trust"}, "\U0001F600", True]
    exercises = {name: ExerciseState(rng.choice(answers), rng.randint(0, 3), rng.choice([None, True, False]),
                                     rng.random() < 0.5, time(), time())
                 for name in rng.sample(["cost-total", "who-said-it", "a1", "b2"], rng.randint(0, 4))}
    return ProgressRecord(kit_version=rng.choice(["0.1.0", "0.2.0", "unknown"]), exported_at=time(),
                          exercises=exercises, learner=rng.choice([None, "", "Ada", "Grace"]))


def test_a_file_written_in_the_browser_has_the_bytes_python_writes(run_js):
    rng = random.Random(16)
    records = [sample_record(), *(random_record(rng) for _ in range(30))]
    answers = run_js([["toJson", [record.content()]] for record in records])
    assert [answer.get("ok") for answer in answers] == [to_json(record) for record in records]
    for answer in answers:
        read_progress(answer["ok"])


def test_merging_in_the_browser_gives_pythons_record(run_js):
    rng = random.Random(61)
    pairs = [(random_record(rng), random_record(rng)) for _ in range(150)]
    answers = run_js([["merge", [first.content(), second.content()]] for first, second in pairs])
    for (first, second), answer in zip(pairs, answers):
        assert answer.get("ok") == merge(first, second).content(), (first, second)


def python_reading(text) -> dict:
    try:
        return {"ok": read_progress(text).content()}
    except ProgressError as error:
        return {"error": str(error), "progress": True}


INVALID_JSON = "The file is not a progress file: it is not valid JSON ("


#: Refusals that come from Python's own limits (its parser's recursion, its longest whole number), not from the
#: format: the browser parses such files and refuses them for what it then finds.
PYTHON_LIMITS = ("it nests too deeply", "integer string conversion")


def same_reading(in_python: dict, in_browser: dict) -> bool:
    """The same record, or the same refusal (where JSON is invalid, the parsers' own words differ)."""
    message = in_python.get("error", "")
    if any(limit in message for limit in PYTHON_LIMITS):
        return in_browser.get("progress") is True
    if message.startswith(INVALID_JSON):
        return in_browser.get("error", "").startswith(INVALID_JSON) and in_browser["progress"]
    return in_python == in_browser


def edited(change) -> str:
    content = copy.deepcopy(GOOD)
    change(content)
    return json.dumps(content, ensure_ascii=False)


READ_CASES = [
    to_json(sample_record()),
    to_json(sample_record()).encode("utf-8"),
    json.dumps(GOOD, ensure_ascii=True),
    b"\xef\xbb\xbf" + to_json(sample_record()).encode("utf-8"),
    edited(lambda c: c["exercises"]["cost-total"].update(attempts=1)),
    edited(lambda c: c.update(learner="Ada L.")),
    edited(lambda c: c.update(schema_version=2)),
    edited(lambda c: c.update(exported_at="2025-02-30T10:00:00.000Z")),
    edited(lambda c: c.update(exported_at="2025-02-03T24:00:00.000Z")),
    edited(lambda c: c.update(exported_at="2025-02-03T10:00:00.000+24:00")),
    *(text for text, _message in FILE_PROBLEMS),
    *(signed({key: value for key, value in content.items() if key != "checksum"}) for content in SAMPLES),
    *HOSTILE,
]


def test_reading_a_file_gives_pythons_record_or_pythons_message(run_js):
    answers = run_js([["read", [as_argument(case)]] for case in READ_CASES])
    mismatches = [(repr(case)[:120], python_reading(case), answer)
                  for case, answer in zip(READ_CASES, answers) if not same_reading(python_reading(case), answer)]
    assert mismatches == []
    messages = [answer.get("error", "") for answer in answers]
    assert any("edited by hand" in message for message in messages)
    assert any("update the kit" in message for message in messages)
    assert any("is not a real date and time" in message for message in messages)
    assert sum("ok" in answer for answer in answers) >= 5
