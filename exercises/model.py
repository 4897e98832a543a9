"""Exercise types and their Python checkers.

Each exercise is a frozen dataclass built by a function in a chapter module, which computes its
correct answer from :mod:`solutions` when it is called. ``check(answer)`` never raises: any input
gives a :class:`Feedback`. ``spec()`` is the JSON the static quiz script needs to give exactly the
same feedback without a kernel (``static/kit-quiz.js`` mirrors every ``check`` here).

Every checker limits the size of what it reads before any other work (before trimming, lower-casing or
a regular expression), so any answer is checked in bounded time; the limits travel in the spec as
``limits`` and the script applies them in the same order:

- a typed number or day: at most ``number_input.MAX_INPUT_LENGTH`` (1,000) characters, then at most
  ``number_input.MAX_LENGTH`` (100) once trimmed;
- a reflection: at most ``REFLECTION_LIMIT`` (2,000) characters, counted before it is trimmed;
- a chosen option key: at most ``MAX_KEY_LENGTH`` (100) characters (longer text is no option);
- a list of ticked options or a dictionary of matched rows: at most ``MAX_CHOSEN_ITEMS`` (100) entries;
  an ordering must have exactly as many entries as the question has items.

The code exercise runs a learner's function, which may do anything: see :func:`check_function` for what
it survives (exceptions of every kind, endless loops, huge or strange results) and what it cannot.
"""

from __future__ import annotations

import inspect
import math
import re
import reprlib
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FunctionType
from typing import Any, ClassVar

from .number_input import MAX_INPUT_LENGTH, MAX_LENGTH, MONTHS, SCALES, parse_day_answer, parse_number_answer
from .number_input import MESSAGES as NUMBER_MESSAGES

MESSAGES = {
    **NUMBER_MESSAGES,
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "choose_one": "Choose one of the options, then press Check.",
    "choose_some": "Tick at least one option, then press Check.",
    "unknown_option": "That option is not part of this question. Choose from the list.",
    "too_many": "That answer has more entries than this question has options. Choose from the list.",
    "missed": "You missed: {label}. {feedback}",
    "wrongly_chosen": "Not this one: {label}. {feedback}",
    "some_right": "{right} of {total} choices are right.",
    "rows_left": "Choose an option for every row: {left} still empty.",
    "rows_right": "{right} of {total} rows are right.",
    "row_wrong": "{row}: {feedback}",
    "also_right": "{row}: “{option}” is right too. {feedback}",
    "either_way": "Either answer is fair for: {label}. {feedback}",
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
_SCALE_FACTORS = {1: "1,000", 2: "1,000,000", 3: "1,000,000,000"}


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
    """What every exercise has: a prompt, hints, an explanation and its sources."""

    id: str
    title: str
    prompt: str
    explanation: str
    sources: tuple[Source, ...]
    hints: tuple[str, ...] = ()
    kind: ClassVar[str] = "exercise"
    gradable: ClassVar[bool] = True

    def check(self, answer: Any) -> Feedback:
        raise NotImplementedError

    def correct_answer(self) -> Any:
        """The correct answer in the form ``check`` accepts."""
        raise NotImplementedError

    def answer_text(self) -> str:
        """The correct answer for people, as the answer key shows it."""
        raise NotImplementedError

    def spec(self) -> dict:
        """Everything the static quiz script needs, as JSON-ready data."""
        return {"id": self.id, "kind": self.kind, "messages": MESSAGES, "limits": LIMITS, **self._spec()}

    def _spec(self) -> dict:
        return {}


def _short(option: Option) -> str:
    """An option's short name for feedback ("conflated"), or its label."""
    return option.short or option.label


def _option(options: tuple[Option, ...], key: str) -> Option | None:
    return next((option for option in options if option.key == key), None)


def _too_long_for_a_key(text: str) -> bool:
    return len(text) > MAX_KEY_LENGTH


@dataclass(frozen=True)
class SingleChoice(Exercise):
    """Choose one option."""

    options: tuple[Option, ...] = ()
    correct: str = ""
    also: frozenset[str] = frozenset()  # other options the evidence also supports: accepted as right
    kind: ClassVar[str] = "single"

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, str) or answer == "":
            return Feedback("invalid", MESSAGES["choose_one"])
        if _too_long_for_a_key(answer):
            return Feedback("invalid", MESSAGES["unknown_option"])
        option = _option(self.options, answer)
        if option is None:
            return Feedback("invalid", MESSAGES["unknown_option"])
        verdict = "correct" if answer == self.correct or answer in self.also else "incorrect"
        return Feedback(verdict, MESSAGES[verdict], (option.feedback,) if option.feedback else ())

    def correct_answer(self) -> str:
        return self.correct

    def accepted_answers(self) -> list[str]:
        """Every answer ``check`` marks correct: the main one first."""
        return [self.correct] + [o.key for o in self.options if o.key in self.also and o.key != self.correct]

    def answer_text(self) -> str:
        main = _option(self.options, self.correct).label
        others = [o.label for o in self.options if o.key in self.also and o.key != self.correct]
        return main + (f" (also right: {'; '.join(others)})" if others else "")

    def _spec(self) -> dict:
        return {"options": [vars_(o) for o in self.options], "correct": self.correct,
                "also": [o.key for o in self.options if o.key in self.also]}


@dataclass(frozen=True)
class MultipleChoice(Exercise):
    """Tick all that apply; feedback names what was missed and what was wrongly ticked."""

    options: tuple[Option, ...] = ()
    correct: frozenset[str] = frozenset()
    either: frozenset[str] = frozenset()  # options the evidence does not settle: ticked or not, both are right
    kind: ClassVar[str] = "multiple"

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, (list, tuple, set, frozenset)):
            return Feedback("invalid", MESSAGES["choose_some"])
        if len(answer) > MAX_CHOSEN_ITEMS:
            return Feedback("invalid", MESSAGES["too_many"])
        if not all(isinstance(a, str) for a in answer):
            return Feedback("invalid", MESSAGES["choose_some"])
        if any(_too_long_for_a_key(a) for a in answer):
            return Feedback("invalid", MESSAGES["unknown_option"])
        chosen = set(answer)
        if not chosen:
            return Feedback("invalid", MESSAGES["choose_some"])
        if any(_option(self.options, key) is None for key in chosen):
            return Feedback("invalid", MESSAGES["unknown_option"])
        notes = tuple(MESSAGES["either_way"].format(label=o.label, feedback=o.feedback).strip()
                      for o in self.options if o.key in self.either)
        if chosen - self.either == self.correct - self.either:
            return Feedback("correct", MESSAGES["correct"], notes)
        details, right = [], 0
        for option in self.options:
            should, did = option.key in self.correct, option.key in chosen
            if should == did or option.key in self.either:
                right += 1
            elif should:
                details.append(MESSAGES["missed"].format(label=option.label, feedback=option.feedback).strip())
            else:
                details.append(MESSAGES["wrongly_chosen"].format(label=option.label, feedback=option.feedback).strip())
        message = MESSAGES["some_right"].format(right=right, total=len(self.options))
        return Feedback("incorrect", message, tuple(details))

    def correct_answer(self) -> list[str]:
        return [o.key for o in self.options if o.key in self.correct]

    def answer_text(self) -> str:
        ticked = "; ".join(o.label for o in self.options if o.key in self.correct and o.key not in self.either)
        either = "; ".join(o.label for o in self.options if o.key in self.either)
        return ticked + (f" (either way: {either})" if either else "")

    def _spec(self) -> dict:
        return {"options": [vars_(o) for o in self.options], "correct": self.correct_answer(),
                "either": [o.key for o in self.options if o.key in self.either]}


@dataclass(frozen=True)
class Trap:
    """A wrong number worth its own feedback (for example GPU-hours given instead of dollars)."""

    value: float
    tolerance: float
    feedback: str


@dataclass(frozen=True)
class NumberQuestion(Exercise):
    """Type a number; it is right within ``tolerance`` (absolute, in the answer's units)."""

    answer: float = 0.0
    tolerance: float = 0.0
    unit_words: tuple[str, ...] = ()
    display: str = ""  # the answer as people write it, for the answer key
    traps: tuple[Trap, ...] = ()
    correct_feedback: str = ""
    scale: float = 1.0  # the field's unit: 1e9 when the answer is asked "in billions"
    month: str = ""  # "2025-01" when the answer is a day of that month (read also when typed as a date)
    kind: ClassVar[str] = "number"

    def parse(self, answer: Any) -> tuple[float | None, str | None]:
        """The learner's answer as a number in the field's unit, or a message saying what to change."""
        if self.month:
            year, month = (int(part) for part in self.month.split("-"))
            return parse_day_answer(answer, year, month)
        return parse_number_answer(answer, self.unit_words, self.scale)

    def unit_label(self) -> str:
        """What the field is in, shown beside it: "days", "day of January 2025"."""
        if self.month:
            year, month = self.month.split("-")
            return f"day of {MONTHS[int(month) - 1].capitalize()} {year}"
        return self.unit_words[0] if self.unit_words else ""

    def check(self, answer: Any) -> Feedback:
        value, problem = self.parse(answer)
        if problem is not None:
            return Feedback("invalid", problem)
        if value < 0:
            return Feedback("invalid", MESSAGES["negative"])
        if abs(value - self.answer) <= self.tolerance:
            return Feedback("correct", MESSAGES["correct"], (self.correct_feedback,) if self.correct_feedback else ())
        if self.scale != 1 and abs(value / self.scale - self.answer) <= self.tolerance:  # the amount written out
            return Feedback("correct", MESSAGES["correct"],
                            (MESSAGES["full_amount"].format(unit=self.unit_label()),
                             *((self.correct_feedback,) if self.correct_feedback else ())))
        for trap in self.traps:
            if abs(value - trap.value) <= trap.tolerance:
                return Feedback("incorrect", MESSAGES["incorrect"], (trap.feedback,))
        for power in (1, 2, 3):
            factor = 1000.0 ** power
            if abs(value - self.answer * factor) <= self.tolerance * factor:
                return Feedback("incorrect", MESSAGES["scale_high"].format(factor=_SCALE_FACTORS[power]))
            if abs(value - self.answer / factor) <= self.tolerance / factor:
                return Feedback("incorrect", MESSAGES["scale_low"].format(factor=_SCALE_FACTORS[power]))
        return Feedback("incorrect", MESSAGES["too_high" if value > self.answer else "too_low"])

    def correct_answer(self) -> str:
        return f"{self.answer:.10f}".rstrip("0").rstrip(".")

    def answer_text(self) -> str:
        return self.display

    def _spec(self) -> dict:
        return {"answer": self.answer, "tolerance": self.tolerance, "unit_words": list(self.unit_words),
                "traps": [vars_(t) for t in self.traps], "correct_feedback": self.correct_feedback,
                "scales": SCALES, "scale": self.scale, "month": self.month, "months": MONTHS}


@dataclass(frozen=True)
class Matching(Exercise):
    """For each row, choose one of the options; ``row_feedback`` explains each row when it is wrong."""

    rows: tuple[Option, ...] = ()
    options: tuple[Option, ...] = ()
    correct: tuple[tuple[str, str], ...] = ()  # (row key, option key) pairs: the main answer of each row
    #: (row key, option key, why) triples: other answers the evidence supports, accepted as right; ``why``
    #: says why the main answer comes first.
    also: tuple[tuple[str, str, str], ...] = ()
    kind: ClassVar[str] = "matching"

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, dict):
            return Feedback("invalid", MESSAGES["rows_left"].format(left=len(self.rows)))
        if len(answer) > MAX_CHOSEN_ITEMS:
            return Feedback("invalid", MESSAGES["too_many"])
        chosen = {row.key: answer.get(row.key) for row in self.rows}
        left = sum(1 for value in chosen.values() if not isinstance(value, str) or value == "")
        if left:
            return Feedback("invalid", MESSAGES["rows_left"].format(left=left))
        if any(_too_long_for_a_key(value) or _option(self.options, value) is None for value in chosen.values()):
            return Feedback("invalid", MESSAGES["unknown_option"])
        correct = dict(self.correct)
        also = {(row, option): why for row, option, why in self.also}
        wrong = [row for row in self.rows
                 if chosen[row.key] != correct[row.key] and (row.key, chosen[row.key]) not in also]
        notes = tuple(MESSAGES["also_right"].format(row=row.short or row.label,
                                                    option=_short(_option(self.options, chosen[row.key])),
                                                    feedback=also[(row.key, chosen[row.key])]).strip()
                      for row in self.rows if (row.key, chosen[row.key]) in also)
        if not wrong:
            return Feedback("correct", MESSAGES["correct"], notes)
        message = MESSAGES["rows_right"].format(right=len(self.rows) - len(wrong), total=len(self.rows))
        details = tuple(MESSAGES["row_wrong"].format(row=row.short or row.label, feedback=row.feedback)
                        for row in wrong)
        return Feedback("incorrect", message, details + notes)

    def correct_answer(self) -> dict[str, str]:
        return dict(self.correct)

    def accepted(self, row_key: str) -> list[str]:
        """Every option ``check`` accepts for a row: the main answer first."""
        return [dict(self.correct)[row_key]] + [option for row, option, _ in self.also if row == row_key]

    def answer_text(self) -> str:
        def labels(row_key: str) -> str:
            main, *others = [_option(self.options, key).label for key in self.accepted(row_key)]
            return main + (f" (also right: {', '.join(others)})" if others else "")
        return "; ".join(f"{row.label}: {labels(row.key)}" for row in self.rows)

    def _spec(self) -> dict:
        return {"rows": [vars_(r) for r in self.rows], "options": [vars_(o) for o in self.options],
                "correct": dict(self.correct), "also": [list(triple) for triple in self.also]}


@dataclass(frozen=True)
class Ordering(Exercise):
    """Put the items in order; ``items`` are listed as shown, ``correct`` is the right order of keys."""

    items: tuple[Option, ...] = ()
    correct: tuple[str, ...] = ()
    kind: ClassVar[str] = "ordering"

    def check(self, answer: Any) -> Feedback:
        keys = [item.key for item in self.items]
        if (not isinstance(answer, (list, tuple)) or len(answer) != len(keys)
                or any(isinstance(a, str) and _too_long_for_a_key(a) for a in answer)
                or sorted(a if isinstance(a, str) else "" for a in answer) != sorted(keys)):
            return Feedback("invalid", MESSAGES["order_incomplete"])
        if list(answer) == list(self.correct):
            return Feedback("correct", MESSAGES["correct"])
        right = sum(1 for a, c in zip(answer, self.correct) if a == c)
        first = next(i for i, (a, c) in enumerate(zip(answer, self.correct), start=1) if a != c)
        return Feedback("incorrect", MESSAGES["order_right"].format(right=right, total=len(keys)),
                        (MESSAGES["order_first_wrong"].format(position=first),))

    def correct_answer(self) -> list[str]:
        return list(self.correct)

    def answer_text(self) -> str:
        return " → ".join(_option(self.items, key).label for key in self.correct)

    def _spec(self) -> dict:
        return {"items": [vars_(i) for i in self.items], "correct": list(self.correct)}


@dataclass(frozen=True)
class Criterion:
    """One point of feedback on a reflection: met when the text contains any of ``any_of`` and none of ``none_of``."""

    label: str
    met: str
    unmet: str
    any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()

    def holds(self, text: str) -> bool:
        lowered = _ascii_lower(text)
        has_any = not self.any_of or any(phrase in lowered for phrase in self.any_of)
        return has_any and not any(phrase in lowered for phrase in self.none_of)

    def message(self, text: str) -> str:
        """``met`` or ``unmet``; ``{found}`` in ``unmet`` names the ``none_of`` phrases the text contains."""
        if self.holds(text):
            return self.met
        lowered = _ascii_lower(text)
        found = ", ".join(f"“{phrase}”" for phrase in self.none_of if phrase in lowered)
        return self.unmet.replace("{found}", found)


#: Words a rewrite need not keep from the original sentence (they carry no content of their own).
_FUNCTION_WORDS = frozenset("""a an the and or but of to in on at by for with from as is are was were be been being has have
had it its this that these those which who whom whose what when where how than then there their they them he she his her
we our you your not no all any some more most such very just also into over under about after before while can could
would should will may might must do does did so up out only""".split())
_KEY_LENGTH = 5
#: White space inside a tag, spelt out: Python's ``\s`` and JavaScript's differ (\x1c-\x1f, \x85, \ufeff).
_MARKUP_SPACE = "[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_MARKUP = re.compile(rf"<{_MARKUP_SPACE}*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;")


def _word_keys(text: str) -> list[str]:
    """Content words as comparison keys: ASCII letters and digits, lower case, 3+ characters, cut to 5."""
    words = re.findall(r"[a-z0-9]+", _apostrophes_folded(text))
    return [w[:_KEY_LENGTH] for w in words if len(w) >= 3 and w not in _FUNCTION_WORDS]


def content_keys(original: str) -> tuple[str, ...]:
    """The original sentence's content-word keys, in order, without repeats."""
    return tuple(dict.fromkeys(_word_keys(original)))


def content_examples(original: str, count: int = 3) -> str:
    """A few words a rewrite should keep (names and figures first): “DeepSeek”, “$6 million”."""
    figures = [f for f in re.findall(r"[$€£]?[0-9][0-9.,]*(?:\s(?:million|billion|trillion))?%?", original)
               if len(f.strip(".,")) >= 2]  # not the 1 of "No. 1"
    names = [m.group() for m in re.finditer(r"[A-Z][A-Za-z0-9-]+", original)
             if m.start() > 0 and not re.search(r"[.!?:]\s*[\"“‘']?\s*$", original[:m.start()])]
    picked = list(dict.fromkeys(t.strip(".,") for t in figures + names if t.strip(".,")))[:count]
    return ", ".join(f"“{word}”" for word in picked) or "its names and figures"


def looks_like_rewrite(text: str, keys: tuple[str, ...]) -> bool:
    """At least three words, and at least two (or all, if fewer) of the original's content keys."""
    words = re.findall(r"[a-z0-9]+", _apostrophes_folded(text))
    shared = set(_word_keys(text)) & set(keys)
    return len(words) >= 3 and len(shared) >= min(2, len(keys))


def _apostrophes_folded(text: str) -> str:
    return _ascii_lower(text).replace("\u2019", "'").replace("\u2018", "'")


def _is_word_character(character: str) -> bool:
    return "a" <= character <= "z" or "0" <= character <= "9"


def words_present(text: str, forms: tuple[str, ...]) -> list[str]:
    """The ``forms`` (lower-case phrases, longest first) found in ``text`` as whole words, in reading order.

    Letters are compared after ASCII lower-casing and curly apostrophes become ``'``; a form matches
    where the characters on either side are not ASCII letters or digits. A longer form claims its
    span first, so "sent shockwaves" hides the "shockwaves" inside it. ``static/kit-quiz.js`` mirrors this.
    """
    folded = _apostrophes_folded(text)
    claimed: list[tuple[int, int, str]] = []
    for form in forms:
        start = folded.find(form)
        while form and start >= 0:
            end = start + len(form)
            bounded = ((start == 0 or not _is_word_character(folded[start - 1]))
                       and (end == len(folded) or not _is_word_character(folded[end])))
            if bounded and not any(start < e and s < end for s, e, _ in claimed):
                claimed.append((start, end, form))
            start = folded.find(form, start + 1)
    seen: list[str] = []
    for _, _, form in sorted(claimed):
        if form not in seen:
            seen.append(form)
    return seen


@dataclass(frozen=True)
class Reflection(Exercise):
    """Free text, not graded: each criterion says what the learner's version already does or could do.

    With ``watch_words`` (loaded phrases, longest first) the feedback ends by listing those still present.
    """

    original: str = ""
    criteria: tuple[Criterion, ...] = ()
    model_answer: str = ""
    watch_words: tuple[str, ...] = ()
    kind: ClassVar[str] = "reflection"
    gradable: ClassVar[bool] = False

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, str):
            return Feedback("invalid", MESSAGES["reflection_empty"])
        if len(answer) > REFLECTION_LIMIT:  # first: nothing else reads more than the limit
            return Feedback("invalid", MESSAGES["reflection_too_long"].format(limit=f"{REFLECTION_LIMIT:,}"))
        if not answer.strip(" \t\n\r\f\v\u00a0"):
            return Feedback("invalid", MESSAGES["reflection_empty"])
        if _MARKUP.search(answer):
            return Feedback("invalid", MESSAGES["reflection_markup"])
        if not looks_like_rewrite(answer, content_keys(self.original)):
            return Feedback("invalid", MESSAGES["reflection_not_rewrite"].format(keep=content_examples(self.original)))
        details = tuple(c.message(answer) for c in self.criteria)
        if self.watch_words:
            left = words_present(answer, self.watch_words)
            details += ((MESSAGES["loaded_left"].format(words=", ".join(f'"{w}"' for w in left)) if left
                         else MESSAGES["loaded_none"]),)
        return Feedback("feedback", MESSAGES["reflection"], details)

    def correct_answer(self) -> str:
        return self.model_answer

    def answer_text(self) -> str:
        return self.model_answer

    def _spec(self) -> dict:
        return {"criteria": [vars_(c) for c in self.criteria], "limit": REFLECTION_LIMIT,
                "limit_text": f"{REFLECTION_LIMIT:,}", "watch_words": list(self.watch_words),
                "keys": list(content_keys(self.original)), "function_words": sorted(_FUNCTION_WORDS),
                "key_length": _KEY_LENGTH, "keep": content_examples(self.original)}


#: Seconds a learner's function may run on one case before checking stops (``CodeExercise.time_limit``).
TIME_LIMIT = 2.0
#: Bits of a whole-number result that is still compared and shown as a number (a float holds up to 1,024).
MAX_RESULT_BITS = 1000
#: Bits of a whole number shown digit by digit; a larger one is described by its number of digits.
_SHOWN_BITS = 64
#: Characters of an error message or a value shown in feedback.
_SHOWN_CHARACTERS = 200
#: Stack for the thread a learner's function runs in where no alarm signal can stop it (bytes; 0 keeps the default).
_THREAD_STACK = 16 * 1024 * 1024


@dataclass(frozen=True)
class CodeExercise(Exercise):
    """Write a function in a notebook cell; it is run against the solution function on many cases.

    ``time_limit`` is the seconds the learner's function may take on one case (see :func:`check_function`).
    """

    function_name: str = ""
    signature: str = ""
    #: The model solution "Show a solution" prints: plain Python that uses only names a learner can see in the
    #: notebook (a test runs it on its own and checks it with ``check``), never the kit's private helpers.
    solution: str = ""
    reference: Callable[..., Any] | None = None
    cases: tuple[tuple, ...] = ()
    tolerance: float = 1e-6
    time_limit: float = TIME_LIMIT
    kind: ClassVar[str] = "code"

    def check(self, answer: Any) -> Feedback:
        return check_function(self, answer)

    def correct_answer(self) -> Callable[..., Any]:
        return self.reference

    def answer_text(self) -> str:
        return f"A function like solutions.{self.reference.__module__.split('.')[-1]}.{self.reference.__name__}"

    def solution_source(self) -> str:
        return self.solution

    def _spec(self) -> dict:
        return {"function_name": self.function_name}


def check_function(exercise: CodeExercise, function: Any, shown: int = 3,
                   time_limit: float | None = None) -> Feedback:
    """Run ``function`` on every case and compare with the reference; report the first few failures.

    It never raises and the kernel survives, whatever the function does:

    - any exception it raises, ``SystemExit`` (``sys.exit()``) and ``GeneratorExit`` included, is feedback
      naming the call; ``RecursionError`` and ``MemoryError`` get their own sentences, and an exception whose
      ``str()`` raises is named by its type. After a ``MemoryError`` checking stops.
    - each call may take ``time_limit`` seconds (default: the exercise's ``time_limit``, 2 s); after that
      checking stops with a message. On Linux and macOS, in the main thread (where ipykernel runs widget
      callbacks), a one-shot ``SIGALRM`` timer raises a private ``BaseException`` inside the function.
      Elsewhere (Windows, another thread, or when a timer is already running) the function runs in a daemon
      thread that the checker waits for; on CPython the runaway thread is then asked to stop by an
      asynchronous exception, which takes effect at its next Python instruction.
    - a ``KeyboardInterrupt`` (a real Ctrl-C or interrupt of the kernel, or one the function raises; they
      cannot be told apart) stops checking at once with a message: the interrupt has done its job, the
      callback ends and the kernel is idle again. It is not re-raised, because an exception escaping a
      widget callback reaches only the kernel's log and leaves the learner without feedback.
    - results are reduced to plain values inside the time limit: numbers are compared as floats only when
      they fit one (whole numbers of up to ``MAX_RESULT_BITS`` bits; text is not a number), and shown through
      a bounded ``repr``; a result whose ``__float__``, ``__repr__``, ``__str__`` or ``__eq__`` raises or
      hangs is described by its type; a generator gets a sentence of its own.

    What no checker inside the kernel can stop: ``os._exit()`` and anything else that ends the process
    (a crash in C code, the operating system's out-of-memory killer); a function that catches
    ``BaseException`` and keeps looping, or that changes the ``SIGALRM`` handler or timer; and long work
    inside one C call (``10 ** 10 ** 9``), which the alarm interrupts only when the call returns. The
    thread fallback cannot stop a thread blocked in C either (it stops when the call returns), and where
    threads cannot start (a browser kernel) the function runs without a time limit.
    """
    problem = _not_a_learner_function(exercise, function)
    if problem:
        return Feedback("invalid", problem)
    limit = exercise.time_limit if time_limit is None else time_limit
    total = len(exercise.cases)
    failures: list[str] = []
    for number, case in enumerate(exercise.cases, start=1):
        expected = exercise.reference(*case)
        call = f"{exercise.function_name}({', '.join(_show(a) for a in case)})"
        outcome = _run_limited(lambda: _try_case(function, case), limit)
        if outcome.stop:
            stop = f"{call} {outcome.text}"
            return Feedback("incorrect", f"Checking stopped at case {number} of {total}.",
                            (*failures[:max(shown - 1, 0)], stop))
        if outcome.raised:
            failures.append(f"{call} {outcome.text}")
        elif not _close(outcome.number, expected, exercise.tolerance):
            failures.append(f"{call} returned {outcome.text}; expected {_show_result(expected)}")
    if not failures:
        return Feedback("correct", f"Correct: your function agrees with the solution on all {total} cases.")
    message = f"Your function disagrees with the solution on {len(failures)} of {total} cases."
    return Feedback("incorrect", message, tuple(failures[:shown]))


def _not_a_learner_function(exercise: CodeExercise, function: Any) -> str | None:
    """What to do when ``function`` is not a function the learner wrote (None when it may be one).

    Reads nothing of the learner's object but its type: ``callable`` and ``type`` run none of its code.
    """
    name = exercise.function_name
    run_it = (f"Write your {name} in the code cell below this exercise, run that cell (Shift+Enter), then press "
              "Check my function again.")
    if function is None:
        return f"There is no function called {name} yet. {run_it}"
    if not callable(function):
        return f"{name} is {_a_type(function)}, not a function. {run_it}"
    if type(function) is FunctionType and _module_of(function).startswith("exercises."):
        return f"{name} is still the kit's exercise of that name, not your function. {run_it}"
    return None


def _a_type(value: Any) -> str:
    """"text (a str)", "a number (an int)" or "an object of type X": never raises."""
    kind = type_name(value)
    described = {"str": "text (a str)", "int": "a number (an int)", "float": "a number (a float)"}
    return described.get(kind, f"an object of type {kind}")


def _module_of(function: FunctionType) -> str:
    module = function.__module__  # a plain function's attribute, which no code of the learner's computes
    return module if type(module) is str else ""


@dataclass(frozen=True)
class _Outcome:
    """One call of a learner's function in plain values (no object of the learner's survives it).

    ``number`` is the result as a float to compare (None when it is not a number), ``text`` the result
    as shown or what went wrong in words, ``raised`` whether the call failed, ``stop`` whether checking stops.
    """

    text: str
    number: float | None = None
    raised: bool = False
    stop: bool = False


class _TimeLimit(BaseException):
    """Raised inside a learner's function when its time is up: not an Exception, so ``except Exception`` lets it by."""


def _try_case(function: Callable[..., Any], case: tuple) -> _Outcome:
    """Call the learner's function once and describe what happened; only a time limit or an interrupt escapes."""
    try:
        result = function(*case)
    except (_TimeLimit, KeyboardInterrupt):
        raise
    except BaseException as error:  # noqa: BLE001 - SystemExit and any other error in learner code is feedback
        return _quietly(lambda: _failure(error), _Outcome("stopped with an exception that cannot be described.",
                                                          raised=True))
    # Even isinstance() can run a learner's code (a __class__ property), so all of this is guarded too.
    return _quietly(lambda: _Outcome(_show_result(result), number=_as_number(result)),
                    _Outcome("returned something that cannot be shown", raised=True))


def _failure(error: BaseException) -> _Outcome:
    return _Outcome(_describe_error(error), raised=True, stop=isinstance(error, MemoryError))


def _describe_error(error: BaseException) -> str:
    """What an exception from the learner's function means, as the rest of a sentence that names the call."""
    name = type_name(error)
    if isinstance(error, SystemExit):
        return f"tried to stop Python ({name}, which sys.exit() and exit() raise): return the result instead."
    if isinstance(error, RecursionError):
        return "called itself too many times (RecursionError): make sure it can return without calling itself."
    if isinstance(error, MemoryError):
        return "ran out of memory (MemoryError), so checking stopped there."
    message = _quietly(lambda: _cut(str(error)), None)
    if message is None:
        return f"stopped with {name} (its message cannot be shown)"
    return f"stopped with {name}: {message}" if message else f"stopped with {name}"


def _quietly(action: Callable[[], Any], fallback: Any) -> Any:
    """``action()``, or ``fallback`` when it raises anything but a time limit or an interrupt."""
    try:
        return action()
    except (_TimeLimit, KeyboardInterrupt):
        raise
    except BaseException:  # noqa: BLE001 - a learner's __float__, __repr__ or __str__ may raise anything
        return fallback


def type_name(value: Any) -> str:
    """The name of ``value``'s type, read past any metaclass, shortened: never raises."""
    try:
        return _cut(type.__dict__["__name__"].__get__(type(value)), 60)
    except BaseException:  # noqa: BLE001 - only a time limit or an interrupt could land here
        return "an unknown type"


def _cut(text: str, limit: int = _SHOWN_CHARACTERS) -> str:
    text = str.__str__(text)  # an exact str, whatever subclass a learner's __str__ returned
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _as_number(value: Any) -> float | None:
    """The result as a float to compare, or None: text, a whole number too large for a float, or no number."""
    if isinstance(value, (str, bytes, bytearray)):
        return None
    if isinstance(value, int) and int.bit_length(value) > MAX_RESULT_BITS:
        return None
    return _quietly(lambda: float(value), None)


def _close(got: float | None, expected: Any, tolerance: float) -> bool:
    if got is None:
        return False
    return math.isclose(got, float(expected), rel_tol=tolerance, abs_tol=tolerance)


class _ShortRepr(reprlib.Repr):
    """``reprlib``'s bounded repr, saying what an object is when its own ``__repr__`` fails."""

    def repr_instance(self, value: Any, level: int) -> str:  # noqa: ARG002 - reprlib's signature
        text = _quietly(lambda: str.__str__(repr(value)), None)
        if text is None:
            return f"an object of type {type_name(value)} that cannot be shown"
        return text if len(text) <= self.maxother else text[:self.maxother - 3] + "..."


_REPR = _ShortRepr()
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 60


def _show(value: Any) -> str:
    """A value as Python would write it, shortened (long containers and text are elided)."""
    text = _REPR.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _show_result(value: Any) -> str:
    """A result for people: 56.72, 1,361, the value's repr when it is not a number, or what it is."""
    return _quietly(lambda: _cut(_result_text(value)), f"an object of type {type_name(value)} that cannot be shown")


def _result_text(value: Any) -> str:
    if inspect.isgenerator(value):
        return "a generator, not a number (use return, not yield)"
    if isinstance(value, int) and not isinstance(value, bool) and int.bit_length(value) > _SHOWN_BITS:
        digits = int(int.bit_length(value) * math.log10(2)) + 1
        return f"a whole number with about {digits:,} digits"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            if abs(number) < 1e6:
                return f"{number:,.4g}"
            return f"{number:,.0f}" if abs(number) < 1e21 else f"{number:.4g}"
    return _show(value)


def _run_limited(action: Callable[[], _Outcome], seconds: float) -> _Outcome:
    """``action()`` (which calls the learner's function), stopped after ``seconds`` or by an interrupt."""
    seconds = max(seconds, 0.001)  # a timer of 0 would be no timer at all
    if _alarm_usable():
        return _run_with_alarm(action, seconds)
    return _run_in_thread(action, seconds)


def _too_slow(seconds: float) -> _Outcome:
    unit = "second" if seconds == 1 else "seconds"
    return _Outcome(f"was still running after {seconds:g} {unit}, so checking stopped there: "
                    "look for a loop that never ends.", raised=True, stop=True)


_INTERRUPTED = _Outcome("was interrupted (KeyboardInterrupt), so checking stopped there.", raised=True, stop=True)


def _alarm_usable() -> bool:
    """A ``SIGALRM`` timer can stop the function: Unix, the main thread, and no timer already running."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            and signal.getsignal(signal.SIGALRM) is not None)  # None: a handler from C, which could not be put back


def _run_with_alarm(action: Callable[[], _Outcome], seconds: float) -> _Outcome:
    """Run ``action`` under a one-shot ``SIGALRM`` timer whose handler raises ``_TimeLimit`` while armed."""
    armed = [True]

    def time_up(signum, frame):  # noqa: ARG001 - the signal module's signature
        if armed[0]:
            raise _TimeLimit

    try:
        previous = signal.signal(signal.SIGALRM, time_up)
    except (ValueError, OSError):  # not the main thread of the main interpreter after all
        return _run_in_thread(action, seconds)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return action()
        finally:
            _disarm(armed, previous)
    except _TimeLimit:
        return _too_slow(seconds)
    except KeyboardInterrupt:
        return _INTERRUPTED


def _disarm(armed: list[bool], previous: Any) -> None:
    """Stop the timer and put the previous handler back, even if the alarm or a Ctrl-C lands meanwhile."""
    interrupted = False
    while True:
        try:
            armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            break
        except _TimeLimit:  # the alarm went off just now: the clean-up starts again, and the alarm is spent
            continue
        except KeyboardInterrupt:  # finish the clean-up first, then pass the interrupt on
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt


def _run_in_thread(action: Callable[[], _Outcome], seconds: float) -> _Outcome:
    """Run ``action`` in a daemon thread and wait ``seconds`` for it; a runaway thread is asked to stop."""
    box: dict[str, Any] = {}
    lock = threading.Lock()

    def work() -> None:
        try:
            try:
                outcome = action()
            except _TimeLimit:
                outcome = _too_slow(seconds)
            except KeyboardInterrupt:
                outcome = _INTERRUPTED
            with lock:
                box["outcome"] = outcome
        except BaseException:  # noqa: BLE001, S110 - a stop request that arrived after the work was done
            pass

    worker = _start_thread(work)
    if worker is None:  # no threads here (a browser kernel): run without a time limit
        return _run_unlimited(action)
    try:
        worker.join(seconds)
    except KeyboardInterrupt:
        _stop_thread(worker, lock, box)
        return _INTERRUPTED
    if worker.is_alive():
        _stop_thread(worker, lock, box)
        return box.get("outcome", _too_slow(seconds))
    return box.get("outcome", _too_slow(seconds))


def _start_thread(work: Callable[[], None]) -> threading.Thread | None:
    """A started daemon thread with a large stack (deep recursion in C must not crash it), or None."""
    worker = threading.Thread(target=work, name="kit-learner-function", daemon=True)
    try:
        previous = threading.stack_size(_THREAD_STACK)
    except (ValueError, RuntimeError):  # the platform cannot set it: keep its default
        previous = None
    try:
        worker.start()
    except RuntimeError:
        return None
    finally:
        if previous is not None:
            threading.stack_size(previous)
    return worker


def _stop_thread(worker: threading.Thread, lock: threading.Lock, box: dict) -> None:
    """Ask a runaway thread to stop: CPython raises ``_TimeLimit`` in it at its next Python instruction."""
    try:
        import ctypes

        raise_in = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (ImportError, AttributeError):  # not CPython: the thread runs on, the kernel stays responsive
        return
    with lock:  # while the lock is held the thread cannot finish, so its id cannot belong to another thread
        if "outcome" not in box and worker.is_alive():
            raise_in(ctypes.c_ulong(worker.ident), ctypes.py_object(_TimeLimit))


def _run_unlimited(action: Callable[[], _Outcome]) -> _Outcome:
    try:
        return action()
    except KeyboardInterrupt:
        return _INTERRUPTED


def _ascii_lower(text: str) -> str:
    return text.translate({code: code + 32 for code in range(65, 91)})


def vars_(item: Any) -> dict:
    """A dataclass instance as a plain dict (for JSON)."""
    return {name: (list(value) if isinstance(value, tuple) else value)
            for name, value in vars(item).items()}


@dataclass(frozen=True)
class ChapterExercises:
    """The exercises of one chapter, in the order they appear."""

    chapter: str
    title: str
    build: tuple[Callable[[], Exercise], ...] = field(default_factory=tuple)

    def exercises(self) -> list[Exercise]:
        return [make() for make in self.build]
