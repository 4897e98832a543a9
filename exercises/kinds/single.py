"""The single-choice kind: choose one option; options the evidence also supports are accepted as right."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar

from .base import (
    LONG_KEY, MESSAGES, PADDED_NUMBER, Exercise, Feedback, Option, option_by_key, too_long_for_a_key, vars_,
)
from .controls import FILL_CELL, choices_html


@dataclass(frozen=True)
class SingleChoice(Exercise):
    """Choose one option."""

    options: tuple[Option, ...] = ()
    correct: str = field(kw_only=True)  # required: the key a solutions function gives
    also: frozenset[str] = frozenset()  # other options the evidence also supports: accepted as right
    kind: ClassVar[str] = "single"

    def check(self, answer: Any) -> Feedback:
        if not isinstance(answer, str) or answer == "":
            return Feedback("invalid", MESSAGES["choose_one"])
        if too_long_for_a_key(answer):
            return Feedback("invalid", MESSAGES["unknown_option"])
        option = option_by_key(self.options, answer)
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
        main = option_by_key(self.options, self.correct).label
        others = [o.label for o in self.options if o.key in self.also and o.key != self.correct]
        return main + (f" (also right: {'; '.join(others)})" if others else "")

    def kind_spec(self) -> dict:
        return {"options": [vars_(o) for o in self.options], "correct": self.correct,
                "also": [o.key for o in self.options if o.key in self.also]}

    def static_inputs(self) -> str:
        return choices_html(self.id, self.options, "radio", "Choose one")

    def make_widgets(self) -> tuple[list, dict]:
        # Radio labels cannot wrap (long ones overlap), so options are listed in full above short radio
        # labels, and the radio group takes the full width.
        import ipywidgets as w

        names = [o.short or chr(ord("A") + i) for i, o in enumerate(self.options)]
        listed = [o.label if o.label.startswith(n) else f"{n}: {o.label}" for n, o in zip(names, self.options)]
        listing = w.HTML(value="<ul>" + "".join(f"<li>{escape(text)}</li>" for text in listed) + "</ul>")
        choice = w.RadioButtons(options=list(zip(names, [o.key for o in self.options])), value=None,
                                description="Your choice:", style={"description_width": "initial"},
                                layout=w.Layout(**FILL_CELL))
        return [listing, choice], {"choice": choice}

    def read_widgets(self, inputs: dict) -> str:
        return inputs["choice"].value or ""

    def fill_widgets(self, inputs: dict, answer: str) -> None:
        inputs["choice"].value = answer or None

    def recognised_mistakes(self) -> list[tuple[str, str]]:
        """Each option the checker does not accept, with the feedback it gives."""
        return [(f"Chooses {o.label}", o.feedback) for o in self.options
                if o.key not in self.accepted_answers() and o.feedback]

    def sample_wrong_answers(self) -> list[str]:
        """Every option the checker does not accept, each with its own feedback."""
        return [o.key for o in self.options if o.key not in self.accepted_answers()]

    def accepted_alternatives(self) -> list[str]:
        """The other options the evidence supports (``also``)."""
        return self.accepted_answers()[1:]

    def sample_refused_answers(self) -> list:
        return ["", "no-such-option", None, 3, ["a"], "<script>", LONG_KEY, PADDED_NUMBER]
