"""The ordering kind: put the items in order; feedback counts the items in place and names the first one out."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar

from ..display import html_table
from .base import (
    LONG_KEY, MAX_CHOSEN_ITEMS, MESSAGES, Exercise, Feedback, Option, option_by_key, too_long_for_a_key, vars_,
)
from .controls import FILL_CELL, select_html


@dataclass(frozen=True)
class Ordering(Exercise):
    """Put the items in order; ``items`` are listed as shown, ``correct`` is the right order of keys."""

    items: tuple[Option, ...] = ()
    correct: tuple[str, ...] = field(kw_only=True)  # required: the order a solutions function gives
    kind: ClassVar[str] = "ordering"

    def check(self, answer: Any) -> Feedback:
        keys = [item.key for item in self.items]
        if (not isinstance(answer, (list, tuple)) or len(answer) != len(keys)
                or any(isinstance(a, str) and too_long_for_a_key(a) for a in answer)
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
        return " → ".join(option_by_key(self.items, key).label for key in self.correct)

    def answer_html(self) -> str:
        """A numbered table of the items in the right order, with their full labels."""
        rows = [f'<tr><th scope="row">{position}</th><td>{escape(option_by_key(self.items, key).label)}</td></tr>'
                for position, key in enumerate(self.correct, start=1)]
        table = html_table(f"Answer to {self.title}: the items in order", ["Position", "Item"], rows)
        return table.data  # its caption names it the answer, here and in the answer key

    def kind_spec(self) -> dict:
        return {"items": [vars_(i) for i in self.items], "correct": list(self.correct)}

    def static_inputs(self) -> str:
        base = f"exercise-{self.id}"
        items = "".join(f"<li>{escape(item.label)}</li>" for item in self.items)
        slots = "".join(
            f'<div class="kit-row"><label for="{base}-position-{i}">Position {i}</label>'
            f'{select_html(f"{base}-position-{i}", f"data-position={i}", self.items)}</div>'
            for i in range(1, len(self.items) + 1)
        )
        return (f'<p class="kit-label">The items:</p><ul class="kit-items">{items}</ul>'
                f'<fieldset class="kit-fieldset"><legend>Put them in order</legend>{slots}</fieldset>')

    def make_widgets(self) -> tuple[list, dict]:
        """The items listed, then a menu per position."""
        import ipywidgets as w

        listing = w.HTML(value="<p>The items:</p><ul>" + "".join(f"<li>{escape(i.label)}</li>"
                                                                  for i in self.items) + "</ul>")
        choices = [("Choose…", "")] + [(i.label, i.key) for i in self.items]
        menus = {f"position {n}": w.Dropdown(options=choices, value="", description=f"Position {n}",
                                             style={"description_width": "initial"}, layout=w.Layout(**FILL_CELL))
                 for n in range(1, len(self.items) + 1)}
        return [listing, *menus.values()], menus

    def read_widgets(self, inputs: dict) -> list[str]:
        return [dropdown.value for dropdown in inputs.values()]

    def fill_widgets(self, inputs: dict, answer: list[str]) -> None:
        for position, dropdown in enumerate(inputs.values()):
            dropdown.value = answer[position] if position < len(answer) else ""

    def sample_wrong_answers(self) -> list[list[str]]:
        """The right order reversed, and turned by one (the first item last)."""
        order = self.correct_answer()
        return [list(reversed(order)), order[1:] + order[:1]]

    def sample_refused_answers(self) -> list:
        keys = [item.key for item in self.items]
        too_many = [keys[0]] * (MAX_CHOSEN_ITEMS + 1)
        return [[], None, keys[:-1], keys[:1] * len(keys), [3] * len(keys), "abc", too_many, keys[:-1] + [LONG_KEY]]
