"""Exercise types and their Python checkers.

Each exercise is a frozen dataclass built by a function in a chapter module, which computes its
correct answer from :mod:`solutions` when it is called. ``check(answer)`` never raises: any input
gives a :class:`Feedback`. ``spec()`` is the JSON the static quiz script needs to give exactly the
same feedback without a kernel (``static/kit-quiz.js`` mirrors every ``check`` here).
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .number_input import MESSAGES as NUMBER_MESSAGES
from .number_input import MONTHS, SCALES, parse_day_answer, parse_number_answer

MESSAGES = {
    **NUMBER_MESSAGES,
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "choose_one": "Choose one of the options, then press Check.",
    "choose_some": "Tick at least one option, then press Check.",
    "unknown_option": "That option is not part of this question. Choose from the list.",
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
REFLECTION_LIMIT = 2000
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
        return {"id": self.id, "kind": self.kind, "messages": MESSAGES, **self._spec()}

    def _spec(self) -> dict:
        return {}


def _short(option: Option) -> str:
    """An option's short name for feedback ("conflated"), or its label."""
    return option.short or option.label


def _option(options: tuple[Option, ...], key: str) -> Option | None:
    return next((option for option in options if option.key == key), None)


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
        if not isinstance(answer, (list, tuple, set, frozenset)) or not all(isinstance(a, str) for a in answer):
            return Feedback("invalid", MESSAGES["choose_some"])
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
        chosen = {row.key: answer.get(row.key) for row in self.rows}
        left = sum(1 for value in chosen.values() if not isinstance(value, str) or value == "")
        if left:
            return Feedback("invalid", MESSAGES["rows_left"].format(left=left))
        if any(_option(self.options, value) is None for value in chosen.values()):
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
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;")


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
        if not isinstance(answer, str) or not answer.strip(" \t\n\r\f\v\u00a0"):
            return Feedback("invalid", MESSAGES["reflection_empty"])
        if len(answer) > REFLECTION_LIMIT:
            return Feedback("invalid", MESSAGES["reflection_too_long"].format(limit=f"{REFLECTION_LIMIT:,}"))
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


@dataclass(frozen=True)
class CodeExercise(Exercise):
    """Write a function in a notebook cell; it is run against the solution function on many cases."""

    function_name: str = ""
    signature: str = ""
    reference: Callable[..., Any] | None = None
    cases: tuple[tuple, ...] = ()
    tolerance: float = 1e-6
    kind: ClassVar[str] = "code"

    def check(self, answer: Any) -> Feedback:
        return check_function(self, answer)

    def correct_answer(self) -> Callable[..., Any]:
        return self.reference

    def answer_text(self) -> str:
        return f"A function like solutions.{self.reference.__module__.split('.')[-1]}.{self.reference.__name__}"

    def solution_source(self) -> str:
        return inspect.getsource(self.reference)

    def _spec(self) -> dict:
        return {"function_name": self.function_name}


def check_function(exercise: CodeExercise, function: Any, shown: int = 3) -> Feedback:
    """Run ``function`` on every case and compare with the reference; report the first few failures."""
    if not callable(function):
        return Feedback("invalid", f"Define a function called {exercise.function_name} first, then check it.")
    failures = []
    for case in exercise.cases:
        expected = exercise.reference(*case)
        call = f"{exercise.function_name}({', '.join(_show(a) for a in case)})"
        try:
            got = function(*case)
        except Exception as error:  # noqa: BLE001 - any error in learner code is feedback
            failures.append(f"{call} stopped with {type(error).__name__}: {error}")
            continue
        if not _close(got, expected, exercise.tolerance):
            failures.append(f"{call} returned {_show_result(got)}; expected {_show_result(expected)}")
    if not failures:
        return Feedback("correct", f"Correct: your function agrees with the solution on all {len(exercise.cases)} cases.")
    message = f"Your function disagrees with the solution on {len(failures)} of {len(exercise.cases)} cases."
    return Feedback("incorrect", message, tuple(failures[:shown]))


def _close(got: Any, expected: Any, tolerance: float) -> bool:
    try:
        return math.isclose(float(got), float(expected), rel_tol=tolerance, abs_tol=tolerance)
    except (TypeError, ValueError, OverflowError):
        return False


def _show(value: Any) -> str:
    """A value as Python would write it, shortened: arguments in a failing call."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _show_result(value: Any) -> str:
    """A result for people: 56.72, 1,361, or the value's repr when it is not a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return _show(value)


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
