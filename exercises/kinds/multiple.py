"""The multiple-choice kind: tick all that apply; feedback names what was missed and what was wrongly ticked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .base import (
    LONG_KEY, MAX_CHOSEN_ITEMS, MESSAGES, PADDED_NUMBER, Exercise, Feedback, Option, as_sentence, option_by_key,
    too_long_for_a_key, vars_,
)
from .controls import FILL_CELL, choices_html


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
        if any(too_long_for_a_key(a) for a in answer):
            return Feedback("invalid", MESSAGES["unknown_option"])
        chosen = set(answer)
        if not chosen:
            return Feedback("invalid", MESSAGES["choose_some"])
        if any(option_by_key(self.options, key) is None for key in chosen):
            return Feedback("invalid", MESSAGES["unknown_option"])
        notes = tuple(MESSAGES["either_way"].format(label=as_sentence(o.label), feedback=o.feedback).strip()
                      for o in self.options if o.key in self.either)
        if chosen - self.either == self.correct - self.either:
            return Feedback("correct", MESSAGES["correct"], notes)
        details, right = [], 0
        for option in self.options:
            should, did = option.key in self.correct, option.key in chosen
            if should == did or option.key in self.either:
                right += 1
            else:
                template = MESSAGES["missed"] if should else MESSAGES["wrongly_chosen"]
                details.append(template.format(label=as_sentence(option.label), feedback=option.feedback).strip())
        message = MESSAGES["some_right"].format(right=right, total=len(self.options))
        return Feedback("incorrect", message, tuple(details))

    def correct_answer(self) -> list[str]:
        return [o.key for o in self.options if o.key in self.correct]

    def answer_text(self) -> str:
        ticked = "; ".join(o.label for o in self.options if o.key in self.correct and o.key not in self.either)
        either = "; ".join(o.label for o in self.options if o.key in self.either)
        return ticked + (f" (either way: {either})" if either else "")

    def kind_spec(self) -> dict:
        return {"options": [vars_(o) for o in self.options], "correct": self.correct_answer(),
                "either": [o.key for o in self.options if o.key in self.either]}

    def static_inputs(self) -> str:
        return choices_html(self.id, self.options, "checkbox", "Tick all that apply")

    def make_widgets(self) -> tuple[list, dict]:
        import ipywidgets as w

        boxes = {o.key: w.Checkbox(value=False, description=o.label, indent=False, layout=w.Layout(**FILL_CELL))
                 for o in self.options}
        return list(boxes.values()), boxes

    def read_widgets(self, inputs: dict) -> list[str]:
        return [key for key, box in inputs.items() if box.value]

    def fill_widgets(self, inputs: dict, answer: list[str]) -> None:
        for key, box in inputs.items():
            box.value = key in answer

    def recognised_mistakes(self) -> list[tuple[str, str]]:
        """Each wrong tick and each missed option, with the feedback it gives (options either way are left out)."""
        settled = [o for o in self.options if o.key not in self.either and o.feedback]
        return ([(f"Ticks {o.label}", o.feedback) for o in settled if o.key not in self.correct]
                + [(f"Leaves out {o.label}", o.feedback) for o in settled if o.key in self.correct])

    def sample_wrong_answers(self) -> list[list[str]]:
        """Each wrong option ticked alone (its feedback is named), then the right ticks with one settled tick missed."""
        settled = [key for key in self.correct_answer() if key not in self.either]
        wrong = [[o.key] for o in self.options if o.key not in self.correct and o.key not in self.either]
        missing_one = [key for key in self.correct_answer() if settled and key != settled[0]]
        return wrong + ([missing_one] if missing_one and settled else [])

    def accepted_alternatives(self) -> list[list[str]]:
        """The right ticks with each ``either`` option flipped (the evidence does not settle it)."""
        return [sorted(set(self.correct_answer()) ^ {key}) for key in self.either]

    def sample_refused_answers(self) -> list:
        keys = [o.key for o in self.options]
        too_many = [keys[0]] * (MAX_CHOSEN_ITEMS + 1)
        return [[], "a", None, ["no-such-option"], [3], {"a": 1}, too_many, [keys[0], LONG_KEY], [PADDED_NUMBER]]
