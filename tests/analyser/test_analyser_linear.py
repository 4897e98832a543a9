"""The analyser is linear in its input and bounded in its output, whatever the text (the reliability review).

The inputs are small, but each would blow up if a stage were quadratic: a run of 100,000 full stops, two
thousand figures in one sentence, 200 KB of lower-cased news on one line. Nothing here measures time: the
tests check that each input finishes with strict JSON at most :data:`OUTPUT_FACTOR` times its length, and
count the work the sentence splitter does. ``benchmarks/`` holds the timings.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solutions import article_ids, article_text
from solutions.analyser import sentences
from solutions.analyser.analysis import analyze_text
from solutions.analyser.figures import CONTEXT_FIGURES, CONTEXT_LIMIT, CONTEXT_REACH, find_figures
from solutions.analyser.sentences import sentence_spans

#: The analyser's JSON is at most this many times the length of each of the review's reproductions.
OUTPUT_FACTOR = 40
#: For any text at all, the bound is larger: a figure can take as little as three characters ("5% ") and
#: its JSON entry about 150, and a sentence of up to 400 characters is repeated for up to eight figures.
ANY_TEXT_FACTOR = 100


def lower_case_news_on_one_line(size: int) -> str:
    """The seed articles lower-cased and joined into one line, repeated to ``size`` characters."""
    line = " ".join(" ".join(article_text(article_id).lower().split()) for article_id in article_ids())
    return ((line + " ") * (size // len(line) + 1))[:size]


REPRODUCTIONS = {
    "two thousand figures in one sentence": lambda: "it cost $5 million and " * 2000,
    "a run of full stops": lambda: "." * 100_000,
    "a run of exclamation marks": lambda: "!" * 100_000,
    "a run of question marks": lambda: "?" * 100_000,
    "runs of mixed marks and quotes": lambda: ('.!?"\u201d)' * 20_000) + " x",
    "5,000 digits": lambda: "1" * 5000,
    "4,301 digits after a dollar sign": lambda: "$" + "1" * 4301,
    "a value too large for a float": lambda: "The deal was worth $" + "9" * 400 + " million.",
    "figures without sentence ends": lambda: "5% 2,048 GPUs $6 million " * 4000,
    "lower-case news on one line": lambda: lower_case_news_on_one_line(200_000),
    "emoji and right-to-left text": lambda: ("\U0001F680 \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd "
                                             "$5 million \u202e ") * 5000,
}


def strict_json(result: dict) -> str:
    """The result as JSON that strict parsers accept (no NaN or Infinity); checked by reading it back."""
    encoded = json.dumps(result, allow_nan=False)
    json.loads(encoded, parse_constant=lambda name: pytest.fail(f"non-standard JSON constant {name}"))
    return encoded


@pytest.mark.parametrize("name", REPRODUCTIONS)
def test_each_reproduction_finishes_with_small_strict_json(name):
    text = REPRODUCTIONS[name]()
    encoded = strict_json(analyze_text(text))
    assert len(encoded) <= OUTPUT_FACTOR * len(text)


def test_a_value_too_large_is_null_and_the_figure_is_still_listed():
    text = "The deal was worth $" + "9" * 400 + " million."
    [figure] = analyze_text(text)["figures"]
    assert figure["value"] is None and figure["value_high"] is None
    assert (figure["unit"], figure["kind"], figure["start"]) == ("USD", "other", 19)
    assert text[figure["start"]:figure["end"]] == figure["text"] == "$" + "9" * 400 + " million"


def test_a_million_digits_read_as_too_large_not_as_an_error():
    [figure] = find_figures("It cost $" + "9" * 1_000_001 + ".")
    assert figure["value"] is None and figure["unit"] == "USD"


def test_a_long_sentence_gives_each_figure_a_window_and_a_short_one_stays_whole():
    text = "it cost $5 million and " * 100
    figures = find_figures(text)
    assert len(figures) == 100
    assert figures[50]["sentence"] == "\u2026$5 million and it cost $5 million and it cost $5 million\u2026"
    assert figures[0]["sentence"].startswith("it cost $5 million") and figures[-1]["sentence"].endswith("and")
    short = "Nvidia fell 17% and lost $589 billion, while the Nasdaq fell 3.1% and rivals lost 4%."
    assert [figure["sentence"] for figure in find_figures(short)] == [short] * 4


def test_a_sparse_long_sentence_keeps_the_reach_either_side_cut_at_words():
    filler = "and the old regime of scaling " * 20
    text = filler + "it cost $5 million " + filler
    [figure] = find_figures(text)
    context = figure["sentence"]
    assert context.startswith("\u2026") and context.endswith("\u2026") and "it cost $5 million" in context
    assert len(context) <= 2 + len("$5 million") + 2 * CONTEXT_REACH
    assert context[1] != " " and context[-2] != " " and context[1:-1] in text
    assert text[text.index(context[1:-1]) - 1] == " "  # the window starts at a whole word


def test_a_short_sentence_with_many_figures_gives_windows():
    text = "Sales rose " + ", ".join(f"{n}%" for n in range(1, CONTEXT_FIGURES + 2)) + "."
    assert len(text) <= CONTEXT_LIMIT
    contexts = [figure["sentence"] for figure in find_figures(text)]
    assert len(contexts) == CONTEXT_FIGURES + 1 and contexts[1] == "\u20261%, 2%, 3%\u2026"
    fewer = "Sales rose " + ", ".join(f"{n}%" for n in range(1, CONTEXT_FIGURES + 1)) + "."
    assert {figure["sentence"] for figure in find_figures(fewer)} == {fewer}


# --- the sentence splitter: work proportional to the text ---------------------------------------------------

class CountingPattern:
    """Wraps a compiled pattern: counts the matches it yields and the characters they cover."""

    def __init__(self, pattern: re.Pattern):
        self.pattern, self.matches, self.covered = pattern, 0, 0

    def finditer(self, text, *bounds):
        for match in self.pattern.finditer(text, *bounds):
            self.matches += 1
            self.covered += match.end() - match.start()
            yield match


@pytest.fixture
def counted(monkeypatch):
    breaks = CountingPattern(sentences.SENTENCE_BREAK)
    monkeypatch.setattr(sentences, "SENTENCE_BREAK", breaks)
    return breaks


@pytest.mark.parametrize("mark", [".", "!", "?"])
@pytest.mark.parametrize("size", [1_000, 10_000, 100_000])
def test_a_run_of_marks_is_taken_whole_once(counted, mark, size):
    assert sentence_spans(mark * size + "\nNext") == [(0, size), (size + 1, size + 5)]
    assert (counted.matches, counted.covered) == (2, size + 1)  # the whole run in one match, then the line break


@pytest.mark.parametrize("size", [1_000, 10_000])
def test_a_run_that_ends_no_sentence_yields_nothing_and_each_end_yields_one_match(counted, size):
    assert sentence_spans("." * size + " x") == [(0, size + 2)] and counted.matches == 0
    assert len(sentence_spans("It is. " * size)) == size and counted.matches == size - 1  # the last has no next


def test_a_mark_after_a_mark_never_starts_a_match():
    """The look-behind that keeps a run from being read again from each of its marks."""
    assert sentences.SENTENCE_BREAK.match("..  A", 1) is None and sentences.SENTENCE_BREAK.match("..  A", 0).end() == 2
    assert sentences.SENTENCE_BREAK.match("?!\"  A", 1) is None


_CLOSERS = "\"'\u201d\u2019)]"
_OPENERS = "\"'\u201c\u2018(["
_STARTS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$£€"


def reference_spans(text: str) -> list[tuple[int, int]]:
    """The splitting rule of :mod:`solutions.analyser.sentences`, written as a plain loop over the characters."""
    spans, start, index = [], 0, 0

    def add(first: int, last: int) -> None:
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if last > first:
            spans.append((first, last))

    while index < len(text):
        if text[index] == "\n":
            after = _skip(text, index, "\n".__contains__)
            add(start, index)
            start = index = after
        elif text[index] in ".!?":
            after_marks = _skip(text, index, ".!?".__contains__)
            after_closers = _skip(text, after_marks, _CLOSERS.__contains__)
            after_space = _skip(text, after_closers, str.isspace)
            following = text[after_space:after_space + 2]
            starts_next = following[:1] in tuple(_STARTS) or (
                following[:1] in tuple(_OPENERS) and following[1:] in tuple(_STARTS))
            if after_space > after_closers and starts_next and not _abbreviation_before(text, index):
                add(start, after_closers)
                start = after_closers
            index = after_marks
        else:
            index += 1
    add(start, len(text))
    return spans


def _skip(text: str, index: int, belongs) -> int:
    while index < len(text) and belongs(text[index]):
        index += 1
    return index


def _abbreviation_before(text: str, full_stop: int) -> bool:
    if text[full_stop] != ".":
        return False
    first = full_stop
    while first > max(0, full_stop - 12) and (text[first - 1].isascii() and text[first - 1].isalpha()
                                              or text[first - 1] == "."):
        first -= 1
    word = text[first:full_stop]
    return bool(word) and word.casefold().strip(".") in sentences.ABBREVIATIONS


SENTENCE_PIECES = st.sampled_from([
    ".", "..", "!", "?", "?!", "\n", "\n\n", " ", "  ", "\t", "\u00a0", "\u2028", '"', "'", "\u201c", "\u201d",
    "\u2018", "\u2019", "(", ")", "[", "]", "A", "Z", "q", "x", "7", "$", "£", "€", "U.S.", "Mr.", "e.g.",
    "approx.", "No. 1", "\U0001F600", "\u0645\u0631", "\u05e9\u05dc", "\u00c9", "a.", "The end. Next",
])


@pytest.mark.slow  # 1,500 examples
@settings(max_examples=1500, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=40).map("".join) | st.text(max_size=80))
def test_sentence_spans_follow_the_rule_exactly(text):
    assert sentence_spans(text) == reference_spans(text)


# --- figures on any text ------------------------------------------------------------------------------------

FIGURE_PIECES = st.sampled_from([
    "$5.6 million", "5%", " 2,048 GPUs", "17 per cent", "1.6 million times", " downloaded", " shares", " cost",
    " invest", " market", " app", "Fifty thousand", " to ", "-", " and ", " it ", " ", "  ", ".", ". ", "!", "\n",
    "The", " the global AI market", "9" * 12, "1" * 400, "$" + "9" * 330, "\U0001F600",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u202e", "\x01", '"', "\u201c", "lower case words and more words ", "Fifty", "[4]", "No. 1", "U.S.",
])
FIGURE_TEXTS = st.one_of(
    st.lists(FIGURE_PIECES, max_size=120).map("".join),
    st.tuples(st.lists(FIGURE_PIECES, max_size=30).map("".join), st.integers(1, 40))
    .map(lambda pair: pair[0] * pair[1]),
    st.text(max_size=300),
)


@settings(max_examples=300, deadline=None)
@given(FIGURE_TEXTS)
def test_figures_have_exact_offsets_bounded_context_and_finite_values(text):
    for figure in find_figures(text):
        assert text[figure["start"]:figure["end"]] == figure["text"]
        assert len(figure["sentence"]) <= max(CONTEXT_LIMIT, len(figure["text"]) + 2 * CONTEXT_REACH + 2)
        assert figure["text"] in figure["sentence"] or "\n" in figure["text"]
        for key in ("value", "value_high"):
            assert figure[key] is None or math.isfinite(figure[key])


@settings(max_examples=200, deadline=None)
@given(FIGURE_TEXTS)
def test_any_text_gives_strict_json_of_bounded_size(text):
    encoded = strict_json(analyze_text(text))
    assert len(encoded) <= ANY_TEXT_FACTOR * len(text) + 200
