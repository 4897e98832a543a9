"""Hostile text through the analyser: every family of ``benchmarks/adversarial_corpus.py`` at 100 kB, and
random text from hypothesis, finishes with output that is bounded, exact and strict JSON.

The three properties of every result of :func:`solutions.analyser.analysis.analyze_text`:

1. **Bounded.** ``len(json.dumps(result, allow_nan=False))`` is at most ``OUTPUT_FACTOR`` times the input's
   size in UTF-8 bytes, plus the size of the empty result and of one find (``ONE_FIND_BYTES``: "0%" alone is a
   figure). ``OUTPUT_FACTOR`` is 100. The densest output of
   one section today is about 49 bytes of JSON per input byte: hype phrases on a short exclamation every
   three bytes (``"A! "`` repeated, each find carrying its rationale); figures reach about 12 (a figure every
   few bytes, each with its bounded context), quotes about 8 (``"Yes," he said.`` repeated) and vague
   attributions about 5. The factor leaves room for sections adding up on the same words, while output
   growing with the square of the input (a copy of a long sentence per figure) breaks it at once.
2. **Exact.** Every item's ``text[start:end]`` is its ``text`` field (``quote`` for quotes, and a quote's
   ``attribution`` span too).
3. **Strict JSON.** ``json.dumps(result, allow_nan=False)`` succeeds (no NaN or Infinity), a strict parser
   (``json.loads`` with ``parse_constant`` refusing ``NaN``/``Infinity``) reads it back, and it dumps again
   unchanged.

Each family runs in a Python process apart from the tests' (one per test worker, started once, so that the imports
and the analyser's tables load once, not once per family), under a generous hang guard (``HANG_GUARD`` seconds: a
guard against an algorithm gone quadratic, not a measurement; every family finishes in a few seconds). A family
that hangs or crashes the process fails, and the next family starts a new one. Timing is
``benchmarks/analyze_scaling.py``'s job; its smoke test is here, like the throughput benchmark's in
``test_benchmarks.py``.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.paths import REPO_ROOT
from solutions.analyser.analysis import SECTIONS, analyze_text

BENCHMARKS = REPO_ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from adversarial_corpus import families  # noqa: E402

#: Output JSON bytes allowed per input byte (see the module docstring for why 100).
OUTPUT_FACTOR = 100
#: The JSON of the result for an empty text: the allowance for texts too short to find anything in.
EMPTY_RESULT_BYTES = len(json.dumps(analyze_text(""), allow_nan=False))
#: The JSON of one find's keys, check note and rationale (a few hundred bytes; "0%" gives 215): a text of two bytes
#: can already hold one find, which the factor alone does not allow for.
ONE_FIND_BYTES = 1_000
#: Size of each family's text, in UTF-8 bytes.
FAMILY_BYTES = 100_000
#: Seconds after which a family counts as hung (a guard, not a measurement).
HANG_GUARD = 60
#: The field holding each section's matched text.
TEXT_FIELD = {"figures": "text", "quotes": "quote", "vague_attributions": "text", "hype_phrases": "text"}


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not strict JSON")


def problems(text: str, result: dict) -> list[str]:
    """What is wrong with ``result`` for ``text``: offsets that miss the text, or JSON that is not strict."""
    found = []
    if not isinstance(result, dict) or list(result) != list(SECTIONS):
        return [f"the result's keys are {list(result) if isinstance(result, dict) else type(result)}"]
    try:
        dumped = json.dumps(result, allow_nan=False)
        if json.dumps(json.loads(dumped, parse_constant=_refuse_constant), allow_nan=False) != dumped:
            found.append("the JSON does not round-trip")
    except (TypeError, ValueError) as error:
        found.append(f"not strict JSON: {error}")
    for section in SECTIONS:
        for item in result[section]:
            spans = [(item, TEXT_FIELD[section])]
            if section == "quotes" and item.get("attribution") is not None:
                spans.append((item["attribution"], "text"))
            for span, field in spans:
                start, end = span.get("start"), span.get("end")
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)) or \
                        text[start:end] != span.get(field):
                    found.append(f"{section}: {field} {str(span.get(field))[:40]!r} is not text[{start}:{end}]")
    return found[:5]


def summarise(text: str) -> dict:
    """Analyse ``text`` and report its size, the output's size and :func:`problems` (run in the child process)."""
    result = analyze_text(text)
    return {"input_bytes": len(text.encode("utf-8", "surrogatepass")),
            "output_bytes": len(json.dumps(result, allow_nan=True, default=str)),
            "problems": problems(text, result)}


def output_allowance(input_bytes: int) -> int:
    return OUTPUT_FACTOR * input_bytes + EMPTY_RESULT_BYTES + ONE_FIND_BYTES


_CHILD = """
import json, sys
sys.path[:0] = sys.argv[1:]
from adversarial_corpus import families
from test_adversarial_inputs import summarise
corpus = families()
for request in sys.stdin:
    family, size = request.split()
    print(json.dumps(summarise(corpus[family](int(size)))), flush=True)
"""


class FamilyRunner:
    """A child Python process that analyses one family's text per request (see the module docstring)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.errors = tempfile.TemporaryFile(mode="w+")

    def summary(self, family: str, size: int) -> dict:
        """The child's :func:`summarise` of ``family`` at ``size`` bytes; fails the test when it takes longer than
        ``HANG_GUARD`` seconds or the child dies."""
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(REPO_ROOT / "tests" / "analyser"), str(REPO_ROOT / "tests"),
                 str(BENCHMARKS), str(REPO_ROOT)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, text=True, cwd=REPO_ROOT)
        self.process.stdin.write(f"{family} {size}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], HANG_GUARD)
        answer = self.process.stdout.readline() if ready else ""
        if not answer:
            self.stop()
            self.errors.seek(0)
            problem = f"did not finish within {HANG_GUARD} s" if not ready else "crashed the analysing process"
            pytest.fail(f"{family} at {size:,} bytes {problem}: {self.errors.read()[-2000:]}")
        return json.loads(answer)

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


@pytest.fixture(scope="module")
def family_runner():
    runner = FamilyRunner()
    yield runner
    runner.stop()
    runner.errors.close()


@pytest.mark.slow
@pytest.mark.parametrize("family", sorted(families()))
def test_every_family_finishes_with_bounded_exact_strict_output(family, family_runner):
    summary = family_runner.summary(family, FAMILY_BYTES)
    assert summary["problems"] == []
    assert summary["output_bytes"] <= output_allowance(summary["input_bytes"]), (
        f"{summary['output_bytes']:,} bytes of JSON for {summary['input_bytes']:,} bytes of text")


# --- random text --------------------------------------------------------------------------------------

_PIECES = [
    "DeepSeek", "Nvidia", "said", "says", "told", "according to", "reportedly", "experts say", "the company",
    "he", "Wang", "Sam Altman", "AMAZING", "game changer", "Revealed", "Wow!", "$5.6 million", "$", "17%",
    "2,048", "10,000 GPUs", "1.5bn", "\u00a3", "\u20ac3", "9" * 30, "per cent", "million", "billion", ".", "!",
    "?", "...", "\u2026", ",", ";", ":", "-", "\u2014", "\u2013", "(", ")", "[1]", '"', "'", "\u201c", "\u201d",
    "\u2018", "\u2019", "\n", "\n\n", "\r\n", "\t", " ", "  ", "\u00a0", "\ufeff", "\u202e", "\u2067", "\u0301",
    "\U0001F680", "\U0001F468\u200d\U0001F469", "\u6df1\u5ea6\u6c42\u7d22", "\u0627\u0644\u0630\u0643\u0627\u0621",
    "\u05e9\u05dc\u05d5\u05dd", "\x00", "\x85", "\ud800",
]
_ALPHABET = st.characters(codec=None, exclude_categories=())
random_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(_ALPHABET, max_size=6)), max_size=120).map(
    " ".join) | st.text(_ALPHABET, max_size=300)


@settings(max_examples=200, deadline=None)
@given(random_texts)
def test_output_stays_within_the_bound_on_random_text(text):
    result = analyze_text(text)
    size = len(json.dumps(result, allow_nan=False))
    assert size <= output_allowance(len(text.encode("utf-8", "surrogatepass")))


@settings(max_examples=200, deadline=None)
@given(random_texts)
def test_offsets_match_the_text_on_random_text(text):
    assert [problem for problem in problems(text, analyze_text(text)) if "JSON" not in problem] == []


@settings(max_examples=200, deadline=None)
@given(random_texts)
def test_json_round_trips_through_a_strict_parser_on_random_text(text):
    assert [problem for problem in problems(text, analyze_text(text)) if "JSON" in problem] == []


# --- the scripts --------------------------------------------------------------------------------------

def test_corpus_covers_the_review_reproductions_and_their_families():
    names = set(families())
    required = {f"run-{mark}" for mark in
                ("period", "exclamation", "question", "comma", "semicolon", "colon", "hyphen", "ellipsis")} | {
        "news", "digit-run", "figures-no-sentence-end", "huge-number", "quotes-straight", "quotes-curly",
        "quotes-single", "quotes-unbalanced", "quotes-apostrophe-runs", "lower-case-one-line-news",
        "mixed-scripts", "long-word", "many-short-lines"}
    assert required <= names
    assert families()["run-period"](100_000) == "." * 100_000  # the review's reproduction
    assert families()["figures-no-sentence-end"](46).startswith("it cost $5 million and ")
    assert families()["huge-number"](1000).startswith("The deal was worth $" + "9" * 400 + " million.")


@pytest.mark.parametrize("family", sorted(families()))
def test_each_family_is_deterministic_and_of_the_size_asked(family):
    make = families()[family]
    text = make(5000)
    assert text == make(5000) and text
    assert 2500 <= len(text.encode("utf-8")) <= 5000


@pytest.mark.slow
def test_corpus_script_writes_one_file_per_family_and_size(tmp_path):
    finished = subprocess.run([sys.executable, str(BENCHMARKS / "adversarial_corpus.py"), str(tmp_path),
                               "--sizes", "1K,2K", "--families", "run-period,news"],
                              capture_output=True, text=True, timeout=HANG_GUARD)
    assert finished.returncode == 0, finished.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "news-1000.txt", "news-2000.txt", "run-period-1000.txt", "run-period-2000.txt"]
    assert (tmp_path / "run-period-2000.txt").read_text(encoding="utf-8") == "." * 2000


@pytest.mark.slow
def test_scaling_benchmark_prints_a_table():
    finished = subprocess.run([sys.executable, str(BENCHMARKS / "analyze_scaling.py"), "--sizes", "1K,10K",
                               "--families", "news,quotes-apostrophe-runs", "--stages", "analyser,quotes",
                               "--budget", str(HANG_GUARD)],
                              capture_output=True, text=True, timeout=5 * HANG_GUARD)
    assert finished.returncode == 0, finished.stderr
    for expected in ("analyser:", "quotes:", "s @ 1 kB", "s @ 10 kB", "MB @ 10 kB", "t(10 kB)/t(1 kB)",
                     "cpu ratio <= 12", "news", "quotes-apostrophe-runs"):
        assert expected in finished.stdout
