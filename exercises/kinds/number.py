"""The number kind: type a number (or a day of a month), right within a tolerance; traps catch known mistakes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar

from .base import MESSAGES, PADDED_NUMBER, Exercise, Feedback, vars_
from .number_parsing import MAX_INPUT_LENGTH, MONTHS, SCALES, parse_day_answer, parse_number_answer

#: The factors of 1,000 a number may be off by, as the scale messages write them.
SCALE_FACTORS = {1: "1,000", 2: "1,000,000", 3: "1,000,000,000"}
#: Text that is not a number; "-0" is a number (zero) and is answered as one, so it is not here.
MALFORMED_TEXT = ["", "   ", "x" * 10_000, "NaN", "inf", "-inf", "-5", "1e309", "\U0001F600", "<script>alert(1)</script>",
                  "5,6,7", "$", "--5", "five", "57 days and more", "\u2248", "1" * 400, "0x1A", "\u0665\u0667",
                  PADDED_NUMBER, " " * (MAX_INPUT_LENGTH + 1), "57" + " " * MAX_INPUT_LENGTH,
                  "\U0001F600" * (MAX_INPUT_LENGTH // 2 + 1)]


@dataclass(frozen=True)
class Trap:
    """A wrong number worth its own feedback (for example GPU-hours given instead of dollars)."""

    value: float
    tolerance: float
    feedback: str


def distinct_traps(candidates, answer: float, tolerance: float, kept=()) -> list[Trap]:
    """The ``candidates`` (in order, after those already ``kept``) whose band touches neither the accepted band
    around ``answer`` nor the band of a trap kept before them, so that every number gets one verdict."""
    traps = list(kept)
    for trap in candidates:
        if abs(trap.value - answer) > tolerance + trap.tolerance and all(
                abs(trap.value - other.value) > trap.tolerance + other.tolerance for other in traps):
            traps.append(trap)
    return traps


@dataclass(frozen=True)
class NumberQuestion(Exercise):
    """Type a number; it is right within ``tolerance`` (absolute, in the answer's units)."""

    answer: float = field(kw_only=True)  # required: from a solutions function, never a default
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
                return Feedback("incorrect", MESSAGES["scale_high"].format(factor=SCALE_FACTORS[power]))
            if abs(value - self.answer / factor) <= self.tolerance / factor:
                return Feedback("incorrect", MESSAGES["scale_low"].format(factor=SCALE_FACTORS[power]))
        return Feedback("incorrect", MESSAGES["too_high" if value > self.answer else "too_low"])

    def recognised_mistakes(self) -> list[tuple[str, str]]:
        """Each trap (a wrong number worth its own feedback), then the right digits at the wrong scale."""
        from exercises.formatting import written_date  # pandas: only the teachers' key needs it

        def answer(value: float) -> str:
            if self.month:  # a day of the month: "24 January 2025"
                year, month = (int(part) for part in self.month.split("-"))
                return written_date(datetime.date(year, month, round(value)))
            return f"{shown_number(value)} {self.unit_label()}".strip()

        traps = [(f"Answers {answer(trap.value)}", trap.feedback) for trap in self.traps]
        scale = [] if self.month else [("Gives the right digits a thousand, million or billion times too large or small",
                                        MESSAGES["scale_high"].format(factor=SCALE_FACTORS[1]))]
        return traps + scale

    def correct_answer(self) -> str:
        return f"{self.answer:.10f}".rstrip("0").rstrip(".")

    def answer_text(self) -> str:
        return self.display

    def kind_spec(self) -> dict:
        return {"answer": self.answer, "tolerance": self.tolerance, "unit_words": list(self.unit_words),
                "traps": [vars_(t) for t in self.traps], "correct_feedback": self.correct_feedback,
                "scales": SCALES, "scale": self.scale, "month": self.month, "months": MONTHS}

    def static_inputs(self) -> str:
        base = f"exercise-{self.id}"
        label = self.unit_label()
        units = f' <span class="kit-units">({"" if self.month else "in "}{escape(label)})</span>' if label else ""
        return (f'<label class="kit-label" for="{base}-input">Your answer</label> '
                f'<input class="kit-number" id="{base}-input" type="text" inputmode="decimal" autocomplete="off" '
                f'spellcheck="false">{units}')

    def make_widgets(self) -> tuple[list, dict]:
        import ipywidgets as w

        field = w.Text(value="", placeholder="Type a number, e.g. 57", description="Your answer:",
                       style={"description_width": "initial"}, layout=w.Layout(width="auto", max_width="24em"))
        return [field], {"number": field}

    def read_widgets(self, inputs: dict) -> str:
        return inputs["number"].value

    def fill_widgets(self, inputs: dict, answer: str) -> None:
        inputs["number"].value = answer

    def sample_wrong_answers(self) -> list[str]:
        """Numbers just past the tolerance (whole days for a day of the month), a third and three times the answer,
        then each trap's value (the trap's feedback names the mistake)."""
        a, t = self.answer, self.tolerance
        traps = [f"{trap.value:.12g}" for trap in self.traps]
        if self.month:  # a day of the month: whole days just outside the tolerance
            days = [d for d in (int(a + t) + 1, int(a - t) - 1 if a - t == int(a - t) else int(a - t)) if 1 <= d <= 28]
            return [str(d) for d in days] + traps
        return [f"{v:.12g}" for v in (a + t * 1.01, a - t * 1.01, a * 3, a / 3)] + traps

    def readable_variants(self) -> list[str]:
        """The right number with digit groups spaced, with a scale word ("5.576 million"), or as a date."""
        if self.month:
            year, month = (int(p) for p in self.month.split("-"))
            day = datetime.date(year, month, round(self.answer))
            return [f"{day.day} {day:%B}", f"{day:%B} {day.day}", f"{day:%A} {day.day} {day:%B}", f"{day.day}th",
                    day.isoformat(), f"{day:%a} {day.day} {day:%b} {year}"]
        variants = []
        if self.answer >= 1000:  # digit groups with spaces, in the field's own unit
            variants.append(f"{self.answer:,.4f}".rstrip("0").rstrip(".").replace(",", " "))
        value = self.answer * self.scale  # with a scale word, read against the field's unit
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
            if value >= size:
                variants.append(f"{value / size:.8g} {word}")
                break
        return variants

    def answers_at_tolerance(self) -> list[str]:
        """The answer plus and minus almost the whole tolerance; for a day of the month, every day within it."""
        a, t = self.answer, self.tolerance
        if self.month:  # whole days only
            return [str(d) for d in range(int(-(-(a - t) // 1)), int((a + t) // 1) + 1)]
        return [repr(a + t * 0.999), repr(a - t * 0.999)]

    def sample_refused_answers(self) -> list:
        return MALFORMED_TEXT + [None, 57, ["57"]]


def shown_number(value: float) -> str:
    """A number as a teacher reads it and a learner could type it: 2,788,000, 1,361.33 (two decimals at most) or,
    below 1, 0.008753 (six decimals at most)."""
    from exercises.formatting import trim  # pandas: only the teachers' key needs it

    return trim(value, 2 if abs(value) >= 1 else 6)
