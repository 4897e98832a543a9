"""What every exercise kind shares: the Exercise base class, Feedback, Source, Option, the messages and the limits.

Each kind (one module per kind in this package) is a frozen dataclass built by a function in a chapter module,
which computes its correct answer from :mod:`solutions` when it is called. ``check(answer)`` never raises: any
input gives a :class:`Feedback`. ``spec()`` is the JSON the static quiz script needs to give exactly the same
feedback without a kernel (each kind's script in ``static/quiz/kinds/`` mirrors its ``check``);
``schemas/<kind>.schema.json`` is that JSON's contract. A kind also draws its own inputs: ``static_inputs()`` for the static page and
``make_widgets()`` / ``read_widgets()`` / ``fill_widgets()`` for the live notebook; and it gives answers to try
(``sample_wrong_answers()`` and the like), which the tests try and a teacher's misconceptions page can list.

Every checker limits the size of what it reads before any other work (before trimming, lower-casing or
a regular expression), so any answer is checked in bounded time; the limits travel in the spec as
``limits`` and the script applies them in the same order:

- a typed number or day: at most ``number_parsing.MAX_INPUT_LENGTH`` (1,000) characters, then at most
  ``number_parsing.MAX_LENGTH`` (100) once trimmed;
- a reflection: at most ``REFLECTION_LIMIT`` (2,000) characters, counted before it is trimmed;
- a chosen option key: at most ``MAX_KEY_LENGTH`` (100) characters (longer text is no option);
- a list of ticked options or a dictionary of matched rows: at most ``MAX_CHOSEN_ITEMS`` (100) entries;
  an ordering must have exactly as many entries as the question has items.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from html import escape
from typing import Any, ClassVar

from .number_parsing import MAX_INPUT_LENGTH, MAX_LENGTH
from .number_parsing import MESSAGES as NUMBER_MESSAGES

MESSAGES = {
    **NUMBER_MESSAGES,
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "choose_one": "Choose one of the options, then press Check.",
    "choose_some": "Tick at least one option, then press Check.",
    "unknown_option": "That option is not part of this question. Choose from the list.",
    "too_many": "That answer has more entries than this question has options. Choose from the list.",
    "missed": "You missed: {label} {feedback}",
    "wrongly_chosen": "Not this one: {label} {feedback}",
    "some_right": "{right} of {total} choices are right.",
    "rows_left": "Choose an option for every row: {left} still empty.",
    "rows_right": "{right} of {total} rows are right.",
    "row_wrong": "{row}: {feedback}",
    "tally": "Your score: {score}. You chose “{option}” for {hits} of the {total} rows whose answer it is, and for {false_alarms} other rows; the score is the first count minus the second, over {total}, so choosing “{option}” for every row scores 0.",
    "also_right": "{row}: “{option}” is right too. {feedback}",
    "either_way": "Either answer is fair for: {label} {feedback}",
    "order_incomplete": "Put every item in exactly one place: some are missing or used twice.",
    "order_right": "{right} of {total} items are in the right place.",
    "order_first_wrong": "The first item out of place is at position {position}.",
    "full_amount": "That is the right amount written out in full; this field counts in {unit}, so the short form is enough.",
    "too_high": "Too high.",
    "too_low": "Too low.",
    "scale_high": "The digits look right, but your number is {factor} times too large: check thousand, million and billion.",
    "scale_low": "The digits look right, but your number is {factor} times too small: check thousand, million and billion.",
    "negative": "This quantity cannot be negative. Type a number of zero or more.",
    "reflection_empty": "Write your version first, then ask for feedback.",
    "reflection_markup": "Write your version as plain sentences: this looks like HTML or code, which the exercise does not read.",
    "reflection_not_rewrite": "This does not read as a version of the sentence yet. Keep what it reports (for example {keep}) and change how it says it.",
    "reflection_too_long": "Keep it under {limit} characters.",
    "reflection": "Feedback on your version (it is not graded):",
    "loaded_left": "Loaded wording in your version (from the kit's list): {words}.",
    "loaded_none": "None of the kit's loaded words are left in your version.",
}
#: Characters of a reflection, counted before anything else is done with it.
REFLECTION_LIMIT = 2000
#: Characters of a chosen option key (the longest key in the book has 32): longer text is no option.
MAX_KEY_LENGTH = 100
#: Entries in a list of ticked options or a dictionary of matched rows.
MAX_CHOSEN_ITEMS = 100
#: The limits as the static quiz script reads them from each exercise's spec.
LIMITS = {"input": MAX_INPUT_LENGTH, "number": MAX_LENGTH, "key": MAX_KEY_LENGTH, "items": MAX_CHOSEN_ITEMS}
#: A digit, 100,000 spaces and a letter: an answer that once took 20 s to refuse (see ``sample_refused_answers``).
PADDED_NUMBER = "1" + " " * 100_000 + "x"
#: A key longer than any option's: refused as no option, before it is compared with any.
LONG_KEY = "k" * (MAX_KEY_LENGTH + 1)
#: The JSON Schema of each kind's spec: ``<kind>.schema.json``, with ``common.schema.json`` for what all share.
SCHEMA_DIR = Path(__file__).with_name("schemas")


@dataclass(frozen=True)
class Feedback:
    """The result of checking an answer: ``verdict`` is correct, incorrect, invalid or feedback."""

    verdict: str
    message: str
    details: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"verdict": self.verdict, "message": self.message, "details": list(self.details)}


@dataclass(frozen=True)
class Source:
    """Where an answer comes from: a fact-sheet row, a numbered paragraph, or both."""

    fact: str | None = None
    article: str | None = None
    paragraph: int | None = None

    def fact_label(self) -> str:
        """"Fact COST-01: DeepSeek-V3 Technical Report (2024-12-27)", from the fact sheet."""
        from solutions import fact

        row = fact(self.fact)
        return f"Fact {self.fact}: {row['source_title']} ({row['source_date']})"

    def paragraph_label(self) -> str:
        return f"article {self.article} ¶{self.paragraph}"

    def label(self) -> str:
        parts = [self.fact_label()] if self.fact else []
        if self.article:
            parts.append(self.paragraph_label())
        return "; ".join(parts)


@dataclass(frozen=True)
class Option:
    """A choice, an item to order or a matching option: ``key`` is stable, ``label`` is shown."""

    key: str
    label: str
    feedback: str = ""
    short: str = ""  # a short name for feedback, such as "000 ¶8", when the label is a whole sentence


@dataclass(frozen=True)
class Exercise:
    """What every exercise has: a prompt, hints, an explanation and its sources.

    A kind sets ``kind`` (its name in the spec, the page and the registry) and may override the labels of its
    buttons and the methods below; ``runs_in_browser`` is False for a kind the static page cannot check.
    """

    id: str
    title: str
    prompt: str
    explanation: str
    sources: tuple[Source, ...]
    hints: tuple[str, ...] = ()
    kind: ClassVar[str] = "exercise"
    gradable: ClassVar[bool] = True
    runs_in_browser: ClassVar[bool] = True
    #: The Check button's label.
    check_label: ClassVar[str] = "Check"
    #: The labels of the button (or the static page's summary) that shows and hides the answer.
    reveal_label: ClassVar[str] = "Show answer"
    hide_label: ClassVar[str] = "Hide answer"

    def check(self, answer: Any) -> Feedback:
        raise NotImplementedError

    def correct_answer(self) -> Any:
        """The correct answer in the form ``check`` accepts."""
        raise NotImplementedError

    def answer_text(self) -> str:
        """The correct answer for people, as the answer key shows it."""
        raise NotImplementedError

    def answer_html(self) -> str:
        """The correct answer as shown when the learner asks for it (escaped HTML)."""
        return f"<p><strong>Answer:</strong> {escape(self.answer_text())}</p>"

    def spec(self) -> dict:
        """Everything the static quiz script needs, as JSON-ready data."""
        return {"id": self.id, "kind": self.kind, "messages": MESSAGES, "limits": LIMITS, **self.kind_spec()}

    def kind_spec(self) -> dict:
        """The spec's fields of this kind (after id, kind, messages and limits)."""
        return {}

    @classmethod
    def schema_path(cls) -> Path:
        """The JSON Schema file of this kind's spec."""
        return SCHEMA_DIR / f"{cls.kind}.schema.json"

    @classmethod
    def schema(cls) -> dict:
        """The JSON Schema (draft 2020-12) of this kind's spec; it refers to ``common.schema.json``."""
        return json.loads(cls.schema_path().read_text(encoding="utf-8"))

    def static_inputs(self) -> str:
        """The inputs of the static page's form, as escaped HTML (the kind's script in ``static/quiz/kinds/`` reads them)."""
        return ""

    def make_widgets(self) -> tuple[list, dict]:
        """The live widget's controls in reading order, and the controls that hold the answer by name."""
        return [], {}

    def read_widgets(self, inputs: dict) -> Any:
        """The learner's answer, read from the controls ``make_widgets`` made, in the form ``check`` takes."""
        return None

    def fill_widgets(self, inputs: dict, answer: Any) -> None:
        """Put an answer (in the form ``check`` takes) in the controls ``make_widgets`` made, as a learner would:
        the reverse of ``read_widgets``, as ``fill`` is of ``read`` in the kind's script."""

    # Answers to try, derived from the exercise itself. The tests try them on every exercise, in Python, in the
    # static quiz and in the live widget; a teacher's "misconceptions" page can list the wrong ones with the
    # feedback ``check`` gives each. A kind overrides those that apply to it; by default there are none.

    def sample_wrong_answers(self) -> list:
        """Wrong answers the checker recognises, in the form ``check`` takes: each is marked incorrect.

        Each stands for a mistake a learner makes (a wrong option, a wrong arrangement, a number just past the
        tolerance or a known trap); ``check(answer)`` gives the feedback the learner sees for it, which for the
        graded kinds names what is wrong. The first is the one to try when only one is wanted.
        """
        return []

    def accepted_alternatives(self) -> list:
        """Answers other than ``correct_answer()`` that the evidence also supports: ``check`` marks each correct."""
        return []

    def readable_variants(self) -> list[str]:
        """The right answer written the other ways people write it: ``check`` marks each correct."""
        return []

    def answers_at_tolerance(self) -> list[str]:
        """Answers at the very edges of what is accepted: ``check`` still marks each correct."""
        return []

    def recognised_mistakes(self) -> list[tuple[str, str]]:
        """The mistakes this exercise's checker recognises, as ``(what the learner did, what the feedback says)``:
        what a teacher listens for. Kinds whose feedback is the same for every wrong answer give none."""
        return []

    def sample_refused_answers(self) -> list:
        """Malformed answers (empty, the wrong type, unknown keys, oversized): ``check`` refuses each as invalid.

        Its message says what to change; none is a wrong answer, so none unfolds a hint.
        """
        return []


def short_name(option: Option) -> str:
    """An option's short name for feedback ("conflated"), or its label."""
    return option.short or option.label


#: What may close a sentence's last mark: a label such as “… chips.” ends a sentence already.
CLOSING_MARKS = "”’\")]"
SENTENCE_ENDS = ".?!…"


def as_sentence(label: str) -> str:
    """``label`` closed as a sentence for feedback: a full stop is added unless it already ends with one, or with a
    question or exclamation mark (before any closing quotation marks or brackets). Mirrored by quiz/core.js."""
    return label if label.rstrip(CLOSING_MARKS).endswith(tuple(SENTENCE_ENDS)) else label + "."


def option_by_key(options: tuple[Option, ...], key: str) -> Option | None:
    """The option whose key is ``key``, or None."""
    return next((option for option in options if option.key == key), None)


def too_long_for_a_key(text: str) -> bool:
    return len(text) > MAX_KEY_LENGTH


def vars_(item: Any) -> dict:
    """A dataclass instance as a plain dict (for JSON)."""
    return {name: (list(value) if isinstance(value, tuple) else value)
            for name, value in vars(item).items()}
